// The pure side of running a Pod from the canvas: the run/refuse decision, the status reducer, pull progress and
// the stage line. No React, no API: the store (store.ts) wires these to the engine's events.
import type { PodSnapshot, PodStatusEvent } from '../../../shared/api/contract';
import { PodErrorDetails, type MessageParams } from '../../../shared/api/errors';
import type { CanvasDocument } from '../../../shared/design';
import { companionsOf, containersOf } from '../../../shared/design';
import type { KubeObject } from '../../../shared/manifest';
import type { Diagnostic } from '../../../shared/rules';
import { asksBeforeRun, blocksRun } from '../../../shared/plan/run-decision';
import { isHostAccess } from '../../../shared/rules/catalog/host-access-codes';

export type ContainerStatus = PodSnapshot['containers'][number];
export type ProgressEvent = Extract<PodStatusEvent, { kind: 'progress' }>;

export interface PodKey {
  name: string;
  namespace: string;
}

export function podKey(ref: PodKey): string {
  return `${ref.namespace}/${ref.name}`;
}

/** The Pod the document describes: its name and namespace as the engine will label them. */
export function podRefOf(doc: CanvasDocument): PodKey {
  const meta = doc.pod.metadata ?? {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  return { name, namespace };
}

// ------------------------------------------------------------------ refusal

export interface RunDecision {
  /** Errors the API server (or the plan) would refuse: Run is refused while any is left. */
  blockers: Diagnostic[];
  /** Warnings and runtime errors not yet confirmed: Run asks once ("Run anyway"). */
  warnings: Diagnostic[];
  /** What hands this computer to a container (host-access family), not yet allowed: Run asks about it on its own. */
  hostAccess: Diagnostic[];
}

// What refuses a run and what asks first is decided once, by the gate every entrance uses (shared/plan/check-run).
export { asksBeforeRun, blocksRun } from '../../../shared/plan/run-decision';

/** A stable key for "this warning was confirmed", so a confirmed warning does not ask again. */
export function warningKey(d: Diagnostic): string {
  return `${d.code}@${d.path}`;
}

/** The run bar's decision over the gate's problems (checkRun), leaving out warnings the user already confirmed. */
export function runDecision(diagnostics: readonly Diagnostic[], confirmed: ReadonlySet<string>): RunDecision {
  const unanswered = diagnostics.filter((d) => asksBeforeRun(d) && !confirmed.has(warningKey(d)));
  return {
    blockers: diagnostics.filter(blocksRun),
    warnings: unanswered.filter((d) => !isHostAccess(d)),
    hostAccess: unanswered.filter(isHostAccess),
  };
}

// ------------------------------------------------------------------ what Run sends

/**
 * The objects pod.run receives: the Pod as the YAML panel shows it, and the design's ConfigMaps and Secrets that Pod
 * reads (the engine mounts and injects them; other companions, a Service say, have no meaning to a local run).
 */
export function runDocuments(doc: CanvasDocument, companions: readonly KubeObject[] = []): Record<string, unknown>[] {
  return [doc.pod as unknown as Record<string, unknown>, ...companionsOf(doc.pod, companions)];
}

/** The design id label: the project file's name as a Kubernetes label value, else "untitled". */
export function designIdFor(fileName: string | null): string {
  const base = (fileName ?? '').replace(/\.(pod\.)?ya?ml$/i, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return slug || 'untitled';
}

// ------------------------------------------------------------------ status

/** Applies one status event to the Pods the engine reports, by key; progress events leave them alone. */
export function applyStatusEvent(
  pods: Record<string, PodSnapshot>,
  event: PodStatusEvent,
): Record<string, PodSnapshot> {
  if (event.kind === 'status') return { ...pods, [podKey(event.pod)]: event.pod };
  if (event.kind === 'removed') {
    const key = podKey(event);
    if (!(key in pods)) return pods;
    const next = { ...pods };
    delete next[key];
    return next;
  }
  return pods;
}

/** A container's status, or the failure a run reported for it after rolling the Pod back. */
export type ShownState =
  | { state: 'waiting'; reason: string; message?: string; restartCount: number }
  | { state: 'running'; startedAt: number; restartCount: number }
  | { state: 'terminated'; exitCode: number; reason: string; message?: string; restartCount: number };

export function shownState(status: ContainerStatus | undefined, failure?: RunError): ShownState | undefined {
  if (status) {
    const s = status.state;
    if (s.state === 'running')
      return { state: 'running', startedAt: Date.parse(s.startedAt), restartCount: status.restartCount };
    if (s.state === 'waiting')
      return { state: 'waiting', reason: s.reason, message: s.message, restartCount: status.restartCount };
    return {
      state: 'terminated',
      exitCode: s.exitCode,
      reason: s.reason,
      message: s.message,
      restartCount: status.restartCount,
    };
  }
  if (failure?.exitCode !== undefined) {
    return {
      state: 'terminated',
      exitCode: failure.exitCode,
      reason: failure.code === 'INIT_FAILED' ? 'Error' : failure.code,
      message: failure.message,
      restartCount: 0,
    };
  }
  if (failure) return { state: 'waiting', reason: failure.code, message: failure.message, restartCount: 0 };
  return undefined;
}

/** The phase the UI shows: Kubernetes' phase, or Stopped when nothing of the Pod runs and nothing will restart it. */
export type ShownPhase = PodSnapshot['phase'] | 'Stopped';

/**
 * Kubernetes' phase for the Pod, except after Stop: then every container (the infra too) has exited and, unlike on a
 * node, no kubelet starts them again, so "Running" (what getPhase says for restartPolicy Always) would be false.
 */
export function shownPhase(snapshot: PodSnapshot): ShownPhase {
  const infra = snapshot.containers.find((c) => c.role === 'infra');
  const allExited = snapshot.containers.every((c) => c.state.state === 'terminated');
  return infra && allExited ? 'Stopped' : snapshot.phase;
}

/** Why a Pod failed when its containers did not (the back end's PodSnapshot.reason, issue 21 finding 11). */
export const podFaults = ['InfraStopped', 'InfraMissing', 'ContainerMissing', 'RunInterrupted'] as const;
export type PodFault = (typeof podFaults)[number];

/** The Pod's fault, when the engine reports one this build knows how to say. */
export function podFault(snapshot: PodSnapshot | undefined): PodFault | undefined {
  const reason = snapshot?.reason;
  return (podFaults as readonly string[]).includes(reason ?? '') ? (reason as PodFault) : undefined;
}

/**
 * What a fault means for one container, said on its node: it still runs but has lost the network its infra owned, it
 * was removed from the engine (the kubelet's ContainerStatusUnknown, with no container behind it), or a run that was
 * interrupted created it and nothing will start it.
 */
export type ContainerFault = 'networkGone' | 'removed' | 'neverStarted';

export function containerFault(snapshot: PodSnapshot | undefined, name: string): ContainerFault | undefined {
  const status = snapshot?.containers.find((c) => c.name === name && c.role !== 'infra');
  if (!snapshot || !status) return undefined;
  const s = status.state;
  if (s.state === 'terminated' && s.reason === 'ContainerStatusUnknown' && status.id === undefined) return 'removed';
  const fault = podFault(snapshot);
  if ((fault === 'InfraStopped' || fault === 'InfraMissing') && s.state !== 'terminated') return 'networkGone';
  if (fault === 'RunInterrupted' && s.state === 'waiting') return 'neverStarted';
  return undefined;
}

/** Exit codes of a process ended by a signal a stop sends: SIGTERM (143), SIGKILL (137), or a clean exit on it (0). */
const stopExitCodes = new Set([0, 137, 143]);

/** A container of a stopped Pod that ended the way a stop ends it: shown as stopped, not as an error. */
export function stoppedByStop(shown: ShownState | undefined, phase: ShownPhase | undefined): boolean {
  return phase === 'Stopped' && shown?.state === 'terminated' && stopExitCodes.has(shown.exitCode);
}

/** The stop in progress: which Pod, how (stop or down), since when, and the grace period it waits at most. */
export interface Stopping {
  kind: 'stop' | 'down';
  ref: PodKey;
  startedAt: number;
  /** The Pod's terminationGracePeriodSeconds, when the design says (undefined for a Pod of another design). */
  graceSeconds: number | undefined;
  /** "Stop now" was pressed: the containers are being killed (grace 0). */
  now: boolean;
}

/** Whole seconds left of the grace period at `now`, never below zero; undefined when the grace period is unknown. */
export function graceLeft(stopping: Stopping, now: number): number | undefined {
  if (stopping.graceSeconds === undefined) return undefined;
  // `now` may lag the start by up to a tick of the shared clock: never more than the grace period itself.
  const elapsed = Math.max(0, now - stopping.startedAt);
  return Math.max(0, Math.ceil(stopping.graceSeconds - elapsed / 1000));
}

/** "3s", "4m 05s", "2h 03m", "3d 4h": short enough for a node. */
export function formatUptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

// ------------------------------------------------------------------ progress

interface LayerProgress {
  status: string;
  current?: number;
  total?: number;
}

export interface ImagePull {
  image: string;
  layers: Record<string, LayerProgress>;
}

const layerDone = /^(Pull complete|Already exists|Download complete|Extracting|Verifying Checksum)/i;

/** The image a pull progress event is about: the runtime writes "<image>: <layer> <status>" or "Pulling <image>". */
export function pullImageOf(event: ProgressEvent): string | undefined {
  if (event.stage !== 'pull') return undefined;
  if (event.layer) {
    const at = event.message.indexOf(`: ${event.layer.id}`);
    return at > 0 ? event.message.slice(0, at) : undefined;
  }
  const m = /^Pulling (\S+)/.exec(event.message);
  return m?.[1];
}

/** Folds one progress event into the per-image pulls. */
export function applyPull(pulls: Record<string, ImagePull>, event: ProgressEvent): Record<string, ImagePull> {
  const image = pullImageOf(event);
  if (!image) return pulls;
  const pull = pulls[image] ?? { image, layers: {} };
  if (!event.layer) return pulls[image] ? pulls : { ...pulls, [image]: pull };
  const { id, status, current, total } = event.layer;
  const before = pull.layers[id];
  const layer: LayerProgress = {
    status,
    current: current ?? before?.current,
    total: total ?? before?.total,
  };
  return { ...pulls, [image]: { image, layers: { ...pull.layers, [id]: layer } } };
}

/** How far one image's pull is, 0..100: bytes where the engine gave sizes, else finished layers. */
export function pullPercent(pull: ImagePull): number {
  const layers = Object.values(pull.layers);
  if (layers.length === 0) return 0;
  let bytes = 0;
  let done = 0;
  for (const l of layers) {
    if (!l.total) continue;
    bytes += l.total;
    done += layerDone.test(l.status) ? l.total : Math.min(l.current ?? 0, l.total);
  }
  if (bytes > 0) return Math.floor((done / bytes) * 100);
  return Math.floor((layers.filter((l) => layerDone.test(l.status)).length / layers.length) * 100);
}

/** A stage line as an i18n key and its arguments, so the store stays free of language. */
export interface StageLine {
  key: string;
  args: Record<string, string | number>;
}

/** Init containers that run to completion (not sidecars), in order: "init 1/2: migrate". */
export function initNames(doc: CanvasDocument): string[] {
  return containersOf(doc.pod, 'initContainers')
    .filter((c) => c?.restartPolicy !== 'Always')
    .map((c) => (typeof c?.name === 'string' ? c.name : ''));
}

export function stageLine(event: ProgressEvent, inits: readonly string[], pulls: Record<string, ImagePull>): StageLine {
  const container = event.container ?? '';
  switch (event.stage) {
    case 'check':
      return { key: 'run.stage.check', args: {} };
    case 'network':
      return { key: 'run.stage.network', args: {} };
    case 'pull': {
      const image = pullImageOf(event) ?? '';
      const pull = pulls[image];
      return { key: 'run.stage.pull', args: { image, percent: pull ? pullPercent(pull) : 0 } };
    }
    case 'volume': {
      const m = /"([^"]+)"/.exec(event.message);
      return { key: 'run.stage.volume', args: { name: m?.[1] ?? '' } };
    }
    case 'create':
      return container === 'POD'
        ? { key: 'run.stage.createInfra', args: {} }
        : { key: 'run.stage.create', args: { name: container } };
    case 'start':
      if (container === 'POD') return { key: 'run.stage.startInfra', args: {} };
      if (container) return { key: 'run.stage.startSidecar', args: { name: container } };
      return { key: 'run.stage.startApps', args: {} };
    case 'init': {
      const at = inits.indexOf(container);
      return { key: 'run.stage.init', args: { n: at + 1, total: Math.max(inits.length, at + 1), name: container } };
    }
    case 'rollback':
      return { key: 'run.stage.rollback', args: {} };
    case 'running':
      return { key: 'run.stage.running', args: {} };
    // A cluster run (issue 18): the server's dry run, then the apply.
    case 'kube-check':
      return { key: 'kube.stage.check', args: {} };
    case 'kube-apply':
      return { key: 'kube.stage.create', args: {} };
    default:
      return { key: 'run.stage.other', args: { message: event.message } };
  }
}

// ------------------------------------------------------------------ errors

/** What a failed run, stop or down said: the runtime's own code and context when it gave them. */
export interface RunError {
  /** The Pod runtime's code (INIT_FAILED, PORT_TAKEN...) or, failing that, the API's (ENGINE_UNREACHABLE...). */
  code: string;
  message: string;
  container?: string;
  exitCode?: number;
  logs?: string;
  problems?: { code: string; message: string; messageId?: string; params?: MessageParams }[];
  /** The message's runerrors catalogue key and values, so it shows in the user's language (run-errors-text.ts). */
  messageId?: string;
  params?: MessageParams;
  /** Which action failed; a run by default. */
  during?: 'run' | 'stop' | 'down' | 'restart';
}

/** Reads an ApiError (or anything thrown) into a RunError; the details are validated, never trusted. */
export function runErrorOf(err: unknown): RunError {
  const e = err as { code?: unknown; message?: unknown; details?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  const parsed = PodErrorDetails.safeParse(e?.details);
  if (parsed.success) {
    const { code, container, exitCode, logs, problems, messageId, params } = parsed.data.pod;
    return { code, message, container, exitCode, logs, problems, messageId, params };
  }
  return { code: typeof e?.code === 'string' ? e.code : 'INTERNAL', message };
}
