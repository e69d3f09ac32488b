// The CLI's start as the user meets it, as whole processes: `podwright --version` and `validate FILE` beside `node -e 0`,
// `docker version` and `kubectl version --client`; `validate` over the 58 real-world manifests in one process and one
// process per file (an editor's on-save hook); `podwright serve` from start to the URL printed. With
// PODWRIGHT_BENCH_BASELINE set, the same figures for that tree (main) in the same interleaved rounds.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detail, summarize, type Benchmark, type Metric, type Summary } from './harness';
import {
  baselineTree,
  interleave,
  requireFreshBuild,
  projectRoot,
  ratio,
  thisTree,
  timeProcess,
  type Alternative,
  type Tree,
} from './processes';

const ROUNDS = Number(process.env.PODWRIGHT_BENCH_ROUNDS ?? 15);
const SMALL_POD = join(projectRoot, 'assets', 'examples', 'sidecar-logs.pod.yaml');
/** The shared test data beside the checkout (../shared), or where PODWRIGHT_SHARED says (a worktree elsewhere). */
const MANIFESTS = join(process.env.PODWRIGHT_SHARED ?? join(projectRoot, '..', 'shared'), 'testdata', 'manifests');

/** The peers' commands, found on PATH as a user's shell finds them; a missing one is left out with a note. */
function peer(command: string, args: string[]): { command: string; args: string[]; version: string } | undefined {
  try {
    const version = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return {
      command,
      args,
      version:
        version
          .split('\n')
          .find((l) => /\d+\.\d+/.test(l))
          ?.trim() ?? '',
    };
  } catch {
    return undefined;
  }
}

/** Times one process and checks its exit code and output, so a crash never passes as a fast start. */
function processAlternative(
  key: string,
  command: string,
  args: readonly string[],
  check: (r: { code: number | null; stdout: string }) => boolean,
  env?: Record<string, string>,
): Alternative {
  return {
    key,
    once: async () => {
      const r = await timeProcess(command, args, { env });
      if (!check(r)) throw new Error(`${key}: exit ${r.code}: ${(r.stderr || r.stdout).slice(0, 400)}`);
      return r.ms;
    },
  };
}

/** `podwright serve`: the milliseconds from spawn to the URL on stdout; then it is stopped. */
function serveToUrl(tree: Tree, configDir: string): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const [command, ...args] = tree.bin;
    const child = spawn(command!, [...args, 'serve'], {
      cwd: tree.root,
      env: { ...process.env, PODWRIGHT_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ms = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (!ms && /Podwright is running at http:\/\/127\.0\.0\.1:\d+\//.test(output)) {
        ms = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', () => {
      clearTimeout(timer);
      if (ms) done(ms);
      else fail(new Error(`${tree.label}: serve printed no URL:\n${output.slice(0, 400)}`));
    });
  });
}

const validateOk = (r: { code: number | null; stdout: string }): boolean =>
  r.code !== null && r.code <= 2 && /\d+ files?, \d+ errors?/.test(r.stdout);

const bench: Benchmark = {
  id: 'startup',
  title: 'CLI start: podwright --version / validate / serve as processes, beside node, docker and kubectl',
  issue: 20,
  async run(ctx) {
    const baseline = baselineTree();
    if ('missing' in baseline) ctx.log(`no baseline rows: ${baseline.missing}`);
    const trees = 'missing' in baseline ? [thisTree] : [thisTree, baseline];
    // A stale bundle is built by this first, untimed start; every timed start then runs the bundle.
    for (const tree of trees) {
      const [command, ...args] = tree.bin;
      await timeProcess(command!, [...args, '--version'], { cwd: tree.root });
      requireFreshBuild(tree);
    }
    const docker = peer('docker', ['version', '--format', '{{.Client.Version}}']);
    const kubectl = peer('kubectl', ['version', '--client']);
    // The corpus's index names its manifests, one a row after the header.
    const manifests = readFileSync(join(MANIFESTS, 'INDEX.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => join(MANIFESTS, line.split('\t')[0]!));
    const metrics: Metric[] = [];
    const row = (name: string, s: Summary | undefined, extra = ''): void => {
      if (!s) return;
      metrics.push({ name, value: Math.round(s.median * 10) / 10, unit: 'ms', detail: detail(s, 1) + extra });
    };

    // 1. The commands a shell hook or a user's fingers run: version and one small file.
    const alternatives: Alternative[] = [
      processAlternative('node', process.execPath, ['-e', '0'], (r) => r.code === 0),
    ];
    if (docker) alternatives.push(processAlternative('docker', docker.command, ['version'], (r) => r.code === 0));
    if (kubectl) alternatives.push(processAlternative('kubectl', kubectl.command, kubectl.args, (r) => r.code === 0));
    for (const tree of trees) {
      const [command, ...args] = tree.bin;
      alternatives.push(
        processAlternative(
          `${tree.label} --version`,
          command!,
          [...args, '--version'],
          (r) => r.code === 0 && /^\d+\.\d+\.\d+\n$/.test(r.stdout),
        ),
        processAlternative(
          `${tree.label} validate`,
          command!,
          [...args, 'validate', SMALL_POD],
          (r) => r.code === 0 && validateOk(r),
        ),
      );
    }
    const cli = await interleave(alternatives, ROUNDS, ctx.log);
    const node = cli.get('node');
    row('node -e 0', node);
    if (docker) row('docker version', cli.get('docker'), `; ${docker.command} ${docker.version}`);
    else ctx.log('docker not found: no docker row');
    if (kubectl) row('kubectl version --client', cli.get('kubectl'), `; ${kubectl.version}`);
    else ctx.log('kubectl not found: no kubectl row (apt-get install kubernetes-client)');
    for (const tree of trees) {
      row(`podwright --version, ${tree.label}`, cli.get(`${tree.label} --version`));
      row(`podwright validate (one small Pod), ${tree.label}`, cli.get(`${tree.label} validate`));
    }
    metrics.push(
      {
        name: 'podwright --version / node -e 0',
        value: ratio(cli.get('this tree --version'), node),
        unit: '×',
        goal: { value: 2, better: 'lower' },
      },
      {
        name: 'podwright validate (one small Pod) / node -e 0',
        value: ratio(cli.get('this tree validate'), node),
        unit: '×',
        goal: { value: 3, better: 'lower' },
      },
    );
    if (trees.length > 1) {
      metrics.push(
        {
          name: 'reference: baseline --version / node -e 0',
          value: ratio(cli.get('baseline --version'), node),
          unit: '×',
        },
        {
          name: 'reference: baseline validate / node -e 0',
          value: ratio(cli.get('baseline validate'), node),
          unit: '×',
        },
      );
    }

    // 2. The 58 real-world manifests: all in one process, and one process per file as an on-save hook runs it.
    const all = await interleave(
      trees.map((tree) => {
        const [command, ...args] = tree.bin;
        return processAlternative(tree.label, command!, [...args, 'validate', ...manifests], validateOk);
      }),
      Math.max(3, Math.floor(ROUNDS / 3)),
    );
    for (const tree of trees)
      row(`validate ${manifests.length} manifests in one process, ${tree.label}`, all.get(tree.label));
    const perFile = new Map<string, number[]>(trees.map((t) => [t.label, []]));
    for (const file of manifests) {
      for (const tree of trees) {
        const [command, ...args] = tree.bin;
        const r = await timeProcess(command!, [...args, 'validate', file]);
        if (!validateOk(r))
          throw new Error(`${tree.label} validate ${file}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
        perFile.get(tree.label)!.push(r.ms);
      }
    }
    for (const tree of trees) {
      const times = perFile.get(tree.label)!;
      const s = summarize(times);
      metrics.push({
        name: `validate one manifest per process (${manifests.length} processes), ${tree.label}: per file`,
        value: Math.round(s.median * 10) / 10,
        unit: 'ms',
        detail: `${detail(s, 1)}; all ${manifests.length} in ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(2)} s`,
      });
    }

    // 3. `podwright serve`: start to the URL on stdout (the renderer is built; a stale one would be built first).
    const configDir = mkdtempSync(join(tmpdir(), 'pw-bench-serve-'));
    try {
      const serve = await interleave(
        trees.map((tree) => ({ key: tree.label, once: () => serveToUrl(tree, configDir) })),
        Math.max(5, Math.floor(ROUNDS / 2)),
      );
      for (const tree of trees) row(`podwright serve: start → URL printed, ${tree.label}`, serve.get(tree.label));
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
    return metrics;
  },
};

export default bench;
