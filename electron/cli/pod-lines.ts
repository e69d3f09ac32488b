// A Pod on the local engine as `podwright run` and `ps` print it: the Pod, how long ago it started, and a line per
// container with human times ("running, up 3 minutes"), never the engine's nanosecond timestamps (--json keeps those).
import { describeState, durationSince, engineTime } from '../../shared/plan';
import type { PodSnapshot } from '../engines/docker';

/** When the Pod started: its infra container's start, as a Pod's creation is in Kubernetes. */
function podStarted(pod: PodSnapshot): number | undefined {
  const infra = pod.containers.find((c) => c.role === 'infra');
  return infra && infra.state.state !== 'waiting' ? engineTime(infra.state.startedAt) : undefined;
}

/** The Pod and its containers as a small table, with times told from `now` (epoch ms). */
export function formatPod(pod: PodSnapshot, now = Date.now()): string[] {
  const started = podStarted(pod);
  const lines = [
    `Pod ${pod.namespace === 'default' ? '' : `${pod.namespace}/`}${pod.name}: ${pod.phase}${pod.podIP ? ` (IP ${pod.podIP})` : ''}${started === undefined ? '' : `, started ${durationSince(started, now)} ago`}`,
  ];
  const width = Math.max(...pod.containers.map((c) => c.name.length), 4);
  for (const c of pod.containers) {
    const restarts = c.restartCount > 0 ? `, ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}` : '';
    lines.push(`  ${c.name.padEnd(width)}  ${c.role.padEnd(7)}  ${describeState(c.state, now)}${restarts}`);
  }
  if (pod.message) lines.push(`  ${pod.message}`);
  return lines;
}
