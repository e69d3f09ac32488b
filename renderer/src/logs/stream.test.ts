import { describe, expect, it } from 'vitest';
import type { PodLogEvent, PodSnapshot } from '../../../shared/api/contract';
import { ResumeDedup, runKey } from './stream';

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
      { name: 'POD', role: 'infra', image: 'pause', id: infraId, state: { state: 'running', startedAt: '' }, restartCount: 0 },
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
