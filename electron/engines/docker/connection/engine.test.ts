// Integration tests on the real Docker Engine: engine.info, the unreachable report, and events end to end
// through the browser host's WebSocket.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../api/handlers';
import { startBrowserHost, type BrowserHost } from '../../../host/host';
import { Engine } from './engine';
import { hostSocket } from '../../../host/testing';

const engine = new Engine();
const status = await engine.info();
if (!status.reachable && process.env.CI) {
  throw new Error(`CI needs a Docker Engine for these tests: ${status.reason} ${status.hint}`);
}

describe.skipIf(!status.reachable)('Engine on the real Docker daemon', () => {
  it('reports name, version, API version, CPUs and memory', async () => {
    const raw = await engine.docker.version();
    expect(status).toMatchObject({
      reachable: true,
      name: 'Docker',
      version: raw.Version,
      apiVersion: raw.ApiVersion,
    });
    if (!status.reachable) return;
    expect(status.cpus).toBeGreaterThan(0);
    expect(status.memoryBytes).toBeGreaterThan(2 ** 20);
  });

  it('reports the cgroup version and security options the namespace overlay reads', async () => {
    const raw = (await engine.docker.info()) as { CgroupVersion?: string; SecurityOptions?: string[] };
    if (!status.reachable) return;
    expect(status.cgroupVersion).toBe(raw.CgroupVersion);
    expect(status.securityOptions).toEqual(raw.SecurityOptions);
    expect(Array.isArray(status.securityOptions)).toBe(true);
  });

  it('keeps a quiet event stream open past the request timeout', async () => {
    const impatient = new Engine({ timeoutMs: 300 });
    const tag = `pw-quiet-${randomBytes(4).toString('hex')}`;
    const abort = new AbortController();
    const seen: string[] = [];
    const streaming = impatient.events([`test=${tag}`], (e) => seen.push(e.action), abort.signal);
    await new Promise((r) => setTimeout(r, 1200)); // four request timeouts of silence
    const container = await engine.docker.createContainer({
      Image: 'podwright-test/busybox:1',
      Cmd: ['true'],
      Labels: { test: tag },
    });
    await container.remove({ force: true });
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(expect.arrayContaining(['create', 'destroy']));
    abort.abort();
    await streaming;
  });

  describe('events over the browser host', () => {
    let host: BrowserHost;
    beforeAll(async () => {
      host = await startBrowserHost({ handlers: createHandlers({ host: 'browser', engine }), staticDir: '.' });
    });
    afterAll(() => host.close());

    it('streams labelled container events to a subscriber', async () => {
      const tag = `pw-test-${randomBytes(4).toString('hex')}`;
      const ws = hostSocket(host);
      await new Promise((done, fail) => ws.once('open', done).once('error', fail));
      const actions: string[] = [];
      ws.on('message', (raw) => {
        const m = JSON.parse(String(raw)) as { type: string; seq: number; events: { action: string }[] };
        if (m.type !== 'events') return;
        actions.push(...m.events.map((e) => e.action));
        ws.send(JSON.stringify({ type: 'ack', id: 'ev', seq: m.seq }));
      });
      ws.send(
        JSON.stringify({ type: 'subscribe', id: 'ev', topic: 'engine.events', params: { labels: [`test=${tag}`] } }),
      );
      await new Promise((r) => setTimeout(r, 300)); // the engine's stream is open before we act
      const container = await engine.docker.createContainer({
        Image: 'podwright-test/busybox:1',
        Cmd: ['true'],
        Labels: { test: tag },
      });
      try {
        await container.start();
        await container.wait();
      } finally {
        await container.remove({ force: true });
      }
      await expect
        .poll(() => actions, { timeout: 10_000 })
        .toEqual(expect.arrayContaining(['create', 'start', 'die', 'destroy']));
      ws.close();
    });
  });
});

describe('Engine that cannot be reached', () => {
  it('names the socket it tried and says how to start Docker', async () => {
    const missing = new Engine({ host: 'unix:///tmp/podwright-no-such-engine.sock', timeoutMs: 2000 });
    const info = await missing.info();
    expect(info).toMatchObject({
      reachable: false,
      code: 'ENGINE_NOT_FOUND',
      endpoint: { source: 'setting', host: 'unix:///tmp/podwright-no-such-engine.sock' },
    });
    if (info.reachable) return;
    expect(info.reason).toContain('unix:///tmp/podwright-no-such-engine.sock');
    expect(info.hint).toMatch(/start/i);
  });

  it('reports a refused TCP endpoint', async () => {
    const refused = new Engine({ host: 'tcp://127.0.0.1:1', timeoutMs: 2000 });
    expect(await refused.info()).toMatchObject({ reachable: false, code: 'ENGINE_REFUSED' });
  });
});
