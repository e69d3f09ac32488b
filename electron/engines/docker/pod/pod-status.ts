// A running Pod's status as the engine shows it: snapshots from its labelled containers, the list of Podwright's Pods,
// and a watch that turns the engine's events into fresh snapshots (no polling).
import type Docker from 'dockerode';
import {
  Labels,
  podPhase,
  podSelector,
  terminatedReason,
  type ContainerStatus,
  type Plan,
  type PodPhase,
} from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { engineLostError, isEngineLost } from '../connection/engine-lost';
import { lineSplitter } from '../connection/json-lines';
import type { RunsInProgress } from './pod-runs';
import type { PodMessage, PodMessageParams } from './pod-errors';
import { podMessages } from './pod-messages';
import { runOwnerGone } from './run-ledger';
import { isNotFound, labelFilters } from './settle';

export interface PodRef {
  name: string;
  namespace?: string;
}

export interface PodSnapshot {
  name: string;
  namespace: string;
  design?: string;
  phase: PodPhase;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  podIP?: string;
  /** The infra first, then init containers, then apps, in spec order. */
  containers: ContainerStatus[];
  /** Why the Pod failed when its containers did not: the infra stopped or went, a container was removed. */
  reason?: 'InfraStopped' | 'InfraMissing' | 'ContainerMissing' | 'RunInterrupted';
  message?: string;
  messageId?: string;
  params?: PodMessageParams;
}

export interface RunProgress {
  stage: 'check' | 'network' | 'image' | 'pull' | 'volume' | 'create' | 'start' | 'init' | 'rollback' | 'running';
  message: string;
  container?: string;
  /** Pull progress of one layer. */
  layer?: { id: string; status: string; current?: number; total?: number };
}

export type PodStatusEvent =
  | { kind: 'status'; pod: PodSnapshot }
  | { kind: 'removed'; name: string; namespace: string }
  | ({ kind: 'progress'; name: string; namespace: string } & RunProgress);

type ContainerInfo = Docker.ContainerInspectInfo;

const ROLE_ORDER: Record<string, number> = { infra: 0, init: 1, sidecar: 1, app: 2 };

/** Reads Pods' status from the engine; `progress` subscribes to the runs in progress, which a watch passes on. */
export class PodStatusReader {
  constructor(
    private readonly engine: Engine,
    private readonly progress: (listener: (event: PodStatusEvent) => void) => () => void,
    private readonly runs: RunsInProgress,
  ) {}

  private get docker(): Docker {
    return this.engine.docker;
  }

  /** The Pod's status now, or undefined when none of its containers exists. */
  async snapshot(ref: PodRef): Promise<PodSnapshot | undefined> {
    const namespace = ref.namespace ?? 'default';
    const list = await this.docker.listContainers({
      all: true,
      filters: { label: labelFilters(podSelector(ref.name, namespace)) },
    });
    const infos = await Promise.all(
      list
        .filter((c) => c.Labels[Labels.role] !== 'volume')
        .map((c) =>
          this.docker
            .getContainer(c.Id)
            .inspect()
            .catch((err: unknown) => (isNotFound(err) ? undefined : Promise.reject(err))),
        ),
    );
    const present = infos.filter((i): i is ContainerInfo => i !== undefined);
    if (present.length === 0) return undefined;
    const snapshot = snapshotOf(ref.name, namespace, present);
    // Containers that will never start, made by a run whose process is gone (killed mid-run): say so, not
    // "ContainerCreating" forever.
    const infra = present.find((i) => i.Config.Labels?.[Labels.role] === 'infra');
    const token = infra?.Config.Labels?.[Labels.run];
    const stranded = present.some((i) => i.State.Status === 'created' && NEVER.test(i.State.StartedAt));
    if (!snapshot.reason && stranded && token && runOwnerGone(token, this.runs.has({ name: ref.name, namespace }))) {
      const m = podMessages.POD_INTERRUPTED({ name: ref.name, namespace, count: present.length });
      Object.assign(snapshot, {
        phase: 'Failed',
        reason: 'RunInterrupted',
        message: m.text,
        messageId: m.id,
        params: m.params,
      });
    }
    return snapshot;
  }

  /** Every Pod Podwright created on this engine, found by label (also those of an earlier run of the app). */
  async list(): Promise<PodSnapshot[]> {
    const all = await this.docker.listContainers({ all: true, filters: { label: [`${Labels.managed}=true`] } });
    const pods = new Map<string, PodRef>();
    for (const c of all) {
      const name = c.Labels[Labels.pod];
      if (!name || c.Labels[Labels.role] === 'volume') continue;
      const namespace = c.Labels[Labels.namespace] ?? 'default';
      pods.set(`${namespace}/${name}`, { name, namespace });
    }
    const snapshots = await Promise.all([...pods.values()].map((ref) => this.snapshot(ref)));
    return snapshots
      .filter((s): s is PodSnapshot => s !== undefined)
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  }

  /**
   * Streams status changes from the engine's events (no polling) until `signal` aborts: first the current status of
   * the matching Pods, then a fresh snapshot of a Pod whenever one of its containers changes, and this runtime's
   * run progress.
   */
  async watch(filter: Partial<PodRef>, emit: (event: PodStatusEvent) => void, signal: AbortSignal): Promise<void> {
    const namespace = filter.namespace ?? (filter.name ? 'default' : undefined);
    const matches = (name: string, ns: string): boolean =>
      (filter.name === undefined || filter.name === name) && (namespace === undefined || namespace === ns);
    const unsubscribe = this.progress((event) => {
      const ns = event.kind === 'status' ? event.pod.namespace : event.namespace;
      const name = event.kind === 'status' ? event.pod.name : event.name;
      if (event.kind === 'progress' && matches(name, ns)) emit(event);
    });
    try {
      await this.follow(filter, namespace, matches, emit, signal);
    } catch (err) {
      if (signal.aborted || !isEngineLost(err)) throw err;
      // The engine went away: a run of these Pods still reports (what it was doing, what is left) before the stream
      // ends, as it says so.
      await this.runs.settled(matches);
      throw engineLostError(this.engine.docker, err);
    } finally {
      unsubscribe();
    }
  }

  private async follow(
    filter: Partial<PodRef>,
    namespace: string | undefined,
    matches: (name: string, ns: string) => boolean,
    emit: (event: PodStatusEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const labels = [`${Labels.managed}=true`];
    if (filter.name) labels.push(`${Labels.pod}=${filter.name}`);
    if (namespace) labels.push(`${Labels.namespace}=${namespace}`);
    const stream = (await this.engine.streams.getEvents({
      filters: { type: ['container'], label: labels },
    })) as NodeJS.ReadableStream & {
      destroy?: () => void;
    };
    const pending = new Map<string, NodeJS.Timeout>();
    const refresh = (ref: PodRef & { namespace: string }): void => {
      const key = `${ref.namespace}/${ref.name}`;
      if (pending.has(key)) return;
      // Coalesce a burst (create, start, attach...) into one snapshot.
      pending.set(
        key,
        setTimeout(() => {
          pending.delete(key);
          if (signal.aborted) return;
          this.snapshot(ref).then(
            (pod) => {
              if (signal.aborted) return;
              emit(pod ? { kind: 'status', pod } : { kind: 'removed', name: ref.name, namespace: ref.namespace });
            },
            () => {},
          );
        }, 15),
      );
    };
    try {
      const initial = filter.name
        ? [await this.snapshot({ name: filter.name, namespace })].filter(Boolean)
        : await this.list();
      for (const pod of initial as PodSnapshot[]) if (matches(pod.name, pod.namespace)) emit({ kind: 'status', pod });
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          stream.destroy?.();
          resolve();
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        stream.on(
          'data',
          lineSplitter((line) => {
            try {
              const event = JSON.parse(line) as { Actor?: { Attributes?: Record<string, string> } };
              const attrs = event.Actor?.Attributes ?? {};
              const name = attrs[Labels.pod];
              const ns = attrs[Labels.namespace] ?? 'default';
              if (name && attrs[Labels.role] !== 'volume' && matches(name, ns)) refresh({ name, namespace: ns });
            } catch {
              // A line that is not JSON is not an event.
            }
          }),
        );
        let ended = false;
        stream.on('end', () => {
          ended = true;
          resolve();
        });
        stream.on('error', (err) => (signal.aborted ? resolve() : reject(err)));
        // Closed before its end, without an error: the engine went away.
        stream.on('close', () => {
          if (!ended && !signal.aborted)
            reject(Object.assign(new Error('the event stream was cut off'), { code: 'ECONNRESET' }));
        });
      });
    } finally {
      for (const t of pending.values()) clearTimeout(t);
      stream.destroy?.();
    }
  }
}

function containerStatus(info: ContainerInfo, initPending: boolean): ContainerStatus {
  const labels = info.Config.Labels ?? {};
  const role = (labels[Labels.role] ?? 'app') as ContainerStatus['role'];
  const s = info.State;
  let state: ContainerStatus['state'];
  if (s.Running && !s.Restarting) state = { state: 'running', startedAt: s.StartedAt };
  else if (s.Restarting)
    state = { state: 'waiting', reason: 'CrashLoopBackOff', message: `restarting after exit code ${s.ExitCode}` };
  else if (s.Status === 'created')
    state = { state: 'waiting', reason: role === 'app' && initPending ? 'PodInitializing' : 'ContainerCreating' };
  else {
    state = {
      state: 'terminated',
      exitCode: s.ExitCode,
      reason: terminatedReason(s.ExitCode, s.OOMKilled),
      startedAt: s.StartedAt,
      finishedAt: s.FinishedAt,
    };
    if (s.Error) state.message = s.Error;
  }
  const status: ContainerStatus = {
    name: labels[Labels.container] ?? info.Name.replace(/^\//, ''),
    role,
    image: info.Config.Image,
    id: info.Id,
    state,
    restartCount: info.RestartCount ?? 0,
  };
  return status;
}

/** The infra's labels with the Pod's init and app containers (Labels.containers), for status to miss a removed one. */
export function withExpected(plan: Plan): Record<string, string> {
  const expected = [...plan.init, ...plan.apps].map((c) => [c.role, c.container, c.body.Image]);
  return { ...plan.infra.body.Labels, [Labels.containers]: JSON.stringify(expected) };
}

/** The containers the infra says the Pod has, or none when it does not say (a Pod of an older Podwright). */
function expectedOf(
  infra: ContainerInfo | undefined,
): { role: ContainerStatus['role']; name: string; image: string }[] {
  try {
    const raw: unknown = JSON.parse(infra?.Config.Labels?.[Labels.containers] ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((e: unknown) =>
      Array.isArray(e) &&
      (e[0] === 'init' || e[0] === 'sidecar' || e[0] === 'app') &&
      typeof e[1] === 'string' &&
      typeof e[2] === 'string'
        ? [{ role: e[0] as ContainerStatus['role'], name: e[1], image: e[2] }]
        : [],
    );
  } catch {
    return [];
  }
}

/** Docker's "never started" time. */
const NEVER = /^0001-01-01/;

/** The Pod's snapshot from its containers' inspect results, in spec order, with the phase as the kubelet computes it. */
export function snapshotOf(name: string, namespace: string, infos: ContainerInfo[]): PodSnapshot {
  const sorted = [...infos].sort((a, b) => {
    const la = a.Config.Labels ?? {};
    const lb = b.Config.Labels ?? {};
    return (
      (ROLE_ORDER[la[Labels.role] ?? 'app'] ?? 3) - (ROLE_ORDER[lb[Labels.role] ?? 'app'] ?? 3) ||
      Number(la[Labels.index] ?? 0) - Number(lb[Labels.index] ?? 0)
    );
  });
  const initPending = sorted.some(
    (i) => i.Config.Labels?.[Labels.role] === 'init' && !(i.State.Status === 'exited' && i.State.ExitCode === 0),
  );
  const present = sorted.map((i) => containerStatus(i, initPending));
  const infra = sorted.find((i) => i.Config.Labels?.[Labels.role] === 'infra');
  // Every container is created before the first init container starts: once one has started, an expected container
  // that is not there was removed behind Podwright's back (Kubernetes would recreate it; nothing here does).
  const begun = sorted.some((i) => i.Config.Labels?.[Labels.role] !== 'infra' && !NEVER.test(i.State.StartedAt));
  const expected = begun ? expectedOf(infra) : [];
  const missing = expected.filter((e) => !present.some((c) => c.name === e.name && c.role !== 'infra'));
  const containers = [
    ...present.filter((c) => c.role === 'infra'),
    ...expected.map(
      (e) =>
        present.find((c) => c.name === e.name && c.role !== 'infra') ?? {
          name: e.name,
          role: e.role,
          image: e.image,
          // What the kubelet reports for a container it cannot find.
          state: {
            state: 'terminated' as const,
            exitCode: 137,
            reason: 'ContainerStatusUnknown',
            message: 'The container could not be located: it was removed from the engine',
          },
          restartCount: 0,
        },
    ),
    ...present.filter((c) => c.role !== 'infra' && !expected.some((e) => e.name === c.name)),
  ];
  const restartPolicy = (infra?.Config.Labels?.[Labels.restartPolicy] ?? 'Always') as PodSnapshot['restartPolicy'];
  const snapshot: PodSnapshot = {
    name,
    namespace,
    phase: podPhase(restartPolicy, containers),
    restartPolicy,
    containers,
  };
  // A Pod still meant to run whose infra or a container is gone: nothing restarts or recreates them, so it has failed.
  // (A Pod that already ended keeps its phase; a container missing from it is still said.)
  const meant = snapshot.phase === 'Running' || snapshot.phase === 'Pending';
  if (meant || (snapshot.phase === 'Failed' && missing.length > 0)) {
    const ref = { name, namespace };
    // Stopped under containers that still run (a Pod stopped on purpose has its infra stopped last, after them).
    const infraDown =
      infra &&
      !infra.State.Running &&
      !NEVER.test(infra.State.StartedAt) &&
      sorted.some((i) => i !== infra && i.State.Running);
    const why: [PodSnapshot['reason'], PodMessage] | undefined =
      meant && !infra && begun
        ? ['InfraMissing', podMessages.INFRA_MISSING(ref)]
        : meant && infraDown
          ? ['InfraStopped', podMessages.INFRA_STOPPED(ref)]
          : missing.length > 0
            ? ['ContainerMissing', podMessages.CONTAINER_MISSING({ ...ref, containers: missing.map((m) => m.name) })]
            : undefined;
    if (why) {
      const [reason, m] = why;
      Object.assign(snapshot, { phase: 'Failed', reason, message: m.text, messageId: m.id, params: m.params });
    }
  }
  const design = infra?.Config.Labels?.[Labels.design];
  if (design) snapshot.design = design;
  const ip = infra ? Object.values(infra.NetworkSettings.Networks ?? {})[0]?.IPAddress : undefined;
  if (ip) snapshot.podIP = ip;
  return snapshot;
}
