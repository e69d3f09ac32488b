// Ends what an exec started. Docker has no "exec kill": closing the connection leaves a TTY shell running, and a
// deadline that closes it leaves the command running (cri-dockerd's ExecSync returns at its timeout and leaves the
// process too; Podman's own exec sessions can be stopped because conmon holds their PID).
//
// Every exec Podwright starts carries a mark in its environment, which its children inherit. To end a session, a second
// exec finds the marked processes in the container's /proc and signals them: the command and everything it started.
// Where the container has no shell for that (a distroless image), the exec's own PID from `exec inspect` is signalled
// from this machine when the engine runs here. Either way `exec inspect` then says whether it is gone.
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';

/** The environment variable that marks an exec's processes. */
export const EXEC_MARK = 'PODWRIGHT_EXEC';

/** A fresh mark for one exec, as `NAME=value` for its Env. */
export function newExecMark(): string {
  return `${EXEC_MARK}=${randomUUID()}`;
}

// $1 is the mark (NAME=value), $2 the first signal; a second pass kills what the first signal did not end. Only tools
// every shell image has (sh, tr, grep, kill, sleep). The mark is an argument, never part of the script.
const KILL_MARKED = [
  'pids=""',
  'for p in /proc/[0-9]*; do',
  '  tr "\\000" "\\n" < "$p/environ" 2>/dev/null | grep -qx -- "$1" && pids="$pids ${p#/proc/}"',
  'done',
  '[ -z "$pids" ] && exit 0',
  'kill -s "$2" $pids 2>/dev/null',
  '[ "$2" = KILL ] && exit 0',
  'sleep 1',
  'kill -s KILL $pids 2>/dev/null',
  'exit 0',
].join('\n');

export type EndSignal = 'HUP' | 'KILL';

/** Whether the exec's process still runs (false when the engine no longer knows the exec). */
async function running(exec: Docker.Exec): Promise<boolean> {
  try {
    return Boolean((await exec.inspect()).Running);
  } catch {
    return false;
  }
}

async function waitEnded(exec: Docker.Exec, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!(await running(exec))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Ends the exec's processes: `signal` first (HUP, as a terminal hang-up; KILL for a deadline), then KILL for what is
 * left. Resolves true once the exec's process is gone, false when it could not be ended.
 */
export async function endExec(
  docker: Docker,
  containerId: string,
  exec: Docker.Exec,
  mark: string,
  signal: EndSignal,
  engineIsLocal: boolean,
): Promise<boolean> {
  if (!(await running(exec))) return true;
  try {
    const killer = await docker.getContainer(containerId).exec({
      Cmd: ['sh', '-c', KILL_MARKED, 'sh', mark, signal],
      // As root in the container: the session may run as any user.
      User: '0',
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = (await killer.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream;
    await new Promise<void>((resolve) => {
      stream.on('data', () => undefined);
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
  } catch {
    // No shell in the image, or the container stopped: the exec's own PID is the way left.
  }
  if (await waitEnded(exec, 2000)) return true;
  if (engineIsLocal) {
    const pid = await exec.inspect().then(
      (info) => info.Pid,
      () => 0,
    );
    try {
      if (pid > 0) process.kill(pid, 'SIGKILL');
    } catch {
      // Not ours to signal (a root engine, an unprivileged user), or already gone.
    }
  }
  return waitEnded(exec, 2000);
}
