// The stand-in's etcd: objects by kind, namespace and name; one resourceVersion counter; a bounded history of changes
// that watches resume from (older than the history is `410 Gone`, as a compacted etcd answers); and who manages which
// fields of each object.
import { randomUUID } from 'node:crypto';
import { isObject, toFieldsV1, type JsonObject } from './fields';
import { apiVersionOf, type ResourceType } from './resources';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  rv: number;
  type: WatchEventType;
  resource: ResourceType;
  object: JsonObject;
}

export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fields: Set<string>;
  subresource?: string;
}

interface Stored {
  resource: ResourceType;
  object: JsonObject;
  managers: ManagerEntry[];
}

export interface Selectors {
  labelSelector?: string;
  fieldSelector?: string;
}

export type ChangeListener = (change: Change) => void;

const keyOf = (resource: ResourceType, namespace: string | undefined, name: string): string =>
  `${resource.group}/${resource.resource}/${namespace ?? ''}/${name}`;

export function metaOf(obj: JsonObject): JsonObject {
  if (!isObject(obj.metadata)) obj.metadata = {};
  return obj.metadata as JsonObject;
}

export function labelsOf(obj: JsonObject): Record<string, string> {
  const labels = metaOf(obj).labels;
  return isObject(labels) ? (labels as Record<string, string>) : {};
}

/** Parses an equality-based label selector: `a=b,c!=d,e,!f`. Set-based (`in`, `notin`) is refused as unsupported. */
export function parseLabelSelector(selector: string): ((labels: Record<string, string>) => boolean) | Error {
  const tests: ((l: Record<string, string>) => boolean)[] = [];
  for (const raw of selector.split(',')) {
    const term = raw.trim();
    if (term === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)$/.exec(term))) {
      const [, k, op, v] = m as unknown as [string, string, string, string];
      tests.push(op === '!=' ? (l) => l[k] !== v : (l) => l[k] === v);
    } else if ((m = /^!([A-Za-z0-9./_-]+)$/.exec(term))) {
      const k = m[1]!;
      tests.push((l) => !(k in l));
    } else if ((m = /^([A-Za-z0-9./_-]+)$/.exec(term))) {
      const k = m[1]!;
      tests.push((l) => k in l);
    } else return new Error(`unable to parse requirement: ${term}`);
  }
  return (labels) => tests.every((t) => t(labels));
}

/** Field selectors the stand-in knows: metadata.name, metadata.namespace, and a Pod's spec.nodeName / status.phase. */
export function parseFieldSelector(selector: string): ((obj: JsonObject) => boolean) | Error {
  const tests: ((o: JsonObject) => boolean)[] = [];
  for (const raw of selector.split(',')) {
    const term = raw.trim();
    if (term === '') continue;
    const m = /^([a-zA-Z.]+)(==|=|!=)(.*)$/.exec(term);
    if (!m) return new Error(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field, op, value] = m as unknown as [string, string, string, string];
    const read = fieldReaders[field];
    if (!read) return new Error(`field label not supported: ${field}`);
    tests.push(op === '!=' ? (o) => read(o) !== value : (o) => read(o) === value);
  }
  return (obj) => tests.every((t) => t(obj));
}

const fieldReaders: Record<string, (o: JsonObject) => string> = {
  'metadata.name': (o) => String(metaOf(o).name ?? ''),
  'metadata.namespace': (o) => String(metaOf(o).namespace ?? ''),
  'spec.nodeName': (o) => String((isObject(o.spec) && o.spec.nodeName) || ''),
  'status.phase': (o) => String((isObject(o.status) && o.status.phase) || ''),
};

export function matcher(selectors: Selectors): ((obj: JsonObject) => boolean) | Error {
  const labels = selectors.labelSelector ? parseLabelSelector(selectors.labelSelector) : () => true;
  if (labels instanceof Error) return labels;
  const fields = selectors.fieldSelector ? parseFieldSelector(selectors.fieldSelector) : () => true;
  if (fields instanceof Error) return fields;
  return (obj) => labels(labelsOf(obj)) && fields(obj);
}

export class Store {
  private rv = 100;
  private readonly objects = new Map<string, Stored>();
  private history: Change[] = [];
  /** Changes at or below this resourceVersion have left the history. */
  private compactedAt = 100;
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly historyLimit = 2000) {}

  get resourceVersion(): number {
    return this.rv;
  }

  get oldestResumable(): number {
    return this.compactedAt;
  }

  /** Forgets the history up to now: a watch from an earlier resourceVersion then gets 410 Gone. */
  compact(): void {
    this.history = [];
    this.compactedAt = this.rv;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The changes after `rv`, or undefined when some of them have left the history. */
  changesSince(rv: number): Change[] | undefined {
    if (rv < this.compactedAt) return undefined;
    return this.history.filter((c) => c.rv > rv);
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): JsonObject | undefined {
    const stored = this.objects.get(keyOf(resource, namespace, name));
    return stored ? this.render(stored) : undefined;
  }

  managersOf(resource: ResourceType, namespace: string | undefined, name: string): ManagerEntry[] {
    return this.objects.get(keyOf(resource, namespace, name))?.managers ?? [];
  }

  list(resource: ResourceType, namespace: string | undefined, match: (obj: JsonObject) => boolean = () => true): JsonObject[] {
    const out: JsonObject[] = [];
    for (const stored of this.objects.values()) {
      if (stored.resource !== resource) continue;
      if (namespace !== undefined && metaOf(stored.object).namespace !== namespace) continue;
      if (match(stored.object)) out.push(this.render(stored));
    }
    return out.sort((a, b) => `${metaOf(a).namespace}/${metaOf(a).name}`.localeCompare(`${metaOf(b).namespace}/${metaOf(b).name}`));
  }

  /** Writes a new or changed object (its resourceVersion is set here) and tells the watches. */
  put(resource: ResourceType, object: JsonObject, managers?: ManagerEntry[]): JsonObject {
    const meta = metaOf(object);
    const name = String(meta.name);
    const namespace = resource.namespaced ? String(meta.namespace) : undefined;
    const key = keyOf(resource, namespace, name);
    const before = this.objects.get(key);
    this.rv++;
    object.apiVersion = apiVersionOf(resource);
    object.kind = resource.kind;
    if (!before) {
      meta.uid ??= randomUUID();
      meta.creationTimestamp ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    }
    meta.resourceVersion = String(this.rv);
    delete meta.managedFields;
    const stored: Stored = { resource, object, managers: managers ?? before?.managers ?? [] };
    this.objects.set(key, stored);
    this.record({ rv: this.rv, type: before ? 'MODIFIED' : 'ADDED', resource, object: this.render(stored) });
    return this.render(stored);
  }

  /** Removes an object for good (after any grace), telling the watches. */
  remove(resource: ResourceType, namespace: string | undefined, name: string): JsonObject | undefined {
    const key = keyOf(resource, namespace, name);
    const stored = this.objects.get(key);
    if (!stored) return undefined;
    this.objects.delete(key);
    this.rv++;
    metaOf(stored.object).resourceVersion = String(this.rv);
    const last = this.render(stored);
    this.record({ rv: this.rv, type: 'DELETED', resource, object: last });
    return last;
  }

  private record(change: Change): void {
    this.history.push(change);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compactedAt = dropped[dropped.length - 1]!.rv;
    }
    for (const listener of this.listeners) listener(change);
  }

  /** A copy of the object with its managedFields written out, as the server returns it. */
  private render(stored: Stored): JsonObject {
    const copy = structuredClone(stored.object);
    if (stored.managers.length > 0) {
      metaOf(copy).managedFields = stored.managers.map((m) => ({
        manager: m.manager,
        operation: m.operation,
        apiVersion: m.apiVersion,
        time: m.time,
        fieldsType: 'FieldsV1',
        fieldsV1: toFieldsV1(m.fields),
        ...(m.subresource ? { subresource: m.subresource } : {}),
      }));
    }
    return copy;
  }
}
