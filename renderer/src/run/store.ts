// The run store: the current document's Pod as the engine reports it, fed by ONE pod.status subscription (events,
// never a polling loop), and the run, stop, down and restart actions the run bar, shortcuts and workshop call.
import { create } from 'zustand';
import type { PodSnapshot, PodStatusEvent } from '../../../shared/api/contract';
import { api } from '../api';
import { useDocument } from '../store/document';
import { diagnosticsOf } from '../store/diagnostics';
import { checksPart, loadedChecks } from '../store/checks-part';
import type { Companions } from '../../../shared/plan';
import { withDefaults } from '../../../shared/model';
import { companionsOf, type CanvasDocument } from '../../../shared/design';
import type { KubeObject } from '../../../shared/manifest';
import { useEngine } from '../store/engine';
import { onCluster, runOnCluster } from '../kube/store';
import type { Diagnostic } from '../../../shared/rules';
import {
  applyPull,
  applyStatusEvent,
  designIdFor,
  initNames,
  podKey,
  podRefOf as designRefOf,
  runDecision,
  runDocuments,
  runErrorOf,
  stageLine,
  warningKey,
  type Stopping,
  type ImagePull,
  type PodKey,
  type ProgressEvent,
  type RunError,
  type StageLine,
} from './model';

export type RunBusy = 'run' | 'stop' | 'down' | 'restart' | undefined;

/**
 * What the run bar asks or says before a run: the errors that refuse it, or the warnings to confirm, with what hands
 * this computer to a container (`hostAccess`) as its own question when there is any.
 */
export type RunQuestion =
  | { kind: 'refused'; diagnostics: Diagnostic[] }
  | { kind: 'confirm'; diagnostics: Diagnostic[]; hostAccess: Diagnostic[] }
  /** The Pod runs: Run would re-create it (its containers stop, with the grace period, and start again). */
  | { kind: 'recreate'; pod: string }
  /** The Pod runs: Down would stop it and remove its containers and volumes. */
  | { kind: 'down'; pod: string };

export interface RunState {
  /** Every Podwright Pod on the engine, by "namespace/name", as the last events described them. */
  pods: Record<string, PodSnapshot>;
  /** The Pod the run bar and canvas follow: pinned by run() or attach(), else the document's own. */
  pinned: PodKey | undefined;
  /** The pinned Pod is not this document's: one attached from the leftovers. */
  attached: boolean;
  /** The followed Pod as the engine reports it; undefined means design state (nothing running or left). */
  snapshot: PodSnapshot | undefined;
  /** The last progress event of a run in progress, and its stage line. */
  progress: ProgressEvent | undefined;
  stage: StageLine | undefined;
  /** Per-image pull progress of the run in progress. */
  pulls: Record<string, ImagePull>;
  /** The last failure of run, stop or down, typed by the runtime's code. */
  error: RunError | undefined;
  busy: RunBusy;
  /** The user asked to cancel the run in progress; it is rolling back. */
  cancelling: boolean;
  /** A stop (Stop, Down, or Run replacing the running Pod) waiting out the grace period; Stop now ends it. */
  stopping: Stopping | undefined;
  question: RunQuestion | undefined;
  /** Warnings the user chose to run anyway (by code and path): they do not ask again. */
  confirmed: Set<string>;
  /**
   * Keys ("namespace/name") of Pods found on start (or after the engine came back, or left by an earlier design) that
   * are not this document's. Keys, not snapshots: status events update `pods`, so read them with leftoverPods().
   */
  leftovers: string[];
  leftoversDismissed: boolean;
  /** The status subscription is open. */
  watching: boolean;

  /**
   * `force` runs despite warnings without remembering them (a lesson's run); the user's answer() remembers.
   * `recreate`: the user means to re-create a running Pod (Restart, a lesson), so Run does not ask.
   */
  run: (options?: { force?: boolean; recreate?: boolean }) => Promise<void>;
  /** Cancels the run in progress (pod.cancel): the engine rolls it back and the canvas returns to design state. */
  cancel: () => Promise<void>;
  stop: () => Promise<void>;
  /** Removes the followed Pod; asks first while some container of it runs, unless `confirmed` (the user said yes). */
  down: (options?: { confirmed?: boolean }) => Promise<void>;
  /** Ends the stop in progress at once: its containers are killed (grace 0, as kubectl delete --grace-period=0 --force). */
  stopNow: () => Promise<void>;
  restart: () => Promise<void>;
  /** Answers the question: run anyway (remembering the warnings), re-create or take down the running Pod, or not. */
  answer: (runAnyway: boolean) => void;
  attach: (pod: PodKey) => void;
  detach: () => void;
  cleanUp: (pod: PodKey) => Promise<void>;
  /** Removes the given Pod (pod.down) and unpins it if followed; other Pods, the followed one included, stay. */
  remove: (pod: PodKey) => Promise<void>;
  dismissLeftovers: () => void;
  clearError: () => void;
}

/** Some container of the Pod (its infra container aside) has not ended: the Pod is doing something. */
function runsContainers(pod: PodSnapshot): boolean {
  return pod.containers.some((c) => c.role !== 'infra' && c.state.state !== 'terminated');
}

/**
 * The Pod the document describes, where the engine in use runs it: on a cluster, in the namespace chosen for it (a
 * design's Pod rarely names one), else as the design says.
 */
function podRefOf(doc: Parameters<typeof designRefOf>[0]): PodKey {
  const ref = designRefOf(doc);
  const cluster = useEngine.getState().status?.cluster;
  return cluster ? { name: ref.name, namespace: cluster.namespace } : ref;
}

function followed(state: Pick<RunState, 'pinned'>): PodKey {
  return state.pinned ?? podRefOf(useDocument.getState().doc);
}

function snapshotFor(pods: Record<string, PodSnapshot>, ref: PodKey): PodSnapshot | undefined {
  return ref.name ? pods[podKey(ref)] : undefined;
}

/**
 * The gate's problems for the active Pod on the chosen engine: the rules the canvas already shows (with what only the
 * canvas knows), plus what the engine adds (an old engine, a ConfigMap the design lacks), as pod.run will check them.
 */
function companionsFor(pod: CanvasDocument['pod'], companions: readonly KubeObject[]): Companions {
  const objects = companionsOf(pod, companions);
  return {
    configMaps: objects.filter((o) => o.kind === 'ConfigMap') as unknown as Companions['configMaps'],
    secrets: objects.filter((o) => o.kind === 'Secret') as unknown as Companions['secrets'],
  };
}

/** The grace period the Pod `ref` waits for when stopped: the design's, when `ref` is the design's own Pod. */
function graceOf(ref: PodKey): number | undefined {
  const doc = useDocument.getState().doc;
  if (podKey(podRefOf(doc)) !== podKey(ref)) return undefined;
  const grace = withDefaults(doc.pod).spec?.terminationGracePeriodSeconds;
  return typeof grace === 'number' ? grace : 30;
}

/** The gate's problems; the checks must have loaded (run awaits them). */
function gateProblems(): Diagnostic[] {
  const { checkRun, deploymentDiagnostics } = loadedChecks()!;
  const { doc, companions } = useDocument.getState();
  const status = useEngine.getState().status;
  // A cluster judges the design itself in its dry run: the gate is the rules alone, without Docker's engine checks.
  const engine =
    status?.reachable && !status.cluster
      ? { name: status.name, apiVersion: status.apiVersion, cpus: status.cpus, memoryBytes: status.memoryBytes }
      : undefined;
  const problems = checkRun(doc.pod, engine, {
    ruleProblems: diagnosticsOf(doc).all,
    companions: companionsFor(doc.pod, companions),
  }).problems;
  // A cluster applies the Deployment the Pod is wrapped in: what the rules refuse in it (replicas that are not a
  // count, a selector that misses its template) refuses the run too. Docker runs the Pod alone, without it.
  if (!status?.cluster) return problems;
  return [...problems, ...deploymentDiagnostics(doc).filter((d) => d.severity === 'error')];
}

export const useRun = create<RunState>((set, get) => {
  /** Recomputes the followed snapshot after pods or the followed Pod changed. */
  const settle = (patch: Partial<RunState>): void => {
    const next = { ...get(), ...patch };
    set({ ...patch, snapshot: snapshotFor(next.pods, followed(next)) });
  };

  /** Runs a stop of `ref` (its grace period shown as a countdown, Stop now possible) and clears it when done. */
  const stopping = async <T>(kind: Stopping['kind'], ref: PodKey, work: () => Promise<T>): Promise<T> => {
    set({ stopping: { kind, ref, startedAt: Date.now(), graceSeconds: graceOf(ref), now: false } });
    try {
      return await work();
    } finally {
      set({ stopping: undefined });
    }
  };

  const down = async (ref: PodKey): Promise<void> => {
    await stopping('down', ref, () => api().call('pod.down', { name: ref.name, namespace: ref.namespace }));
    // Do not wait for the removal event: the canvas returns to design state at once.
    settle({ pods: applyStatusEvent(get().pods, { kind: 'removed', ...ref }) });
  };

  /** The patch that stops following `pod` if it is the pinned one. */
  const unpinned = (pod: PodKey): Partial<RunState> => {
    const pinned = get().pinned;
    return pinned !== undefined && podKey(pinned) === podKey(pod) ? { pinned: undefined, attached: false } : {};
  };

  /** The Pod this window's run in progress started: what Cancel cancels, whatever the bar follows meanwhile. */
  let launched: PodKey | undefined;

  /** A cancelled run: the engine removed what it made, so the canvas shows the design again. */
  const backToDesign = (ref: PodKey): void =>
    settle({
      pods: applyStatusEvent(get().pods, { kind: 'removed', ...ref }),
      ...unpinned(ref),
      progress: undefined,
      stage: undefined,
      pulls: {},
    });

  const launch = async (): Promise<void> => {
    const { doc } = useDocument.getState();
    const { fileName } = useDocument.getState();
    const ref = podRefOf(doc);
    const design = designIdFor(fileName);
    launched = ref;
    settle({
      pinned: ref,
      attached: false,
      busy: 'run',
      error: undefined,
      progress: undefined,
      stage: undefined,
      pulls: {},
    });
    try {
      // Run means "this design, now": an earlier run of the same design is replaced. A Pod of the same name from
      // another design is left alone, and the engine's POD_EXISTS says so.
      // On a cluster, Run applies the design over what runs (server-side apply): nothing is removed first.
      const cluster = onCluster();
      const existing = snapshotFor(get().pods, ref);
      if (!cluster && existing && (existing.design === undefined || existing.design === design)) await down(ref);
      // Cancelled while the earlier run was removed: there is nothing of this run to roll back.
      if (get().cancelling) return backToDesign(ref);
      const pod = cluster
        ? await runOnCluster(doc, useDocument.getState().companions, design)
        : await api().call('pod.run', {
            documents: runDocuments(doc, useDocument.getState().companions),
            design,
          });
      // The user did not apply the dry run: nothing changed on the cluster.
      if (!pod)
        return settle({ ...(existing ? {} : { pinned: undefined }), progress: undefined, stage: undefined, pulls: {} });
      const pods = { ...get().pods, [podKey(pod)]: pod };
      const pinned = get().pinned;
      // Another design was opened while this one started: its Pod is now a leftover, not the canvas's.
      const orphaned = !pinned || podKey(pinned) !== podKey(ref);
      const others = get().leftovers.filter((k) => k !== podKey(pod));
      const leftovers = orphaned ? { leftovers: [...others, podKey(pod)], leftoversDismissed: false } : {};
      // It runs: an error shown meanwhile (a cancel the back end refused) no longer applies.
      settle({ pods, ...leftovers, error: undefined, progress: undefined, stage: undefined, pulls: {} });
    } catch (err) {
      const error = runErrorOf(err);
      // A cancelled run is not a failure.
      if (error.code === 'RUN_CANCELLED') backToDesign(ref);
      else settle({ error: { ...error, during: 'run' }, progress: undefined, stage: undefined, pulls: {} });
    } finally {
      launched = undefined;
      set({ busy: undefined, cancelling: false });
    }
  };

  const guarded = async (busy: RunBusy, work: () => Promise<void>): Promise<void> => {
    if (get().busy) return;
    set({ busy, error: undefined });
    try {
      await work();
    } catch (err) {
      set({ error: { ...runErrorOf(err), during: busy } });
    } finally {
      set({ busy: undefined });
    }
  };

  return {
    pods: {},
    pinned: undefined,
    attached: false,
    snapshot: undefined,
    progress: undefined,
    stage: undefined,
    pulls: {},
    error: undefined,
    busy: undefined,
    cancelling: false,
    stopping: undefined,
    question: undefined,
    confirmed: new Set(),
    leftovers: [],
    leftoversDismissed: false,
    watching: false,

    run: async (options = {}) => {
      if (get().busy) return;
      // The checks load right after the first screen; a Run before they are there waits for them.
      if (!loadedChecks()) {
        await checksPart.load();
        if (get().busy) return;
      }
      const decision = runDecision(gateProblems(), get().confirmed);
      if (decision.blockers.length > 0) {
        set({ question: { kind: 'refused', diagnostics: decision.blockers } });
        return;
      }
      // A lesson's forced run passes warnings, never access to this computer: that is always the user's to give.
      if ((decision.warnings.length > 0 && !options.force) || decision.hostAccess.length > 0) {
        set({ question: { kind: 'confirm', diagnostics: decision.warnings, hostAccess: decision.hostAccess } });
        return;
      }
      // Run on a Pod that runs re-creates it: say so first, unless the user asked for exactly that.
      const own = snapshotFor(get().pods, podRefOf(useDocument.getState().doc));
      if (!options.recreate && own && runsContainers(own)) {
        set({ question: { kind: 'recreate', pod: own.name } });
        return;
      }
      set({ question: undefined });
      await launch();
    },
    cancel: async () => {
      const ref = launched;
      if (get().busy !== 'run' || get().cancelling || !ref) return;
      set({ cancelling: true });
      try {
        // Resolves once the engine has rolled the run back; pod.run then fails with RUN_CANCELLED (see launch).
        await api().call('pod.cancel', { name: ref.name, namespace: ref.namespace });
      } catch (err) {
        set({ cancelling: false, error: { ...runErrorOf(err), during: 'run' } });
      }
    },
    stop: () =>
      guarded('stop', async () => {
        const ref = followed(get());
        if (!ref.name) return;
        const pod = await stopping('stop', ref, () =>
          api().call('pod.stop', { name: ref.name, namespace: ref.namespace }),
        );
        if (pod) settle({ pods: { ...get().pods, [podKey(pod)]: pod } });
      }),
    stopNow: async () => {
      const now = get().stopping;
      if (!now || now.now) return;
      set({ stopping: { ...now, now: true } });
      const ref = { name: now.ref.name, namespace: now.ref.namespace };
      try {
        // A second stop with no grace kills what the first is waiting for; the first then returns as usual.
        if (now.kind === 'stop') await api().call('pod.stop', { ...ref, graceSeconds: 0 });
        else await api().call('pod.down', { ...ref, graceSeconds: 0 });
      } catch (err) {
        set({ error: { ...runErrorOf(err), during: now.kind } });
      }
    },
    down: async (options = {}) => {
      if (get().busy) return;
      // Removing a running Pod ends what it is doing and loses its logs and emptyDir files: ask, as Run does before
      // re-creating it. A stopped Pod goes without asking.
      const pod = get().snapshot;
      if (!options.confirmed && pod && runsContainers(pod)) {
        set({ question: { kind: 'down', pod: pod.name } });
        return;
      }
      await guarded('down', async () => {
        const ref = followed(get());
        if (!ref.name) return;
        await down(ref);
        settle({ pinned: undefined, attached: false });
      });
    },
    restart: async () => {
      if (get().busy) return;
      // The Pod is made again from the current design; warnings already confirmed do not ask again.
      await get().run({ recreate: true });
    },
    answer: (runAnyway) => {
      const question = get().question;
      set({ question: undefined });
      if (runAnyway && question?.kind === 'confirm') {
        // The user's own "run anyway" is remembered: these warnings do not ask again.
        const answered = [...question.diagnostics, ...question.hostAccess].map(warningKey);
        set({ confirmed: new Set([...get().confirmed, ...answered]) });
        void get().run();
      }
      if (runAnyway && question?.kind === 'recreate') void get().run({ recreate: true });
      if (runAnyway && question?.kind === 'down') void get().down({ confirmed: true });
    },
    attach: (pod) => {
      settle({ pinned: { name: pod.name, namespace: pod.namespace }, attached: true, error: undefined });
    },
    detach: () => settle({ pinned: undefined, attached: false }),
    cleanUp: (pod) =>
      guarded('down', async () => {
        await down(pod);
        const left = get().leftovers.filter((k) => k !== podKey(pod));
        settle({ leftovers: left, ...unpinned(pod) });
      }),
    remove: (pod) =>
      guarded('down', async () => {
        await down(pod);
        settle(unpinned(pod));
      }),
    dismissLeftovers: () => set({ leftoversDismissed: true }),
    clearError: () => set({ error: undefined }),
  };
});

/** The leftover Pods as the engine last reported them (derived from `pods`, so never a stale copy). */
export function leftoverPods(leftovers: readonly string[], pods: Record<string, PodSnapshot>): PodSnapshot[] {
  return leftovers.flatMap((k) => (pods[k] ? [pods[k]] : []));
}

// ------------------------------------------------------------------ the subscription

/** Folds a batch of pod.status events into the store. */
export function receiveStatusEvents(events: PodStatusEvent[]): void {
  const state = useRun.getState();
  let pods = state.pods;
  let progress = state.progress;
  let pulls = state.pulls;
  let stage = state.stage;
  const ref = followed(state);
  const inits = initNames(useDocument.getState().doc);
  for (const event of events) {
    pods = applyStatusEvent(pods, event);
    // Progress is shown for the followed Pod while this window runs it.
    if (
      event.kind === 'progress' &&
      state.busy === 'run' &&
      event.name === ref.name &&
      event.namespace === ref.namespace
    ) {
      pulls = applyPull(pulls, event);
      progress = event;
      stage = stageLine(event, inits, pulls);
    }
  }
  const patch: Partial<RunState> = { pods, progress, pulls, stage };
  // A Pod removed elsewhere (the CLI, another window) unpins: the canvas goes back to design state.
  if (
    state.pinned &&
    !pods[podKey(state.pinned)] &&
    state.busy === undefined &&
    events.some((e) => e.kind === 'removed')
  )
    Object.assign(patch, { pinned: undefined, attached: false });
  // A leftover removed elsewhere leaves the list, so a later Pod of the same name is not taken for it.
  if (events.some((e) => e.kind === 'removed') && state.leftovers.some((k) => !pods[k]))
    patch.leftovers = state.leftovers.filter((k) => pods[k]);
  const next = { ...state, ...patch };
  useRun.setState({ ...patch, snapshot: snapshotFor(next.pods, followed(next)) });
}

/**
 * Replaces the known Pods with the engine's list: after a (re)connect, or when the stream skipped events under
 * back-pressure. With `leftovers`, also lists the Pods that are not this document's.
 */
async function resync(leftovers: boolean): Promise<void> {
  try {
    const pods = await api().call('pod.list');
    const own = podKey(podRefOf(useDocument.getState().doc));
    const state = useRun.getState();
    const known: Record<string, PodSnapshot> = {};
    for (const pod of pods) known[podKey(pod)] = pod;
    const next = { ...state, pods: known };
    useRun.setState({
      pods: known,
      ...(leftovers ? { leftovers: pods.map(podKey).filter((k) => k !== own), leftoversDismissed: false } : {}),
      snapshot: snapshotFor(known, followed(next)),
    });
  } catch {
    // No engine: the status bar already says so; the list comes when it returns.
  }
}

/**
 * Opens the pod.status subscription (all Podwright Pods, so leftovers stay current too), lists leftovers, and
 * reopens both when the engine comes back or another engine is selected. Returns the stop function.
 */
export function startRunWatch(): () => void {
  let unsubscribe: (() => void) | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  /** Counts opened subscriptions: a replaced one that ends (or delivers) late must not touch the current one. */
  let generation = 0;

  /** The engine went away: ask it again after a growing pause (a reconnect, not a status poll). */
  const reconnect = (): void => {
    if (retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void useEngine
        .getState()
        .refresh()
        .then(() => {
          if (stopped || useRun.getState().watching) return;
          if (useEngine.getState().status?.reachable) open();
          else reconnect();
        });
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };

  const open = (): void => {
    unsubscribe?.();
    if (stopped) return;
    useRun.setState({ watching: true });
    const mine = ++generation;
    unsubscribe = api().subscribe(
      'pod.status',
      {},
      {
        onEvents: (events, skipped) => {
          if (mine !== generation) return;
          delay = 1000;
          receiveStatusEvents(events);
          // Events were dropped to keep up: what was missed is read back from the engine at once.
          if (skipped > 0) void resync(false);
        },
        onEnd: (error) => {
          if (mine !== generation) return;
          unsubscribe = undefined;
          useRun.setState({ watching: false });
          // The back end itself is gone for good: nothing to reconnect to.
          if (stopped || error?.code === 'DISCONNECTED') return;
          reconnect();
        },
      },
    );
    void resync(true);
  };

  // Reopen when the engine becomes reachable again or the user picks another engine.
  let lastEndpoint = endpointOf(useEngine.getState().status);
  let lastReachable = useEngine.getState().status?.reachable === true;
  const stopEngine = useEngine.subscribe((s) => {
    const reachable = s.status?.reachable === true;
    const endpoint = endpointOf(s.status);
    const changed = endpoint !== lastEndpoint || (reachable && !lastReachable);
    lastEndpoint = endpoint;
    lastReachable = reachable;
    if (changed && reachable) open();
    else if (s.status && !reachable && !useRun.getState().watching) reconnect();
  });

  // A new document (New, Open, an example) follows its own Pod, not the one pinned by an earlier run.
  let loads = useDocument.getState().loads;
  let name = podKey(podRefOf(useDocument.getState().doc));
  const stopDocument = useDocument.subscribe((s) => {
    const nextName = podKey(podRefOf(s.doc));
    if (s.loads === loads && nextName === name) return;
    const loaded = s.loads !== loads;
    loads = s.loads;
    name = nextName;
    const state = useRun.getState();
    const unpin = loaded;
    const pinned = unpin ? undefined : state.pinned;
    const next = { ...state, pinned };
    // The Pod the previous design left running is now a leftover: list it so it can be attached or cleaned up.
    const left = unpin && state.pinned ? state.pods[podKey(state.pinned)] : undefined;
    const leftovers =
      left && podKey(left) !== nextName && !state.leftovers.includes(podKey(left))
        ? { leftovers: [...state.leftovers, podKey(left)], leftoversDismissed: false }
        : {};
    useRun.setState({
      pinned,
      attached: unpin ? false : state.attached,
      error: loaded ? undefined : state.error,
      ...leftovers,
      snapshot: snapshotFor(state.pods, followed(next)),
    });
  });

  // The app asks the engine once on start; the listener above opens the subscription when it answers.
  const status = useEngine.getState().status;
  if (status?.reachable) open();
  else if (status) reconnect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    unsubscribe?.();
    stopEngine();
    stopDocument();
  };
}

function endpointOf(status: ReturnType<typeof useEngine.getState>['status']): string | undefined {
  // A cluster is its context and namespace: another namespace of the same server is another set of Pods.
  return status?.cluster
    ? `${status.endpoint.host}#${status.cluster.context}/${status.cluster.namespace}`
    : status?.endpoint.host;
}
