// Export of a design as clean manifests, the one function behind the app's export and `podwright export`: the Pod
// alone, the Deployment + Services as drawn (a wrapped Pod's Deployment with its replicas and selector, the Services
// whose selector edge reaches the Pod), or a Compose file; as one file or one file per object.
import type { KubeObject } from '../manifest/import';
import { exportFiles, exportKube, type ExportFile } from '../manifest/export';
import { toCompose } from '../manifest/compose-export';
import { isRecord } from '../manifest/parse';
import { stripLayout } from '../manifest/project';
import type { Design } from './design';
import type { CanvasDocument } from './document';
import { deploymentOf } from './workloads/deployment';
import { selectedPods, serviceName, servicesOf } from './workloads/services';

export type ExportKind = 'pod' | 'deployment' | 'compose';

export interface DesignExportOptions {
  as: ExportKind;
  /** Which Pod, by name; the first when left out (with a note when there are several). */
  pod?: string;
  /** Replaces the drawn replica count (the CLI's --replicas); a bare Pod's Deployment has 1 without it. */
  replicas?: number;
  /** One multi-document file instead of one file per object. */
  single: boolean;
  /** The infra (pause) image for Compose. */
  infraImage: string;
  /** The file name (without `.yaml`) when the Pod has no name. */
  baseName: string;
}

export type DesignExport = { ok: true; files: ExportFile[]; notes: string[] } | { ok: false; error: string };

/** Metadata the API server sets; an exported object carrying them would be refused or misleading. */
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
function cleanObject(object: KubeObject): KubeObject {
  const clean = stripLayout(structuredClone(object));
  delete clean.status;
  if (isRecord(clean.metadata)) for (const key of serverMetadata) delete clean.metadata[key];
  return clean;
}

function nameOf(doc: CanvasDocument): string | undefined {
  const name = doc.pod.metadata?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** exportKube's remark for a Pod without named ports; a drawn export takes the Services that were drawn instead. */
const noServiceNote = 'No container port has a name';

/** The Deployment and Services that were drawn for the Pod at design index `index`, with notes on what was left out. */
function drawnObjects(design: Design, index: number, replicas: number | undefined, notes: string[]): KubeObject[] {
  const doc = design.pods[index]!;
  const objects: KubeObject[] = [];
  const drawn = deploymentOf(doc);
  if (drawn) {
    const deployment = cleanObject(drawn);
    if (replicas !== undefined) (deployment.spec as Record<string, unknown>).replicas = replicas;
    objects.push(deployment);
  } else {
    // A bare Pod with Services drawn around it: the Deployment the CLI has always made for it.
    const made = exportKube(doc.pod, { as: 'deployment', replicas: replicas ?? 1 });
    objects.push(made.objects[0]!);
    notes.push(...made.notes.filter((n) => !n.startsWith(noServiceNote)));
  }
  const pods = design.pods.map((d) => d.pod);
  for (const { service } of servicesOf(design.companions)) {
    if (selectedPods(service, pods).includes(index)) objects.push(cleanObject(service));
    else notes.push(`Service "${serviceName(service)}" does not select this Pod, so it was not exported with it.`);
  }
  if (objects.length === 1) notes.push('No Service selects this Pod on the canvas, so none was exported.');
  return objects;
}

/**
 * The files for an export of one Pod of `design`. "deployment" writes what is drawn: the Pod's Deployment (or a new
 * one of `replicas`, default 1, when the Pod is bare) and every Service of the design that selects the Pod, then the
 * ConfigMaps the Pod reads. A design with neither a Deployment nor a Service gets a Deployment and a Service for the
 * Pod's named ports, as `podwright export --as deployment` has always written.
 */
export function exportFromDesign(design: Design, options: DesignExportOptions): DesignExport {
  const notes: string[] = [];
  const index = options.pod === undefined ? 0 : design.pods.findIndex((d) => nameOf(d) === options.pod);
  const doc = design.pods[index];
  if (!doc) {
    const names = design.pods.map((d) => nameOf(d) ?? '').join(', ');
    return { ok: false, error: `no Pod named ${options.pod} (the design has: ${names})` };
  }
  if (options.pod === undefined && design.pods.length > 1)
    notes.push(
      `The design holds ${design.pods.length} Pods; exporting the first, "${nameOf(doc) ?? ''}" (choose with --pod).`,
    );
  const name = nameOf(doc) ?? options.baseName;
  if (options.as === 'compose') {
    const compose = toCompose(doc.pod, { infraImage: options.infraImage });
    return { ok: true, files: [{ name: 'compose.yaml', text: compose.text }], notes: [...notes, ...compose.notes] };
  }
  const configMaps = design.companions.filter((o) => o.kind === 'ConfigMap');
  const drawn = options.as === 'deployment' && (doc.workload !== undefined || servicesOf(design.companions).length > 0);
  if (!drawn) {
    const kube = exportKube(doc.pod, { as: options.as, replicas: options.replicas ?? 1, configMaps });
    return { ok: true, files: exportFiles(kube.objects, name, options.single), notes: [...notes, ...kube.notes] };
  }
  const objects = drawnObjects(design, index, options.replicas, notes);
  // The ConfigMaps the Pod reads, as the Pod export finds them (everything after the Pod itself).
  const withPod = exportKube(doc.pod, { as: 'pod', configMaps });
  objects.push(...withPod.objects.slice(1));
  notes.push(...withPod.notes);
  return { ok: true, files: exportFiles(objects, name, options.single), notes };
}
