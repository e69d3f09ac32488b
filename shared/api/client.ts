// The UI's side of the API: typed calls and subscriptions over any transport that moves messages.
import type { CallName, CallInput, CallOutput, TopicName, TopicParams, TopicEvent } from './contract';
import { calls, topics } from './contract';
import { ApiError, type ApiErrorBody } from './errors';
import { fitsInFrame, ServerMessage, tooLargeError, type ClientMessage } from './protocol';

export interface Transport {
  send(message: ClientMessage): void;
  /** Registers the single receiver of server messages. */
  onMessage(receiver: (message: unknown) => void): void;
  /** Registers a callback for when the connection is gone for good. */
  onClose?(receiver: (reason: string) => void): void;
}

export interface SubscriptionHandlers<E> {
  /** Receives each batch; the ack that lets the back end send more goes out when this returns (or resolves). */
  onEvents: (events: E[], skipped: number) => void | Promise<void>;
  onEnd?: (error?: ApiError) => void;
}

export interface ApiClient {
  call<N extends CallName>(method: N, input?: CallInput<N>): Promise<CallOutput<N>>;
  subscribe<T extends TopicName>(
    topic: T,
    params: TopicParams<T>,
    handlers: SubscriptionHandlers<TopicEvent<T>>,
  ): () => void;
}

interface Pending {
  method: CallName;
  resolve: (value: unknown) => void;
  reject: (error: ApiError) => void;
}

interface Active {
  topic: TopicName;
  handlers: SubscriptionHandlers<unknown>;
  /** Batches are handled strictly in order, even when a handler is async. */
  chain: Promise<void>;
}

export function createApiClient(transport: Transport): ApiClient {
  let counter = 0;
  const nextId = (): string => `${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const pending = new Map<string, Pending>();
  const active = new Map<string, Active>();

  transport.onMessage((raw) => {
    const parsed = ServerMessage.safeParse(raw);
    if (!parsed.success) return; // a malformed frame from the back end is dropped, never trusted
    const message = parsed.data;
    if (message.type === 'result') {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (!message.ok) return call.reject(ApiError.from(message.error));
      const checked = calls[call.method].output.safeParse(message.value);
      if (checked.success) call.resolve(checked.data);
      else
        call.reject(new ApiError('INTERNAL', `The back end answered ${call.method} with data outside the contract.`));
      return;
    }
    const sub = active.get(message.id);
    if (!sub) return;
    if (message.type === 'events') {
      const eventSchema = topics[sub.topic].event;
      const events = message.events.flatMap((e) => {
        const r = eventSchema.safeParse(e);
        return r.success ? [r.data] : [];
      });
      sub.chain = sub.chain
        .then(() => sub.handlers.onEvents(events, message.skipped))
        .catch(() => undefined)
        .then(() => {
          if (active.has(message.id)) transport.send({ type: 'ack', id: message.id, seq: message.seq });
        });
      return;
    }
    active.delete(message.id);
    const error = message.error ? ApiError.from(message.error as ApiErrorBody) : undefined;
    void sub.chain.then(() => sub.handlers.onEnd?.(error));
  });

  transport.onClose?.((reason) => {
    const error = new ApiError('DISCONNECTED', reason);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    for (const sub of active.values()) void sub.chain.then(() => sub.handlers.onEnd?.(error));
    active.clear();
  });

  return {
    call(method, input) {
      const id = nextId();
      const message: ClientMessage = { type: 'call', id, method, input: input ?? {} };
      // The back end would close the connection on an oversized frame; refuse the one call instead.
      if (!fitsInFrame(JSON.stringify(message))) return Promise.reject(ApiError.from(tooLargeError('request')));
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
        transport.send(message);
      });
    },
    subscribe(topic, params, handlers) {
      const id = nextId();
      active.set(id, { topic, handlers: handlers as SubscriptionHandlers<unknown>, chain: Promise.resolve() });
      transport.send({ type: 'subscribe', id, topic, params });
      return () => {
        if (!active.delete(id)) return;
        transport.send({ type: 'unsubscribe', id });
      };
    },
  };
}
