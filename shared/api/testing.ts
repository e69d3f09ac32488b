// Test tooling: handlers for every call and topic of the contract, failing loudly for any a test did not provide,
// so tests of the transport do not break each time the contract grows.
import { callNames, topicNames } from './contract';
import { ApiError } from './errors';
import type { ApiHandlers, CallHandlers, TopicHandlers } from './session';

export function handlersFor(provided: { calls?: Partial<CallHandlers>; topics?: Partial<TopicHandlers> }): ApiHandlers {
  const missing = (name: string) => async (): Promise<never> => {
    throw new ApiError('INTERNAL', `${name} is not provided by this test's handlers`);
  };
  const calls = Object.fromEntries(callNames.map((n) => [n, provided.calls?.[n] ?? missing(n)])) as CallHandlers;
  const topics = Object.fromEntries(topicNames.map((n) => [n, provided.topics?.[n] ?? missing(n)])) as TopicHandlers;
  return { calls, topics };
}
