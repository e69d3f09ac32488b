// A run that loses the engine half-way, through a proxy in front of the real Docker socket that cuts the connection
// when a given request goes by: the run settles, says what it was doing and what is left on the engine by name (or
// removes it once the engine is back), the same through pod.run and the status stream.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, PodErrorDetails } from '../../../../shared/api';
import { Labels, plan, type Pod } from '../../../../shared/plan';
import { Engine } from '../connection/engine';
import { EngineProxy } from '../connection/engine-proxy.test-support';
import { podHandlers } from './pod-api';
import { PodError } from './pod-errors';
import { PodRuntime, type PodStatusEvent } from './pod-runtime';
import { box, dockerReason, requireDocker, TEST_INFRA, testPod, uniqueSuffix } from '../testing';

const main = await requireDocker();
const suffix = uniqueSuffix();
const network = `pw-lost-${suffix}`;
const mainRuntime = new PodRuntime(main);
const started: string[] = [];

/** A Pod whose init container takes a while, with an emptyDir: infra, init, app and a volume to account for. */
function slowInitPod(base: string): Pod {
  const name = `${base}-${suffix}`;
  started.push(name);
  return testPod(name, {
    volumes: [{ name: 'scratch', emptyDir: {} }],
    initContainers: [box('migrate', 'sleep 20', { volumeMounts: [{ name: 'scratch', mountPath: '/s' }] })],
    containers: [box('app', 'sleep 3600')],
  });
}

/** What `docker ps -a` and `docker volume ls` show of the Pod, by Docker name. */
async function onEngine(name: string): Promise<string[]> {
  const label = [`${Labels.pod}=${name}`];
  const containers = await main.docker.listContainers({ all: true, filters: { label } });
  const { Volumes } = await main.docker.listVolumes({ filters: { label } });
  return [...containers.map((c) => c.Names[0]!.replace(/^\//, '')), ...(Volumes ?? []).map((v) => v.Name)].sort();
}

/** The run's wait on its init container: the engine answers its head at once and the body when the container exits. */
const WAIT = /POST \S*\/containers\/\w+\/wait/;

interface Cut {
  /** The request after which the engine goes away. */
  when: RegExp;
  /** How long after that request (ms): a wait's answer begins at once, and a cut after that is a cut mid-answer. */
  afterMs?: number;
  /** It comes back after this long (ms); never, when absent. */
  backAfterMs?: number;
}

describe.skipIf(dockerReason)(`a run that loses the engine${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  const proxy = new EngineProxy({ target: main.resolved.modem.socketPath });
  beforeAll(async () => {
    await main.docker.createNetwork({ Name: network, Labels: { [Labels.managed]: 'true', test: 'engine-lost' } });
  });
  afterEach(async () => {
    await proxy.start();
    await Promise.all(started.splice(0).map((name) => mainRuntime.down({ name }, { graceSeconds: 0 })));
  });
  afterAll(async () => {
    await proxy.close();
    await main.docker
      .getNetwork(network)
      .remove()
      .catch(() => undefined);
  });

  /** Runs the Pod through the proxy, losing the engine as `cut` says; also watches its status over the proxy. */
  async function runLosing(pod: Pod, cut: Cut) {
    await proxy.start();
    const engine = new Engine({ host: proxy.host, timeoutMs: 1000 });
    const runtime = new PodRuntime(engine);
    const info = await engine.info();
    if (!info.reachable) throw new Error(info.reason);
    const status: PodStatusEvent[] = [];
    const watch = new AbortController();
    const watching = runtime.watch({ name: pod.metadata!.name! }, (e) => status.push(e), watch.signal);
    const statusEnd = watching.then(
      () => undefined,
      (err: unknown) => err,
    );
    proxy.when(cut.when, () => {
      setTimeout(() => {
        void proxy.stop().then(() => {
          if (cut.backAfterMs !== undefined) setTimeout(() => void proxy.start(), cut.backAfterMs);
        });
      }, cut.afterMs ?? 0);
    });
    const p = plan(pod, info, { infraImage: TEST_INFRA, network, runId: uniqueSuffix() });
    const began = Date.now();
    const error = await runtime.run(p, { reconnectMs: 2000 }).then(
      () => undefined,
      (err: unknown) => err,
    );
    const took = Date.now() - began;
    // A status stream still open a few seconds after the run is one that would never end: stop it (and fail below).
    const timer = setTimeout(() => watch.abort(), 5000);
    const end = await statusEnd;
    clearTimeout(timer);
    return { error: error as PodError, took, status, statusEnd: end };
  }

  const lastWords = (status: PodStatusEvent[]) =>
    status.filter((e): e is Extract<PodStatusEvent, { kind: 'progress' }> => e.kind === 'progress').at(-1)?.message;

  it('lost while waiting for an init container, never back: names what is left, on the status stream too', async () => {
    const pod = slowInitPod('init');
    const name = pod.metadata!.name!;
    const { error, took, status, statusEnd } = await runLosing(pod, { when: WAIT, afterMs: 300 });
    expect(error).toBeInstanceOf(PodError);
    expect(error.code).toBe('ENGINE_LOST');
    const left = await onEngine(name);
    expect(left).toHaveLength(4); // infra, init, app, and the emptyDir's volume
    expect([...error.details.left!].sort()).toEqual(left);
    expect(error.message).toBe(
      `Lost the connection to the Docker Engine at ${proxy.host} while waiting for init container "migrate"; ` +
        `left on the engine: ${error.details.left!.join(', ')}. Once it is back, remove them with "podwright down ${name}".`,
    );
    expect(took).toBeLessThan(10_000);
    // The status stream carries the same words, then ends saying the engine is gone (not INTERNAL, not silence).
    expect(lastWords(status)).toBe(error.message);
    expect(statusEnd).toBeInstanceOf(ApiError);
    expect((statusEnd as ApiError).code).toBe('ENGINE_UNREACHABLE');
    expect((statusEnd as ApiError).message).toContain(`Lost the connection to the Docker Engine at ${proxy.host}`);
  }, 60_000);

  it('lost while waiting for an init container, back a moment later: removes what the run created', async () => {
    const pod = slowInitPod('back');
    const { error } = await runLosing(pod, { when: WAIT, afterMs: 300, backAfterMs: 500 });
    expect(error.code).toBe('ENGINE_LOST');
    expect(error.message).toBe(
      `Lost the connection to the Docker Engine at ${proxy.host} while waiting for init container "migrate". ` +
        'It came back, and what the run had created was removed.',
    );
    expect(await onEngine(pod.metadata!.name!)).toEqual([]);
  }, 60_000);

  // The other stages: each report names a step of the run and exactly what is on the engine afterwards.
  it.each([
    ['creating the app container', /POST \S*\/containers\/create\?name=\S+app[\s&]/],
    ['starting the infra container', /POST \S*\/containers\/\w+\/start/],
    ['checking the Pod is not there yet', /GET \S*\/containers\/json/],
  ])(
    'lost while %s: the report matches the engine',
    async (_, when) => {
      const pod = slowInitPod('stage');
      const { error } = await runLosing(pod, { when });
      expect(error.code).toBe('ENGINE_LOST');
      expect(error.message).toMatch(
        new RegExp(`^Lost the connection to the Docker Engine at ${proxy.host.replace(/[/.]/g, '\\$&')} while \\S`),
      );
      // What the run never heard of it cannot have created: the engine holds no more than the report names.
      const left = await onEngine(pod.metadata!.name!);
      expect(left.filter((n) => !(error.details.left ?? []).includes(n))).toEqual([]);
    },
    60_000,
  );

  it('pod.run answers (ENGINE_UNREACHABLE, details.pod ENGINE_LOST) instead of never', async () => {
    const pod = slowInitPod('api');
    await proxy.start();
    const engine = new Engine({ host: proxy.host, timeoutMs: 1000 });
    const handlers = podHandlers(engine);
    proxy.when(WAIT, () => setTimeout(() => void proxy.stop(), 300));
    const documents = [pod as unknown as Record<string, unknown>];
    const err = await handlers.calls['pod.run']({ documents, infraImage: TEST_INFRA }).then(
      () => undefined,
      (e: unknown) => e as ApiError,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err!.code).toBe('ENGINE_UNREACHABLE');
    const details = PodErrorDetails.parse(err!.details);
    expect(details.pod.code).toBe('ENGINE_LOST');
    expect(err!.message).toMatch(/while waiting for init container "migrate"; left on the engine: /);
  }, 60_000);
});
