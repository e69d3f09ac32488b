// A real `podwright serve --no-build` process for journeys and benchmarks (no Playwright here, so benches can use it).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ServedApp {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  output: () => string;
}

/**
 * Starts `podwright serve --no-build` with `env` added, and resolves with the URL it prints. `root`: the checkout to
 * serve (a benchmark compares this one with another).
 */
export async function serveApp(env: Record<string, string> = {}, root = process.cwd()): Promise<ServedApp> {
  const child = spawn(process.execPath, [join(root, 'electron/cli/bin.mjs'), 'serve', '--no-build'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no URL in 30 s:\n${output}`)), 30_000);
    const look = (): void => {
      const m = /Podwright is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    process: child,
    output: () => output,
  };
}

export async function stopApp(app: ServedApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  const exited = new Promise((done) => app.process.once('exit', done));
  app.process.kill('SIGTERM');
  await exited;
}
