import { describe, expect, it } from 'vitest';
import { loadPods } from './pods';

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: a\n    image: busybox\n`;

describe('loadPods', () => {
  it('reads every Pod of a multi-document file and notes other kinds', () => {
    const r = loadPods(`${pod('one')}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n${pod('two')}---\n`);
    expect(r.errors).toEqual([]);
    expect(r.pods.map((p) => [p.index, p.pod.metadata.name, p.line])).toEqual([
      [0, 'one', 1],
      [2, 'two', 14],
    ]);
    expect(r.notes).toEqual([
      { index: 1, kind: 'Service', message: 'Service skipped: only Pods are validated', line: 10 },
    ]);
  });

  it('reads JSON', () => {
    const r = loadPods(
      JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [] } }),
    );
    expect(r.pods[0]?.pod.metadata.name).toBe('j');
  });

  it('keeps unknown fields', () => {
    const r = loadPods(`${pod('x')}    futureField: {a: 1}\n`);
    expect(r.pods[0]?.pod.spec.containers[0]?.['futureField']).toEqual({ a: 1 });
  });

  it('reports YAML errors with line and column', () => {
    const r = loadPods('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "unterminated\n');
    expect(r.errors[0]).toMatchObject({ code: 'yaml', document: 0 });
    expect(r.errors[0]?.line).toBeGreaterThanOrEqual(4);
    expect(r.errors[0]?.column).toBeGreaterThan(0);
  });

  it('refuses duplicate keys (a silently dropped container is worse than an error)', () => {
    const r = loadPods('kind: Pod\nspec: {}\nspec: {}\n');
    expect(r.errors[0]).toMatchObject({ code: 'yaml', line: 3, column: 1 });
    expect(r.errors[0]?.message).toMatch(/duplicate key "spec".*Map keys must be unique/);
  });

  it('reports a document without kind, and non-mapping documents', () => {
    expect(loadPods('apiVersion: v1\nind: Pod\n').errors[0]).toMatchObject({ code: 'no-kind', line: 1 });
    expect(loadPods('- a\n- b\n').errors[0]?.code).toBe('not-an-object');
    expect(loadPods('').pods).toEqual([]);
  });

  describe('hostile input, refused quickly', () => {
    const timed = (text: string) => {
      const start = performance.now();
      const r = loadPods(text);
      return { r, ms: performance.now() - start };
    };
    it('over the size limit', () => {
      const { r } = timed('a'.repeat(10 * 1024 * 1024 + 1));
      expect(r.errors[0]?.code).toBe('too-large');
    });
    it.each([
      ['flow sequences', '['.repeat(100_000)],
      ['balanced flow', '['.repeat(50_000) + ']'.repeat(50_000)],
      ['flow maps', '{a: '.repeat(50_000)],
      ['compact block sequences', '- '.repeat(100_000) + 'x'],
      ['indented maps', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1'],
    ])('deep nesting: %s', (_, text) => {
      const { r } = timed(text);
      expect(r.errors[0]?.code).toBe('too-deep');
      expect(r.errors[0]?.line).toBeGreaterThan(0);
    });
    it('an alias bomb ("billion laughs")', () => {
      const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries())
        lines.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`);
      const { r } = timed(lines.join('\n') + '\nkind: Pod\n');
      expect(r.errors[0]?.code).toBe('aliases');
    });
  });
});
