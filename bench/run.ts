// `npm run bench [-- FILTER...]`: runs every bench/*.bench.ts in one process, side by side, and writes
// bench/results/latest.json and docs/PERFORMANCE.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchSkipped, meetsGoal, type Benchmark } from './harness';
import { fmt, updatedDocument, wholeDocument, type Outcome } from './markdown';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const outcomes: Outcome[] = [];
for (const file of files) {
  // A benchmark's id is its file's name, so a filtered run does not import (and set up) the others.
  if (filters.length && !filters.some((f) => file.includes(f))) continue;
  let bench: Benchmark;
  try {
    bench = ((await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark }).default;
  } catch (err) {
    const id = file.replace(/\.bench\.ts$/, '');
    const reason = `could not load ${file}: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`\n▶ ${id}: ${reason}\n`);
    outcomes.push({ id, title: id, status: 'failed', reason, metrics: [], seconds: 0 });
    continue;
  }
  process.stderr.write(`\n▶ ${bench.title} (${bench.id})\n`);
  const started = performance.now();
  const outcome: Outcome = {
    id: bench.id,
    title: bench.title,
    issue: bench.issue,
    status: 'ok',
    metrics: [],
    seconds: 0,
  };
  try {
    outcome.metrics = await bench.run({
      skip: (reason) => {
        throw new BenchSkipped(reason);
      },
      log: (line) => process.stderr.write(`  ${line}\n`),
    });
  } catch (err) {
    outcome.status = err instanceof BenchSkipped ? 'skipped' : 'failed';
    outcome.reason = err instanceof Error ? err.message : String(err);
  }
  outcome.seconds = (performance.now() - started) / 1000;
  outcome.ranAt = new Date().toISOString();
  for (const m of outcome.metrics) {
    const verdict = meetsGoal(m);
    process.stderr.write(
      `  ${m.name}: ${fmt(m.value)} ${m.unit}${m.goal ? ` (goal ${m.goal.better === 'lower' ? '≤' : '≥'} ${m.goal.value}: ${verdict ? 'met' : 'MISSED'})` : ''}\n`,
    );
  }
  if (outcome.status !== 'ok') process.stderr.write(`  ${outcome.status}: ${outcome.reason}\n`);
  outcomes.push(outcome);
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
  kernel: release(),
  node: process.version,
  date: new Date().toISOString(),
};
// A filtered run (`npm run bench -- logs`) replaces only what it ran; the rest keep their last numbers.
const resultsFile = join(here, 'results', 'latest.json');
const ran = new Set(outcomes.map((o) => o.id));
if (filters.length && existsSync(resultsFile)) {
  const previous = (JSON.parse(readFileSync(resultsFile, 'utf8')) as { outcomes: Outcome[] }).outcomes;
  outcomes.push(...previous.filter((o) => !ran.has(o.id)));
  outcomes.sort((a, b) => a.id.localeCompare(b.id));
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(resultsFile, JSON.stringify({ machine, outcomes }, null, 2) + '\n');
// A filtered run replaces only its own sections of the document and keeps the rest as written (bench/results is not
// committed, so on a fresh checkout the document is the only record of the other benchmarks' numbers).
const docFile = join(root, 'docs', 'PERFORMANCE.md');
const ranNow = outcomes.filter((o) => ran.has(o.id));
writeFileSync(
  docFile,
  filters.length && existsSync(docFile)
    ? updatedDocument(readFileSync(docFile, 'utf8'), machine, ranNow)
    : wholeDocument(machine, outcomes),
);
process.stderr.write(`\nWrote bench/results/latest.json and docs/PERFORMANCE.md\n`);
if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
