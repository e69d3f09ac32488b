// The back end's side of one connection: validates every client message against the contract,
// runs call handlers, and runs topic producers through an EventPump. Transport-agnostic and pure.
import type { z } from 'zod';
import { calls, topics, isCallName, isTopicName, type CallName, type TopicName } from './contract';
import { ApiError, toErrorBody } from './errors';
import { ClientMessage, type ServerMessage } from './protocol';
import { EventPump } from './event-pump';

type Input<N extends CallName> = z.infer<(typeof calls)[N]['input']>;
type Output<N extends CallName> = z.input<(typeof calls)[N]['output']>;
type Params<T extends TopicName> = z.infer<(typeof topics)[T]['params']>;
type Event<T extends TopicName> = z.input<(typeof topics)[T]['event']>;

export type CallHandlers = { [N in CallName]: (input: Input<N>) => Promise<Output<N>> };

/**
 * A topic producer emits events until `signal` aborts; it resolves when its stream ends by itself
 * and rejects when it fails.
 */
export type TopicHandlers = {
  [T in TopicName]: (params: Params<T>, emit: (event: Event<T>) => void, signal: AbortSignal) => Promise<void>;
};

export interface ApiHandlers {
  calls: CallHandlers;
  topics: TopicHandlers;
}

export interface SessionOptions {
  /** Passed to every EventPump; tests shrink these to provoke back-pressure. */
  window?: number;
  maxBatch?: number;
  maxQueued?: number;
  /** Most subscriptions one connection may hold at once. */
  maxSubscriptions?: number;
}

interface Subscription {
  pump: EventPump<unknown>;
  abort: AbortController;
}

export class ApiSession {
  private readonly subscriptions = new Map<string, Subscription>();
  private closed = false;

  constructor(
    private readonly handlers: ApiHandlers,
    private readonly send: (message: ServerMessage) => void,
    private readonly options: SessionOptions = {},
  ) {}

  /** Handles one raw message (already JSON-decoded). Never throws: protocol errors are answered. */
  receive(raw: unknown): void {
    if (this.closed) return;
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      const id =
        typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 64) : '?';
      this.send({ type: 'result', id, ok: false, error: toErrorBody(parsed.error) });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'call':
        void this.call(message.id, message.method, message.input);
        return;
      case 'subscribe':
        this.subscribe(message.id, message.topic, message.params);
        return;
      case 'unsubscribe':
        this.end(message.id);
        return;
      case 'ack':
        this.subscriptions.get(message.id)?.pump.ack(message.seq);
        return;
    }
  }

  /** Ends every subscription; call when the connection goes away. */
  close(): void {
    this.closed = true;
    for (const id of [...this.subscriptions.keys()]) this.end(id, undefined, false);
  }

  private async call(id: string, method: string, input: unknown): Promise<void> {
    try {
      if (!isCallName(method)) throw new ApiError('UNKNOWN_METHOD', `Unknown method "${method}".`);
      const value = await this.invoke(method, input);
      if (!this.closed) this.send({ type: 'result', id, ok: true, value });
    } catch (err) {
      if (!this.closed) this.send({ type: 'result', id, ok: false, error: toErrorBody(err) });
    }
  }

  private async invoke<N extends CallName>(method: N, input: unknown): Promise<unknown> {
    const spec = calls[method];
    const args = spec.input.parse(input ?? {}) as Input<N>;
    const handler = this.handlers.calls[method] as (input: Input<N>) => Promise<Output<N>>;
    // The back end checks its own output too, so a handler bug never sends the UI malformed data.
    return spec.output.parse(await handler(args));
  }

  private subscribe(id: string, topic: string, rawParams: unknown): void {
    try {
      if (this.subscriptions.has(id)) throw new ApiError('CONFLICT', `Subscription id "${id}" is in use.`);
      if (this.subscriptions.size >= (this.options.maxSubscriptions ?? 64)) {
        throw new ApiError('CONFLICT', 'Too many subscriptions on one connection.');
      }
      if (!isTopicName(topic)) throw new ApiError('UNKNOWN_TOPIC', `Unknown topic "${topic}".`);
      this.start(id, topic, rawParams);
    } catch (err) {
      this.send({ type: 'end', id, error: toErrorBody(err) });
    }
  }

  private start<T extends TopicName>(id: string, topic: T, rawParams: unknown): void {
    const spec = topics[topic];
    const params = spec.params.parse(rawParams ?? {}) as Params<T>;
    const abort = new AbortController();
    const pump = new EventPump<unknown>({
      send: (batch) => this.send({ type: 'events', id, ...batch }),
      window: this.options.window,
      maxBatch: this.options.maxBatch,
      maxQueued: this.options.maxQueued,
    });
    this.subscriptions.set(id, { pump, abort });
    const emit = (event: Event<T>): void => {
      if (abort.signal.aborted) return;
      const checked = spec.event.safeParse(event);
      if (checked.success) pump.push(checked.data);
    };
    const producer = this.handlers.topics[topic] as TopicHandlers[T];
    producer(params, emit, abort.signal).then(
      () => this.finish(id),
      (err: unknown) => this.end(id, err),
    );
  }

  /** The stream ended by itself: the consumer still gets every queued event, then the end marker. */
  private finish(id: string): void {
    const sub = this.subscriptions.get(id);
    sub?.pump.finish(() => {
      if (this.subscriptions.get(id) !== sub) return;
      this.subscriptions.delete(id);
      if (!this.closed) this.send({ type: 'end', id });
    });
  }

  /** Ends a subscription now (unsubscribe, failure, or the connection closing); queued events are dropped. */
  private end(id: string, err?: unknown, notify = true): void {
    const sub = this.subscriptions.get(id);
    if (!sub) return;
    this.subscriptions.delete(id);
    sub.abort.abort();
    sub.pump.close();
    if (notify && !this.closed) {
      this.send(err === undefined ? { type: 'end', id } : { type: 'end', id, error: toErrorBody(err) });
    }
  }
}
