// A cluster run's status in the shapes the Docker engine's pod.status uses: each replica Pod read from the API
// server's objects (phase, conditions, container states with the scheduler's and the kubelet's words), and the run as
// one snapshot for the canvas, its containers showing the replica that needs attention and the ready count ("2/3").
import type { PodSnapshot, ReplicaSnapshot } from '../api/contract';

type ContainerStatus = PodSnapshot['containers'][number];
type Condition = NonNullable<PodSnapshot['conditions']>[number];
type Phase = PodSnapshot['phase'];

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isJson) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface ClusterRun {
  name: string;
  namespace: string;
  design?: string;
  /** The Deployment, when the run is one. */
  deployment?: Json;
  /** The run's Pods (one for a bare Pod, the replicas of a Deployment), as the API server returns them. */
  pods: Json[];
  /** The Pod spec the run applied, for container order and roles before any Pod exists. */
  spec?: Json;
}

function state(s: unknown): ContainerStatus['state'] {
  const st = isJson(s) ? s : {};
  if (isJson(st.running)) return { state: 'running', startedAt: text(st.running.startedAt) ?? '' };
  if (isJson(st.terminated)) {
    const t = st.terminated;
    return {
      state: 'terminated',
      exitCode: typeof t.exitCode === 'number' ? t.exitCode : 0,
      reason: text(t.reason) ?? (t.exitCode === 0 ? 'Completed' : 'Error'),
      ...(text(t.startedAt) ? { startedAt: text(t.startedAt) } : {}),
      ...(text(t.finishedAt) ? { finishedAt: text(t.finishedAt) } : {}),
      ...(text(t.message) ? { message: text(t.message) } : {}),
    };
  }
  const w = isJson(st.waiting) ? st.waiting : {};
  return {
    state: 'waiting',
    reason: text(w.reason) ?? 'ContainerCreating',
    ...(text(w.message) ? { message: text(w.message) } : {}),
  };
}

function conditionsOf(pod: Json): Condition[] {
  const status = isJson(pod.status) ? pod.status : {};
  return list(status.conditions).map((c) => ({
    type: text(c.type) ?? '',
    status: text(c.status) ?? 'Unknown',
    ...(text(c.reason) ? { reason: text(c.reason) } : {}),
    ...(text(c.message) ? { message: text(c.message) } : {}),
  }));
}

/** Why a Pod has not started, from its conditions: the scheduler's message when it cannot place the Pod. */
export function unschedulable(conditions: readonly Condition[]): Condition | undefined {
  return conditions.find((c) => c.type === 'PodScheduled' && c.status === 'False');
}

/**
 * Why a Deployment has fewer Pods than it wants, when the server refused to make them (an exceeded quota, a webhook):
 * the ReplicaFailure condition the Deployment controller copies from its ReplicaSet. No Pod exists to show it on.
 */
export function replicaFailure(run: Pick<PodSnapshot, 'workload'>): Condition | undefined {
  return run.workload?.conditions?.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
}

/** One replica Pod as the canvas shows it: every container of the spec, with the kubelet's status where it has one. */
export function replicaSnapshot(pod: Json, spec?: Json): ReplicaSnapshot {
  const meta = isJson(pod.metadata) ? pod.metadata : {};
  const podSpec = isJson(pod.spec) ? pod.spec : (spec ?? {});
  const status = isJson(pod.status) ? pod.status : {};
  const conditions = conditionsOf(pod);
  const pending = unschedulable(conditions);
  // No node and no word from the scheduler: nothing is being created yet (a real server stores such a Pod with no
  // condition at all until a scheduler binds it; one that never runs leaves it so).
  const unplaced = !(isJson(pod.spec) && text(pod.spec.nodeName)) && !conditions.some((c) => c.type === 'PodScheduled');
  const known = new Map<string, Json>();
  for (const s of [...list(status.initContainerStatuses), ...list(status.containerStatuses)])
    known.set(text(s.name) ?? '', s);
  const containers: ContainerStatus[] = [];
  const add = (c: Json, role: ContainerStatus['role']): void => {
    const name = text(c.name) ?? '';
    const s = known.get(name);
    const last = s && isJson(s.lastState) && isJson(s.lastState.terminated) ? s.lastState.terminated : undefined;
    containers.push({
      name,
      role,
      image: text(s?.image) ?? text(c.image) ?? '',
      ...(text(s?.containerID) ? { id: text(s?.containerID) } : {}),
      state: s
        ? state(s.state)
        : pending
          ? {
              state: 'waiting',
              reason: pending.reason ?? 'Unschedulable',
              ...(pending.message ? { message: pending.message } : {}),
            }
          : unplaced
            ? { state: 'waiting', reason: 'Pending', message: 'not placed on a node yet: waiting for the scheduler' }
            : {
                state: 'waiting',
                reason:
                  role === 'app' && list(podSpec.initContainers).length > 0 ? 'PodInitializing' : 'ContainerCreating',
              },
      restartCount: typeof s?.restartCount === 'number' ? s.restartCount : 0,
      ...(s ? { ready: s.ready === true } : {}),
      ...(last
        ? {
            lastTerminated: {
              exitCode: typeof last.exitCode === 'number' ? last.exitCode : 0,
              reason: text(last.reason) ?? 'Error',
              ...(text(last.finishedAt) ? { finishedAt: text(last.finishedAt) } : {}),
            },
          }
        : {}),
    });
  };
  for (const c of list(podSpec.initContainers)) add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
  for (const c of list(podSpec.containers)) add(c, 'app');
  const phase =
    (['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const).find((p) => p === status.phase) ?? 'Pending';
  return {
    name: text(meta.name) ?? '',
    phase,
    ...(text(status.podIP) ? { podIP: text(status.podIP) } : {}),
    ...(isJson(pod.spec) && text(pod.spec.nodeName) ? { node: text(pod.spec.nodeName) } : {}),
    containers,
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(meta.deletionTimestamp ? { terminating: true } : {}),
  };
}

/** How much a container's state needs the user's eye: the canvas shows each container from the replica that needs it most. */
function attention(c: ContainerStatus): number {
  const s = c.state;
  if (s.state === 'terminated') return s.exitCode === 0 ? 2 : 6;
  if (s.state === 'waiting') {
    if (/BackOff|Err|Invalid|Unschedulable/.test(s.reason)) return 5;
    return 3;
  }
  return c.ready === false ? 3 : 1;
}

function overallPhase(replicas: readonly ReplicaSnapshot[]): Phase {
  if (replicas.length === 0) return 'Pending';
  const live = replicas.filter((r) => !r.terminating);
  const of = live.length > 0 ? live : replicas;
  if (of.some((r) => r.phase === 'Failed')) return 'Failed';
  if (of.some((r) => r.phase === 'Pending' || r.phase === 'Unknown')) return 'Pending';
  if (of.every((r) => r.phase === 'Succeeded')) return 'Succeeded';
  return 'Running';
}

function isReady(r: ReplicaSnapshot): boolean {
  return (r.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The run as one snapshot: the Pod (or the Deployment's replicas, each in `replicas`) in pod.status's shape. */
export function runSnapshot(run: ClusterRun): PodSnapshot {
  const deploymentSpec = isJson(run.deployment?.spec) ? run.deployment.spec : undefined;
  const templateSpec =
    deploymentSpec && isJson(deploymentSpec.template) && isJson(deploymentSpec.template.spec)
      ? deploymentSpec.template.spec
      : undefined;
  const spec = run.spec ?? templateSpec;
  const replicas = run.pods
    .map((p) => replicaSnapshot(p, spec))
    .sort((a, b) => Number(Boolean(a.terminating)) - Number(Boolean(b.terminating)) || a.name.localeCompare(b.name));
  const live = replicas.filter((r) => !r.terminating);
  const shown = live.length > 0 ? live : replicas;
  // Each container as the replica that needs attention most shows it; before any Pod exists, as the spec declares it.
  const containers: ContainerStatus[] =
    shown.length > 0
      ? shown[0]!.containers.map((c, i) =>
          shown.map((r) => r.containers[i] ?? c).reduce((worst, x) => (attention(x) > attention(worst) ? x : worst), c),
        )
      : replicaSnapshot({ metadata: { name: run.name }, spec: spec ?? {} }).containers;
  const first = shown[0];
  const restartPolicy = (['Always', 'OnFailure', 'Never'] as const).find((p) => p === spec?.restartPolicy) ?? 'Always';
  const snapshot: PodSnapshot = {
    name: run.name,
    namespace: run.namespace,
    ...(run.design ? { design: run.design } : {}),
    phase: overallPhase(replicas),
    restartPolicy,
    ...(first?.podIP ? { podIP: first.podIP } : {}),
    containers,
    replicas,
  };
  const pending = shown.map((r) => unschedulable(r.conditions ?? [])).find(Boolean);
  const conditions = pending
    ? (shown.find((r) => unschedulable(r.conditions ?? []))?.conditions ?? [])
    : first?.conditions;
  if (conditions && conditions.length > 0) snapshot.conditions = conditions;
  if (first?.node && shown.length === 1) snapshot.node = first.node;
  if (run.deployment) {
    const status = isJson(run.deployment.status) ? run.deployment.status : {};
    const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
    snapshot.workload = {
      kind: 'Deployment',
      name: run.name,
      replicas: typeof deploymentSpec?.replicas === 'number' ? deploymentSpec.replicas : 1,
      // The Pods' own Ready conditions: the watch sees them before the Deployment's status is updated.
      ready: live.filter(isReady).length,
      available: num(status.availableReplicas),
      updated: num(status.updatedReplicas),
      conditions: list(status.conditions).map((c) => ({
        type: text(c.type) ?? '',
        status: text(c.status) ?? 'Unknown',
        ...(text(c.reason) ? { reason: text(c.reason) } : {}),
        ...(text(c.message) ? { message: text(c.message) } : {}),
      })),
    };
  }
  return snapshot;
}

/** "2/3": ready replicas of the desired, for a Deployment; undefined for a bare Pod. */
export function readyText(snapshot: PodSnapshot): string | undefined {
  return snapshot.workload ? `${snapshot.workload.ready}/${snapshot.workload.replicas}` : undefined;
}
