// `podwright ps` (and the Pod table `run` prints) as a person reads it: how long each container has run or how long
// ago it stopped, as `docker ps` says it, never the engine's nanosecond timestamps; --json keeps those for programs.
import { describe, expect, it } from 'vitest';
import type { PodSnapshot } from '../../engines/docker';
import { formatPod } from '../pod-lines';

const now = Date.parse('2026-12-07T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString().replace('Z', '650146Z');

const pod: PodSnapshot = {
  name: 'web',
  namespace: 'shop',
  phase: 'Running',
  restartPolicy: 'Always',
  podIP: '172.21.0.2',
  containers: [
    {
      name: 'POD',
      role: 'infra',
      image: 'pause',
      state: { state: 'running', startedAt: ago(2 * 3_600_000) },
      restartCount: 0,
    },
    {
      name: 'migrate',
      role: 'init',
      image: 'busybox',
      state: {
        state: 'terminated',
        exitCode: 0,
        reason: 'Completed',
        startedAt: ago(7_000_000),
        finishedAt: ago(7_000_000),
      },
      restartCount: 0,
    },
    {
      name: 'api',
      role: 'app',
      image: 'busybox',
      state: { state: 'running', startedAt: ago(3 * 60_000) },
      restartCount: 2,
    },
    {
      name: 'next',
      role: 'app',
      image: 'busybox',
      state: { state: 'waiting', reason: 'ContainerCreating' },
      restartCount: 0,
    },
  ],
};

describe('the Pod table of ps and run', () => {
  it('tells times as docker ps does: how long up, how long ago stopped, when the Pod started', () => {
    expect(formatPod(pod, now)).toEqual([
      'Pod shop/web: Running (IP 172.21.0.2), started 2 hours ago',
      '  POD      infra    running, up 2 hours',
      '  migrate  init     terminated (Completed, exit code 0) 2 hours ago',
      '  api      app      running, up 3 minutes, 2 restarts',
      '  next     app      waiting (ContainerCreating)',
    ]);
  });

  it('never prints an engine timestamp', () => {
    for (const line of formatPod(pod)) expect(line).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });
});
