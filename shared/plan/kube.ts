// The cluster plan: pure functions from a design (its Pod, the Deployment around it if drawn, its Services, and the
// ConfigMaps and Secrets it reads) to the objects Podwright applies to a cluster, in order, each labelled as
// Podwright's and with the design's id. The Kubernetes engine applies exactly these and deletes exactly these on Down.
import { referencedObjects } from '../design/design';
import { exportKube, exportNoteText, isRecord, stripLayout, type KubeObject } from '../manifest';
import type { Pod } from '../model';
import { Labels } from '../model/labels';

/** The label every object Podwright applies carries, as the Kubernetes convention names the tool managing it. */
export const MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGER = 'podwright';

/** The field manager of Podwright's server-side applies. */
export const FIELD_MANAGER = 'podwright';

export type ClusterWorkload = 'pod' | 'deployment';

/** A design as the cluster engine takes it, from the documents the UI or the CLI sends. */
export interface ClusterDesign {
  pod: Pod;
  /** The Deployment drawn around the Pod (its template is the Pod). */
  deployment?: KubeObject;
  services: KubeObject[];
  configMaps: KubeObject[];
  secrets: KubeObject[];
}

export interface ClusterPlanOptions {
  namespace: string;
  /** The design id (a label value). */
  design: string;
  /** Run as a bare Pod or as a Deployment; default: a Deployment when one is drawn, else the Pod. */
  as?: ClusterWorkload;
  /** Replicas of the Deployment; default: the drawn Deployment's, else 1. */
  replicas?: number;
}

export interface PlannedObject {
  apiVersion: string;
  kind: string;
  /** The API's plural resource name (pods, deployments, services, ...). */
  resource: string;
  namespace: string;
  name: string;
  /** What is applied. */
  body: KubeObject;
  /** Where the Pod spec sits in this object ('' for a Pod, 'spec.template' for a Deployment), for mapping causes. */
  podPrefix?: string;
}

export interface ClusterPlan {
  namespace: string;
  design: string;
  /** The Pod's name, also the Deployment's: what the UI, `ps` and `down` call the run. */
  name: string;
  as: ClusterWorkload;
  replicas: number;
  /** In apply order: ConfigMaps, Secrets, Services, then the Pod or Deployment. Down deletes in reverse. */
  objects: PlannedObject[];
  /** Label selector of every object this run applies (and of its Pods). */
  selector: string;
  /** What the plan changed or could not carry, in words. */
  notes: string[];
}

export const resources: Record<string, { apiVersion: string; resource: string }> = {
  Pod: { apiVersion: 'v1', resource: 'pods' },
  Deployment: { apiVersion: 'apps/v1', resource: 'deployments' },
  Service: { apiVersion: 'v1', resource: 'services' },
  ConfigMap: { apiVersion: 'v1', resource: 'configmaps' },
  Secret: { apiVersion: 'v1', resource: 'secrets' },
};

/** The kinds Podwright applies, in the order Down deletes them (the workload first, so its Pods stop first). */
export const DOWN_ORDER = ['Deployment', 'Pod', 'Service', 'Secret', 'ConfigMap'] as const;

function nameOf(obj: unknown): string | undefined {
  return isRecord(obj) && isRecord(obj.metadata) && typeof obj.metadata.name === 'string' ? obj.metadata.name : undefined;
}

/**
 * The design among documents: the first Pod or Deployment, the Services beside it, and every ConfigMap and Secret (the
 * plan takes those the Pod reads). A Deployment's template becomes the Pod, named after the Deployment.
 */
export function clusterDesign(documents: readonly unknown[]): ClusterDesign {
  const design: ClusterDesign = { pod: undefined as unknown as Pod, services: [], configMaps: [], secrets: [] };
  for (const doc of documents) {
    if (!isRecord(doc)) continue;
    const obj = doc as KubeObject;
    if (obj.kind === 'Pod' && !design.pod && !design.deployment) design.pod = obj as unknown as Pod;
    else if (obj.kind === 'Deployment' && !design.pod && !design.deployment) {
      const spec = isRecord(obj.spec) ? obj.spec : {};
      const template = isRecord(spec.template) ? spec.template : {};
      const meta = isRecord(template.metadata) ? template.metadata : {};
      const name = nameOf(obj);
      design.deployment = obj;
      design.pod = { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, ...(name ? { name } : {}) }, spec: template.spec } as Pod;
    } else if (obj.kind === 'Service') design.services.push(obj);
    else if (obj.kind === 'ConfigMap') design.configMaps.push(obj);
    else if (obj.kind === 'Secret') design.secrets.push(obj);
  }
  if (!design.pod) throw new Error('The design holds no Pod or Deployment to run.');
  return design;
}

/** Podwright's labels on an object (kept beside the user's own). */
function labelled(obj: KubeObject, labels: Record<string, string>, namespace: string): KubeObject {
  const clean = stripLayout(structuredClone(obj)) as KubeObject;
  delete clean.status;
  const meta: Record<string, unknown> = isRecord(clean.metadata) ? { ...clean.metadata } : {};
  for (const key of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'managedFields', 'selfLink', 'ownerReferences'])
    delete meta[key];
  meta.namespace = namespace;
  meta.labels = { ...(isRecord(meta.labels) ? meta.labels : {}), ...labels };
  clean.metadata = meta;
  return clean;
}

function planned(body: KubeObject, podPrefix?: string): PlannedObject {
  const kind = String(body.kind);
  const meta = body.metadata as Record<string, unknown>;
  return {
    ...resources[kind]!,
    kind,
    namespace: String(meta.namespace),
    name: String(meta.name),
    body: { apiVersion: resources[kind]!.apiVersion, ...body },
    ...(podPrefix !== undefined ? { podPrefix } : {}),
  };
}

export function podwrightLabels(design: string, name: string): Record<string, string> {
  return { [MANAGED_BY]: MANAGER, [Labels.design]: design, [Labels.pod]: name };
}

/** The selector of what Podwright applied for a design's run (its objects and its Pods). */
export function runSelector(design: string | undefined, name: string): string {
  return [`${MANAGED_BY}=${MANAGER}`, ...(design ? [`${Labels.design}=${design}`] : []), `${Labels.pod}=${name}`].join(',');
}

/** The objects to apply for a design, in order. */
export function clusterPlan(design: ClusterDesign, options: ClusterPlanOptions): ClusterPlan {
  const name = nameOf(design.pod) ?? '';
  if (!name) throw new Error('The Pod has no metadata.name.');
  const notes: string[] = [];
  const as: ClusterWorkload = options.as ?? (design.deployment ? 'deployment' : 'pod');
  const drawnReplicas = isRecord(design.deployment?.spec) ? design.deployment.spec.replicas : undefined;
  const replicas = as === 'pod' ? 1 : (options.replicas ?? (typeof drawnReplicas === 'number' ? drawnReplicas : 1));
  const labels = podwrightLabels(options.design, name);
  const namespace = options.namespace;
  const declared = design.pod.metadata?.namespace;
  if (declared && declared !== namespace) notes.push(`The design names namespace "${declared}"; it runs in "${namespace}".`);

  const objects: PlannedObject[] = [];
  const { configMaps, secrets } = referencedObjects(design.pod);
  for (const [kind, wanted, available] of [
    ['ConfigMap', configMaps, design.configMaps],
    ['Secret', secrets, design.secrets],
  ] as const) {
    for (const want of [...wanted].sort()) {
      const found = available.find((o) => nameOf(o) === want);
      if (found) objects.push(planned(labelled({ ...found, kind }, labels, namespace)));
      else notes.push(`The Pod reads ${kind} "${want}", which is not in the design; it must exist in namespace "${namespace}".`);
    }
  }

  let workload: KubeObject;
  // The design's Services: drawnRun adds the one a made-up Deployment comes with (makesUpService), as Export does.
  const services: KubeObject[] = design.services;
  if (as === 'pod') {
    if (design.deployment) notes.push(`Runs the Deployment's Pod as a bare Pod "${name}", without the Deployment.`);
    workload = exportKube(design.pod, { as: 'pod' }).objects[0]!;
  } else if (design.deployment) {
    workload = structuredClone(design.deployment);
    const spec = isRecord(workload.spec) ? { ...workload.spec } : {};
    spec.replicas = replicas;
    workload.spec = spec;
  } else {
    const exported = exportKube(design.pod, { as: 'deployment', replicas });
    workload = exported.objects.find((o) => o.kind === 'Deployment')!;
    notes.push(...exported.notes.filter((n) => !/ConfigMap/.test(n) && n !== exportNoteText('noNamedPort')));
  }
  for (const service of services) objects.push(planned(labelled(service, labels, namespace)));

  const body = labelled(workload, labels, namespace);
  if (body.kind === 'Deployment') {
    // The Pods carry Podwright's labels too, so a watch finds them; the selector stays the design's own.
    const spec = body.spec as Record<string, unknown>;
    const template = isRecord(spec.template) ? { ...spec.template } : {};
    const meta = isRecord(template.metadata) ? { ...template.metadata } : {};
    meta.labels = { ...(isRecord(meta.labels) ? meta.labels : {}), ...labels };
    delete meta.namespace;
    delete meta.name;
    template.metadata = meta;
    body.spec = { ...spec, template };
    objects.push(planned(body, 'spec.template'));
  } else objects.push(planned(body, ''));
  return { namespace, design: options.design, name, as, replicas, objects, selector: runSelector(options.design, name), notes };
}
