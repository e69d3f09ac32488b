// Image pulls on the real Docker Engine, from a registry served by the test itself on 127.0.0.1 (no network needed):
// imagePullPolicy IfNotPresent / Never / Always, the per-layer progress events, and the errors when a pull cannot work.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Labels, plan, type Container, type Pod } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { PodError } from './pod-errors';
import { PodRuntime, type PodSnapshot, type PodStatusEvent } from './pod-runtime';
import { pullFailure, registryOf } from './pod-pull';
import { imageFromEngine, startRegistry, type RegistryImage, type TestRegistry } from './registry.test-support';
import { dockerReason, execIn, requireDocker, uniqueSuffix } from '../testing';

const engine: Engine = await requireDocker();
const BUSYBOX = 'podwright-test/busybox:1';
const INFRA = 'podwright-test/pause:1';
const REPOSITORY = 'podwright-test/busybox';
const suffix = uniqueSuffix();
const network = `pw-pull-${suffix}`;
const runtime = new PodRuntime(engine);
const started: string[] = [];
/** Image references and IDs to remove after each test. */
const images: string[] = [];
let registry: TestRegistry;

/** A fresh tag in the test registry (pulltest-<random>); the engine has no image by that name until it pulls. */
async function tag(image?: RegistryImage): Promise<string> {
  const name = `pulltest-${uniqueSuffix()}`;
  if (image) registry.publish(REPOSITORY, name, image);
  const ref = `${registry.host}/${REPOSITORY}:${name}`;
  images.push(ref);
  await removeImage(ref);
  return ref;
}

async function removeImage(ref: string): Promise<void> {
  await engine.docker
    .getImage(ref)
    .remove({ force: true })
    .catch(() => undefined);
}

async function hasImage(ref: string): Promise<boolean> {
  return engine.docker
    .getImage(ref)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

function podOf(base: string, containers: Container[]): Pod {
  const name = `${base}-${suffix}`;
  started.push(name);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { terminationGracePeriodSeconds: 0, containers },
  };
}

function app(name: string, image: string, imagePullPolicy: Container['imagePullPolicy']): Container {
  return { name, image, imagePullPolicy, command: ['sh', '-c', 'sleep 3600'] };
}

/** Runs the Pod and collects the pod.status progress events this runtime published for it. */
async function run(pod: Pod): Promise<{ snapshot?: PodSnapshot; error?: unknown; events: PodStatusEvent[] }> {
  const info = await engine.info();
  if (!info.reachable) throw new Error(info.reason);
  const events: PodStatusEvent[] = [];
  const unsubscribe = runtime.subscribe((e) => {
    if (e.kind === 'progress' && e.name === pod.metadata!.name) events.push(e);
  });
  try {
    const snapshot = await runtime.run(plan(pod, info, { infraImage: INFRA, network, runId: uniqueSuffix() }));
    return { snapshot, events };
  } catch (error) {
    return { error, events };
  } finally {
    unsubscribe();
  }
}

function pullEvents(events: PodStatusEvent[]): Extract<PodStatusEvent, { kind: 'progress' }>[] {
  return events.filter(
    (e): e is Extract<PodStatusEvent, { kind: 'progress' }> => e.kind === 'progress' && e.stage === 'pull',
  );
}

async function leftovers(name: string): Promise<number> {
  const label = [`${Labels.pod}=${name}`];
  const containers = await engine.docker.listContainers({ all: true, filters: { label } });
  const { Volumes } = await engine.docker.listVolumes({ filters: { label } });
  return containers.length + (Volumes ?? []).length;
}

function manifestRequests(ref: string): number {
  const tagName = ref.slice(ref.lastIndexOf(':') + 1);
  return registry.requests.filter((r) => r.path === `/v2/${REPOSITORY}/manifests/${tagName}`).length;
}

describe.skipIf(dockerReason)(
  `image pulls from a local registry${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    beforeAll(async () => {
      // ~1 MiB/s: the extra 256 KiB layer takes a quarter second, long enough for byte progress to be reported.
      registry = await startRegistry({ bytesPerSecond: 1024 * 1024 });
    });
    afterEach(async () => {
      await Promise.all(started.splice(0).map((name) => runtime.down({ name }, { graceSeconds: 0 })));
      await Promise.all(images.splice(0).map(removeImage));
    });
    afterAll(async () => {
      await registry?.close();
      await engine.docker
        .getNetwork(network)
        .remove()
        .catch(() => undefined);
    });

    it('IfNotPresent pulls a missing image once, reports per-layer progress, and the containers run from it', async () => {
      const image = await imageFromEngine(engine.docker, BUSYBOX);
      const ref = await tag(image);
      expect(await hasImage(ref)).toBe(false);
      const pod = podOf('pull', [app('web', ref, 'IfNotPresent'), app('helper', ref, 'IfNotPresent')]);

      const { snapshot, error, events } = await run(pod);
      expect(error).toBeUndefined();
      expect(snapshot!.phase).toBe('Running');
      expect(snapshot!.containers.map((c) => [c.name, c.state.state])).toEqual([
        ['POD', 'running'],
        ['web', 'running'],
        ['helper', 'running'],
      ]);
      // Both containers share the image: one pull, one manifest request.
      expect(manifestRequests(ref)).toBe(1);
      const pulls = pullEvents(events);
      expect(pulls[0]).toMatchObject({ container: 'web', message: `Pulling ${ref}` });
      const layers = pulls.filter((e) => e.layer);
      expect(layers.length).toBeGreaterThan(0);
      for (const e of layers) expect(e.container).toBe('web');
      // Only layers: the engine's "Pulling from <repository>" line (its id is the tag) is not one.
      expect(
        layers.filter((e) => e.layer!.status.startsWith('Pulling from') || ref.endsWith(`:${e.layer!.id}`)),
      ).toEqual([]);
      expect(new Set(layers.map((e) => e.layer!.id)).size).toBe(2); // busybox's layer and the random one
      // The random layer had to travel: some event counts its bytes against its size.
      const downloading = layers.find((e) => (e.layer!.current ?? 0) > 0 && (e.layer!.total ?? 0) > 0);
      expect(downloading, JSON.stringify(layers.map((e) => e.layer))).toBeDefined();
      expect(downloading!.layer!.current!).toBeLessThanOrEqual(downloading!.layer!.total!);
      const statuses = layers.map((e) => e.layer!.status);
      expect(statuses.some((s) => s === 'Pull complete' || s === 'Download complete')).toBe(true);
      // The pull comes before any container of the Pod is started.
      const firstStart = events.findIndex((e) => e.kind === 'progress' && e.stage === 'start');
      expect(events.indexOf(layers.at(-1)!)).toBeLessThan(firstStart);

      // The app runs the pulled image: its marker file is there.
      const web = snapshot!.containers.find((c) => c.name === 'web')!;
      expect(web.image).toBe(ref);
      expect(await execIn(engine, web.id!, ['ls', image.marker!])).toEqual({ out: image.marker, code: 0 });
    });

    it('IfNotPresent does not ask the registry when the image is present', async () => {
      const ref = await tag(await imageFromEngine(engine.docker, BUSYBOX));
      await engine.docker
        .getImage(BUSYBOX)
        .tag({ repo: ref.slice(0, ref.lastIndexOf(':')), tag: ref.split(':').at(-1) });
      const before = registry.requests.length;
      const { error, events } = await run(podOf('present', [app('web', ref, 'IfNotPresent')]));
      expect(error).toBeUndefined();
      expect(registry.requests.length).toBe(before);
      expect(pullEvents(events)).toEqual([]);
    });

    it('Never with the image missing fails with a typed error naming the container and the image, leaving nothing', async () => {
      const ref = await tag(await imageFromEngine(engine.docker, BUSYBOX));
      const before = registry.requests.length;
      const pod = podOf('never', [app('web', BUSYBOX, 'Never'), app('api', ref, 'Never')]);

      const { error } = await run(pod);
      expect(error).toBeInstanceOf(PodError);
      expect((error as PodError).code).toBe('IMAGE_MISSING');
      expect((error as PodError).details.container).toBe('api');
      expect((error as PodError).message).toContain(`Image ${ref} of container "api" is not on this machine`);
      expect((error as PodError).message).toContain('imagePullPolicy is Never');
      expect(registry.requests.length).toBe(before);
      expect(await hasImage(ref)).toBe(false);
      expect(await leftovers(pod.metadata!.name!)).toBe(0);
    });

    it('Always pulls again when the image is present, and runs what the registry has now', async () => {
      const first = await imageFromEngine(engine.docker, BUSYBOX);
      const ref = await tag(first);
      const pulled = await run(podOf('always-a', [app('web', ref, 'Always')]));
      expect(pulled.error).toBeUndefined();
      await Promise.all(started.splice(0).map((name) => runtime.down({ name }, { graceSeconds: 0 })));
      // Moving the tag leaves the first image untagged; it is removed by ID afterwards.
      images.push((await engine.docker.getImage(ref).inspect()).Id);

      // The tag moves to a new image, as when someone pushes a new build.
      const second = await imageFromEngine(engine.docker, BUSYBOX);
      registry.publish(REPOSITORY, ref.split(':').at(-1)!, second);
      const before = manifestRequests(ref);
      const { snapshot, error, events } = await run(podOf('always-b', [app('web', ref, 'Always')]));
      expect(error).toBeUndefined();
      expect(manifestRequests(ref)).toBeGreaterThan(before);
      expect(pullEvents(events).length).toBeGreaterThan(0);
      const web = snapshot!.containers.find((c) => c.name === 'web')!;
      expect((await execIn(engine, web.id!, ['ls', second.marker!])).code).toBe(0);
      expect((await execIn(engine, web.id!, ['ls', first.marker!])).code).not.toBe(0);
    });

    it('an image without a tag is pulled as :latest (policy Always by default), and one by digest as that digest', async () => {
      const latest = await imageFromEngine(engine.docker, BUSYBOX);
      const pinned = await imageFromEngine(engine.docker, BUSYBOX);
      // Its own repository, so no other test's :latest is in the way.
      const repository = `podwright-test/pull-${suffix}`;
      registry.publish(repository, 'latest', latest);
      registry.publish(repository, 'pinned', pinned);
      const bare = `${registry.host}/${repository}`;
      const byDigest = `${bare}@${pinned.digest}`;
      images.push(`${bare}:latest`, byDigest);
      await Promise.all([removeImage(`${bare}:latest`), removeImage(byDigest)]);

      const { snapshot, error } = await run(
        podOf('refs', [
          { name: 'bare', image: bare, command: ['sh', '-c', 'sleep 3600'] },
          app('pinned', byDigest, 'IfNotPresent'),
        ]),
      );
      expect(error).toBeUndefined();
      expect(registry.requests.some((r) => r.path === `/v2/${repository}/manifests/latest`)).toBe(true);
      expect(registry.requests.some((r) => r.path === `/v2/${repository}/manifests/${pinned.digest}`)).toBe(true);
      const id = (c: string): string => snapshot!.containers.find((s) => s.name === c)!.id!;
      expect((await execIn(engine, id('bare'), ['ls', latest.marker!])).code).toBe(0);
      expect((await execIn(engine, id('pinned'), ['ls', pinned.marker!])).code).toBe(0);
    });

    it('a tag the registry does not have fails with a typed pull error in plain words, and rolls back', async () => {
      const ref = await tag();
      const pod = podOf('missing', [app('web', BUSYBOX, 'Never'), app('api', ref, 'IfNotPresent')]);

      const { error, events } = await run(pod);
      expect(error).toBeInstanceOf(PodError);
      const e = error as PodError;
      expect(e.code).toBe('IMAGE_PULL_FAILED');
      expect(e.details.container).toBe('api');
      expect(e.message).toBe(
        `Could not pull image ${ref} for container "api": the registry ${registry.host} has no image by that name and tag. Check the image name and tag.`,
      );
      expect(e.message).not.toMatch(/HTTP code|unexpected/);
      expect(e.details.cause).toMatch(/manifest unknown/);
      expect(manifestRequests(ref)).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({ stage: 'rollback' });
      expect(await leftovers(pod.metadata!.name!)).toBe(0);
    });

    it('a layer whose bytes do not match its digest fails the pull mid-stream with a typed error, and rolls back', async () => {
      const image = await imageFromEngine(engine.docker, BUSYBOX);
      // The random layer (the last) gets other bytes of the same length: the engine's digest check must catch it.
      const layers = (JSON.parse(image.manifest.toString('utf8')) as { layers: { digest: string }[] }).layers;
      const last = layers.at(-1)!.digest;
      image.blobs.set(last, randomBytes(image.blobs.get(last)!.length));
      const ref = await tag(image);
      const pod = podOf('corrupt', [app('api', ref, 'IfNotPresent')]);

      const { error, events } = await run(pod);
      expect(error).toBeInstanceOf(PodError);
      const e = error as PodError;
      expect(e.code).toBe('IMAGE_PULL_FAILED');
      expect(e.details.container).toBe('api');
      expect(e.message).toBe(
        `Could not pull image ${ref} for container "api": a layer from ${registry.host} did not match its digest (${last.slice(0, 19)}…): the download was damaged. Try again; if it keeps failing, the image in the registry is broken.`,
      );
      expect(e.details.cause).toContain(`filesystem layer verification failed for digest ${last}`);
      // The failure came after the download had started, through the progress stream.
      expect(pullEvents(events).some((p) => p.layer)).toBe(true);
      expect(await hasImage(ref)).toBe(false);
      expect(await leftovers(pod.metadata!.name!)).toBe(0);
    });

    it('a registry that does not answer fails with a typed pull error in plain words, and rolls back', async () => {
      const closed = await startRegistry();
      const host = closed.host;
      await closed.close();
      const ref = `${host}/${REPOSITORY}:pulltest-${uniqueSuffix()}`;
      const pod = podOf('unreachable', [app('api', ref, 'IfNotPresent')]);

      const { error } = await run(pod);
      expect(error).toBeInstanceOf(PodError);
      const e = error as PodError;
      expect(e.code).toBe('IMAGE_PULL_FAILED');
      expect(e.message).toBe(
        `Could not pull image ${ref} for container "api": the registry ${host} cannot be reached. Check the name, and the network.`,
      );
      expect(await leftovers(pod.metadata!.name!)).toBe(0);
    });
  },
);

describe('pull errors in plain words', () => {
  it('names the registry of an image reference', () => {
    expect(registryOf('busybox:1.36')).toBe('docker.io');
    expect(registryOf('library/busybox')).toBe('docker.io');
    expect(registryOf('localhost/app:1')).toBe('localhost');
    expect(registryOf('localhost:5000/team/app:1')).toBe('localhost:5000');
    expect(registryOf('ghcr.io/team/app')).toBe('ghcr.io');
  });

  it('explains what the engine says when a pull fails', () => {
    expect(
      pullFailure("pull access denied for nope, repository does not exist or may require 'docker login'", 'docker.io'),
    ).toBe(
      'the registry docker.io refused it: the image does not exist, or the registry wants a login ("docker login docker.io").',
    );
    expect(
      pullFailure(
        'Get "https://reg.example:5000/v2/": http: server gave HTTP response to HTTPS client',
        'reg.example:5000',
      ),
    ).toBe(
      'the registry reg.example:5000 speaks plain HTTP only; add it to the engine\'s "insecure-registries" to pull from it.',
    );
    expect(
      pullFailure('Get "https://nope.invalid/v2/": dial tcp: lookup nope.invalid: no such host', 'nope.invalid'),
    ).toBe('the registry nope.invalid cannot be reached. Check the name, and the network.');
    expect(pullFailure('(HTTP code 500) server error - unexpected EOF', 'docker.io')).toBe('unexpected EOF');
  });
});
