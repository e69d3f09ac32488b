// The API transport: call round trips and event throughput, in-process vs over the browser host's WebSocket.
import { ApiSession, EventPump, type EngineEvent } from '../shared/api';
import { handlersFor } from '../shared/api/testing';
import { startBrowserHost } from '../electron/host/host';
import { detail, time, type Benchmark } from './harness';
import { hostSocket } from '../electron/host/testing';

const EVENTS = 200_000;

function event(i: number): EngineEvent {
  return { type: 'container', action: 'start', id: String(i), time: i, attributes: { 'dev.podwright.pod': 'web' } };
}

const handlers = handlersFor({
  calls: {
    'app.version': async () => ({ name: 'podwright', version: '0', host: 'browser' }),
    'engine.info': async () => ({
      reachable: false,
      code: 'ENGINE_NOT_FOUND',
      reason: 'bench',
      hint: 'bench',
      endpoint: { source: 'default', host: 'unix:///bench.sock', tls: false },
    }),
  },
  topics: {
    'engine.events': async (_params, emit, signal) => {
      // Emit in slices so the producer yields like a real stream would.
      for (let i = 0; i < EVENTS && !signal.aborted; i++) {
        emit(event(i));
        if (i % 5000 === 4999) await new Promise((r) => setImmediate(r));
      }
    },
  },
});

const bench: Benchmark = {
  id: 'api',
  title: 'API transport: calls and event streams',
  issue: 3,
  async run(ctx) {
    const pumpStart = performance.now();
    let delivered = 0;
    const pump = new EventPump<EngineEvent>({
      send: (b) => {
        delivered += b.events.length;
        queueMicrotask(() => pump.ack(b.seq));
      },
      schedule: (fn) => queueMicrotask(fn),
      maxQueued: EVENTS, // measure raw throughput: nothing may be dropped here
    });
    for (let i = 0; i < EVENTS; i++) pump.push(event(i));
    await new Promise<void>((done) => {
      const check = (): void => (delivered >= EVENTS ? done() : void setImmediate(check));
      check();
    });
    const pumpRate = EVENTS / ((performance.now() - pumpStart) / 1000);

    const inProcess = await time(
      () =>
        new Promise<void>((done) => {
          new ApiSession(handlers, () => done()).receive({ type: 'call', id: 'c', method: 'app.version', input: {} });
        }),
      2000,
      100,
    );

    const host = await startBrowserHost({ handlers, staticDir: '.' });
    try {
      const ws = hostSocket(host);
      await new Promise((done, fail) => ws.once('open', done).once('error', fail));
      const waiters = new Map<string, () => void>();
      let received = 0;
      let skipped = 0;
      let ended: (() => void) | undefined;
      ws.on('message', (raw) => {
        const m = JSON.parse(String(raw)) as { type: string; id: string; seq: number; events: unknown[] };
        if (m.type === 'result') waiters.get(m.id)?.();
        else if (m.type === 'events') {
          received += m.events.length;
          skipped += (m as unknown as { skipped: number }).skipped;
          ws.send(JSON.stringify({ type: 'ack', id: m.id, seq: m.seq }));
        } else if (m.type === 'end') ended?.();
      });
      let n = 0;
      const overSocket = await time(
        () =>
          new Promise<void>((done) => {
            const id = `c${n++}`;
            waiters.set(id, () => (waiters.delete(id), done()));
            ws.send(JSON.stringify({ type: 'call', id, method: 'app.version', input: {} }));
          }),
        2000,
        100,
      );
      const streamStart = performance.now();
      await new Promise<void>((done) => {
        ended = done;
        ws.send(JSON.stringify({ type: 'subscribe', id: 's', topic: 'engine.events', params: {} }));
      });
      const wsRate = received / ((performance.now() - streamStart) / 1000);
      ctx.log(`received ${received} of ${EVENTS} events over the WebSocket, ${skipped} reported skipped`);
      ws.close();
      return [
        {
          name: 'call round trip, in process (ApiSession)',
          value: inProcess.median,
          unit: 'ms',
          detail: detail(inProcess, 3),
        },
        {
          name: 'call round trip, browser host WebSocket',
          value: overSocket.median,
          unit: 'ms',
          detail: detail(overSocket, 3),
        },
        { name: 'EventPump throughput, in process', value: Math.round(pumpRate), unit: 'events/s' },
        {
          name: 'events delivered over the WebSocket with acks',
          value: Math.round(wsRate),
          unit: 'events/s',
          goal: { value: 100_000, better: 'higher' },
          detail: `${received} of ${EVENTS} delivered, ${skipped} skipped (the producer outran the socket)`,
        },
      ];
    } finally {
      await host.close();
    }
  },
};

export default bench;
