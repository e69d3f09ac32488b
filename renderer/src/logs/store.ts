// The log panel's state: the shared line buffer plus what the user chose (filters, search, follow, display).
// Lines live outside React in one LogBuffer; `version` bumps at most once per MIN_REPAINT_MS so a flood
// re-renders the panel ten times a second, not once per batch.
import { create } from 'zustand';
import type { PodLogEvent } from '../../../shared/api/contract';
import { LogBuffer, type LogFilter, type NewLogLine } from './buffer';

export const RING_CAPACITY = 50_000;

/** The one buffer of the panel (module-level: it outlives the tab switching, never React state). */
export const logBuffer = new LogBuffer(RING_CAPACITY);

export type StreamState = 'idle' | 'live' | 'ended' | 'reconnecting' | 'error';

interface LogViewState {
  /** Bumps when the buffer changed; components read the buffer after it. */
  version: number;
  containers: ReadonlySet<string>;
  stderrOnly: boolean;
  query: string;
  /** The search match the user stepped to with next/prev (index into the matches). */
  matchCursor: number;
  follow: boolean;
  timestamps: boolean;
  wrap: boolean;
  /** Lines the back end had to skip because the view could not keep up. */
  skipped: number;
  stream: StreamState;
  streamError: string | undefined;
  /** A request to scroll a view index into view (search next/prev); the list consumes it. */
  reveal: { index: number; nonce: number } | undefined;

  append(events: readonly PodLogEvent[], skipped: number): void;
  setStream(stream: StreamState, error?: string): void;
  /**
   * The panel now shows the log of Pod `key` ("namespace/name"). Another Pod starts afresh: no lines, and no filter,
   * since a filter names the containers of the Pod it was chosen for (it hid every line of the next Pod). The same Pod
   * again (a reconnect) keeps both.
   */
  showPod(key: string): void;
  toggleContainer(name: string): void;
  /** Shows only `name` (clicking its node on the canvas). */
  focusContainer(name: string): void;
  showAllContainers(): void;
  toggleStderrOnly(): void;
  setQuery(query: string): void;
  stepMatch(delta: 1 | -1, fromIndex: number): void;
  setFollow(follow: boolean): void;
  toggleTimestamps(): void;
  toggleWrap(): void;
  clear(): void;
}

/** The event of pod.logs as a panel line; attempts and stops become meta lines. */
export function toLine(event: PodLogEvent): NewLogLine {
  switch (event.kind) {
    case 'line':
      // The event already has every field a line needs: reuse it (one object per line less under a flood).
      return event;
    case 'attempt':
      return { ...metaBase(event), text: `restarted (restart ${event.attempt})`, meta: event };
    case 'stopped':
      return {
        ...metaBase(event),
        text: `exited with code ${event.exitCode}`,
        meta: { kind: 'stopped', exitCode: event.exitCode },
      };
    case 'unavailable':
      return { ...metaBase(event), text: "this run's log is gone", meta: { kind: 'unavailable' } };
  }
}

function metaBase(event: PodLogEvent): Pick<NewLogLine, 'container' | 'time' | 't' | 'stream' | 'replica'> {
  return { container: event.container, time: event.time, t: event.t, stream: 'meta', ...(event.replica ? { replica: event.replica } : {}) };
}

/**
 * While lines flood in, the panel repaints at most this often. Each repaint of a list whose every row changed
 * costs layout, paint and (without a GPU) raster of the whole panel; at 60 repaints a second that work competed
 * with everything else on the machine and stretched frames (bench/log-panel). Ten a second still reads as live,
 * and a single line after a quiet spell shows on the next frame.
 */
export const MIN_REPAINT_MS = 100;
let pending = false;
let lastBump = -Infinity;
/** Bumps `version` on an animation frame, at most once per MIN_REPAINT_MS however many batches arrive. */
function scheduleBump(): void {
  if (pending) return;
  pending = true;
  const bump = (): void => {
    pending = false;
    lastBump = performance.now();
    useLogView.setState((s) => ({ version: s.version + 1 }));
  };
  // A hidden tab gets no frames; a timer keeps the state current there (cheap: nothing is painted).
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  const wait = Math.max(0, lastBump + MIN_REPAINT_MS - performance.now());
  if (!visible) setTimeout(bump, Math.max(wait, 100));
  else if (wait <= 0) requestAnimationFrame(bump);
  else setTimeout(() => requestAnimationFrame(bump), wait);
}

function applyFilter(containers: ReadonlySet<string>, stderrOnly: boolean): void {
  const filter: LogFilter = { containers, stderrOnly };
  logBuffer.setFilter(filter);
}

/** The Pod whose log the panel shows (showPod). */
let shownPod: string | undefined;

export const useLogView = create<LogViewState>((set, get) => ({
  version: 0,
  containers: new Set(),
  stderrOnly: false,
  query: '',
  matchCursor: 0,
  follow: true,
  timestamps: false,
  wrap: false,
  skipped: 0,
  stream: 'idle',
  streamError: undefined,
  reveal: undefined,

  append(events, skipped) {
    logBuffer.append(events.map(toLine));
    if (skipped > 0) set((s) => ({ skipped: s.skipped + skipped }));
    scheduleBump();
  },
  setStream(stream, error) {
    set({ stream, streamError: error });
  },
  showPod(key) {
    if (key === shownPod) return;
    shownPod = key;
    logBuffer.clear();
    const containers = new Set<string>();
    applyFilter(containers, get().stderrOnly);
    set((s) => ({ containers, skipped: 0, matchCursor: 0, reveal: undefined, follow: true, version: s.version + 1 }));
  },
  toggleContainer(name) {
    const containers = new Set(get().containers);
    if (containers.has(name)) containers.delete(name);
    else containers.add(name);
    applyFilter(containers, get().stderrOnly);
    set((s) => ({ containers, matchCursor: 0, version: s.version + 1 }));
  },
  focusContainer(name) {
    const containers = new Set([name]);
    applyFilter(containers, get().stderrOnly);
    set((s) => ({ containers, matchCursor: 0, follow: true, version: s.version + 1 }));
  },
  showAllContainers() {
    const containers = new Set<string>();
    applyFilter(containers, get().stderrOnly);
    set((s) => ({ containers, matchCursor: 0, version: s.version + 1 }));
  },
  toggleStderrOnly() {
    const stderrOnly = !get().stderrOnly;
    applyFilter(get().containers, stderrOnly);
    set((s) => ({ stderrOnly, matchCursor: 0, version: s.version + 1 }));
  },
  setQuery(query) {
    logBuffer.setQuery(query);
    set((s) => ({ query, matchCursor: 0, version: s.version + 1 }));
  },
  stepMatch(delta, fromIndex) {
    const count = logBuffer.matchCount;
    if (count === 0) return;
    const { matchCursor, reveal } = get();
    // The first step goes to the match nearest the top of what the user is looking at.
    const start = reveal === undefined ? logBuffer.matchAtOrAfter(fromIndex) - (delta > 0 ? 1 : 0) : matchCursor;
    const next = (((start + delta) % count) + count) % count;
    const index = logBuffer.matchIndex(next) ?? 0;
    set({ matchCursor: next, follow: false, reveal: { index, nonce: (reveal?.nonce ?? 0) + 1 } });
  },
  setFollow(follow) {
    if (get().follow !== follow) set({ follow });
  },
  toggleTimestamps() {
    set((s) => ({ timestamps: !s.timestamps }));
  },
  toggleWrap() {
    set((s) => ({ wrap: !s.wrap }));
  },
  clear() {
    logBuffer.clear();
    set((s) => ({ skipped: 0, matchCursor: 0, reveal: undefined, version: s.version + 1 }));
  },
}));

/** Forgets the search step position when the query changes so the next step starts from the viewport. */
useLogView.subscribe((s, prev) => {
  if (s.query !== prev.query && s.reveal) useLogView.setState({ reveal: undefined });
});
