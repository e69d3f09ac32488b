// The API handlers for pod.logs, pod.exec (captured and live sessions) and engine.list / engine.select.
import type { CallHandlers, TopicHandlers } from '../../shared/api';
import { type Engine, execCapture, ExecSession, ExecSessions, type ExecOutput, streamPodLogs } from './docker';
import { listEngines, selectEngine } from './choice/engines';

/** What these handlers need from the back end: the engine in use, which engine.select replaces. */
export interface EngineHolder {
  engine: Engine;
}

type Calls = Pick<CallHandlers, 'pod.exec' | 'pod.exec.input' | 'pod.exec.resize' | 'engine.list' | 'engine.select'>;
type Topics = Pick<TopicHandlers, 'pod.logs' | 'pod.exec.session'>;

export function logsExecEngineHandlers(ctx: EngineHolder, options: { settings?: string } = {}): { calls: Calls; topics: Topics } {
  const sessions = new ExecSessions();
  return {
    calls: {
      'pod.exec': async ({ name, namespace, container, command, stdin, timeoutMs, env, workingDir, user }) =>
        execCapture(ctx.engine.docker, { pod: name, namespace, container }, command, { stdin, timeoutMs: timeoutMs ?? 60_000, env, workingDir, user }),
      'pod.exec.input': async ({ session, data, end }) => {
        const s = sessions.get(session);
        if (data) s.write(data);
        if (end) s.endInput();
        return {};
      },
      'pod.exec.resize': async ({ session, cols, rows }) => {
        await sessions.get(session).resize(cols, rows);
        return {};
      },
      'engine.list': async () => listEngines({ settings: options.settings }),
      'engine.select': async ({ host }) => {
        ctx.engine = await selectEngine(host, { settings: options.settings });
        return ctx.engine.info();
      },
    },
    topics: {
      'pod.logs': ({ name, namespace, containers, follow, since, tail, maxLineBytes }, emit, signal) =>
        streamPodLogs(ctx.engine.docker, { pod: name, namespace, containers, follow, since, tail, maxLineBytes }, emit, signal),
      'pod.exec.session': async ({ name, namespace, container, command, tty, cols, rows, env, workingDir, user }, emit, signal) => {
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
