// Runs a command inside one of a Pod's containers: captured (output + exit code) or as a live session with a
// TTY (stdin, resize, exit code), over the Engine's exec API. Never uses attach, whose JSON body Podman echoes.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type Docker from 'dockerode';
import { ApiError } from '../../../../shared/api';
import { FrameReader } from '../logs/logs-parse';
import { engineAddress, engineLostError, isEngineLost } from '../connection/engine-lost';
import { findPodContainers } from '../logs/logs-targets';
import { streamingClient } from '../connection/streaming-client';
import { endExec, newExecMark, type EndSignal } from './exec-end';

export interface ExecTarget {
  pod: string;
  namespace?: string;
  /** The container's name in the Pod spec. */
  container: string;
}

export interface ExecOptions {
  env?: string[];
  workingDir?: string;
  user?: string;
}

export interface ExecResult {
  /** null when the command was still running at the deadline. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Output past `maxBytes` was dropped. */
  truncated: boolean;
  timedOut: boolean;
  /** The command outlived its deadline and could not be ended (no shell in the image, and an engine elsewhere). */
  stillRunning?: boolean;
}

/** Output kept per stream by a captured exec. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

async function containerId(docker: Docker, target: ExecTarget): Promise<string> {
  try {
    const [found] = await findPodContainers(docker, {
      pod: target.pod,
      namespace: target.namespace,
      containers: [target.container],
    });
    return found!.id;
  } catch (err) {
    throw isEngineLost(err) ? engineLostError(docker, err) : err;
  }
}

/** An exec in one container, with the mark its processes carry (exec-end.ts). */
interface MarkedExec {
  exec: Docker.Exec;
  containerId: string;
  mark: string;
}

async function createExec(
  docker: Docker,
  id: string,
  command: string[],
  tty: boolean,
  stdin: boolean,
  options: ExecOptions,
): Promise<MarkedExec> {
  const mark = newExecMark();
  try {
    const exec = await docker.getContainer(id).exec({
      Cmd: command,
      AttachStdin: stdin,
      AttachStdout: true,
      AttachStderr: true,
      Tty: tty,
      Env: [...(options.env ?? []), mark],
      WorkingDir: options.workingDir,
      User: options.user,
    });
    return { exec, containerId: id, mark };
  } catch (err) {
    if (isEngineLost(err)) throw engineLostError(docker, err);
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 409)
      throw new ApiError('CONFLICT', 'The container is not running, so nothing can run inside it.', { id });
    throw err;
  }
}

/** POST /exec/{id}/start, hijacked: the socket carries stdin one way and the (multiplexed) output the other. */
async function startExec(docker: Docker, marked: MarkedExec, tty: boolean, stdin: boolean): Promise<Duplex> {
  try {
    const exec = streamingClient(docker).getExec(marked.exec.id);
    return (await exec.start({ hijack: true, stdin, Detach: false, Tty: tty })) as Duplex;
  } catch (err) {
    throw isEngineLost(err) ? engineLostError(docker, err) : err;
  }
}

/** Ends the exec's processes (exec-end.ts); true once they are gone. */
function endProcesses(docker: Docker, marked: MarkedExec, signal: EndSignal): Promise<boolean> {
  const local = /^(unix|npipe):/.test(engineAddress(docker));
  return endExec(docker, marked.containerId, marked.exec, marked.mark, signal, local);
}

/** The exit code once the engine has it; Podman and a busy Docker can lag the stream's end a little. */
async function exitCode(exec: Docker.Exec): Promise<number | null> {
  for (let i = 0; i < 50; i++) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null && info.ExitCode !== undefined) return info.ExitCode;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/** Runs `command` without a TTY and returns what it printed and its exit code. */
export async function execCapture(
  docker: Docker,
  target: ExecTarget,
  command: string[],
  options: ExecOptions & { stdin?: string; maxBytes?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ExecResult> {
  const id = await containerId(docker, target);
  const withStdin = options.stdin !== undefined;
  const marked = await createExec(docker, id, command, false, withStdin, options);
  const { exec } = marked;
  const stream = await startExec(docker, marked, false, withStdin);
  const max = options.maxBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const out = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  const size = { stdout: 0, stderr: 0 };
  let truncated = false;
  const frames = new FrameReader((which, chunk, start, end) => {
    const take = Math.min(end - start, max - size[which]);
    if (take < end - start) truncated = true;
    if (take <= 0) return;
    out[which].push(Buffer.from(chunk.subarray(start, start + take)));
    size[which] += take;
  });
  let timedOut = false;
  await new Promise<void>((resolve, reject) => {
    const timer = options.timeoutMs
      ? setTimeout(() => ((timedOut = true), stream.destroy()), options.timeoutMs)
      : undefined;
    const onAbort = (): void => void stream.destroy();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => frames.write(chunk));
    stream.on('error', (err) => {
      if (!timedOut && !options.signal?.aborted && isEngineLost(err)) reject(engineLostError(docker, err));
    });
    stream.on('close', () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    if (withStdin) stream.end(options.stdin);
  });
  let code: number | null = null;
  let stillRunning = false;
  try {
    // Past its deadline (or cancelled) the command is ended, not left running in the container.
    if (timedOut || options.signal?.aborted) stillRunning = !(await endProcesses(docker, marked, 'KILL'));
    else code = await exitCode(exec);
  } catch (err) {
    throw isEngineLost(err) ? engineLostError(docker, err) : err;
  }
  const result: ExecResult = {
    exitCode: code,
    stdout: Buffer.concat(out.stdout).toString('utf8'),
    stderr: Buffer.concat(out.stderr).toString('utf8'),
    truncated,
    timedOut,
  };
  if (stillRunning) result.stillRunning = true;
  return result;
}

export type ExecOutput = { stream: 'stdout' | 'stderr' | 'tty'; data: string };

/** A running command with stdin open: what an in-app terminal or `podwright exec -it` drives. */
export class ExecSession {
  readonly id = randomUUID();
  /** Resolves with the exit code when the command ends (null if the engine could not say). */
  readonly exited: Promise<number | null>;
  private closed = false;
  private ending: Promise<boolean> | undefined;

  private constructor(
    private readonly docker: Docker,
    private readonly marked: MarkedExec,
    private readonly stream: Duplex,
    readonly tty: boolean,
    onOutput: (output: ExecOutput) => void,
  ) {
    // Decode per stream so a multi-byte character split across chunks stays whole.
    const decoders = {
      stdout: new StringDecoder('utf8'),
      stderr: new StringDecoder('utf8'),
      tty: new StringDecoder('utf8'),
    };
    const frames = new FrameReader((which, chunk, start, end) => {
      const data = decoders[which].write(chunk.subarray(start, end));
      if (data) onOutput({ stream: which, data });
    });
    stream.on('data', (chunk: Buffer) => {
      if (!tty) return frames.write(chunk);
      const data = decoders.tty.write(chunk);
      if (data) onOutput({ stream: 'tty', data });
    });
    this.exited = new Promise<number | null>((resolve, reject) => {
      let failure: unknown;
      stream.on('error', (err) => {
        if (!this.closed && isEngineLost(err)) failure = engineLostError(docker, err);
      });
      stream.on('close', () => {
        this.closed = true;
        if (failure) return reject(failure);
        exitCode(marked.exec).then(resolve, (err: unknown) =>
          reject(isEngineLost(err) ? engineLostError(docker, err) : err),
        );
      });
    });
    // Callers that only await later must not see an unhandled rejection in between.
    this.exited.catch(() => undefined);
  }

  static async start(
    docker: Docker,
    target: ExecTarget,
    command: string[],
    options: ExecOptions & {
      tty: boolean;
      cols?: number;
      rows?: number;
      /** Attach stdin (default true). */ stdin?: boolean;
    },
    onOutput: (output: ExecOutput) => void,
  ): Promise<ExecSession> {
    const id = await containerId(docker, target);
    const stdin = options.stdin ?? true;
    const marked = await createExec(docker, id, command, options.tty, stdin, options);
    // Started on the streams client: a terminal may sit quiet for as long as its user likes.
    const stream = await startExec(docker, marked, options.tty, stdin);
    const session = new ExecSession(docker, marked, stream, options.tty, onOutput);
    if (options.tty && options.cols && options.rows) await session.resize(options.cols, options.rows);
    return session;
  }

  write(data: string | Buffer): void {
    if (!this.closed) this.stream.write(data);
  }

  /** Closes stdin (end of input), leaving the output open until the command exits. */
  endInput(): void {
    if (!this.closed) this.stream.end();
  }

  async resize(cols: number, rows: number): Promise<void> {
    if (!this.tty || this.closed) return;
    try {
      await this.marked.exec.resize({ h: rows, w: cols });
    } catch (err) {
      // The command may have exited between the check and the call; only a lost engine matters.
      if (isEngineLost(err)) throw engineLostError(this.docker, err);
    }
  }

  /** The exec's id on the engine (`exec inspect` says whether its process still runs). */
  get execId(): string {
    return this.marked.exec.id;
  }

  /**
   * Hangs up: closes the connection and ends what the session started (SIGHUP, as a terminal does, then SIGKILL for
   * what is left). Resolves true once its processes are gone, false when they could not be ended.
   */
  close(): Promise<boolean> {
    if (!this.ending) {
      this.closed = true;
      this.stream.destroy();
      this.ending = endProcesses(this.docker, this.marked, 'HUP').catch(() => false);
    }
    return this.ending;
  }
}

/** The live sessions of one back end, so input and resize calls can find the session a subscription started. */
export class ExecSessions {
  private readonly sessions = new Map<string, ExecSession>();

  constructor(private readonly max = 32) {}

  add(session: ExecSession): void {
    if (this.sessions.size >= this.max) {
      void session.close();
      throw new ApiError('CONFLICT', `At most ${this.max} exec sessions may be open at once.`);
    }
    this.sessions.set(session.id, session);
    void session.exited.finally(() => this.sessions.delete(session.id)).catch(() => undefined);
  }

  get(id: string): ExecSession {
    const session = this.sessions.get(id);
    if (!session) throw new ApiError('NOT_FOUND', 'That exec session has ended.', { session: id });
    return session;
  }

  remove(id: string): void {
    void this.sessions.get(id)?.close();
    this.sessions.delete(id);
  }
}
