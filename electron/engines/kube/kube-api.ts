// The API handlers of a cluster engine: the kube.* calls (contexts, select, namespaces, preview, apply), and the
// pod.* calls, pod.status, pod.logs and pod.exec* answered by the cluster when a context is the engine in use.
import { ApiError, type ApiErrorCode, type CallHandlers, type TopicHandlers } from '../../../shared/api';
import type { CallInput, CallOutput, EngineStatus } from '../../../shared/api/contract';
import { FIELD_MANAGER } from '../../../shared/plan/kube';
import { ClusterError } from './connection/errors';
import { DeployRefused } from './deploy/deploy';
import { ClusterEngine } from './engine';
import { ClusterExecSession, ClusterExecSessions, execCaptureCluster } from './exec/exec';
import { loadKubeconfig } from './kubeconfig/kubeconfig';
import { streamClusterLogs } from './logs/logs';
import { Cluster } from './connection/cluster';

/** The steps of a cluster run that pod.status's progress events name (the run bar words them). */
type ClusterStage = 'kube-check' | 'kube-apply';

/** The engine in use, as the back end holds it: a cluster engine when a context is chosen. */
export interface ClusterHolder {
  cluster?: ClusterEngine;
  /** Remembers the choice (settings), or forgets it with null. */
  remember?: (choice: { context: string; namespace: string } | null) => void;
}

const apiCodes: Partial<Record<ClusterError['code'], ApiErrorCode>> = {
  UNREACHABLE: 'ENGINE_UNREACHABLE',
  CERTIFICATE: 'ENGINE_UNREACHABLE',
  CREDENTIALS: 'UNAUTHORIZED',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'UNAUTHORIZED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID: 'BAD_REQUEST',
  QUOTA: 'CONFLICT',
  WEBHOOK: 'BAD_REQUEST',
  CONTEXT: 'BAD_REQUEST',
};

/** A cluster failure as an ApiError: the API code for the UI's branch, and details.pod for the run error box. */
export function clusterApiError(err: unknown): unknown {
  if (err instanceof DeployRefused) {
    const code = err.why === 'refused' ? 'KUBE_DRY_RUN_REFUSED' : 'KUBE_CONFLICTS';
    return new ApiError(err.why === 'refused' ? 'BAD_REQUEST' : 'CONFLICT', err.message, {
      pod: {
        code,
        messageId: `kube.errors.${code}`,
        params: { count: err.why === 'refused' ? err.preview.problems.length : err.preview.conflicts.length },
        problems: err.preview.problems.map((p) => ({ code: p.code, message: `${p.object}: ${p.message}`, path: p.path, ...(p.messageId ? { messageId: p.messageId } : {}), ...(p.params ? { params: p.params } : {}) })),
      },
      preview: err.preview,
    });
  }
  if (err instanceof ClusterError) {
    const code = `KUBE_${err.code}`;
    return new ApiError(apiCodes[err.code] ?? 'INTERNAL', err.message, { pod: { code, messageId: `kube.errors.${code}`, params: err.params } });
  }
  return err;
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw clusterApiError(err);
  }
}

function engineOf(holder: ClusterHolder): ClusterEngine {
  if (!holder.cluster) throw new ApiError('BAD_REQUEST', 'No Kubernetes context is the engine in use.');
  return holder.cluster;
}

type ClusterCalls = Pick<CallHandlers, 'kube.contexts' | 'kube.select' | 'kube.namespaces' | 'kube.namespace.create' | 'kube.preview' | 'kube.apply' | 'kube.scale'>;

/** Every context of the kubeconfig, each asked (at once, each bounded) whether it answers, its version and access. */
export async function listContexts(holder: ClusterHolder, timeoutMs = 3000): Promise<CallOutput<'kube.contexts'>> {
  const loaded = loadKubeconfig();
  return Promise.all(
    loaded.contexts.map(async (ctx) => {
      const selected = holder.cluster?.context === ctx.name;
      const namespace = selected ? holder.cluster!.namespace : ctx.namespace;
      const base = {
        context: ctx.name,
        cluster: ctx.cluster,
        user: ctx.user,
        server: ctx.server,
        namespace,
        insecure: ctx.insecure,
        auth: ctx.auth,
        current: loaded.current === ctx.name,
        selected,
        ...(ctx.problem ? { problem: ctx.problem } : {}),
      };
      if (ctx.problem) return { ...base, reachable: false, reason: ctx.problem };
      const engine = selected ? holder.cluster! : new ClusterEngine(loaded, ctx.name, namespace);
      const info = await engine.info(timeoutMs);
      if (!info.reachable) return { ...base, reachable: false, reason: info.reason };
      return {
        ...base,
        reachable: true,
        version: info.version,
        ...(info.cluster?.mayCreatePods !== undefined ? { mayCreatePods: info.cluster.mayCreatePods } : {}),
        ...(info.cluster?.namespaceExists !== undefined ? { namespaceExists: info.cluster.namespaceExists } : {}),
      };
    }),
  );
}

export function clusterCallHandlers(holder: ClusterHolder): ClusterCalls {
  const progress = (engine: ClusterEngine, name: string, stage: ClusterStage, message: string): void =>
    engine.publish({ kind: 'progress', name, namespace: engine.namespace, stage, message });
  return {
    'kube.contexts': () => guard(() => listContexts(holder)),
    'kube.select': ({ context, namespace }) =>
      guard(async (): Promise<EngineStatus> => {
        // The same context and namespace again: the engine in use stays (its watches and port-forwards with it).
        const current = holder.cluster;
        if (current && current.context === context && (namespace === undefined || namespace === current.namespace)) return current.info();
        const engine = new ClusterEngine(loadKubeconfig(), context, namespace);
        const info = await engine.info();
        if (!info.reachable) {
          engine.close();
          throw new ApiError('ENGINE_UNREACHABLE', `${info.reason} ${info.hint}`, { context });
        }
        holder.cluster?.close();
        holder.cluster = engine;
        holder.remember?.({ context, namespace: engine.namespace });
        return info;
      }),
    'kube.namespaces': ({ context }) =>
      guard(async () => {
        const names = await new Cluster(loadKubeconfig(), context).namespaces();
        return names ? { names } : { reason: 'You may not list namespaces in this cluster; type the one to use.' };
      }),
    'kube.namespace.create': ({ context, namespace }) =>
      guard(async () => {
        await new Cluster(loadKubeconfig(), context).createNamespace(namespace);
        return {};
      }),
    'kube.preview': (input) =>
      guard(async () => {
        const engine = engineOf(holder);
        const plan = planOf(engine, input);
        return engine.deployer.preview(plan);
      }),
    'kube.apply': (input) => guard(() => applyRun(engineOf(holder), input, progress)),
    'kube.scale': ({ name, replicas }) =>
      guard(async () => {
        const engine = engineOf(holder);
        await engine.deployer.scale(engine.namespace, name, replicas);
        return {};
      }),
  };
}

function planOf(engine: ClusterEngine, input: CallInput<'kube.preview'>): ReturnType<ClusterEngine['plan']> {
  try {
    return engine.plan(input);
  } catch (err) {
    throw new ApiError('BAD_REQUEST', (err as Error).message);
  }
}

/** Dry run, then apply; resolves with the run's snapshot as soon as the server has stored it. */
export async function applyRun(
  engine: ClusterEngine,
  input: CallInput<'kube.apply'>,
  progress: (engine: ClusterEngine, name: string, stage: ClusterStage, message: string) => void,
): Promise<CallOutput<'kube.apply'>> {
  const plan = planOf(engine, input);
  progress(engine, plan.name, 'kube-check', `Dry run of ${plan.objects.length} objects on ${engine.context}`);
  const result = await engine.deployer.apply(plan, { force: input.force });
  progress(engine, plan.name, 'kube-apply', `Applied ${result.applied.map((a) => `${a.object.kind} ${a.object.name}`).join(', ')} (field manager ${FIELD_MANAGER})`);
  const snapshot = await engine.snapshot(plan.name);
  return snapshot ?? { name: plan.name, namespace: plan.namespace, design: plan.design, phase: 'Pending', restartPolicy: 'Always', containers: [] };
}

type PodCalls = Pick<CallHandlers, 'pod.run' | 'pod.cancel' | 'pod.stop' | 'pod.down' | 'pod.list' | 'pod.exec' | 'pod.exec.input' | 'pod.exec.resize'>;
type PodTopics = Pick<TopicHandlers, 'pod.status' | 'pod.logs' | 'pod.exec.session'>;

/** pod.* on the cluster in use: the same calls the Docker engine answers, with a cluster's meaning. */
export function clusterPodHandlers(holder: ClusterHolder, sessions = new ClusterExecSessions()): { calls: PodCalls; topics: PodTopics; sessions: ClusterExecSessions } {
  return {
    sessions,
    calls: {
      'pod.run': (input) =>
        guard(() => applyRun(engineOf(holder), { documents: input.documents, design: input.design ?? 'untitled' }, (e, name, stage, message) => e.publish({ kind: 'progress', name, namespace: e.namespace, stage, message }))),
      // An apply takes a moment and is not rolled back half-way: there is no run in progress to cancel.
      'pod.cancel': async () => ({ outcome: 'not-running' }),
      'pod.stop': ({ name, namespace }) =>
        guard(async () => {
          const engine = engineOf(holder);
          await engine.deployer.stop(namespace ?? engine.namespace, name);
          return (await engine.snapshot(name)) ?? null;
        }),
      'pod.down': ({ name, namespace, graceSeconds }) =>
        guard(async () => {
          const engine = engineOf(holder);
          engine.forwards.stop(name);
          const gone = await engine.deployer.down(namespace ?? engine.namespace, name, { graceSeconds });
          return { containers: gone.pods, volumes: 0 };
        }),
      'pod.list': () => guard(() => engineOf(holder).list()),
      'pod.exec': ({ name, namespace, container, command, stdin, timeoutMs }) =>
        guard(() => {
          const engine = engineOf(holder);
          return execCaptureCluster(engine.cluster, { namespace: namespace ?? engine.namespace, pod: name, container }, command, { stdin, timeoutMs: timeoutMs ?? 60_000 });
        }),
      'pod.exec.input': async ({ session, data, end }) => {
        const s = sessions.find(session);
        if (!s) throw new ApiError('NOT_FOUND', 'That exec session has ended.', { session });
        if (data) s.write(data);
        if (end) s.endInput();
        return {};
      },
      'pod.exec.resize': async ({ session, cols, rows }) => {
        const s = sessions.find(session);
        if (!s) throw new ApiError('NOT_FOUND', 'That exec session has ended.', { session });
        await s.resize(cols, rows);
        return {};
      },
    },
    topics: {
      'pod.status': (params, emit, signal) => engineOf(holder).watch(params, emit, signal),
      'pod.logs': ({ name, namespace, containers, follow, since, tail, maxLineBytes }, emit, signal) =>
        guard(() => {
          const engine = engineOf(holder);
          return streamClusterLogs(engine.cluster, { namespace: namespace ?? engine.namespace, name, containers, follow, since, tail, maxLineBytes }, emit, signal);
        }),
      'pod.exec.session': ({ name, namespace, container, command, tty, cols, rows }, emit, signal) =>
        guard(async () => {
          const engine = engineOf(holder);
          let started = false;
          const early: { stream: 'stdout' | 'stderr' | 'tty'; data: string }[] = [];
          const session = await ClusterExecSession.start(
            engine.cluster,
            { namespace: namespace ?? engine.namespace, pod: name, container },
            command,
            { tty: tty ?? true, cols, rows },
            (output) => (started ? emit({ kind: 'output', ...output }) : early.push(output)),
          );
          if (signal.aborted) return session.close();
          sessions.add(session);
          emit({ kind: 'started', session: session.id });
          started = true;
          for (const output of early.splice(0)) emit({ kind: 'output', ...output });
          const onAbort = (): void => sessions.remove(session.id);
          signal.addEventListener('abort', onAbort, { once: true });
          try {
            emit({ kind: 'exit', exitCode: await session.exited });
          } finally {
            signal.removeEventListener('abort', onAbort);
            sessions.remove(session.id);
          }
        }),
    },
  };
}
