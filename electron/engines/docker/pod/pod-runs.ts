// The runs in progress, by Pod, so that another call (pod.cancel, a second window) can cancel one by the Pod's name.
import type { PodRef } from '../../../../shared/api/contract';
import { PodError } from './pod-errors';
import { podMessages } from './pod-messages';

/** What a cancel did: stopped a run (rolled back), found it already ending on its own, or found no run at all. */
export type CancelOutcome = 'cancelled' | 'finished' | 'not-running';

interface RunInProgress {
  ref: { name: string; namespace: string };
  abort: AbortController;
  done: Promise<unknown>;
}

export function runCancelled(name: string): PodError {
  return new PodError('RUN_CANCELLED', podMessages.RUN_CANCELLED({ name }));
}

export function isRunCancelled(err: unknown): boolean {
  return err instanceof PodError && err.code === 'RUN_CANCELLED';
}

function keyOf(ref: PodRef): string {
  return `${ref.namespace || 'default'}/${ref.name}`;
}

export class RunsInProgress {
  // A Set per Pod: the API tracks its whole call and the runtime its run, and two windows may start the same Pod.
  private readonly runs = new Map<string, Set<RunInProgress>>();

  /** Runs `work` as a run of `ref` that cancel() can stop: its signal aborts on cancel, or when `external` aborts. */
  async track<T>(
    ref: PodRef,
    external: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const key = keyOf(ref);
    const abort = new AbortController();
    const signal = external ? AbortSignal.any([external, abort.signal]) : abort.signal;
    // Registered before the work starts (its first steps run in this call, and a progress listener may cancel
    // there), and the work started at once (a throw becomes a rejection) so a cancel right after this call reaches it.
    let started!: (work: Promise<T>) => void;
    const done = new Promise<T>((resolve) => (started = resolve));
    const run: RunInProgress = { ref: { name: ref.name, namespace: ref.namespace || 'default' }, abort, done };
    const runs = this.runs.get(key) ?? new Set<RunInProgress>();
    runs.add(run);
    this.runs.set(key, runs);
    started((async () => work(signal))());
    try {
      return await done;
    } finally {
      runs.delete(run);
      if (runs.size === 0 && this.runs.get(key) === runs) this.runs.delete(key);
    }
  }

  /** Whether a run of `ref` is in progress here. */
  has(ref: PodRef): boolean {
    return this.runs.has(keyOf(ref));
  }

  /** Whether a run of a Pod other than `ref` is in progress (it may be about to use a network `ref`'s rollback sees). */
  othersThan(ref: PodRef): boolean {
    const own = keyOf(ref);
    return [...this.runs.keys()].some((key) => key !== own);
  }

  /** Resolves once no run of a Pod that `matches` is in progress (a run that starts meanwhile is waited for too). */
  async settled(matches: (name: string, namespace: string) => boolean): Promise<void> {
    for (;;) {
      const pending = [...this.runs.values()]
        .flatMap((runs) => [...runs])
        .filter((run) => matches(run.ref.name, run.ref.namespace))
        .map((run) => run.done);
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  /** Cancels every run of `ref` and waits until each has stopped and rolled back. Cancelling no run is a no-op. */
  async cancel(ref: PodRef): Promise<CancelOutcome> {
    const runs = [...(this.runs.get(keyOf(ref)) ?? [])];
    if (runs.length === 0) return 'not-running';
    for (const run of runs) run.abort.abort();
    const results = await Promise.allSettled(runs.map((run) => run.done));
    return results.some((r) => r.status === 'rejected' && isRunCancelled(r.reason)) ? 'cancelled' : 'finished';
  }
}
