// `podwright start` (and `npm start`, which runs it) ends with whatever launched it, however that ended.
//
// Killing npm's process leaves its script shell and this process running: npm forwards SIGTERM to the shell only,
// which dies without passing it on, and SIGKILL forwards nothing. The terminal's Ctrl+C reaches the whole group, but a
// process manager, an IDE's stop button or `kill` do not. Linux has a parent-death signal, Node does not expose it, so
// the launcher's ancestry is watched instead: the parent (our ppid changes when it dies) and, under npm, npm itself
// (the parent of its script shell, which is reparented when npm dies).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The parent of process `pid` on Linux (from /proc), undefined elsewhere or once it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) is in parentheses and may hold spaces; the parent id follows its last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Whether `pid` is the shell npm runs a script in: `sh -c <the script> [args]`, the script being what npm says. */
function isNpmScriptShell(pid: number): boolean {
  const script = process.env.npm_lifecycle_script;
  if (!script) return false;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    // npm appends the arguments after `--` to the script: `sh -c "node electron/cli/bin.mjs start --port 8080"`.
    return args.includes('-c') && args.some((a) => a === script || a.startsWith(`${script} `));
  } catch {
    return false;
  }
}

export interface LauncherWatch {
  /** Stops watching. */
  stop: () => void;
}

/** Calls `gone` once (within `intervalMs`) when the process that launched this one, or npm above its shell, ends. */
export function watchLauncher(gone: () => void, intervalMs = 500): LauncherWatch {
  const parent = process.ppid;
  const npm = isNpmScriptShell(parent) ? parentOf(parent) : undefined;
  const timer = setInterval(() => {
    const orphaned = process.ppid !== parent || (npm !== undefined && parentOf(parent) !== npm);
    if (!orphaned) return;
    clearInterval(timer);
    gone();
  }, intervalMs);
  // Watching alone must not keep the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * What the guard runs: it waits for the end of the pipe the launcher holds (closed by the system when the launcher
 * ends, even by SIGKILL), then sends the child SIGTERM, and SIGKILL if it is still there 5 s later. Ctrl+C reaches the
 * child itself through the terminal, so the guard ignores it and waits for the pipe like for anything else.
 */
const GUARD = `
const pid = Number(process.argv[1]);
const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
process.on('SIGINT', () => {});
process.stdin.on('end', () => {
  try { process.kill(pid, 'SIGTERM'); } catch {}
  const since = Date.now();
  const timer = setInterval(() => {
    if (!alive()) process.exit(0);
    if (Date.now() - since > 5000) { try { process.kill(pid, 'SIGKILL'); } catch {} process.exit(0); }
  }, 100);
});
process.stdin.resume();
`;

/**
 * Ends `child` when this process ends, however it ends: a small guard process started here reads a pipe only this
 * process writes to, and stops the child when the pipe closes. For a child whose own code cannot watch us (Electron).
 */
export function endWithUs(child: ChildProcess): void {
  if (child.pid === undefined) return;
  const guard = spawn(process.execPath, ['-e', GUARD, String(child.pid)], { stdio: ['pipe', 'ignore', 'ignore'] });
  // The guard and its pipe must not keep this process alive; a normal end closes the pipe too.
  guard.unref();
  (guard.stdin as unknown as { unref?: () => void }).unref?.();
  child.once('exit', () => guard.kill());
}
