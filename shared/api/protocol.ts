// The wire messages both transports carry (WebSocket frames in the browser host, IPC messages in Electron).
import { z } from 'zod';
import { ApiErrorBody } from './errors';

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

/** Largest frame either side accepts; anything bigger is a protocol error, not something to buffer. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
