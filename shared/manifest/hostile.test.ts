// Hostile input: each case must come back as a clear, located problem instead of a hang, a crash or a silent value.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDesign } from '../design/design-file';
import { aliasedStringPod } from './hostile.test-support';
import { parseManifest, readManifest, ManifestError, type ManifestProblemCode } from './parse';

function problemOf(source: string): { code: ManifestProblemCode; message: string; line: number; column: number } {
  const file = parseManifest(source);
  expect(file.problems.length).toBeGreaterThan(0);
  const p = file.problems[0]!;
  expect(p.line).toBeGreaterThanOrEqual(1);
  expect(p.column).toBeGreaterThanOrEqual(1);
  expect(p.message.length).toBeGreaterThan(10);
  return p;
}

describe('hostile input', () => {
  it('an alias bomb (billion laughs) is stopped by the alias limit', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const p = problemOf(lines.join('\n'));
    expect(p.code).toBe('aliases');
    expect(p.message).toMatch(/alias/i);
  });

  it('a 50 MB file is refused by size before parsing', () => {
    const big = `data: "${'x'.repeat(50 * 1024 * 1024)}"\n`;
    const p = problemOf(big);
    expect(p.code).toBe('too-large');
    expect(p.message).toMatch(/limit/);
  });

  it.each([
    ['flow lists', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['block lists on one line', '- '.repeat(10_000) + 'x\n'],
    ['JSON objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['block maps', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 200)}k${i}:`).join('\n')],
  ])('10,000-deep nesting (%s) is refused with its depth', (_, source) => {
    const file = parseManifest(source);
    expect(file.problems.length).toBeGreaterThan(0);
    expect(file.problems[0]!.message).toMatch(/nested|indent|map|mapping|key/i);
  });

  it('the deep flow nesting names the depth limit and where it was crossed', () => {
    const p = problemOf('a:\n  b: ' + '['.repeat(10_000) + ']'.repeat(10_000));
    expect(p.code).toBe('too-deep');
    expect(p.message).toContain('100 levels');
    expect(p.line).toBe(2);
  });

  it('binary garbage is called binary, with its position', () => {
    const garbage = Buffer.concat([Buffer.from('apiVersion: v1\nkind: '), randomBytes(65536)]).toString('utf8');
    const p = problemOf(garbage);
    expect(p.code).toBe('binary');
    expect(p.message).toMatch(/not text/);
    expect(p.line).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a float beyond 1e308', '{"spec": {"replicas": 1e400}}', '1e400'],
    [
      'an integer beyond 2^53',
      '{"spec": {"replicas": 123456789012345678901234567890}}',
      '123456789012345678901234567890',
    ],
    ['a YAML integer beyond 2^53', 'spec:\n  runAsUser: 9007199254740993\n', '9007199254740993'],
  ])('JSON number overflow: %s', (_, source, number) => {
    const p = problemOf(source);
    expect(p.code).toBe('number-out-of-range');
    expect(p.message).toContain(number);
  });

  it('errors carry the document index', () => {
    const file = parseManifest('a: 1\n---\nb: 2\n---\nc: [1\n');
    expect(file.problems[0]!.document).toBe(2);
    expect(file.problems[0]!.line).toBeGreaterThanOrEqual(5);
  });

  it('readManifest throws one error listing file:line:column', () => {
    expect(() => readManifest('a: 1\na: 2\n')).toThrow(ManifestError);
    expect(() => readManifest('a: 1\na: 2\n')).toThrow(/<input>:2:1: duplicate key "a"/);
  });

  it('merge keys resolve as kubectl (go-yaml) resolves them', () => {
    const file = parseManifest('base: &b {image: nginx, tty: true}\nc:\n  <<: *b\n  image: busybox\n');
    expect(file.problems).toEqual([]);
    expect(file.documents[0]!.value).toEqual({
      base: { image: 'nginx', tty: true },
      c: { image: 'busybox', tty: true },
    });
  });

  it('ordinary files are not caught by the limits', () => {
    const file = parseManifest(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: b\n    ports: [{containerPort: 80}]\n',
    );
    expect(file.problems).toEqual([]);
  });

  it('a 4 MB string referenced 99 times is refused at the alias that passes the limit, before any value is built', () => {
    const before = process.memoryUsage().heapUsed;
    const file = parseManifest(aliasedStringPod(4_000_000, 99));
    const grown = process.memoryUsage().heapUsed - before;
    expect(file.problems).toHaveLength(1);
    const p = file.problems[0]!;
    expect(p.code).toBe('aliases');
    expect(p.message).toMatch(/aliases expand this file past 10 MB/);
    // BIG (4 MB), E1 (8 MB), E2 (12 MB): the third reference, on line 15, crosses 10 MB.
    expect(p.line).toBe(15);
    expect(file.documents[0]!.value).toBeNull();
    // Expanded it would be 400 million characters (800 MB as UTF-16): what is used is the source and its syntax tree.
    expect(grown).toBeLessThan(256 * 1024 * 1024);
  });

  it('the 1.9 MB version the app opens is refused by its reader with a clear message', () => {
    const result = openDesign(aliasedStringPod(1_900_000, 99));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/line 21, column \d+: aliases expand this file past 10 MB/);
  });

  it('a smaller limit (a Pod file for run) also bounds what the file expands to', () => {
    const file = parseManifest(aliasedStringPod(1_000_000, 5), { maxLength: 4 * 1024 * 1024 });
    expect(file.problems[0]?.code).toBe('aliases');
    expect(file.problems[0]?.message).toMatch(/past 4 MB/);
  });

  it('an alias inside the node it names is refused, not built as a loop', () => {
    const p = problemOf('a: &a [1, *a]\n');
    expect(p.code).toBe('aliases');
    expect(p.message).toMatch(/inside the node it names/);
  });

  it('a file without aliases is never refused for expansion, up to the size limit', () => {
    const limit = 64 * 1024;
    const items = [
      `  - name: VAR\n    value: "${'v'.repeat(100)}"\n`,
      '  - [a, b, "", {}, [], ~, 1, x: y]\n',
      '  -\n  - k:\n',
    ];
    for (const item of items) {
      const source = `env:\n${item.repeat(Math.floor((limit - 10) / item.length))}`;
      expect(source.length).toBeGreaterThan(limit - 200);
      expect(parseManifest(source, { maxLength: limit }).problems).toEqual([]);
    }
  });

  it('anchors used as Compose files use them (a few merges of small maps) are fine', () => {
    const file = parseManifest(
      'x-base: &base {image: nginx, restart: always}\nservices:\n' +
        Array.from({ length: 50 }, (_, i) => `  s${i}:\n    <<: *base\n`).join(''),
    );
    expect(file.problems).toEqual([]);
  });
});
