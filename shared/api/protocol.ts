// The wire messages both transports carry (WebSocket frames in the browser host, IPC messages in Electron).
import { z } from 'zod';
import { ApiErrorBody } from './errors';
import { MAX_FILE_BYTES } from './files';

/** Ids are chosen by the client; bounded so a hostile peer cannot make us keep huge keys. */
const Id = z.string().min(1).max(64);
const Name = z.string().min(1).max(64);

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: Id, method: Name, input: z.unknown() }).strict(),
  z.object({ type: z.literal('subscribe'), id: Id, topic: Name, params: z.unknown() }).strict(),
  z.object({ type: z.literal('unsubscribe'), id: Id }).strict(),
  /** The client has consumed the batch with this sequence number; it frees one slot of the window. */
  z.object({ type: z.literal('ack'), id: Id, seq: z.number().int().nonnegative() }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

// A plain union: two `result` shapes share one discriminator value, which discriminatedUnion refuses.
export const ServerMessage = z.union([
  z.object({ type: z.literal('result'), id: Id, ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('result'), id: Id, ok: z.literal(false), error: ApiErrorBody }),
  z.object({
    type: z.literal('events'),
    id: Id,
    seq: z.number().int().nonnegative(),
    events: z.array(z.unknown()),
    /** Events dropped since the previous batch because the client fell behind. */
    skipped: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('end'), id: Id, error: ApiErrorBody.optional() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/**
 * Largest frame either side accepts; anything bigger is a protocol error, not something to buffer. A design file is
 * the largest thing that crosses: its text JSON-escapes to at most twice its bytes (the file calls refuse control
 * characters, which escape to six), plus the envelope and the path, so every file the file calls accept fits.
 */
export const MAX_MESSAGE_BYTES = 2 * MAX_FILE_BYTES + 64 * 1024;

/** Whether a serialized message is within MAX_MESSAGE_BYTES; only a long one is measured (UTF-16 unit ≤ 3 bytes). */
export function fitsInFrame(frame: string): boolean {
  return frame.length * 3 <= MAX_MESSAGE_BYTES || new TextEncoder().encode(frame).length <= MAX_MESSAGE_BYTES;
}

/** The typed answer for a call whose request or answer would not fit in one frame (sent instead of dropping it). */
export function tooLargeError(what: 'request' | 'answer'): ApiErrorBody {
  return {
    code: 'BAD_REQUEST',
    message: `The ${what} is larger than the ${MAX_MESSAGE_BYTES} bytes one API message may carry.`,
    details: { reason: 'TOO_LARGE' },
  };
}
