// The back end's implementation of the API contract: one handler per call and topic, shared by both transports.
import type { ApiHandlers } from '../../shared/api';
import { type Engine, podHandlers } from '../engines/docker';
import { containerHandlers } from '../engines/containers-api';
import type { ClusterEngine } from '../engines/kube';
import { lazyClusterCalls, lazyClusterPods } from '../engines/kube-load';
import { logsExecEngineHandlers } from '../engines/engines-api';
import { fileHandlers, type FileOptions } from '../files/files-api';
import { draftHandlers } from '../drafts/drafts-api';
import { appVersion } from '../version';

export interface BackendContext {
  host: 'electron' | 'browser';
  engine: Engine;
  /** A Kubernetes context chosen as the engine (kube.select): when set, the pod.* calls go to the cluster. */
  cluster?: ClusterEngine;
  /** Remembers the chosen cluster in the settings file (null forgets it). */
  remember?: (choice: { context: string; namespace: string } | null) => void;
  /** Design files: the picker's root folder and, in Electron, the native dialogs. */
  files?: FileOptions;
  /** Where unsaved work is kept for crash recovery; drafts/ beside the settings file when absent. */
  drafts?: string;
}

export function createHandlers(ctx: BackendContext): ApiHandlers {
  // engine.select swaps ctx.engine; the Pod runtime (which keeps state per engine) follows it on the next call.
  let podsEngine = ctx.engine;
  let podsNow = podHandlers(podsEngine);
  // The Pod handlers of engines chosen before: a run started there (engine.select mid-run, perhaps from another
  // window) must still answer pod.cancel, or Cancel would find no run and the run could never be stopped.
  const replaced = new Set<ReturnType<typeof podHandlers>>();
  const current = (): ReturnType<typeof podHandlers> => {
    if (podsEngine !== ctx.engine) {
      replaced.add(podsNow);
      podsEngine = ctx.engine;
      podsNow = podHandlers(podsEngine);
    }
    return podsNow;
  };
  // With a cluster as the engine in use, it answers the pod.* calls (dispatch by engine kind).
  // The Kubernetes engine loads on first use; a chosen context has loaded it already.
  const cluster = lazyClusterPods(ctx);
  const pods: ReturnType<typeof podHandlers> = {
    calls: {
      'pod.run': async (input) =>
        ctx.cluster ? (await cluster()).calls['pod.run'](input) : current().calls['pod.run'](input),
      'pod.cancel': async (input) => {
        if (ctx.cluster) return (await cluster()).calls['pod.cancel'](input);
        const answers = await Promise.all([current(), ...replaced].map((h) => h.calls['pod.cancel'](input)));
        const found = (outcome: string) => answers.find((a) => a.outcome === outcome);
        return found('cancelled') ?? found('finished') ?? { outcome: 'not-running' };
      },
      'pod.stop': async (input) =>
        ctx.cluster ? (await cluster()).calls['pod.stop'](input) : current().calls['pod.stop'](input),
      'pod.down': async (input) =>
        ctx.cluster ? (await cluster()).calls['pod.down'](input) : current().calls['pod.down'](input),
      'pod.list': async (input) =>
        ctx.cluster ? (await cluster()).calls['pod.list'](input) : current().calls['pod.list'](input),
    },
    topics: {
      'pod.status': async (params, emit, signal) =>
        ctx.cluster
          ? (await cluster()).topics['pod.status'](params, emit, signal)
          : current().topics['pod.status'](params, emit, signal),
    },
  };
  // Reads ctx.engine on every call, so engine.select takes effect at once.
  const live = logsExecEngineHandlers(ctx);
  return {
    calls: {
      'app.version': async () => ({ name: 'podwright', version: appVersion(), host: ctx.host }),
      'engine.info': async () => (ctx.cluster ? ctx.cluster.info() : ctx.engine.info()),
      ...pods.calls,
      ...live.calls,
      ...fileHandlers(ctx.files),
      ...draftHandlers(ctx.drafts),
      ...containerHandlers(ctx),
      ...lazyClusterCalls(ctx),
    },
    topics: {
      // A cluster has no container event stream: its status comes from watches (pod.status).
      'engine.events': (params, emit, signal) =>
        ctx.cluster
          ? new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
          : ctx.engine.events(params.labels, emit, signal),
      ...pods.topics,
      ...live.topics,
    },
  };
}
