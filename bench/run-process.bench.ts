// `podwright run FILE --detach` as the user runs it, a whole process from spawn to exit, beside the same containers
// started with the docker CLI (one `docker run` per container, as in pod-run.bench.ts) and with `podman kube play`, for
// a 2-app and a 4-app Pod in interleaved rounds. The Pod start path is the one pod-run.bench.ts measures in process;
// what this adds is the CLI's own start. With PODWRIGHT_BENCH_BASELINE set, that tree's `podwright run` too.
// Two references in the same rounds show what no Node CLI can go below: `node -e 0` (a Node process that does nothing)
// and the Docker floor (the same containers from the plan with the fewest raw API calls, in this process).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Engine, PodRuntime } from '../electron/engines/docker';
import { plan } from '../shared/plan';
import { DEFAULT_NETWORK } from '../shared/plan/types';
import { detail, summarize, type Benchmark, type Metric } from './harness';
import {
  benchPod,
  BUSYBOX,
  DOCKER,
  dockerCliUp,
  freePort,
  httpOk,
  INFRA,
  podmanUsable,
  podYaml,
  rawUp,
} from './pod-run.bench';
import { baselineTree, ratio, requireFreshBuild, thisTree, timeProcess, type Tree } from './processes';

const exec = promisify(execFile);
const ROUNDS = Number(process.env.PODWRIGHT_BENCH_ROUNDS ?? 5);
const SIZES = [2, 4] as const;

type Method = 'this tree' | 'baseline' | 'docker CLI' | 'podman kube play' | 'node -e 0' | 'Docker floor';
const REFERENCES: readonly Method[] = ['node -e 0', 'Docker floor'];

const bench: Benchmark = {
  id: 'run-process',
  title: 'podwright run --detach as a process, beside the docker CLI and podman kube play',
  issue: 20,
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
    const baseline = baselineTree();
    if ('missing' in baseline) ctx.log(`no baseline rows: ${baseline.missing}`);
    const podmanReason = await podmanUsable();
    if (podmanReason) ctx.log(`podman kube play not measured: ${podmanReason}`);
    const trees = new Map<Method, Tree>([['this tree', thisTree]]);
    if (!('missing' in baseline)) trees.set('baseline', baseline);
    const methods: Method[] = [
      ...trees.keys(),
      'docker CLI',
      ...(podmanReason ? [] : (['podman kube play'] as const)),
      ...REFERENCES,
    ];
    const runtime = new PodRuntime(engine);
    const dir = await mkdtemp(join(tmpdir(), 'pw-bench-run-'));
    const suffix = randomBytes(3).toString('hex');
    const port = await freePort();
    const samples = new Map<string, number[]>();
    const podwrightPods: string[] = [];
    let serial = 0;

    const once = async (method: Method, apps: number, record: boolean): Promise<void> => {
      const name = `pwr-${suffix}-${method.split(' ')[0]!.toLowerCase()}-${apps}-${serial++}`;
      const pod = benchPod(name, apps, port);
      const file = join(dir, `${name}.yaml`);
      await writeFile(file, podYaml(pod));
      let ms = 0;
      let down: () => Promise<unknown>;
      const tree = trees.get(method);
      if (tree) {
        podwrightPods.push(name);
        const [command, ...args] = tree.bin;
        // --force answers the hostPort warning the app would ask about (the docker CLI asks nothing either).
        const r = await timeProcess(command!, [...args, 'run', file, '--detach', '--force', '--infra-image', INFRA], {
          cwd: tree.root,
        });
        if (r.code !== 0) throw new Error(`${method}: podwright run exited ${r.code}: ${r.stderr.slice(0, 400)}`);
        if (r.stderr.includes('running from source'))
          throw new Error(`${method}: podwright ran through tsx: ${r.stderr}`);
        ms = r.ms;
        down = () => runtime.down({ name }, { graceSeconds: 0 });
      } else if (method === 'node -e 0') {
        const r = await timeProcess(process.execPath, ['-e', '0']);
        if (r.code !== 0) throw new Error(`node -e 0 exited ${r.code}`);
        if (record) samples.set(`${method}/${apps}`, [...(samples.get(`${method}/${apps}`) ?? []), r.ms]);
        return;
      } else if (method === 'Docker floor') {
        podwrightPods.push(name);
        ms = await rawUp(engine.docker, plan(pod, info, { infraImage: INFRA, network: DEFAULT_NETWORK }), 'floor');
        down = () => runtime.down({ name }, { graceSeconds: 0 });
      } else if (method === 'docker CLI') {
        const started = performance.now();
        const names = await dockerCliUp(name, pod, port, DEFAULT_NETWORK);
        ms = performance.now() - started;
        down = () => exec(DOCKER, ['rm', '-f', ...names]);
      } else {
        const started = performance.now();
        await exec('podman', ['kube', 'play', file]);
        ms = performance.now() - started;
        down = () => exec('podman', ['kube', 'down', file]);
      }
      try {
        // The same check for every method: the web container answers on the published port.
        await httpOk(port);
      } finally {
        await down();
        await new Promise((r) => setTimeout(r, 250));
      }
      if (record) samples.set(`${method}/${apps}`, [...(samples.get(`${method}/${apps}`) ?? []), ms]);
    };

    try {
      // The project network the plan uses, made once by a warm-up run, as on any machine that ran podwright before.
      for (const apps of SIZES) for (const method of methods) await once(method, apps, false);
      for (const tree of trees.values()) requireFreshBuild(tree);
      for (let round = 0; round < ROUNDS; round++) {
        const order = methods.map((_, i) => methods[(i + round) % methods.length]!);
        for (const apps of round % 2 === 0 ? SIZES : [...SIZES].reverse())
          for (const method of order) await once(method, apps, true);
        ctx.log(`round ${round + 1}/${ROUNDS}`);
      }
    } finally {
      for (const name of podwrightPods) await runtime.down({ name }, { graceSeconds: 0 }).catch(() => undefined);
      const left = await engine.docker.listContainers({ all: true, filters: { name: [`pwr-${suffix}`] } });
      await Promise.all(left.map((c) => engine.docker.getContainer(c.Id).remove({ force: true })));
      await rm(dir, { recursive: true, force: true });
    }

    const metrics: Metric[] = [];
    for (const apps of SIZES) {
      const of = (method: Method) => summarize(samples.get(`${method}/${apps}`) ?? []);
      for (const method of methods) {
        const s = of(method);
        const what =
          method === 'this tree' || method === 'baseline'
            ? `podwright run --detach, ${method}: ${apps} apps + infra, as a process`
            : method === 'node -e 0'
              ? `reference: node -e 0, a Node process that does nothing (${apps}-app rounds)`
              : method === 'Docker floor'
                ? `reference: Docker floor, the same containers by raw API calls in process: ${apps} apps + infra`
                : `${method}: ${apps} apps + infra, as a process`;
        metrics.push({
          name: what,
          value: Math.round(s.median),
          unit: 'ms',
          detail: detail(s, 0),
        });
      }
      metrics.push({
        name: `podwright run / docker CLI (${apps} apps)`,
        value: ratio(of('this tree'), of('docker CLI')),
        unit: '×',
        goal: { value: 0.7, better: 'lower' },
      });
      if (!podmanReason) {
        metrics.push({
          name: `podwright run / podman kube play (${apps} apps)`,
          value: ratio(of('this tree'), of('podman kube play')),
          unit: '×',
          goal: { value: 1, better: 'lower' },
        });
      }
      // The least any Node CLI could take here: starting Node, then the engine's own floor for these containers.
      const least = summarize([of('node -e 0').median + of('Docker floor').median]);
      const against: Method[] = podmanReason ? ['docker CLI'] : ['docker CLI', 'podman kube play'];
      for (const peer of against) {
        metrics.push({
          name: `reference: (node -e 0 + Docker floor) / ${peer} (${apps} apps): the least a Node CLI can reach`,
          value: ratio(least, of(peer)),
          unit: '×',
        });
      }
      metrics.push({
        name: `podwright run / (node -e 0 + Docker floor) (${apps} apps): the CLI's own overhead`,
        value: ratio(of('this tree'), least),
        unit: '×',
      });
    }
    return metrics;
  },
};

export default bench;
