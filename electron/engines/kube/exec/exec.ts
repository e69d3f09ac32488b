// Commands in a replica's container over the API server's exec, through client-node's WebSocket channel protocol
// (v5.channel.k8s.io, which can close stdin, else v4): a live session with TTY resize for the terminal, or a captured
// run with its exit code.
import { randomUUID } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { Exec } from '@kubernetes/client-node';
import { ApiError } from '../../../../shared/api';
import { runSelector } from '../../../../shared/plan/kube';
import { resourcePath, type Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';

type Json = Record<string, unknown>;

export interface ExecTarget {
  namespace: string;
  /** A replica Pod's name, or the run's (the first replica whose container runs is taken). */
  pod: string;
  container: string;
}

export interface ExecOutput {
  stream: 'stdout' | 'stderr' | 'tty';
  data: string;
}

const podNameOf = (p: Json): string => String((p.metadata as Json | undefined)?.name ?? '');

function runningState(pod: Json, container: string): { running: boolean; why: string } {
  const status = (pod.status as Json | undefined) ?? {};
  const all = [...((status.initContainerStatuses as Json[] | undefined) ?? []), ...((status.containerStatuses as Json[] | undefined) ?? [])];
  const s = all.find((c) => c.name === container);
  const state = (s?.state as Json | undefined) ?? {};
  if (state.running) return { running: true, why: '' };
  const waiting = state.waiting as Json | undefined;
  const terminated = state.terminated as Json | undefined;
  const why = waiting ? `waiting: ${String(waiting.reason ?? '')}` : terminated ? `exited with code ${String(terminated.exitCode)}` : 'not started';
  return { running: false, why };
}

/** The Pod to run in: the named one, or the run's first replica whose container is running. */
export async function resolveReplica(cluster: Cluster, target: ExecTarget): Promise<string> {
  const named = await cluster
    .request<Json>('GET', resourcePath({ apiVersion: 'v1', resource: 'pods', namespace: target.namespace, name: target.pod }))
    .catch((err: unknown) => {
      if (err instanceof ClusterError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    });
  const candidates = named
    ? [named]
    : ((await cluster.request<{ items?: Json[] }>('GET', resourcePath({ apiVersion: 'v1', resource: 'pods', namespace: target.namespace }), {
        query: { labelSelector: runSelector(undefined, target.pod) },
      })).items ?? []).sort((a, b) => podNameOf(a).localeCompare(podNameOf(b)));
  if (candidates.length === 0) throw new ApiError('NOT_FOUND', `No Pod "${target.pod}" in namespace "${target.namespace}".`);
  const spec = (candidates[0]!.spec as Json | undefined) ?? {};
  const names = [...((spec.initContainers as Json[] | undefined) ?? []), ...((spec.containers as Json[] | undefined) ?? [])].map((c) => c.name);
  if (!names.includes(target.container)) throw new ApiError('NOT_FOUND', `Pod "${target.pod}" has no container "${target.container}".`);
  const running = candidates.find((p) => runningState(p, target.container).running);
  if (!running) {
    const { why } = runningState(candidates[0]!, target.container);
    throw new ApiError('CONFLICT', `Container "${target.container}" of Pod "${podNameOf(candidates[0]!)}" is not running (${why}).`);
  }
  return podNameOf(running);
}

/** A Writable that hands each chunk on, and carries the terminal size client-node's exec reads for resizes. */
class Sink extends Writable {
  columns: number;
  rows: number;
  constructor(
    private readonly onData: (data: string) => void,
    size: { cols?: number; rows?: number },
  ) {
    super();
    this.columns = size.cols ?? 80;
    this.rows = size.rows ?? 24;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.onData(chunk.toString('utf8'));
    done();
  }
}

/** The exit code of the Status the exec's error channel carries; null when it ended without one. */
export function exitCodeOf(status: { status?: string; reason?: string; message?: string; details?: { causes?: { reason?: string; message?: string }[] } } | undefined): number | null {
  if (!status) return null;
  if (status.status === 'Success') return 0;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  if (cause) return Number(cause.message);
  return null;
}

export class ClusterExecSession {
  readonly id = randomUUID();
  readonly exited: Promise<number | null>;
  private readonly stdin = new PassThrough();
  private socket: { close: () => void } | undefined;
  private stdout!: Sink;
  /** Why the command could not run (the runtime's words), when it ended without an exit code. */
  failure: string | undefined;
  private settle!: (code: number | null) => void;

  private constructor(readonly replica: string) {
    this.exited = new Promise((resolve) => (this.settle = resolve));
  }

  static async start(
    cluster: Cluster,
    target: ExecTarget,
    command: string[],
    options: { tty: boolean; cols?: number; rows?: number; stdin?: boolean },
    onOutput: (output: ExecOutput) => void,
  ): Promise<ClusterExecSession> {
    const replica = await resolveReplica(cluster, target);
    const session = new ClusterExecSession(replica);
    const tty = options.tty;
    session.stdout = new Sink((data) => onOutput({ stream: tty ? 'tty' : 'stdout', data }), options);
    const stderr = new Sink((data) => onOutput({ stream: 'stderr', data }), options);
    // Without a TTY the sink must not look resizable, or client-node would send sizes.
    if (!tty) {
      delete (session.stdout as Partial<Sink>).columns;
      delete (session.stdout as Partial<Sink>).rows;
    }
    let settled = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      session.settle(code);
    };
    try {
      const ws = await new Exec(cluster.kubeConfig).exec(
        target.namespace,
        replica,
        target.container,
        command,
        session.stdout,
        tty ? null : stderr,
        options.stdin === false ? null : session.stdin,
        tty,
        (status) => {
          const code = exitCodeOf(status as Parameters<typeof exitCodeOf>[0]);
          if (code === null && (status as { message?: string }).message) session.failure = (status as { message?: string }).message;
          finish(code);
        },
      );
      session.socket = ws as unknown as { close: () => void };
      (ws as unknown as { on: (e: string, f: () => void) => void }).on('close', () => finish(null));
    } catch (err) {
      throw new ApiError('ENGINE_UNREACHABLE', `Cannot run a command in container "${target.container}" of Pod "${replica}": ${(err as { message?: string }).message ?? String(err)}`);
    }
    return session;
  }

  write(data: string | Buffer): void {
    this.stdin.write(data);
  }

  /** Closes the command's stdin (v5 tells the server; on v4 the stream just ends). */
  endInput(): void {
    this.stdin.end();
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.stdout.columns = cols;
    this.stdout.rows = rows;
    this.stdout.emit('resize');
  }

  close(): void {
    this.socket?.close();
    this.settle(null);
  }
}

export class ClusterExecSessions {
  private readonly sessions = new Map<string, ClusterExecSession>();
  constructor(private readonly max = 32) {}

  add(session: ClusterExecSession): void {
    if (this.sessions.size >= this.max) {
      session.close();
      throw new ApiError('CONFLICT', `At most ${this.max} exec sessions may be open at once.`);
    }
    this.sessions.set(session.id, session);
    void session.exited.finally(() => this.sessions.delete(session.id));
  }

  find(id: string): ClusterExecSession | undefined {
    return this.sessions.get(id);
  }

  remove(id: string): void {
    this.sessions.get(id)?.close();
    this.sessions.delete(id);
  }
}

const CAPTURE_LIMIT = 1024 * 1024;

/** Runs a command to its end without a TTY and returns what it printed (1 MiB per stream at most) and its exit code. */
export async function execCaptureCluster(
  cluster: Cluster,
  target: ExecTarget,
  command: string[],
  options: { stdin?: string; timeoutMs: number },
): Promise<{ exitCode: number | null; stdout: string; stderr: string; truncated: boolean; timedOut: boolean }> {
  let stdout = '';
  let stderr = '';
  let truncated = false;
  const take = (have: string, data: string): string => {
    if (have.length + data.length > CAPTURE_LIMIT) {
      truncated = true;
      return (have + data).slice(0, CAPTURE_LIMIT);
    }
    return have + data;
  };
  const session = await ClusterExecSession.start(cluster, target, command, { tty: false, stdin: options.stdin !== undefined }, (o) => {
    if (o.stream === 'stderr') stderr = take(stderr, o.data);
    else stdout = take(stdout, o.data);
  });
  if (options.stdin !== undefined) {
    session.write(options.stdin);
    session.endInput();
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    session.exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.timeoutMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) session.close();
  const exitCode = timedOut ? null : await session.exited;
  if (exitCode === null && !timedOut && session.failure) stderr = take(stderr, session.failure);
  return { exitCode, stdout, stderr, truncated, timedOut };
}
