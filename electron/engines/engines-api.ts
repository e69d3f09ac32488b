// The API handlers for pod.logs, pod.exec (captured and live sessions) and engine.list / engine.select; with a
// Kubernetes context as the engine in use (kube.select), the cluster answers them instead.
import type { CallHandlers, TopicHandlers } from '../../shared/api';
import { type Engine, execCapture, ExecSession, ExecSessions, type ExecOutput, streamPodLogs } from './docker';
import type { ClusterHolder } from './kube';
import { lazyClusterPods } from './kube-load';
import { listEngines, selectEngine } from './choice/engines';

/** What these handlers need from the back end: the engine in use, which engine.select replaces. */
export interface EngineHolder extends ClusterHolder {
  engine: Engine;
}

type Calls = Pick<CallHandlers, 'pod.exec' | 'pod.exec.input' | 'pod.exec.resize' | 'engine.list' | 'engine.select'>;
type Topics = Pick<TopicHandlers, 'pod.logs' | 'pod.exec.session'>;

export function logsExecEngineHandlers(ctx: EngineHolder, options: { settings?: string } = {}): { calls: Calls; topics: Topics } {
  const sessions = new ExecSessions();
  // The cluster's handlers load with the Kubernetes engine, which a chosen context has already loaded.
  const cluster = lazyClusterPods(ctx);
  let clusterSessions: { find: (id: string) => unknown } | undefined;
  const onCluster = async () => {
    const handlers = await cluster();
    clusterSessions = handlers.sessions;
    return handlers;
  };
  return {
    calls: {
      'pod.exec': async (input) => {
        if (ctx.cluster) return (await onCluster()).calls['pod.exec'](input);
        const { name, namespace, container, command, stdin, timeoutMs, env, workingDir, user } = input;
        return execCapture(ctx.engine.docker, { pod: name, namespace, container }, command, { stdin, timeoutMs: timeoutMs ?? 60_000, env, workingDir, user });
      },
      'pod.exec.input': async (input) => {
        if (clusterSessions?.find(input.session)) return (await onCluster()).calls['pod.exec.input'](input);
        const { session, data, end } = input;
        const s = sessions.get(session);
        if (data) s.write(data);
        if (end) s.endInput();
        return {};
      },
      'pod.exec.resize': async (input) => {
        if (clusterSessions?.find(input.session)) return (await onCluster()).calls['pod.exec.resize'](input);
        const { session, cols, rows } = input;
        await sessions.get(session).resize(cols, rows);
        return {};
      },
      'engine.list': async () => listEngines({ settings: options.settings }),
      'engine.select': async ({ host }) => {
        ctx.engine = await selectEngine(host, { settings: options.settings });
        // A container engine chosen again: the cluster is no longer the engine in use.
        ctx.cluster?.close();
        ctx.cluster = undefined;
        ctx.remember?.(null);
        return ctx.engine.info();
      },
    },
    topics: {
      'pod.logs': async (params, emit, signal) => {
        if (ctx.cluster) return (await onCluster()).topics['pod.logs'](params, emit, signal);
        const { name, namespace, containers, follow, since, tail, maxLineBytes } = params;
        return streamPodLogs(ctx.engine.docker, { pod: name, namespace, containers, follow, since, tail, maxLineBytes }, emit, signal);
      },
      'pod.exec.session': async (params, emit, signal) => {
        if (ctx.cluster) return (await onCluster()).topics['pod.exec.session'](params, emit, signal);
        const { name, namespace, container, command, tty, cols, rows, env, workingDir, user } = params;
        // The session id goes first, so output that arrives while the TTY is being sized waits for it.
        let started = false;
        const early: ExecOutput[] = [];
        const session = await ExecSession.start(
          ctx.engine.docker,
          { pod: name, namespace, container },
          command,
          { tty: tty ?? true, cols, rows, env, workingDir, user },
          (output) => (started ? emit({ kind: 'output', ...output }) : early.push(output)),
        );
        if (signal.aborted) return void (await session.close());
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
      },
    },
  };
}
