// Reads Pods out of YAML or JSON text (multi-document), refusing hostile input before the YAML parser sees it.
import { isMap, LineCounter, parseAllDocuments } from 'yaml';
import type { Pod } from './pod';

export interface LoadLimits {
  /** Characters of text (UTF-16 units, about bytes for YAML). */
  maxLength: number;
  /** Nesting of collections; a Pod is about 12 deep. */
  maxDepth: number;
  /** Alias expansions per document: yaml's guard against "billion laughs". */
  maxAliasCount: number;
  maxDocuments: number;
}

export const defaultLoadLimits: LoadLimits = {
  maxLength: 10 * 1024 * 1024,
  maxDepth: 100,
  maxAliasCount: 100,
  maxDocuments: 1000,
};

/** Why the text (or one document of it) could not be read; 1-based line and column. */
export interface LoadError {
  code: 'too-large' | 'too-deep' | 'too-many-documents' | 'yaml' | 'aliases' | 'not-an-object' | 'no-kind';
  message: string;
  line: number;
  column: number;
  /** 0-based document index, when the problem belongs to one document. */
  document?: number;
}

export interface LoadedPod {
  /** 0-based index of the document in the file. */
  index: number;
  pod: Pod;
  kind: string;
  line: number;
}

export interface LoadNote {
  index: number;
  kind: string;
  message: string;
  line: number;
}

export interface LoadResult {
  pods: LoadedPod[];
  /** Problems that stop a document (or the whole text) from being read. */
  errors: LoadError[];
  /** Documents skipped on purpose (other kinds). */
  notes: LoadNote[];
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * An upper bound of the nesting depth, found in one linear pass without parsing: flow brackets outside quotes and
 * comments, plus the block indentation stack and compact "- " entries. It exists because yaml's own parser recurses
 * (a deep `[[[[...` overflows the stack or exhausts memory) before any depth check could run on its output.
 */
export function nestingDepthBound(text: string, stopAt: number): { depth: number; offset: number } {
  let flow = 0;
  let deepest = 0;
  const indents: number[] = [];
  let blockScalarIndent = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Start of a line: measure indentation.
    let indent = 0;
    while (i < n && text[i] === ' ') {
      indent++;
      i++;
    }
    const lineStart = i;
    if (i >= n) break;
    const blank = text[i] === '\n' || text[i] === '\r' || text[i] === '#';
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      while (i < n && text[i] !== '\n') i++;
      i++;
      continue;
    }
    blockScalarIndent = -1;
    let block = 0;
    if (!blank && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      block = indents.length;
      // Compact nested sequences ("- - - x") open a level each on one line.
      while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        block++;
        i += 2;
        while (i < n && text[i] === ' ') i++;
      }
      if (block > stopAt) return { depth: block, offset: i };
    }
    let last = '';
    let quote = '';
    for (; i < n && text[i] !== '\n'; i++) {
      const ch = text[i]!;
      if (quote) {
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        }
        continue;
      }
      const prev = i === lineStart ? ' ' : text[i - 1];
      if (ch === '#' && (prev === ' ' || prev === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      }
      const tokenStart = prev === ' ' || prev === '\t' || prev === '[' || prev === '{' || prev === ',';
      if ((ch === '"' || ch === "'") && tokenStart) quote = ch;
      else if (ch === '[' || ch === '{') flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (ch !== ' ' && ch !== '\t' && ch !== '\r') last = ch;
      const depth = indents.length + block + flow;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return { depth: deepest, offset: i };
    }
    // A block scalar header ("key: |", "- >-") makes the following, more indented lines plain text.
    if (
      flow === 0 &&
      /[|>][-+0-9]*$/.test(text.slice(Math.max(lineStart, i - 6), i).trimEnd()) &&
      (last === '|' || last === '>' || /[-+0-9]/.test(last))
    )
      blockScalarIndent = indent;
    deepest = Math.max(deepest, indents.length + block);
    if (deepest > stopAt) return { depth: deepest, offset: i };
    i++;
  }
  return { depth: deepest, offset: n };
}

/** Every Pod in the text, plus what could not be read. Never throws. */
export function loadPods(text: string, limits: LoadLimits = defaultLoadLimits): LoadResult {
  const result: LoadResult = { pods: [], errors: [], notes: [] };
  if (text.length > limits.maxLength) {
    result.errors.push({
      code: 'too-large',
      message: `the file is ${text.length} characters, over the limit of ${limits.maxLength}`,
      line: 1,
      column: 1,
    });
    return result;
  }
  const lineCounter = new LineCounter();
  const bound = nestingDepthBound(text, limits.maxDepth);
  if (bound.depth > limits.maxDepth) {
    // The scan stopped at the offending offset; count lines up to there only.
    const before = text.slice(0, bound.offset);
    const line = before.split('\n').length;
    const column = bound.offset - before.lastIndexOf('\n');
    result.errors.push({ code: 'too-deep', message: `nesting deeper than ${limits.maxDepth} levels`, line, column });
    return result;
  }
  let documents;
  try {
    documents = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: true,
      uniqueKeys: true,
    });
  } catch (err) {
    result.errors.push({ code: 'yaml', message: err instanceof Error ? err.message : String(err), line: 1, column: 1 });
    return result;
  }
  const list = Array.isArray(documents) ? documents : [documents];
  if (list.length > limits.maxDocuments) {
    result.errors.push({
      code: 'too-many-documents',
      message: `more than ${limits.maxDocuments} documents`,
      line: 1,
      column: 1,
    });
    return result;
  }
  list.forEach((doc, index) => {
    const start = position(lineCounter, doc.range?.[0] ?? 0);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = e.linePos?.[0];
        result.errors.push({
          code: 'yaml',
          message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
          line: pos?.line ?? start.line,
          column: pos?.col ?? start.column,
          document: index,
        });
      }
      return;
    }
    if (doc.contents === null) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const aliases = err instanceof ReferenceError || /alias/i.test(message);
      result.errors.push({ code: aliases ? 'aliases' : 'yaml', message, ...start, document: index });
      return;
    }
    if (value === null || value === undefined) return;
    const contentStart = position(lineCounter, doc.contents.range?.[0] ?? doc.range?.[0] ?? 0);
    if (!isMap(doc.contents) || typeof value !== 'object' || Array.isArray(value)) {
      result.errors.push({
        code: 'not-an-object',
        message: 'a Kubernetes object must be a mapping',
        ...contentStart,
        document: index,
      });
      return;
    }
    const object = value as Record<string, unknown>;
    const kind = object.kind;
    if (typeof kind !== 'string' || kind === '') {
      result.errors.push({ code: 'no-kind', message: "Object 'Kind' is missing", ...contentStart, document: index });
      return;
    }
    if (kind === 'Pod') result.pods.push({ index, pod: object as unknown as Pod, kind, line: contentStart.line });
    else
      result.notes.push({ index, kind, message: `${kind} skipped: only Pods are validated`, line: contentStart.line });
  });
  return result;
}
