// Pod start and teardown side by side in one run: Podwright (plan + Engine API), the equivalent docker CLI
// sequence, and `podman kube play` / `kube down`, for 2- and 4-container Pods, in interleaved rounds.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Engine } from '../electron/engines/docker/connection/engine';
import { PodRuntime } from '../electron/engines/docker/pod/pod-runtime';
import { Labels, plan, type ContainerPlan, type Plan, type Pod } from '../shared/plan';
import { detail, summarize, type Benchmark, type Metric } from './harness';

const exec = promisify(execFile);
export const DOCKER = '/usr/bin/docker';
export const BUSYBOX = 'podwright-test/busybox:1';
export const INFRA = 'podwright-test/pause:1';
const ROUNDS = Number(process.env.PODWRIGHT_BENCH_ROUNDS ?? 7);
const SIZES = [2, 4] as const;
const HTTPD = 'mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www';

/**
 * The goal compares podwright with cli and podman. The other three are reference points measured in the same rounds,
 * without Podwright's checks, progress and status: `floor` makes the very same Docker objects from the plan with the
 * fewest calls (the least this Pod can cost on this engine), `nonet` is the same with the infra on no network and
 * nothing published (not a usable Pod: the least any Pod of two sequential container starts can cost), and `warm`
 * times only the apps' create and start, the infra having been started before "Run" (a product option, not the goal).
 */
type Method = 'podwright' | 'cli' | 'podman' | 'floor' | 'nonet' | 'warm';

interface Sample {
  up: number;
  down: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The benchmark Pod: `web` serves "ok" on port 80 (published on the host), the other apps sleep. */
export function benchPod(name: string, apps: number, port: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      hostname: 'web',
      // Down is a kill, as `docker rm -f` is in the CLI sequence; a grace period would only measure the wait.
      terminationGracePeriodSeconds: 0,
      containers: Array.from({ length: apps }, (_, i) =>
        i === 0
          ? {
              name: 'web',
              image: BUSYBOX,
              imagePullPolicy: 'Never',
              command: ['sh', '-c', HTTPD],
              ports: [{ containerPort: 80, hostPort: port, hostIP: '127.0.0.1' }],
            }
          : { name: `s${i}`, image: BUSYBOX, imagePullPolicy: 'Never', command: ['sleep', '3600'] },
      ),
    },
  };
}

export function podYaml(pod: Pod): string {
  // JSON is YAML; podman kube play reads it as is.
  return JSON.stringify(pod, null, 2);
}

export async function httpOk(port: number, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.text(),
      () => '',
    );
    if (text.trim() === 'ok') return;
    if (Date.now() > end) throw new Error(`port ${port} did not answer "ok"`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function podmanUsable(): Promise<string | undefined> {
  if (!existsSync('/usr/bin/podman')) return 'podman is not installed';
  try {
    const { stdout } = await exec('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}']);
    if (!stdout.split('\n').some((l) => l.endsWith('podwright-test/busybox:1'))) {
      // The image exists only in Docker; copy it over once (a local save/load, nothing is pulled).
      await exec('sh', ['-c', `${DOCKER} save ${BUSYBOX} | podman load`]);
    }
    return undefined;
  } catch (err) {
    return `podman is not usable here: ${(err as Error).message.split('\n')[0]}`;
  }
}

/**
 * The docker CLI sequence for `pod`: the infra container owning the network (on `network`, with the web port
 * published) and IPC, then one `docker run` per app joining it, one after another. Returns the containers' names.
 */
export async function dockerCliUp(name: string, pod: Pod, port: number, network: string): Promise<string[]> {
  const infra = `${name}-infra`;
  const names = [infra];
  await exec(DOCKER, [
    'run',
    '-d',
    '--name',
    infra,
    '--hostname',
    'web',
    '--ipc',
    'shareable',
    '--network',
    network,
    '-p',
    `127.0.0.1:${port}:80`,
    INFRA,
  ]);
  for (const c of pod.spec!.containers) {
    const ctr = `${name}-${c.name}`;
    names.push(ctr);
    await exec(DOCKER, [
      'run',
      '-d',
      '--name',
      ctr,
      '--network',
      `container:${infra}`,
      '--ipc',
      `container:${infra}`,
      '--entrypoint',
      c.command![0]!,
      BUSYBOX,
      ...c.command!.slice(1),
    ]);
  }
  return names;
}

type Docker = Engine['docker'];

function createFrom(docker: Docker, c: ContainerPlan, body = c.body): ReturnType<Docker['createContainer']> {
  return docker.createContainer({ name: c.name, ...body } as Parameters<Docker['createContainer']>[0]);
}

/** The infra without any network or published port (a lower bound, not a usable Pod). */
function offline(infra: ContainerPlan): ContainerPlan['body'] {
  const {
    NetworkingConfig: _net,
    ExposedPorts: _ports,
    ...body
  } = infra.body as ContainerPlan['body'] & {
    NetworkingConfig?: unknown;
    ExposedPorts?: unknown;
  };
  const { PortBindings: _bindings, ...hostConfig } = body.HostConfig as Record<string, unknown>;
  return { ...body, HostConfig: { ...hostConfig, NetworkMode: 'none' } } as ContainerPlan['body'];
}

/**
 * The plan's containers with the fewest Engine API calls and no checks: create the infra, start it while the apps
 * are created, then start the apps. With `warm`, the infra is created and started before the clock starts.
 */
export async function rawUp(docker: Docker, p: Plan, variant: 'floor' | 'nonet' | 'warm'): Promise<number> {
  let start = performance.now();
  const infra = await createFrom(docker, p.infra, variant === 'nonet' ? offline(p.infra) : p.infra.body);
  if (variant === 'warm') {
    await infra.start();
    await new Promise((r) => setTimeout(r, 250));
    start = performance.now();
  }
  const [, apps] = await Promise.all([
    variant === 'warm' ? undefined : infra.start(),
    Promise.all(p.apps.map((c) => createFrom(docker, c))),
  ]);
  await Promise.all(apps.map((c) => c.start()));
  return performance.now() - start;
}

const bench: Benchmark = {
  id: 'pod-run',
  title: 'Pod run → all containers running, and down: Podwright vs docker CLI vs podman kube play',
  issue: 6,
  async run(ctx) {
    const engine = new Engine({ timeoutMs: 30_000 });
    const info = await engine.info();
    if (!info.reachable) ctx.skip(`no Docker Engine: ${info.reason}`);
    if (!info.reachable) return [];
    for (const image of [BUSYBOX, INFRA]) {
      await engine.docker
        .getImage(image)
        .inspect()
        .catch(() => ctx.skip(`image ${image} is missing; run bash e2e/images/build.sh`));
    }
    const podmanReason = await podmanUsable();
    if (podmanReason) ctx.log(`podman kube play not measured: ${podmanReason}`);
    const methods: Method[] = podmanReason
      ? ['podwright', 'cli', 'floor', 'nonet', 'warm']
      : ['podwright', 'cli', 'podman', 'floor', 'nonet', 'warm'];
    const suffix = randomBytes(3).toString('hex');
    const network = `pw-bench-${suffix}`;
    await engine.docker.createNetwork({ Name: network, Driver: 'bridge', Labels: { [Labels.managed]: 'true' } });
    const runtime = new PodRuntime(engine);
    const dir = await mkdtemp(join(tmpdir(), 'pw-bench-'));
    const port = await freePort();
    const samples = new Map<string, Sample[]>();
    let serial = 0;
    const podwrightPods: string[] = [];

    const once = async (method: Method, apps: number, record: boolean): Promise<void> => {
      const name = `pwb-${suffix}-${method}-${apps}-${serial++}`;
      const pod = benchPod(name, apps, port);
      let up = 0;
      let down = 0;
      if (method === 'floor' || method === 'nonet' || method === 'warm') {
        podwrightPods.push(name);
        const p = plan(pod, info, { infraImage: INFRA, network, runId: String(serial) });
        try {
          up = await rawUp(engine.docker, p, method);
          if (method !== 'nonet') await httpOk(port);
          const running = await engine.docker.listContainers({
            filters: { label: [`${Labels.pod}=${name}`], status: ['running'] },
          });
          if (running.length !== apps + 1)
            throw new Error(`${name}: ${running.length} of ${apps + 1} containers running`);
        } finally {
          await runtime.down({ name }, { graceSeconds: 0 });
        }
      } else if (method === 'podwright') {
        podwrightPods.push(name);
        const start = performance.now();
        await runtime.run(plan(pod, info, { infraImage: INFRA, network, runId: String(serial) }));
        up = performance.now() - start;
        await httpOk(port);
        const running = await engine.docker.listContainers({
          filters: { label: [`${Labels.pod}=${name}`], status: ['running'] },
        });
        if (running.length !== apps + 1)
          throw new Error(`${name}: ${running.length} of ${apps + 1} containers running`);
        const t = performance.now();
        await runtime.down({ name });
        down = performance.now() - t;
      } else if (method === 'cli') {
        const start = performance.now();
        const names = await dockerCliUp(name, pod, port, network);
        up = performance.now() - start;
        await httpOk(port);
        const { stdout } = await exec(DOCKER, ['inspect', '-f', '{{.State.Running}}', ...names]);
        if (
          stdout
            .trim()
            .split('\n')
            .some((l) => l !== 'true')
        )
          throw new Error(`${name}: not every container runs`);
        const t = performance.now();
        await exec(DOCKER, ['rm', '-f', ...names]);
        down = performance.now() - t;
      } else {
        const file = join(dir, `${name}.json`);
        await writeFile(file, podYaml(pod));
        const start = performance.now();
        await exec('podman', ['kube', 'play', file]);
        up = performance.now() - start;
        await httpOk(port);
        const { stdout } = await exec('podman', ['ps', '--filter', `pod=${name}`, '--format', '{{.State}}']);
        const states = stdout.trim().split('\n').filter(Boolean);
        if (states.length !== apps + 1 || states.some((s) => !/^(up\b|running)/i.test(s)))
          throw new Error(`${name}: podman states ${states.join(',')}`);
        const t = performance.now();
        await exec('podman', ['kube', 'down', file]);
        down = performance.now() - t;
      }
      // Quiesce: let shims and cleanup processes finish before the next method runs.
      await new Promise((r) => setTimeout(r, 250));
      if (record) {
        const key = `${method}/${apps}`;
        samples.set(key, [...(samples.get(key) ?? []), { up, down }]);
      }
    };

    try {
      for (const apps of SIZES) for (const method of methods) await once(method, apps, false);
      for (let round = 0; round < ROUNDS; round++) {
        const order = methods.map((_, i) => methods[(i + round) % methods.length]!);
        const sizes = round % 2 === 0 ? SIZES : [...SIZES].reverse();
        for (const apps of sizes) for (const method of order) await once(method, apps, true);
        ctx.log(`round ${round + 1}/${ROUNDS} done`);
      }
    } finally {
      if (methods.includes('podman')) {
        // A run that failed its checks never reached `kube down`.
        const { stdout } = await exec('podman', [
          'pod',
          'ls',
          '--filter',
          `name=pwb-${suffix}`,
          '--format',
          '{{.Name}}',
        ]);
        for (const pod of stdout.split('\n').filter(Boolean)) await exec('podman', ['pod', 'rm', '-f', '-t', '0', pod]);
      }
      for (const name of podwrightPods) await runtime.down({ name }, { graceSeconds: 0 });
      await rm(dir, { recursive: true, force: true });
      const left = await engine.docker.listContainers({ all: true, filters: { name: [`pwb-${suffix}`] } });
      await Promise.all(left.map((c) => engine.docker.getContainer(c.Id).remove({ force: true })));
      await engine.docker
        .getNetwork(network)
        .remove()
        .catch(() => undefined);
    }

    const metrics: Metric[] = [];
    const label: Record<Method, string> = {
      podwright: 'Podwright',
      cli: 'docker CLI sequence',
      podman: 'podman kube play',
      floor: 'reference: Docker floor (same containers, raw API calls only)',
      nonet: 'reference: lower bound (infra on no network, no port; not a usable Pod)',
      warm: 'reference: warm (infra started before Run, apps only; not the goal)',
    };
    const reference = (method: Method): boolean => method === 'floor' || method === 'nonet' || method === 'warm';
    const median = (method: Method, apps: number, pick: (s: Sample) => number): number =>
      summarize((samples.get(`${method}/${apps}`) ?? []).map(pick)).median;
    for (const apps of SIZES) {
      for (const method of methods) {
        const s = samples.get(`${method}/${apps}`) ?? [];
        const up = summarize(s.map((x) => x.up));
        const down = summarize(s.map((x) => x.down));
        metrics.push({
          name: `${label[method]}: up, ${apps} apps + infra`,
          value: Math.round(up.median),
          unit: 'ms',
          detail: detail(up, 0),
        });
        if (reference(method)) continue;
        metrics.push({
          name: `${label[method]}: down, ${apps} apps + infra`,
          value: Math.round(down.median),
          unit: 'ms',
          detail: detail(down, 0),
        });
      }
      const pUp = median('podwright', apps, (s) => s.up);
      const pAll = median('podwright', apps, (s) => s.up + s.down);
      metrics.push({
        name: `Podwright / docker CLI, up (${apps} apps)`,
        value: Number((pUp / median('cli', apps, (s) => s.up)).toFixed(2)),
        unit: '×',
        goal: { value: 0.7, better: 'lower' },
      });
      metrics.push({
        name: `Podwright / docker CLI, up + down (${apps} apps)`,
        value: Number((pAll / median('cli', apps, (s) => s.up + s.down)).toFixed(2)),
        unit: '×',
        goal: { value: 0.7, better: 'lower' },
      });
      if (methods.includes('podman')) {
        metrics.push({
          name: `Podwright / podman kube play, up (${apps} apps)`,
          value: Number((pUp / median('podman', apps, (s) => s.up)).toFixed(2)),
          unit: '×',
          goal: { value: 0.8, better: 'lower' },
        });
        metrics.push({
          name: `Podwright / podman kube play+down, up + down (${apps} apps)`,
          value: Number((pAll / median('podman', apps, (s) => s.up + s.down)).toFixed(2)),
          unit: '×',
          goal: { value: 0.8, better: 'lower' },
        });
      }
      // Where the goal stands against what the engine itself needs (no goal: context for the rows above).
      const floorUp = median('floor', apps, (s) => s.up);
      metrics.push({
        name: `Podwright / Docker floor, up (${apps} apps): Podwright's own overhead`,
        value: Number((pUp / floorUp).toFixed(2)),
        unit: '×',
      });
      if (methods.includes('podman')) {
        const podmanUp = median('podman', apps, (s) => s.up);
        for (const method of ['floor', 'nonet', 'warm'] as const) {
          metrics.push({
            name: `${label[method]} / podman kube play, up (${apps} apps)`,
            value: Number((median(method, apps, (s) => s.up) / podmanUp).toFixed(2)),
            unit: '×',
          });
        }
      }
    }
    return metrics;
  },
};

export default bench;
