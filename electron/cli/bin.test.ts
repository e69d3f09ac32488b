// The `podwright` launcher in a copy of the project: it runs the built bundle, builds it when a source changed (even an
// edit that keeps the file's size and modification time), builds once when several start at once, loads only what a
// command needs, and falls back to the sources when it cannot build.
import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
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
import { deferredPackages } from '../build-docker-client.mjs';
import { loadedCode } from './loaded-code.test-support';

const run = promisify(execFile);
const repo = process.cwd();
let root: string;

/** The launcher runs the bundle here, whatever the test run was started with. */
const launcherEnv = { ...process.env, PODWRIGHT_FROM_SOURCE: '' };

function podwright(args: string[], options: { env?: Record<string, string> } = {}) {
  return run(process.execPath, [join(root, 'electron', 'cli', 'bin.mjs'), ...args], {
    env: { ...launcherEnv, ...options.env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const stamp = (): { build: string; entry: string } =>
  JSON.parse(readFileSync(join(root, 'dist', 'cli', 'current.json'), 'utf8'));
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
    // The copy's build notes each time it runs, in a file beside the project.
    const buildFile = join(root, 'electron', 'build.mjs');
    const counted = readFileSync(buildFile, 'utf8').replace(
      'export async function buildCli() {',
      "export async function buildCli() {\n  (await import('node:fs')).appendFileSync(new URL('../builds.log', import.meta.url), 'built\\n');",
    );
    expect(counted).toContain('builds.log');
    writeFileSync(buildFile, counted);
    const runs = await Promise.all([1, 2, 3, 4].map(() => podwright(['--version'])));
    for (const r of runs) expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(builds()).toEqual([stamp().build]);
    // One of the four built; the other three waited for its stamp rather than run esbuild each.
    expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe('built\n');
    // It runs the bundle, not the sources: a mark written into the built entry shows.
    const entry = join(root, 'dist', 'cli', stamp().build, stamp().entry);
    writeFileSync(entry, `${readFileSync(entry, 'utf8')}\nprocess.stderr.write('from the bundle\\n');\n`);
    expect((await podwright(['--version'])).stderr).toBe('from the bundle\n');
  });

  it('builds again when a source changed, even with its size and modification time kept', async () => {
    const before = stamp().build;
    editKeepingMtime('package.json', (text) =>
      text.replace(/"version": "(\d+)\./, (_m, major: string) => `"version": "${(Number(major) + 1) % 10}.`),
    );
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect((await podwright(['--version'])).stdout).toBe(`${version}\n`);
    expect(stamp().build).not.toBe(before);
    editKeepingMtime('electron/cli/main.ts', (text) =>
      text.replace("'Design Kubernetes Pods", "'DESIGN KUBERNETES PODS"),
    );
    expect((await podwright(['--help'])).stdout).toContain('DESIGN KUBERNETES PODS');
  });

  it('takes over the build lock of a start that died while building', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(root, 'dist', 'cli', '.build.lock'), String(dead));
    editKeepingMtime('electron/cli/main.ts', (text) =>
      text.replace("'DESIGN KUBERNETES PODS", "'Design Kubernetes Pods"),
    );
    const before = readFileSync(join(root, 'builds.log'), 'utf8');
    expect((await podwright(['--help'])).stdout).toContain('Design Kubernetes Pods');
    expect(readFileSync(join(root, 'builds.log'), 'utf8')).toBe(`${before}built\n`);
    expect(existsSync(join(root, 'dist', 'cli', '.build.lock'))).toBe(false);
  });

  it("checks only what the command's own bundles were built from: an edit to deploy's sources rebuilds for deploy, not for run", async () => {
    const built = (): string => readFileSync(join(root, 'builds.log'), 'utf8');
    const edit = (file: string): void =>
      writeFileSync(join(root, file), `${readFileSync(join(root, file), 'utf8')}\n// edited\n`);
    const before = built();
    edit('electron/cli/cluster/format.ts');
    expect((await podwright(['run', '--help'])).stdout).toContain('Usage: podwright run');
    expect(built()).toBe(before);
    expect((await podwright(['deploy', '--help'])).stdout).toContain('Usage: podwright deploy');
    expect(built()).toBe(`${before}built\n`);
    // A file run reads is one of its own: run builds again.
    edit('electron/cli/commands/run.ts');
    expect((await podwright(['run', '--help'])).stdout).toContain('Usage: podwright run');
    expect(built()).toBe(`${before}built\nbuilt\n`);
  });

  it('loads only what the command uses: validate never reaches dockerode, ws, electron or the Kubernetes client', async () => {
    const packagesFor = async (args: string[], env: Record<string, string> = {}): Promise<string[]> =>
      (await loadedCode(join(root, 'electron', 'cli', 'bin.mjs'), args, { env: { ...launcherEnv, ...env } })).packages;
    const file = join(repo, 'assets', 'examples', 'helloworld.pod.yaml');
    const validate = await packagesFor(['validate', file]);
    for (const name of ['dockerode', 'docker-modem', 'ws', 'electron', '@kubernetes/client-node'])
      expect(validate).not.toContain(name);
    expect(validate).toContain('yaml');
    // Nothing else either: the design checks it runs (the Services' against the Pods beside them too) need no schema
    // library, so validate stays as light as it starts.
    expect([...validate].sort()).toEqual(['commander', 'yaml']);
    expect(await packagesFor(['--version'])).not.toContain('dockerode');
    // The same watch sees the engine client where a command does use it.
    const ps = await packagesFor(['ps', '--help']);
    expect(ps).toContain('dockerode');
    // The Kubernetes client is bundled into a chunk of its own, which only a cluster command loads when it runs: not
    // validate, ps or deploy --help.
    const deployHelp = await packagesFor(['deploy', '--help']);
    for (const loaded of [validate, ps, deployHelp]) expect(loaded).not.toContain('@kubernetes/client-node');
    const deploy = await packagesFor(['deploy', file, '--context', 'nowhere'], {
      KUBECONFIG: join(root, 'no-kubeconfig'),
    });
    expect(deploy).toContain('@kubernetes/client-node');
    expect(deploy).not.toContain('dockerode');
  });

  it('run, down and ps load the engine client without what only image builds and ssh:// hosts use', async () => {
    const file = join(repo, 'assets', 'examples', 'helloworld.pod.yaml');
    // No engine answers here: each command loads everything it needs, asks the engine, and stops.
    const env = { ...launcherEnv, DOCKER_HOST: `unix://${join(root, 'no-engine.sock')}` };
    for (const args of [['run', file, '--detach'], ['down', 'helloworld'], ['ps']]) {
      const r = await loadedCode(join(root, 'electron', 'cli', 'bin.mjs'), args, { env });
      expect(r.stderr).toContain('No Docker Engine socket at unix://');
      expect(r.packages).toContain('dockerode');
      for (const name of deferredPackages) expect(r.packages, `${args[0]} loads ${name}`).not.toContain(name);
      // Nor the API contract: the engine's door re-exports the API handlers, which a command apart does not load.
      expect(r.packages, `${args[0]} loads zod`).not.toContain('zod');
    }
  });

  it('refuses an ssh:// DOCKER_HOST, saying what to do instead, without loading ssh2', async () => {
    const file = join(repo, 'assets', 'examples', 'helloworld.pod.yaml');
    for (const args of [['run', file, '--detach'], ['down', 'helloworld'], ['ps']]) {
      const r = await loadedCode(join(root, 'electron', 'cli', 'bin.mjs'), args, {
        env: { ...launcherEnv, DOCKER_HOST: 'ssh://me:secret@engine.invalid:2222' },
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'podwright: Podwright does not connect to engines over SSH: ssh://me@engine.invalid:2222 (from DOCKER_HOST).',
      );
      expect(r.stderr).toContain('ssh -NL /tmp/docker.sock:/var/run/docker.sock me@engine.invalid');
      expect(r.stderr).not.toContain('secret');
      expect(r.packages).not.toContain('ssh2');
    }
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
