// Imports any multi-document manifest: Pods as they are, workloads by their Pod template, ConfigMaps and Secrets as
// companions, and everything else listed and kept aside (never dropped without a word).
import type { Pod } from '../model';
import type { ManifestPath } from './edit';
import { isRecord, parseManifest, type ManifestFile, type ManifestProblem } from './parse';

export type KubeObject = Record<string, unknown> & { kind?: unknown; apiVersion?: unknown; metadata?: unknown };

export interface ImportedPod {
  docIndex: number;
  pod: Pod;
  /** The object the Pod came from: the Pod itself, or the workload whose template it is. */
  from: { kind: string; name?: string };
  /** Where the Pod (template) sits in the document, for editing it in place. */
  path: ManifestPath;
  notes: string[];
}

export interface Companion {
  docIndex: number;
  /** Set when the object sits inside a List document. */
  path?: ManifestPath;
  object: KubeObject;
}

export interface SetAside {
  docIndex: number;
  path?: ManifestPath;
  kind?: string;
  name?: string;
  reason: string;
}

export interface ImportResult {
  pods: ImportedPod[];
  configMaps: Companion[];
  secrets: Companion[];
  setAside: SetAside[];
  problems: readonly ManifestProblem[];
}

/** Where each workload kind keeps its Pod template. */
export const podTemplatePaths: Readonly<Record<string, ManifestPath>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

function nameOf(obj: KubeObject): string | undefined {
  const meta = obj.metadata;
  return isRecord(meta) && typeof meta.name === 'string' ? meta.name : undefined;
}

export function importManifest(input: string | ManifestFile): ImportResult {
  const file = typeof input === 'string' ? parseManifest(input) : input;
  const result: ImportResult = { pods: [], configMaps: [], secrets: [], setAside: [], problems: file.problems };
  const broken = new Set(file.problems.map((p) => p.document));
  for (const { index, value } of file.documents) {
    if (broken.has(index)) {
      result.setAside.push({ docIndex: index, reason: 'the document has errors (see problems)' });
      continue;
    }
    if (value === null) continue;
    if (!isRecord(value)) {
      result.setAside.push({ docIndex: index, reason: 'not a Kubernetes object (a mapping with apiVersion and kind)' });
      continue;
    }
    take(result, value as KubeObject, index, []);
  }
  return result;
}

/** Sorts one object into the result; `base` is its path inside the document (inside a List's items, say). */
function take(result: ImportResult, obj: KubeObject, index: number, base: ManifestPath): void {
  const at = base.length > 0 ? { path: base } : {};
  if (obj.kind === 'List' && Array.isArray(obj.items)) {
    // `kubectl get -o yaml` wraps objects in a List; its items are taken one by one.
    obj.items.forEach((item, i) => {
      if (isRecord(item)) take(result, item as KubeObject, index, [...base, 'items', i]);
      else
        result.setAside.push({
          docIndex: index,
          path: [...base, 'items', i],
          reason: 'a List item that is not an object',
        });
    });
    return;
  }
  const name = nameOf(obj);
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    result.setAside.push({ docIndex: index, ...at, name, reason: 'it has no kind, so nothing can say what it is' });
    return;
  }
  const kind = obj.kind;
  if (kind === 'Pod') {
    result.pods.push({
      docIndex: index,
      ...at,
      pod: structuredClone(obj) as unknown as Pod,
      from: { kind, name },
      path: base,
      notes: [],
    });
  } else if (kind === 'ConfigMap') {
    result.configMaps.push({ docIndex: index, ...at, object: obj });
  } else if (kind === 'Secret') {
    result.secrets.push({ docIndex: index, ...at, object: obj });
  } else if (kind in podTemplatePaths) {
    const path = [...base, ...podTemplatePaths[kind]!];
    const pod = podFromTemplate(obj, podTemplatePaths[kind]!);
    if (!pod) {
      result.setAside.push({
        docIndex: index,
        ...at,
        kind,
        name,
        reason: `this ${kind} has no Pod template at ${path.join('.')}`,
      });
      return;
    }
    result.pods.push({
      docIndex: index,
      ...at,
      pod,
      from: { kind, name },
      path,
      notes: [
        `Took the Pod template of ${kind} "${name ?? '(unnamed)'}" (document ${index + 1}). ` +
          `Its ${workloadFields(kind)} are not part of a Pod; they stay in the source file and are not exported with the Pod.`,
      ],
    });
  } else {
    result.setAside.push({
      docIndex: index,
      ...at,
      kind,
      name,
      reason: `Podwright designs Pods; this ${kind} is kept aside unchanged`,
    });
  }
}

function workloadFields(kind: string): string {
  switch (kind) {
    case 'Deployment':
      return 'replicas, selector and rollout strategy';
    case 'StatefulSet':
      return 'replicas, selector, service name and volume claim templates';
    case 'DaemonSet':
      return 'selector and update strategy';
    case 'Job':
      return 'completions, parallelism and backoff limit';
    case 'CronJob':
      return 'schedule and Job settings';
    default:
      return 'replicas and selector';
  }
}

function podFromTemplate(obj: KubeObject, path: ManifestPath): Pod | undefined {
  let cur: unknown = obj;
  for (const seg of path) cur = isRecord(cur) ? cur[String(seg)] : undefined;
  if (!isRecord(cur) || !isRecord(cur.spec)) return undefined;
  const template = structuredClone(cur);
  const owner = isRecord(obj.metadata) ? obj.metadata : {};
  const metadata: Record<string, unknown> = {};
  const name = (isRecord(template.metadata) && template.metadata.name) || owner.name;
  if (name !== undefined) metadata.name = name;
  if (owner.namespace !== undefined) metadata.namespace = owner.namespace;
  if (isRecord(template.metadata)) Object.assign(metadata, template.metadata, name !== undefined ? { name } : {});
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec } as Pod;
}
