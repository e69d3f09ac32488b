// Edits a parsed manifest by splicing its source text at yaml node ranges, so an edit changes only the lines it touches.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { isRecord, parseManifest, type ManifestFile, type ManifestLimits } from './parse';
import { kubectlOrder, readsDifferentlyIn11, toYamlText, writeObject } from './write';

export type PathSegment = string | number;
export type ManifestPath = readonly PathSegment[];

/** An edit that cannot be made without touching more than asked, or that the re-read file would not confirm. */
export class ManifestEditError extends Error {
  override name = 'ManifestEditError';
}

type Collection = Node & { items: unknown[]; flow?: boolean; range?: [number, number, number] | null };

interface Step {
  node: Node | null;
  /** The pair that holds `node`, when its parent is a map. */
  pair?: Pair<Node, Node | null>;
  parent?: Collection;
}

/** The value at `path` inside a plain JavaScript value, or undefined. */
export function getIn(value: unknown, path: ManifestPath): unknown {
  let cur = value;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isRecord(cur) && Object.hasOwn(cur, String(seg))) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** Sets `path` to `value` in document `docIndex`, creating missing maps on the way. Returns a new file. */
export function setIn(
  file: ManifestFile,
  docIndex: number,
  path: ManifestPath,
  value: unknown,
  limits?: Partial<ManifestLimits>,
): ManifestFile {
  const before = documentValue(file, docIndex);
  // Setting what is already there writes nothing, so a save of unchanged values never requotes them.
  if (hasPath(before, path) && deepEqual(getIn(before, path), value)) return file;
  const expected = assignIn(before, path, value);
  const next = parseManifest(planSet(file, docIndex, path, orderFor(path, value)), limits);
  return confirm(file, next, docIndex, expected, path);
}

/** Removes `path` from document `docIndex` (a map key or a list item). Missing paths are a no-op. */
export function deleteIn(
  file: ManifestFile,
  docIndex: number,
  path: ManifestPath,
  limits?: Partial<ManifestLimits>,
): ManifestFile {
  const before = documentValue(file, docIndex);
  if (getIn(before, path) === undefined && !hasPath(before, path)) return file;
  const expected = removeIn(before, path);
  const next = parseManifest(planDelete(file, docIndex, path), limits);
  return confirm(file, next, docIndex, expected, path);
}

/**
 * Makes document `docIndex` equal `next` with the fewest edits: unchanged fields keep their bytes, changed leaves are
 * rewritten in place, new keys are appended to their map and removed keys lose their lines.
 */
export function applyValue(
  file: ManifestFile,
  docIndex: number,
  next: unknown,
  limits?: Partial<ManifestLimits>,
): ManifestFile {
  let current = file;
  const visit = (path: PathSegment[], before: unknown, after: unknown): void => {
    if (deepEqual(before, after)) return;
    if (isRecord(before) && isRecord(after) && Object.keys(before).length > 0 && Object.keys(after).length > 0) {
      for (const key of Object.keys(before)) {
        if (!Object.hasOwn(after, key) || after[key] === undefined)
          current = deleteIn(current, docIndex, [...path, key], limits);
      }
      for (const [key, value] of Object.entries(after)) {
        if (value === undefined) continue;
        if (Object.hasOwn(before, key)) visit([...path, key], before[key], value);
        else current = setIn(current, docIndex, [...path, key], value, limits);
      }
      return;
    }
    if (Array.isArray(before) && Array.isArray(after) && before.length > 0 && after.length > 0) {
      if (byName(path, before, after)) return;
      const common = Math.min(before.length, after.length);
      for (let i = 0; i < common; i++) visit([...path, i], before[i], after[i]);
      for (let i = common; i < after.length; i++) current = setIn(current, docIndex, [...path, i], after[i], limits);
      for (let i = before.length - 1; i >= after.length; i--)
        current = deleteIn(current, docIndex, [...path, i], limits);
      return;
    }
    current = setIn(current, docIndex, path, after, limits);
  };
  /**
   * Lists of named items (containers, volumes, env, ports...) are matched by name, so adding or removing one in the
   * middle touches only its own lines instead of rewriting every item after it. False when names do not identify.
   */
  const byName = (path: PathSegment[], before: unknown[], after: unknown[]): boolean => {
    const beforeNames = namesOf(before);
    const afterNames = namesOf(after);
    if (!beforeNames || !afterNames) return false;
    const kept = beforeNames.filter((n) => afterNames.includes(n));
    if (
      !deepEqual(
        kept,
        afterNames.filter((n) => kept.includes(n)),
      )
    )
      return false; // reordered: go by index
    for (let i = before.length - 1; i >= 0; i--) {
      if (!afterNames.includes(beforeNames[i]!)) current = deleteIn(current, docIndex, [...path, i], limits);
    }
    const items = before.filter((_, i) => afterNames.includes(beforeNames[i]!));
    const names = [...kept];
    after.forEach((item, j) => {
      if (names[j] === afterNames[j]) {
        visit([...path, j], items[j], item);
      } else {
        current = insertIn(current, docIndex, path, j, item, limits);
        names.splice(j, 0, afterNames[j]!);
        items.splice(j, 0, item);
      }
    });
    return true;
  };
  visit([], documentValue(file, docIndex), next);
  return current;
}

/** Names of a list's items when every item is an object with a unique string `name`. */
function namesOf(items: unknown[]): string[] | undefined {
  const names = items.map((item) => (isRecord(item) && typeof item.name === 'string' ? item.name : undefined));
  if (names.some((n) => n === undefined) || new Set(names).size !== names.length) return undefined;
  return names as string[];
}

/** Inserts `value` into the list at `path` before item `index` (or at the end), as new lines of its own. */
export function insertIn(
  file: ManifestFile,
  docIndex: number,
  path: ManifestPath,
  index: number,
  value: unknown,
  limits?: Partial<ManifestLimits>,
): ManifestFile {
  const before = documentValue(file, docIndex);
  const list = getIn(before, path);
  if (!Array.isArray(list) || index >= list.length) return setIn(file, docIndex, [...path, index], value, limits);
  const expected = assignIn(before, path, [...list.slice(0, index), value, ...list.slice(index)]);
  const { steps, missingAt } = locate(file, docIndex, [...path, index]);
  if (missingAt !== -1) throw new ManifestEditError(`no item ${index} at ${path.join('.')}`);
  const step = steps.at(-1)!;
  const item = step.node!;
  const src = file.source;
  const ordered = orderFor([...path, index], value);
  let text: string;
  if (step.parent?.flow) {
    const start = itemStart(src, item);
    const ownLine = /^[ \t]*$/.test(src.slice(lineStart(src, start), start));
    const sep = ownLine ? ',\n' + ' '.repeat(column(src, start)) : ', ';
    text = splice(src, start, start, inline(ordered, true) + sep);
  } else {
    const dash = dashBefore(src, item);
    if (!/^[ \t]*$/.test(src.slice(lineStart(src, dash), dash))) {
      throw new ManifestEditError('cannot insert before a list item that shares its line');
    }
    const indent = column(src, dash);
    const body = isNonEmptyCollection(ordered) ? indentRest(block(ordered), indent + 2) : inline(ordered, false);
    text = splice(src, lineStart(src, dash), lineStart(src, dash), ' '.repeat(indent) + '- ' + body + '\n');
  }
  return confirm(file, parseManifest(text, limits), docIndex, expected, [...path, index]);
}

/** Appends a new document (written in kubectl key order) after the last one. */
export function appendDocument(file: ManifestFile, value: unknown, limits?: Partial<ManifestLimits>): ManifestFile {
  const body = writeObject(value);
  const src = file.source;
  const hasContent = file.documents.some((d) => d.value !== null) || src.trim() !== '';
  let text: string;
  if (!hasContent) text = body;
  else text = `${src}${src.endsWith('\n') ? '' : '\n'}---\n${body}`;
  const next = parseManifest(text, limits);
  if (next.problems.length > 0) throw new ManifestEditError(next.problems[0]?.message ?? 'append failed');
  return next;
}

function documentValue(file: ManifestFile, docIndex: number): unknown {
  if (file.problems.length > 0) {
    throw new ManifestEditError(`the file has problems and cannot be edited: ${file.problems[0]?.message ?? ''}`);
  }
  const doc = file.documents[docIndex];
  if (!doc) throw new ManifestEditError(`no document ${docIndex}`);
  return doc.value;
}

function confirm(
  before: ManifestFile,
  next: ManifestFile,
  docIndex: number,
  expected: unknown,
  path: ManifestPath,
): ManifestFile {
  const where = path.map(String).join('.') || '(document)';
  if (next.problems.length > 0) {
    throw new ManifestEditError(`editing ${where} would break the YAML: ${next.problems[0]?.message ?? ''}`);
  }
  if (next.documents.length !== before.documents.length) {
    throw new ManifestEditError(`editing ${where} changed the number of documents`);
  }
  if (!deepEqual(next.documents[docIndex]?.value, expected)) {
    throw new ManifestEditError(`editing ${where} in place did not produce the requested value`);
  }
  return next;
}

// ---- planning: where to splice, and what ----

function locate(file: ManifestFile, docIndex: number, path: ManifestPath): { steps: Step[]; missingAt: number } {
  const doc = file.documents[docIndex]!.doc;
  const steps: Step[] = [{ node: (doc.contents as Node | null) ?? null }];
  for (let i = 0; i < path.length; i++) {
    const cur = steps[i]!.node;
    const seg = path[i]!;
    if (isAlias(cur)) throw new ManifestEditError(`cannot edit through the alias at ${path.slice(0, i).join('.')}`);
    if (isMap(cur)) {
      const pair = (cur.items as Pair<Node, Node | null>[]).find((p) => keyText(p.key) === String(seg));
      if (!pair) return { steps, missingAt: i };
      steps.push({ node: pair.value, pair, parent: cur as unknown as Collection });
    } else if (isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg] as Node | undefined;
      if (item === undefined) return { steps, missingAt: i };
      steps.push({ node: item, parent: cur as unknown as Collection });
    } else {
      return { steps, missingAt: i };
    }
  }
  return { steps, missingAt: -1 };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function planSet(file: ManifestFile, docIndex: number, path: ManifestPath, value: unknown): string {
  const { steps, missingAt } = locate(file, docIndex, path);
  const src = file.source;
  if (missingAt === -1) return replaceNode(src, steps.at(-1)!, value);
  const holder = steps[missingAt]!;
  const seg = path[missingAt]!;
  const rest = path.slice(missingAt + 1);
  const inner = nest(rest, value);
  const node = holder.node;
  if (isMap(node) && node.items.length > 0) return insertPair(src, node as unknown as Collection, String(seg), inner);
  if (isSeq(node) && node.items.length > 0) {
    if (seg !== node.items.length) throw new ManifestEditError(`index ${String(seg)} is past the end of the list`);
    return appendItem(src, node as unknown as Collection, inner);
  }
  if (missingAt === 0 && !node) throw new ManifestEditError('the document is empty');
  // An empty collection or a scalar stands where a collection is needed: rewrite that one node.
  const fresh = typeof seg === 'number' ? (seg === 0 ? [inner] : undefined) : { [seg]: inner };
  if (fresh === undefined) throw new ManifestEditError(`index ${seg} is past the end of the list`);
  return replaceNode(src, holder, fresh);
}

/** New objects are written in kubectl order, judged by where they go (a container is a `containers` item). */
function orderFor(path: ManifestPath, value: unknown): unknown {
  const last = path.at(-1);
  if (typeof last === 'number') {
    const list = path.at(-2);
    return (kubectlOrder([value], typeof list === 'string' ? list : undefined) as unknown[])[0];
  }
  return kubectlOrder(value, last);
}

function nest(path: ManifestPath, value: unknown): unknown {
  let v = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i]!;
    if (typeof seg === 'number') {
      if (seg !== 0) throw new ManifestEditError(`index ${seg} is past the end of the list`);
      v = [v];
    } else v = { [seg]: v };
  }
  return v;
}

function planDelete(file: ManifestFile, docIndex: number, path: ManifestPath): string {
  const { steps, missingAt } = locate(file, docIndex, path);
  if (missingAt !== -1 || path.length === 0) return file.source;
  const src = file.source;
  const step = steps.at(-1)!;
  const parent = step.parent!;
  if (parent.items.length === 1) return replaceNode(src, steps.at(-2)!, isMap(parent) ? {} : []);
  const index = step.pair ? parent.items.indexOf(step.pair) : parent.items.indexOf(step.node);
  const item = parent.items[index];
  const next = parent.items[index + 1];
  const prev = parent.items[index - 1];
  // A block list item begins at its dash, not at its content.
  const startOf = (x: unknown): number =>
    isSeq(parent) && !parent.flow ? dashBefore(src, x as Node) : itemStart(src, x);
  const start = startOf(item);
  if (parent.flow) {
    if (next !== undefined) return cut(src, start, itemStart(src, next));
    return cut(src, itemEnd(src, prev), itemEnd(src, item));
  }
  if (/^[ \t]*$/.test(src.slice(lineStart(src, start), start))) {
    let from = lineStart(src, start);
    const newline = src.indexOf('\n', itemEnd(src, item));
    let to = newline === -1 ? src.length : newline + 1;
    if (newline === -1 && from > 0) {
      // The last line has no newline: take the previous line's instead, so the file still ends the same way.
      from -= src[from - 2] === '\r' ? 2 : 1;
      to = src.length;
    }
    return cut(src, from, to);
  }
  // The item shares its line with something before it (`- name: x`): pull the next item up into its place.
  if (next === undefined) throw new ManifestEditError('cannot delete this item without touching its neighbours');
  return cut(src, start, startOf(next));
}

function cut(src: string, from: number, to: number): string {
  return src.slice(0, from) + src.slice(to);
}

/** Replaces `from..to` with `text`, writing line breaks the way the file already does (CRLF files stay CRLF). */
function splice(src: string, from: number, to: number, text: string): string {
  const crlf = src.includes('\r\n');
  return src.slice(0, from) + (crlf ? text.replace(/\r?\n/g, '\r\n') : text) + src.slice(to);
}

function replaceNode(src: string, step: Step, value: unknown): string {
  const node = step.node;
  const parent = step.parent;
  if (!node || !node.range) throw new ManifestEditError('cannot locate the node to replace');
  const flow = parent?.flow === true || inFlow(node);
  const start = node.range[0];
  const end = contentEnd(src, node);
  const blockCollection = isCollection(node) && !node.flow && node.items.length > 0;
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && typeof value === 'string') {
    // A script stays a block scalar, so changing one of its lines changes one line of the file.
    const owner = step.pair ? step.pair.key.range![0] : parent ? dashBefore(src, node) : -1;
    const text = blockLiteral(src, start, value, owner === -1 ? 0 : column(src, owner) + 1);
    if (text !== undefined) return splice(src, start, end, text);
  }
  if (flow || !isNonEmptyCollection(value)) {
    const text = inline(value, flow, isScalar(node) ? node : undefined);
    if (blockCollection && step.pair) {
      // `key:\n  a: 1` becomes `key: text`: the value joins the key's line; comments in between stay, after it.
      const colon = src.indexOf(':', step.pair.key.range![1]);
      const between = src.slice(colon + 1, start).trimEnd();
      return splice(src, colon + 1, end, ' ' + text + between);
    }
    if (isScalar(node) && node.range[0] === node.range[1] && step.pair) {
      // `key:` with nothing after it: the empty value sits right after the colon.
      return splice(src, start, end, ' ' + text);
    }
    return splice(src, start, end, text);
  }
  const rendered = block(value);
  if (step.pair) {
    const keyStart = step.pair.key.range![0];
    let indent = column(src, keyStart) + 2;
    if (blockCollection) indent = column(src, isSeq(node) ? dashBefore(src, node.items[0] as Node) : start);
    const from = blockCollection ? backOverSpace(src, start) : backOverSpace(src, start);
    return splice(src, from, end, '\n' + indentAll(rendered, indent));
  }
  if (parent) {
    // A list item: the value starts right after `- `, further lines line up under it.
    return splice(src, start, end, indentRest(rendered, column(src, start)));
  }
  return splice(src, start, end, rendered);
}

/** `value` as a literal block scalar indented like the one at `start`, or undefined when `|` or `|-` cannot hold it. */
function blockLiteral(src: string, start: number, value: string, minIndent: number): string | undefined {
  if (!printable(value) || value.includes('\r')) return undefined;
  let chomp: '' | '-';
  let body: string;
  if (!value.endsWith('\n')) [chomp, body] = ['-', value];
  else if (!value.endsWith('\n\n')) [chomp, body] = ['', value.slice(0, -1)];
  else return undefined;
  const lines = body.split('\n');
  const first = lines.find((l) => l !== '');
  // Leading blanks on the first line would need an indentation indicator; blank-only lines would lose their blanks.
  if (first === undefined || /^[ \t]/.test(first) || lines.some((l) => l !== '' && l.trim() === '')) return undefined;
  const content = /\n( *)[^ \n]/.exec(src.slice(start));
  if (!content) return undefined;
  const pad = content[1]!;
  if (pad.length === 0 || pad.length < minIndent) return undefined;
  return `|${chomp}\n` + lines.map((l) => (l === '' ? '' : pad + l)).join('\n');
}

function insertPair(src: string, map: Collection, key: string, value: unknown): string {
  const pairs = map.items as Pair<Node, Node | null>[];
  const last = pairs.at(-1)!;
  if (map.flow) return insertFlow(src, `${renderKey(key, true)}: ${inline(value, true)}`, last);
  const indent = column(src, pairs[0]!.key.range![0]);
  const text = isNonEmptyCollection(value)
    ? `${renderKey(key, false)}:\n${indentAll(block(value), indent + 2)}`
    : `${renderKey(key, false)}: ${inline(value, false)}`;
  const at = lineEnd(src, itemEnd(src, last));
  return splice(src, at, at, '\n' + ' '.repeat(indent) + text);
}

function appendItem(src: string, seq: Collection, value: unknown): string {
  const items = seq.items as Node[];
  const last = items.at(-1)!;
  if (seq.flow) return insertFlow(src, inline(value, true), last);
  const dash = dashBefore(src, items[0]!);
  const indent = column(src, dash);
  const text = isNonEmptyCollection(value) ? indentRest(block(value), indent + 2) : inline(value, false);
  const at = lineEnd(src, itemEnd(src, last));
  return splice(src, at, at, '\n' + ' '.repeat(indent) + '- ' + text);
}

function insertFlow(src: string, text: string, last: unknown): string {
  const lastStart = itemStart(src, last);
  const lastEnd = itemEnd(src, last);
  const ownLine = /^[ \t]*$/.test(src.slice(lineStart(src, lastStart), lastStart));
  let i = lastEnd;
  while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++;
  const trailingComma = src[i] === ',';
  if (ownLine) {
    const indent = ' '.repeat(column(src, lastStart));
    if (trailingComma) return splice(src, i + 1, i + 1, '\n' + indent + text + ',');
    return splice(src, lastEnd, lastEnd, ',\n' + indent + text);
  }
  if (trailingComma) return splice(src, i + 1, i + 1, ' ' + text + ',');
  return splice(src, lastEnd, lastEnd, ', ' + text);
}

// ---- positions ----

function itemStart(src: string, item: unknown): number {
  if (isPair(item)) return (item.key as Node).range![0];
  return (item as Node).range![0];
}

function itemEnd(src: string, item: unknown): number {
  if (isPair(item)) {
    const value = item.value as Node | null;
    if (value && value.range) return contentEnd(src, value);
    return (item.key as Node).range![1];
  }
  return contentEnd(src, item as Node);
}

/** Where a node's own text ends, leaving out the trailing newlines and comments its range may cover. */
function contentEnd(src: string, node: Node): number {
  if (isCollection(node) && !node.flow && node.items.length > 0) return itemEnd(src, node.items.at(-1));
  let end = node.range![1];
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    while (end > node.range![0] && (src[end - 1] === '\n' || src[end - 1] === '\r')) end--;
  }
  return end;
}

function inFlow(node: Node): boolean {
  return isCollection(node) && node.flow === true;
}

function lineStart(src: string, pos: number): number {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(src: string, pos: number): number {
  const i = src.indexOf('\n', pos);
  if (i === -1) return src.length;
  return i > 0 && src[i - 1] === '\r' ? i - 1 : i;
}

function column(src: string, pos: number): number {
  return pos - lineStart(src, pos);
}

function backOverSpace(src: string, pos: number): number {
  let i = pos;
  while (i > 0 && /[ \t\r\n]/.test(src[i - 1]!)) i--;
  return i;
}

function dashBefore(src: string, node: Node): number {
  let i = node.range![0] - 1;
  while (i >= 0 && src[i] !== '-') i--;
  if (i < 0) throw new ManifestEditError('cannot find the list marker');
  return i;
}

// ---- rendering ----

function isNonEmptyCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isRecord(value) && Object.keys(value).length > 0);
}

function block(value: unknown): string {
  return toYamlText(value).replace(/\n$/, '');
}

function indentAll(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

function indentRest(text: string, indent: number): string {
  const [first, ...rest] = text.split('\n');
  return [first, ...rest.map((line) => (line === '' ? line : ' '.repeat(indent) + line))].join('\n');
}

function renderKey(key: string, flow: boolean): string {
  return plainSafe(key, flow) && printable(key) ? key : doubleQuoted(key);
}

/** One-line YAML for a value, keeping the quoting style of the scalar it replaces where that can hold the new value. */
function inline(value: unknown, flow: boolean, old?: Scalar): string {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isRecord(value) && Object.keys(value).length === 0) return '{}';
  if (Array.isArray(value) || isRecord(value)) return escapeC1(JSON.stringify(value));
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (old?.type === 'QUOTE_DOUBLE' || !printable(s)) return doubleQuoted(s);
  if (old?.type === 'QUOTE_SINGLE' && !/[\n\r]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  // Flow style is mostly KYAML or JSON, where strings are double-quoted; a plain scalar stays plain if it can.
  if (flow && old?.type !== 'PLAIN') return doubleQuoted(s);
  return plainSafe(s, flow) ? s : doubleQuoted(s);
}

// Characters YAML may not hold raw (outside c-printable), and UTF-16 halves without their partner.
// eslint-disable-next-line no-control-regex
const notPrintable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether every character may appear raw in YAML. */
function printable(s: string): boolean {
  return !notPrintable.test(s) && !loneSurrogate.test(s);
}

/** A YAML double-quoted scalar: JSON's escapes are YAML escapes too; YAML also wants DEL and C1 controls escaped. */
function doubleQuoted(s: string): string {
  return escapeC1(JSON.stringify(s));
}

function escapeC1(json: string): string {
  // JSON leaves DEL, C1 controls and the non-characters U+FFFE / U+FFFF raw; YAML wants them escaped.
  return json.replace(/[\u007F-\u009F\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a string can be written unquoted and still read back as the same string. */
function plainSafe(s: string, flow: boolean): boolean {
  if (s === '' || s !== s.trim() || /[\n\r\t]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s,[\]{}]/.test(s)) return false;
  if (/: |:$| #/.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  // Words YAML 1.1 tools read as booleans or null are quoted too, so older parsers agree.
  if (/^(y|n|yes|no|on|off|true|false|null|~)$/i.test(s) || readsDifferentlyIn11(s)) return false;
  if (/^[-+]?(\.?[0-9]|\.(inf|nan))/i.test(s) || /^0[xo]/.test(s)) return false;
  return true;
}

// ---- plain value helpers ----

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}

function hasPath(value: unknown, path: ManifestPath): boolean {
  if (path.length === 0) return true;
  const parent = getIn(value, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent)) return typeof last === 'number' && last < parent.length;
  return isRecord(parent) && Object.hasOwn(parent, String(last));
}

function assignIn(value: unknown, path: ManifestPath, next: unknown): unknown {
  if (path.length === 0) return next;
  const [seg, ...rest] = path;
  if (Array.isArray(value) && typeof seg === 'number') {
    const copy = [...value];
    copy[seg] = assignIn(value[seg], rest, next);
    return copy;
  }
  const base = isRecord(value) ? value : {};
  return { ...base, [String(seg)]: assignIn(base[String(seg)], rest, next) };
}

function removeIn(value: unknown, path: ManifestPath): unknown {
  const [seg, ...rest] = path;
  if (seg === undefined) return value;
  if (Array.isArray(value) && typeof seg === 'number') {
    if (rest.length === 0) return value.filter((_, i) => i !== seg);
    const copy = [...value];
    copy[seg] = removeIn(value[seg], rest);
    return copy;
  }
  if (!isRecord(value)) return value;
  if (rest.length === 0) {
    const copy = { ...value };
    delete copy[String(seg)];
    return copy;
  }
  return { ...value, [String(seg)]: removeIn(value[String(seg)], rest) };
}
