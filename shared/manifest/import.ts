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
  object: KubeObject;
}

export interface SetAside {
  docIndex: number;
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
    const obj = value as KubeObject;
    const name = nameOf(obj);
    if (typeof obj.kind !== 'string' || obj.kind === '') {
      result.setAside.push({ docIndex: index, name, reason: 'it has no kind, so nothing can say what it is' });
      continue;
    }
    const kind = obj.kind;
    if (kind === 'Pod') {
      result.pods.push({
        docIndex: index,
        pod: structuredClone(obj) as unknown as Pod,
        from: { kind, name },
        path: [],
        notes: [],
      });
    } else if (kind === 'ConfigMap') {
      result.configMaps.push({ docIndex: index, object: obj });
    } else if (kind === 'Secret') {
      result.secrets.push({ docIndex: index, object: obj });
    } else if (kind in podTemplatePaths) {
      const path = podTemplatePaths[kind]!;
      const pod = podFromTemplate(obj, path);
      if (!pod) {
        result.setAside.push({
          docIndex: index,
          kind,
          name,
          reason: `this ${kind} has no Pod template at ${path.join('.')}`,
        });
        continue;
      }
      result.pods.push({
        docIndex: index,
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
        kind,
        name,
        reason: `Podwright designs Pods; this ${kind} is kept aside unchanged`,
      });
    }
  }
  return result;
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
