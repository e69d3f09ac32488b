// Finds where a Kubernetes field path sits in YAML text, so diagnostics become editor markers on the right lines.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { pathSegments } from '../../../shared/design';
import { parseManifest } from '../../../shared/manifest/parse';

export interface TextRange {
  from: number;
  to: number;
  /** False when only a parent of the path exists (say, a field the rule wants added). */
  exact: boolean;
}

/** Ranges for many paths in one parse of `text`; a path that points nowhere maps to the nearest existing parent. */
export function rangesOfPaths(text: string, paths: readonly string[]): (TextRange | undefined)[] {
  // The text is the user's (typed or pasted): read with the manifest limits on size, depth and aliases like any other.
  const file = parseManifest(text);
  const doc = file.documents[0]?.doc;
  if (file.problems.length > 0 || !doc) return paths.map(() => undefined);
  return paths.map((path) => rangeIn(doc.contents as Node | null, pathSegments(path)));
}

function rangeIn(root: Node | null, segments: (string | number)[]): TextRange | undefined {
  let node: Node | null = root;
  let found: TextRange | undefined = node?.range
    ? { from: node.range[0], to: node.range[1], exact: segments.length === 0 }
    : undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return found && { ...found, exact: false };
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const last = i === segments.length - 1;
      const from = key.range?.[0] ?? found?.from ?? 0;
      const to = (last ? value?.range?.[1] : undefined) ?? key.range?.[1] ?? from;
      // The marker covers "key: value" on its line, not the whole block below it.
      found = { from, to: last && value && isScalar(value) ? to : (key.range?.[1] ?? to), exact: last };
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item?.range) return found && { ...found, exact: false };
      found = { from: item.range[0], to: item.range[0], exact: i === segments.length - 1 };
      node = item;
    } else {
      return found && { ...found, exact: false };
    }
  }
  return found;
}
