// Shared port reading: each declared port of each container, after defaulting, in Kubernetes' path format.
import type { ContainerEntry, RuleContext } from '../context';
import { isRecord, list } from '../context';
import type { ContainerPort } from '../../model/pod';

export interface PortEntry {
  owner: ContainerEntry;
  index: number;
  port: ContainerPort;
  /** `spec.containers[0].ports[1]` */
  path: string;
  containerPort: number | undefined;
  hostPort: number;
  hostIP: string;
  protocol: string;
}

const cache = new WeakMap<RuleContext, PortEntry[]>();

/** Every port of every container (init containers first), read once per validation pass. */
export function allPorts(ctx: RuleContext): PortEntry[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: PortEntry[] = [];
  for (const owner of ctx.containers) {
    list<ContainerPort>(owner.container.ports).forEach((port, index) => {
      if (!isRecord(port)) return;
      out.push({
        owner,
        index,
        port,
        path: `${owner.path}.ports[${index}]`,
        containerPort: typeof port.containerPort === 'number' ? port.containerPort : undefined,
        hostPort: typeof port.hostPort === 'number' ? port.hostPort : 0,
        hostIP: typeof port.hostIP === 'string' ? port.hostIP : '',
        protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
      });
    });
  }
  cache.set(ctx, out);
  return out;
}

const freeCache = new WeakMap<RuleContext, Map<string, Uint16Array>>();

/**
 * For every port p, the lowest port at or above p that no container declares for `protocol` in `field` (65535 when
 * none is free), worked out once per validation pass and kind: searched per call, a Pod with thousands of clashing
 * ports took a minute to validate.
 */
function nextFree(ctx: RuleContext, protocol: string, field: 'containerPort' | 'hostPort'): Uint16Array {
  let byKind = freeCache.get(ctx);
  if (!byKind) freeCache.set(ctx, (byKind = new Map()));
  const key = `${field}/${protocol}`;
  let next = byKind.get(key);
  if (!next) {
    const used = new Set(
      allPorts(ctx)
        .filter((p) => p.protocol === protocol)
        .map((p) => (field === 'hostPort' ? p.hostPort : p.containerPort)),
    );
    next = new Uint16Array(65536);
    next[65535] = 65535;
    for (let port = 65534; port >= 0; port--) next[port] = used.has(port) ? next[port + 1]! : port;
    byKind.set(key, next);
  }
  return next;
}

/** The lowest port at or above `from` that no container declares for this protocol. */
export function freePort(
  ctx: RuleContext,
  protocol: string,
  from: number,
  field: 'containerPort' | 'hostPort',
): number {
  return from >= 0 && from <= 65535 && Number.isInteger(from) ? nextFree(ctx, protocol, field)[from]! : from;
}
