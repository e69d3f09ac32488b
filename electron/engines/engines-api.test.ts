// The pod.logs / pod.exec / engine.* handlers end to end through an ApiSession: contract validation, batches,
// acks, `skipped` under a lagging consumer, and a TTY session driven by calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, type ApiHandlers, type ServerMessage } from '../../shared/api';
import { createHandlers } from '../api/handlers';
import { startFakePod, waitExited, type FakePod } from './docker/logs/logs-testing';
import { dockerReason, requireDocker } from './docker/testing';

const engine = await requireDocker();

type Events = Extract<ServerMessage, { type: 'events' }>;

function connect(handlers: ApiHandlers, options: { maxQueued?: number; window?: number; maxBatch?: number; autoAck?: boolean } = {}) {
  const messages: ServerMessage[] = [];
  // autoAck: a consumer that keeps up, acking each batch as soon as it has it (as the UI's client does).
  const session: ApiSession = new ApiSession(
    handlers,
    (m) => {
      messages.push(m);
      if (options.autoAck && m.type === 'events') queueMicrotask(() => session.receive({ type: 'ack', id: m.id, seq: m.seq }));
    },
    options,
  );
  const ended = (id: string) => messages.find((m) => m.type === 'end' && m.id === id);
  const batches = (id: string) => messages.filter((m): m is Events => m.type === 'events' && m.id === id);
  const result = (id: string) => messages.find((m) => m.type === 'result' && m.id === id);
  const waitFor = async <T>(get: () => T | undefined, ms = 15_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = get();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out; last messages: ${JSON.stringify(messages.slice(-3)).slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { session, messages, ended, batches, result, waitFor };
}

describe.skipIf(dockerReason)(`pod.logs and pod.exec over the API${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let pod: FakePod;
  const configDir = mkdtempSync(join(tmpdir(), 'pw-api-'));
  beforeAll(async () => {
    process.env.PODWRIGHT_CONFIG_DIR = configDir;
    pod = await startFakePod(
      docker(),
      [
        { name: 'chatty', script: 'seq 1 20000; echo done >&2' },
        { name: 'shell', script: 'sleep 300' },
      ],
      'pw-api',
    );
    await waitExited(docker(), [pod.ids.chatty!]);
  });
  afterAll(async () => {
    delete process.env.PODWRIGHT_CONFIG_DIR;
    rmSync(configDir, { recursive: true, force: true });
    await pod?.remove();
  });
  function docker() {
    return engine.docker;
  }

  it('delivers every line in batches while the consumer acks', async () => {
    const api = connect(createHandlers({ host: 'browser', engine }), { maxQueued: 5000, maxBatch: 500, autoAck: true });
    api.session.receive({ type: 'subscribe', id: 's', topic: 'pod.logs', params: { name: pod.pod, containers: ['chatty'] } });
    await api.waitFor(() => api.ended('s'));
    const batches = api.batches('s');
    const events = batches.flatMap((b) => b.events) as { kind: string; text: string; stream: string }[];
    expect(batches.reduce((n, b) => n + b.skipped, 0)).toBe(0);
    expect(events).toHaveLength(20_001);
    expect(events.slice(0, 3).map((e) => e.text)).toEqual(['1', '2', '3']);
    // stdout and stderr are separate pipes that Docker timestamps independently, so "done" may land anywhere near the end.
    expect(events.filter((e) => e.stream === 'stderr')).toEqual([expect.objectContaining({ text: 'done' })]);
    expect(events.filter((e) => e.stream === 'stdout').map((e) => Number(e.text))).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    expect(api.ended('s')).toEqual({ type: 'end', id: 's' });
  });

  it('reports skipped lines instead of queueing without bound when the consumer stops acking', async () => {
    const api = connect(createHandlers({ host: 'browser', engine }), { maxQueued: 1000, maxBatch: 100, window: 2 });
    api.session.receive({ type: 'subscribe', id: 's', topic: 'pod.logs', params: { name: pod.pod, containers: ['chatty'] } });
    // Two batches go out, then nothing until acked: the producer runs to the end meanwhile.
    await new Promise((r) => setTimeout(r, 1500));
    expect(api.batches('s')).toHaveLength(2);
    let acked = 0;
    await api.waitFor(() => {
      for (const b of api.batches('s').slice(acked)) {
        api.session.receive({ type: 'ack', id: 's', seq: b.seq });
        acked++;
      }
      return api.ended('s');
    });
    const batches = api.batches('s');
    const delivered = batches.reduce((n, b) => n + b.events.length, 0);
    const skipped = batches.reduce((n, b) => n + b.skipped, 0);
    expect(skipped).toBeGreaterThan(0);
    expect(delivered + skipped).toBe(20_001);
    expect(delivered).toBeLessThanOrEqual(1000 + 200);
  });

  it('validates parameters against the contract', async () => {
    const api = connect(createHandlers({ host: 'browser', engine }));
    api.session.receive({ type: 'subscribe', id: 'bad', topic: 'pod.logs', params: { name: pod.pod, tail: -1 } });
    expect(api.ended('bad')).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    api.session.receive({ type: 'subscribe', id: 'since', topic: 'pod.logs', params: { name: pod.pod, since: 'last tuesday' } });
    expect(await api.waitFor(() => api.ended('since'))).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(/not a duration/) } });
    api.session.receive({ type: 'call', id: 'c', method: 'pod.exec', input: { name: pod.pod, container: 'shell', command: 'echo hi' } });
    expect(await api.waitFor(() => api.result('c'))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('runs pod.exec and a TTY pod.exec.session driven by input and resize calls', async () => {
    const api = connect(createHandlers({ host: 'browser', engine }));
    api.session.receive({ type: 'call', id: 'c', method: 'pod.exec', input: { name: pod.pod, container: 'shell', command: ['sh', '-c', 'echo hi; exit 7'] } });
    expect(await api.waitFor(() => api.result('c'))).toMatchObject({ ok: true, value: { exitCode: 7, stdout: 'hi\n' } });

    api.session.receive({
      type: 'subscribe',
      id: 't',
      topic: 'pod.exec.session',
      params: { name: pod.pod, container: 'shell', command: ['sh'], tty: true, cols: 80, rows: 24 },
    });
    const events = () => api.batches('t').flatMap((b) => b.events) as { kind: string; session?: string; data?: string; exitCode?: number }[];
    const ackAll = () => api.batches('t').forEach((b) => api.session.receive({ type: 'ack', id: 't', seq: b.seq }));
    const started = await api.waitFor(() => events().find((e) => e.kind === 'started'));
    expect(events()[0]).toBe(started);
    const session = started.session!;
    api.session.receive({ type: 'call', id: 'r', method: 'pod.exec.resize', input: { session, cols: 100, rows: 40 } });
    await api.waitFor(() => api.result('r'));
    api.session.receive({ type: 'call', id: 'i', method: 'pod.exec.input', input: { session, data: 'stty size; exit 4\n' } });
    await api.waitFor(() => {
      ackAll();
      return events().find((e) => e.kind === 'exit');
    });
    expect(events().map((e) => e.data ?? '').join('')).toMatch(/40 100/);
    expect(events().at(-1)).toEqual({ kind: 'exit', exitCode: 4 });
    api.session.receive({ type: 'call', id: 'late', method: 'pod.exec.input', input: { session, data: 'x' } });
    expect(await api.waitFor(() => api.result('late'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists engines with the one in use marked, and selects one', async () => {
    const ctx = { host: 'browser' as const, engine };
    const api = connect(createHandlers(ctx));
    api.session.receive({ type: 'call', id: 'l', method: 'engine.list', input: {} });
    const listed = (await api.waitFor(() => api.result('l'))) as { ok: true; value: { selected: boolean; reachable: boolean }[] };
    expect(listed.value.filter((e) => e.selected)).toEqual([expect.objectContaining({ reachable: true })]);
    api.session.receive({ type: 'call', id: 's', method: 'engine.select', input: { host: 'unix:///var/run/docker.sock' } });
    expect(await api.waitFor(() => api.result('s'))).toMatchObject({ ok: true, value: { reachable: true, name: 'Docker' } });
    expect(ctx.engine).not.toBe(engine);
    expect(ctx.engine.resolved.endpoint).toMatchObject({ source: 'setting', host: 'unix:///var/run/docker.sock' });
  });
});
