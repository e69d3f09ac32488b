// Shared reading of container resources: names classified as Kubernetes does, quantities read as it reads them.
import { isRecord } from '../context';
import type { ContainerEntry } from '../context';
import { exactQuantity, roundUpToMilli } from '../../model/quantity';
import { qualifiedNameProblem } from '../syntax';

/**
 * `standard`: cpu, memory, ephemeral-storage. `hugepages`: hugepages-<size>. `native`: other names in the
 * kubernetes.io/ namespace (accepted, overcommittable, any quantity). `extended`: a device plugin's name
 * (example.com/gpu: whole numbers, request = limit). `invalid`: none of these.
 */
export type ResourceKind = 'standard' | 'hugepages' | 'native' | 'extended' | 'invalid';

const kinds = new Map<string, ResourceKind>();

/** Kubernetes' reading of a container resource name (validateContainerResourceName and core/helper). */
export function resourceKind(name: string): ResourceKind {
  let kind = kinds.get(name);
  if (kind === undefined) {
    if (kinds.size >= 10_000) kinds.clear();
    kinds.set(name, (kind = classify(name)));
  }
  return kind;
}

/** IsNativeResource: unprefixed, or in the kubernetes.io/ namespace (any `*kubernetes.io/` prefix). */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function classify(name: string): ResourceKind {
  if (qualifiedNameProblem(name) !== undefined) return 'invalid';
  if (!name.includes('/')) {
    if (name === 'cpu' || name === 'memory' || name === 'ephemeral-storage') return 'standard';
    return name.startsWith('hugepages-') ? 'hugepages' : 'invalid';
  }
  if (isNativeResource(name)) return 'native';
  // IsExtendedResourceName: not "requests."-prefixed, and still a qualified name as the quota's "requests.<name>".
  if (name.startsWith('requests.') || qualifiedNameProblem(`requests.${name}`) !== undefined) return 'invalid';
  return 'extended';
}

/** IsOvercommitAllowed: a request may sit below its limit for native resources other than hugepages. */
export function isOvercommittable(name: string): boolean {
  return isNativeResource(name) && !name.startsWith('hugepages-');
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

/** A container request or limit as validation sees it: read exactly, then rounded up to thousandths. */
export function containerQuantity(raw: unknown): bigint | undefined {
  const q = exactQuantity(raw);
  return q === undefined ? undefined : roundUpToMilli(q.nanos);
}
