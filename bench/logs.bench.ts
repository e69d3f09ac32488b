// Log throughput and memory under lag: a container printing as fast as it can, streamed through pod.logs (the
// handler, an ApiSession and its EventPump) to a consumer that acks each batch, and to one that lags.
import { ApiSession, type ServerMessage } from '../shared/api';
import { createHandlers } from '../electron/api/handlers';
import { Engine } from '../electron/engines/docker/connection/engine';
import { rawGet } from '../electron/engines/docker/logs/logs-http';
import { startFakePod, type FakePod } from '../electron/engines/docker/logs/logs-testing';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Benchmark } from './harness';

const LINES = 1_000_000;

// A real full GC for honest memory samples, without needing node --expose-gc on the bench command line.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const LAG_SECONDS = 12;

interface Run {
  delivered: number;
  skipped: number;
  seconds: number;
}

/** Subscribes to pod.logs in process; `ackDelayMs` 0 acks each batch at once, more simulates a slow consumer. */
function subscribe(engine: Engine, params: Record<string, unknown>, ackDelayMs: number, until: (r: Run) => boolean, onSample?: () => void) {
  return new Promise<Run>((resolve, reject) => {
    const run: Run = { delivered: 0, skipped: 0, seconds: 0 };
    const start = performance.now();
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearInterval(sampler);
      run.seconds = (performance.now() - start) / 1000;
      session.close();
      resolve(run);
    };
    const sampler = setInterval(() => onSample?.(), 100);
    const session: ApiSession = new ApiSession(createHandlers({ host: 'browser', engine }), (m: ServerMessage) => {
      if (m.type === 'events') {
        run.delivered += m.events.length;
        run.skipped += m.skipped;
        if (until(run)) return finish();
        const ack = (): void => session.receive({ type: 'ack', id: 's', seq: m.seq });
        if (ackDelayMs) setTimeout(ack, ackDelayMs);
        else setImmediate(ack);
      } else if (m.type === 'end') {
        if (m.error) reject(new Error(m.error.message));
        else finish();
      }
    });
    session.receive({ type: 'subscribe', id: 's', topic: 'pod.logs', params });
  });
}

const bench: Benchmark = {
  id: 'logs',
  title: 'Pod logs: throughput to a consumer, memory while a consumer lags',
  issue: 7,
  async run(ctx) {
    const engine = new Engine();
    const status = await engine.info();
    if (!status.reachable) ctx.skip(`no Docker Engine: ${status.reason}`);
    const pods: FakePod[] = [];
    try {
      // Lag: a container that never stops printing, a consumer that acks one batch every 200 ms.
      const flood = await startFakePod(engine.docker, [{ name: 'flood', script: 'yes "a log line of some typical length, with a number 12345"' }], 'pw-bench-lag');
      pods.push(flood);
      gc();
      const base = process.memoryUsage();
      const samples: { t: number; rss: number; heap: number }[] = [];
      let lastGc = 0;
      const t0 = performance.now();
      const lagRun = await subscribe(
        engine,
        { name: flood.pod, follow: true },
        200,
        () => performance.now() - t0 > LAG_SECONDS * 1000,
        () => {
          // Once a second, measure live memory after a full collection, so garbage does not pass for growth.
          const t = (performance.now() - t0) / 1000;
          if (t - lastGc < 1) return;
          lastGc = t;
          gc();
          const m = process.memoryUsage();
          samples.push({ t, rss: m.rss, heap: m.heapUsed });
        },
      );
      await flood.remove();
      const mib = (b: number): number => +(b / 2 ** 20).toFixed(1);
      const peakRss = Math.max(...samples.map((s) => s.rss));
      const peakHeap = Math.max(...samples.map((s) => s.heap));
      const half = samples.filter((s) => s.t >= LAG_SECONDS / 2);
      const firstHalfPeak = Math.max(...samples.filter((s) => s.t < LAG_SECONDS / 2).map((s) => s.heap));
      const secondHalfPeak = Math.max(...half.map((s) => s.heap));
      ctx.log(
        `lag: ${lagRun.delivered} delivered, ${lagRun.skipped} skipped over ${LAG_SECONDS} s; heap peak ${mib(firstHalfPeak)} MiB (first half) vs ${mib(secondHalfPeak)} MiB (second half)`,
      );
      // Live: subscribe with follow as the container starts printing, count until every line has arrived.
      const live = await startFakePod(engine.docker, [{ name: 'flood', script: `seq 1 ${LINES}; sleep 600` }], 'pw-bench-logs');
      pods.push(live);
      const liveRun = await subscribe(engine, { name: live.pod, follow: true }, 0, (r) => r.delivered + r.skipped >= LINES);
      ctx.log(`live follow: ${liveRun.delivered} delivered, ${liveRun.skipped} skipped in ${liveRun.seconds.toFixed(2)} s`);

      // Backlog: the same million lines read again from the engine's log file, as `logs` without follow does.
      const backlogRun = await subscribe(engine, { name: live.pod }, 0, () => false);
      ctx.log(`backlog: ${backlogRun.delivered} delivered, ${backlogRun.skipped} skipped in ${backlogRun.seconds.toFixed(2)} s`);

      // The engine's own ceiling on this machine: the same backlog read without decoding, merging or the API.
      const id = live.ids.flood!;
      const rawStart = performance.now();
      let rawLines = 0;
      await new Promise<void>((resolve, reject) => {
        rawGet(engine.docker, `/containers/${id}/logs`, { stdout: true, stderr: true, timestamps: true }, {
          onData: (chunk) => {
            for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rawLines++;
          },
          onEnd: () => resolve(),
        }).catch(reject);
      });
      const rawSeconds = (performance.now() - rawStart) / 1000;
      ctx.log(`raw engine read: ${rawLines} lines in ${rawSeconds.toFixed(2)} s`);
      return [
        {
          name: "engine's own ceiling: same backlog read raw (no decode/merge/API)",
          value: Math.round(rawLines / rawSeconds),
          unit: 'lines/s',
          detail: `${rawLines} lines in ${rawSeconds.toFixed(2)} s; dockerd's json-file reader bounds every number above on this machine`,
        },
        {
          name: 'lines/s delivered, live follow of a container printing 1M lines',
          value: Math.round(liveRun.delivered / liveRun.seconds),
          unit: 'lines/s',
          goal: { value: 100_000, better: 'higher' },
          detail: `${liveRun.delivered} delivered, ${liveRun.skipped} skipped, ${liveRun.seconds.toFixed(2)} s (includes the container printing them)`,
        },
        {
          name: 'lines/s delivered, 1M-line backlog (no follow)',
          value: Math.round(backlogRun.delivered / backlogRun.seconds),
          unit: 'lines/s',
          goal: { value: 100_000, better: 'higher' },
          detail: `${backlogRun.delivered} delivered, ${backlogRun.skipped} skipped, ${backlogRun.seconds.toFixed(2)} s`,
        },
        {
          name: 'peak back-end RSS while a consumer lags (yes flood, 5 acks/s, 12 s)',
          value: mib(peakRss),
          unit: 'MiB',
          detail: `RSS before ${mib(base.rss)} MiB; ${lagRun.skipped} lines reported skipped, ${lagRun.delivered} delivered`,
        },
        {
          name: 'live heap growth under lag (after GC): second-half peak minus first-half peak',
          value: mib(secondHalfPeak - firstHalfPeak),
          unit: 'MiB',
          goal: { value: 32, better: 'lower' },
          detail: `live heap peak ${mib(peakHeap)} MiB, before ${mib(base.heapUsed)} MiB; flat means memory is bounded`,
        },
      ];
    } finally {
      for (const pod of pods) await pod.remove();
    }
  },
};

export default bench;
