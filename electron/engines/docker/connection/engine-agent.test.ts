// The engine connection measures progress, not total time, and always settles: through a proxy in front of the real
// Docker socket that cuts a connection mid-answer, slows one operation down, or hangs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Labels } from '../../../../shared/model/labels';
import { Engine } from './engine';
import { engineAgent } from './engine-agent';
import { EngineProxy } from './engine-proxy.test-support';
import { dockerReason, requireDocker, uniqueSuffix } from '../testing';

const main = await requireDocker();

it("costs nothing to format for docker-modem's debug line, which every request formats with the agent in it", async () => {
  const server = http.createServer((_, res) => setTimeout(() => res.end('{}'), 20));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = engineAgent('http', { idleMs: 10_000, alive: () => Promise.resolve(true) });
  try {
    const get = (): Promise<void> =>
      new Promise((resolve, reject) => {
        const port = (server.address() as AddressInfo).port;
        http
          .get({ host: '127.0.0.1', port, path: '/version', agent }, (res) => res.resume().on('end', resolve))
          .on('error', reject);
      });
    // Three calls at once: three kept-alive sockets in the agent, as after a Pod's creates.
    await Promise.all([get(), get(), get()]);
    // docker-modem's buildRequest: debug('Sending: %s', util.inspect(options, { showHidden: true, depth: null })).
    const line = inspect({ method: 'GET', path: '/version', agent }, { showHidden: true, depth: null });
    expect(line.length).toBeLessThan(200);
  } finally {
    agent.destroy();
    server.close();
  }
});
const BUSYBOX = 'podwright-test/busybox:1';

describe.skipIf(dockerReason)(`the engine connection${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  const proxy = new EngineProxy({ target: main.resolved.modem.socketPath });
  const made: string[] = [];
  beforeAll(() => proxy.start());
  afterEach(async () => {
    proxy.thaw();
    await proxy.start();
    await Promise.all(
      made.splice(0).map((id) =>
        main.docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined),
      ),
    );
  });
  afterAll(() => proxy.close());

  async function sleeper(): Promise<string> {
    const c = await main.docker.createContainer({
      name: `pw-agent-${uniqueSuffix()}`,
      Image: BUSYBOX,
      Cmd: ['sleep', '60'],
      Labels: { [Labels.managed]: 'true', test: 'engine-agent' },
      HostConfig: { NetworkMode: 'none' },
    });
    made.push(c.id);
    await c.start();
    return c.id;
  }

  it('a wait whose connection is cut mid-answer fails at once instead of hanging', async () => {
    const id = await sleeper();
    const engine = new Engine({ host: proxy.host });
    // Docker answers a wait with its head at once and the body when the container exits: the cut falls in between.
    proxy.when(/POST \S*\/containers\/\w+\/wait/, () => setTimeout(() => proxy.cut(), 300));
    const started = Date.now();
    const error = await engine.streams
      .getContainer(id)
      .wait({ condition: 'not-running' })
      .then(
        () => undefined,
        (err: unknown) => err as NodeJS.ErrnoException,
      );
    expect(error?.code).toBe('ECONNRESET');
    expect(Date.now() - started).toBeLessThan(5000);
  }, 15_000);

  it('a call the engine is slow to answer is not cut while the engine answers pings', async () => {
    const engine = new Engine({ host: proxy.host, timeoutMs: 400 });
    proxy.slow(/POST \S*\/containers\/create/, 2500);
    const created = await engine.docker.createContainer({
      name: `pw-agent-${uniqueSuffix()}`,
      Image: BUSYBOX,
      Cmd: ['true'],
      Labels: { [Labels.managed]: 'true', test: 'engine-agent' },
    });
    made.push(created.id);
    expect(created.id).toMatch(/^[0-9a-f]{64}$/);
  }, 15_000);

  it('a call to an engine that hangs (no progress, no answer to a ping) fails with ETIMEDOUT', async () => {
    const engine = new Engine({ host: proxy.host, timeoutMs: 300 });
    proxy.freeze();
    const started = Date.now();
    const error = (await engine.docker.listContainers().catch((err: unknown) => err)) as NodeJS.ErrnoException;
    expect(error.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a quiet stream stays open while the engine answers pings', async () => {
    const engine = new Engine({ host: proxy.host, timeoutMs: 200 });
    const id = await sleeper();
    const abort = new AbortController();
    const seen: string[] = [];
    const streaming = engine.events([`test=engine-agent`], (e) => seen.push(e.action), abort.signal);
    await new Promise((r) => setTimeout(r, 1200)); // six idle periods of silence
    await main.docker.getContainer(id).kill();
    await expect.poll(() => seen, { timeout: 5000 }).toContain('die');
    abort.abort();
    await streaming;
  });
});
