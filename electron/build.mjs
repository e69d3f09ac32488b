#!/usr/bin/env node
// Bundles the back end with esbuild: the CLI (ESM, a chunk per command that loads only when that command runs) and the
// Electron main process and preload (CommonJS, as a sandboxed preload requires). `npm install` runs it (the prepare
// script); `podwright` runs buildCli again when a source changed since (electron/cli/bin.mjs).
//   node electron/build.mjs [cli] [electron]     (no argument: both)
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeStamp } from './build-stamp.mjs';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Packages that stay out of the bundles and load from node_modules when used: native code and its optional native
 * dependencies (dockerode reaches ssh2 and cpu-features; ws its bufferutil), and Electron, which runs the bundle. A
 * package that cannot be bundled is one more line here; the CLI loads it only in the commands that import it.
 */
export const external = ['electron', 'dockerode', 'ws', '@kubernetes/client-node'];

/** Files that shape every bundle without being imported by it. */
const BUILD_INPUTS = ['electron/build.mjs', 'electron/build-stamp.mjs', 'package.json', 'tsconfig.json'];

/** Where the CLI's builds live; `current.json` names the one that matches the sources. */
export const cliDir = join(projectRoot, 'dist', 'cli');
export const cliStamp = join(cliDir, 'current.json');
const electronDir = join(projectRoot, 'dist', 'electron');
export const electronStamp = join(electronDir, 'current.json');

const common = {
  absWorkingDir: projectRoot,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'silent',
  metafile: true,
  write: false,
};

/** The project-relative source files a build read (esbuild's metafile lists them from the working directory). */
function inputsOf(metafile) {
  return Object.keys(metafile.inputs).filter((input) => !input.includes(':'));
}

function writeAtomically(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * Builds the CLI into dist/cli/<content hash>/ and points current.json at it. Each build gets a folder of its own, so
 * a podwright already running keeps its files, and two starts building at once (parallel tests after an edit) write
 * the same folder under the same name without ever exposing half of it. Returns the entry's path.
 */
export async function buildCli() {
  const startedAt = Date.now();
  const result = await build({
    ...common,
    entryPoints: { main: 'electron/cli/main.ts' },
    format: 'esm',
    splitting: true,
    outdir: cliDir,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    minify: true,
    // Bundled CommonJS packages (commander) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __pwRequire } from 'node:module'; const require = __pwRequire(import.meta.url);" },
  });
  const hash = createHash('sha256');
  for (const file of [...result.outputFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(relative(cliDir, file.path)).update(file.contents);
  }
  const id = hash.digest('hex').slice(0, 16);
  const folder = join(cliDir, id);
  const temporary = join(cliDir, `.${id}.${process.pid}.tmp`);
  rmSync(temporary, { recursive: true, force: true });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(join(temporary, relative(cliDir, file.path))), { recursive: true });
    writeFileSync(join(temporary, relative(cliDir, file.path)), file.contents);
  }
  try {
    renameSync(temporary, folder);
  } catch {
    // Another start built the same sources first: its folder holds the same bytes.
    rmSync(temporary, { recursive: true, force: true });
  }
  writeStamp(cliStamp, projectRoot, [...inputsOf(result.metafile), ...BUILD_INPUTS], startedAt, {
    build: id,
    entry: 'main.mjs',
  });
  removeOldBuilds(id);
  return join(folder, 'main.mjs');
}

/** Keeps the newest few builds (a long-running `podwright serve` may still use one) and leftovers of crashed builds for an hour. */
function removeOldBuilds(current) {
  const entries = readdirSync(cliDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current)
    .map((e) => ({ name: e.name, at: statSync(join(cliDir, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  let kept = 0;
  for (const entry of entries) {
    const unfinished = entry.name.startsWith('.');
    if (unfinished ? Date.now() - entry.at < 3_600_000 : kept++ < 2) continue;
    rmSync(join(cliDir, entry.name), { recursive: true, force: true });
  }
}

/** Builds the Electron main process and preload into dist/electron/ (Electron is started with that path). */
export async function buildElectron() {
  const startedAt = Date.now();
  const inputs = [];
  for (const [entry, outfile] of [
    ['electron/app/main.ts', 'main.cjs'],
    ['electron/app/preload.ts', 'preload.cjs'],
  ]) {
    const result = await build({ ...common, entryPoints: [entry], format: 'cjs', sourcemap: true, outfile: join(electronDir, outfile) });
    for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
    inputs.push(...inputsOf(result.metafile));
  }
  writeStamp(electronStamp, projectRoot, [...inputs, ...BUILD_INPUTS], startedAt);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2);
  const wanted = (name) => targets.length === 0 || targets.includes(name);
  if (wanted('cli')) console.log(`built ${relative(projectRoot, await buildCli())}`);
  if (wanted('electron')) {
    await buildElectron();
    console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
  }
}
