// Integration tests on the real Docker Engine: a Pod's merged logs (order, tags, stderr), follow across a restart.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api';
import { Engine } from '../connection/engine';
import { EngineProxy } from '../connection/engine-proxy.test-support';
import { streamPodLogs, type PodLogEvent } from './logs';
import { startFakePod, waitExited, type FakePod } from './logs-testing';
import { dockerReason, requireDocker } from '../testing';

const engine = await requireDocker();
const docker = engine.docker;

type Line = Extract<PodLogEvent, { kind: 'line' }>;

async function collect(
  options: Parameters<typeof streamPodLogs>[1],
  until?: (events: PodLogEvent[]) => boolean,
  ms = 20_000,
) {
  const events: PodLogEvent[] = [];
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  let poll: NodeJS.Timeout | undefined;
  if (until) {
    poll = setInterval(() => {
      if (until(events)) abort.abort();
    }, 20);
  }
  try {
    await streamPodLogs(docker, options, (e) => events.push(e), abort.signal);
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
  return events;
}

const lines = (events: PodLogEvent[]): Line[] => events.filter((e): e is Line => e.kind === 'line');

function expectTimeOrder(ls: Line[]): void {
  for (let i = 1; i < ls.length; i++) {
    const a = ls[i - 1]!;
    const b = ls[i]!;
    if (a.time > b.time && a.t > b.t)
      throw new Error(`out of order at ${i}: ${a.time} ${a.text} > ${b.time} ${b.text}`);
  }
}

describe.skipIf(dockerReason)(`Pod logs on Docker${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  let pod: FakePod | undefined;
  afterEach(async () => {
    await pod?.remove();
    pod = undefined;
  });

  it('a container that has not started yet is waited for, not reported as exited (no line before its first)', async () => {
    pod = await startFakePod(docker, [
      { name: 'web', script: 'while true; do echo web; sleep 0.2; done' },
      { name: 'late', script: 'echo "late hello"; sleep 60', start: false },
    ]);
    const lateId = pod.ids.late!;
    setTimeout(() => void docker.getContainer(lateId).start(), 800);
    const events = await collect({ pod: pod.pod, follow: true }, (es) =>
      lines(es).some((l) => l.container === 'late' && l.text === 'late hello'),
    );
    const late = events.filter((e) => e.container === 'late');
    // Before the fix: a "stopped" event with exit code 0 at 0001-01-01, sorted before every other line.
    expect(late.filter((e) => e.kind === 'stopped')).toEqual([]);
    expect(late.filter((e) => e.kind === 'attempt')).toEqual([]);
    expect(lines(late).map((l) => [l.text, l.attempt])).toEqual([['late hello', 0]]);
    expect(events.every((e) => !e.time.startsWith('0001-'))).toBe(true);
  });

  // Three containers take turns: each line's number says where it belongs in the merged stream.
  const turn = (offset: number) =>
    `i=${offset}; while [ $i -lt 30 ]; do sleep 0.0$((3 - ${offset})); echo "n=$i"; i=$((i+3)); done`;

  it('merges three containers in time order with the right tags, and tags stderr', async () => {
    pod = await startFakePod(docker, [
      { name: 'a', script: `${turn(0)}; echo bad >&2` },
      { name: 'b', script: turn(1) },
      { name: 'c', script: turn(2) },
    ]);
    await waitExited(docker, Object.values(pod.ids));
    const ls = lines(await collect({ pod: pod.pod }));
    expect(ls).toHaveLength(31);
    expectTimeOrder(ls);
    for (const l of ls.filter((x) => x.stream === 'stdout')) {
      const n = Number(/n=(\d+)/.exec(l.text)![1]);
      expect(l.container).toBe(['a', 'b', 'c'][n % 3]);
    }
    expect(ls.filter((l) => l.stream === 'stderr')).toMatchObject([{ container: 'a', text: 'bad' }]);
    // Each container's own lines keep their order.
    for (const name of ['a', 'b', 'c']) {
      const ns = ls
        .filter((l) => l.container === name && l.stream === 'stdout')
        .map((l) => Number(/n=(\d+)/.exec(l.text)![1]));
      expect(ns).toEqual([...ns].sort((x, y) => x - y));
    }
  });

  it('selects containers, honours tail, and follows live lines in order', async () => {
    pod = await startFakePod(docker, [
      {
        name: 'a',
        script: 'echo old-a; sleep 1; i=0; while [ $i -lt 20 ]; do echo "a$i"; i=$((i+1)); sleep 0.02; done; sleep 30',
      },
      {
        name: 'b',
        script: 'echo old-b; sleep 1; i=0; while [ $i -lt 20 ]; do echo "b$i"; i=$((i+1)); sleep 0.03; done; sleep 30',
      },
      { name: 'c', script: 'echo only-c; sleep 30' },
    ]);
    await new Promise((r) => setTimeout(r, 500));
    const events = await collect(
      { pod: pod.pod, containers: ['a', 'b'], follow: true, tail: 1 },
      (es) => lines(es).length >= 42,
    );
    const ls = lines(events);
    expect(ls.map((l) => l.container)).not.toContain('c');
    expect(
      ls
        .slice(0, 2)
        .map((l) => l.text)
        .sort(),
    ).toEqual(['old-a', 'old-b']);
    expect(ls.filter((l) => l.container === 'a').map((l) => l.text)).toEqual([
      'old-a',
      ...Array.from({ length: 20 }, (_, i) => `a${i}`),
    ]);
    expectTimeOrder(ls);
  });

  it('ends with NOT_FOUND for an unknown Pod or container', async () => {
    await expect(collect({ pod: 'pw-no-such-pod-xyz' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    pod = await startFakePod(docker, [{ name: 'a', script: 'true' }]);
    const err = await collect({ pod: pod.pod, containers: ['zzz'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/no container "zzz"/);
  });

  it('keeps following a container across docker restart, marking the new attempt', async () => {
    pod = await startFakePod(docker, [
      {
        name: 'web',
        script: 'echo "boot $(date +%s%N)"; i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.1; done',
      },
      { name: 'quiet', script: 'sleep 60' },
    ]);
    const id = pod.ids.web!;
    let restarted = false;
    const events = await collect({ pod: pod.pod, follow: true }, (es) => {
      const boots = lines(es).filter((l) => l.text.startsWith('boot'));
      if (!restarted && lines(es).length >= 5) {
        restarted = true;
        void docker.getContainer(id).restart({ t: 0 });
      }
      return boots.length >= 2 && lines(es).filter((l) => l.attempt === 1 && l.text.startsWith('tick')).length >= 3;
    });
    const ls = lines(events);
    const boots = ls.filter((l) => l.text.startsWith('boot'));
    expect(boots.map((l) => l.attempt)).toEqual([0, 1]);
    expect(events.some((e) => e.kind === 'attempt' && e.container === 'web' && e.attempt === 1)).toBe(true);
    // Nothing is repeated: every text of attempt 0 appears once.
    const first = ls.filter((l) => l.attempt === 0).map((l) => l.text);
    expect(new Set(first).size).toBe(first.length);
    expectTimeOrder(ls);
  });

  // A crash loop (the port-clash lesson): dockerd closes each run's stream a moment before inspect shows it stopped,
  // which once ended the follow with ENGINE_UNREACHABLE after the first crash.
  // Past the first few crashes Docker backs off, and the container sits in "restarting" (Running and Restarting both).
  // Each run prints its own number (kept in the container's file system, which survives a restart), so every line's
  // attempt can be checked against the run that wrote it.
  const crashLoop = 'n=$(cat /runs 2>/dev/null || echo 0); echo $((n+1)) > /runs; echo "crash $n"; exit 1';

  /** Every crash line is delivered once, tagged with the attempt of the run that wrote it (counted from the first). */
  function expectOneLinePerRun(events: PodLogEvent[]): void {
    const crashes = lines(events).filter((l) => l.text.startsWith('crash'));
    expect(crashes.length).toBeGreaterThanOrEqual(6);
    const runs = crashes.map((l) => Number(l.text.split(' ')[1]));
    expect(new Set(runs).size).toBe(runs.length);
    expect(crashes.map((l) => l.attempt - crashes[0]!.attempt)).toEqual(runs.map((r) => r - runs[0]!));
    expect(events.filter((e) => e.kind === 'attempt' && e.container === 'crash').length).toBeGreaterThanOrEqual(3);
    // Every run before the last shown ends with its exit, once, even when the engine restarted the container before
    // the reader could look (the exit is then read from the engine's 'die' event).
    const ended = crashes.slice(0, -1).map((l) => l.attempt);
    const stops = events.filter((e) => e.kind === 'stopped' && e.container === 'crash');
    for (const attempt of ended)
      expect(
        stops
          .filter((e) => e.kind === 'stopped' && e.attempt === attempt)
          .map((e) => e.kind === 'stopped' && e.exitCode),
      ).toEqual([1]);
  }

  it('follows a crash-looping container through several attempts without calling the engine lost', async () => {
    pod = await startFakePod(docker, [
      { name: 'crash', script: crashLoop, restart: 'always' },
      { name: 'quiet', script: 'sleep 60' },
    ]);
    const events = await collect(
      { pod: pod.pod, follow: true },
      (es) => lines(es).filter((l) => l.text.startsWith('crash')).length >= 6,
      30_000,
    );
    expectOneLinePerRun(events);
  }, 40_000);

  // The node shows the engine's restart count; a log opened late in a crash loop called the next start "attempt 1".
  it("numbers a crash loop's runs from the container's first, as the engine's restart count does, however late the log is opened", async () => {
    pod = await startFakePod(docker, [{ name: 'crash', script: 'echo "crash"; exit 1', restart: 'always' }]);
    const container = docker.getContainer(pod.ids.crash!);
    const deadline = Date.now() + 20_000;
    let before = 0;
    while (before < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      before = (await container.inspect()).RestartCount;
    }
    expect(before).toBeGreaterThanOrEqual(3);
    const events = await collect(
      { pod: pod.pod, follow: true },
      (es) => es.some((e) => e.kind === 'attempt' && e.attempt > before),
      30_000,
    );
    // The earlier runs' lines come first, each under its own run (0 is the container's first), and a start made
    // after the log was opened is numbered past the restarts the engine had counted.
    const attempts = lines(events).map((l) => l.attempt);
    expect(attempts[0]).toBe(0);
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
    expect(Math.max(...attempts)).toBeGreaterThan(before);
  }, 40_000);

  // On a busy machine (CI: a CPU hog beside the crash loop, and an engine slow to answer), the logs of the next run
  // were asked for after that run had already started, or a run later: the stream carried two runs' lines under the
  // one attempt it was opened for (6 crash lines, 5 attempts).
  it('tags each line of a crash loop with its own run on a busy machine (CPU hogs, a slow engine)', async () => {
    const hogs = Array.from({ length: 2 }, () => spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
    const proxy = new EngineProxy({ target: engine.resolved.modem.socketPath, latencyMs: 150 });
    try {
      await proxy.start();
      const slow = new Engine({ host: proxy.host });
      pod = await startFakePod(docker, [
        { name: 'crash', script: crashLoop, restart: 'always' },
        { name: 'quiet', script: 'sleep 60' },
      ]);
      const events: PodLogEvent[] = [];
      const abort = new AbortController();
      const enough = setInterval(() => {
        if (lines(events).filter((l) => l.text.startsWith('crash')).length >= 6) abort.abort();
      }, 20);
      const timer = setTimeout(() => abort.abort(), 40_000);
      try {
        await streamPodLogs(slow.docker, { pod: pod.pod, follow: true }, (e) => events.push(e), abort.signal);
      } finally {
        clearInterval(enough);
        clearTimeout(timer);
      }
      expectOneLinePerRun(events);
    } finally {
      for (const hog of hogs) hog.kill();
      await proxy.close();
    }
  }, 60_000);

  it("keeps a quiet follow open past the engine client's idle timeout", async () => {
    pod = await startFakePod(docker, [{ name: 'slow', script: 'echo first; sleep 2.5; echo second; sleep 30' }]);
    const impatient = new Engine({ timeoutMs: 1000 });
    const events: PodLogEvent[] = [];
    const abort = new AbortController();
    const done = streamPodLogs(impatient.docker, { pod: pod.pod, follow: true }, (e) => events.push(e), abort.signal);
    const deadline = Date.now() + 10_000;
    while (lines(events).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    abort.abort();
    await done;
    expect(lines(events).map((l) => l.text)).toEqual(['first', 'second']);
  });

  it('handles a TTY container and a very long line', async () => {
    pod = await startFakePod(docker, [
      { name: 'tty', tty: true, script: 'echo hi-from-tty' },
      { name: 'long', script: `head -c 50000 /dev/zero | tr '\\0' y; echo; echo after` },
    ]);
    await waitExited(docker, Object.values(pod.ids));
    const ls = lines(await collect({ pod: pod.pod, maxLineBytes: 4096 }));
    expect(ls.find((l) => l.container === 'tty')).toMatchObject({ stream: 'tty', text: 'hi-from-tty' });
    const long = ls.filter((l) => l.container === 'long');
    expect(long[0]).toMatchObject({ truncated: true, text: 'y'.repeat(4096) });
    expect(long.at(-1)).toMatchObject({ truncated: false, text: 'after' });
  });
});

describe.skipIf(dockerReason)(
  `Pod logs when the engine goes away${dockerReason ? ` (skipped: ${dockerReason})` : ''}`,
  () => {
    it('ends with ENGINE_UNREACHABLE and a since to resume from, and resumes without a gap once it is back', async () => {
      const relay = new EngineProxy({ target: engine.resolved.modem.socketPath });
      const pod = await startFakePod(docker, [
        { name: 'ticker', script: 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.05; done' },
      ]);
      try {
        await relay.start();
        const viaRelay = new Engine({ host: relay.host });
        const seen: Line[] = [];
        const first = streamPodLogs(
          viaRelay.docker,
          { pod: pod.pod, follow: true },
          (e) => e.kind === 'line' && seen.push(e),
          new AbortController().signal,
        );
        while (seen.length < 10) await new Promise((r) => setTimeout(r, 20));
        await relay.stop();
        const err = (await first.catch((e: unknown) => e)) as ApiError;
        expect(err).toBeInstanceOf(ApiError);
        expect(err.code).toBe('ENGINE_UNREACHABLE');
        const since = (err.details as { since: string }).since;
        expect(since).toMatch(/^\d+\.\d{9}$/);
        // While it is down, a new subscription says so at once.
        await expect(
          streamPodLogs(viaRelay.docker, { pod: pod.pod }, () => undefined, new AbortController().signal),
        ).rejects.toMatchObject({
          code: 'ENGINE_UNREACHABLE',
        });

        await relay.start();
        const resumed: Line[] = [];
        const abort = new AbortController();
        const second = streamPodLogs(
          viaRelay.docker,
          { pod: pod.pod, follow: true, since },
          (e) => e.kind === 'line' && resumed.push(e),
          abort.signal,
        );
        while (resumed.length < 5) await new Promise((r) => setTimeout(r, 20));
        abort.abort();
        await second;
        const tick = (l: Line) => Number(l.text.split(' ')[1]);
        const last = tick(seen.at(-1)!);
        // `since` is inclusive (the Engine's rule): the resumed stream starts at the last line seen, or right after it.
        expect(tick(resumed[0]!)).toBeGreaterThanOrEqual(last);
        expect(tick(resumed[0]!)).toBeLessThanOrEqual(last + 1);
      } finally {
        await relay.close();
        await pod.remove();
      }
    });
  },
);
