// Exports a Pod as clean manifests: the Pod alone, or a Deployment plus a Service for its named ports, with the
// ConfigMaps it references; as separate files or one multi-document file.
import type { Container, Pod } from '../model';
import type { KubeObject } from './read';
import { isRecord } from './parse';
import { stripLayout } from './project';
import { writeObjects } from './write';
import { exportNoteText } from './export-notes';

export interface ExportFile {
  /** A file name without directories. */
  name: string;
  text: string;
}

export interface KubeExport {
  objects: KubeObject[];
  notes: string[];
}

export interface KubeExportOptions {
  as: 'pod' | 'deployment';
  replicas?: number;
  /** ConfigMaps that travel with the Pod (from its project file); only the referenced ones are exported. */
  configMaps?: readonly KubeObject[];
}

/** Metadata the API server sets; an exported manifest that carried them would be rejected or misleading. */
const serverMetadata = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'managedFields',
  'selfLink',
];

/** An object as it should leave Podwright: no layout annotation, no status, no server-set metadata. */
export function cleanObject<T extends object>(object: T): T {
  const clean = stripLayout(structuredClone(object)) as T & Record<string, unknown>;
  delete clean.status;
  if (isRecord(clean.metadata))
    for (const key of serverMetadata) delete (clean.metadata as Record<string, unknown>)[key];
  return clean;
}

/** The Pod as it should leave Podwright (cleanObject). */
export function cleanPod(pod: Pod): Pod {
  return cleanObject(pod);
}

function podName(pod: Pod): string {
  return typeof pod.metadata?.name === 'string' && pod.metadata.name !== '' ? pod.metadata.name : 'pod';
}

function containersOf(pod: Pod): Container[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].filter(isRecord) as Container[];
}

/** Names of the ConfigMaps a Pod reads, through volumes, projected volumes, env and envFrom. */
export function referencedConfigMaps(pod: Pod): string[] {
  const names = new Set<string>();
  for (const volume of pod.spec?.volumes ?? []) {
    if (volume.configMap?.name) names.add(volume.configMap.name);
    for (const source of volume.projected?.sources ?? []) if (source.configMap?.name) names.add(source.configMap.name);
  }
  for (const c of containersOf(pod)) {
    for (const env of c.env ?? [])
      if (env.valueFrom?.configMapKeyRef?.name) names.add(env.valueFrom.configMapKeyRef.name);
    for (const from of c.envFrom ?? []) if (from.configMapRef?.name) names.add(from.configMapRef.name);
  }
  return [...names];
}

export function exportKube(pod: Pod, options: KubeExportOptions): KubeExport {
  const clean = cleanPod(pod);
  const name = podName(clean);
  const notes: string[] = [];
  const objects: KubeObject[] = [];
  if (options.as === 'pod') {
    objects.push(clean as unknown as KubeObject);
  } else {
    const { deployment, service } = asDeployment(clean, name, options.replicas ?? 1, notes);
    objects.push(deployment);
    if (service) objects.push(service);
  }
  const wanted = referencedConfigMaps(clean);
  const available = new Map((options.configMaps ?? []).map((cm) => [nameOfObject(cm), cm]));
  for (const cmName of wanted) {
    const cm = available.get(cmName);
    if (cm) objects.push(stripLayout(structuredClone(cm)));
    else notes.push(exportNoteText('configMapMissing', { name: cmName }));
  }
  return { objects, notes };
}

function nameOfObject(obj: KubeObject): string | undefined {
  return isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : undefined;
}

function asDeployment(
  pod: Pod,
  name: string,
  replicas: number,
  notes: string[],
): { deployment: KubeObject; service?: KubeObject } {
  let labels = pod.metadata?.labels;
  if (!labels || Object.keys(labels).length === 0) {
    labels = { app: name };
    notes.push(exportNoteText('selectorMadeUp', { name }));
  }
  const templateMeta: Record<string, unknown> = { labels };
  if (pod.metadata?.annotations && Object.keys(pod.metadata.annotations).length > 0) {
    templateMeta.annotations = pod.metadata.annotations;
  }
  const spec = { ...pod.spec };
  if (spec.restartPolicy !== undefined && spec.restartPolicy !== 'Always') {
    notes.push(exportNoteText('restartAlways', { policy: spec.restartPolicy }));
    delete spec.restartPolicy;
  }
  const metadata: Record<string, unknown> = { name, labels };
  if (pod.metadata?.namespace) metadata.namespace = pod.metadata.namespace;
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: templateMeta, spec } },
  };
  const ports = containersOf(pod).flatMap((c) =>
    (c.ports ?? []).filter((p) => typeof p.name === 'string' && p.name !== ''),
  );
  if (ports.length === 0) {
    notes.push(exportNoteText('noNamedPort'));
    return { deployment };
  }
  const seen = new Set<string>();
  const servicePorts = ports.flatMap((p) => {
    if (seen.has(p.name!)) return [];
    seen.add(p.name!);
    return [{ name: p.name, port: p.containerPort, targetPort: p.name, protocol: p.protocol ?? 'TCP' }];
  });
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...metadata, labels },
    spec: { selector: labels, ports: servicePorts },
  };
  return { deployment, service };
}

/** Files for an export: one multi-document file, or one file per object named `<name>-<kind>.yaml`. */
export function exportFiles(objects: readonly KubeObject[], baseName: string, single: boolean): ExportFile[] {
  if (single) return [{ name: `${baseName}.yaml`, text: writeObjects(objects) }];
  const used = new Set<string>();
  return objects.map((obj) => {
    const kind = String(obj.kind ?? 'object').toLowerCase();
    let name = `${nameOfObject(obj) ?? baseName}-${kind}.yaml`;
    for (let i = 2; used.has(name); i++) name = `${nameOfObject(obj) ?? baseName}-${kind}-${i}.yaml`;
    used.add(name);
    return { name, text: writeObjects([obj]) };
  });
}
