// Round trip over real-world manifests: unchanged saves are byte-identical, and an edit to one field changes one line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPair, isScalar, isSeq, visit, type Scalar } from 'yaml';
import { applyValue, deleteIn, insertIn, setIn, type ManifestPath } from './edit';
import { parseManifest } from './parse';
import { corpusDir, manifestFiles, ownDir } from './corpus.test-support';

const all = [...manifestFiles(corpusDir, { json: true }), ...manifestFiles(ownDir, { json: true })];

/** Line-level difference: which line numbers of `a` changed, given that the line count stays the same. */
function changedLines(a: string, b: string): number[] {
  const la = a.split('\n');
  const lb = b.split('\n');
  expect(lb.length).toBe(la.length);
  return la.flatMap((line, i) => (line === lb[i] ? [] : [i]));
}

/** Every single-line scalar leaf of a document, with its path. */
function leaves(file: ReturnType<typeof parseManifest>, docIndex: number): { path: ManifestPath; node: Scalar }[] {
  const out: { path: ManifestPath; node: Scalar }[] = [];
  visit(file.documents[docIndex]!.doc, {
    Scalar(key, node, path) {
      if (key === 'key') return;
      const segs: (string | number)[] = [];
      let parent: unknown = undefined;
      for (const p of [...path, node]) {
        if (parent && typeof parent === 'object' && 'items' in parent) {
          const items = (parent as { items: unknown[] }).items;
          const idx = items.indexOf(p);
          if (idx >= 0 && !(parent as { constructor: { name: string } }).constructor.name.includes('Map'))
            segs.push(idx);
        }
        if (p && typeof p === 'object' && 'key' in p && isScalar((p as { key: unknown }).key)) {
          segs.push(String((p as { key: Scalar }).key.value));
        }
        parent = p;
      }
      const text = file.source.slice(node.range![0], node.range![1]);
      if (!text.includes('\n') && node.range![1] > node.range![0]) out.push({ path: segs, node });
    },
  });
  return out;
}

describe('round trip over the manifest corpus', () => {
  it('finds the corpus and our own examples', () => {
    expect(manifestFiles(corpusDir, { json: true }).length).toBeGreaterThanOrEqual(55);
    expect(manifestFiles(ownDir, { json: true }).length).toBeGreaterThanOrEqual(4);
  });

  it.each(all.map((p) => [p.slice(p.indexOf('testdata')), p]))('%s: unchanged save is byte-identical', (_, path) => {
    const source = readFileSync(path, 'utf8');
    const file = parseManifest(source);
    expect(file.source).toBe(source);
    if (file.problems.length > 0) {
      // Invalid files must say where; they are kept as they are.
      for (const p of file.problems) expect(p.line).toBeGreaterThan(0);
      return;
    }
    // Re-applying every document's own value (a deep copy) must not touch a byte.
    let same = file;
    file.documents.forEach((d) => {
      same = applyValue(same, d.index, structuredClone(d.value));
    });
    expect(same.source).toBe(source);
  });

  it.each(all.map((p) => [p.slice(p.indexOf('testdata')), p]))(
    '%s: editing any one field changes one line',
    (_, path) => {
      const source = readFileSync(path, 'utf8');
      const file = parseManifest(source);
      if (file.problems.length > 0) return;
      let checked = 0;
      for (const d of file.documents) {
        for (const { path: p, node } of leaves(file, d.index)) {
          const next = typeof node.value === 'number' ? node.value + 1 : `${String(node.value)}-edited`;
          const edited = setIn(file, d.index, p, next);
          const lines = changedLines(source, edited.source);
          expect(lines).toHaveLength(1);
          expect(lines[0]).toBe(file.documents[d.index]!.doc.range[0] === -1 ? -1 : lineOf(source, node.range![0]));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it.each(all.map((p) => [p.slice(p.indexOf('testdata')), p]))(
    '%s: editing one line of a script changes one line',
    (_, path) => {
      const file = parseManifest(readFileSync(path, 'utf8'));
      if (file.problems.length > 0) return;
      for (const d of file.documents) {
        visit(d.doc, {
          Scalar(key, node, parents) {
            if (key === 'key' || node.type !== 'BLOCK_LITERAL') return;
            const header = file.source.slice(node.range![0], file.source.indexOf('\n', node.range![0]));
            if (header !== '|' && header !== '|-') return;
            const p = pathOf(parents, node);
            const value = String(node.value);
            const next = value.replace(/^([^\n]*)/, '$1 && echo edited');
            const edited = setIn(file, d.index, p, next);
            expect(changedLines(file.source, edited.source)).toEqual([lineOf(file.source, node.range![0]) + 1]);
          },
        });
      }
    },
  );
});

/** The path of a node from yaml's visitor ancestry. */
function pathOf(parents: readonly unknown[], node: unknown): (string | number)[] {
  const segs: (string | number)[] = [];
  const chain = [...parents, node];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const cur = chain[i];
    if (isPair(cur) && isScalar(cur.key)) segs.push(String(cur.key.value));
    else if (isSeq(parent)) segs.push(parent.items.indexOf(cur as never));
  }
  return segs;
}

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length - 1;
}

describe('structural edits', () => {
  const pod = [
    '# a pod',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web # the name',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: nginx',
    '    ports:',
    '    - containerPort: 80',
    '  volumes: []',
    '',
  ].join('\n');

  it('adds a key as one new line after its siblings', () => {
    const file = setIn(parseManifest(pod), 0, ['metadata', 'namespace'], 'prod');
    expect(file.source).toBe(pod.replace('  name: web # the name\n', '  name: web # the name\n  namespace: prod\n'));
  });

  it('creates missing maps on the way', () => {
    const file = setIn(parseManifest(pod), 0, ['metadata', 'labels', 'app'], 'web');
    expect(file.source).toContain('  name: web # the name\n  labels:\n    app: web\nspec:');
  });

  it('appends a container in kubectl order, matching the list style', () => {
    const file = setIn(parseManifest(pod), 0, ['spec', 'containers', 1], { image: 'busybox', name: 'side' });
    expect(file.source).toContain('    - containerPort: 80\n  - name: side\n    image: busybox\n  volumes: []');
  });

  it('fills an empty list', () => {
    const file = setIn(parseManifest(pod), 0, ['spec', 'volumes', 0], { name: 'data', emptyDir: {} });
    expect(file.documents[0]!.value).toMatchObject({ spec: { volumes: [{ name: 'data', emptyDir: {} }] } });
    expect(file.source).toContain('# a pod\n');
  });

  it('deletes a key and only its line', () => {
    const file = deleteIn(parseManifest(pod), 0, ['spec', 'containers', 0, 'image']);
    expect(file.source).toBe(pod.replace('    image: nginx\n', ''));
  });

  it('deletes the first key of a list item by pulling the next one up', () => {
    const file = deleteIn(parseManifest(pod), 0, ['spec', 'containers', 0, 'name']);
    expect(file.source).toBe(pod.replace('  - name: app\n    image: nginx', '  - image: nginx'));
  });

  it('deleting the last item leaves an empty list', () => {
    const file = deleteIn(parseManifest(pod), 0, ['spec', 'containers', 0, 'ports', 0]);
    expect(file.source).toBe(pod.replace('    ports:\n    - containerPort: 80', '    ports: []'));
  });

  it('quotes strings that would read back as something else', () => {
    const file = setIn(parseManifest(pod), 0, ['spec', 'containers', 0, 'image'], '123');
    expect(file.source).toContain('    image: "123"\n');
    expect(file.documents[0]!.value).toMatchObject({ spec: { containers: [{ image: '123' }] } });
  });

  it('edits flow-style (KYAML) documents in their own style', () => {
    const kyaml = '{\n  apiVersion: "v1",\n  kind: "Pod",\n  metadata: {\n    name: "x",\n  },\n}\n';
    const a = setIn(parseManifest(kyaml), 0, ['metadata', 'name'], 'y');
    expect(a.source).toBe(kyaml.replace('"x"', '"y"'));
    const b = setIn(parseManifest(kyaml), 0, ['metadata', 'namespace'], 'ns');
    expect(b.source).toBe(kyaml.replace('name: "x",\n', 'name: "x",\n    namespace: "ns",\n'));
    const c = deleteIn(parseManifest(kyaml), 0, ['kind']);
    expect(c.source).toBe(kyaml.replace('  kind: "Pod",\n', ''));
  });

  it('replaces a scalar by a map and back', () => {
    const a = setIn(parseManifest(pod), 0, ['spec', 'containers', 0, 'image'], { a: 1 });
    expect(a.source).toContain('    image:\n      a: 1\n    ports:');
    const b = setIn(a, 0, ['spec', 'containers', 0, 'image'], 'nginx');
    expect(b.source).toBe(pod);
  });

  it('applyValue writes only the differences', () => {
    const file = parseManifest(pod);
    const next = structuredClone(file.documents[0]!.value) as { spec: { containers: { image: string }[] } };
    next.spec.containers[0]!.image = 'nginx:1.27';
    const out = applyValue(file, 0, next);
    expect(changedLines(pod, out.source)).toEqual([8]);
  });

  it('applyValue adds and removes named items in the middle of a list by their own lines', () => {
    const three = pod.replace(
      '    ports:\n    - containerPort: 80\n',
      '    ports:\n    - containerPort: 80\n  - name: b\n    image: b\n  - name: c # third\n    image: c\n',
    );
    const file = parseManifest(three);
    const value = structuredClone(file.documents[0]!.value) as { spec: { containers: { name: string }[] } };
    const removed = applyValue(file, 0, {
      ...value,
      spec: { ...value.spec, containers: value.spec.containers.filter((c) => c.name !== 'b') },
    });
    expect(removed.source).toBe(three.replace('  - name: b\n    image: b\n', ''));
    const inserted = applyValue(removed, 0, value);
    expect(inserted.source).toBe(three);
    // Reordering falls back to editing by index, and still reaches the requested value.
    const reversed = { ...value, spec: { ...value.spec, containers: [...value.spec.containers].reverse() } };
    expect(applyValue(file, 0, reversed).documents[0]!.value).toEqual(reversed);
  });

  it('insertIn puts an item before another, in flow lists too', () => {
    const a = insertIn(parseManifest(pod), 0, ['spec', 'containers'], 0, { image: 'busybox', name: 'first' });
    expect(a.source).toContain('  containers:\n  - name: first\n    image: busybox\n  - name: app\n');
    const flow = parseManifest('args: [a, b]\n');
    expect(insertIn(flow, 0, ['args'], 1, 'x').source).toBe('args: [a, "x", b]\n');
  });

  it('refuses to edit a file with problems', () => {
    expect(() => setIn(parseManifest('a: [1'), 0, ['a'], 1)).toThrow(/problems/);
  });
});

describe('line endings', () => {
  const crlf =
    'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: a\r\nspec:\r\n  containers:\r\n  - name: c\r\n    image: i\r\n';

  it('a CRLF file stays CRLF through edits', () => {
    const file = parseManifest(crlf);
    expect(file.source).toBe(crlf);
    const added = setIn(file, 0, ['metadata', 'labels'], { app: 'a' });
    expect(added.source).toBe(crlf.replace('  name: a\r\n', '  name: a\r\n  labels:\r\n    app: a\r\n'));
    const appended = setIn(file, 0, ['spec', 'containers', 1], { name: 'd', image: 'j' });
    expect(appended.source).toBe(`${crlf}  - name: d\r\n    image: j\r\n`);
    expect(deleteIn(added, 0, ['metadata', 'labels']).source).toBe(crlf);
    expect(deleteIn(file, 0, ['spec', 'containers', 0, 'image']).source).toBe(crlf.replace('    image: i\r\n', ''));
  });

  it('a file without a final newline keeps ending without one', () => {
    const text = 'a: 1\nb: 2';
    expect(setIn(parseManifest(text), 0, ['c'], 3).source).toBe('a: 1\nb: 2\nc: 3');
    expect(deleteIn(parseManifest(text), 0, ['b']).source).toBe('a: 1');
    expect(deleteIn(parseManifest(text.replace(/\n/g, '\r\n')), 0, ['b']).source).toBe('a: 1');
  });
});
