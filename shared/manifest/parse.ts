// Reads multi-document YAML or JSON into yaml Documents that remember every byte of the source, with limits against hostile input.
import {
  Composer,
  isAlias,
  isCollection,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type Scalar,
} from 'yaml';

/** Bounds that keep a hostile file from eating memory or the stack. Kubernetes objects are far inside them. */
export interface ManifestLimits {
  /** Characters of source text (a UTF-16 length, so roughly bytes for YAML). */
  maxLength: number;
  /** Nesting depth of collections; a Pod is about 12 deep. */
  maxDepth: number;
  /** Alias dereferences across a document (yaml's own guard against "billion laughs"). */
  maxAliasCount: number;
  /**
   * Characters of every value in the file once each alias is written out in full; by default `maxLength`. Without
   * it, a few aliases of one large string stay inside maxAliasCount yet expand to hundreds of megabytes for whatever
   * reads, writes or runs the values next.
   */
  maxExpandedLength: number;
  maxDocuments: number;
}

export const defaultLimits: ManifestLimits = {
  maxLength: 10 * 1024 * 1024,
  maxDepth: 100,
  maxAliasCount: 100,
  maxExpandedLength: 10 * 1024 * 1024,
  maxDocuments: 10_000,
};

export type ManifestProblemCode =
  | 'too-large'
  | 'too-deep'
  | 'too-many-documents'
  | 'binary'
  | 'number-out-of-range'
  | 'aliases'
  | 'yaml'
  | 'not-an-object';

/** A problem pinned to a place: 1-based line and column, and the 0-based index of the document it is in. */
export interface ManifestProblem {
  code: ManifestProblemCode;
  message: string;
  line: number;
  column: number;
  document: number;
}

export interface ManifestDocument {
  /** Position in the file, counting every `---` section (empty ones too). */
  index: number;
  /** The yaml Document; its node ranges are offsets into `ManifestFile.source`. */
  doc: Document.Parsed;
  /** The plain JavaScript value (null for an empty document). */
  value: unknown;
}

/**
 * A parsed file. The source text is the truth: saving an unedited file writes `source` back byte for byte, and edits
 * splice it (see edit.ts), so comments, order, quoting and unknown fields elsewhere never move.
 */
export interface ManifestFile {
  readonly source: string;
  readonly documents: readonly ManifestDocument[];
  /** Hard problems; a file with any is read-only (edits refuse). */
  readonly problems: readonly ManifestProblem[];
}

/** Formats a problem the way compilers do, for CLI output and logs. */
export function formatProblem(p: ManifestProblem, file = '<input>'): string {
  return `${file}:${p.line}:${p.column}: ${p.message} (document ${p.document + 1})`;
}

export class ManifestError extends Error {
  constructor(readonly problems: readonly ManifestProblem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'ManifestError';
  }
}

/** Parses `source`; never throws for bad input, reports problems instead. */
export function parseManifest(source: string, limits: Partial<ManifestLimits> = {}): ManifestFile {
  // What a file may expand to follows what it may hold, unless a caller says otherwise.
  const lim = { ...defaultLimits, maxExpandedLength: limits.maxLength ?? defaultLimits.maxExpandedLength, ...limits };
  const lines = new LineCounter();
  const fail = (code: ManifestProblemCode, message: string, offset = 0, document = 0): ManifestFile => {
    const { line, col } = offset === 0 ? { line: 1, col: 1 } : lines.linePos(offset);
    return { source, documents: [], problems: [{ code, message, line, column: col, document }] };
  };
  if (source.length > lim.maxLength) {
    return fail(
      'too-large',
      `input is ${source.length} characters; the limit is ${lim.maxLength} (${Math.round(lim.maxLength / 1048576)} MB)`,
    );
  }
  // YAML forbids C0 controls other than tab and line breaks; finding one means binary data, which deserves a plain message.
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(source);
  if (control) {
    lines.addNewLine(0);
    for (let i = source.indexOf('\n'); i !== -1 && i < control.index; i = source.indexOf('\n', i + 1)) {
      lines.addNewLine(i + 1);
    }
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    return fail('binary', `input is not text: character U+${code.toUpperCase()} is not allowed in YAML`, control.index);
  }

  const tokens = [...new Parser(lines.addNewLine).parse(source)];
  const docStarts: number[] = [];
  for (const token of tokens) {
    if (token.type === 'document') docStarts.push(token.offset);
  }
  const documentAt = (offset: number): number => {
    let i = 0;
    while (i + 1 < docStarts.length && (docStarts[i + 1] ?? Infinity) <= offset) i++;
    return i;
  };
  const problem = (code: ManifestProblemCode, message: string, offset: number): ManifestProblem => {
    const { line, col } = lines.linePos(offset);
    return { code, message, line, column: col, document: documentAt(offset) };
  };
  if (docStarts.length > lim.maxDocuments) {
    return fail('too-many-documents', `input has ${docStarts.length} documents; the limit is ${lim.maxDocuments}`);
  }
  // yaml's Composer recurses once per level, so depth is checked on the flat CST first, with an explicit stack.
  const deep = findTooDeep(tokens, lim.maxDepth);
  if (deep !== undefined) {
    const p = problem('too-deep', `collections are nested more than ${lim.maxDepth} levels deep`, deep);
    return { source, documents: [], problems: [p] };
  }

  const composer = new Composer({ keepSourceTokens: false, prettyErrors: false, merge: true });
  const docs = [...composer.compose(tokens, true, source.length)] as Document.Parsed[];
  const problems: ManifestProblem[] = [];
  const documents: ManifestDocument[] = [];
  const meter = new ExpansionMeter(lim.maxExpandedLength);
  docs.forEach((doc, index) => {
    for (const err of doc.errors) {
      let message = err.message.split('\n')[0] ?? err.message;
      // Silently keeping one of two values is how manifests lose data; name the key so the user can pick.
      const key = err.code === 'DUPLICATE_KEY' ? /^[^:\s]+/.exec(source.slice(err.pos[0], err.pos[0] + 200)) : null;
      if (key) message = `duplicate key "${key[0]}" (${message})`;
      problems.push({ ...problem('yaml', message, err.pos[0]), document: index });
    }
    // Numbers beyond 2^53 or 1e308 would be written back as different numbers; refuse them with their place.
    for (const node of scalars(doc.contents)) {
      const v = node.value;
      if (typeof v === 'number' && (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)))) {
        if (Number.isNaN(v) || /^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(String(node.source ?? ''))) continue;
        const offset = node.range?.[0] ?? 0;
        const message = `number ${sourceAt(source, node.range)} is out of range (exact up to ±2^53)`;
        problems.push({ ...problem('number-out-of-range', message, offset), document: index });
      }
    }
    let value: unknown = null;
    // Measured before toJS: past the limit (or in a loop of aliases) no value is built at all.
    const over = doc.errors.length === 0 ? meter.measure(doc) : undefined;
    if (over) problems.push({ ...problem('aliases', over.message, over.offset), document: index });
    else if (doc.errors.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: lim.maxAliasCount });
      } catch (err) {
        // yaml stops expanding past maxAliasCount ("billion laughs"); say so with its own code.
        const message = (err as Error).message;
        const code = err instanceof ReferenceError || /alias/i.test(message) ? 'aliases' : 'yaml';
        problems.push({ ...problem(code, message, doc.range[0]), document: index });
      }
    }
    documents.push({ index, doc, value });
  });
  return { source, documents, problems };
}

/** Why a document's values may not be built: where, and in words. */
interface Overexpansion {
  offset: number;
  message: string;
}

/**
 * Counts the characters of a file's values as if every alias were written out, in one pass over its nodes: an alias
 * costs the size of the node it names, measured once. The count runs in document order, so it stops at the alias that
 * crosses the limit; an alias inside the node it names (a loop, which would expand forever) is refused too.
 */
class ExpansionMeter {
  private written = 0;
  private anchors = new Map<string, unknown>();
  private readonly sizes = new Map<unknown, number>();

  constructor(private readonly limit: number) {}

  measure(doc: Document.Parsed): Overexpansion | undefined {
    this.anchors = new Map();
    try {
      this.size(doc.contents);
      return undefined;
    } catch (err) {
      if (err instanceof Overexpanded) return err.over;
      throw err;
    }
  }

  private size(node: unknown): number {
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (target === undefined) return 1;
      const size = this.sizes.get(target);
      const offset = node.range?.[0] ?? 0;
      if (size === undefined) {
        throw new Overexpanded({
          offset,
          message: `alias *${node.source} is inside the node it names, so it would expand forever`,
        });
      }
      return this.add(size, offset);
    }
    if (isNode(node) && node.anchor) this.anchors.set(node.anchor, node);
    let size: number;
    if (isScalar(node)) {
      // At least one per node, so an alias of many empty values costs what it builds; never more than its source.
      const text = typeof node.value === 'string' ? node.value.length : node.range ? node.range[1] - node.range[0] : 1;
      size = this.add(Math.max(text, 1), node.range?.[0] ?? 0);
    } else if (isCollection(node)) {
      size = this.add(1, node.range?.[0] ?? 0);
      for (const item of node.items)
        size += isPair(item) ? this.size(item.key) + this.size(item.value) : this.size(item);
    } else size = 0;
    // Only an anchored node can be named by an alias; its size is known from here on (the alias check above).
    if (isNode(node) && node.anchor) this.sizes.set(node, size);
    return size;
  }

  /** Counts `size` characters written at `offset`, refusing the first that crosses the limit. */
  private add(size: number, offset: number): number {
    this.written += size;
    if (this.written > this.limit) {
      const mb = (n: number): string => `${Math.round((n / 1048576) * 10) / 10} MB`;
      throw new Overexpanded({
        offset,
        message:
          `aliases expand this file past ${mb(this.limit)} of values (the limit once every alias is written out); ` +
          'refer to a large value once, or write it where it is needed',
      });
    }
    return size;
  }
}

class Overexpanded extends Error {
  constructor(readonly over: Overexpansion) {
    super(over.message);
  }
}

function sourceAt(source: string, range: readonly number[] | null | undefined): string {
  if (!range) return '?';
  const text = source.slice(range[0], range[1]);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** The offset where nesting first exceeds `max`, if it does. */
function findTooDeep(tokens: CST.Token[], max: number): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > max) return token.offset;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
          if ('value' in item && item.value) stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

/**
 * Every scalar under a node, found with an explicit stack: yaml's own `visit` builds a frozen path per node, which
 * costs more than the rest of a large Pod's checks together.
 */
export function* scalars(root: unknown): Generator<Scalar> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) yield node;
    else if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
}

/** Parses and throws a ManifestError listing every problem, for callers that cannot go on without a clean file. */
export function readManifest(source: string, limits?: Partial<ManifestLimits>): ManifestFile {
  const file = parseManifest(source, limits);
  if (file.problems.length > 0) throw new ManifestError(file.problems);
  return file;
}

/** Whether a value is a plain mapping (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For tests and the editor: the scalar type yaml saw at a node (PLAIN, QUOTE_DOUBLE, ...). */
export function scalarStyle(node: unknown): string | undefined {
  return isScalar(node) ? (node.type ?? undefined) : undefined;
}
