// The canvas document: a Pod plus what only the canvas knows (node positions, a partially joined PID namespace).
import type { KubeObject } from '../manifest/read';
import type { Container, ContainerList, Pod, Volume } from '../model/pod';

export interface Point {
  x: number;
  y: number;
}

export interface CanvasDocument {
  /** The Pod exactly as the user wrote it, without the layout annotation. */
  pod: Pod;
  /** Node positions by node id; nodes without one are placed automatically. */
  layout: Record<string, Point>;
  /**
   * Container names drawn into the PID namespace while `shareProcessNamespace` is not true. Kubernetes cannot express
   * a PID namespace shared by only some containers, so a partial set is kept here (and shown as a diagnostic) rather
   * than silently widened. `null`: no PID namespace node on the canvas.
   */
  pidJoins: string[] | null;
  /**
   * The Deployment this Pod is the template of (its replicas, selector, strategy and anything else it holds), without
   * `spec.template`: the Pod is the template. Absent for a bare Pod. Its name is the Pod's (workloads/deployment.ts).
   */
  workload?: KubeObject;
}

export type NamespaceKind = 'shared' | 'pid' | 'hostNetwork' | 'hostPID' | 'hostIPC';
export const hostNamespaces = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
export type HostNamespace = (typeof hostNamespaces)[number];

export function emptyPod(name = 'my-pod'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [] } };
}

export function emptyDocument(): CanvasDocument {
  return { pod: emptyPod(), layout: {}, pidJoins: null };
}

export function containersOf(pod: Pod, list: ContainerList): Container[] {
  const items = pod.spec?.[list];
  return Array.isArray(items) ? items : [];
}

export function volumesOf(pod: Pod): Volume[] {
  const items = pod.spec?.volumes;
  return Array.isArray(items) ? items : [];
}

/** Every container name in the Pod, init containers first. */
export function containerNames(pod: Pod): string[] {
  return [...containersOf(pod, 'initContainers'), ...containersOf(pod, 'containers')]
    .map((c) => (typeof c?.name === 'string' ? c.name : ''))
    .filter((n) => n !== '');
}

/**
 * The port a new port row starts with: the lowest from `from` up that no container of the Pod declares, since they
 * all share one network namespace (a second "+ Port" gave 8080 again, and with it a port clash).
 */
export function unusedContainerPort(pod: Pod, from = 8080): number {
  const used = new Set<unknown>();
  for (const c of [...containersOf(pod, 'initContainers'), ...containersOf(pod, 'containers')])
    for (const p of Array.isArray(c?.ports) ? c.ports : []) used.add(p?.containerPort);
  let port = from;
  while (used.has(port) && port < 65535) port++;
  return port;
}

/** Container names joined to the PID namespace on the canvas: everyone when the Pod shares it. */
export function pidMembers(doc: CanvasDocument): string[] {
  if (doc.pod.spec?.shareProcessNamespace === true) return containerNames(doc.pod);
  return doc.pidJoins ?? [];
}

/** A name not yet taken: `base`, `base-2`, `base-3`... */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
