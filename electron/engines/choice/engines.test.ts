// Tests for engine detection (from a fake file system) and listing / selecting real engines.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../settings/settings';
import { detectEngines, isEngineHost, listEngines, selectEngine, type DetectDeps } from './engines';
import { dockerReason, requireDocker } from '../docker/testing';

await requireDocker();

function fakeDeps(files: Record<string, string>, env: Record<string, string> = {}): DetectDeps {
  return {
    env,
    platform: 'linux',
    home: '/home/ada',
    uid: 1000,
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p]!;
    },
    readDir: (p) => {
      const prefix = `${p}/`;
      const names = new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!));
      if (!names.size) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return [...names];
    },
    exists: (p) => p in files,
  };
}

const digest = (name: string): string => createHash('sha256').update(name).digest('hex');

describe('detectEngines', () => {
  it('lists DOCKER_HOST, contexts, the default socket and the Podman sockets that exist, without duplicates', () => {
    const meta = (name: string, host: string) => JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } });
    const deps = fakeDeps(
      {
        [`/home/ada/.docker/contexts/meta/${digest('remote')}/meta.json`]: meta('remote', 'tcp://10.0.0.5:2376'),
        [`/home/ada/.docker/contexts/meta/${digest('dup')}/meta.json`]: meta('dup', 'unix:///var/run/docker.sock'),
        [`/home/ada/.docker/contexts/meta/${digest('broken')}/meta.json`]: '{not json',
        '/run/podman/podman.sock': '',
        '/run/user/1000/podman/podman.sock': '',
      },
      { DOCKER_HOST: 'tcp://127.0.0.1:2375' },
    );
    expect(detectEngines(deps).map((c) => [c.kind, c.host])).toEqual([
      ['DOCKER_HOST', 'tcp://127.0.0.1:2375'],
      ['context', expect.stringMatching(/^(tcp:\/\/10.0.0.5:2376|unix:\/\/\/var\/run\/docker.sock)$/)],
      ['context', expect.stringMatching(/^(tcp:\/\/10.0.0.5:2376|unix:\/\/\/var\/run\/docker.sock)$/)],
      ['podman-rootful', 'unix:///run/podman/podman.sock'],
      ['podman-rootless', 'unix:///run/user/1000/podman/podman.sock'],
    ]);
  });

  it('uses XDG_RUNTIME_DIR for rootless Podman and skips sockets that are not there', () => {
    const deps = fakeDeps({ '/tmp/xdg/podman/podman.sock': '' }, { XDG_RUNTIME_DIR: '/tmp/xdg' });
    expect(detectEngines(deps).map((c) => c.kind)).toEqual(['docker', 'podman-rootless']);
    expect(detectEngines(fakeDeps({})).map((c) => c.host)).toEqual(['unix:///var/run/docker.sock']);
  });

  it('accepts only engine addresses', () => {
    expect(isEngineHost('unix:///var/run/docker.sock')).toBe(true);
    expect(isEngineHost('tcp://localhost:2375')).toBe(true);
    expect(isEngineHost('ssh://me@box')).toBe(false);
    expect(isEngineHost('tcp://a;rm -rf /')).toBe(false);
  });
});

describe('engine choice in the settings file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pw-settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(dockerReason)('selects a reachable engine, remembers it, keeps other settings, and refuses a dead one', async () => {
    const path = join(dir, 'settings.json');
    writeFileSync(path, JSON.stringify({ theme: 'dark' }));
    const engine = await selectEngine('/var/run/docker.sock', { settings: path });
    expect(engine.resolved.endpoint.host).toBe('unix:///var/run/docker.sock');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ theme: 'dark', engine: { host: 'unix:///var/run/docker.sock' } });
    await expect(selectEngine(`unix://${dir}/nothing.sock`, { settings: path })).rejects.toMatchObject({ code: 'ENGINE_UNREACHABLE' });
    await expect(selectEngine('ssh://x', { settings: path })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(readSettings(path).engine?.host).toBe('unix:///var/run/docker.sock');
    const listed = await listEngines({ settings: path, deps: fakeDeps({ [`${dir}/gone.sock`]: '' }, { DOCKER_HOST: `unix://${dir}/gone.sock` }) });
    expect(listed.find((e) => e.selected)).toMatchObject({ host: 'unix:///var/run/docker.sock', reachable: true, name: 'Docker' });
    expect(listed.find((e) => e.kind === 'DOCKER_HOST')).toMatchObject({ reachable: false, selected: false });
    await selectEngine(null, { settings: path });
    expect(readSettings(path)).toEqual({ theme: 'dark' });
  });
});
