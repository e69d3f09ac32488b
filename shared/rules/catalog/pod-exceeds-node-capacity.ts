// POD_EXCEEDS_NODE_CAPACITY: the Pod's effective requests do not fit the node the user said it runs on.
import { msg } from '../message';
import { formatQuantity, parseQuantity } from '../../model/quantity';
import type { Rule } from '../types';
import type { ContainerEntry } from '../context';
import { scheduledRequest } from '../../model/requests';

/** The scheduler sees requests after defaulting, where a limit alone also counts as the request. */
function requested(c: ContainerEntry, resource: string): number {
  return scheduledRequest(c.container.resources, resource);
}

/** KEP-753 effective request: max(sum of app containers and sidecars, each init container + the sidecars started before it). */
export function effectiveRequest(
  containers: ContainerEntry[],
  resource: string,
): { total: number; parts: { path: string; value: number }[] } {
  const requestOf = (c: ContainerEntry): number => requested(c, resource);
  let sidecars = 0;
  let initPeak = 0;
  const parts: { path: string; value: number }[] = [];
  for (const c of containers) {
    if (c.list !== 'initContainers') continue;
    const value = requestOf(c);
    if (c.sidecar) {
      sidecars += value;
      if (value > 0) parts.push({ path: c.path, value });
    } else initPeak = Math.max(initPeak, sidecars + value);
  }
  let running = sidecars;
  for (const c of containers) {
    if (c.list !== 'containers') continue;
    const value = requestOf(c);
    running += value;
    if (value > 0) parts.push({ path: c.path, value });
  }
  return { total: Math.max(running, initPeak), parts };
}

export const podExceedsNodeCapacity: Rule = {
  code: 'POD_EXCEEDS_NODE_CAPACITY',
  severity: 'error',
  category: 'runtime',
  title: 'Pod larger than the node',
  source: 'scheduler NodeResourcesFit (Pod requests are summed, KEP-753 for sidecars)',
  explanation:
    'The scheduler places a Pod as a unit: all its containers land on the same node, so the node must have room for ' +
    'the sum of their requests. An App container requesting 1Gi and a LogCollector sidecar requesting 0.5Gi need ' +
    '1.5Gi on one node; a node with 1.25Gi cannot run the Pod even though each container would fit alone, and the ' +
    'Pod stays Pending ("Insufficient memory"). Init containers run one at a time, so only the largest one counts, ' +
    'together with the sidecars already started before it.',
  check(ctx, report) {
    const capacity = ctx.options.nodeCapacity;
    if (!capacity) return;
    for (const [resource, rawCapacity] of Object.entries(capacity)) {
      const available = parseQuantity(rawCapacity);
      if (available === undefined) continue;
      const { total, parts } = effectiveRequest(ctx.containers, resource);
      if (total <= available) continue;
      const single = ctx.containers.find((c) => requested(c, resource) > available);
      const listed = parts
        .map(
          (p) =>
            `${ctx.containers.find((c) => c.path === p.path)?.name || p.path} ${formatQuantity(resource, p.value)}`,
        )
        .join(' + ');
      report(
        single ? `${single.path}.resources.requests[${resource}]` : 'spec',
        single
          ? msg(
              'single',
              { container: single.name || single.path, resource, available: formatQuantity(resource, available) },
              `${single.name || single.path} alone requests more ${resource} than the node has (${formatQuantity(resource, available)})`,
            )
          : msg(
              'sum',
              {
                total: formatQuantity(resource, total),
                resource,
                listed,
                available: formatQuantity(resource, available),
              },
              `the Pod requests ${formatQuantity(resource, total)} of ${resource} (${listed}) but the node has ${formatQuantity(resource, available)}; the Pod must fit on one node as a unit`,
            ),
        { related: parts.map((p) => `${p.path}.resources.requests[${resource}]`) },
      );
    }
  },
};
