// The benchmark harness: each bench/*.bench.ts exports a Benchmark; the runner times them in one process
// and writes JSON plus a Markdown table (docs/PERFORMANCE.md).

export interface Metric {
  /** What was measured, e.g. "engine.info round trip over WebSocket". */
  name: string;
  value: number;
  unit: string;
  /** The goal, in the same unit, and which way is better. */
  goal?: { value: number; better: 'lower' | 'higher' };
  /** Extra numbers shown beside the value (min, p95, samples...). */
  detail?: string;
}

export interface BenchContext {
  /** Lets a benchmark say it could not run here (no Docker, no Chromium) without failing the others. */
  skip(reason: string): never;
  log(line: string): void;
}

export interface Benchmark {
  /** A short id, used by `npm run bench -- <filter>`. */
  id: string;
  title: string;
  /** The issue whose goal this measures. */
  issue?: number;
  run(ctx: BenchContext): Promise<Metric[]>;
}

export class BenchSkipped extends Error {}

export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  samples: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, p95: at(0.95), samples: sorted.length };
}

/** Times `fn` `iterations` times after `warmup` untimed runs; milliseconds. */
export async function time(fn: () => unknown, iterations: number, warmup = 3): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const values: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    values.push(performance.now() - start);
  }
  return summarize(values);
}

export function detail(s: Summary, digits = 2): string {
  return `min ${s.min.toFixed(digits)}, p95 ${s.p95.toFixed(digits)}, max ${s.max.toFixed(digits)}, n=${s.samples}`;
}

export function meetsGoal(metric: Metric): boolean | undefined {
  if (!metric.goal) return undefined;
  return metric.goal.better === 'lower' ? metric.value <= metric.goal.value : metric.value >= metric.goal.value;
}
