// Server-side apply's bookkeeping, small: which manager owns which fields (managedFields, FieldsV1), the conflicts an
// apply meets, and the merge of an applied configuration into the live object. Lists with merge keys (containers by
// name, ports by containerPort+protocol, ...) are merged item by item, as the real API server's schema says; every
// other list is atomic.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One step of a field path: a map key, or a list item picked by its merge keys. */
export type PathElement = { f: string } | { k: Record<string, Json> };
export type FieldPath = PathElement[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The merge keys of a list, from the names of the fields leading to it; undefined for an atomic list. */
export function listKeys(names: readonly string[]): string[] | undefined {
  const last = names[names.length - 1];
  const parent = names[names.length - 2];
  const inPodSpec = parent === 'spec' && (names.length === 2 || names[names.length - 3] === 'template');
  switch (last) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
      return inPodSpec ? ['name'] : undefined;
    case 'env':
      return ['name'];
    case 'volumeMounts':
      return ['mountPath'];
    case 'volumeDevices':
      return ['devicePath'];
    case 'hostAliases':
      return inPodSpec ? ['ip'] : undefined;
    case 'ports':
      // A container's ports, or a Service's.
      if (parent === 'spec' && !inPodSpec) return ['port', 'protocol'];
      return ['containerPort', 'protocol'];
    default:
      return undefined;
  }
}

/** The values of an item's merge keys; protocol defaults to TCP as the server's defaulting does before keying. */
function itemKey(item: JsonObject, keys: readonly string[]): Record<string, Json> {
  const key: Record<string, Json> = {};
  for (const k of keys) {
    const v = item[k];
    if (v !== undefined) key[k] = v;
    else if (k === 'protocol') key[k] = 'TCP';
  }
  return key;
}

function sameKey(a: Record<string, Json>, b: Record<string, Json>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function encodeElement(e: PathElement): string {
  return 'f' in e ? `f:${e.f}` : `k:${JSON.stringify(e.k)}`;
}

/** A path as one string (for sets); '.' closes an item that is owned as a whole (its presence). */
export function encodePath(path: FieldPath, self = false): string {
  return path.map(encodeElement).join('\u0000') + (self ? '\u0000.' : '');
}

export function decodePath(encoded: string): { path: FieldPath; self: boolean } {
  const parts = encoded.split('\u0000');
  const self = parts[parts.length - 1] === '.';
  if (self) parts.pop();
  return {
    self,
    path: parts.map((p) => (p.startsWith('f:') ? { f: p.slice(2) } : { k: JSON.parse(p.slice(2)) as Record<string, Json> })),
  };
}

/** The fields an applied configuration sets: every leaf, and every keyed list item as a whole. */
export function fieldSet(obj: JsonObject, skipTop: readonly string[] = ['apiVersion', 'kind']): Set<string> {
  const out = new Set<string>();
  const walk = (value: Json, path: FieldPath, names: string[]): void => {
    if (isObject(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, { f: k }], [...names, k]);
      return;
    }
    const keys = Array.isArray(value) ? listKeys(names) : undefined;
    if (Array.isArray(value) && keys) {
      for (const item of value) {
        if (!isObject(item)) continue;
        const at = [...path, { k: itemKey(item, keys) }];
        out.add(encodePath(at, true));
        for (const [k, v] of Object.entries(item)) walk(v, [...at, { f: k }], [...names, k]);
      }
      return;
    }
    out.add(encodePath(path));
  };
  for (const [k, v] of Object.entries(obj)) {
    if (skipTop.includes(k)) continue;
    if (k === 'metadata' && isObject(v)) {
      // Only labels and annotations of metadata are owned fields (name and namespace identify the object).
      for (const m of ['labels', 'annotations'] as const) if (isObject(v[m])) walk(v[m], [{ f: 'metadata' }, { f: m }], ['metadata', m]);
      continue;
    }
    if (k === 'status') continue;
    walk(v, [{ f: k }], [k]);
  }
  return out;
}

/** FieldsV1 (the managedFields wire form) of a set of paths. */
export function toFieldsV1(set: ReadonlySet<string>): JsonObject {
  const root: JsonObject = {};
  for (const encoded of [...set].sort()) {
    const { path, self } = decodePath(encoded);
    let node = root;
    for (const e of path) {
      const k = encodeElement(e);
      if (!isObject(node[k])) node[k] = {};
      node = node[k] as JsonObject;
    }
    if (self) node['.'] = {};
  }
  return root;
}

/** The value at a path, or undefined. */
export function valueAt(obj: Json | undefined, path: FieldPath): Json | undefined {
  let node: Json | undefined = obj;
  const names: string[] = [];
  for (const e of path) {
    if ('f' in e) {
      if (!isObject(node)) return undefined;
      node = node[e.f];
      names.push(e.f);
    } else {
      if (!Array.isArray(node)) return undefined;
      const keys = Object.keys(e.k);
      node = node.find((item) => isObject(item) && sameKey(itemKey(item, keys), e.k));
    }
  }
  return node;
}

/** Removes the field (or list item) at a path; parents left empty stay, as the server leaves them. */
export function removeAt(obj: JsonObject, path: FieldPath): void {
  let node: Json = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const next = valueAt(node, [path[i]!]);
    if (next === undefined) return;
    node = next;
  }
  const last = path[path.length - 1]!;
  if ('f' in last) {
    if (isObject(node)) delete node[last.f];
    return;
  }
  if (Array.isArray(node)) {
    const keys = Object.keys(last.k);
    const at = node.findIndex((item) => isObject(item) && sameKey(itemKey(item, keys), last.k));
    if (at >= 0) node.splice(at, 1);
  }
}

/** Merges an applied configuration into the live object: maps key by key, keyed lists item by item, the rest replaced. */
export function mergeApplied(live: JsonObject, applied: JsonObject, names: string[] = []): JsonObject {
  const out: JsonObject = { ...live };
  for (const [k, v] of Object.entries(applied)) {
    const here = [...names, k];
    const before = out[k];
    if (isObject(v) && isObject(before)) out[k] = mergeApplied(before, v, here);
    else if (Array.isArray(v) && Array.isArray(before) && listKeys(here)) {
      const keys = listKeys(here)!;
      const merged: Json[] = before.map((item) => structuredClone(item));
      for (const item of v) {
        if (!isObject(item)) continue;
        const key = itemKey(item, keys);
        const at = merged.findIndex((m) => isObject(m) && sameKey(itemKey(m, keys), key));
        if (at >= 0) merged[at] = mergeApplied(merged[at] as JsonObject, item, here);
        else merged.push(structuredClone(item));
      }
      out[k] = merged;
    } else out[k] = structuredClone(v);
  }
  return out;
}

/** A path as the API server writes it in a conflict: `.spec.containers[name="api"].image`. */
export function describePath(encoded: string): string {
  const { path } = decodePath(encoded);
  return path.map((e) => ('f' in e ? `.${e.f}` : `[${Object.entries(e.k).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`)).join('');
}

/** JSON with object keys sorted, so two objects compare equal whatever order their keys were written in. */
export function canonical(value: Json | undefined): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}
