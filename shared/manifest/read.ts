// The one design reader: every way in (CLI validate/export/run/down, the app's Open, a YAML paste, pod.run) reads a
// design's text here, so every entrance sees the same Pods, the same notes and the same reader problems.
import type { Node } from 'yaml';
import type { Diagnostic, DiagnosticLocation, MessageParams } from '../model/diagnostic';
import type { Pod, Volume } from '../model/pod';
import { getIn, type ManifestPath } from './edit';
import { fieldSegments, locateField } from './field-path';
import { isRecord, parseManifest, type ManifestFile, type ManifestLimits } from './parse';
import { parseProblemCode, readerProblem } from './read-problems';

export type DesignFormat = 'kubernetes' | 'compose';

/** What is being read, and how: the caller (CLI, app, API) knows the file; the reader itself never touches files. */
export interface DesignSource {
  /** The file's name, or a label ('paste', 'the YAML panel'), used in messages. */
  name: string;
  /** Forced format; else detected from the text. */
  format?: DesignFormat;
  /** Side files the caller read for the format (Compose: `.env` and env_file paths, as written in the file). */
  files?: Readonly<Record<string, string>>;
  /** The environment for interpolation (Compose). */
  env?: Readonly<Record<string, string>>;
  compose?: {
    pods?: 'auto' | 'one' | 'per-service';
    profiles?: string[];
    volumes?: 'emptyDir' | 'pvc';
    /** The user's own grouping (service names per Pod), from the import dialog; wins over `pods`. */
    groups?: string[][];
    /** The Compose file's folder (absolute), for relative bind mounts; else the folder of `name` when it is absolute. */
    directory?: string;
  };
  limits?: Partial<ManifestLimits>;
}

/** Where a Pod of the design came from, so its problems point into the original file. */
export interface PodOrigin {
  /** 0-based document of the file. */
  document: number;
  /** 'Pod', or the workload kind whose Pod template it is. */
  kind: string;
  apiVersion?: string;
  /** The object's metadata.name. */
  name?: string;
  /** Where the Pod (template) object sits in the document: [] for a Pod, ['spec', 'template'] for a Deployment. */
  path: ManifestPath;
  /** The Pod template's field path inside its object ('' for a Pod, 'spec.template' for a Deployment). */
  fieldPrefix: string;
  /** Where the object itself sits in the document ([] unless it is an item of a List). */
  objectPath: ManifestPath;
}

export interface DesignPod {
  pod: Pod;
  origin: PodOrigin;
}

/** Every object that is not a Pod (template) itself: ConfigMaps, Secrets, Services, the workload wrappers. */
export interface DesignObject {
  document: number;
  path: ManifestPath;
  object: KubeObject;
}

export interface DesignNote {
  code: string;
  message: string;
  params?: MessageParams;
  document?: number;
  path?: string;
}

export interface DesignRead {
  format: DesignFormat;
  /** The source's name, for messages. */
  name: string;
  pods: DesignPod[];
  objects: DesignObject[];
  /** What the reader did that a user should know (a template taken from a workload, a claim made a volume). */
  notes: DesignNote[];
  /** Reader problems: the text or an object cannot be read as asked. */
  problems: Diagnostic[];
  /** Where a field path of the object at `objectPath` of `document` is in the text (1-based line and column). */
  locate(document: number, objectPath: ManifestPath, path: string): DiagnosticLocation | undefined;
}

export type KubeObject = Record<string, unknown> & { kind?: unknown; apiVersion?: unknown; metadata?: unknown };

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

/**
 * A reader for one format; the Kubernetes reader is below, others register theirs when their module loads (Compose:
 * shared/manifest/compose/read.ts, which the CLI's commands import with their input and the app loads when a Compose
 * file is first opened, so its first screen does not carry it).
 */
export type FormatReader = (text: string, source: DesignSource) => DesignRead;

const formatReaders: Partial<Record<DesignFormat, FormatReader>> = {};

/** Adds the reader of a format (called once by the format's module). */
export function registerFormat(format: DesignFormat, reader: FormatReader): void {
  formatReaders[format] = reader;
}

/**
 * A Compose file is a mapping with `services` and no `kind`; anything else is read as Kubernetes manifests (YAML or
 * JSON). The check reads only the top-level keys, so it costs nothing on a large manifest.
 */
export function detectFormat(text: string): DesignFormat {
  const topKeys = new Set<string>();
  for (const m of text.matchAll(/^(["']?)([A-Za-z_][\w-]*)\1\s*:/gm)) topKeys.add(m[2]!);
  return topKeys.has('services') && !topKeys.has('kind') && !topKeys.has('apiVersion') ? 'compose' : 'kubernetes';
}

/** Reads a design's text; never throws on bad input: problems say what could not be read and where. */
export function readDesign(text: string, source: DesignSource): DesignRead {
  const format = source.format ?? detectFormat(text);
  const reader = format === 'kubernetes' ? readKubernetes : formatReaders[format];
  if (!reader) {
    const read = readKubernetes('', source);
    read.format = format;
    read.problems.push(
      readerProblem('YAML_SYNTAX', `${source.name} looks like a ${format} file, which this build cannot read`, undefined),
    );
    return read;
  }
  return reader(text, source);
}

/** Kubernetes manifests: Pods as they are, workloads by their Pod template, Lists item by item, the rest kept. */
export function readKubernetes(text: string, source: DesignSource): DesignRead {
  const file = parseManifest(text, source.limits);
  const read: DesignRead = {
    format: 'kubernetes',
    name: source.name,
    pods: [],
    objects: [],
    notes: [],
    problems: [],
    locate: (document, objectPath, path) => locateIn(file, document, objectPath, path),
  };
  for (const p of file.problems) {
    read.problems.push(
      readerProblem(parseProblemCode(p.code), p.message, undefined, {
        at: { document: p.document, line: p.line, column: p.column },
      }),
    );
  }
  const broken = new Set(file.problems.map((p) => p.document));
  for (const { index, value } of file.documents) {
    if (broken.has(index) || value === null || value === undefined) continue;
    if (!isRecord(value)) {
      read.problems.push(
        readerProblem('OBJECT_NOT_A_MAPPING', 'a Kubernetes object must be a mapping', {}, {
          at: read.locate(index, [], ''),
        }),
      );
      continue;
    }
    take(read, value as KubeObject, index, []);
  }
  return read;
}

function locateIn(file: ManifestFile, document: number, objectPath: ManifestPath, path: string): DiagnosticLocation | undefined {
  const doc = file.documents.find((d) => d.index === document)?.doc;
  if (!doc) return undefined;
  const range = locateField(doc.contents as Node | null, [...objectPath, ...fieldSegments(path)]);
  if (!range) return undefined;
  const { line, column } = lineAndColumn(file.source, range.from);
  return { document, line, column };
}

/** 1-based line and column of an offset; linear, but only run for the problems a file has. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function nameOf(obj: KubeObject): string | undefined {
  const meta = obj.metadata;
  return isRecord(meta) && typeof meta.name === 'string' ? meta.name : undefined;
}

/** Sorts one object into the design; `base` is where it sits in its document (inside a List's items, say). */
function take(read: DesignRead, obj: KubeObject, document: number, base: ManifestPath): void {
  const at = (path: string): DiagnosticLocation | undefined => read.locate(document, base, path);
  if (obj.kind === 'List' && Array.isArray(obj.items)) {
    // `kubectl get -o yaml` wraps objects in a List; its items are read one by one.
    obj.items.forEach((item, i) => {
      if (isRecord(item)) take(read, item as KubeObject, document, [...base, 'items', i]);
      else
        read.problems.push(
          readerProblem('OBJECT_NOT_A_MAPPING', 'a Kubernetes object must be a mapping', {}, {
            path: `items[${i}]`,
            at: read.locate(document, base, `items[${i}]`),
          }),
        );
    });
    return;
  }
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const name = nameOf(obj);
  if (kind === '') {
    read.problems.push(readerProblem('OBJECT_KIND_MISSING', "Object 'Kind' is missing", {}, { path: 'kind', at: at('') }));
    return;
  }
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') {
    // kubectl refuses it, but the rest of the object is still read so every other mistake shows at once.
    read.problems.push(
      readerProblem('OBJECT_API_VERSION_MISSING', `${kind}: apiVersion is missing`, { kind }, { path: 'apiVersion', at: at('') }),
    );
  }
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
  if (kind === 'Pod') {
    read.pods.push({
      pod: structuredClone(obj) as unknown as Pod,
      origin: { document, kind, apiVersion, name, path: base, fieldPrefix: '', objectPath: base },
    });
    return;
  }
  read.objects.push({ document, path: base, object: obj });
  const templatePath = podTemplatePaths[kind];
  if (!templatePath) return;
  const fieldPrefix = templatePath.join('.');
  const pod = podFromTemplate(obj, templatePath);
  if (!pod) {
    const message = `${kind}${name ? ` "${name}"` : ''}: Required value: ${fieldPrefix}.spec (the Pod template)`;
    read.problems.push(
      readerProblem('WORKLOAD_TEMPLATE_MISSING', message, { kind, name: name ?? '', field: `${fieldPrefix}.spec` }, {
        path: `${fieldPrefix}.spec`,
        at: at(`${fieldPrefix}.spec`),
      }),
    );
    return;
  }
  read.pods.push({
    pod,
    origin: { document, kind, apiVersion, name, path: [...base, ...templatePath], fieldPrefix, objectPath: base },
  });
  read.notes.push({
    code: 'WORKLOAD_TEMPLATE',
    message: `Took the Pod template of ${kind} "${name ?? '(unnamed)'}" (document ${document + 1}); its ${workloadFields(kind)} are not part of a Pod.`,
    params: { kind, name: name ?? '', document: document + 1 },
    document,
    path: fieldPrefix,
  });
  if (kind === 'StatefulSet') claimTemplateVolumes(read, obj, pod, name ?? '', document, fieldPrefix);
}

function workloadFields(kind: string): string {
  switch (kind) {
    case 'Deployment':
      return 'replicas, selector and rollout strategy';
    case 'StatefulSet':
      return 'replicas, selector and service name';
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
  const template = getIn(obj, path);
  if (!isRecord(template) || !isRecord(template.spec)) return undefined;
  const copy = structuredClone(template);
  const owner = isRecord(obj.metadata) ? obj.metadata : {};
  const metadata: Record<string, unknown> = {};
  const name = (isRecord(copy.metadata) && copy.metadata.name) || owner.name;
  if (name !== undefined) metadata.name = name;
  if (owner.namespace !== undefined) metadata.namespace = owner.namespace;
  if (isRecord(copy.metadata)) Object.assign(metadata, copy.metadata, name !== undefined ? { name } : {});
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: copy.spec } as Pod;
}

/**
 * A StatefulSet's Pods mount volumes that its volumeClaimTemplates make: the claim of Pod N is
 * `<template>-<statefulset>-<N>`. The Pod taken from the template gets the claim of ordinal 0 as a volume, so it keeps
 * every mount it had (a Pod mounting a volume that does not exist is refused).
 */
function claimTemplateVolumes(read: DesignRead, obj: KubeObject, pod: Pod, setName: string, document: number, fieldPrefix: string): void {
  const templates = getIn(obj, ['spec', 'volumeClaimTemplates']);
  if (!Array.isArray(templates) || !pod.spec) return;
  const declared = new Set((Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []).map((v) => v?.name));
  const added: Volume[] = [];
  for (const t of templates) {
    const claim = isRecord(t) && isRecord(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : undefined;
    if (!claim || declared.has(claim)) continue;
    added.push({ name: claim, persistentVolumeClaim: { claimName: `${claim}-${setName}-0` } } as Volume);
  }
  if (added.length === 0) return;
  pod.spec.volumes = [...(Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []), ...added];
  read.notes.push({
    code: 'STATEFULSET_CLAIMS',
    message: `StatefulSet "${setName}" makes its volumes from volumeClaimTemplates; the Pod mounts the claims of ordinal 0 (${added
      .map((v) => v.persistentVolumeClaim!.claimName)
      .join(', ')}).`,
    params: { name: setName, claims: added.map((v) => v.persistentVolumeClaim!.claimName).join(', ') },
    document,
    path: `${fieldPrefix}.spec.volumes`,
  });
}
