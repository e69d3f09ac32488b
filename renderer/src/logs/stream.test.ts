import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, SubscriptionHandlers } from '../../../shared/api/client';
import type { PodLogEvent, PodSnapshot } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { StreamState } from './store';
import { followPodLogs, ResumeDedup, runKey } from './stream';

const line = (text: string, t: number, container = 'app'): PodLogEvent => ({
  kind: 'line',
  container,
  stream: 'stdout',
  time: new Date(t).toISOString(),
  t,
  text,
  truncated: false,
  attempt: 0,
});
const texts = (events: PodLogEvent[]): string[] => events.map((e) => (e.kind === 'line' ? e.text : e.kind));

describe('ResumeDedup', () => {
  it('passes a live stream through untouched and remembers where it got to', () => {
    const dedup = new ResumeDedup();
    expect(dedup.since).toBeUndefined();
    const batch = [line('a', 1000), line('b', 1000), line('c', 2000)];
    expect(dedup.keep(batch)).toBe(batch);
    expect(dedup.since).toBe(new Date(2000).toISOString());
  });

  it('drops what a resumed stream repeats at and before the resume instant, and keeps what is new', () => {
    const dedup = new ResumeDedup();
    dedup.keep([line('a', 1000), line('b', 2000), line('c', 2000)]);
    dedup.resume();
    // The engine replays from `since` inclusive: c and b again, then a new line at the same instant, then later.
    const kept = dedup.keep([line('b', 2000), line('c', 2000), line('d', 2000), line('e', 3000)]);
    expect(texts(kept)).toEqual(['d', 'e']);
    // Once past the resume instant nothing more is checked: an identical later line is a real line.
    expect(texts(dedup.keep([line('e', 3000)]))).toEqual(['e']);
  });

  it('keeps everything when resuming before any line was seen', () => {
    const dedup = new ResumeDedup();
    dedup.resume();
    expect(texts(dedup.keep([line('a', 5)]))).toEqual(['a']);
  });
});

describe('runKey', () => {
  const pod = (infraId: string, state: 'running' | 'waiting'): PodSnapshot => ({
    name: 'p',
    namespace: 'default',
    phase: 'Running',
    restartPolicy: 'Always',
    containers: [
      {
        name: 'POD',
        role: 'infra',
        image: 'pause',
        id: infraId,
        state: { state: 'running', startedAt: '' },
        restartCount: 0,
      },
      {
        name: 'app',
        role: 'app',
        image: 'busybox',
        state: state === 'running' ? { state: 'running', startedAt: '' } : { state: 'waiting', reason: 'x' },
        restartCount: 0,
      },
    ],
  });

  it('changes with a new run or when containers come back up, not with every snapshot', () => {
    expect(runKey(undefined)).toBeUndefined();
    expect(runKey(pod('i1', 'running'))).toBe(runKey(pod('i1', 'running')));
    expect(runKey(pod('i1', 'running'))).not.toBe(runKey(pod('i2', 'running')));
    expect(runKey(pod('i1', 'running'))).not.toBe(runKey(pod('i1', 'waiting')));
  });
});

describe('followPodLogs', () => {
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const subscriptions: Array<{
      params: Record<string, unknown>;
      handlers: SubscriptionHandlers<PodLogEvent>;
      stopped: boolean;
    }> = [];
    const client = {
      call: () => Promise.reject(new Error('no calls')),
      subscribe: (_topic: string, params: Record<string, unknown>, handlers: SubscriptionHandlers<PodLogEvent>) => {
        const sub = { params, handlers, stopped: false };
        subscriptions.push(sub);
        return () => (sub.stopped = true);
      },
    } as unknown as ApiClient;
    const shown: string[] = [];
    const states: StreamState[] = [];
    let state: StreamState = 'idle';
    const sink = {
      append: (events: PodLogEvent[]) => shown.push(...texts(events)),
      setStream: (s: StreamState) => {
        state = s;
        states.push(s);
      },
      stream: () => state,
    };
    return { client, subscriptions, shown, states, sink };
  }

  it('resubscribes with the since the back end gave after ENGINE_UNREACHABLE, without repeating lines', () => {
    vi.useFakeTimers();
    const { client, subscriptions, shown, states, sink } = setUp();
    const stop = followPodLogs(client, { name: 'web', namespace: 'default' }, new ResumeDedup(), sink, 100);
    expect(subscriptions[0]!.params).toMatchObject({ name: 'web', follow: true, tail: 50_000 });
    expect(subscriptions[0]!.params.since).toBeUndefined();
    void subscriptions[0]!.handlers.onEvents([line('a', 1000), line('b', 2000)], 0);
    const since = new Date(2000).toISOString();
    subscriptions[0]!.handlers.onEnd?.(new ApiError('ENGINE_UNREACHABLE', 'gone', { since }));
    expect(states.at(-1)).toBe('reconnecting');
    expect(subscriptions).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[1]!.params).toMatchObject({ since, follow: true });
    void subscriptions[1]!.handlers.onEvents([line('b', 2000), line('c', 3000)], 0);
    expect(shown).toEqual(['a', 'b', 'c']);
    expect(states.at(-1)).toBe('live');
    stop();
    expect(subscriptions[1]!.stopped).toBe(true);
  });

  it('ends quietly when every container is gone, reports other errors, and stop cancels a pending retry', () => {
    vi.useFakeTimers();
    const { client, subscriptions, states, sink } = setUp();
    followPodLogs(client, { name: 'web' }, new ResumeDedup(), sink, 100);
    subscriptions[0]!.handlers.onEnd?.();
    expect(states.at(-1)).toBe('ended');

    const second = setUp();
    followPodLogs(second.client, { name: 'web' }, new ResumeDedup(), second.sink, 100);
    second.subscriptions[0]!.handlers.onEnd?.(new ApiError('NOT_FOUND', 'no such Pod'));
    expect(second.states.at(-1)).toBe('error');

    const third = setUp();
    const stop = followPodLogs(third.client, { name: 'web' }, new ResumeDedup(), third.sink, 100);
    third.subscriptions[0]!.handlers.onEnd?.(new ApiError('ENGINE_UNREACHABLE', 'gone'));
    stop();
    vi.advanceTimersByTime(1000);
    expect(third.subscriptions).toHaveLength(1);
  });

  it('ignores a batch the client delivers after stop', () => {
    const { client, subscriptions, shown, states, sink } = setUp();
    const stop = followPodLogs(client, { name: 'web' }, new ResumeDedup(), sink, 100);
    stop();
    const before = states.length;
    void subscriptions[0]!.handlers.onEvents([line('late', 1000)], 0);
    expect(shown).toEqual([]);
    expect(states).toHaveLength(before);
  });
});
