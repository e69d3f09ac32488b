import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heading, updatedDocument, wholeDocument, type Machine, type Outcome } from './markdown';

const machine: Machine = {
  cpus: 2,
  cpuModel: 'Test CPU',
  memoryGiB: 4,
  kernel: '6.0',
  node: 'v20.0.0',
  date: '2030-01-01T00:00:00.000Z',
};

const outcome = (id: string, title: string, value: number, issue?: number): Outcome => ({
  id,
  title,
  issue,
  status: 'ok',
  metrics: [{ name: `${id} time`, value, unit: 'ms', goal: { value: 100, better: 'lower' } }],
  seconds: 1.5,
  ranAt: '2030-01-01T00:00:00.000Z',
});

describe('docs/PERFORMANCE.md after a filtered run', () => {
  const before = wholeDocument({ ...machine, date: '2029-01-01T00:00:00.000Z' }, [
    outcome('a', 'Alpha', 10, 1),
    outcome('b', 'Beta', 20, 2),
    outcome('c', 'Gamma', 30),
  ]);

  it('replaces only the sections of the benchmarks that ran and keeps the others as written', () => {
    const after = updatedDocument(before, machine, [outcome('b', 'Beta', 200, 2)]);
    expect(after).toContain('| b time | 200 ms | ≤ 100 ms | **no** |');
    expect(after).not.toContain('| b time | 20.00 ms');
    expect(after).toContain('| a time | 10.00 ms | ≤ 100 ms | yes |');
    expect(after).toContain('| c time | 30.00 ms | ≤ 100 ms | yes |');
    // The sections keep their order; the machine line is the new run's.
    const order = ['## Alpha', '## Beta', '## Gamma'].map((h) => after.indexOf(h));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(after).toContain('Run: 2030-01-01T00:00:00.000Z.');
    // The same as a whole run that had those numbers.
    expect(after).toBe(
      wholeDocument(machine, [outcome('a', 'Alpha', 10, 1), outcome('b', 'Beta', 200, 2), outcome('c', 'Gamma', 30)]),
    );
  });

  it('adds the section of a benchmark the document did not have at the end', () => {
    const after = updatedDocument(before, machine, [outcome('d', 'Delta', 5, 4)]);
    expect(after.indexOf(heading({ title: 'Delta', issue: 4 }))).toBeGreaterThan(after.indexOf('## Gamma'));
    expect(after).toContain('| a time | 10.00 ms');
  });

  it('keeps every section of the committed document on a run of one benchmark', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'PERFORMANCE.md'), 'utf8');
    const headings = doc.split('\n').filter((l) => l.startsWith('## '));
    const after = updatedDocument(doc, machine, [outcome('first-screen', 'Something new', 1, 20)]);
    for (const h of headings) expect(after).toContain(h);
    expect(after.split('\n').filter((l) => l.startsWith('| ')).length).toBe(
      doc.split('\n').filter((l) => l.startsWith('| ')).length + 3,
    );
  });
});
