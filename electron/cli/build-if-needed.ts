// Rebuilds the renderer or the Electron bundle when its output is missing or its sources changed since it was built.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freshStamp } from '../build-stamp.mjs';
import { electronDist, projectRoot, rendererDist } from './paths';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export function isStale(output: string, sources: string[]): boolean {
  const built = mtime(output);
  return built === 0 || sources.some((dir) => newestMtime(join(projectRoot, dir)) > built);
}

function runNpmScript(script: string): Promise<void> {
  return new Promise((done, fail) => {
    // npm is found on PATH; the script name is ours, never user input.
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`npm run ${script} failed (exit ${code})`))));
    child.on('error', fail);
  });
}

export async function ensureRendererBuilt(log: (line: string) => void): Promise<void> {
  if (!isStale(join(rendererDist, 'index.html'), ['renderer', 'shared', 'assets'])) return;
  log('Building the renderer (first start, or sources changed)...');
  await runNpmScript('build:renderer');
}

export async function ensureElectronBuilt(log: (line: string) => void): Promise<void> {
  // The build's stamp lists every file the bundles were made from (electron/build.mjs).
  if (freshStamp(join(electronDist, 'current.json'), projectRoot, () => ['main.cjs', 'preload.cjs'])) return;
  log('Building the Electron shell...');
  await runNpmScript('build:electron');
}
