import { describe, expect, it } from 'vitest';
import { ApiSession, type ApiHandlers } from './session';
import { createApiClient, type Transport } from './client';
import type { ServerMessage } from './protocol';
import type { EngineEvent, EngineStatus } from './contract';
import { handlersFor } from './testing';

const reachable: EngineStatus = {
  reachable: true,
  name: 'Docker',
  version: '20.10.24',
  apiVersion: '1.41',
  os: 'Debian',
  osType: 'linux',
  arch: 'amd64',
  cpus: 2,
  memoryBytes: 2 ** 34,
  endpoint: { source: 'default', host: 'unix:///var/run/docker.sock', tls: false },
};

function event(i: number): EngineEvent {
  return { type: 'container', action: 'start', id: String(i), time: i, attributes: {} };
}

function handlers(overrides: Partial<ApiHandlers['calls']> = {}, produce?: ApiHandlers['topics']['engine.events']) {
  return handlersFor({
    calls: {
      'app.version': async () => ({ name: 'podwright' as const, version: '0.0.0', host: 'browser' as const }),
      'engine.info': async () => reachable,
      ...overrides,
    },
    topics: { 'engine.events': produce ?? (async () => {}) },
  });
}

/** Wires a client to a session in memory, as the transports do over IPC or a WebSocket. */
function connect(h: ApiHandlers, options = {}) {
  let toClient: (m: unknown) => void = () => {};
  const fromServer: ServerMessage[] = [];
  const session = new ApiSession(
    h,
    (m) => {
      fromServer.push(m);
      queueMicrotask(() => toClient(JSON.parse(JSON.stringify(m))));
    },
    options,
  );
  const transport: Transport = {
    send: (m) => queueMicrotask(() => session.receive(JSON.parse(JSON.stringify(m)))),
    onMessage: (r) => (toClient = r),
  };
  return { client: createApiClient(transport), session, fromServer };
}

describe('ApiSession + client', () => {
  it('answers a call with a value that matches the contract', async () => {
    const { client } = connect(handlers());
    await expect(client.call('engine.info')).resolves.toEqual(reachable);
  });

  it('rejects input outside the contract with BAD_REQUEST', async () => {
    const { client } = connect(handlers());
    // @ts-expect-error: the contract says engine.info takes no fields
    await expect(client.call('engine.info', { extra: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses unknown methods and malformed messages', async () => {
    const sent: ServerMessage[] = [];
    const session = new ApiSession(handlers(), (m) => sent.push(m));
    session.receive({ type: 'call', id: 'a', method: 'fs.read', input: {} });
    session.receive({ type: 'launch', id: 'b' });
    session.receive('not an object');
    session.receive({ type: 'call', id: 'x'.repeat(500), method: 'engine.info', input: {} });
    await new Promise((r) => setTimeout(r, 10));
    expect(sent.map((m) => m.type === 'result' && !m.ok && m.error.code)).toEqual([
      'UNKNOWN_METHOD',
      'BAD_REQUEST',
      'BAD_REQUEST',
      'BAD_REQUEST',
    ]);
    // An over-long id is not echoed back whole.
    expect(sent.every((m) => m.id.length <= 64)).toBe(true);
  });

  it('never sends a handler result that breaks the contract', async () => {
    const broken = handlers({ 'engine.info': async () => ({ reachable: true }) as unknown as EngineStatus });
    const { client } = connect(broken);
    await expect(client.call('engine.info')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('reports handler errors without stack traces', async () => {
    const failing = handlers({
      'engine.info': async () => {
        throw new Error('boom');
      },
    });
    const { client, fromServer } = connect(failing);
    await expect(client.call('engine.info')).rejects.toMatchObject({ code: 'INTERNAL', message: 'boom' });
    expect(JSON.stringify(fromServer)).not.toContain('at ');
  });

  it('streams events in order with acks and ends the subscription', async () => {
    const { client } = connect(
      handlers({}, async (_params, emit) => {
        for (let i = 0; i < 2500; i++) emit(event(i));
        await new Promise((r) => setTimeout(r, 20));
      }),
      { window: 2, maxBatch: 100 },
    );
    const seen: number[] = [];
    let skipped = 0;
    await new Promise<void>((done, fail) =>
      client.subscribe(
        'engine.events',
        {},
        {
          onEvents: (events, s) => {
            skipped += s;
            seen.push(...events.map((e) => Number(e.id)));
          },
          onEnd: (err) => (err ? fail(err) : done()),
        },
      ),
    );
    expect(skipped).toBe(0);
    expect(seen).toEqual(Array.from({ length: 2500 }, (_, i) => i));
  });

  it('tells a slow consumer how many events it skipped, and bounds the queue', async () => {
    const { client } = connect(
      handlers({}, async (_params, emit) => {
        for (let i = 0; i < 10_000; i++) emit(event(i));
        await new Promise((r) => setTimeout(r, 50));
      }),
      { window: 1, maxBatch: 100, maxQueued: 500 },
    );
    let received = 0;
    let skipped = 0;
    await new Promise<void>((done) =>
      client.subscribe(
        'engine.events',
        {},
        {
          onEvents: async (events, s) => {
            skipped += s;
            received += events.length;
            await new Promise((r) => setTimeout(r, 5)); // a slow screen
          },
          onEnd: () => done(),
        },
      ),
    );
    expect(skipped).toBeGreaterThan(0);
    expect(received + skipped).toBe(10_000);
  });

  it('stops the producer on unsubscribe', async () => {
    let aborted = false;
    const { client } = connect(
      handlers({}, (_params, emit, signal) => {
        emit(event(1));
        return new Promise<void>((done) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            done();
          }),
        );
      }),
    );
    await new Promise<void>((done) => {
      const stop: () => void = client.subscribe(
        'engine.events',
        {},
        {
          onEvents: (): void => {
            stop();
            done();
          },
        },
      );
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(aborted).toBe(true);
  });

  it('refuses unknown topics and bad params with an end message', async () => {
    const { client } = connect(handlers());
    const error = await new Promise((done) =>
      // @ts-expect-error: labels must be strings
      client.subscribe('engine.events', { labels: [1] }, { onEvents: () => {}, onEnd: done }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
