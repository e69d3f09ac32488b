// A Pod's state after faults nobody asked for (issue 21, finding 11), on the real engine: its infra killed (the apps
// keep running with only `lo`) or one of its containers removed behind Podwright's back. Nothing recovers either, so
// the Pod has failed, and its status says why and how to start again, instead of "Running" or a container vanishing.
import { afterAll, describe, expect, it } from 'vitest';
import { Labels, plan, type Pod } from '../../../../shared/plan';
import { Engine } from '../connection/engine';
import { PodError } from './pod-errors';
import { PodRuntime, type PodSnapshot } from './pod-runtime';
import { box, dockerReason, requireDocker, TEST_INFRA, testPod, uniqueSuffix } from '../testing';

const engine = await requireDocker();
const suffix = uniqueSuffix();
const runtime = new PodRuntime(engine);
const started: string[] = [];

function podOf(base: string): Pod {
  const name = `${base}-${suffix}`;
  started.push(name);
  return testPod(name, {
    initContainers: [box('setup', 'true')],
    containers: [box('web', 'sleep 3600'), box('log', 'sleep 3600')],
  });
}

async function run(pod: Pod): Promise<PodSnapshot> {
  const info = await engine.info();
  if (!info.reachable) throw new Error(info.reason);
  return runtime.run(plan(pod, info, { infraImage: TEST_INFRA, runId: uniqueSuffix() }));
}

const idOf = (s: PodSnapshot, container: string): string => s.containers.find((c) => c.name === container)!.id!;

describe.skipIf(dockerReason)(`a Pod's state after faults${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  afterAll(async () => {
    await Promise.all(started.map((name) => runtime.down({ name }, { graceSeconds: 0 })));
  });

  it('infra killed: the Pod has failed, saying its containers lost their network, in ps too', async () => {
    const pod = podOf('infra-killed');
    const name = pod.metadata!.name!;
    const first = await run(pod);
    expect(first.phase).toBe('Running');
    await engine.docker.getContainer(idOf(first, 'POD')).kill();
    const now = (await runtime.snapshot({ name }))!;
    expect(now.phase).toBe('Failed');
    expect(now.reason).toBe('InfraStopped');
    expect(now.message).toBe(
      "The Pod's infra container stopped, so its containers lost the network and IPC they share, and nothing " +
        `restarts it. Remove the Pod with "podwright down ${name}" and run it again.`,
    );
    expect(now.messageId).toBe('runerrors.pod.INFRA_STOPPED');
    // The apps themselves still run: the state is the Pod's, not theirs.
    expect(now.containers.find((c) => c.name === 'web')!.state.state).toBe('running');
    const listed = (await runtime.list()).find((p) => p.name === name)!;
    expect(listed.phase).toBe('Failed');
    expect(listed.reason).toBe('InfraStopped');
  }, 60_000);

  it('infra removed: the Pod has failed, saying so', async () => {
    const pod = podOf('infra-removed');
    const name = pod.metadata!.name!;
    const first = await run(pod);
    await engine.docker.getContainer(idOf(first, 'POD')).remove({ force: true });
    const now = (await runtime.snapshot({ name }))!;
    expect(now.phase).toBe('Failed');
    expect(now.reason).toBe('InfraMissing');
    expect(now.messageId).toBe('runerrors.pod.INFRA_MISSING');
  }, 60_000);

  it('an app container removed: it stays in the status as the kubelet reports a lost one, and the Pod has failed', async () => {
    const pod = podOf('app-removed');
    const name = pod.metadata!.name!;
    const first = await run(pod);
    await engine.docker.getContainer(idOf(first, 'web')).remove({ force: true });
    const now = (await runtime.snapshot({ name }))!;
    expect(now.containers.map((c) => c.name)).toEqual(['POD', 'setup', 'web', 'log']);
    expect(now.containers[2]).toMatchObject({
      name: 'web',
      role: 'app',
      image: 'podwright-test/busybox:1',
      state: { state: 'terminated', exitCode: 137, reason: 'ContainerStatusUnknown' },
    });
    expect(now.phase).toBe('Failed');
    expect(now.reason).toBe('ContainerMissing');
    expect(now.message).toBe(
      `Removed from the engine, and nothing recreates it: web. Remove the Pod with "podwright down ${name}" and run it again.`,
    );
  }, 60_000);

  it('a Pod whose containers are all there and running stays Running with no reason', async () => {
    const pod = podOf('healthy');
    const first = await run(pod);
    expect(first.phase).toBe('Running');
    expect(first.reason).toBeUndefined();
    const now = (await runtime.snapshot({ name: pod.metadata!.name! }))!;
    expect(now.phase).toBe('Running');
    expect(now.reason).toBeUndefined();
    expect(now.containers.map((c) => c.name)).toEqual(['POD', 'setup', 'web', 'log']);
  }, 60_000);

  it('a Pod stopped on purpose (apps first, the infra last) is not said to have lost its infra', async () => {
    const pod = podOf('stopped');
    await run(pod);
    const now = (await runtime.stop({ name: pod.metadata!.name! }, { graceSeconds: 0 }))!;
    expect(now.containers.every((c) => c.state.state === 'terminated')).toBe(true);
    expect(now.reason).toBeUndefined();
  }, 60_000);

  it('down from elsewhere while the run waits on an init container: both settle, the run says the Pod was removed', async () => {
    const name = `removed-${suffix}`;
    started.push(name);
    const pod = testPod(name, {
      volumes: [{ name: 'scratch', emptyDir: {} }],
      initContainers: [box('migrate', 'sleep 30', { volumeMounts: [{ name: 'scratch', mountPath: '/s' }] })],
      containers: [box('web', 'sleep 3600')],
    });
    const info = await engine.info();
    if (!info.reachable) throw new Error(info.reason);
    // The down comes from another runtime (another podwright process): it knows nothing of this run.
    const elsewhere = new PodRuntime(new Engine());
    let downed: Promise<unknown> | undefined;
    const running = runtime.run(plan(pod, info, { infraImage: TEST_INFRA, runId: uniqueSuffix() }), {
      onProgress: (p) => {
        if (p.stage === 'init' && !downed) downed = elsewhere.down({ name }, { graceSeconds: 0 });
      },
    });
    const error = await running.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(downed).toBeDefined();
    await expect(downed).resolves.toBeDefined(); // not a raw 409 "removal already in progress"
    expect(error).toBeInstanceOf(PodError);
    expect((error as PodError).code).toBe('RUN_CANCELLED');
    expect((error as PodError).message).toBe(
      `Pod "${name}" was removed (podwright down) while it was starting; the run stopped there.`,
    );
    const label = [`${Labels.pod}=${name}`];
    expect(await engine.docker.listContainers({ all: true, filters: { label } })).toEqual([]);
    expect((await engine.docker.listVolumes({ filters: { label } })).Volumes ?? []).toEqual([]);
  }, 60_000);
});
