// Docker names that cannot collide (issue 21, finding 8), on the real engine: Pods whose old `<pod>-<container>`
// names were the same now run side by side, and a container may be called "infra".
import { afterAll, describe, expect, it } from 'vitest';
import { checkRun, type Pod } from '../../../../shared/plan';
import { box, dockerReason, requireDocker, testPod, TEST_INFRA, uniqueSuffix } from '../testing';
import { PodRuntime } from './pod-runtime';

const engine = await requireDocker();
const runtime = new PodRuntime(engine);
const suffix = uniqueSuffix();
const network = `pw-names-${suffix}`;
const started: { name: string; namespace?: string }[] = [];

async function run(pod: Pod): Promise<string[]> {
  const info = await engine.info();
  if (!info.reachable) throw new Error(info.reason);
  const check = checkRun(pod, info, { planOptions: { infraImage: TEST_INFRA, network, runId: uniqueSuffix() } });
  expect(check.blockers).toEqual([]);
  started.push({ name: pod.metadata!.name!, namespace: pod.metadata!.namespace });
  const snapshot = await runtime.run(check.plan!);
  return snapshot.containers.filter((c) => c.role !== 'infra' && c.state.state === 'running').map((c) => c.name);
}

describe.skipIf(dockerReason)(`Docker names${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  afterAll(async () => {
    for (const ref of started) await runtime.down(ref, { graceSeconds: 0 });
    await engine.docker.getNetwork(network).remove().catch(() => undefined);
  });

  it('runs Pod "a" with container "b-c" beside Pod "a-b" with container "c", and a container called infra', async () => {
    const a = `a${suffix}`;
    expect(await run(testPod(a, { containers: [box('b-c', 'sleep 3600'), box('infra', 'sleep 3600')] }))).toEqual(['b-c', 'infra']);
    expect(await run(testPod(`${a}-b`, { containers: [box('c', 'sleep 3600')] }))).toEqual(['c']);
  });

  it('runs Pod "q" in namespace "x" beside Pod "x-q" in default', async () => {
    const q = `q${suffix}`;
    expect(await run(testPod(q, { containers: [box('c', 'sleep 3600')] }, { namespace: `x${suffix}` }))).toEqual(['c']);
    expect(await run(testPod(`x${suffix}-${q}`, { containers: [box('c', 'sleep 3600')] }))).toEqual(['c']);
  });
});
