// Finds Kubernetes field paths in the YAML editor's text through CodeMirror's own syntax tree. The editor keeps that
// tree up to date incrementally (a keystroke re-parses a few lines), where parsing the whole text afresh
// (yaml-ranges.ts) takes tens of milliseconds in a big design, on every keystroke.
import { ensureSyntaxTree, type syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import { pathSegments } from '../../../shared/canvas';
import type { TextRange } from './yaml-ranges';

type SyntaxNode = ReturnType<typeof syntaxTree>['topNode'];

/**
 * How long one call may spend finishing the tree. The first call after a big text arrives parses all of it (a few
 * tens of milliseconds for a 300-container Pod, more on a busy machine); after that the editor's incremental parse
 * keeps it complete and calls are quick. Giving up early would cost a fresh whole-text parse instead, every time.
 */
const treeBudgetMs = 250;

const values = new Set([
  'BlockMapping',
  'FlowMapping',
  'BlockSequence',
  'FlowSequence',
  'Literal',
  'QuotedLiteral',
  'BlockLiteral',
  'Tagged',
  'Anchored',
  'Alias',
]);
const scalars = new Set(['Literal', 'QuotedLiteral', 'BlockLiteral']);

/**
 * The tree of the whole text, or undefined when it cannot be finished within `timeoutMs` (then callers parse the
 * text themselves). The first call after loading a big text parses it all; later calls reuse the unchanged parts.
 */
function fullTree(state: EditorState, timeoutMs: number): SyntaxNode | undefined {
  return ensureSyntaxTree(state, state.doc.length, timeoutMs)?.topNode;
}

/** Ranges for many paths, like `rangesOfPaths` on the editor's current text; undefined when the tree is not ready. */
export function rangesFromTree(
  state: EditorState,
  paths: readonly string[],
  timeoutMs = treeBudgetMs,
): (TextRange | undefined)[] | undefined {
  if (paths.length === 0) return [];
  const top = fullTree(state, timeoutMs);
  if (!top) return undefined;
  const root = documentRoot(top);
  return paths.map((path) => rangeIn(state, root, pathSegments(path)));
}

/** The item (from its `-` to its end) at `segments`, e.g. ['spec', 'containers', 2], for splicing one container. */
export function itemSpan(
  state: EditorState,
  segments: readonly (string | number)[],
  timeoutMs = treeBudgetMs,
): { from: number; to: number } | undefined {
  const index = segments.at(-1);
  if (typeof index !== 'number') return undefined;
  return listItemSpans(state, segments.slice(0, -1), timeoutMs)?.[index];
}

/** Every item of the block list at `segments` (e.g. ['spec', 'containers']), from its `-` to its end. */
export function listItemSpans(
  state: EditorState,
  segments: readonly (string | number)[],
  timeoutMs = treeBudgetMs,
): { from: number; to: number }[] | undefined {
  const top = fullTree(state, timeoutMs);
  if (!top) return undefined;
  let node = documentRoot(top);
  for (const seg of segments) {
    const n = unwrap(node);
    if (n && isMap(n)) node = pairValue(pairs(n).find((p) => keyText(state, p) === String(seg)) ?? null);
    else if (n && isSeq(n) && typeof seg === 'number') node = items(n)[seg] ? itemValue(items(n)[seg]!) : null;
    else return undefined;
    if (!node) return undefined;
  }
  const list = unwrap(node);
  if (list?.name !== 'BlockSequence') return undefined;
  const spans: { from: number; to: number }[] = [];
  for (const item of items(list)) {
    const dash = item.prevSibling;
    if (dash?.name !== '-') return undefined;
    spans.push({ from: dash.from, to: item.to });
  }
  return spans;
}

function documentRoot(top: SyntaxNode): SyntaxNode | null {
  const doc = top.getChild('Document');
  return doc ? firstValue(doc) : null;
}

function firstValue(node: SyntaxNode, after = -1): SyntaxNode | null {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.from >= after && values.has(child.name)) return child;
  }
  return null;
}

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let n = node;
  while (n && (n.name === 'Tagged' || n.name === 'Anchored')) n = n.lastChild;
  return n;
}

function isMap(node: SyntaxNode): boolean {
  return node.name === 'BlockMapping' || node.name === 'FlowMapping';
}

function isSeq(node: SyntaxNode): boolean {
  return node.name === 'BlockSequence' || node.name === 'FlowSequence';
}

function pairs(map: SyntaxNode): SyntaxNode[] {
  return map.getChildren('Pair');
}

function items(seq: SyntaxNode): SyntaxNode[] {
  return seq.getChildren('Item');
}

function pairValue(pair: SyntaxNode | null): SyntaxNode | null {
  if (!pair) return null;
  const colon = pair.getChild(':');
  return colon ? firstValue(pair, colon.to) : null;
}

function itemValue(item: SyntaxNode): SyntaxNode | null {
  return firstValue(item);
}

function keyText(state: EditorState, pair: SyntaxNode): string | undefined {
  const key = pair.getChild('Key')?.firstChild;
  if (!key) return undefined;
  const raw = state.doc.sliceString(key.from, key.to);
  if (key.name !== 'QuotedLiteral') return raw;
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Where a node's text starts: a value under its key begins on the next line, after the indentation. */
function startOf(state: EditorState, node: SyntaxNode): number {
  const text = state.doc.sliceString(node.from, Math.min(node.to, node.from + 256));
  const skipped = text.length - text.trimStart().length;
  return node.from + skipped;
}

/** Where a scalar ends; a block scalar (`|`, `>`) owns its last line break, as the yaml library counts it. */
function scalarEnd(state: EditorState, value: SyntaxNode, scalar: SyntaxNode): number {
  const lineBreak = scalar.name === 'BlockLiteral' && state.doc.sliceString(value.to, value.to + 1) === '\n';
  return lineBreak ? value.to + 1 : value.to;
}

// Mirrors yaml-ranges.ts rangeIn: the same answers, read from the editor's tree instead of a fresh parse.
function rangeIn(state: EditorState, root: SyntaxNode | null, segments: (string | number)[]): TextRange | undefined {
  let node = root;
  let found: TextRange | undefined = node
    ? { from: startOf(state, node), to: node.to, exact: segments.length === 0 }
    : undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    const n = unwrap(node);
    if (n && isMap(n)) {
      const pair = pairs(n).find((p) => keyText(state, p) === String(seg));
      const key = pair?.getChild('Key');
      if (!pair || !key) return found && { ...found, exact: false };
      const value = pairValue(pair);
      const scalar = unwrap(value);
      // The marker covers "key: value" on its line, not the whole block below it.
      const to = last && value && scalar && scalars.has(scalar.name) ? scalarEnd(state, value, scalar) : key.to;
      found = { from: key.from, to, exact: last };
      node = value;
    } else if (n && isSeq(n) && typeof seg === 'number') {
      const item = items(n)[seg];
      const value = item ? itemValue(item) : null;
      if (!value) return found && { ...found, exact: false };
      const at = startOf(state, value);
      found = { from: at, to: at, exact: last };
      node = value;
    } else {
      return found && { ...found, exact: false };
    }
  }
  return found;
}
