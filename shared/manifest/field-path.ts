// Kubernetes field paths (`spec.containers[0].resources.limits[memory]`) as segments, and where one sits in YAML.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

export type FieldSegment = string | number;

/**
 * The segments of a field path as the API server writes them: `.name`, `[0]` for list items, and `[key]`, `['key']`
 * or `["key"]` for map keys that are not plain names (`limits[memory]`, `labels['app.kubernetes.io/name']`).
 */
export function fieldSegments(path: string): FieldSegment[] {
  const out: FieldSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === '[') {
      const close = closingBracket(path, i);
      const inner = path.slice(i + 1, close);
      const quoted = /^(['"])(.*)\1$/.exec(inner);
      if (quoted) out.push(quoted[2]!);
      else if (/^\d+$/.test(inner)) out.push(Number(inner));
      else out.push(inner);
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    out.push(path.slice(i, end));
    i = end;
  }
  return out;
}

/** The `]` that closes the bracket at `open`, skipping a quoted key that may itself hold `]`. */
function closingBracket(path: string, open: number): number {
  const quote = path[open + 1];
  if (quote === "'" || quote === '"') {
    const end = path.indexOf(`${quote}]`, open + 2);
    if (end !== -1) return end + 1;
  }
  const end = path.indexOf(']', open);
  return end === -1 ? path.length : end;
}

/** Joins a prefix and a path the way the API server nests them (`spec.template` + `spec.containers[0]`). */
export function joinFieldPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

export interface FieldRange {
  from: number;
  to: number;
  /** False when only a parent of the path exists (a field the problem wants added). */
  exact: boolean;
}

/**
 * Where `segments` point inside a YAML node: the `key: value` of the last key found (only the key line when the
 * value is a block), or the nearest existing parent when the path goes further than the text.
 */
export function locateField(root: Node | null | undefined, segments: readonly FieldSegment[]): FieldRange | undefined {
  let node: Node | null | undefined = root;
  let found: FieldRange | undefined = node?.range
    ? { from: node.range[0], to: node.range[1], exact: segments.length === 0 }
    : undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return found && { ...found, exact: false };
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const from = key.range?.[0] ?? found?.from ?? 0;
      const to = (last ? value?.range?.[1] : undefined) ?? key.range?.[1] ?? from;
      found = { from, to: last && value && isScalar(value) ? to : (key.range?.[1] ?? to), exact: last };
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item?.range) return found && { ...found, exact: false };
      found = { from: item.range[0], to: item.range[0], exact: last };
      node = item;
    } else {
      return found && { ...found, exact: false };
    }
  }
  return found;
}
