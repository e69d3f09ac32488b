// Twenty Pods started at once through pod.run on this small machine: Docker is slow then (a create or start can take
// longer than any fixed timeout), not gone, so every run must succeed. Each Pod is removed afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../../shared/plan';
import { Engine } from '../connection/engine';
import { podHandlers } from './pod-api';
import { box, dockerReason, requireDocker, TEST_INFRA, testPod, uniqueSuffix } from '../testing';

const main = await requireDocker();
const suffix = uniqueSuffix();
const COUNT = 20;

describe.skipIf(dockerReason)(`many Pods at once${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  const names = Array.from({ length: COUNT }, (_, i) => `many-${i}-${suffix}`);
  const handlers = podHandlers(new Engine());
  afterAll(async () => {
    await Promise.all(
      names.map((name) => handlers.calls['pod.down']({ name, graceSeconds: 0 }).catch(() => undefined)),
    );
  }, 120_000);

  it(`starts ${COUNT} Pods through pod.run at once, and every one runs`, async () => {
    const results = await Promise.allSettled(
      names.map((name) =>
        handlers.calls['pod.run']({
          documents: [
            testPod(name, {
              volumes: [{ name: 'scratch', emptyDir: {} }],
              initContainers: [box('init', 'true')],
              containers: [box('app', 'sleep 3600', { volumeMounts: [{ name: 'scratch', mountPath: '/s' }] })],
            }) as unknown as Record<string, unknown>,
          ],
          infraImage: TEST_INFRA,
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [`${names[i]}: ${String(r.reason)}`] : []));
    // Before: 11 to 16 of 20 failed with "socket hang up" while Docker was merely slow.
    expect(failed).toEqual([]);
    for (const r of results) if (r.status === 'fulfilled') expect(r.value.phase).toBe('Running');
    const running = await main.docker.listContainers({
      filters: { label: [`${Labels.role}=app`], status: ['running'] },
    });
    expect(running.filter((c) => names.includes(c.Labels[Labels.pod]!))).toHaveLength(COUNT);
  }, 300_000);
});
