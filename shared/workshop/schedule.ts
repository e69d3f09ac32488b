// A teaching model of the scheduler's resource fit: a Pod's effective requests, which nodes fit it, and why placing its containers one by one fails.
import type { Pod } from '../model/pod';
import { parseQuantity } from '../model/quantity';
import { scheduledRequest } from '../model/requests';

export const scheduledResources = ['cpu', 'memory'] as const;
export type ScheduledResource = (typeof scheduledResources)[number];
export type Amounts = Record<ScheduledResource, number>;

/** A node as the lesson shows it: what is still free (allocatable minus what is already requested there). */
export interface NodeFree {
  name: string;
  /** Kubernetes quantities, e.g. "1.25Gi" and "2". Empty or unreadable means "not limited" in this model. */
  memory: string;
  cpu: string;
}

export interface ContainerRequest {
  name: string;
  list: 'initContainers' | 'containers';
  /** An init container with restartPolicy Always: it keeps running beside the app containers (KEP-753). */
  sidecar: boolean;
  requests: Amounts;
}

export interface PodRequest {
  total: Amounts;
  containers: ContainerRequest[];
  /** spec.overhead (RuntimeClass overhead), added on top of the containers. */
  overhead: Amounts;
  /** For each resource, whether an init container (not the running set) decides the total. */
  initDominates: Record<ScheduledResource, boolean>;
}

const zero = (): Amounts => ({ cpu: 0, memory: 0 });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function amountsOf(resources: unknown): Amounts {
  return { cpu: scheduledRequest(resources, 'cpu'), memory: scheduledRequest(resources, 'memory') };
}

/** Every container's request, init containers first, in the order they start. */
export function containerRequests(pod: Pod): ContainerRequest[] {
  const out: ContainerRequest[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const items = pod.spec?.[list];
    if (!Array.isArray(items)) continue;
    for (const c of items) {
      if (!isRecord(c)) continue;
      out.push({
        name: typeof c.name === 'string' ? c.name : '',
        list,
        sidecar: list === 'initContainers' && c.restartPolicy === 'Always',
        requests: amountsOf(c.resources),
      });
    }
  }
  return out;
}

/**
 * The Pod's effective request, per Kubernetes (resource helpers PodRequests, KEP-753): the app containers and the
 * sidecars run together, so they add up; plain init containers run one at a time before them, so each counts only
 * with the sidecars started before it, and only the largest of those matters. The Pod needs the larger of the two,
 * plus its overhead.
 */
export function podRequest(pod: Pod): PodRequest {
  const containers = containerRequests(pod);
  const total = zero();
  const initDominates = { cpu: false, memory: false };
  const overheadSource = pod.spec?.overhead;
  const overhead = isRecord(overheadSource)
    ? {
        cpu: Math.max(0, parseQuantity(overheadSource.cpu) ?? 0),
        memory: Math.max(0, parseQuantity(overheadSource.memory) ?? 0),
      }
    : zero();
  for (const resource of scheduledResources) {
    let sidecars = 0;
    let initPeak = 0;
    for (const c of containers) {
      if (c.list !== 'initContainers') continue;
      if (c.sidecar) sidecars += c.requests[resource];
      else initPeak = Math.max(initPeak, sidecars + c.requests[resource]);
    }
    let running = sidecars;
    for (const c of containers) if (c.list === 'containers') running += c.requests[resource];
    initDominates[resource] = initPeak > running;
    total[resource] = Math.max(running, initPeak) + overhead[resource];
  }
  return { total, containers, overhead, initDominates };
}

/** A node's free amounts; an unreadable quantity is Infinity (the lesson does not limit that resource). */
export function freeOf(node: NodeFree): Amounts {
  const read = (q: string): number => {
    const v = q.trim() === '' ? undefined : parseQuantity(q.trim());
    return v === undefined || v < 0 ? Number.POSITIVE_INFINITY : v;
  };
  return { cpu: read(node.cpu), memory: read(node.memory) };
}

export interface Shortfall {
  resource: ScheduledResource;
  need: number;
  free: number;
}

export interface NodeFit {
  node: string;
  fits: boolean;
  /** What is missing on this node ("Insufficient memory"); empty when the Pod fits. */
  short: Shortfall[];
}

function shortfalls(need: Amounts, free: Amounts): Shortfall[] {
  return scheduledResources
    .filter((r) => need[r] > free[r])
    .map((resource) => ({ resource, need: need[resource], free: free[resource] }));
}

/** The scheduler's NodeResourcesFit filter for the whole Pod on each node. */
export function fitNodes(pod: Pod, nodes: readonly NodeFree[]): NodeFit[] {
  const need = podRequest(pod).total;
  return nodes.map((n) => {
    const short = shortfalls(need, freeOf(n));
    return { node: n.name, fits: short.length === 0, short };
  });
}

export interface Placement {
  container: string;
  /** Where a naive per-container scheduler would put it (first node with room), or undefined when none has room. */
  node: string | undefined;
}

export interface OneByOne {
  placements: Placement[];
  /** The containers land on more than one node (or some on none): the Pod cannot run as placed. */
  split: boolean;
  /** The node the first container landed on, where the others would have to join it. */
  anchor: string | undefined;
  /** Containers that cannot join the anchor node, with what that node lacks by then. */
  stranded: { container: string; short: Shortfall[] }[];
}

/**
 * The counter-example: schedule each long-running container on its own, first fit in node order. The first one takes
 * a node; a later one may not fit what is left there. It then lands elsewhere (or nowhere), but a Pod's containers
 * share one network namespace, one IP and their volumes, which only works on one machine: the Pod is broken. Init
 * containers are left out because they run before the others, not beside them.
 */
export function scheduleOneByOne(pod: Pod, nodes: readonly NodeFree[]): OneByOne {
  const running = containerRequests(pod).filter((c) => c.list === 'containers' || c.sidecar);
  const left = new Map(nodes.map((n) => [n.name, freeOf(n)] as const));
  const placements: Placement[] = [];
  let anchor: string | undefined;
  const stranded: OneByOne['stranded'] = [];
  for (const c of running) {
    if (anchor !== undefined) {
      const short = shortfalls(c.requests, left.get(anchor)!);
      if (short.length > 0) stranded.push({ container: c.name, short });
    }
    const target = nodes.find((n) => shortfalls(c.requests, left.get(n.name)!).length === 0);
    placements.push({ container: c.name, node: target?.name });
    if (!target) continue;
    anchor ??= target.name;
    const free = left.get(target.name)!;
    left.set(target.name, { cpu: free.cpu - c.requests.cpu, memory: free.memory - c.requests.memory });
  }
  const used = new Set(placements.map((p) => p.node));
  return { placements, split: used.size > 1 || used.has(undefined), anchor, stranded };
}
