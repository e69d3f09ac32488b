// Timing commands as the user meets them: whole processes, wall clock from spawn to exit, alternatives interleaved in
// rounds (each round runs every alternative once, in a rotated order) so a busy moment on the machine falls on all of
// them alike. Also where the benchmarks find the tree they compare against (PODWRIGHT_BENCH_BASELINE).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize, type Summary } from './harness';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface Finished {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Runs `command args` to its exit; the wall time covers the spawn, the process's whole life and its exit. */
export function timeProcess(command: string, args: readonly string[], options: ProcessOptions = {}): Promise<Finished> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ ms: performance.now() - started, code, stdout, stderr }));
  });
}

/** One alternative of a comparison: how to run it once and return its time (ms), or throw when its result is wrong. */
export interface Alternative {
  key: string;
  once: () => Promise<number>;
}

/** Runs every alternative `rounds` times, interleaved and rotated, after one untimed warm-up each. */
export async function interleave(
  alternatives: readonly Alternative[],
  rounds: number,
  log?: (line: string) => void,
): Promise<Map<string, Summary>> {
  const samples = new Map<string, number[]>(alternatives.map((a) => [a.key, []]));
  for (const a of alternatives) await a.once();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < alternatives.length; i++) {
      const a = alternatives[(i + round) % alternatives.length]!;
      samples.get(a.key)!.push(await a.once());
    }
    if (log && (round + 1) % Math.max(1, Math.floor(rounds / 4)) === 0) log(`round ${round + 1}/${rounds}`);
  }
  return new Map([...samples].map(([key, values]) => [key, summarize(values)]));
}

/** A Podwright checkout to run a command in: this one, or the baseline the benchmarks compare it with. */
export interface Tree {
  /** "this branch" or "baseline (main)". */
  label: string;
  root: string;
  /** The `podwright` command: node and the launcher. */
  bin: readonly string[];
}

export const thisTree: Tree = {
  label: 'this tree',
  root: projectRoot,
  bin: [process.execPath, join(projectRoot, 'electron', 'cli', 'bin.mjs')],
};

/**
 * The tree to compare with, from PODWRIGHT_BENCH_BASELINE (a checkout of main with node_modules and a built renderer,
 * e.g. `git worktree add --detach ../main-bench main && (cd ../main-bench && npm ci && npx vite build)`), or why there
 * is none.
 */
export function baselineTree(): Tree | { missing: string } {
  const root = process.env.PODWRIGHT_BENCH_BASELINE;
  if (!root) return { missing: 'PODWRIGHT_BENCH_BASELINE is not set' };
  const bin = join(resolve(root), 'electron', 'cli', 'bin.mjs');
  if (!existsSync(bin)) return { missing: `${bin} does not exist` };
  if (!existsSync(join(root, 'node_modules'))) return { missing: `${root} has no node_modules (npm ci there)` };
  return { label: 'baseline', root: resolve(root), bin: [process.execPath, bin] };
}

/** A ratio of medians, to two decimals. */
export function ratio(a: Summary | undefined, b: Summary | undefined): number {
  return a && b ? Number((a.median / b.median).toFixed(2)) : NaN;
}
