#!/usr/bin/env node
// The layers check (DESIGN.md §2): refuses an import that crosses the runtime layers.
//   shared/    pure: only shared/ and pure libraries (yaml, zod); never Node, the DOM's back end, or the network
//   renderer/  browser-only: shared/, renderer/, assets/ and browser libraries; no Node, Electron or Docker
//   electron/  Node: shared/ and electron/; only electron/app/ imports `electron`; never renderer/
// Test files (*.test.ts) may also use the test tooling and Node's builtins to read fixtures.
// Inside a layer, rooms have edges too (DESIGN.md §2; ROOM_EDGES below): the reader and the rules know nothing of plans
// or engines; each engine is a room that the rest of the back end enters only through its door (its index.ts); the
// file picker, settings and browser host reach into no engine.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SHARED_PACKAGES = ['yaml', 'zod'];
const TEST_PACKAGES = ['vitest', 'fast-check', 'kubernetes-models'];
const NODE_ONLY_PACKAGES = ['electron', 'dockerode', 'docker-modem', 'ws', 'commander', 'tsx', 'esbuild', 'vite'];
const LAYERS = ['shared', 'renderer', 'electron', 'e2e', 'bench', 'assets'];

/** The module specifiers one source file imports, read by TypeScript's own scanner (strings and comments are not imports). */
export function importsOf(source) {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function packageName(specifier) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));
}

/** Rooms and the rooms they must not import, with the reason the check prints. Prefixes of project paths. */
export const ROOM_EDGES = [
  { room: 'shared/model/', forbidden: ['shared/'], except: ['shared/model/'], why: 'the Pod model is the leaf every room builds on' },
  { room: 'shared/manifest/', forbidden: ['shared/plan/', 'shared/design/'], why: 'the reader knows nothing of plans, engines or the canvas document' },
  { room: 'shared/rules/', forbidden: ['shared/plan/', 'shared/design/'], why: 'the rules know nothing of plans, engines or the canvas document' },
  { room: 'shared/api/', forbidden: ['shared/plan/', 'shared/design/', 'shared/rules/', 'shared/manifest/'], why: 'the API contract names data, not the code that makes it' },
  { room: 'electron/settings/', forbidden: ['electron/'], except: ['electron/settings/'], why: 'settings are read by every room and depend on none' },
  { room: 'electron/files/', forbidden: ['electron/engines/', 'electron/host/', 'electron/cli/'], why: 'design files know nothing of engines' },
  { room: 'electron/host/', forbidden: ['electron/engines/', 'electron/cli/', 'electron/files/'], why: 'the browser host carries the API; the handlers come from electron/api' },
  { room: 'electron/engines/docker/', forbidden: ['electron/engines/kube/', 'electron/cli/', 'electron/host/', 'electron/files/', 'electron/api/'], why: 'an engine is its own room behind the API' },
  { room: 'electron/engines/kube/', forbidden: ['electron/engines/docker/', 'electron/cli/', 'electron/host/', 'electron/files/', 'electron/api/'], why: 'an engine is its own room behind the API' },
];

/** Engines whose insides are entered only through their door (`electron/engines/NAME/index.ts`). */
const ENGINE_ROOMS = ['electron/engines/docker/', 'electron/engines/kube/'];

/** Test helpers an engine offers to other rooms' tests (a real engine for integration tests). */
const TEST_SUPPORT = /(^|\/)(testing|[a-z-]+-testing)\.ts$|\.test-support\.ts$/;

/** The room-edge violation of an import from `file` to the project path `target` (no extension), or null. */
export function judgeRoom(file, target, isTest) {
  // Tests may wire rooms together (an end-to-end test of the host with an engine), but still enter engines by the door.
  for (const edge of isTest ? [] : ROOM_EDGES) {
    if (!file.startsWith(edge.room)) continue;
    const hit = edge.forbidden.find((f) => `${target}/`.startsWith(f) || target.startsWith(f));
    if (hit && !(edge.except ?? []).some((e) => target.startsWith(e))) return `${edge.room} may not import ${hit} (${edge.why})`;
  }
  for (const engine of ENGINE_ROOMS) {
    if (file.startsWith(engine) || !target.startsWith(engine)) continue;
    const inside = target.slice(engine.length);
    if (inside === '' || inside === 'index' || inside === 'index.ts') continue;
    if (isTest && TEST_SUPPORT.test(target.endsWith('.ts') ? target : `${target}.ts`)) continue;
    return `reaches into ${engine} past its door (import from ${engine}index.ts)`;
  }
  return null;
}

/**
 * Checks one file. `file` is relative to the project root with forward slashes.
 * Returns a list of human-readable violations.
 */
export function checkFile(file, source) {
  const layer = file.split('/')[0];
  // Test-support modules (*.test-support.ts) are imported only by tests, so they follow the test rules.
  const isTest = /\.test(-support)?\.tsx?$/.test(file);
  const violations = [];
  for (const specifier of importsOf(source)) {
    const problem = judge(file, layer, isTest, specifier);
    if (problem) violations.push(`${file}: imports "${specifier}": ${problem}`);
  }
  return violations;
}

function judge(file, layer, isTest, specifier) {
  if (specifier.startsWith('.')) {
    const target = relative('.', join(dirname(file), specifier))
      .split(sep)
      .join('/');
    if (target.startsWith('..')) return 'reaches outside the project';
    const targetLayer = target.split('/')[0];
    if (!LAYERS.includes(targetLayer) && !target.startsWith('package.json')) return null;
    if (layer === 'shared' && targetLayer !== 'shared') return 'shared/ may import only shared/';
    if (layer === 'renderer' && !['renderer', 'shared', 'assets'].includes(targetLayer)) {
      return 'renderer/ may import only renderer/, shared/ and assets/';
    }
    if (layer === 'electron' && !['electron', 'shared'].includes(targetLayer) && target !== 'package.json') {
      return 'electron/ may import only electron/ and shared/';
    }
    return judgeRoom(file, target, isTest);
  }
  const pkg = packageName(specifier);
  if (layer === 'shared') {
    if (SHARED_PACKAGES.includes(pkg)) return null;
    if (isTest && (TEST_PACKAGES.includes(pkg) || isNodeBuiltin(specifier))) return null;
    return 'shared/ is pure: only yaml and zod (tests may add vitest, fast-check and Node builtins)';
  }
  if (layer === 'renderer') {
    if (isTest && TEST_PACKAGES.includes(pkg)) return null;
    if (isNodeBuiltin(specifier)) return 'renderer/ runs in a browser: no Node builtins';
    if (NODE_ONLY_PACKAGES.includes(pkg)) return `renderer/ runs in a browser: "${pkg}" belongs to the back end`;
    return null;
  }
  if (layer === 'electron') {
    if (pkg === 'electron' && !file.startsWith('electron/app/')) return 'only electron/app/ may import electron';
    return null;
  }
  return null;
}

function* sourceFiles(root, dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) yield* sourceFiles(root, path);
    } else if (/\.(ts|tsx|mts|cts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

/** Checks every source file under the layered folders of `root`. */
export function checkTree(root) {
  const violations = [];
  for (const layer of ['shared', 'renderer', 'electron']) {
    let files;
    try {
      files = [...sourceFiles(root, layer)];
    } catch {
      continue;
    }
    for (const file of files) violations.push(...checkFile(file, readFileSync(join(root, file), 'utf8')));
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? '.');
  const violations = checkTree(root);
  if (violations.length) {
    console.error(`Layers check failed (DESIGN.md §2), ${violations.length} violation(s):`);
    for (const v of violations) console.error(`  ${v}`);
    process.exit(1);
  }
  console.log(
    'Layers check passed: shared/ is pure, renderer/ is browser-only, only electron/app/ imports electron, and every room keeps its edges.',
  );
}
