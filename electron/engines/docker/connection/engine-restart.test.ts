// The engine goes away mid-stream and comes back: this test starts a Docker daemon of its own (so stopping it
// disturbs no other test), follows a Pod's logs through the API, stops the daemon, and starts it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, createApiClient, type ApiClient, type ApiError, type TopicEvent } from '../../../../shared/api';
import { Labels } from '../../../../shared/model/labels';
import { createHandlers } from '../../../api/handlers';
import { Engine } from './engine';
import { dockerReason, requireDocker, uniqueSuffix } from '../testing';

const main = await requireDocker();
const dockerd = ['/usr/bin/dockerd', '/usr/sbin/dockerd'].find((p) => existsSync(p));
const isRoot = process.getuid?.() === 0;
const unshare = ['/usr/bin/unshare', '/bin/unshare'].find((p) => existsSync(p));
const reason =
  dockerReason ??
  (!dockerd
    ? 'no dockerd binary'
    : !unshare
      ? 'no unshare (util-linux) to give the second daemon its own network namespace'
      : !isRoot
        ? 'starting a second Docker daemon needs root'
        : undefined);
if (reason && process.env.CI) throw new Error(`CI must run the engine-restart test: ${reason}`);

/** A second daemon with its own socket, data, state and network namespace: nothing it does touches the main one. */
class OwnDaemon {
  readonly dir = mkdtempSync(join(tmpdir(), 'pw-dockerd-'));
  readonly socket = join(this.dir, 'docker.sock');
  private child: ChildProcess | undefined;
  log = '';

  async start(): Promise<void> {
    // Its own network namespace (unshare --net): a daemon started with --bridge=none deletes "docker0", which
    // would break the main engine's bridge if both shared the host's namespace. The unix socket is a file, so the
    // test reaches it all the same.
    this.child = spawn(
      unshare!,
      [
        '--net',
        dockerd!,
        `--host=unix://${this.socket}`,
        `--data-root=${join(this.dir, 'data')}`,
        `--exec-root=${join(this.dir, 'exec')}`,
        `--pidfile=${join(this.dir, 'docker.pid')}`,
        '--bridge=none',
        '--iptables=false',
        '--ip-masq=false',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child.stdout!.on('data', (c: Buffer) => (this.log += c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => (this.log += c.toString()));
    const engine = new Engine({ host: `unix://${this.socket}`, timeoutMs: 2000 });
    for (let i = 0; i < 120; i++) {
      if ((await engine.info()).reachable) return;
      if (this.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the test's dockerd did not start:\n${this.log.slice(-2000)}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The same client and session the UI uses, in memory, over the back end's real handlers. */
function apiFor(engine: Engine): ApiClient {
  let toClient: (m: unknown) => void = () => {};
  const session = new ApiSession(createHandlers({ host: 'browser', engine }), (m) =>
    queueMicrotask(() => toClient(JSON.parse(JSON.stringify(m)))),
  );
  return createApiClient({
    send: (m) => queueMicrotask(() => session.receive(JSON.parse(JSON.stringify(m)))),
    onMessage: (r) => (toClient = r),
  });
}

type LogEvent = TopicEvent<'pod.logs'>;
const tick = (e: LogEvent): number => (e.kind === 'line' ? Number(e.text.split(' ')[1]) : NaN);

describe.skipIf(reason)(`engine stopped mid-stream${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const daemon = new OwnDaemon();
  const pod = `pw-lost-${uniqueSuffix()}`;

  beforeAll(async () => {
    await daemon.start();
    const own = new Engine({ host: `unix://${daemon.socket}` });
    // The daemon starts empty: copy the test image over from the main engine (no registry needed).
    await own.docker.loadImage(await main.docker.getImage('podwright-test/busybox:1').get());
    const container = await own.docker.createContainer({
      name: `${pod}-ticker`,
      Image: 'podwright-test/busybox:1',
      Cmd: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.05; done'],
      Labels: { [Labels.managed]: 'true', [Labels.pod]: pod, [Labels.role]: 'app', [Labels.container]: 'ticker' },
      // Comes back when the daemon does, as a Pod's containers do under restartPolicy Always.
      HostConfig: { NetworkMode: 'none', RestartPolicy: { Name: 'always' } },
    });
    await container.start();
  }, 120_000);

  afterAll(async () => {
    await daemon.stop().catch(() => undefined);
    daemon.remove();
  });

  it('says the engine is gone, then resumes status and logs when it is back', async () => {
    const engine = new Engine({ host: `unix://${daemon.socket}`, timeoutMs: 2000 });
    const api = apiFor(engine);
    const seen: LogEvent[] = [];
    const ended = new Promise<ApiError | undefined>((done) =>
      api.subscribe(
        'pod.logs',
        { name: pod, follow: true },
        { onEvents: (events) => void seen.push(...events.filter((e) => e.kind === 'line')), onEnd: done },
      ),
    );
    await expect.poll(() => seen.length, { timeout: 15_000 }).toBeGreaterThan(10);

    await daemon.stop();
    const error = await ended;
    expect(error?.code).toBe('ENGINE_UNREACHABLE');
    const since = (error?.details as { since?: string } | undefined)?.since;
    expect(since).toMatch(/^\d+\.\d{9}$/); // Unix seconds with nanoseconds, the engine's own `since` form
    // The status bar's question gets a plain answer naming the socket.
    const down = await api.call('engine.info');
    expect(down).toMatchObject({ reachable: false, code: expect.stringMatching(/ENGINE_(NOT_FOUND|REFUSED)/) });
    if (!down.reachable) expect(down.reason).toContain(daemon.socket);

    await daemon.start();
    await expect.poll(async () => (await api.call('engine.info')).reachable, { timeout: 30_000 }).toBe(true);
    const resumed: LogEvent[] = [];
    const stop = api.subscribe(
      'pod.logs',
      { name: pod, follow: true, since },
      { onEvents: (events) => void resumed.push(...events.filter((e) => e.kind === 'line')) },
    );
    // The container restarts with the daemon and its count starts over; lines from before and after both arrive.
    await expect
      .poll(() => resumed.some((e) => e.kind === 'line' && tick(e) < 5 && e.t > Number(since) * 1000), {
        timeout: 30_000,
      })
      .toBe(true);
    stop();
    const lastBefore = tick(seen.at(-1)!);
    expect(resumed.length).toBeGreaterThan(0);
    expect(tick(resumed[0]!)).toBeLessThanOrEqual(lastBefore + 1); // no gap at the seam
  }, 120_000);
});
