// The design's Services as canvas nodes: read from the design's other objects (Services stay Kubernetes objects, kept
// as written), placed by a layout annotation on the Service itself, and connected to the Pods their selector matches
// and to the container ports their targetPorts name. Pure edits return new objects; nothing here is stored twice.
import { CanvasLayout, readLayout } from '../../manifest/canvas-layout';
import { layoutAnnotation } from '../../manifest/layout-annotation';
import type { KubeObject } from '../../manifest/read';
import type { ContainerList, Pod } from '../../model/pod';
import { isRecord } from '../../model/record';
import { mapSelectorMatches } from '../../rules/workloads/selector';
import { containersOf, uniqueName, type Point } from '../document';
import { podLabels } from './deployment';
import { specOf } from '../../rules/workloads/service-design';

// The Service's ports and the Pods and container ports it reaches are the rules' (checkDesign checks them too).
export {
  containerPortsOf,
  portTargets,
  selectedPods,
  servicePorts,
  specOf,
  type PortTarget,
  type ServicePortView,
} from '../../rules/workloads/service-design';

export interface ServiceRef {
  /** The Service's place among the design's other objects. */
  index: number;
  id: string;
  service: KubeObject;
}

export const serviceNodeSize = { width: 220, height: 96 };

const idPrefix = 'service:';

export function isServiceNodeId(id: string): boolean {
  return id.startsWith(idPrefix);
}

export function serviceName(service: KubeObject): string {
  return isRecord(service.metadata) && typeof service.metadata.name === 'string' ? service.metadata.name : '';
}

/** Every Service among the design's other objects, with a node id from its name (unique even when names repeat). */
export function servicesOf(companions: readonly KubeObject[]): ServiceRef[] {
  const out: ServiceRef[] = [];
  const used = new Set<string>();
  companions.forEach((service, index) => {
    if (service.kind !== 'Service') return;
    let id = `${idPrefix}${serviceName(service)}`;
    if (used.has(id)) id = `${id}#${index}`;
    used.add(id);
    out.push({ index, id, service });
  });
  return out;
}

export function serviceById(companions: readonly KubeObject[], id: string): ServiceRef | undefined {
  return servicesOf(companions).find((s) => s.id === id);
}

// ---- placement ----

/** Where a Service node sits: its own layout annotation, else `fallback`. */
export function servicePosition(service: KubeObject, fallback: Point): Point {
  const stored = readLayout(service)?.nodes.service;
  return stored ? { x: stored.x, y: stored.y } : fallback;
}

/** The Service with its node at `at` (the position rides in Podwright's annotation, which exports strip). */
export function moveService(service: KubeObject, at: Point): KubeObject {
  const meta = isRecord(service.metadata) ? service.metadata : {};
  const annotations = isRecord(meta.annotations) ? meta.annotations : {};
  const layout = CanvasLayout.parse({ version: 1, nodes: { service: { x: Math.round(at.x), y: Math.round(at.y) } } });
  return {
    ...service,
    metadata: { ...meta, annotations: { ...annotations, [layoutAnnotation]: JSON.stringify(layout) } },
  };
}

/** A new Service, named so no other Service of the design has its name, at `at`. Its ports come from connections. */
export function newService(companions: readonly KubeObject[], at: Point): KubeObject {
  const name = uniqueName(
    'my-service',
    servicesOf(companions).map((s) => serviceName(s.service)),
  );
  return moveService({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: {} }, at);
}

// ---- edits ----

export function updateService(
  companions: readonly KubeObject[],
  index: number,
  update: (service: KubeObject) => KubeObject,
): KubeObject[] {
  const service = companions[index];
  if (!service || service.kind !== 'Service') return companions.slice();
  const next = update(service);
  if (next === service) return companions as KubeObject[];
  const out = companions.slice();
  out[index] = next;
  return out;
}

export function withServiceSpec(service: KubeObject, spec: Record<string, unknown>): KubeObject {
  return { ...service, spec };
}

/** What a connection from a Service to a container port changes: the Service and, when it had no labels, the Pod. */
export interface ServiceConnection {
  service: KubeObject;
  /** The Pod with the label the Service now selects, when it had none. */
  pod?: Pod;
  /** The Service port the connection made or changed. */
  portIndex: number;
}

/**
 * Connects Service port `portIndex` (a new port when undefined) to a container port of `pod`: the port targets the
 * container port by name (by number when it has none), and the Service selects the Pod's labels if it did not already
 * select the Pod (a Pod without labels gets `app: <its name>`).
 */
export function connectServicePort(
  service: KubeObject,
  portIndex: number | undefined,
  pod: Pod,
  list: ContainerList,
  container: number,
  port: number,
): ServiceConnection | undefined {
  const target = containersOf(pod, list)[container]?.ports?.[port];
  if (!isRecord(target) || typeof target.containerPort !== 'number') return undefined;
  const spec = { ...specOf(service) };
  const ports = Array.isArray(spec.ports) ? spec.ports.map((p) => (isRecord(p) ? { ...p } : p)) : [];
  const name = typeof target.name === 'string' && target.name !== '' ? target.name : undefined;
  const targetPort = name ?? target.containerPort;
  const protocol = typeof target.protocol === 'string' && target.protocol !== 'TCP' ? target.protocol : undefined;
  let index = portIndex;
  if (index !== undefined && isRecord(ports[index])) {
    ports[index] = { ...(ports[index] as Record<string, unknown>), targetPort };
  } else {
    const taken = new Set(ports.map((p) => (isRecord(p) && typeof p.name === 'string' ? p.name : '')));
    const entry: Record<string, unknown> = { port: target.containerPort, targetPort };
    if (protocol) entry.protocol = protocol;
    // More than one port: each needs a name, so the first gets one too.
    if (ports.length > 0) {
      entry.name = uniqueName(name ?? `port-${target.containerPort}`, taken);
      const first = ports[0];
      if (isRecord(first) && (typeof first.name !== 'string' || first.name === ''))
        ports[0] = { name: uniqueName(`port-${String(first.port)}`, [...taken, entry.name as string]), ...first };
    } else if (name) entry.name = name;
    ports.push(entry);
    index = ports.length - 1;
  }
  spec.ports = ports;
  let labels = podLabels(pod);
  let labelled: Pod | undefined;
  if (!mapSelectorMatches(spec.selector, labels)) {
    if (Object.keys(labels).length === 0) {
      const podName = typeof pod.metadata?.name === 'string' && pod.metadata.name !== '' ? pod.metadata.name : 'app';
      labels = { app: podName };
      labelled = { ...pod, metadata: { ...pod.metadata, labels } };
    }
    spec.selector = { ...labels };
  }
  return { service: withServiceSpec(service, spec), ...(labelled && { pod: labelled }), portIndex: index };
}

/** The design's objects with the Service nodes in `positions` (by node id) moved; the same array when none is. */
export function moveServicesTo(companions: KubeObject[], positions: Readonly<Record<string, Point>>): KubeObject[] {
  if (Object.keys(positions).length === 0) return companions;
  let out = companions;
  for (const ref of servicesOf(companions)) {
    const at = positions[ref.id];
    if (!at) continue;
    if (out === companions) out = companions.slice();
    out[ref.index] = moveService(ref.service, at);
  }
  return out;
}

/** The canvas id of the edge from Service port `port` to a container port (`node` is the container's canvas id). */
export function servicePortEdgeId(serviceId: string, port: number, node: string, containerPort: number): string {
  return `svcport:${serviceId}:${port}:${node}:${containerPort}`;
}

/** The Service and port an edge id of servicePortEdgeId names, or undefined for any other id. */
export function servicePortOfEdge(id: string): { service: string; port: number } | undefined {
  const m = /^svcport:(service:.*):(\d+):[^:]*:.*:\d+$/.exec(id);
  return m ? { service: m[1]!, port: Number(m[2]) } : undefined;
}

/** The design's objects without the Services whose node ids, nor the Service ports whose edge ids, are in `ids`. */
export function removeServices(companions: KubeObject[], ids: readonly string[]): KubeObject[] {
  const refs = servicesOf(companions);
  const gone = new Set(refs.filter((r) => ids.includes(r.id)).map((r) => r.index));
  const ports = new Map<number, Set<number>>();
  for (const id of ids) {
    const edge = servicePortOfEdge(id);
    const ref = edge && refs.find((r) => r.id === edge.service);
    if (!ref || gone.has(ref.index)) continue;
    ports.set(ref.index, (ports.get(ref.index) ?? new Set()).add(edge.port));
  }
  if (gone.size === 0 && ports.size === 0) return companions;
  return companions.flatMap((object, index) => {
    if (gone.has(index)) return [];
    const drop = ports.get(index);
    if (!drop) return [object];
    const spec = specOf(object);
    const kept = Array.isArray(spec.ports) ? spec.ports.filter((_, i) => !drop.has(i)) : [];
    return [withServiceSpec(object, { ...spec, ports: kept })];
  });
}
