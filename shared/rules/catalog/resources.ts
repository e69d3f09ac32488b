// Shared reading of container resources: names classified as Kubernetes does, quantities parsed once.
import { isRecord } from '../context';
import type { ContainerEntry } from '../context';
import { isQualifiedName } from '../syntax';

export type ResourceKind = 'standard' | 'hugepages' | 'extended' | 'invalid';

const kinds = new Map<string, ResourceKind>();

/** Kubernetes' reading of a container resource name (validateContainerResourceName). */
export function resourceKind(name: string): ResourceKind {
  let kind = kinds.get(name);
  if (kind === undefined) {
    if (kinds.size >= 10_000) kinds.clear();
    kinds.set(name, (kind = classify(name)));
  }
  return kind;
}

function classify(name: string): ResourceKind {
  if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') return 'standard';
  if (/^hugepages-/.test(name)) return 'hugepages';
  if (name.includes('/') && isQualifiedName(name) && !name.startsWith('requests.')) {
    // kubernetes.io/ names are native, not extended, and none of them is a container resource.
    const prefix = name.split('/')[0] ?? '';
    return prefix === 'kubernetes.io' || prefix.endsWith('.kubernetes.io') ? 'invalid' : 'extended';
  }
  return 'invalid';
}

/** cpu and memory may be overcommitted (request < limit); hugepages and extended resources may not. */
export function isOvercommittable(name: string): boolean {
  return resourceKind(name) === 'standard';
}

/**
 * Requests and limits as written. Defaulting copies limits into missing requests, which never changes a verdict
 * here but would report each problem twice, once on a field the user never wrote.
 */
export function resourceLists(c: ContainerEntry): {
  requests: Record<string, unknown>;
  limits: Record<string, unknown>;
} {
  const res = c.source.resources;
  const requests = isRecord(res) && isRecord(res.requests) ? res.requests : {};
  const limits = isRecord(res) && isRecord(res.limits) ? res.limits : {};
  return { requests, limits };
}
