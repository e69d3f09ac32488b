// `podwright` as a user runs it, for the CLI's tests: a separate process through bin.mjs, with the locally built
// infra image, off a terminal (so whatever `run` asks about is answered no unless --force is given) or on one.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const env = { ...process.env, PODWRIGHT_INFRA_IMAGE: 'podwright-test/pause:1' };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `podwright ...args` from the repository root and settles with its exit code and output, never throwing. */
export function podwright(...args: string[]): Promise<CliResult> {
  return exec(process.execPath, ['electron/cli/bin.mjs', ...args], { env, timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (e: CliResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/**
 * Runs `podwright ...args` on a terminal (util-linux `script` gives it one), answers `answer` to the first `[y/N]`
 * question it asks, and settles with the exit code and everything the terminal showed.
 */
export function podwrightOnTerminal(answer: string, ...args: string[]): Promise<{ code: number; screen: string }> {
  // `script` runs its command through a shell: every word is single-quoted, and the tests pass only their own paths.
  const quoted = [process.execPath, 'electron/cli/bin.mjs', ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`);
  const child = spawn('script', ['-qec', quoted.join(' '), '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let answered = false;
  const read = (chunk: Buffer) => {
    screen += chunk.toString();
    if (!answered && screen.includes('[y/N]')) {
      answered = true;
      child.stdin.write(`${answer}\n`);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const timer = setTimeout(() => child.kill(), 60_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ code: code ?? -1, screen });
    }),
  );
}
