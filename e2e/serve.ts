// A real `podwright serve --no-build` process for journeys and benchmarks (no Playwright here, so benches can use it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedApp {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  output: () => string;
  /** The app's config folder (settings, drafts of unsaved work): its own unless `env` named one. */
  configDir: string;
}

/** The served apps by URL, so a page helper given only the URL can reach its app's config folder. */
const served = new Map<string, ServedApp>();

export function servedAt(url: string): ServedApp | undefined {
  return served.get(url);
}

/** Removes the drafts of unsaved work the app keeps, so a journey starts without a restore prompt. */
export function clearDrafts(app: ServedApp): void {
  rmSync(join(app.configDir, 'drafts'), { recursive: true, force: true });
}

/**
/**
 * Starts `podwright serve --no-build` (with `args` added) with `env` added, and resolves with the URL it prints.
 * `root`: the checkout to serve (a benchmark compares this one with another). Without PODWRIGHT_CONFIG_DIR in `env`
 * it gets a config folder of its own (removed when it stops), so journeys never read or leave settings and drafts in
 * the user's.
 */
export async function serveApp(
  env: Record<string, string> = {},
  root = process.cwd(),
  args: string[] = [],
): Promise<ServedApp> {
  const ownConfig = env.PODWRIGHT_CONFIG_DIR ? undefined : mkdtempSync(join(tmpdir(), 'podwright-config-'));
  const configDir = env.PODWRIGHT_CONFIG_DIR ?? ownConfig!;
  const child = spawn(process.execPath, [join(root, 'electron/cli/bin.mjs'), 'serve', '--no-build', ...args], {
    cwd: root,
    env: { ...process.env, PODWRIGHT_CONFIG_DIR: configDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (ownConfig) child.once('exit', () => rmSync(ownConfig, { recursive: true, force: true }));
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no URL in 30 s:\n${output}`)), 30_000);
    const look = (): void => {
      const m = /Podwright is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  const app: ServedApp = {
    url,
    port: Number(parsed.port),
    token: parsed.hash.replace('#token=', ''),
    process: child,
    output: () => output,
    configDir,
  };
  served.set(url, app);
  child.once('exit', () => served.delete(url));
  return app;
}

export async function stopApp(app: ServedApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  const exited = new Promise((done) => app.process.once('exit', done));
  app.process.kill('SIGTERM');
  await exited;
}
