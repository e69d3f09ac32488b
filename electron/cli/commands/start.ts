// `podwright start` (what `npm start` runs): the Electron app where its binary exists, else the browser host.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ensureElectronBuilt, ensureRendererBuilt } from '../build-if-needed';
import { endWithUs, watchLauncher } from '../launcher-watch';
import { electronDist, projectRoot } from '../paths';
import { warn } from '../terminal';
import { parsePort, serve } from './serve';
import type { RegisterCommand } from './index';

/**
 * The Electron binary's path, or why there is none. Read the way the electron package's own index.js does
 * (dist/ + path.txt), without loading that package, which only electron/app/ may import.
 */
export function findElectronBinary(root = projectRoot): { path: string } | { missing: string } {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { missing: 'the electron package is not installed' };
  let relative: string;
  try {
    relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return { missing: 'its download never ran (npm blocks install scripts, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)' };
  }
  const path = join(pkg, 'dist', relative);
  return existsSync(path) ? { path } : { missing: `${path} does not exist` };
}

/**
 * npm 11 blocks dependency install scripts unless approved, so Electron's own download may never have run.
 * Run it once on demand (it fetches the binary for this platform); skip where the user said not to.
 */
async function tryInstallElectron(log: (line: string) => void): Promise<'skipped' | 'installed' | 'failed'> {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'skipped';
  log('Fetching the Electron binary for this platform (one time)...');
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(projectRoot, 'node_modules', 'electron', 'install.js')], {
      cwd: join(projectRoot, 'node_modules', 'electron'),
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    child.on('exit', (code) => done(code === 0 ? 'installed' : 'failed'));
    child.on('error', () => done('failed'));
  });
}

export async function start(options: { port: number; build: boolean }): Promise<void> {
  const log = warn;
  let electron = findElectronBinary();
  let why = 'missing' in electron ? electron.missing : '';
  if ('missing' in electron) {
    const attempt = await tryInstallElectron(log);
    if (attempt === 'installed') electron = findElectronBinary();
    if (attempt === 'failed') why = 'its one-time download failed: no access to the Electron release server';
  }
  // Whatever launched us (npm start's npm, a terminal, a process manager) ending ends the app too.
  const launcherGone = new Promise<void>((resolve) => watchLauncher(resolve)).then(() =>
    log('podwright start: what launched it has ended; stopping.'),
  );
  if ('missing' in electron) {
    log(`Electron's binary is not available here (${why}); starting the browser host instead.`);
    return serve({ port: options.port, open: false, build: options.build, until: launcherGone });
  }
  if (options.build) {
    await ensureElectronBuilt(log);
    await ensureRendererBuilt(log);
  }
  const child = spawn(electron.path, [join(electronDist, 'main.cjs')], { stdio: 'inherit', cwd: projectRoot });
  // Electron ends when we do, even when we are killed (SIGKILL) and cannot tell it.
  endWithUs(child);
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  void launcherGone.then(stop);
  await new Promise<void>((done) => child.on('exit', () => done()));
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
}

export const registerStart: RegisterCommand = (program: Command) => {
  program
    .command('start')
    .description(
      "Open the desktop app (Electron), or the browser host where Electron is not installed. Ctrl+C (or the end of what launched it, npm start's npm included) stops it.",
    )
    .option('-p, --port <port>', 'port for the browser host fallback', parsePort, 0)
    .option('--no-build', 'do not rebuild the app when its sources changed')
    .action(async (opts: { port: number; build: boolean }) => start(opts));
};
