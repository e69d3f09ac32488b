// What the scheduler counts for one container and resource: shared by the node-capacity rule and the workshop's
// scheduling lesson, so the diagnostic and the lesson never disagree.
import { parseQuantity } from './quantity';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A container's request for `resource` as the scheduler sees it after defaulting: `requests[resource]`, else
 * `limits[resource]` (SetDefaults_Pod copies a limit into a missing request), else 0. Unreadable or negative is 0.
 */
export function scheduledRequest(resources: unknown, resource: string): number {
  if (!isRecord(resources)) return 0;
  const read = (list: unknown): number | undefined => {
    if (!isRecord(list) || !Object.hasOwn(list, resource)) return undefined;
    const v = parseQuantity(list[resource]);
    return v !== undefined && v > 0 ? v : 0;
  };
  return read(resources.requests) ?? read(resources.limits) ?? 0;
}
