// Back-pressure for event streams: batches events, keeps at most `window` batches unacknowledged,
// and when the consumer lags, drops the oldest queued events and reports how many were skipped.
export interface EventBatch<E> {
  seq: number;
  events: E[];
  skipped: number;
}

export interface EventPumpOptions<E> {
  send: (batch: EventBatch<E>) => void;
  /** Batches in flight before the pump waits for an ack. */
  window?: number;
  /** Events per batch at most. */
  maxBatch?: number;
  /** Events held while the consumer lags; past this the oldest are dropped (memory stays bounded). */
  maxQueued?: number;
  /** Defers a flush so that events pushed in one tick travel in one batch. */
  schedule?: (fn: () => void) => void;
}

export class EventPump<E> {
  private readonly send: (batch: EventBatch<E>) => void;
  private readonly window: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private readonly schedule: (fn: () => void) => void;
  // A ring would avoid the O(n) shift, but batches are taken with splice, which is amortised O(batch).
  private queue: E[] = [];
  private head = 0;
  private skipped = 0;
  private readonly inFlight = new Set<number>();
  private seq = 0;
  private scheduled = false;
  private closed = false;
  private onDrained: (() => void) | undefined;

  constructor(options: EventPumpOptions<E>) {
    this.send = options.send;
    this.window = options.window ?? 4;
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxQueued = options.maxQueued ?? 50_000;
    this.schedule = options.schedule ?? ((fn) => setTimeout(fn, 0));
  }

  get queued(): number {
    return this.queue.length - this.head;
  }

  get unacknowledged(): number {
    return this.inFlight.size;
  }

  push(event: E): void {
    if (this.closed) return;
    this.queue.push(event);
    const over = this.queued - this.maxQueued;
    if (over > 0) {
      this.head += over;
      this.skipped += over;
    }
    this.compact();
    this.requestFlush();
  }

  /** The consumer finished with batch `seq`. Acks are per batch; an unknown or repeated seq is ignored. */
  ack(seq: number): void {
    if (!this.inFlight.delete(seq)) return;
    this.flush();
  }

  /**
   * The producer is done: deliver everything still queued (as the window allows), then call `drained`
   * once. A close() before that cancels it.
   */
  finish(drained: () => void): void {
    if (this.closed) return;
    this.onDrained = drained;
    this.flush();
  }

  close(): void {
    this.onDrained = undefined;
    this.closed = true;
    this.queue = [];
    this.head = 0;
  }

  /** Sends what the window allows now. */
  flush(): void {
    this.scheduled = false;
    while (!this.closed && this.inFlight.size < this.window && (this.queued > 0 || this.skipped > 0)) {
      const end = Math.min(this.queue.length, this.head + this.maxBatch);
      const events = this.queue.slice(this.head, end);
      this.head = end;
      this.compact();
      const batch: EventBatch<E> = { seq: this.seq++, events, skipped: this.skipped };
      this.skipped = 0;
      this.inFlight.add(batch.seq);
      this.send(batch);
    }
    if (this.onDrained && !this.closed && this.queued === 0 && this.skipped === 0) {
      const drained = this.onDrained;
      this.close();
      drained();
    }
  }

  private requestFlush(): void {
    if (this.scheduled || this.inFlight.size >= this.window) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  private compact(): void {
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
