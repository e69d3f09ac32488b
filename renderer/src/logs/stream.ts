// Keeps the log panel subscribed to pod.logs (follow) while the document's Pod exists: resumes with `since`
// after the engine went away, and after a new run of the Pod, without showing a line twice.
import { useEffect, useRef } from 'react';
import type { PodLogEvent, PodSnapshot } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { ApiClient } from '../../../shared/api/client';
import { api } from '../api';
import { useLogView, type StreamState } from './store';

/** What identifies one life of the Pod: a new infra container (a new run) or containers coming back up. */
export function runKey(snapshot: PodSnapshot | undefined): string | undefined {
  if (!snapshot) return undefined;
  const infra = snapshot.containers.find((c) => c.role === 'infra');
  const running = snapshot.containers.some((c) => c.role !== 'infra' && c.state.state === 'running');
  return `${snapshot.namespace}/${snapshot.name}/${infra?.id ?? ''}/${running ? 'up' : 'down'}`;
}

/**
 * Drops lines a resumed stream repeats: Docker's `since` includes lines at exactly that instant. Only the lines
 * at the newest instant are remembered (a handful), and only a resumed stream's first lines are checked, so a
 * flood costs nothing here.
 */
export class ResumeDedup {
  private lastT = -Infinity;
  private lastTime = '';
  /** Keys of the lines seen at lastT. */
  private atLast = new Set<string>();
  /** Set by resume(): check incoming lines until one is newer than lastT. */
  private checking = false;

  /** The `since` to resume from, or undefined before the first line. */
  get since(): string | undefined {
    return this.lastTime || undefined;
  }

  /** The next events come from a stream resumed at `since`. */
  resume(): void {
    this.checking = this.lastTime !== '';
  }

  keep(events: readonly PodLogEvent[]): PodLogEvent[] {
    let out: readonly PodLogEvent[] = events;
    if (this.checking) {
      const kept: PodLogEvent[] = [];
      for (const e of events) {
        if (this.checking) {
          if (e.t < this.lastT) continue;
          if (e.t === this.lastT && this.atLast.has(key(e))) continue;
          if (e.t > this.lastT) this.checking = false;
        }
        kept.push(e);
      }
      out = kept;
    }
    this.remember(out);
    return out as PodLogEvent[];
  }

  /** Notes the newest instant of a time-ordered batch and the lines at it. */
  private remember(events: readonly PodLogEvent[]): void {
    const last = events.at(-1);
    if (!last) return;
    if (last.t !== this.lastT) {
      this.lastT = last.t;
      this.lastTime = last.time;
      this.atLast = new Set();
    }
    for (let i = events.length - 1; i >= 0 && events[i]!.t === this.lastT; i--) this.atLast.add(key(events[i]!));
  }
}

function key(e: PodLogEvent): string {
  return `${e.kind}\n${e.container}\n${e.kind === 'line' ? e.text : ''}\n${e.time}`;
}

const RETRY_MS = 2000;

/** Where a followed stream's lines and state go (the log view store, or a test's recorder). */
export interface LogSink {
  append(events: PodLogEvent[], skipped: number): void;
  setStream(stream: StreamState, error?: string): void;
  stream(): StreamState;
}

/**
 * Follows one Pod's merged log: subscribes (from `dedup.since` when resuming), and when the engine goes away
 * resubscribes after `retryMs` from the `since` the back end gave, dropping what the new stream repeats.
 * Returns the stop function.
 */
export function followPodLogs(
  client: ApiClient,
  pod: { name: string; namespace?: string },
  dedup: ResumeDedup,
  sink: LogSink,
  retryMs = RETRY_MS,
): () => void {
  let stop: (() => void) | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const start = (since?: string): void => {
    sink.setStream(since ? 'reconnecting' : 'live');
    if (since) dedup.resume();
    stop = client.subscribe(
      'pod.logs',
      { name: pod.name, namespace: pod.namespace, follow: true, since, tail: since ? undefined : 50_000 },
      {
        onEvents: (events, skipped) => {
          // A batch the client queued before the stop function ran: the panel has moved on.
          if (closed) return;
          if (sink.stream() !== 'live') sink.setStream('live');
          // Appending is O(batch) and the paint waits for the next frame, so the ack goes at once: pacing acks
          // to frames was measured (bench/log-panel) to make the back end skip lines without better frames.
          sink.append(dedup.keep(events), skipped);
        },
        onEnd: (error?: ApiError) => {
          stop = undefined;
          if (closed) return;
          if (!error) return sink.setStream('ended');
          if (error.code === 'ENGINE_UNREACHABLE') {
            const details = error.details as { since?: unknown } | undefined;
            const since = typeof details?.since === 'string' ? details.since : dedup.since;
            sink.setStream('reconnecting', error.message);
            retry = setTimeout(() => start(since), retryMs);
            return;
          }
          sink.setStream('error', error.message);
        },
      },
    );
  };
  start(dedup.since);
  return () => {
    closed = true;
    if (retry) clearTimeout(retry);
    stop?.();
  };
}

/** Subscribes while the Pod lives; call once, from a component that stays mounted. */
export function useLogStream(snapshot: PodSnapshot | undefined): void {
  const key = runKey(snapshot);
  const dedup = useRef(new ResumeDedup());
  const name = snapshot?.name;
  const namespace = snapshot?.namespace;
  // Another Pod: its lines are not a continuation of this one's.
  const pod = `${namespace}/${name}`;
  useEffect(() => {
    if (!name) return;
    dedup.current = new ResumeDedup();
    useLogView.getState().showPod(pod);
  }, [pod, name]);
  useEffect(() => {
    if (!key || !name) return;
    const view = useLogView.getState();
    return followPodLogs(api(), { name, namespace }, dedup.current, {
      append: view.append,
      setStream: view.setStream,
      stream: () => useLogView.getState().stream,
    });
  }, [key, name, namespace]);
}
