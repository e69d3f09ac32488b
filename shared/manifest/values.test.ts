// The quick reader gives exactly what parseManifest gives (values, key order, document places, problems), or gives up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { corpusDir, manifestFiles, ownDir, trickyStrings } from './corpus.test-support';
import { aliasedStringPod } from './hostile.test-support';
import { parseManifest, type ManifestLimits } from './parse';
import { quickValues, readManifestValues } from './values';
import { writeObject, writeObjects } from './write';

/** What parseManifest makes of `source`, in the shape readManifestValues answers, with key order made visible. */
function slow(source: string, limits?: Partial<ManifestLimits>): string {
  const file = parseManifest(source, limits);
  return JSON.stringify({
    documents: file.documents.map((d) => ({ index: d.index, value: d.value })),
    problems: file.problems,
  });
}

function quick(source: string, limits?: Partial<ManifestLimits>): string {
  const read = readManifestValues(source, limits);
  return JSON.stringify({
    documents: read.documents.map((d) => ({ index: d.index, value: d.value })),
    problems: read.problems,
  });
}

/** Whenever the quick path answers, its values are parseManifest's, the same in every deep detail (-0, key order). */
function expectSame(source: string, limits?: Partial<ManifestLimits>): boolean {
  const values = quickValues(source, limits);
  expect(quick(source, limits), source.slice(0, 200)).toBe(slow(source, limits));
  if (values === undefined) return false;
  const file = parseManifest(source, limits);
  expect(file.problems, source.slice(0, 200)).toEqual([]);
  expect(values, source.slice(0, 200)).toStrictEqual(file.documents.map((d) => d.value));
  return true;
}

const examplesDir = join(process.cwd(), 'assets/examples');

describe('readManifestValues', () => {
  it('reads every corpus file as parseManifest does, and most of them on the quick path', () => {
    const files = [...manifestFiles(corpusDir, { json: true }), ...manifestFiles(ownDir, { json: true })];
    let quickly = 0;
    for (const path of files) if (expectSame(readFileSync(path, 'utf8'))) quickly++;
    // The corpus is kubectl-style block YAML with flow lists and JSON here and there: a good part reads quickly.
    expect(quickly).toBeGreaterThan(files.length / 3);
  });

  it('reads every example the app ships and every design it writes on the quick path', () => {
    for (const name of readdirSync(examplesDir).filter((f) => f.endsWith('.pod.yaml'))) {
      expect(expectSame(readFileSync(join(examplesDir, name), 'utf8')), name).toBe(true);
    }
  });

  it('gives up (and parseManifest answers with its problem) on hostile and broken text', () => {
    const sources = [
      aliasedStringPod(100_000, 99),
      'a: 1\na: 2\n',
      'a: &x 1\nb: *x\n',
      'a: 1\n---\nb: 2\n---\nc: [1\n',
      'spec:\n  runAsUser: 9007199254740993\n',
      'spec:\n  replicas: 1e400\n',
      'a: .inf\nb: .nan\n',
      'a:\n  b: c\n d: e\n',
      'a: b: c\n',
      '- '.repeat(10_000) + 'x\n',
      Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
      'a: "unclosed\n',
      "a: 'x'y\n",
      'a: |2\n   x\n',
      'apiVersion: v1\nkind: \u0001\n',
      '\ta: 1\n',
      'a: 1\r\nb: 2\r\n',
      '<<: {a: 1}\n',
      '1: a\n"1": b\n',
      'a: x\n  y\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n...\n',
      '--- a: 1\n',
    ];
    for (const source of sources) expect(expectSame(source), source.slice(0, 80)).toBe(false);
    expect(expectSame('a: 1\n---\nb: 2\n', { maxDocuments: 1 })).toBe(false);
    expect(expectSame('a: xxxxxxxxxxxxxxxxxxxx\n', { maxLength: 10 })).toBe(false);
  });

  it('agrees with parseManifest on the edges of the block subset', () => {
    const sources = [
      '',
      '# only a comment\n',
      '---\n',
      '---\n---\n',
      'a: 1\n---\n',
      '# x\n---\na: 1',
      '--- # c\na: 1\n',
      'a: |\n  x',
      'a: |\n  x\n\n',
      'a: |+\n  x\n\n',
      'a: |-\n  x\n\n',
      'a: |\n\n  x\n',
      'a: |\n  x\n # c\n',
      'a: |\n  x\n  # c\n',
      'a: |\n  x\n\n  y\nb: 1\n',
      '- |\n x\n',
      'a:\n- 1\n- 2\nb: 3',
      'key : v',
      'a: -0\nb: +12\nc: 0o17\nd: 012\ne: 1_000\nf: 0x1F\ng: 1.50\nh: .5\ni: 1e3\nj: -1.5E-3\n',
      'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: False\nh: yes\ni: no\nj: on\n',
      '"a": 1\n\'b c\': 2\n',
      "'a''b': 'c''d'",
      'a: x #c\nb: x#c\nc: "x" # c\n',
      'a:  # c\n  b: 1',
      '-   a: 1\n    b: 2',
      '- - 1\n  - 2\n- 3',
      'a: "\\u00e9\\n\\t\\x41\\U0001F600\\\\ \\" \\/ \\0 \\_"\n',
      'a:\n',
      '-\n- x',
      '- # c\n  a: 1\n',
      'a: {}\nb: []\n',
      'a: [1]\n',
      'a: {b: 1}\n',
      '__proto__: 1\nconstructor: 2\ntoString: 3\n',
      'a: http://x:80/y\nb: -c\nc: a]b}c,d\nd: x[0]\n',
      'a:\n  - name: x\n    env:\n      - name: A\n        value: "1"\n  - name: y\n',
      '  a: 1\n  b: 2\n',
      '  a: 1\nb: 2\n',
      'a: 1\n- b\n',
      'a:\n  - x\n  b: 1\n',
      'a: -\n',
      'a: - x\n',
      '- a: |\n  x\n',
      'a: |\n    x\n  y\n',
      'a: |\n  x\n     \nb: 1\n',
      'a: |\n\n     \n  x\n',
      'a: |\nb: 1\n',
      'a: "x"y\n',
      'a: ? x\n',
      'a: @x\n',
      'a: !!str 1\n',
      'a: >\n  x\n',
      'x\n',
      '----\n',
      'a#b: 1\nc #d: 2\n',
      'a: x :y\nb: x:y\nc: x : y\n',
      'a: x   # c\nb: "y"   \n',
    ];
    for (const source of sources) expectSame(source);
  });

  it('agrees with parseManifest on generated values written in every style', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(...trickyStrings, 'a\n\nb', '|', '-1', '0o7', '.5'),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[a-zA-Z][\w./-]{0,12}$/),
      fc.constantFrom('true', '1', '<<', 'a b', '__proto__'),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).node;
    const styles: ((v: unknown) => string)[] = [
      (v) => writeObject(v),
      (v) => writeObjects([v, v]),
      (v) => stringify(v),
      (v) => stringify(v, { indentSeq: false }),
      (v) => stringify(v, { blockQuote: 'literal', defaultStringType: 'QUOTE_DOUBLE', indent: 4 }),
      (v) => stringify(v, { defaultKeyType: 'QUOTE_SINGLE', lineWidth: 20 }),
      (v) => stringify(v, { collectionStyle: 'flow' }),
    ];
    let quickly = 0;
    fc.assert(
      fc.property(value, fc.nat(styles.length - 1), (v, style) => {
        if (expectSame(styles[style]!(v))) quickly++;
      }),
      { numRuns: 1500 },
    );
    // The comparison means something only if the quick path answered a good share of the cases.
    expect(quickly).toBeGreaterThan(300);
  });

  it('agrees with parseManifest on text put together from tricky lines', () => {
    const line = fc.constantFrom(
      'a: 1',
      '  b: x',
      '- c',
      '  - d',
      '- e: 1',
      '  f: 2',
      '    g: |',
      '      text',
      '',
      '   ',
      '# note',
      '  # indented note',
      '---',
      'h:',
      'i: |-',
      'j: |+',
      '  k',
      '   l: "q"',
      "m: 'n'",
      '-',
      'o: {}',
      'p: []',
      '  - ',
      'q: r # s',
      'r: [\'sh\', "-c", x, 1, true]',
      '  - [a, b]',
      's: [ ]',
      't: "a\\"b" # c',
      '- u: v',
      '  w:',
      '  - x',
      '    y: z',
      '"k": 1',
    );
    let quickly = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, newline) => {
        if (expectSame(lines.join('\n') + (newline ? '\n' : ''))) quickly++;
      }),
      { numRuns: 3000 },
    );
    expect(quickly).toBeGreaterThan(300);
  });

  it('reads megabyte lines in one pass, without a regex loop that overflows its stack', () => {
    const long = 'x '.repeat(2_500_000).trimEnd();
    expect(readManifestValues(`a: ${long}\n`).documents[0]!.value).toEqual({ a: long });
    // A sequence item is searched for a key first, through its whole line.
    expect(readManifestValues(`- ${long}\n`).documents[0]!.value).toEqual([long]);
    expect(readManifestValues(`a: [${'x, '.repeat(1_000_000)}x]\n`).documents[0]!.value).toEqual({
      a: Array(1_000_001).fill('x'),
    });
  });

  it('builds the yaml Documents only when asked, and then they are the full parse', () => {
    const source = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
    const read = readManifestValues(source);
    expect(read.problems).toEqual([]);
    const file = read.file();
    expect(file.documents[0]!.doc.contents).toBeTruthy();
    expect(read.file()).toBe(file);
  });
});
