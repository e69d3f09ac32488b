// A Pod of the design wrapped in a Deployment: the canvas document keeps the Deployment without its template (the Pod
// is the template), so the Pod stays the one thing the inspector, YAML panel and Run edit, and the Deployment is put
// together from both whenever it is written, checked or exported.
import { stripLayout } from '../../manifest/layout-annotation';
import type { KubeObject } from '../../manifest/read';
import type { Pod } from '../../model/pod';
import { isRecord } from '../../model/record';
import { podLabels } from '../../rules/workloads/service-design';
import type { CanvasDocument } from '../document';

export { podLabels };

function podName(pod: Pod): string {
  return typeof pod.metadata?.name === 'string' && pod.metadata.name !== '' ? pod.metadata.name : 'app';
}

/**
 * The Pod wrapped in a Deployment of `replicas` copies that selects the Pod's labels; a Pod without labels first gets
 * `app: <its name>`, so there is something to select.
 */
export function wrapInDeployment(doc: CanvasDocument, replicas = 1): CanvasDocument {
  if (doc.workload) return doc;
  let labels = podLabels(doc.pod);
  let pod = doc.pod;
  if (Object.keys(labels).length === 0) {
    labels = { app: podName(pod) };
    pod = { ...pod, metadata: { ...pod.metadata, labels } };
  }
  const workload: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { ...labels } },
    spec: { replicas, selector: { matchLabels: { ...labels } } },
  };
  return { ...doc, pod, workload };
}

/** The bare Pod again: the Deployment's own settings go (undo brings them back). */
export function unwrapDeployment(doc: CanvasDocument): CanvasDocument {
  if (!doc.workload) return doc;
  const { workload: _, ...bare } = doc;
  return bare;
}

/** The replica count as written, or 1 (the default) when the Deployment leaves it out; undefined for a bare Pod. */
export function replicasOf(doc: CanvasDocument): unknown {
  if (!doc.workload) return undefined;
  const spec = isRecord(doc.workload.spec) ? doc.workload.spec : {};
  return spec.replicas === undefined || spec.replicas === null ? 1 : spec.replicas;
}

/** The replica count as a number the canvas can show, or undefined when it is not one (the rules say why). */
export function replicaCount(doc: CanvasDocument): number | undefined {
  const value = replicasOf(doc);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Sets spec.replicas to what the user typed: a number when it is one, else the text (the rules then explain). */
export function setReplicas(doc: CanvasDocument, value: number | string): CanvasDocument {
  if (!doc.workload) return doc;
  const spec = isRecord(doc.workload.spec) ? doc.workload.spec : {};
  if (spec.replicas === value) return doc;
  return { ...doc, workload: { ...doc.workload, spec: { ...spec, replicas: value } } };
}

/** Pod metadata that belongs to the object, not its template: a template has no name or namespace of its own. */
const ownerFields = ['name', 'namespace'];

/**
 * The whole Deployment: the stored one with the Pod as its template. Its name and namespace are the Pod's; the
 * template carries the Pod's labels, annotations and spec.
 */
export function deploymentOf(doc: CanvasDocument): KubeObject | undefined {
  const workload = doc.workload;
  if (!workload) return undefined;
  const pod = stripLayout(doc.pod);
  const podMeta: Record<string, unknown> = isRecord(pod.metadata) ? pod.metadata : {};
  const own: Record<string, unknown> = isRecord(workload.metadata) ? { ...workload.metadata } : {};
  for (const key of ownerFields) if (podMeta[key] !== undefined) own[key] = podMeta[key];
  const templateMeta = Object.fromEntries(Object.entries(podMeta).filter(([key]) => !ownerFields.includes(key)));
  const spec = isRecord(workload.spec) ? workload.spec : {};
  const template: Record<string, unknown> = { metadata: templateMeta, spec: pod.spec };
  const { apiVersion, kind, metadata: _, spec: __, ...rest } = workload;
  return { apiVersion, kind, metadata: own, ...rest, spec: { ...spec, template } } as KubeObject;
}

/**
 * The canvas document for an edited Deployment (a quick fix's result): the template becomes the Pod again (its name
 * and namespace from the Deployment) and the rest the stored Deployment. The layout stays.
 */
export function withDeployment(doc: CanvasDocument, deployment: KubeObject): CanvasDocument {
  const spec = isRecord(deployment.spec) ? { ...deployment.spec } : {};
  const template = isRecord(spec.template) ? spec.template : {};
  delete spec.template;
  const own = isRecord(deployment.metadata) ? deployment.metadata : {};
  const templateMeta = isRecord(template.metadata) ? template.metadata : {};
  const metadata: Record<string, unknown> = { ...templateMeta };
  for (const key of ownerFields) if (own[key] !== undefined) metadata[key] = own[key];
  const ownMeta = Object.fromEntries(Object.entries(own).filter(([key]) => !ownerFields.includes(key)));
  const pod = { ...doc.pod, metadata, spec: (isRecord(template.spec) ? template.spec : doc.pod.spec) as Pod['spec'] };
  return { ...doc, pod, workload: { ...deployment, metadata: ownMeta, spec } };
}

/**
 * The stored Deployment for one read from a file: the object without its template and without the name and
 * namespace, which the Pod carries.
 */
export function workloadOfDeployment(deployment: KubeObject): KubeObject {
  deployment = stripLayout(deployment);
  const spec = isRecord(deployment.spec) ? { ...deployment.spec } : {};
  delete spec.template;
  const own = isRecord(deployment.metadata) ? { ...deployment.metadata } : {};
  for (const key of ownerFields) delete own[key];
  return { ...deployment, metadata: own, spec };
}
