// Keeps the log panel subscribed to pod.logs (follow) while the document's Pod exists: resumes with `since`
// after the engine went away, and after a new run of the Pod, without showing a line twice.
import { useEffect, useRef } from 'react';
import type { PodLogEvent, PodSnapshot } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { useLogView } from './store';

/** What identifies one life of the Pod: a new infra container (a new run) or containers coming back up. */
export function runKey(snapshot: PodSnapshot | undefined): string | undefined {
  if (!snapshot) return undefined;
  const infra = snapshot.containers.find((c) => c.role === 'infra');
  const running = snapshot.containers.some((c) => c.role !== 'infra' && c.state.state === 'running');
  return `${snapshot.namespace}/${snapshot.name}/${infra?.id ?? ''}/${running ? 'up' : 'down'}`;
}

/** Drops lines a resumed stream repeats: Docker's `since` includes lines at exactly that instant. */
export class ResumeDedup {
  private lastT = -Infinity;
  private lastTime = '';
  private atLast = new Set<string>();

  /** The `since` to resume from, or undefined before the first line. */
  get since(): string | undefined {
    return this.lastTime || undefined;
  }

  keep(events: readonly PodLogEvent[]): PodLogEvent[] {
    const out: PodLogEvent[] = [];
    for (const e of events) {
      if (e.t < this.lastT) continue;
      const key = `${e.kind}\n${e.container}\n${e.kind === 'line' ? e.text : ''}\n${e.time}`;
      if (e.t === this.lastT) {
        if (this.atLast.has(key)) continue;
      } else {
        this.lastT = e.t;
        this.lastTime = e.time;
        this.atLast = new Set();
      }
      this.atLast.add(key);
      out.push(e);
    }
    return out;
  }
}

const RETRY_MS = 2000;

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
    useLogView.getState().clear();
  }, [pod, name]);
  useEffect(() => {
    if (!key || !name) return;
    const { append, setStream } = useLogView.getState();
    let stop: (() => void) | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const start = (since?: string): void => {
      setStream(since ? 'reconnecting' : 'live');
      stop = api().subscribe(
        'pod.logs',
        { name, namespace, follow: true, since, tail: since ? undefined : 50_000 },
        {
          onEvents: (events, skipped) => {
            if (useLogView.getState().stream !== 'live') setStream('live');
            append(dedup.current.keep(events), skipped);
          },
          onEnd: (error?: ApiError) => {
            stop = undefined;
            if (closed) return;
            if (!error) return setStream('ended');
            if (error.code === 'ENGINE_UNREACHABLE') {
              const details = error.details as { since?: unknown } | undefined;
              const since = typeof details?.since === 'string' ? details.since : dedup.current.since;
              setStream('reconnecting', error.message);
              retry = setTimeout(() => start(since), RETRY_MS);
              return;
            }
            setStream('error', error.message);
          },
        },
      );
    };
    start(dedup.current.since);
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      stop?.();
    };
  }, [key, name, namespace]);
}
