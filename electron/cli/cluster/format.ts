// A cluster run as the CLI prints it: the workload and its ready count, then each replica and its containers.
import type { PodSnapshot } from '../../../shared/api/contract';
import { describeState } from '../../../shared/plan';
import { readyText, replicaFailure, unschedulable } from '../../../shared/plan/kube-status';

type Container = PodSnapshot['containers'][number];

function containerLine(c: Container, width: number, now: number): string {
  const restarts = c.restartCount > 0 ? `, ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}` : '';
  const last = c.lastTerminated ? `, last exit code ${c.lastTerminated.exitCode}` : '';
  const why = c.state.state === 'waiting' && c.state.message ? `: ${c.state.message}` : '';
  return `    ${c.name.padEnd(width)}  ${c.role.padEnd(7)}  ${describeState(c.state, now)}${restarts}${last}${why}`;
}

/** The run as lines, with times told from `now` (epoch ms). */
export function formatRun(run: PodSnapshot, now = Date.now()): string[] {
  const head = run.workload
    ? `Deployment ${run.name} (namespace ${run.namespace}): ${readyText(run)} ready, ${run.phase}`
    : `Pod ${run.name} (namespace ${run.namespace}): ${run.phase}`;
  const lines = [head];
  const width = Math.max(4, ...run.containers.map((c) => c.name.length));
  const replicas = run.replicas ?? [];
  if (replicas.length === 0) lines.push('  (no Pods yet)');
  const refused = replicaFailure(run);
  if (refused?.message) lines.push(`  replica failure: ${refused.message}`);
  for (const r of replicas) {
    const where = [r.node ? `on ${r.node}` : '', r.podIP ? `IP ${r.podIP}` : ''].filter(Boolean).join(', ');
    lines.push(`  ${r.name}  ${r.terminating ? 'Terminating' : r.phase}${where ? `  (${where})` : ''}`);
    const pending = unschedulable(r.conditions ?? []);
    if (pending?.message) lines.push(`    unschedulable: ${pending.message}`);
    else for (const c of r.containers) lines.push(containerLine(c, width, now));
  }
  for (const f of run.forwards ?? [])
    lines.push(`  http://127.0.0.1:${f.localPort} → ${f.container}:${f.containerPort}`);
  return lines;
}

/** Whether the run is up: every replica ready (a Deployment's ready count reached), or a bare Pod Ready. */
export function isReady(run: PodSnapshot): boolean {
  const replicas = (run.replicas ?? []).filter((r) => !r.terminating);
  const ready = replicas.filter((r) =>
    (r.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
  ).length;
  const want = run.workload ? run.workload.replicas : 1;
  return replicas.length >= want && ready >= want;
}

/**
 * Why the run is not ready yet when nothing has failed: a replica the scheduler cannot place now. That can pass (a
 * fresh node is tainted not-ready for a while, an autoscaler adds nodes), so the CLI keeps waiting, as `kubectl rollout
 * status` does, and names it if the wait runs out.
 */
export function stillWaiting(run: PodSnapshot): string | undefined {
  for (const r of run.replicas ?? []) {
    if (r.terminating) continue;
    const pending = unschedulable(r.conditions ?? []);
    if (pending) return `Pod ${r.name} cannot be scheduled: ${pending.message ?? pending.reason ?? ''}`;
  }
  return undefined;
}

/** What makes the run fail for sure (the CLI stops waiting): a Failed Pod, an image no node can pull, a crash loop. */
export function failure(run: PodSnapshot): string | undefined {
  const refused = replicaFailure(run);
  if (refused) return `Deployment ${run.name} cannot make its Pods: ${refused.message ?? refused.reason ?? ''}`;
  for (const r of run.replicas ?? []) {
    if (r.terminating) continue;
    if (r.phase === 'Failed') return `Pod ${r.name} failed.`;
    for (const c of r.containers) {
      if (c.state.state !== 'waiting') continue;
      if (
        c.state.reason === 'ImagePullBackOff' ||
        c.state.reason === 'ErrImagePull' ||
        c.state.reason === 'InvalidImageName'
      )
        return `Container ${c.name} of Pod ${r.name} cannot start: ${c.state.message ?? c.state.reason} (image ${c.image}).`;
      if (c.state.reason === 'CrashLoopBackOff')
        return `Container ${c.name} of Pod ${r.name} keeps crashing${c.lastTerminated ? ` (last exit code ${c.lastTerminated.exitCode})` : ''}.`;
    }
  }
  return undefined;
}
