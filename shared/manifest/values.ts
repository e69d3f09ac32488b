// Reads a manifest's plain values for opening a design, without yaml's Documents where the text allows: block YAML as
// Podwright and kubectl write it is read in one linear pass; anything else (anchors, tags, flow collections, folded or
// multi-line scalars, tabs, CRLF, any problem at all) goes to parseManifest, which holds every hostile-input limit.
import { defaultLimits, parseManifest, type ManifestFile, type ManifestLimits, type ManifestProblem } from './parse';

/** A file's documents as plain values; `file()` gives the full parse (source ranges), built on first use. */
export interface ManifestValues {
  readonly source: string;
  readonly documents: readonly { index: number; value: unknown }[];
  /** Hard problems, exactly as parseManifest reports them (none when the quick path read the text). */
  readonly problems: readonly ManifestProblem[];
  /** The yaml Documents of the text; only locating a field (for a problem) needs them, so they are built on demand. */
  file(): ManifestFile;
}

/**
 * The values parseManifest would give, at a fraction of its cost on big block-YAML files: opening a 1,000-container
 * Pod spent most of its reading in yaml's lexer, composer and toJS (issue 21, finding 12). Same values, same key
 * order, same problems: when the quick path meets anything it does not read exactly as yaml does, it gives up and the
 * full parse answers (values.test.ts compares both across the corpus and generated text).
 */
export function readManifestValues(source: string, limits: Partial<ManifestLimits> = {}): ManifestValues {
  const quick = quickValues(source, limits);
  if (quick) {
    let file: ManifestFile | undefined;
    const documents = quick.map((value, index) => ({ index, value }));
    return { source, documents, problems: [], file: () => (file ??= parseManifest(source, limits)) };
  }
  const file = parseManifest(source, limits);
  return { source, documents: file.documents, problems: file.problems, file: () => file };
}

/** The documents' values, or undefined when the text is not in the subset read here (parseManifest reads it then). */
export function quickValues(source: string, limits: Partial<ManifestLimits> = {}): unknown[] | undefined {
  const lim = { ...defaultLimits, maxExpandedLength: limits.maxLength ?? defaultLimits.maxExpandedLength, ...limits };
  // Size first, as parseManifest does; control characters, tabs, CR, BOM and Unicode line breaks are left to it.
  if (source.length > lim.maxLength || leftToYaml.test(source)) return undefined;
  try {
    return new BlockReader(source, lim).documents();
  } catch (err) {
    // A resource limit of the engine (the stack) on some input not foreseen here: the full parse holds the limits.
    if (err === outsideSubset || err instanceof RangeError) return undefined;
    throw err;
  }
}

// eslint-disable-next-line no-control-regex
const leftToYaml = /[\u0000-\u0009\u000B-\u001F\u0085\u2028\u2029\uFEFF\uFFFE\uFFFF]/;

/** Where a double-quoted scalar stops being plain text: its closing quote or an escape. */
const doubleQuoteStop = /["\\]/g;
/** A plain scalar inside a flow sequence: up to a comma, a bracket, a colon, a comment sign or the line's end. */
const flowPlain = /[^\n,\][{}:#]*/y;
const nonSpace = /[^ ]/g;

/** The first character from `from` that is not a space, or `end`. */
function firstNonSpace(src: string, from: number, end: number): number {
  if (src.charCodeAt(from) !== SPACE) return from;
  nonSpace.lastIndex = from;
  const m = nonSpace.exec(src);
  return m && m.index < end ? m.index : end;
}

class OutsideSubset extends Error {}
/** Thrown (one instance) when the text needs the full parser; never seen outside this module. */
const outsideSubset = new OutsideSubset('outside the quick subset');

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/**
 * A reader of block YAML: mappings and sequences by indentation (compact `- key: value` items too), plain scalars on
 * one line, single- and double-quoted scalars on one line, literal block scalars (`|`, `|-`, `|+`), `{}` and `[]`,
 * comments and `---` between documents. Every line is visited once, so the cost grows with the bytes read.
 */
class BlockReader {
  /** The current significant line (not blank, not only a comment): where it starts, ends (its `\n`) and its indent. */
  private start = 0;
  private end = 0;
  private indent = 0;
  private eof = false;
  /** The current line is a `---` document marker. */
  private marker = false;
  /** Characters of values so far, counted as parseManifest's expansion meter counts them (aliases are never read here). */
  private written = 0;
  private readonly maxDepth: number;
  private readonly maxWritten: number;
  private readonly maxDocuments: number;

  constructor(
    private readonly src: string,
    limits: ManifestLimits,
  ) {
    // Well inside the limits: a file near one is left to parseManifest, which reports it in its own words.
    this.maxDepth = Math.min(Math.floor(limits.maxDepth / 2), 64);
    this.maxWritten = Math.floor(limits.maxExpandedLength * 0.9);
    this.maxDocuments = Math.floor(limits.maxDocuments / 2);
  }

  documents(): unknown[] {
    const out: unknown[] = [];
    this.advance(0);
    // A document starts at its first content or at a `---`; comments before the first `---` belong to it.
    while (!this.eof) {
      if (this.marker) this.advance(this.nextLineStart(this.end));
      if (this.eof || this.marker) out.push(null);
      else {
        out.push(this.node(this.start + this.indent, this.indent, 1));
        if (!this.eof && !this.marker) throw outsideSubset;
      }
      if (out.length > this.maxDocuments) throw outsideSubset;
    }
    // Text without any document (empty, or only comments) reads as one empty document, as parseManifest reads it.
    return out.length === 0 ? [null] : out;
  }

  /** A collection starting at `at` (column `col`) of the current line. */
  private node(at: number, col: number, depth: number): unknown {
    if (depth > this.maxDepth) throw outsideSubset;
    this.count(1);
    if (this.isEntry(at)) return this.sequence(at, col, depth);
    if (this.keyEnd(at) !== -1) return this.mapping(at, col, depth);
    throw outsideSubset; // a scalar alone on its line (a document that is one value, a value below its key)
  }

  private sequence(at: number, col: number, depth: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const p = this.skipSpaces(at + 1);
      if (this.endOfContent(p)) {
        this.advance(this.nextLineStart(this.end));
        out.push(
          !this.eof && !this.marker && this.indent > col
            ? this.node(this.start + this.indent, this.indent, depth + 1)
            : this.empty(),
        );
      } else {
        const c = col + (p - at);
        if (this.isEntry(p)) out.push(this.node(p, c, depth + 1));
        else if (this.keyEnd(p) !== -1) out.push(this.node(p, c, depth + 1));
        else out.push(this.inline(p, col, depth));
      }
      if (this.eof || this.marker || this.indent < col) return out;
      if (this.indent > col) throw outsideSubset;
      at = this.start + this.indent;
      if (!this.isEntry(at)) return out; // the next key of the mapping this sequence is a value of
    }
  }

  private mapping(at: number, col: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const colon = this.keyEnd(at);
      if (colon === -1) throw outsideSubset;
      const key = this.key(at, colon);
      const p = this.skipSpaces(colon + 1);
      let value: unknown;
      if (this.endOfContent(p)) {
        this.advance(this.nextLineStart(this.end));
        const here = this.start + this.indent;
        if (this.eof || this.marker || this.indent < col) value = this.empty();
        else if (this.indent > col) value = this.node(here, this.indent, depth + 1);
        else if (this.isEntry(here))
          value = this.node(here, col, depth + 1); // `key:` then `- item` at the key's indent
        else value = this.empty();
      } else {
        if (this.isEntry(p)) throw outsideSubset;
        value = this.inline(p, col, depth);
      }
      // yaml refuses a duplicate key (DUPLICATE_KEY): that is parseManifest's to report.
      if (Object.prototype.hasOwnProperty.call(out, key)) throw outsideSubset;
      // As yaml's toJS sets keys: a key the prototype chain knows (`__proto__`, `constructor`) becomes an own property.
      if (key in out) Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      else out[key] = value;
      if (this.eof || this.marker || this.indent < col) return out;
      if (this.indent > col) throw outsideSubset;
      at = this.start + this.indent;
      if (this.isEntry(at)) throw outsideSubset;
    }
  }

  /** An empty value (`key:` with nothing under it, a bare `-`): null, one character to the meter. */
  private empty(): null {
    this.count(1);
    return null;
  }

  /** A value on the same line as its key or dash, at `p`; moves to the next significant line after it. */
  private inline(p: number, parentCol: number, depth: number): unknown {
    const src = this.src;
    const c = src.charCodeAt(p);
    let value: unknown;
    let after: number;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const [text, close] = c === 34 ? this.doubleQuoted(p) : this.singleQuoted(p);
      after = close;
      value = text;
      this.count(Math.max(text.length, 1));
    } else if (c === 124 /* | */) {
      return this.literal(p, parentCol);
    } else if (c === 91 /* [ */) {
      if (depth + 1 > this.maxDepth) throw outsideSubset;
      [value, after] = this.flowSequence(p);
    } else if (c === 123 /* { */) {
      if (src.charCodeAt(p + 1) !== 125 || depth + 1 > this.maxDepth) throw outsideSubset;
      this.count(1);
      value = {};
      after = p + 2;
    } else {
      const end = this.plainEnd(p);
      const text = src.slice(p, end);
      value = resolvePlain(text);
      this.count(Math.max(typeof value === 'string' ? text.length : end - p, 1));
      after = end;
    }
    if (!this.endOfContent(this.skipSpaces(after))) throw outsideSubset;
    this.advance(this.nextLineStart(this.end));
    return value;
  }

  /**
   * A flow sequence of scalars on one line (`['sh', '-c', 'x']`, `[80, 443]`, `[]`): its values and the offset after
   * its `]`. Nested collections, pairs, empty entries and a trailing comma are left to yaml.
   */
  private flowSequence(p: number): [unknown[], number] {
    const src = this.src;
    const out: unknown[] = [];
    this.count(1);
    let i = this.skipSpaces(p + 1);
    if (src.charCodeAt(i) === 93 /* ] */) return [out, i + 1];
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 34 || c === 39) {
        const [text, close] = c === 34 ? this.doubleQuoted(i) : this.singleQuoted(i);
        out.push(text);
        this.count(Math.max(text.length, 1));
        i = close;
      } else {
        flowPlain.lastIndex = i;
        flowPlain.exec(src);
        const j = flowPlain.lastIndex;
        // A pair, a nested collection or a comment inside the brackets: yaml's to read.
        if (j >= this.end || !',]'.includes(src[j]!)) throw outsideSubset;
        let last = j;
        while (last > i && src.charCodeAt(last - 1) === SPACE) last--;
        if (last === i || '-?,]}&*!|>\'"%@`'.includes(src[i]!)) throw outsideSubset;
        const text = src.slice(i, last);
        const value = resolvePlain(text);
        out.push(value);
        this.count(Math.max(typeof value === 'string' ? text.length : last - i, 1));
        i = j;
      }
      i = this.skipSpaces(i);
      const next = src.charCodeAt(i);
      if (next === 93 /* ] */) return [out, i + 1];
      if (next !== 44 /* , */) throw outsideSubset;
      i = this.skipSpaces(i + 1);
      if (src.charCodeAt(i) === 93) throw outsideSubset; // a trailing comma
    }
  }

  /** Where a plain scalar at `p` ends (before trailing spaces and any comment); refuses what yaml reads otherwise. */
  private plainEnd(p: number): number {
    const src = this.src;
    const first = src[p]!;
    // Indicators that start something else (or an error) in yaml; a dash is plain only before a non-space (`-c`).
    if ('?:,]}#&*!>%@`'.includes(first)) throw outsideSubset;
    // Searched natively on the line: a regex loop over a long value overflows the regex engine's backtracking stack.
    const line = src.slice(p, this.end);
    const comment = line.indexOf(' #');
    const colon = line.indexOf(': ');
    // `a: b: c` is a mapping on one line, which yaml refuses in a value; `a: b:` too.
    if (colon !== -1 && (comment === -1 || colon < comment)) throw outsideSubset;
    let end = p + (comment === -1 ? line.length : comment);
    while (end > p && src.charCodeAt(end - 1) === SPACE) end--;
    if (src.charCodeAt(end - 1) === COLON) throw outsideSubset;
    return end;
  }

  /** The key before `colon`, as a string; keys that are not plain strings (numbers, `<<`, long keys) are left to yaml. */
  private key(at: number, colon: number): string {
    const src = this.src;
    const c = src.charCodeAt(at);
    let key: string;
    if (c === 34 || c === 39) {
      const [text, close] = c === 34 ? this.doubleQuoted(at) : this.singleQuoted(at);
      if (this.skipSpaces(close) !== colon) throw outsideSubset;
      key = text;
    } else {
      let end = colon;
      while (end > at && src.charCodeAt(end - 1) === SPACE) end--;
      key = src.slice(at, end);
      if (/^[-?:,[\]{}#&*!|>'"%@`]|[[\]{},]/.test(key) || typeof resolvePlain(key) !== 'string' || key === '<<') {
        throw outsideSubset;
      }
    }
    if (key.length > 1000) throw outsideSubset;
    this.count(Math.max(key.length, 1));
    return key;
  }

  /**
   * Where the `:` of an implicit key on this line is (followed by a space or the line's end), or -1 for no key. A
   * quoted key is skipped whole; a comment before any `:` means no key.
   */
  private keyEnd(at: number): number {
    const src = this.src;
    const c = src.charCodeAt(at);
    if (c === 34 || c === 39) {
      // The closing quote, then the colon; a quote that does not close on this line is left to yaml.
      const i = this.skipSpaces(c === 34 ? this.doubleQuoted(at)[1] : this.singleQuoted(at)[1]);
      return src.charCodeAt(i) === COLON && (i + 1 === this.end || src.charCodeAt(i + 1) === SPACE) ? i : -1;
    }
    // Searched natively (the first open of a big file runs this before the JIT compiles it), on the line only.
    const line = src.slice(at, this.end);
    const comment = line.indexOf(' #');
    for (let i = line.indexOf(':'); i !== -1 && (comment === -1 || i < comment); i = line.indexOf(':', i + 1)) {
      if (i + 1 === line.length || line.charCodeAt(i + 1) === SPACE) return at + i;
    }
    return -1;
  }

  /** A double-quoted scalar on one line: its value and the offset after its closing quote. */
  private doubleQuoted(p: number): [string, number] {
    const src = this.src;
    let out = '';
    let from = p + 1;
    for (;;) {
      doubleQuoteStop.lastIndex = from;
      const stop = doubleQuoteStop.exec(src);
      if (!stop || stop.index >= this.end) throw outsideSubset; // continues on the next line
      let i = stop.index;
      if (stop[0] === '"') return [out + src.slice(from, i), i + 1];
      out += src.slice(from, i);
      const next = src[i + 1] ?? '';
      const simple = escapes[next];
      if (simple !== undefined) {
        out += simple;
        i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + length);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) throw outsideSubset;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw outsideSubset;
        out += String.fromCodePoint(code);
        i += 1 + length;
      } else throw outsideSubset; // an escaped line break or an invalid escape
      from = i + 1;
    }
  }

  /** A single-quoted scalar on one line (`''` is a quote): its value and the offset after its closing quote. */
  private singleQuoted(p: number): [string, number] {
    const src = this.src;
    let out = '';
    let from = p + 1;
    for (;;) {
      const i = src.indexOf("'", from);
      if (i === -1 || i >= this.end) throw outsideSubset; // continues on the next line
      out += src.slice(from, i);
      if (src.charCodeAt(i + 1) !== 39) return [out, i + 1];
      out += "'";
      from = i + 2;
    }
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`) whose header is at `p`, inside a collection at column `parentCol`: its
   * lines at the indent of the first, up to the first less-indented line; leaves the reader on the line after it.
   */
  private literal(p: number, parentCol: number): string {
    const src = this.src;
    let q = p + 1;
    const chomp = src[q] === '-' || src[q] === '+' ? src[q++] : '';
    if (!this.endOfContent(this.skipSpaces(q)) || (q < this.end && src.charCodeAt(q) !== SPACE)) throw outsideSubset;
    const lines: string[] = [];
    let contentIndent = -1;
    let leadingBlank = 0; // widest blank line before the first content line
    let trailingBlank = 0;
    let line = this.nextLineStart(this.end);
    while (line < src.length) {
      let end = src.indexOf('\n', line);
      if (end === -1) end = src.length;
      const spaces = firstNonSpace(src, line, end) - line;
      const blank = line + spaces === end;
      if (blank) {
        if (contentIndent === -1) leadingBlank = Math.max(leadingBlank, spaces);
        else if (spaces > contentIndent) throw outsideSubset; // spaces that would be content
        lines.push('');
        trailingBlank++;
      } else {
        if (contentIndent === -1) {
          if (spaces <= parentCol || leadingBlank > spaces) throw outsideSubset; // empty, or a blank line too wide
          contentIndent = spaces;
        }
        if (spaces < contentIndent) break;
        lines.push(src.slice(line + contentIndent, end));
        trailingBlank = 0;
      }
      if (end === src.length) {
        // The text ends inside the scalar: keep-chomping at the very end is left to yaml.
        if (chomp === '+') throw outsideSubset;
        line = end;
        break;
      }
      line = end + 1;
    }
    if (contentIndent === -1) throw outsideSubset;
    const content = lines.slice(0, lines.length - trailingBlank).join('\n');
    const value = chomp === '-' ? content : chomp === '+' ? content + '\n'.repeat(trailingBlank + 1) : content + '\n';
    this.count(Math.max(value.length, 1));
    // The line that ended the scalar (or the end of the text) is where reading goes on.
    this.advance(line);
    return value;
  }

  /** Moves to the first significant line at or after `from` (the start of a line), or to the end. */
  private advance(from: number): void {
    const src = this.src;
    let line = from;
    while (line < src.length) {
      let end = src.indexOf('\n', line);
      if (end === -1) end = src.length;
      const i = firstNonSpace(src, line, end);
      if (i < end && src.charCodeAt(i) !== HASH) {
        this.start = line;
        this.end = end;
        this.indent = i - line;
        this.marker = false;
        if (i === line) {
          const c = src.charCodeAt(line);
          if (c === DASH && src.startsWith('---', line)) {
            // `---` alone (or before a comment) starts a document; `--- value` or `----` are left to yaml.
            const after = this.skipSpaces(line + 3);
            if (after === line + 3 && after !== end) throw outsideSubset;
            if (!this.endOfContent(after)) throw outsideSubset;
            this.marker = true;
          } else if (c === 46 /* . */ && src.startsWith('...', line)) throw outsideSubset;
          else if (c === 37 /* % */) throw outsideSubset;
        }
        return;
      }
      line = end + 1;
    }
    this.eof = true;
    this.marker = false;
    this.start = this.end = src.length;
    this.indent = 0;
  }

  private nextLineStart(end: number): number {
    return end + 1;
  }

  private skipSpaces(p: number): number {
    while (p < this.end && this.src.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** Nothing but a comment (after a space) or the line's end from `p`, which follows spaces or a token. */
  private endOfContent(p: number): boolean {
    if (p >= this.end) return true;
    return this.src.charCodeAt(p) === HASH && this.src.charCodeAt(p - 1) === SPACE;
  }

  /** A block sequence entry: a dash before a space or the line's end. */
  private isEntry(p: number): boolean {
    return this.src.charCodeAt(p) === DASH && (p + 1 >= this.end || this.src.charCodeAt(p + 1) === SPACE);
  }

  private count(n: number): void {
    this.written += n;
    if (this.written > this.maxWritten) throw outsideSubset;
  }
}

/** yaml's double-quote escapes that stand for one fixed character. */
const escapes: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * A plain scalar's value by YAML 1.2's core schema, in yaml's order of tests: null, bool, octal, decimal and hex
 * integers, then floats. Numbers yaml would refuse (beyond 2^53, infinite, NaN) are left to parseManifest's checks.
 */
function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most values start with a letter that begins no keyword: strings at once.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return text;
  } else if (c === 47 /* / */) return text;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  let n: number;
  if (/^0o[0-7]+$/.test(text)) n = parseInt(text.substring(2), 8);
  else if (/^[-+]?[0-9]+$/.test(text)) n = parseInt(text, 10);
  else if (/^0x[0-9a-fA-F]+$/.test(text)) n = parseInt(text.substring(2), 16);
  else if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) throw outsideSubset;
  else if (
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)
  )
    n = parseFloat(text);
  else return text;
  if (!Number.isFinite(n) || (Number.isInteger(n) && !Number.isSafeInteger(n))) throw outsideSubset;
  return n;
}
