// Tests the Pod phase as kubelet's getPhase computes it, in particular a crash loop: a container waiting in its
// restart back-off has terminated before, so the Pod is Running (restartPolicy Always), not Pending.
import { describe, expect, it } from 'vitest';
import { describeState, engineTime, humanDuration, podPhase, type ContainerStatus } from './status';

const app = (state: ContainerStatus['state'], restartCount = 0): ContainerStatus => ({
  name: 'a',
  role: 'app',
  image: 'busybox',
  state,
  restartCount,
});
const running = { state: 'running' as const, startedAt: '2026-01-01T00:00:00Z' };
const backOff = { state: 'waiting' as const, reason: 'CrashLoopBackOff', message: 'restarting after exit code 0' };
const creating = { state: 'waiting' as const, reason: 'ContainerCreating' };

describe('podPhase', () => {
  it('says Running for a crash loop under restartPolicy Always, as a node does', () => {
    expect(podPhase('Always', [app(backOff, 9)])).toBe('Running');
    expect(podPhase('Always', [app(running), app(backOff, 2)])).toBe('Running');
  });

  it('says Pending while a container is still being created', () => {
    expect(podPhase('Always', [app(creating)])).toBe('Pending');
    expect(podPhase('Always', [app(running), app(creating)])).toBe('Pending');
  });

  it('says Succeeded or Failed when nothing restarts the containers', () => {
    const done = { state: 'terminated' as const, exitCode: 0, reason: 'Completed' };
    const failed = { state: 'terminated' as const, exitCode: 1, reason: 'Error' };
    expect(podPhase('Never', [app(done)])).toBe('Succeeded');
    expect(podPhase('Never', [app(failed)])).toBe('Failed');
    expect(podPhase('OnFailure', [app(done)])).toBe('Succeeded');
  });
});

describe('human times for a terminal', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const before = (ms: number) => new Date(now - ms).toISOString().replace('Z', '123456Z');

  it('says durations in the words docker ps uses', () => {
    expect(
      [0, 999, 1000, 59_000, 60_000, 119_000, 120_000, 3_599_000, 3_600_000, 5_400_000, 47 * 3_600_000].map(
        humanDuration,
      ),
    ).toEqual([
      'less than a second',
      'less than a second',
      '1 second',
      '59 seconds',
      'about a minute',
      'about a minute',
      '2 minutes',
      '59 minutes',
      'about an hour',
      '2 hours',
      '47 hours',
    ]);
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
    expect(humanDuration(3 * 7 * 86_400_000)).toBe('3 weeks');
    expect(humanDuration(90 * 86_400_000)).toBe('3 months');
    expect(humanDuration(3 * 365 * 86_400_000)).toBe('3 years');
  });

  it('describes a container with how long it has run or how long ago it stopped, never a nanosecond timestamp', () => {
    const started = before(3 * 60_000 + 5_000);
    expect(describeState({ state: 'running', startedAt: started }, now)).toBe('running, up 3 minutes');
    expect(
      describeState(
        {
          state: 'terminated',
          exitCode: 0,
          reason: 'Completed',
          startedAt: started,
          finishedAt: before(2 * 3_600_000),
        },
        now,
      ),
    ).toBe('terminated (Completed, exit code 0) 2 hours ago');
    expect(describeState({ state: 'waiting', reason: 'ContainerCreating' }, now)).toBe('waiting (ContainerCreating)');
  });

  it("leaves out a time the engine does not have, and counts an engine clock ahead of this one's as just now", () => {
    expect(
      describeState({ state: 'terminated', exitCode: 1, reason: 'Error', finishedAt: '0001-01-01T00:00:00Z' }, now),
    ).toBe('terminated (Error, exit code 1)');
    expect(describeState({ state: 'running', startedAt: '' }, now)).toBe('running');
    expect(describeState({ state: 'running', startedAt: before(-4_000) }, now)).toBe('running, up less than a second');
    expect(engineTime('2026-12-07T00:54:20.650146027Z')).toBe(Date.parse('2026-12-07T00:54:20.650Z'));
  });
});
