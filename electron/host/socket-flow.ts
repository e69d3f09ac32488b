// Back-pressure for one browser-host WebSocket: what the host holds for a client is bounded, whatever the client asks.
//
// Every call's answer (a design file is up to 2 MB) waits in the socket until the client reads it. A client that asks
// and never reads once made the host hold 1.8 GB for 300 `file.open` calls. Here the host stops reading new messages
// while too many calls are being answered or too many bytes wait, and drops a client whose queue stays full.
import type { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../shared/api';

export interface FlowLimits {
  /** Bytes handed to the socket and not yet written out past which no new message is read. */
  highWater: number;
  /** Calls answered at once on one socket past which no new message is read. */
  maxCallsInFlight: number;
  /** How long the queue may stay over highWater before the client is taken for one that does not read. */
  stallMs: number;
  /** Bytes waiting past which the client is dropped at once. */
  hardLimit: number;
}

export const defaultFlowLimits: FlowLimits = {
  highWater: 2 * MAX_MESSAGE_BYTES,
  maxCallsInFlight: 16,
  stallMs: 30_000,
  hardLimit: 8 * MAX_MESSAGE_BYTES,
};

/** Messages the session answers with a `result` (calls, and anything malformed), as opposed to stream control. */
const STREAM_CONTROL = new Set(['subscribe', 'unsubscribe', 'ack']);

export class SocketFlow {
  private readonly limits: FlowLimits;
  private queued = 0;
  private inFlight = 0;
  /**
   * Messages read while the host was holding back. Pausing stops the socket from being read, but frames already read
   * are still delivered; they wait here (no more than one read's worth, as nothing more is read).
   */
  private readonly backlog: unknown[] = [];
  private stall: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly handle: (message: unknown) => void,
    limits: Partial<FlowLimits> = {},
    private readonly onDrop: () => void = () => {},
  ) {
    this.limits = { ...defaultFlowLimits, ...limits };
  }

  /**
   * A message arrived (already parsed). Stream control (acks, unsubscribes) is handled at once; anything that will be
   * answered with a result is handled when the socket has room, in order.
   */
  receive(message: unknown): void {
    if (this.closed) return;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && STREAM_CONTROL.has(type)) return this.handle(message);
    this.backlog.push(message);
    this.update();
  }

  /** Sends one frame; `answers` when it is a call's result. */
  send(frame: string, answers: boolean): void {
    if (this.closed) return;
    if (answers) this.inFlight = Math.max(0, this.inFlight - 1);
    const bytes = Buffer.byteLength(frame);
    this.queued += bytes;
    if (this.queued > this.limits.hardLimit) return this.drop();
    this.ws.send(frame, () => {
      this.queued -= bytes;
      this.update();
    });
    this.update();
  }

  close(): void {
    this.closed = true;
    this.backlog.length = 0;
    if (this.stall) clearTimeout(this.stall);
  }

  private full(): boolean {
    return this.queued > this.limits.highWater;
  }

  private update(): void {
    while (!this.closed && this.backlog.length > 0 && !this.full() && this.inFlight < this.limits.maxCallsInFlight) {
      this.inFlight++;
      this.handle(this.backlog.shift());
    }
    if (this.closed) return;
    const holding = this.full() || this.inFlight >= this.limits.maxCallsInFlight || this.backlog.length > 0;
    if (holding) {
      if (!this.ws.isPaused) this.ws.pause();
    } else if (this.ws.isPaused) this.ws.resume();
    if (this.full() && !this.stall) this.stall = setTimeout(() => this.drop(), this.limits.stallMs);
    else if (!this.full() && this.stall) {
      clearTimeout(this.stall);
      this.stall = undefined;
    }
  }

  private drop(): void {
    if (this.closed) return;
    this.close();
    this.ws.terminate();
    this.onDrop();
  }
}
