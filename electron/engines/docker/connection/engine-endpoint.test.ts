// The engine client talks to the endpoint Podwright chose, whatever the environment says (docker-modem reads
// DOCKER_HOST on its own), and an ssh:// host is refused without a call. A stand-in engine on a temporary socket
// answers, so no Docker Engine is needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from './engine';

let dir: string;
let socket: string;
let server: Server;
const asked: string[] = [];
const saved = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_TLS_VERIFY: process.env.DOCKER_TLS_VERIFY };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pw-endpoint-'));
  socket = join(dir, 'engine.sock');
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const body = req.url?.endsWith('/version')
      ? { Version: '99.0-stand-in', ApiVersion: '1.41', Os: 'linux', Arch: 'amd64' }
      : { OperatingSystem: 'stand-in', OSType: 'linux', NCPU: 2, MemTotal: 2 ** 30 };
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
});

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  asked.length = 0;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the engine a user picked', () => {
  it('is the one asked, with DOCKER_HOST naming another engine over TCP', async () => {
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:1';
    const info = await new Engine({ host: `unix://${socket}`, timeoutMs: 5000 }).info();
    expect(info).toMatchObject({ reachable: true, version: '99.0-stand-in', endpoint: { host: `unix://${socket}` } });
    expect(asked.some((url) => url.endsWith('/version'))).toBe(true);
  });

  it('is the one asked, with DOCKER_HOST naming an ssh:// host (no SSH connection is tried)', async () => {
    process.env.DOCKER_HOST = 'ssh://me@engine.invalid';
    const info = await new Engine({ host: `unix://${socket}`, timeoutMs: 5000 }).info();
    expect(info).toMatchObject({ reachable: true, version: '99.0-stand-in' });
  });
});

describe('an ssh:// engine', () => {
  it('is refused with what to do instead, and nothing is asked of any engine', async () => {
    process.env.DOCKER_HOST = 'ssh://me:secret@engine.invalid:2222';
    const engine = new Engine({ timeoutMs: 5000 });
    const info = await engine.info();
    expect(info).toMatchObject({
      reachable: false,
      code: 'ENGINE_ERROR',
      reason: 'Podwright does not connect to engines over SSH: ssh://me@engine.invalid:2222 (from DOCKER_HOST).',
      endpoint: { source: 'DOCKER_HOST', host: 'ssh://me@engine.invalid:2222' },
    });
    if (info.reachable) return;
    expect(info.hint).toContain('"ssh -NL /tmp/docker.sock:/var/run/docker.sock me@engine.invalid"');
    expect(JSON.stringify(info)).not.toContain('secret');
    // A call made anyway fails at once instead of reaching an engine (or port 2375 of the SSH host).
    await expect(engine.docker.ping()).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(asked).toEqual([]);
  });
});
