// Logs and terminals on a cluster: every container of every replica merged in time order, followed across a
// container's restarts with the crashed run's lines from `previous`; a shell over exec (channel protocol v5) with a
// resize; captured commands with exit codes; a container port forwarded to 127.0.0.1.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodLogEvent, PodSnapshot } from '../../../../shared/api/contract';
import { StandIn } from '../testing';
import { clusterOn, eventually, exampleDocuments, type Fixture } from '../testing/fixtures';
import { ClusterExecSession, execCaptureCluster } from '../exec/exec';
import { streamClusterLogs } from './logs';

let standIn: StandIn;
let fx: Fixture;

beforeAll(async () => {
  standIn = await StandIn.start({ timing: { logIntervalMs: 100, crashAfterMs: 400, backoffMs: 300 } });
  fx = clusterOn(standIn);
  await fx.engine.deployer.apply(fx.engine.plan({ documents: exampleDocuments(), design: 'hello', as: 'deployment', replicas: 3 }));
  await eventually(() => fx.engine.snapshot('helloworld'), (s) => s?.workload?.ready === 3);
});

afterAll(async () => {
  fx?.engine.close();
  await standIn?.close();
});

describe('logs', () => {
  it('merges every container of the three replicas in time order', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const events: PodLogEvent[] = [];
    await streamClusterLogs(fx.engine.cluster, { namespace: 'default', name: 'helloworld' }, (e) => events.push(e), new AbortController().signal);
    const lines = events.filter((e): e is Extract<PodLogEvent, { kind: 'line' }> => e.kind === 'line');
    // helloworld's "main" container echoes; its three replicas each wrote several lines.
    const replicas = new Set(lines.map((l) => l.replica));
    expect(replicas.size).toBe(3);
    expect(lines.every((l) => l.container === 'main' && l.text === 'hello world')).toBe(true);
    const times = lines.map((l) => l.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Interleaved, not one replica after another.
    const order = lines.map((l) => l.replica);
    expect(order.slice(0, 3).length).toBe(3);
    expect(new Set(order.slice(0, Math.min(order.length, 6))).size).toBeGreaterThan(1);
  });

  it('follows running replicas from their backlog on, while their other containers print nothing', async () => {
    const events: PodLogEvent[] = [];
    const abort = new AbortController();
    const done = streamClusterLogs(fx.engine.cluster, { namespace: 'default', name: 'helloworld', follow: true, tail: 50_000 }, (e) => events.push(e), abort.signal);
    // The backlog of the three "main" containers comes at once; api, log and compute stay silent all along.
    await eventually(() => new Set(events.map((e) => e.kind === 'line' && e.replica)).size, (n) => n >= 3, 5000);
    const count = events.length;
    await eventually(() => events.length, (n) => n > count, 5000);
    abort.abort();
    await done;
  });

  it('follows a container across its restarts, the crashed run first', async () => {
    const crash = [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crashy' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo before the crash; exit 7'] }] } }];
    await fx.engine.deployer.apply(fx.engine.plan({ documents: crash, design: 'crashy' }));
    await eventually(() => fx.engine.snapshot('crashy'), (s) => (s?.containers[0]?.restartCount ?? 0) >= 1);
    const events: PodLogEvent[] = [];
    const abort = new AbortController();
    const done = streamClusterLogs(fx.engine.cluster, { namespace: 'default', name: 'crashy', follow: true }, (e) => events.push(e), abort.signal);
    // Two more restarts seen while following: each ends with "stopped" (exit 7) and a new "attempt".
    await eventually(() => events.filter((e) => e.kind === 'attempt').length, (n) => n >= 3, 15_000);
    abort.abort();
    await done;
    const kinds = events.map((e) => (e.kind === 'line' ? `line${e.attempt}` : `${e.kind}${e.attempt}`));
    expect(kinds[0]).toBe('line0');
    expect(kinds).toContain('stopped0');
    expect(kinds.indexOf('stopped0')).toBeLessThan(kinds.indexOf('attempt1'));
    expect(events.filter((e) => e.kind === 'stopped').every((e) => e.kind === 'stopped' && e.exitCode === 7)).toBe(true);
    expect(events.filter((e) => e.kind === 'line').every((e) => e.kind === 'line' && e.text === 'before the crash')).toBe(true);
    // `previous` alone: only the crashed run.
    const previous: PodLogEvent[] = [];
    await streamClusterLogs(fx.engine.cluster, { namespace: 'default', name: 'crashy', previous: true }, (e) => previous.push(e), new AbortController().signal);
    expect(previous.length).toBeGreaterThan(0);
    expect(previous.every((e) => e.kind === 'line' && e.text === 'before the crash' && e.attempt === 0)).toBe(true);
    await fx.engine.deployer.down('default', 'crashy', { graceSeconds: 0 });
  });
});

describe("a run whose log the node no longer has", () => {
  // Its own stand-in, whose runs last long enough that the previous run stays the previous one while it is read.
  let slow: StandIn;
  let on: Fixture;
  beforeAll(async () => {
    slow = await StandIn.start({ timing: { logIntervalMs: 100, crashAfterMs: 4000, backoffMs: 300 } });
    on = clusterOn(slow);
  });
  afterAll(async () => {
    on?.engine.close();
    await slow?.close();
  });

  it("says so as ours, where the kubelet answers it in place of the lines (REAL-SERVER.md, logs)", async () => {
    const crash = [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'replaced' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo before the crash; exit 7'] }] } }];
    await on.engine.deployer.apply(on.engine.plan({ documents: crash, design: 'replaced' }));
    await eventually(() => on.engine.snapshot('replaced'), (s) => (s?.containers[0]?.restartCount ?? 0) >= 1 && s?.containers[0]?.state.state === 'running', 15_000);
    slow.simulation.removePreviousRun('default', 'replaced', 'app');
    const previous: PodLogEvent[] = [];
    await streamClusterLogs(on.engine.cluster, { namespace: 'default', name: 'replaced', previous: true }, (e) => previous.push(e), new AbortController().signal);
    expect(previous.map((e) => e.kind)).toEqual(['unavailable']);
    expect(previous[0]).toMatchObject({ container: 'app', attempt: 0, replica: 'replaced' });
    // The whole log: the marker where the lost run's lines would be, its exit, then the run that goes on.
    const all: PodLogEvent[] = [];
    await streamClusterLogs(on.engine.cluster, { namespace: 'default', name: 'replaced' }, (e) => all.push(e), new AbortController().signal);
    expect(all.slice(0, 3).map((e) => `${e.kind}${e.attempt}`)).toEqual(['unavailable0', 'stopped0', 'attempt1']);
    expect(all.filter((e) => e.kind === 'line').every((e) => e.kind === 'line' && e.text === 'before the crash' && e.attempt === 1)).toBe(true);
  }, 30_000);
});

describe('terminal and exec', () => {
  it('opens a shell in one replica over the channel protocol, with a resize', async () => {
    let screen = '';
    const session = await ClusterExecSession.start(fx.engine.cluster, { namespace: 'default', pod: 'helloworld', container: 'main' }, ['sh'], { tty: true, cols: 80, rows: 24 }, (o) => {
      expect(o.stream).toBe('tty');
      screen += o.data;
    });
    expect(session.replica).toMatch(/^helloworld-[a-z0-9]+-[a-z0-9]{5}$/);
    await eventually(() => screen, (s) => s.includes('/ # '));
    await session.resize(120, 40);
    session.write('stty size\r');
    await eventually(() => screen, (s) => s.includes('40 120'));
    session.write('hostname\r');
    await eventually(() => screen, (s) => s.includes(session.replica));
    session.write('exit 5\r');
    expect(await session.exited).toBe(5);
    // The v5 protocol was spoken (stdin can be closed).
    expect(standIn.requests.some((r) => r.path.endsWith('/exec'))).toBe(true);
  });

  it('runs a command to its end with its output and exit code', async () => {
    const ok = await execCaptureCluster(fx.engine.cluster, { namespace: 'default', pod: 'helloworld', container: 'api' }, ['sh', '-c', 'echo out; exit 4'], { timeoutMs: 5000 });
    expect(ok).toMatchObject({ exitCode: 4, stdout: 'out\n', timedOut: false });
    const piped = await execCaptureCluster(fx.engine.cluster, { namespace: 'default', pod: 'helloworld', container: 'api' }, ['sh'], { stdin: 'echo from stdin\n', timeoutMs: 5000 });
    expect(piped).toMatchObject({ exitCode: 0, stdout: 'from stdin\n' });
  });

  it('refuses a container that is not running, in words', async () => {
    const err = await execCaptureCluster(fx.engine.cluster, { namespace: 'default', pod: 'helloworld', container: 'nope' }, ['true'], { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('has no container "nope"');
  });
});

describe('port-forwards', () => {
  it("links a container port on 127.0.0.1 to a running replica", async () => {
    const abort = new AbortController();
    let latest: PodSnapshot | undefined;
    void fx.engine.watch({ name: 'helloworld' }, (e) => {
      if (e.kind === 'status') latest = e.pod;
    }, abort.signal);
    const forwarded = await eventually(() => latest, (s) => (s?.forwards ?? []).length > 0);
    const link = forwarded!.forwards!.find((f) => f.container === 'api' && f.containerPort === 80)!;
    expect(link.localPort).toBeGreaterThan(0);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: link.localPort, path: '/' }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body).toBe(`Hello from ${link.replica} on port 80 (simulated)\n`);
    abort.abort();
  });
});
