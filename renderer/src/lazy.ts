// Code the first screen does not need (the YAML editor, the terminal, the lessons, auto layout, image export): each
// piece loads the first time it is used, or in idle time right after the first screen is drawn, whichever comes first,
// so it is usually there before the user reaches for it and the first load carries only the first screen.
import { lazy, useSyncExternalStore, type ComponentType } from 'react';

export interface LaterPart<T> {
  /** Starts the load (once) and resolves with the module. */
  load: () => Promise<T>;
  /** Whether it has loaded. */
  loaded: () => boolean;
}

const parts: LaterPart<unknown>[] = [];
/** Parts that load as soon as the first screen is on the glass, without waiting for it to settle. */
const firstParts: LaterPart<unknown>[] = [];
const listeners = new Set<() => void>();

/**
 * A piece of the app that loads later; `importer` is the dynamic import at the place that uses it. `first`: it loads
 * right after the first paint, before the other parts (the design's checks, which the Problems panel waits for).
 */
export function later<T>(importer: () => Promise<T>, options: { first?: boolean } = {}): LaterPart<T> {
  let loading: Promise<T> | undefined;
  let done = false;
  const part: LaterPart<T> = {
    load: () => {
      loading ??= importer().then(
        (module) => {
          done = true;
          for (const listener of listeners) listener();
          return module;
        },
        (error: unknown) => {
          // A chunk that failed to load once (a dropped connection) may load on the next try.
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => done,
  };
  (options.first ? firstParts : parts).push(part as LaterPart<unknown>);
  return part;
}

/** A component from a later part, for React.lazy (render it inside a Suspense with a placeholder of its size). */
export function laterComponent<P extends object>(
  part: LaterPart<Record<string, unknown>>,
  name: string,
): ComponentType<P> {
  return lazy(async () => ({ default: (await part.load())[name] as ComponentType<P> }));
}

/** Whether `part` has loaded, re-rendering when it does. */
export function useLoaded(part: LaterPart<unknown>): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, part.loaded);
}

const idle = (run: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 50);
};

/** How long after the first screen is drawn the idle-time loads begin: the engine's status and the first clicks come first. */
const SETTLE_MS = 1000;

/** How long the first parts wait for an idle period after the first paint before they load anyway. */
const FIRST_PARTS_WITHIN_MS = 200;

/**
 * Right after the first paint, loads the first parts (the design's checks); after the first screen has settled, every
 * other later part, one at a time in idle periods, smallest first as declared (auto layout's 1.5 MB last), so a click
 * on the YAML tab a few seconds in finds its editor ready.
 */
export function loadLaterPartsWhenIdle(): void {
  // Two frames: the first screen is on the glass before anything else competes for the main thread.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      for (const part of firstParts) {
        const load = (): void => void part.load().catch(() => undefined);
        if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: FIRST_PARTS_WITHIN_MS });
        else setTimeout(load, 0);
      }
      const next = (index: number): void => {
        const part = parts[index];
        if (!part) return;
        idle(
          () =>
            void part.load().then(
              () => next(index + 1),
              () => next(index + 1),
            ),
        );
      };
      setTimeout(() => next(0), SETTLE_MS);
    }),
  );
}
