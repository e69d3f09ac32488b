// Finds where a path (`services.web.ports[1]`) sits in the Compose file's YAML, following merge keys (`<<: *common`)
// into the anchored mapping, so a problem points at the line the user wrote.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { SourceAt } from './report';

export type Locate = (path: readonly (string | number)[]) => SourceAt | undefined;

export function locator(source: string, docs: readonly { index: number; doc: Document.Parsed }[]): Locate {
  let lines: LineCounter | undefined;
  const lineOf = (offset: number): { line: number; col: number } => {
    if (!lines) {
      lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    }
    return lines.linePos(offset);
  };
  return (path) => {
    // The last document that has the path wins, as later documents override earlier ones.
    for (let d = docs.length - 1; d >= 0; d--) {
      const { index, doc } = docs[d]!;
      const node = deepest(doc, doc.contents, path);
      if (!node || (node === doc.contents && path.length > 0 && docs.length > 1 && d > 0)) continue;
      const offset = node.range?.[0];
      if (offset === undefined) continue;
      const { line, col } = lineOf(offset);
      return { document: index, line, column: col };
    }
    return undefined;
  };
}

/** The node at `path`, or the deepest ancestor found (merged mappings searched after the mapping's own keys). */
function deepest(doc: Document.Parsed, root: unknown, path: readonly (string | number)[]): Node | undefined {
  let node = resolve(doc, root);
  if (!node) return undefined;
  for (const seg of path) {
    const next = child(doc, node, seg, 0);
    if (!next) return node;
    node = next;
  }
  return node;
}

function resolve(doc: Document.Parsed, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(doc) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

function child(doc: Document.Parsed, node: Node, seg: string | number, depth: number): Node | undefined {
  if (depth > 20) return undefined;
  if (isSeq(node) && typeof seg === 'number') return resolve(doc, node.items[seg]);
  if (!isMap(node)) return undefined;
  const merges: Node[] = [];
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = pair.key.value;
    if (key === '<<' || typeof key === 'symbol') {
      const target = resolve(doc, pair.value);
      if (isSeq(target)) for (const item of target.items) merges.push(resolve(doc, item)!);
      else if (target) merges.push(target);
      continue;
    }
    if (String(key) === String(seg)) return resolve(doc, pair.value) ?? (pair.key as Node);
  }
  for (const merged of merges) {
    const found = merged && child(doc, merged, seg, depth + 1);
    if (found) return found;
  }
  return undefined;
}
