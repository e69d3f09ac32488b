// The downward API's values as a local engine knows them before the Pod starts: fieldRef (names, labels, the IPs as
// placeholders filled in once the infra runs) and resourceFieldRef (a container's limits and requests).
import { parseQuantity } from '../model/quantity';
import { report, type PlanContext } from './context';
import type { Container, ResourceFieldSelector } from './pod';
import { HOST_IP_PLACEHOLDER, POD_IP_PLACEHOLDER } from './types';

/** A fieldRef's value, or undefined when Podwright cannot know it. */
export function staticFieldRef(ctx: PlanContext, fieldPath: string): string | undefined {
  const meta = ctx.pod.metadata ?? {};
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return ctx.name;
    case 'metadata.namespace':
      return ctx.namespace;
    case 'metadata.uid':
      return meta.uid ?? `podwright-${ctx.names.prefix}-${ctx.runId}`;
    case 'spec.nodeName':
      return ctx.pod.spec?.nodeName || 'podwright';
    case 'spec.serviceAccountName':
      return ctx.pod.spec?.serviceAccountName || 'default';
    case 'status.podIP':
    case 'status.podIPs':
      return POD_IP_PLACEHOLDER;
    case 'status.hostIP':
    case 'status.hostIPs':
      return HOST_IP_PLACEHOLDER;
    default:
      return undefined;
  }
}

/** A resourceFieldRef's value in its divisor's units, as the kubelet rounds it (up). */
export function resourceField(
  ctx: PlanContext,
  ref: ResourceFieldSelector,
  current: Container | undefined,
  path: string,
): string | undefined {
  // Defaulted containers: a request left out reads as its limit, as the kubelet reports it.
  const all = [...(ctx.pod.spec?.containers ?? []), ...(ctx.pod.spec?.initContainers ?? [])];
  const target = ref.containerName ? all.find((c) => c.name === ref.containerName) : current;
  if (!target) {
    report(ctx, 'RESOURCE_FIELD_NO_CONTAINER', `resourceFieldRef needs containerName "${ref.containerName ?? ''}" of this Pod.`, path, {
      name: ref.containerName ?? '',
    });
    return undefined;
  }
  const [section, resource] = ref.resource.split('.') as [string, string | undefined];
  const quantity = (
    section === 'limits' ? target.resources?.limits : section === 'requests' ? target.resources?.requests : undefined
  )?.[resource ?? ''];
  const divisor = parseQuantity(ref.divisor ?? 1) || 1;
  if (resource === 'cpu') {
    // Without a limit the kubelet reports the node's allocatable CPU; here, the engine's.
    const cores = parseQuantity(quantity) ?? (section === 'limits' ? (ctx.engine.cpus ?? 1) : 0);
    return String(Math.ceil(cores / divisor));
  }
  if (resource === 'memory' || resource === 'ephemeral-storage') {
    const bytes =
      parseQuantity(quantity) ?? (section === 'limits' && resource === 'memory' ? (ctx.engine.memoryBytes ?? 0) : 0);
    return String(Math.ceil(bytes / divisor));
  }
  report(ctx, 'RESOURCE_FIELD_UNSUPPORTED', `resourceFieldRef "${ref.resource}" is not supported.`, path, {
    value: ref.resource,
  });
  return undefined;
}
