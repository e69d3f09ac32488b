// A run's logs on a cluster: every container of every replica Pod, read through the API server's pods/log (with
// timestamps), merged in time order into pod.logs's events. With follow, a container that exits is followed into its
// next run (the kubelet ends a log stream when its container ends), a crashed run's lines come from `previous`, and
// replicas that appear later join the stream.
import { setMaxListeners } from 'node:events';
import type { PodLogEvent } from '../../../../shared/api/contract';
import { runSelector } from '../../../../shared/plan/kube';
import { resourcePath, type Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';
import { listWatch } from '../watch/list-watch';

type Json = Record<string, unknown>;

export interface ClusterLogOptions {
  namespace: string;
  /** The run (a Deployment's or a bare Pod's name), or one replica Pod's name. */
  name: string;
  containers?: string[];
  follow?: boolean;
  /** A duration back from now (5m, 1h30m), an RFC 3339 time, or Unix seconds. */
  since?: string;
  tail?: number;
  maxLineBytes?: number;
  /** Only the previous (crashed) run of each container. */
  previous?: boolean;
}

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** `since` as the log API's sinceSeconds or sinceTime. */
export function sinceQuery(value: string | undefined, now = Date.now()): { sinceSeconds?: number; sinceTime?: string } {
  if (value === undefined) return {};
  const text = value.trim();
  if (/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text)) {
    let seconds = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) seconds += Number(amount) * UNITS[unit!]!;
    return { sinceSeconds: Math.max(1, Math.ceil(seconds)) };
  }
  if (/^\d+(\.\d+)?$/.test(text)) return { sinceTime: new Date(Number(text) * 1000).toISOString().replace(/\.\d+Z$/, 'Z') };
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/.test(text) && !Number.isNaN(Date.parse(text)))
    return { sinceTime: new Date(Date.parse(text)).toISOString().replace(/\.\d+Z$/, 'Z') };
  void now;
  throw new Error(`"${value}" is not a duration (5m, 1h30m), an RFC 3339 time or Unix seconds.`);
}

/** "2026-01-01T10:00:00.123456789Z text" → its time and text. */
export function splitLogLine(line: string): { time: string; t: number; text: string } {
  const space = line.indexOf(' ');
  const stamp = space > 0 ? line.slice(0, space) : '';
  const t = Date.parse(stamp);
  if (Number.isNaN(t)) return { time: new Date().toISOString(), t: Date.now(), text: line };
  return { time: stamp, t, text: line.slice(space + 1) };
}

/**
 * The kubelet's answer in place of a run's log when the container runtime no longer has that container (a replaced
 * container's previous run, removed): `unable to retrieve container logs for containerd://…`, written into the log's
 * body without a timestamp (as seen on a 1.34.2 kubelet with containerd). No line of a container comes without one
 * when timestamps are asked for.
 */
export function kubeletLogGone(raw: string): boolean {
  return /^unable to retrieve container logs for [a-z0-9-]+:\/\/\S+$/.test(raw.trim());
}

interface Instant {
  time: string;
  t: number;
}

const at = (t: number): Instant => ({ time: new Date(t).toISOString(), t });

/** An RFC 3339 time from the status as an instant, or undefined. */
function instant(value: unknown): Instant | undefined {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? undefined : { time: String(value), t };
}

interface Pending {
  event: PodLogEvent;
  arrived: number;
}

/** Holds events briefly and lets them out in time order, so lines from many streams interleave as they happened. */
class Reorder {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Everything is held until released: the streams' backlogs arrive one after another and must interleave. */
  private held = true;

  constructor(
    private readonly emit: (e: PodLogEvent) => void,
    private readonly windowMs: number,
  ) {}

  push(event: PodLogEvent): void {
    this.queue.push({ event, arrived: Date.now() });
    if (!this.held) this.timer ??= setTimeout(() => this.flush(false), this.windowMs);
  }

  /** Lets the backlog out in time order; from now on a line waits only `windowMs`. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.flush(true);
  }

  flush(all: boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    this.queue.sort((a, b) => a.event.t - b.event.t);
    const ready = all ? this.queue : this.queue.filter((p) => now - p.arrived >= this.windowMs);
    // Only a prefix in time order may go: a later line still held back must not be overtaken by an earlier-held one.
    const cut = all ? this.queue.length : this.queue.findIndex((p) => !ready.includes(p));
    const out = this.queue.splice(0, cut === -1 ? this.queue.length : cut);
    for (const p of out) this.emit(p.event);
    if (this.queue.length > 0) this.timer = setTimeout(() => this.flush(false), this.windowMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.flush(true);
  }
}

function containerStatus(pod: Json | undefined, container: string): Json | undefined {
  const status = (pod?.status as Json | undefined) ?? {};
  const all = [...((status.initContainerStatuses as Json[] | undefined) ?? []), ...((status.containerStatuses as Json[] | undefined) ?? [])];
  return all.find((c) => c.name === container);
}

function containerNames(pod: Json): string[] {
  const spec = (pod.spec as Json | undefined) ?? {};
  return [...((spec.initContainers as Json[] | undefined) ?? []), ...((spec.containers as Json[] | undefined) ?? [])].map((c) => String(c.name));
}

const podName = (p: Json): string => String((p.metadata as Json | undefined)?.name ?? '');

/** Streams the run's logs as pod.logs events until done (no follow) or until `signal` aborts or the run is gone. */
export async function streamClusterLogs(cluster: Cluster, options: ClusterLogOptions, emit: (event: PodLogEvent) => void, signal: AbortSignal): Promise<void> {
  const since = sinceQuery(options.since);
  const maxBytes = options.maxLineBytes ?? 16 * 1024;
  const podsPath = resourcePath({ apiVersion: 'v1', resource: 'pods', namespace: options.namespace });
  // The run's Pods: one replica named directly, else every Pod carrying the run's label.
  const selector = runSelector(undefined, options.name);
  const direct = await cluster
    .request<Json>('GET', resourcePath({ apiVersion: 'v1', resource: 'pods', namespace: options.namespace, name: options.name }))
    .catch((err: unknown) => {
      if (err instanceof ClusterError && err.code === 'NOT_FOUND') return undefined;
      throw err;
    });
  const initial = direct
    ? [direct]
    : ((await cluster.request<{ items?: Json[] }>('GET', podsPath, { query: { labelSelector: selector } })).items ?? []);
  if (initial.length === 0) throw new ClusterError('NOT_FOUND', `No Pod of "${options.name}" in namespace "${options.namespace}".`, cluster.where);

  const reorder = new Reorder(emit, 120);
  const out = (e: PodLogEvent): void => reorder.push(e);
  const pods = new Map<string, Json>(initial.map((p) => [podName(p), p]));
  const waiters = new Set<() => void>();
  const changed = (): void => {
    for (const w of [...waiters]) w();
  };
  const local = new AbortController();
  const stop = AbortSignal.any([signal, local.signal]);
  // One listener per container stream and waiter: many for a Deployment of several replicas.
  setMaxListeners(0, stop);
  const waitFor = (test: () => boolean): Promise<boolean> =>
    new Promise((resolve) => {
      if (test()) return resolve(true);
      const check = (): void => {
        if (stop.aborted) {
          waiters.delete(check);
          resolve(false);
        } else if (test()) {
          waiters.delete(check);
          resolve(true);
        }
      };
      waiters.add(check);
      stop.addEventListener('abort', check, { once: true });
    });

  const read = async (
    pod: string,
    container: string,
    query: Record<string, string | number | boolean | undefined>,
    attempt: number,
    onBacklog?: () => void,
    /** When the run ended, for the marker that its log is gone (else the time it is read). */
    ended?: Instant,
  ): Promise<{ last?: number }> => {
    let last: number | undefined;
    // The backlog is what the first chunk brings; a quiet container has none (and a server may not even answer the
    // request's headers before its first line), so the merge waits for it only briefly.
    const backlog = setTimeout(() => onBacklog?.(), 150);
    let res: Awaited<ReturnType<Cluster['stream']>>;
    try {
      res = await cluster.stream(resourcePath({ apiVersion: 'v1', resource: 'pods', namespace: options.namespace, name: pod, subresource: 'log' }), {
        query: { container, timestamps: true, ...query },
        signal: stop,
      });
    } catch (err) {
      clearTimeout(backlog);
      onBacklog?.();
      // Stopped before the kubelet answered (a real one answers once the container's stream is open): the end.
      if (stop.aborted) return {};
      throw err;
    }
    let buffered = '';
    const line = (raw: string): void => {
      const { time, t, text } = splitLogLine(raw);
      if (kubeletLogGone(raw)) return out({ kind: 'unavailable', container, attempt, ...(ended ?? { time, t }), replica: pod });
      const bytes = Buffer.byteLength(text);
      const truncated = bytes > maxBytes;
      const shown = truncated ? Buffer.from(text).subarray(0, maxBytes).toString('utf8') : text;
      out({ kind: 'line', container, stream: 'stdout', time, t, text: shown, truncated, attempt, replica: pod });
      last = t;
    };
    try {
      for await (const chunk of res) {
        clearTimeout(backlog);
        buffered += (chunk as Buffer).toString('utf8');
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          line(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
        }
        onBacklog?.();
      }
    } catch (err) {
      if (!stop.aborted) throw err;
    } finally {
      clearTimeout(backlog);
      onBacklog?.();
    }
    if (buffered) line(buffered);
    return { last };
  };

  const tail = async (pod: string, container: string, ready: () => void): Promise<void> => {
    let attempt = 0;
    const status = (): Json | undefined => containerStatus(pods.get(pod), container);
    const started = (): boolean => {
      const state = (status()?.state as Json | undefined) ?? {};
      return Boolean(state.running || state.terminated);
    };
    const restarts = (): number => Number(status()?.restartCount ?? 0);
    const lastExit = (): number | undefined => {
      const s = status();
      const state = (s?.state as Json | undefined) ?? {};
      const terminated = (state.terminated as Json | undefined) ?? ((s?.lastState as Json | undefined)?.terminated as Json | undefined);
      return typeof terminated?.exitCode === 'number' ? terminated.exitCode : undefined;
    };
    const now = (): Instant => ({ time: new Date().toISOString(), t: Date.now() });
    const previousRun = (): Json | undefined => (status()?.lastState as Json | undefined)?.terminated as Json | undefined;
    if (options.previous) {
      if (restarts() > 0) await read(pod, container, { previous: true }, 0, undefined, instant(previousRun()?.finishedAt)).catch(() => 0);
      return;
    }
    if (!started()) ready();
    // The crashed run first: a container backing off shows why it crashed.
    if (restarts() > 0 && since.sinceSeconds === undefined && since.sinceTime === undefined) {
      const ended = instant(previousRun()?.finishedAt);
      const read0 = await read(pod, container, { previous: true, ...(options.tail !== undefined ? { tailLines: options.tail } : {}) }, 0, undefined, ended).catch(() => undefined);
      if (read0) {
        // Its end and the next run's start at the times the status gives (whole seconds: never before its last line),
        // not when they are read, so that the run going on follows them in the merge.
        const end = ended ? (read0.last !== undefined && read0.last > ended.t ? at(read0.last) : ended) : now();
        const code = previousRun()?.exitCode;
        out({ kind: 'stopped', container, attempt: 0, exitCode: typeof code === 'number' ? code : 0, ...end, replica: pod });
        attempt = 1;
        const began = instant(((status()?.state as Json | undefined)?.running as Json | undefined)?.startedAt);
        out({ kind: 'attempt', container, attempt, ...(began && began.t >= end.t ? began : end), replica: pod });
      }
    }
    let first = true;
    for (;;) {
      if (!started()) {
        ready();
        if (!options.follow || !(await waitFor(() => started() || !pods.has(pod)))) return;
        if (!pods.has(pod)) return;
      }
      const seen = restarts();
      const query = first ? { ...since, ...(options.tail !== undefined ? { tailLines: options.tail } : {}) } : {};
      first = false;
      try {
        await read(pod, container, { ...query, ...(options.follow ? { follow: true } : {}) }, attempt, ready);
      } catch (err) {
        ready();
        // A container between runs answers "waiting to start"; anything else ends this container's stream.
        if (!(err instanceof ClusterError && (err.code === 'INVALID' || err.code === 'NOT_FOUND'))) throw err;
        if (err.code === 'NOT_FOUND') return;
      }
      if (!options.follow || stop.aborted) return;
      // The stream ended: the container stopped. Its exit, then its next run (a restart), or the end of the Pod.
      await waitFor(() => !pods.has(pod) || restarts() > seen || Boolean(((status()?.state as Json | undefined) ?? {}).terminated));
      if (!pods.has(pod) || stop.aborted) return;
      const code = lastExit();
      if (code !== undefined) out({ kind: 'stopped', container, attempt, exitCode: code, ...now(), replica: pod });
      if (!(await waitFor(() => !pods.has(pod) || restarts() > seen))) return;
      if (!pods.has(pod)) return;
      attempt++;
      out({ kind: 'attempt', container, attempt, ...now(), replica: pod });
    }
  };

  const tasks = new Map<string, Promise<void>>();
  // The first streams' backlogs are held until each has arrived, so they interleave in time order.
  const backlogs: Promise<void>[] = [];
  const startPod = (pod: Json, first = false): void => {
    for (const container of containerNames(pod)) {
      if (options.containers && options.containers.length > 0 && !options.containers.includes(container)) continue;
      const key = `${podName(pod)}/${container}`;
      if (tasks.has(key)) continue;
      let ready!: () => void;
      const backlog = new Promise<void>((resolve) => (ready = resolve));
      if (first) backlogs.push(backlog);
      const task = tail(podName(pod), container, ready).finally(ready);
      // A task that joins after the wait below has ended is awaited by no one: its failure must not go unhandled.
      task.catch(() => undefined);
      tasks.set(key, task);
    }
  };
  for (const p of initial) startPod(p, true);
  // Without follow everything is held to the end and let out sorted; with follow, once the backlogs are in.
  if (options.follow) void Promise.all(backlogs).then(() => reorder.release());

  let feed: Promise<unknown> | undefined;
  if (options.follow) {
    // The run's Pods, live: restarts, new replicas, and Pods that go away.
    feed = listWatch(cluster, {
      path: podsPath,
      ...(direct ? { fieldSelector: `metadata.name=${options.name}` } : { labelSelector: selector }),
      signal: stop,
      onList: (items) => {
        pods.clear();
        for (const p of items) {
          pods.set(podName(p), p);
          startPod(p);
        }
        changed();
      },
      onEvent: (type, p) => {
        if (type === 'DELETED') pods.delete(podName(p));
        else {
          pods.set(podName(p), p);
          startPod(p);
        }
        changed();
        if (pods.size === 0) local.abort();
      },
    });
  }
  try {
    // With follow, new tasks may join while these run: wait until every task (old and new) has ended.
    for (;;) {
      const running = [...tasks.values()];
      await Promise.all(running).catch((err: unknown) => {
        // Stopped by the caller (or the run is gone): the streams' aborts are the end, not a failure.
        if (!stop.aborted) throw err;
      });
      if (tasks.size === running.length || stop.aborted) break;
    }
  } finally {
    local.abort();
    await feed;
    reorder.stop();
  }
}
