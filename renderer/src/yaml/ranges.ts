// Finds where a Kubernetes field path sits in YAML text, so diagnostics become editor markers on the right lines.
import type { Node } from 'yaml';
import { fieldSegments, locateField, type FieldRange } from '../../../shared/manifest/field-path';
import { parseManifest } from '../../../shared/manifest/parse';

export type TextRange = FieldRange;

/** Ranges for many paths in one parse of `text`; a path that points nowhere maps to the nearest existing parent. */
export function rangesOfPaths(text: string, paths: readonly string[]): (TextRange | undefined)[] {
  // The text is the user's (typed or pasted): read with the manifest limits on size, depth and aliases like any other.
  const file = parseManifest(text);
  const doc = file.documents[0]?.doc;
  if (file.problems.length > 0 || !doc) return paths.map(() => undefined);
  return paths.map((path) => locateField(doc.contents as Node | null, fieldSegments(path)));
}
