// API handlers that wait for the real ones: the browser host can listen (and print its URL) before the engine client
// and the handlers behind it have loaded, and a call that arrives meanwhile is answered once they have.
import { calls, topics, type ApiHandlers, type CallHandlers, type TopicHandlers } from '../../shared/api';

export function deferredHandlers(loading: Promise<ApiHandlers>): ApiHandlers {
  // A failed load is every call's answer; unawaited, it must not end the process as an unhandled rejection.
  loading.catch(() => undefined);
  const deferredCalls: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of Object.keys(calls) as (keyof CallHandlers)[]) {
    deferredCalls[name] = async (input) => ((await loading).calls[name] as (input: unknown) => Promise<unknown>)(input);
  }
  const deferredTopics: Record<string, (params: unknown, emit: (event: unknown) => void, signal: AbortSignal) => Promise<void>> = {};
  for (const name of Object.keys(topics) as (keyof TopicHandlers)[]) {
    deferredTopics[name] = async (params, emit, signal) => {
      const handlers = await loading;
      if (signal.aborted) return;
      return (handlers.topics[name] as (p: unknown, e: (event: unknown) => void, s: AbortSignal) => Promise<void>)(
        params,
        emit,
        signal,
      );
    };
  }
  return { calls: deferredCalls as CallHandlers, topics: deferredTopics as TopicHandlers };
}
