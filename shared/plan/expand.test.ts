// $(VAR) expansion: Kubernetes' semantics, built from slices, and bounded: the issue's 4 MB value referenced 99 times
// is refused in words instead of expanding to 400 MB.
import { describe, expect, it } from 'vitest';
import { expand, ExpansionTooLarge } from './expand';
import { MAX_EXPANDED_CHARACTERS } from './context';
import { plan } from './plan';
import type { Pod } from './pod';
import type { PlanEngine } from './types';

const docker: PlanEngine = { name: 'Docker', apiVersion: '1.41', cpus: 2, memoryBytes: 8 * 2 ** 30 };
const FOUR_MB = 4 * 1024 * 1024;

describe('expand', () => {
  const env = (n: string): string | undefined => ({ A: 'x', EMPTY: '' })[n];

  it('expands like Kubernetes (expansion.go)', () => {
    expect(expand('$(A)$(B)$$(A)$A$', env)).toBe('x$(B)$(A)$A$');
    expect(expand('$(A', env)).toBe('$(A');
    // An unclosed $( is literal, and scanning goes on after it: $$ still escapes.
    expect(expand('$(A$$', env)).toBe('$(A$');
    expect(expand('$()', env)).toBe('$()');
    expect(expand('[$(EMPTY)]', env)).toBe('[]');
    expect(expand('no dollars', env)).toBe('no dollars');
  });

  it('stops at its budget instead of building the result', () => {
    const big = 'x'.repeat(FOUR_MB);
    const budget = { remaining: MAX_EXPANDED_CHARACTERS };
    expect(() => expand('$(BIG)'.repeat(99), () => big, budget)).toThrow(ExpansionTooLarge);
    // What fits is taken from the budget.
    const small = { remaining: 100 };
    expect(expand('$(A)$(A)', env, small)).toBe('xx');
    expect(small.remaining).toBe(98);
  });

  it('expands a 4 MB value ending in a reference, or made of $$ escapes', () => {
    const big = `${'y'.repeat(FOUR_MB)}$(A)`;
    expect(expand(big, env)).toHaveLength(FOUR_MB + 1);
    // The old expansion appended one character at a time; a value with many $ is still sliced, not walked.
    const dollars = '$$'.repeat(FOUR_MB / 2);
    expect(expand(dollars, env)).toHaveLength(FOUR_MB / 2);
  });
});

describe('a plan whose $(VAR) references multiply a large value', () => {
  it('the 4 MB value referenced 99 times is refused with its place and bounded memory', () => {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bomb' },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            env: [
              { name: 'BIG', value: 'x'.repeat(FOUR_MB) },
              ...Array.from({ length: 98 }, (_, i) => ({ name: `E${i}`, value: '$(BIG)' })),
            ],
          },
        ],
      },
    };
    const before = process.memoryUsage().heapUsed;
    const p = plan(pod, docker);
    const grown = process.memoryUsage().heapUsed - before;
    const refused = p.problems.filter((x) => x.code === 'EXPANSION_TOO_LARGE');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ severity: 'error', path: 'spec.containers[0].env[5].value' });
    expect(refused[0]!.message).toMatch(/larger than 16 MiB/);
    // 99 copies would be 400 million characters (800 MB as UTF-16); the budget keeps it to a few copies.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});
