// The Pods of a YAML or JSON text, for validation: the manifest parser reads it (with its limits against hostile
// input), and each document is taken as a Pod, noted as another kind, or reported as unreadable.
import type { Pod } from '../model/pod';
import { isRecord, parseManifest, type ManifestLimits, type ManifestProblemCode } from './parse';

/** Why the text (or one document of it) could not be read; 1-based line and column. */
export interface LoadError {
  code: ManifestProblemCode | 'no-kind';
  message: string;
  line: number;
  column: number;
  /** 0-based document index. */
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

/** Maps offsets to 1-based lines and columns with one pass over the text. */
function lineIndex(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Every Pod in the text, plus what could not be read. Never throws. */
export function loadPods(text: string, limits: Partial<ManifestLimits> = {}): LoadResult {
  const file = parseManifest(text, limits);
  const result: LoadResult = { pods: [], errors: file.problems.map((p) => ({ ...p })), notes: [] };
  const unreadable = new Set(file.problems.map((p) => p.document));
  const at = lineIndex(text);
  for (const { index, doc, value } of file.documents) {
    if (unreadable.has(index) || value === null || value === undefined) continue;
    const place = at(doc.contents?.range?.[0] ?? doc.range[0]);
    if (!isRecord(value)) {
      result.errors.push({
        code: 'not-an-object',
        message: 'a Kubernetes object must be a mapping',
        ...place,
        document: index,
      });
      continue;
    }
    const kind = value.kind;
    if (typeof kind !== 'string' || kind === '') {
      result.errors.push({ code: 'no-kind', message: "Object 'Kind' is missing", ...place, document: index });
      continue;
    }
    if (kind === 'Pod') result.pods.push({ index, pod: value as unknown as Pod, kind, line: place.line });
    else result.notes.push({ index, kind, message: `${kind} skipped: only Pods are validated`, line: place.line });
  }
  return result;
}
