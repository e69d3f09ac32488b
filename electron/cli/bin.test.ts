// The `podwright` launcher in a copy of the project: it runs the built bundle, builds it when a source changed (even an
// edit that keeps the file's size and modification time), builds once when several start at once, loads only what a
// command needs, and falls back to the sources when it cannot build.
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = process.cwd();
let root: string;

function podwright(args: string[], options: { env?: Record<string, string>; nodeArgs?: string[] } = {}) {
  return run(process.execPath, [...(options.nodeArgs ?? []), join(root, 'electron', 'cli', 'bin.mjs'), ...args], {
    env: { ...process.env, PODWRIGHT_FROM_SOURCE: '', ...options.env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const stamp = (): { build: string; entry: string } => JSON.parse(readFileSync(join(root, 'dist', 'cli', 'current.json'), 'utf8'));
const builds = (): string[] => readdirSync(join(root, 'dist', 'cli')).filter((f) => !f.endsWith('.json'));

/** The files the tests edit carry whole-second times, as an unpacked archive's do, so an edit can put them back exactly. */
const EDITED = ['package.json', 'electron/cli/main.ts'];
const ARCHIVE_TIME = 1_700_000_000;

/** Rewrites `file` in the copy through `change` (same size), then gives it back its old modification time. */
function editKeepingMtime(file: string, change: (text: string) => string): void {
  const path = join(root, file);
  expect(statSync(path).mtimeMs).toBe(ARCHIVE_TIME * 1000);
  const text = readFileSync(path, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  expect(changed.length).toBe(text.length);
  writeFileSync(path, changed);
  utimesSync(path, ARCHIVE_TIME, ARCHIVE_TIME);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pw-launcher-'));
  for (const part of ['electron', 'shared', 'package.json', 'tsconfig.json']) {
    cpSync(join(repo, part), join(root, part), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  for (const file of EDITED) utimesSync(join(root, file), ARCHIVE_TIME, ARCHIVE_TIME);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the podwright launcher', { timeout: 120_000 }, () => {
  it('builds the bundle once when several start at once, and runs it', async () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    const runs = await Promise.all([1, 2, 3, 4].map(() => podwright(['--version'])));
    for (const r of runs) expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(builds()).toEqual([stamp().build]);
    // It runs the bundle, not the sources: a mark written into the built entry shows.
    const entry = join(root, 'dist', 'cli', stamp().build, stamp().entry);
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}\nprocess.stderr.write('from the bundle\\n');\n`);
    expect((await podwright(['--version'])).stderr).toBe('from the bundle\n');
  });

  it('builds again when a source changed, even with its size and modification time kept', async () => {
    const before = stamp().build;
    editKeepingMtime('package.json', (text) => text.replace(/"version": "(\d+)\./, (_m, major: string) => `"version": "${(Number(major) + 1) % 10}.`));
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect((await podwright(['--version'])).stdout).toBe(`${version}\n`);
    expect(stamp().build).not.toBe(before);
    editKeepingMtime('electron/cli/main.ts', (text) => text.replace("'Design Kubernetes Pods", "'DESIGN KUBERNETES PODS"));
    expect((await podwright(['--help'])).stdout).toContain('DESIGN KUBERNETES PODS');
  });

  it('loads only what the command uses: validate never reaches dockerode, ws or electron', async () => {
    const log = join(root, 'resolved.log');
    const hooks = join(root, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (!specifier.startsWith('.') && !specifier.startsWith('file:') && !specifier.startsWith('node:')) appendFileSync(${JSON.stringify(log)}, specifier + '\\n');
  return next(specifier, context);
}`,
    );
    const register = `data:text/javascript,import{register}from'node:module';register(${encodeURIComponent(JSON.stringify(`file://${hooks}`))});`;
    const packagesFor = async (args: string[]): Promise<string[]> => {
      writeFileSync(log, '');
      await podwright(args, { nodeArgs: ['--import', register] });
      return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
    };
    const file = join(repo, 'assets', 'examples', 'helloworld.pod.yaml');
    const validate = await packagesFor(['validate', file]);
    for (const name of ['dockerode', 'ws', 'electron']) expect(validate).not.toContain(name);
    expect(await packagesFor(['--version'])).not.toContain('dockerode');
    // The same watch sees the engine client where a command does use it.
    expect(await packagesFor(['ps', '--help'])).toContain('dockerode');
  });

  it('runs from the sources, saying why, when it cannot build', async () => {
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    writeFileSync(join(root, 'dist'), 'not a folder');
    const r = await podwright(['validate', join(repo, 'assets', 'examples', 'helloworld.pod.yaml')]);
    expect(r.stderr).toMatch(/^podwright: running from source \(could not build dist\/cli: /);
    expect(r.stdout).toContain('pod helloworld: accepted by Kubernetes');
    expect(r.code).toBe(0);
    rmSync(join(root, 'dist'));
  });
});
