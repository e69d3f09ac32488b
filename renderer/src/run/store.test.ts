// The run store against a fake API: refusal, the once-only question, what Run sends, typed errors, and the
// status subscription folding events into the followed snapshot.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PodSnapshot, PodStatusEvent } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { Pod } from '../../../shared/model/pod';

const calls: { method: string; input: unknown }[] = [];
let answers: Record<string, (input: unknown) => unknown> = {};
let statusHandlers:
  { onEvents: (events: PodStatusEvent[], skipped: number) => void; onEnd?: (error?: ApiError) => void } | undefined;
let subscriptions = 0;

vi.mock('../api', () => ({
  api: () => ({
    call: async (method: string, input: unknown) => {
      calls.push({ method, input });
      const answer = answers[method];
      if (!answer) throw new Error(`unexpected call ${method}`);
      return answer(input);
    },
    subscribe: (_topic: string, _params: unknown, handlers: typeof statusHandlers) => {
      statusHandlers = handlers;
      subscriptions++;
      return () => undefined;
    },
  }),
}));

const { useRun, receiveStatusEvents, startRunWatch, leftoverPods } = await import('./store');
const { useDocument } = await import('../store/document');
const { useEngine } = await import('../store/engine');

function load(spec: Record<string, unknown>, name = 'shop'): void {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec } as unknown as Pod;
  useDocument.getState().load({ pod, layout: {}, pidJoins: null }, 'shop.pod.yaml');
}

function running(name: string, containers: string[] = ['app']): PodSnapshot {
  return {
    name,
    namespace: 'default',
    design: 'shop',
    phase: 'Running',
    restartPolicy: 'Always',
    containers: containers.map((c) => ({
      name: c,
      role: 'app' as const,
      image: 'busybox',
      state: { state: 'running' as const, startedAt: new Date().toISOString() },
      restartCount: 0,
    })),
  };
}

beforeEach(() => {
  calls.length = 0;
  answers = {};
  useRun.setState({
    pods: {},
    pinned: undefined,
    attached: false,
    snapshot: undefined,
    error: undefined,
    busy: undefined,
    question: undefined,
    confirmed: new Set(),
    leftovers: [],
    progress: undefined,
    stage: undefined,
    pulls: {},
  });
});

describe('stop', () => {
  it('counts down the design’s grace period, and Stop now kills with grace 0', async () => {
    load({ terminationGracePeriodSeconds: 20, containers: [{ name: 'app', image: 'nginx' }] });
    answers['pod.run'] = () => running('shop', ['app']);
    await useRun.getState().run();
    let release: () => void = () => undefined;
    answers['pod.stop'] = (input) =>
      (input as { graceSeconds?: number }).graceSeconds === 0
        ? (release(), null)
        : new Promise((done) => (release = () => done(null)));
    const stopping = useRun.getState().stop();
    await vi.waitFor(() => expect(useRun.getState().stopping).toMatchObject({ kind: 'stop', graceSeconds: 20 }));
    expect(useRun.getState().busy).toBe('stop');
    await useRun.getState().stopNow();
    await stopping;
    expect(calls.filter((c) => c.method === 'pod.stop').map((c) => c.input)).toEqual([
      { name: 'shop', namespace: 'default' },
      { name: 'shop', namespace: 'default', graceSeconds: 0 },
    ]);
    expect(useRun.getState().stopping).toBeUndefined();
    expect(useRun.getState().busy).toBeUndefined();
  });
});

describe('run', () => {
  it('refuses a Pod with Kubernetes errors and calls nothing', async () => {
    load({ containers: [{ name: 'app', image: '' }] });
    await useRun.getState().run();
    expect(useRun.getState().question).toMatchObject({ kind: 'refused' });
    const question = useRun.getState().question;
    expect(question?.kind === 'refused' && question.diagnostics.map((d) => d.code)).toEqual([
      'CONTAINER_IMAGE_REQUIRED',
    ]);
    await useRun.getState().run({ force: true });
    expect(calls).toEqual([]);
  });

  it('asks once about warnings, then runs with the design id and the Pod as a Kubernetes object', async () => {
    load({
      containers: [
        { name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] },
        { name: 'b', image: 'nginx', ports: [{ containerPort: 80 }] },
      ],
    });
    answers['pod.run'] = () => running('shop', ['a', 'b']);
    await useRun.getState().run();
    expect(useRun.getState().question).toMatchObject({ kind: 'confirm' });
    expect(calls).toEqual([]);
    useRun.getState().answer(true);
    await vi.waitFor(() => expect(useRun.getState().snapshot?.name).toBe('shop'));
    expect(calls).toHaveLength(1);
    const input = calls[0]!.input as { documents: Record<string, unknown>[]; design: string };
    expect(input.design).toBe('shop');
    expect(input.documents[0]).toMatchObject({ kind: 'Pod', metadata: { name: 'shop' } });
    // Confirmed warnings do not ask again; Run on the running Pod asks before re-creating it (down first).
    answers['pod.down'] = () => ({ containers: 3, volumes: 0 });
    await useRun.getState().run();
    expect(useRun.getState().question).toEqual({ kind: 'recreate', pod: 'shop' });
    expect(calls.map((c) => c.method)).toEqual(['pod.run']);
    useRun.getState().answer(false);
    expect(calls.map((c) => c.method)).toEqual(['pod.run']);
    await useRun.getState().run();
    useRun.getState().answer(true);
    await vi.waitFor(() => expect(calls.map((c) => c.method)).toEqual(['pod.run', 'pod.down', 'pod.run']));
    // Restart means re-create: it does not ask.
    await useRun.getState().restart();
    expect(useRun.getState().question).toBeUndefined();
    expect(calls.map((c) => c.method)).toEqual(['pod.run', 'pod.down', 'pod.run', 'pod.down', 'pod.run']);
  });

  it('keeps the runtime error typed, and the failed container shows it', async () => {
    load({
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }],
    });
    answers['pod.run'] = () => {
      throw new ApiError('INTERNAL', 'Init container "init" exited with code 3', {
        pod: { code: 'INIT_FAILED', container: 'init', exitCode: 3, logs: 'boom' },
      });
    };
    await useRun.getState().run();
    expect(useRun.getState().error).toMatchObject({
      code: 'INIT_FAILED',
      container: 'init',
      exitCode: 3,
      logs: 'boom',
    });
    expect(useRun.getState().busy).toBeUndefined();
    expect(useRun.getState().snapshot).toBeUndefined();
  });

  it('stop and down follow the run; down returns the canvas to design state at once', async () => {
    load({ containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] });
    answers['pod.run'] = () => running('shop');
    await useRun.getState().run();
    expect(useRun.getState().snapshot?.phase).toBe('Running');
    const stopped = running('shop');
    stopped.phase = 'Succeeded';
    stopped.containers[0]!.state = { state: 'terminated', exitCode: 0, reason: 'Completed' };
    answers['pod.stop'] = () => stopped;
    await useRun.getState().stop();
    expect(useRun.getState().snapshot?.phase).toBe('Succeeded');
    answers['pod.down'] = () => ({ containers: 2, volumes: 0 });
    await useRun.getState().down();
    expect(calls.at(-1)).toEqual({ method: 'pod.down', input: { name: 'shop', namespace: 'default' } });
    expect(useRun.getState().snapshot).toBeUndefined();
    expect(useRun.getState().pinned).toBeUndefined();
  });

  it('down on a running Pod asks first; no keeps it, yes removes it', async () => {
    load({ containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] });
    answers['pod.run'] = () => running('shop');
    await useRun.getState().run();
    answers['pod.down'] = () => ({ containers: 2, volumes: 0 });
    await useRun.getState().down();
    expect(useRun.getState().question).toEqual({ kind: 'down', pod: 'shop' });
    useRun.getState().answer(false);
    expect(useRun.getState().question).toBeUndefined();
    expect(calls.map((c) => c.method)).toEqual(['pod.run']);
    await useRun.getState().down();
    useRun.getState().answer(true);
    await vi.waitFor(() => expect(useRun.getState().snapshot).toBeUndefined());
    expect(calls.map((c) => c.method)).toEqual(['pod.run', 'pod.down']);
  });
});

describe('leftovers', () => {
  it('show the Pod as the latest status event describes it, and leave the list when removed', () => {
    load({ containers: [{ name: 'app', image: 'x' }] });
    useRun.setState({ pods: { 'default/old': running('old') }, leftovers: ['default/old'] });
    const stopped = running('old');
    stopped.phase = 'Succeeded';
    receiveStatusEvents([{ kind: 'status', pod: stopped }]);
    expect(leftoverPods(useRun.getState().leftovers, useRun.getState().pods).map((p) => p.phase)).toEqual([
      'Succeeded',
    ]);
    receiveStatusEvents([{ kind: 'removed', name: 'old', namespace: 'default' }]);
    expect(useRun.getState().leftovers).toEqual([]);
  });

  it('clean up removes the Pod and its key', async () => {
    load({ containers: [{ name: 'app', image: 'x' }] });
    useRun.setState({ pods: { 'default/old': running('old') }, leftovers: ['default/old'] });
    answers['pod.down'] = () => ({ containers: 2, volumes: 0 });
    await useRun.getState().cleanUp({ name: 'old', namespace: 'default' });
    expect(useRun.getState().leftovers).toEqual([]);
    expect(leftoverPods(useRun.getState().leftovers, useRun.getState().pods)).toEqual([]);
  });
});

describe('run without asking, and removing one Pod', () => {
  it('force runs past warnings without remembering them for the user', async () => {
    load({
      containers: [
        { name: 'a', image: 'nginx', ports: [{ containerPort: 80 }] },
        { name: 'b', image: 'nginx', ports: [{ containerPort: 80 }] },
      ],
    });
    answers['pod.run'] = () => running('shop', ['a', 'b']);
    await useRun.getState().run({ force: true });
    expect(calls.map((c) => c.method)).toEqual(['pod.run']);
    expect(useRun.getState().confirmed.size).toBe(0);
    await useRun.getState().run();
    expect(useRun.getState().question).toMatchObject({ kind: 'confirm' });
  });

  it('remove takes down the given Pod only and unpins it when followed', async () => {
    load({ containers: [{ name: 'app', image: 'busybox', command: ['sleep', '3600'] }] });
    useRun.setState({ pods: { 'default/shop': running('shop'), 'default/old': running('old') } });
    useRun.getState().attach({ name: 'old', namespace: 'default' });
    answers['pod.down'] = () => ({ containers: 2, volumes: 0 });
    await useRun.getState().remove({ name: 'shop', namespace: 'default' });
    expect(calls).toEqual([{ method: 'pod.down', input: { name: 'shop', namespace: 'default' } }]);
    expect(useRun.getState().snapshot?.name).toBe('old');
    await useRun.getState().remove({ name: 'old', namespace: 'default' });
    expect(useRun.getState().pinned).toBeUndefined();
    expect(useRun.getState().snapshot).toBeUndefined();
  });
});

describe('status events', () => {
  it('follow the document Pod, show progress only while this window runs it, and forget removed Pods', () => {
    load({ initContainers: [{ name: 'migrate', image: 'x' }], containers: [{ name: 'app', image: 'x' }] });
    receiveStatusEvents([{ kind: 'status', pod: running('other') }]);
    expect(useRun.getState().snapshot).toBeUndefined();
    receiveStatusEvents([{ kind: 'status', pod: running('shop') }]);
    expect(useRun.getState().snapshot?.name).toBe('shop');
    receiveStatusEvents([
      { kind: 'progress', name: 'shop', namespace: 'default', stage: 'init', message: '', container: 'migrate' },
    ]);
    expect(useRun.getState().stage).toBeUndefined();
    useRun.setState({ busy: 'run' });
    receiveStatusEvents([
      { kind: 'progress', name: 'shop', namespace: 'default', stage: 'init', message: '', container: 'migrate' },
    ]);
    expect(useRun.getState().stage).toEqual({ key: 'run.stage.init', args: { n: 1, total: 1, name: 'migrate' } });
    useRun.setState({ busy: undefined });
    receiveStatusEvents([{ kind: 'removed', name: 'shop', namespace: 'default' }]);
    expect(useRun.getState().snapshot).toBeUndefined();
    expect(Object.keys(useRun.getState().pods)).toEqual(['default/other']);
  });

  it('lists leftovers when the engine answers, and attaching follows one', async () => {
    load({ containers: [{ name: 'app', image: 'x' }] });
    answers['pod.list'] = () => [running('shop'), running('old-run')];
    useEngine.setState({ status: undefined });
    const stop = startRunWatch();
    expect(statusHandlers).toBeUndefined();
    useEngine.setState({
      status: {
        reachable: true,
        name: 'Docker',
        version: '20.10',
        apiVersion: '1.41',
        os: 'linux',
        osType: 'linux',
        arch: 'x86_64',
        cpus: 2,
        memoryBytes: 1,
        endpoint: { source: 'default', host: 'unix:///var/run/docker.sock', tls: false },
      },
    });
    expect(statusHandlers).toBeDefined();
    await vi.waitFor(() => expect(useRun.getState().leftovers).toEqual(['default/old-run']));
    expect(useRun.getState().snapshot?.name).toBe('shop');
    useRun.getState().attach({ name: 'old-run', namespace: 'default' });
    expect(useRun.getState().snapshot?.name).toBe('old-run');
    expect(useRun.getState().attached).toBe(true);
    useRun.getState().detach();
    expect(useRun.getState().snapshot?.name).toBe('shop');

    // Events skipped under back-pressure: the Pods are read back from the engine.
    answers['pod.list'] = () => [running('shop')];
    statusHandlers!.onEvents([], 3);
    await vi.waitFor(() => expect(useRun.getState().pods['default/old-run']).toBeUndefined());
    // The leftover is gone from the engine, so the list (read through `pods`) no longer shows it.
    expect(leftoverPods(useRun.getState().leftovers, useRun.getState().pods)).toEqual([]);

    // The engine goes away: the subscription ends; once the engine answers again it is reopened and relisted.
    const before = subscriptions;
    answers['engine.info'] = () => ({ ...useEngine.getState().status! });
    vi.useFakeTimers();
    try {
      statusHandlers!.onEnd!(new ApiError('ENGINE_UNREACHABLE', 'gone'));
      expect(useRun.getState().watching).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(subscriptions).toBe(before + 1));
    expect(useRun.getState().watching).toBe(true);
    expect(calls.filter((c) => c.method === 'pod.list')).toHaveLength(3); // start, skipped events, reconnect

    // A run pinned to this window: opening another design makes it a leftover and shows the new design's state.
    answers['pod.run'] = () => running('shop');
    answers['pod.down'] = () => ({ containers: 2, volumes: 0 });
    useRun.setState({ leftovers: [], leftoversDismissed: true });
    await useRun.getState().run({ recreate: true });
    expect(useRun.getState().pinned).toEqual({ name: 'shop', namespace: 'default' });
    load({ containers: [{ name: 'app', image: 'x' }] }, 'next');
    expect(useRun.getState().pinned).toBeUndefined();
    expect(useRun.getState().snapshot).toBeUndefined();
    expect(leftoverPods(useRun.getState().leftovers, useRun.getState().pods).map((p) => p.name)).toEqual(['shop']);
    expect(useRun.getState().leftoversDismissed).toBe(false);
    stop();
  });
  it('a replaced subscription that ends late leaves the current one alone', async () => {
    load({ containers: [{ name: 'app', image: 'x' }] });
    answers['pod.list'] = () => [];
    answers['engine.info'] = () => ({ ...useEngine.getState().status! });
    const status = {
      reachable: true as const,
      name: 'Docker',
      version: '20.10',
      apiVersion: '1.41',
      os: 'linux',
      osType: 'linux',
      arch: 'x86_64',
      cpus: 2,
      memoryBytes: 1,
      endpoint: { source: 'default' as const, host: 'unix:///var/run/docker.sock', tls: false },
    };
    useEngine.setState({ status });
    const stop = startRunWatch();
    const first = statusHandlers!;
    // Another engine is picked: the subscription is reopened.
    useEngine.setState({ status: { ...status, endpoint: { ...status.endpoint, host: 'tcp://other:2375' } } });
    expect(statusHandlers).not.toBe(first);
    const opened = subscriptions;
    vi.useFakeTimers();
    try {
      first.onEnd!(new ApiError('ENGINE_UNREACHABLE', 'gone'));
      expect(useRun.getState().watching).toBe(true);
      await vi.advanceTimersByTimeAsync(5_000);
    } finally {
      vi.useRealTimers();
    }
    expect(subscriptions).toBe(opened);
    expect(useRun.getState().watching).toBe(true);
    stop();
  });
});
