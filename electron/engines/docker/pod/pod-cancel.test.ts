// Cancelling a run on the real Docker Engine: during a slow init container and during an image pull, the run stops
// within a couple of seconds with RUN_CANCELLED and leaves nothing behind; cancelling a finished run changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, calls } from '../../../../shared/api';
import { Labels, plan, type Container, type Pod } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { podHandlers } from './pod-api';
import { PodError } from './pod-errors';
import { PodRuntime, type PodSnapshot, type PodStatusEvent } from './pod-runtime';
import { imageFromEngine, startRegistry, type TestRegistry } from './registry.test-support';
import { box, dockerReason, requireDocker, TEST_BUSYBOX, testPod, uniqueSuffix, waitUntil } from '../testing';

const engine: Engine = await requireDocker();
const BUSYBOX = TEST_BUSYBOX;
const INFRA = 'podwright-test/pause:1';
const suffix = uniqueSuffix();
const runtime = new PodRuntime(engine);
const started: string[] = [];
/** Networks made for one test each (a run creates its network when missing, so its rollback must remove it). */
const networks: string[] = [];

/** The test busybox, or another image pulled as `pull` says (the pull tests' registry images). */
function boxOf(name: string, script: string, image = BUSYBOX, pull: Container['imagePullPolicy'] = 'Never'): Container {
  return box(name, script, { image, imagePullPolicy: pull });
}

function podOf(base: string, containers: Container[], initContainers: Container[] = []): Pod {
  const name = `${base}-${suffix}`;
  started.push(name);
  return testPod(name, { initContainers, containers });
}

function freshNetwork(): string {
  const name = `pw-cancel-${uniqueSuffix()}`;
  networks.push(name);
  return name;
}

/** Starts the Pod on a network of its own; `run` settles with the snapshot or the error, never rejects. */
async function start(
  pod: Pod,
  network: string,
): Promise<{ events: PodStatusEvent[]; run: Promise<PodSnapshot | Error> }> {
  const info = await engine.info();
  if (!info.reachable) throw new Error(info.reason);
  const events: PodStatusEvent[] = [];
  const unsubscribe = runtime.subscribe((e) => {
    if (e.kind === 'progress' && e.name === pod.metadata!.name) events.push(e);
  });
  const run = runtime
    .run(plan(pod, info, { infraImage: INFRA, network, runId: uniqueSuffix() }))
    .then(
      (s) => s as PodSnapshot | Error,
      (e: unknown) => e as Error,
    )
    .finally(unsubscribe);
  return { events, run };
}

const until = waitUntil;

/** What `docker ps -a` and `docker volume ls` show of the Pod. */
async function leftovers(name: string): Promise<string[]> {
  const label = [`${Labels.pod}=${name}`];
  const containers = await engine.docker.listContainers({ all: true, filters: { label } });
  const { Volumes } = await engine.docker.listVolumes({ filters: { label } });
  return [...containers.map((c) => c.Names.join(',')), ...(Volumes ?? []).map((v) => `volume ${v.Name}`)];
}

async function networkExists(name: string): Promise<boolean> {
  return engine.docker
    .getNetwork(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

function progressOf(events: PodStatusEvent[]): Extract<PodStatusEvent, { kind: 'progress' }>[] {
  return events.filter((e): e is Extract<PodStatusEvent, { kind: 'progress' }> => e.kind === 'progress');
}

/** Starts a Pod whose init container sleeps 30 s, on a network of its own, and waits until the run waits on it. */
async function runUntilInit(base: string, network = freshNetwork()) {
  const pod = podOf(base, [boxOf('app', 'sleep 3600')], [boxOf('slow', 'sleep 30')]);
  const started = await start(pod, network);
  await until(() => progressOf(started.events).some((e) => e.stage === 'init'));
  return { network, name: pod.metadata!.name!, ...started };
}

describe.skipIf(dockerReason)(`cancelling a run${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let registry: TestRegistry;
  const images: string[] = [];
  beforeAll(async () => {
    // 64 KiB/s: a 4 MiB layer would take a minute, so the cancel always lands mid-download.
    registry = await startRegistry({ bytesPerSecond: 64 * 1024 });
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((name) => runtime.down({ name }, { graceSeconds: 0 })));
    await Promise.all(
      images.splice(0).map((ref) =>
        engine.docker
          .getImage(ref)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });
  afterAll(async () => {
    await registry?.close();
    await Promise.all(
      networks.map((n) =>
        engine.docker
          .getNetwork(n)
          .remove()
          .catch(() => undefined),
      ),
    );
  });

  it('stops waiting on a slow init container, answers RUN_CANCELLED within seconds, and removes the Pod and its network', async () => {
    const { network, name, events, run } = await runUntilInit('init');
    // The init container is really running: the run is waiting on it.
    expect((await leftovers(name)).length).toBe(3); // infra, slow, app (created, not started)

    const asked = Date.now();
    const outcome = await runtime.cancel({ name });
    const error = await run;
    const took = Date.now() - asked;

    expect(outcome).toBe('cancelled');
    expect(error).toBeInstanceOf(PodError);
    expect((error as PodError).code).toBe('RUN_CANCELLED');
    expect((error as PodError).message).toContain(name);
    expect(took).toBeLessThan(3000);
    expect(progressOf(events).at(-1)).toMatchObject({
      stage: 'rollback',
      message: 'Cancelled: removing what was created',
    });
    expect(await leftovers(name)).toEqual([]);
    expect(await networkExists(network)).toBe(false);
    // Nothing is left to cancel.
    expect(await runtime.cancel({ name })).toBe('not-running');
  });

  it('keeps the network it created when another Pod joined it meanwhile (created or stopped: the engine would not refuse)', async () => {
    const { network, name, run } = await runUntilInit('shared');
    // Another Pod's container on the network this run created, not running (as after its own run and a Stop).
    const other = await engine.docker.createContainer({
      name: `pw-cancel-other-${uniqueSuffix()}`,
      Image: BUSYBOX,
      Cmd: ['true'],
      HostConfig: { NetworkMode: network },
    });
    try {
      expect(await runtime.cancel({ name })).toBe('cancelled');
      expect(((await run) as PodError).code).toBe('RUN_CANCELLED');
      expect(await leftovers(name)).toEqual([]);
      expect(await networkExists(network)).toBe(true);
      // The other container can still start on it.
      await other.start();
      expect((await other.wait()).StatusCode).toBe(0);
    } finally {
      await other.remove({ force: true }).catch(() => undefined);
    }
  });

  it("cancelling one Pod leaves another Pod's run on the same network alone", async () => {
    const first = await runUntilInit('first');
    const second = await runUntilInit('second', first.network);
    expect(await runtime.cancel({ name: first.name })).toBe('cancelled');
    expect(((await first.run) as PodError).code).toBe('RUN_CANCELLED');
    expect(await leftovers(first.name)).toEqual([]);
    // The first run made the network, but the second's containers are on it: it stays, and so does that run.
    expect(await networkExists(first.network)).toBe(true);
    expect((await leftovers(second.name)).length).toBe(3);
    expect(await runtime.cancel({ name: second.name })).toBe('cancelled');
    expect(await leftovers(second.name)).toEqual([]);
  });

  it('aborts an image pull mid-download: the engine hangs up on the registry and nothing of the Pod is left', async () => {
    const network = freshNetwork();
    const image = await imageFromEngine(engine.docker, BUSYBOX, { extraLayerBytes: 4 * 1024 * 1024 });
    const tag = `cancel-${uniqueSuffix()}`;
    registry.publish('podwright-test/busybox', tag, image);
    const ref = `${registry.host}/podwright-test/busybox:${tag}`;
    images.push(ref);
    const pod = podOf('pull', [boxOf('web', 'sleep 3600', ref, 'IfNotPresent')]);
    const name = pod.metadata!.name!;
    const { events, run } = await start(pod, network);
    // Some bytes of the big layer have arrived: the pull is under way.
    await until(() => progressOf(events).some((e) => e.layer?.status === 'Downloading' && (e.layer.current ?? 0) > 0));

    const asked = Date.now();
    const outcome = await runtime.cancel({ name });
    const error = await run;

    expect(outcome).toBe('cancelled');
    expect((error as PodError).code).toBe('RUN_CANCELLED');
    expect(Date.now() - asked).toBeLessThan(3000);
    expect(await leftovers(name)).toEqual([]); // the infra created while the pull ran is gone too
    expect(await networkExists(network)).toBe(false);
    // The engine abandoned the download: the registry saw the big layer's connection close before its last byte.
    const layer = (JSON.parse(image.manifest.toString('utf8')) as { layers: { digest: string }[] }).layers.at(-1)!;
    await until(() => registry.abandoned.some((r) => r.path.endsWith(layer.digest)), 5000);
    expect(
      await engine.docker
        .getImage(ref)
        .inspect()
        .then(
          () => 'pulled',
          () => 'absent',
        ),
    ).toBe('absent');
  });

  it('a cancelled pull does not break the next run: the same layers pull at once from a fast registry', async () => {
    const fast = await startRegistry();
    try {
      const image = await imageFromEngine(engine.docker, BUSYBOX, { extraLayerBytes: 4 * 1024 * 1024 });
      const tag = `again-${uniqueSuffix()}`;
      registry.publish('podwright-test/busybox', tag, image);
      fast.publish('podwright-test/busybox', tag, image);
      const slowRef = `${registry.host}/podwright-test/busybox:${tag}`;
      const fastRef = `${fast.host}/podwright-test/busybox:${tag}`;
      images.push(slowRef, fastRef);
      const first = podOf('again1', [boxOf('web', 'sleep 3600', slowRef, 'IfNotPresent')]);
      const { events, run } = await start(first, freshNetwork());
      await until(() =>
        progressOf(events).some((e) => e.layer?.status === 'Downloading' && (e.layer.current ?? 0) > 0),
      );
      expect(await runtime.cancel({ name: first.metadata!.name! })).toBe('cancelled');
      expect(((await run) as PodError).code).toBe('RUN_CANCELLED');

      // Right away, the same layers (same digests) from another registry: the engine's abandoned download of them
      // must not be joined or leave a half layer behind.
      const second = podOf('again2', [boxOf('web', 'sleep 3600', fastRef, 'IfNotPresent')]);
      const again = await (await start(second, freshNetwork())).run;
      expect(again).not.toBeInstanceOf(Error);
      expect((again as PodSnapshot).phase).toBe('Running');
    } finally {
      await fast.close();
    }
  });

  it('a cancel at any stage before the apps start (checks, network, creates, volumes, infra start) leaves nothing behind', async () => {
    for (const stage of ['check', 'network', 'create', 'volume', 'start'] as const) {
      const network = freshNetwork();
      const pod = podOf(`stage-${stage}`, [boxOf('app', 'sleep 3600')], [boxOf('prep', 'true')]);
      pod.spec!.volumes = [{ name: 'scratch', emptyDir: {} }];
      pod.spec!.containers[0]!.volumeMounts = [{ name: 'scratch', mountPath: '/scratch' }];
      const name = pod.metadata!.name!;
      let cancel: Promise<string> | undefined;
      // Asked the moment the stage is reported, from inside the run's own progress callback.
      const stop = runtime.subscribe((e) => {
        if (!cancel && e.kind === 'progress' && e.name === name && e.stage === stage) cancel = runtime.cancel({ name });
      });
      const { run } = await start(pod, network);
      const result = await run;
      stop();
      expect(cancel, stage).toBeDefined();
      // Each of these stages is followed by a safe point before the app starts: the run is cancelled, not finished.
      expect(await cancel!, stage).toBe('cancelled');
      expect((result as PodError).code, stage).toBe('RUN_CANCELLED');
      expect(await leftovers(name), stage).toEqual([]);
      expect(await networkExists(network), stage).toBe(false);
    }
  });

  it('cancelling a run that already finished is a no-op: the Pod keeps running', async () => {
    const network = freshNetwork();
    const pod = podOf('done', [boxOf('app', 'sleep 3600')]);
    const name = pod.metadata!.name!;
    const { run } = await start(pod, network);
    const snapshot = (await run) as PodSnapshot;
    expect(snapshot.phase).toBe('Running');

    expect(await runtime.cancel({ name })).toBe('not-running');
    expect(await runtime.snapshot({ name })).toMatchObject({ phase: 'Running' });
    expect(await networkExists(network)).toBe(true);
  });

  it('pod.cancel through the API: pod.run fails with CANCELLED (details RUN_CANCELLED), the answer says what happened', async () => {
    const previous = process.env.PODWRIGHT_INFRA_IMAGE;
    process.env.PODWRIGHT_INFRA_IMAGE = INFRA;
    try {
      const api = podHandlers(engine, runtime);
      const pod = podOf('api', [boxOf('app', 'sleep 3600')], [boxOf('slow', 'sleep 30')]);
      const name = pod.metadata!.name!;
      const input = calls['pod.run'].input.parse({ documents: [pod] });
      const running = api.calls['pod.run'](input).then(
        () => undefined,
        (e: unknown) => e,
      );
      // A cancel that arrives while the handler still asks the engine for its info is not lost.
      const cancel = calls['pod.cancel'].output.parse(
        await api.calls['pod.cancel'](calls['pod.cancel'].input.parse({ name })),
      );
      const error = await running;
      expect(cancel).toEqual({ outcome: 'cancelled' });
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('CANCELLED');
      expect((error as ApiError).details).toMatchObject({ pod: { code: 'RUN_CANCELLED' } });
      expect(await leftovers(name)).toEqual([]);

      expect(await api.calls['pod.cancel']({ name })).toEqual({ outcome: 'not-running' });
      expect(() => calls['pod.cancel'].input.parse({ name: '' })).toThrow();
      expect(() => calls['pod.cancel'].input.parse({ name: 'x', extra: 1 })).toThrow();
    } finally {
      if (previous === undefined) delete process.env.PODWRIGHT_INFRA_IMAGE;
      else process.env.PODWRIGHT_INFRA_IMAGE = previous;
    }
  });
});
