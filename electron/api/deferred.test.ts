// Deferred handlers: a call or a subscription that arrives before the real handlers have loaded is served by them once
// they have, and a failed load answers every call with its error instead of hanging.
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/api';
import { deferredHandlers } from './deferred';

function later<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const real = {
  calls: { 'app.version': async () => ({ name: 'podwright', version: '9.9.9', host: 'browser' }) },
  topics: {
    'engine.events': async (_params: unknown, emit: (event: unknown) => void) => emit({ kind: 'hello' }),
  },
} as unknown as ApiHandlers;

describe('deferredHandlers', () => {
  it('answers a call made before the handlers loaded, once they have', async () => {
    const loading = later<ApiHandlers>();
    const handlers = deferredHandlers(loading.promise);
    let answered = false;
    const answer = handlers.calls['app.version']({}).then((v) => ((answered = true), v));
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    loading.resolve(real);
    expect(await answer).toEqual({ name: 'podwright', version: '9.9.9', host: 'browser' });
  });

  it('starts a subscription once loaded, unless it was cancelled meanwhile', async () => {
    const loading = later<ApiHandlers>();
    const handlers = deferredHandlers(loading.promise);
    const events: unknown[] = [];
    const kept = handlers.topics['engine.events']({ labels: {} } as never, (e) => events.push(e), new AbortController().signal);
    const cancelled = new AbortController();
    const dropped = handlers.topics['engine.events']({ labels: {} } as never, (e) => events.push(e), cancelled.signal);
    cancelled.abort();
    loading.resolve(real);
    await Promise.all([kept, dropped]);
    expect(events).toEqual([{ kind: 'hello' }]);
  });

  it('fails every call with the load error', async () => {
    const loading = later<ApiHandlers>();
    const handlers = deferredHandlers(loading.promise);
    loading.reject(new Error('no engine client'));
    await expect(handlers.calls['engine.info']({})).rejects.toThrow('no engine client');
  });
});
