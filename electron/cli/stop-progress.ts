// What `podwright down` (and a foreground `podwright run` stopping its Pod) says while a Pod stops: which containers
// it waits for and for how long, a countdown to SIGKILL on a terminal (plain lines anywhere else), what stopped.
import type { DownProgress, PodRuntime } from '../engines/docker';
import { printable, type StatusLine, warn } from './terminal';

export interface StopReporter {
  onProgress: (p: DownProgress) => void;
  /** Ends the countdown; call it once the removal is over (or failed). */
  done: () => void;
}

export interface StopReporterOptions {
  /** A line per container as it stops (`down`); a foreground run's own log stream says that already. */
  eachContainer: boolean;
  /** Redraws a countdown in place when it is live (a terminal); plain lines otherwise. */
  line?: StatusLine;
  /** How to cut the wait short (a key to press), said with the countdown. */
  hint?: string;
  now?: () => number;
}

/** Names from the engine, each on the one line it belongs to (a line break in a label is shown, not made). */
const list = (names: readonly string[]): string => names.map(printable).join(', ');

export function stopReporter(name: string, options: StopReporterOptions): StopReporter {
  const pod = printable(name);
  const now = options.now ?? Date.now;
  const live = options.line?.live ? options.line : undefined;
  /** When `stopping` came; none comes when the grace period is 0. */
  let started: number | undefined;
  let grace = 0;
  let waiting: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let over = false;

  // What counts down comes first: a narrow terminal cuts the line's end.
  const countdown = (): string => {
    const left = Math.max(0, Math.ceil(grace - (now() - (started ?? now())) / 1000));
    const hint = options.hint && left > 0 ? ` (${options.hint})` : '';
    return `  ${left > 0 ? `SIGKILL in ${left} s` : 'SIGKILL now'}${hint}: waiting for ${list(waiting)}`;
  };
  const plain = (text: string): void => {
    live?.clear();
    warn(text);
    if (live && waiting.length > 0 && !over) live.show(countdown());
  };
  const stopCountdown = (): void => {
    clearInterval(timer);
    timer = undefined;
    live?.clear();
  };

  return {
    onProgress: (p) => {
      if (p.step === 'stopping') {
        if (over) return;
        started = now();
        grace = p.graceSeconds;
        waiting = [...p.containers];
        warn(
          `Stopping Pod ${pod} (grace ${grace} s): sent SIGTERM to ${list(waiting)}; whatever still runs after ${grace} s gets SIGKILL${options.hint && !live ? ` (${options.hint})` : ''}.`,
        );
        if (live) {
          live.show(countdown());
          timer = setInterval(() => live.show(countdown()), 1000);
          timer.unref();
        }
        return;
      }
      waiting = waiting.filter((name) => name !== p.container);
      if (waiting.length === 0) stopCountdown();
      if (!options.eachContainer) return;
      // No `stopping` before it: the grace period is 0, and it was stopped at once.
      const after = started === undefined ? 0 : Math.round((now() - started) / 1000);
      const killed = p.exitCode === 137 && after >= grace;
      const container = printable(p.container);
      const code = p.exitCode === undefined ? '' : ` (exit code ${p.exitCode})`;
      plain(
        killed
          ? grace > 0
            ? `  ${container} was killed when its ${grace} s grace period ran out${code}`
            : `  ${container} was killed at once (grace period 0 s)${code}`
          : `  ${container} stopped ${after === 0 ? 'at once' : `after ${after} s`}${code}`,
      );
    },
    done: () => {
      over = true;
      stopCountdown();
    },
  };
}

type Removed = Awaited<ReturnType<PodRuntime['down']>>;

export interface Removal {
  /** What was removed, once all of it is. */
  done: Promise<Removed>;
  /** Stops waiting for the grace period: kills and removes what is left at once (grace 0), like `--grace-period=0`. */
  now: () => void;
}

/**
 * Removes the Pod, reporting through `onProgress`; now() (the user's Ctrl+C) starts a second removal with grace 0,
 * which kills what still runs, and `done` settles once both removals have.
 */
export function removePod(
  runtime: PodRuntime,
  ref: { name: string; namespace?: string },
  options: { graceSeconds?: number; onProgress?: (p: DownProgress) => void },
): Removal {
  const graceful = runtime.down(ref, options);
  let forced: Promise<Removed> | undefined;
  const done = graceful.then(
    // The graceful removal listed everything before it began: its count is the whole Pod's.
    async (removed) => {
      await forced?.catch(() => undefined);
      return removed;
    },
    // Cut short, it may trip over what the forced removal already took (a volume still in use a moment): that one
    // says how it went.
    (err: unknown) => (forced ? forced : Promise.reject(err)),
  );
  return {
    done,
    now: () => {
      forced ??= runtime.down(ref, { graceSeconds: 0 });
    },
  };
}
