// Finds a Pod's containers on the engine by Podwright's labels, for logs and exec.
import type Docker from 'dockerode';
import { ApiError } from '../../../../shared/api';
import { Labels } from '../../../../shared/model/labels';

export interface PodContainer {
  /** The Docker container id. */
  id: string;
  /** The container's name in the Pod spec. */
  container: string;
  role: string;
  /** Index within initContainers[] or containers[]. */
  index: number;
  state: string;
}

export interface PodSelector {
  pod: string;
  namespace?: string;
  /** Only these containers (spec names); all but the infra when empty. */
  containers?: string[];
}

const ROLE_ORDER: Record<string, number> = { infra: 0, init: 1, sidecar: 2, app: 3 };

/** The Pod's containers, init containers first, in spec order. Throws NOT_FOUND when a name matches nothing. */
export async function findPodContainers(docker: Docker, selector: PodSelector): Promise<PodContainer[]> {
  const label = [`${Labels.pod}=${selector.pod}`];
  if (selector.namespace) label.push(`${Labels.namespace}=${selector.namespace}`);
  const listed = await docker.listContainers({ all: true, filters: { label } });
  const all = listed
    .map((c) => ({
      id: c.Id,
      container: c.Labels[Labels.container] ?? c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12),
      role: c.Labels[Labels.role] ?? 'app',
      index: Number(c.Labels[Labels.index] ?? 0),
      state: c.State,
    }))
    .sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.index - b.index);
  if (all.length === 0) {
    throw new ApiError('NOT_FOUND', `No Pod named "${selector.pod}" is running on this engine.`, { pod: selector.pod });
  }
  const wanted = selector.containers?.length ? selector.containers : undefined;
  if (!wanted) return all.filter((c) => c.role !== 'infra');
  const missing = wanted.filter((name) => !all.some((c) => c.container === name));
  if (missing.length) {
    const known = all.filter((c) => c.role !== 'infra').map((c) => c.container);
    throw new ApiError(
      'NOT_FOUND',
      `Pod "${selector.pod}" has no container ${missing.map((m) => `"${m}"`).join(', ')} (it has ${known.join(', ')}).`,
      {
        pod: selector.pod,
        missing,
      },
    );
  }
  return all.filter((c) => wanted.includes(c.container));
}

/**
 * Engine errors that mean the container is gone or going: not found (404), or dead or marked for removal (409, while
 * Down removes it). Its log has ended; it is not a failure of the log stream.
 */
export function isContainerGone(err: unknown): boolean {
  const status = (err as { statusCode?: number })?.statusCode;
  if (status === 404) return true;
  const message = err instanceof Error ? err.message : String(err);
  return (
    status === 409 && /\b(dead|marked for removal|removal of container .* is already in progress)\b/i.test(message)
  );
}
