#!/usr/bin/env node
// Bundles the back end with esbuild: the CLI (ESM: main.mjs and a bundle per command, which loads only when that
// command runs) and the Electron main process and preload (CommonJS, as a sandboxed preload requires). `npm install` runs it (the prepare
// script); `podwright` runs buildCli again when a source changed since (electron/cli/bin.mjs).
//   node electron/build.mjs [cli] [electron]     (no argument: both)
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  COMMANDS_DIR,
  LOADS_LATER,
  partEntries,
  partsApartPlugin,
  MAIN_ENTRY,
  commanderFromMainPlugin,
  commandsApartPlugin,
  mainEntryPlugin,
} from './build-cli-parts.mjs';
import { checkDockerClient, dockerClientPlugin } from './build-docker-client.mjs';
import { pureModulesPlugin } from './build-pure-modules.mjs';
import { writeStamp } from './build-stamp.mjs';

export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Packages that stay out of the bundles and load from node_modules when used: native code and its optional native
 * dependencies (ws reaches bufferutil), and Electron, which runs the bundle. A package that cannot be bundled is one
 * more line here; the CLI loads it only in the commands that import it. dockerode is bundled without the parts that
 * would load ssh2 and gRPC (electron/build-docker-client.mjs). @kubernetes/client-node is bundled (into the chunk only
 * the cluster commands load): from node_modules its few hundred modules took about 1 s of every `podwright deploy`
 * (bench/cluster.bench.ts, a Pod until Ready: 2.1 s, bundled 0.8 s).
 */
export const external = ['electron', 'ws'];

/** Files that shape every bundle without being imported by it. */
const BUILD_INPUTS = [
  'electron/build.mjs',
  'electron/build-cli-parts.mjs',
  'electron/build-docker-client.mjs',
  'electron/build-pure-modules.mjs',
  'electron/build-stamp.mjs',
  'package.json',
  'tsconfig.json',
];

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
  plugins: [dockerClientPlugin(projectRoot), pureModulesPlugin(projectRoot)],
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

/** What every CLI bundle shares: ES modules with a require() of their own, minified, with source maps beside them. */
const cliCommon = {
  ...common,
  format: 'esm',
  outdir: cliDir,
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  sourcemap: 'linked',
  minify: true,
  // Bundled CommonJS packages (commander, dockerode) call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __pwRequire } from 'node:module'; const require = __pwRequire(import.meta.url);",
  },
};

/**
 * Builds the CLI into dist/cli/<content hash>/ and points current.json at it: main.mjs, and a bundle per command that
 * main.mjs loads when that command runs (electron/build-cli-parts.mjs). Each build gets a folder of its own, so a
 * podwright already running keeps its files, and two starts building at once (parallel tests after an edit) write the
 * same folder under the same name without ever exposing half of it. Returns the entry's path.
 */
export async function buildCli() {
  const startedAt = Date.now();
  const commands = [];
  const main = await build({
    ...cliCommon,
    entryPoints: { main: MAIN_ENTRY },
    plugins: [...common.plugins, mainEntryPlugin(projectRoot), commandsApartPlugin(projectRoot, commands)],
  });
  const entries = (names) => Object.fromEntries(names.map((name) => [name, `${COMMANDS_DIR}/${name}.ts`]));
  const plugins = [...common.plugins, commanderFromMainPlugin, partsApartPlugin(projectRoot)];
  const parts = await Promise.all([
    // Without splitting, esbuild tree-shakes each entry on its own: one self-contained file per command, and one per
    // part a command loads later (PARTS_APART).
    build({
      ...cliCommon,
      entryPoints: { ...entries(commands.filter((c) => !LOADS_LATER.includes(c))), ...partEntries() },
      plugins,
    }),
    build({
      ...cliCommon,
      entryPoints: entries(commands.filter((c) => LOADS_LATER.includes(c))),
      splitting: true,
      chunkNames: '[name]-[hash]',
      plugins,
    }),
  ]);
  const results = [main, ...parts];
  for (const result of results) checkDockerClient(result.metafile, 'the CLI');
  const outputs = results.flatMap((result) => result.outputFiles);
  const hash = createHash('sha256');
  for (const file of [...outputs].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(relative(cliDir, file.path)).update(file.contents);
  }
  const id = hash.digest('hex').slice(0, 16);
  const folder = join(cliDir, id);
  const temporary = join(cliDir, `.${id}.${process.pid}.tmp`);
  rmSync(temporary, { recursive: true, force: true });
  for (const file of outputs) {
    mkdirSync(dirname(join(temporary, relative(cliDir, file.path))), { recursive: true });
    writeFileSync(join(temporary, relative(cliDir, file.path)), file.contents);
  }
  try {
    renameSync(temporary, folder);
  } catch {
    // Another start built the same sources first: its folder holds the same bytes.
    rmSync(temporary, { recursive: true, force: true });
  }
  const inputs = results.flatMap((result) => inputsOf(result.metafile));
  const byCommand = Object.fromEntries(
    commands.map((name) => [name, [...commandInputs(results, name), ...BUILD_INPUTS]]),
  );
  writeStamp(
    cliStamp,
    projectRoot,
    [...inputs, ...BUILD_INPUTS],
    startedAt,
    { build: id, entry: 'main.mjs' },
    byCommand,
  );
  removeOldBuilds(id);
  return join(folder, 'main.mjs');
}

/**
 * The source files one command runs: those of main.mjs, of the command's bundle, and of every chunk and part that
 * bundle imports, statically or when it gets there (main.mjs's own imports are the other commands).
 */
function commandInputs(results, command) {
  const outputs = Object.assign({}, ...results.map((result) => result.metafile.outputs));
  const folder = relative(projectRoot, cliDir).split(sep).join('/');
  const main = `${folder}/main.mjs`;
  const seen = new Set();
  const visit = (output) => {
    if (seen.has(output) || !outputs[output]) return;
    seen.add(output);
    if (output === main) return;
    for (const imported of outputs[output].imports) {
      // A chunk is named from the working directory; a command or part apart, as its importer imports it (./name.mjs).
      visit(imported.path.startsWith('./') ? posix.join(posix.dirname(output), imported.path) : imported.path);
    }
  };
  visit(main);
  visit(`${folder}/${command}.mjs`);
  if (seen.size < 2) throw new Error(`the CLI's build has no bundle for the command ${command}`);
  return [...seen].flatMap((output) => Object.keys(outputs[output].inputs).filter((input) => !input.includes(':')));
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
    const result = await build({
      ...common,
      entryPoints: [entry],
      format: 'cjs',
      sourcemap: true,
      outfile: join(electronDir, outfile),
    });
    checkDockerClient(result.metafile, outfile);
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
