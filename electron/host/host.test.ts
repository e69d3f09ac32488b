import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { handlersFor } from '../../shared/api/testing';
import { startBrowserHost, type BrowserHost } from './host';

const handlers = handlersFor({
  calls: {
    'app.version': async () => ({ name: 'podwright', version: '9.9.9', host: 'browser' }),
    'engine.info': async () => ({
      reachable: false,
      code: 'ENGINE_NOT_FOUND',
      reason: 'none',
      hint: 'start it',
      endpoint: { source: 'default', host: 'unix:///nope.sock', tls: false },
    }),
  },
  topics: {
    'engine.events': async (_p, emit, signal) => {
      for (let i = 0; i < 3; i++) emit({ type: 'container', action: 'start', id: String(i), time: i, attributes: {} });
      await new Promise((done) => signal.addEventListener('abort', done));
    },
  },
});

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function http(
  host: BrowserHost,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

/** A WebSocket as the page opens one: the token offered as a subprotocol beside the API's. */
function openSocket(host: BrowserHost, { token = host.token, origin = `http://127.0.0.1:${host.port}` } = {}) {
  const ws = new WebSocket(
    `ws://127.0.0.1:${host.port}/api/ws`,
    token ? ['podwright.v1', `podwright.token.${token}`] : [],
    {
      headers: origin ? { origin } : {},
    },
  );
  return new Promise<WebSocket>((done, fail) => {
    ws.once('open', () => done(ws));
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', fail);
  });
}

describe('browser host', () => {
  let host: BrowserHost;
  let dir: string;
  const logged: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pw-host-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Podwright</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'pw-secret.txt'), 'secret');
    host = await startBrowserHost({ handlers, staticDir: dir, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a loopback URL carrying a long random token in its fragment, which browsers never send', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the page (which holds no secret) without the token, and never sets a cookie', async () => {
    const page = await http(host, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Podwright</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const asset = await http(host, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['set-cookie']).toBeUndefined();
  });

  it('refuses API calls without the token, with a wrong one, or with it anywhere but the header', async () => {
    const call = (path: string, headers: Record<string, string> = {}) =>
      http(host, path, { method: 'POST', headers, body: '{}' }).then((r) => r.status);
    expect(await call('/api/call/engine.info')).toBe(403);
    expect(await call('/api/call/engine.info', { 'x-podwright-token': `${host.token}x` })).toBe(403);
    // The old ambient places: a cookie (which every server on 127.0.0.1 receives) and the query string.
    expect(await call('/api/call/engine.info', { cookie: `podwright_token=${host.token}` })).toBe(403);
    expect(await call(`/api/call/engine.info?token=${host.token}`)).toBe(403);
    await expect(
      new Promise((done, fail) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws?token=${host.token}`, {
          headers: { origin: `http://127.0.0.1:${host.port}`, cookie: `podwright_token=${host.token}` },
        });
        ws.once('open', () => done('open'));
        ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      }),
    ).rejects.toThrow('403');
  });

  it('rejects a wrong Origin (a page on another port included) even with the right token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const r = await http(host, '/api/call/app.version', {
        method: 'POST',
        headers: { origin, 'x-podwright-token': host.token },
        body: '{}',
      });
      expect(r.status).toBe(403);
      expect(r.body).toContain('bad Origin');
    }
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const r = await http(host, '/', { headers: { host: `attacker.example:${host.port}` } });
    expect(r.status).toBe(403);
  });

  it('trades a launch code for the token once, and only for a page of its own', async () => {
    let used = 0;
    const code = new URL(host.launchUrl(60_000, () => used++)).hash.replace('#code=', '');
    const trade = (origin?: string) =>
      http(host, '/api/session', {
        method: 'POST',
        headers: { 'x-podwright-launch-code': code, ...(origin ? { origin } : {}) },
      });
    expect((await trade()).status).toBe(403);
    expect((await trade(`http://127.0.0.1:${host.port + 1}`)).status).toBe(403);
    const first = await trade(`http://127.0.0.1:${host.port}`);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token: host.token });
    expect(used).toBe(1);
    expect((await trade(`http://127.0.0.1:${host.port}`)).status).toBe(403);
  });

  it('never writes the token to its log', () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain(host.token);
  });

  it('answers API calls over HTTP with the token header', async () => {
    const r = await http(host, '/api/call/app.version', {
      method: 'POST',
      headers: { 'x-podwright-token': host.token, origin: `http://127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { version: '9.9.9' } });
  });

  it('does not serve files outside its folder', async () => {
    const r = await http(host, '/..%2Fpw-secret.txt');
    expect([403, 404]).toContain(r.status);
    expect(r.body).not.toContain('secret');
  });

  it('refuses WebSockets without the token or with a wrong or missing Origin', async () => {
    await expect(openSocket(host, { token: '' })).rejects.toThrow('403');
    await expect(openSocket(host, { origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(openSocket(host, { origin: '' })).rejects.toThrow('403');
  });

  it('carries calls and subscriptions over the WebSocket', async () => {
    const ws = await openSocket(host);
    const messages: { type: string; id: string; events?: unknown[]; seq?: number }[] = [];
    ws.on('message', (m) => messages.push(JSON.parse(String(m))));
    ws.send(JSON.stringify({ type: 'call', id: 'c1', method: 'engine.info', input: {} }));
    ws.send(JSON.stringify({ type: 'subscribe', id: 's1', topic: 'engine.events', params: {} }));
    await expect.poll(() => messages.length, { timeout: 2000 }).toBeGreaterThanOrEqual(2);
    expect(messages.find((m) => m.id === 'c1')).toMatchObject({ type: 'result', ok: true });
    const batch = messages.find((m) => m.type === 'events');
    expect(batch?.events).toHaveLength(3);
    ws.send(JSON.stringify({ type: 'unsubscribe', id: 's1' }));
    await expect.poll(() => messages.some((m) => m.type === 'end'), { timeout: 2000 }).toBe(true);
    ws.close();
  });

  it('is not reachable on a non-loopback address', async () => {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of addresses) {
      const outcome = await new Promise<string>((done) => {
        const socket = connect({ host: address, port: host.port, timeout: 2000 });
        socket.once('connect', () => (socket.destroy(), done('connected')));
        socket.once('timeout', () => (socket.destroy(), done('timeout')));
        socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'error'));
      });
      expect(outcome, `port ${host.port} on ${address}`).not.toBe('connected');
    }
    // Whatever interfaces this machine has, the socket itself is bound to loopback only.
    expect((host.server.address() as { address: string }).address).toBe('127.0.0.1');
  });
});
