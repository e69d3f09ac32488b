// Tests the Pod phase as kubelet's getPhase computes it, in particular a crash loop: a container waiting in its
// restart back-off has terminated before, so the Pod is Running (restartPolicy Always), not Pending.
import { describe, expect, it } from 'vitest';
import { podPhase, type ContainerStatus } from './status';

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
