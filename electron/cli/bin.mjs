#!/usr/bin/env node
// The `podwright` command. It runs the built CLI (dist/cli, made by `npm install`), and builds it first when it is
// missing or any file it was built from has changed, so an old bundle never runs after an edit, a pull or an upgrade.
// Where it cannot be built (no esbuild, a read-only folder), or with PODWRIGHT_FROM_SOURCE=1, it runs the TypeScript
// sources through tsx, as the tests and development may.
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshStamp } from '../build-stamp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cliDir = join(root, 'dist', 'cli');

/**
 * The command named on the line (its first word that is not an option, as the program reads it): the bundle's freshness
 * is checked on what that command's bundles were built from, a third of the whole CLI's files for `run`.
 */
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));

function freshEntry() {
  const stamp = freshStamp(join(cliDir, 'current.json'), root, (s) => [join(s.build, s.entry)], command);
  return stamp ? join(cliDir, stamp.build, stamp.entry) : undefined;
}

async function builtEntry() {
  for (;;) {
    const entry = freshEntry();
    if (entry) return entry;
    // One start builds; the others starting at the same moment (parallel tests, an editor hook and a terminal after a
    // pull) wait for its stamp instead of each running esbuild over the whole tree.
    const lock = takeBuildLock();
    if (lock === 'held') {
      await sleep(100);
      continue;
    }
    try {
      return freshEntry() ?? (await build());
    } finally {
      lock?.release();
    }
  }
}

async function build() {
  try {
    const { buildCli } = await import('../build.mjs');
    return await buildCli();
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    process.stderr.write(`podwright: running from source (could not build dist/cli: ${reason})\n`);
    return undefined;
  }
}

/** A lock that outlives a hung holder this long is taken over. */
const LOCK_STALE_MS = 10 * 60_000;

/**
 * dist/cli/.build.lock, created exclusively and holding this process's id. Returns its release, 'held' while another
 * live process holds it, or undefined where no lock can be made (a read-only folder: the build then says why it fails).
 */
function takeBuildLock() {
  const file = join(cliDir, '.build.lock');
  try {
    mkdirSync(cliDir, { recursive: true });
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return {
      release: () => {
        try {
          unlinkSync(file);
        } catch {
          // taken over as stale meanwhile: nothing of ours is left to remove
        }
      },
    };
  } catch (err) {
    if (err?.code !== 'EEXIST') return undefined;
  }
  if (holderAlive(file)) return 'held';
  try {
    unlinkSync(file); // its holder died mid-build: the next round takes the lock
  } catch {
    // another start removed it first
  }
  return 'held';
}

function holderAlive(file) {
  try {
    if (Date.now() - statSync(file).mtimeMs > LOCK_STALE_MS) return false;
    const pid = Number(readFileSync(file, 'utf8'));
    if (!pid) return true; // created, its id not yet written
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === 'EPERM' || err?.code === 'ENOENT'; // ENOENT: released meanwhile, look again
  }
}

const entry = process.env.PODWRIGHT_FROM_SOURCE === '1' ? undefined : await builtEntry();
let main;
if (entry) {
  ({ main } = await import(pathToFileURL(entry).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv);
