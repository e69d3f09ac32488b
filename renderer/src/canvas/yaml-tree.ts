// Finds Kubernetes field paths in the YAML editor's text through a syntax tree kept up to date incrementally
// (yaml-structure.ts: a keystroke re-parses a few lines), where parsing the whole text afresh (yaml-ranges.ts) takes
// tens of milliseconds in a big design, on every keystroke. Every block list and mapping a path passes through is
// checked against the indentation it stands for (and against the Pod, when given): a path through a node that fails
// gives no answer, and the caller parses the text itself, so a wrongly nested tree can never place a marker.
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode, Tree } from '@lezer/common';
import { pathSegments } from '../../../shared/design';
import { rangesOfPaths, type TextRange } from './yaml-ranges';
import { yamlStructure } from './yaml-structure';

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
 * Ranges for many paths, like `rangesOfPaths` on the editor's current text, or undefined when the tree cannot be
 * trusted for one of them (then the caller parses the text). `pod`, when given, is what the text says: the lists and
 * keys a path passes through must be there as it has them.
 */
export function rangesFromTree(
  state: EditorState,
  paths: readonly string[],
  pod?: unknown,
  tree: Tree = yamlStructure(state),
): (TextRange | undefined)[] | undefined {
  if (paths.length === 0) return [];
  const root = documentRoot(tree.topNode);
  const checked = new ShapeCheck(state);
  const ranges: (TextRange | undefined)[] = [];
  for (const path of paths) {
    const range = rangeIn(state, root, pathSegments(path), checked, pod);
    if (range === doubt) return undefined;
    ranges.push(range);
  }
  return ranges;
}

/** Ranges for many paths in the editor's text: from the tree when it holds, otherwise from a fresh parse. */
export function pathRanges(state: EditorState, paths: readonly string[], pod?: unknown): (TextRange | undefined)[] {
  return rangesFromTree(state, paths, pod) ?? rangesOfPaths(state.doc.toString(), paths);
}

/** The item (from its `-` to its end) at `segments`, e.g. ['spec', 'containers', 2], for splicing one container. */
export function itemSpan(
  state: EditorState,
  segments: readonly (string | number)[],
): { from: number; to: number } | undefined {
  const index = segments.at(-1);
  if (typeof index !== 'number') return undefined;
  return listItemSpans(state, segments.slice(0, -1))?.[index];
}

/** Every item of the block list at `segments` (e.g. ['spec', 'containers']), from its `-` to its end. */
export function listItemSpans(
  state: EditorState,
  segments: readonly (string | number)[],
): { from: number; to: number }[] | undefined {
  const checked = new ShapeCheck(state);
  let node = documentRoot(yamlStructure(state).topNode);
  for (const seg of segments) {
    const n = unwrap(node);
    if (n && !checked.holds(n)) return undefined;
    if (n && isMap(n)) node = pairValue(pairs(n).find((p) => keyText(state, p) === String(seg)) ?? null);
    else if (n && isSeq(n) && typeof seg === 'number') node = items(n)[seg] ? itemValue(items(n)[seg]!) : null;
    else return undefined;
    if (!node) return undefined;
  }
  const list = unwrap(node);
  if (list?.name !== 'BlockSequence' || !checked.holds(list)) return undefined;
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

/** What a path through a node that fails its checks gives: no answer from the tree. */
const doubt = Symbol('doubt');

/** The value at `seg` of a value read from the text, or undefined. */
function valueAt(value: unknown, seg: string | number): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.hasOwn(value, seg) ? (value as Record<string | number, unknown>)[seg] : undefined;
}

// Mirrors yaml-ranges.ts rangeIn: the same answers, read from the editor's tree instead of a fresh parse, or `doubt`.
function rangeIn(
  state: EditorState,
  root: SyntaxNode | null,
  segments: (string | number)[],
  checked: ShapeCheck,
  pod: unknown,
): TextRange | undefined | typeof doubt {
  let node = root;
  let value = pod;
  let found: TextRange | undefined = node
    ? { from: startOf(state, node), to: node.to, exact: segments.length === 0 }
    : undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    const n = unwrap(node);
    if (n && !checked.holds(n)) return doubt;
    const next = valueAt(value, seg);
    if (n && isMap(n)) {
      const pair = pairs(n).find((p) => keyText(state, p) === String(seg));
      const key = pair?.getChild('Key');
      if (!pair || !key) return next !== undefined ? doubt : found && { ...found, exact: false };
      const child = pairValue(pair);
      const scalar = unwrap(child);
      // The marker covers "key: value" on its line, not the whole block below it.
      const to = last && child && scalar && scalars.has(scalar.name) ? scalarEnd(state, child, scalar) : key.to;
      found = { from: key.from, to, exact: last };
      node = child;
    } else if (n && isSeq(n) && typeof seg === 'number') {
      const all = items(n);
      // A list that has lost or gained items to a wrong nesting puts every later index on the wrong item.
      if (pod !== undefined && (!Array.isArray(value) || value.length !== all.length)) return doubt;
      const item = all[seg];
      const child = item ? itemValue(item) : null;
      if (!child) return found && { ...found, exact: false };
      const at = startOf(state, child);
      found = { from: at, to: at, exact: last };
      node = child;
    } else {
      return next !== undefined && next !== null ? doubt : found && { ...found, exact: false };
    }
    value = next;
  }
  return found;
}

/**
 * Whether block lists and mappings have the shape their indentation gives them: every dash (or key) in one column,
 * and the first line after them indented less (a list may share the column of the key it sits under, not of a dash).
 * A tree that nests lines wrongly breaks this where it does. Remembers the nodes it has passed, per state.
 */
class ShapeCheck {
  private readonly passed = new Set<number>();
  constructor(private readonly state: EditorState) {}

  holds(node: SyntaxNode): boolean {
    const list = node.name === 'BlockSequence';
    if (!list && node.name !== 'BlockMapping') return true; // flow collections are bracketed, scalars are tokens
    const key = list ? -1 - node.from : node.from;
    if (this.passed.has(key)) return true;
    const marks = list ? node.getChildren('-') : pairs(node);
    const column = marks.length ? this.column(marks[0]!.from) : -1;
    if (column < 0 || marks.some((m) => this.column(m.from) !== column) || !this.endsAt(node.to, column, list))
      return false;
    this.passed.add(key);
    return true;
  }

  private column(pos: number): number {
    return pos - this.state.doc.lineAt(pos).from;
  }

  /** Whether the first line with content after `to` belongs outside a block whose dashes or keys are at `column`. */
  private endsAt(to: number, column: number, list: boolean): boolean {
    const doc = this.state.doc;
    for (let n = doc.lineAt(to).number + 1; n <= doc.lines; n++) {
      const text = doc.line(n).text;
      const content = text.trimStart();
      if (content === '' || content.startsWith('#')) continue;
      const indent = text.length - content.length;
      if (indent === 0 && /^(?:---|\.\.\.)(?:\s|$)/.test(content)) return true;
      return indent < column || (list && indent === column && !/^-(?:\s|$)/.test(content));
    }
    return true;
  }
}
