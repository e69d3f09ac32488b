// Hostile and large input through the real CLI (issue 21 item 6): validating a 10 MB file, and refusing a file whose
// aliases of one large string would expand to 400 MB. Each runs in its own process, so its time and peak memory are
// its own; CPU time is reported beside wall time because a shared machine stretches the latter.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, Metric } from './harness';

const TEN_MB = 10 * 1024 * 1024;

/** A Pod of one container whose env list fills the file to `size` characters. */
function envHeavyPod(size: number): string {
  const parts = [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big-env\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    env:\n',
  ];
  let length = parts[0]!.length;
  for (let i = 0; length < size - 200; i++) {
    const item = `    - name: VAR_${i}\n      value: "${'v'.repeat(100)}"\n`;
    parts.push(item);
    length += item.length;
  }
  return parts.join('');
}

/** A Pod of many small containers (name, image, command, a port, an env var each) filling `size` characters. */
function manyContainersPod(size: number): string {
  const parts = ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: big-pod\nspec:\n  containers:\n'];
  let length = parts[0]!.length;
  for (let i = 0; length < size - 400; i++) {
    const item =
      `  - name: c${i}\n    image: busybox:1.36\n    command: ["sh", "-c", "echo hello; sleep 3600"]\n` +
      `    ports:\n    - containerPort: ${1 + (i % 60000)}\n    env:\n    - name: A\n      value: "b"\n`;
    parts.push(item);
    length += item.length;
  }
  return parts.join('');
}

/** The issue's file: a 4 MB string under an anchor, referenced 99 times. */
function aliasedStringPod(): string {
  const lines = [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    env:',
    `    - name: BIG\n      value: &big "${'x'.repeat(4_000_000)}"`,
  ];
  for (let i = 1; i < 99; i++) lines.push(`    - name: E${i}\n      value: *big`);
  return `${lines.join('\n')}\n`;
}

interface Usage {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  code: number | null;
}

/** Runs `podwright ARGS` in a fresh Node process and reads its own resource usage as it exits. */
function cli(args: string[]): Promise<Usage> {
  const script = `process.on('exit', () => require('node:fs').writeSync(2, '\\nUSAGE ' + JSON.stringify(process.resourceUsage()) + '\\n'));
process.argv = [process.argv[0], 'podwright', ...${JSON.stringify(args)}];
import('./electron/cli/bin.mjs');`;
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const line = /USAGE (\{.*\})/.exec(stderr)?.[1];
      if (!line) return fail(new Error(`no usage from podwright ${args.join(' ')}: ${stderr.slice(-500)}`));
      const usage = JSON.parse(line) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
      done({
        wallMs: performance.now() - started,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        maxRssMb: usage.maxRSS / 1024,
        code,
      });
    });
  });
}

function rows(what: string, u: Usage, goal?: { seconds: number; mb: number }): Metric[] {
  const detail = `wall ${(u.wallMs / 1000).toFixed(1)} s, exit ${u.code}`;
  return [
    {
      name: `${what}: CPU time`,
      value: +(u.cpuMs / 1000).toFixed(2),
      unit: 's',
      detail,
      ...(goal && { goal: { value: goal.seconds, better: 'lower' as const } }),
    },
    {
      name: `${what}: peak memory`,
      value: Math.round(u.maxRssMb),
      unit: 'MB',
      ...(goal && { goal: { value: goal.mb, better: 'lower' as const } }),
    },
  ];
}

const bench: Benchmark = {
  id: 'input-limits',
  title: 'Large and hostile input through the CLI (validate 10 MB, refuse an alias bomb)',
  issue: 21,
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'pw-bench-input-'));
    try {
      const env = join(dir, 'env-10mb.yaml');
      const many = join(dir, 'containers-10mb.yaml');
      const bomb = join(dir, 'alias-bomb.yaml');
      writeFileSync(env, envHeavyPod(TEN_MB));
      writeFileSync(many, manyContainersPod(TEN_MB));
      writeFileSync(bomb, aliasedStringPod());
      ctx.log('files written; each command runs in its own process');
      const metrics: Metric[] = [];
      metrics.push(
        ...rows('validate a 10 MB Pod (76,000 env values)', await cli(['validate', env]), { seconds: 10, mb: 1000 }),
      );
      metrics.push(
        ...rows('validate a 10 MB Pod (61,000 containers, 1,400 port clashes)', await cli(['validate', many]), {
          seconds: 10,
          mb: 1000,
        }),
      );
      metrics.push(
        ...rows(
          'export --out - of a 4 MB string aliased 99 times (refused)',
          await cli(['export', bomb, '--out', '-']),
          { seconds: 3, mb: 300 },
        ),
      );
      return metrics;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
