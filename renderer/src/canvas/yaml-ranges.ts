// Finds where a Kubernetes field path sits in YAML text, so diagnostics become editor markers on the right lines.
import { parseDocument, type Node } from 'yaml';
import { fieldSegments, locateField, type FieldRange } from '../../../shared/manifest/field-path';

export type TextRange = FieldRange;

/** Ranges for many paths in one parse of `text`; a path that points nowhere maps to the nearest existing parent. */
export function rangesOfPaths(text: string, paths: readonly string[]): (TextRange | undefined)[] {
  let doc;
  try {
    doc = parseDocument(text, { keepSourceTokens: false });
  } catch {
    return paths.map(() => undefined);
  }
  if (doc.errors.length > 0) return paths.map(() => undefined);
  return paths.map((path) => locateField(doc.contents as Node | null, fieldSegments(path)));
}
