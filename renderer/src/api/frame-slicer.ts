// Runs the handling of incoming back-end messages in slices that leave room for the page to paint.
//
// Why: under a log flood the back end keeps its window of event batches in flight, so several WebSocket messages
// arrive back to back. Each is a short task (parse, validate, append: ~5 ms for 1,000 lines), but the browser ran them
// one after another before painting: frames of 80–150 ms with no long task at all (bench/log-panel, traced). Here a
// message is handled at once while the time spent since the last paint is under a budget; past it, messages wait for
// the next frame. Nothing is dropped and the order is kept; acks go out as batches are handled, so the back end's
// window still bounds what can wait here.

export interface SlicerClock {
  now(): number;
  /** Calls `fn` after the next frame has been painted (or soon, where no frames come). */
  afterNextFrame(fn: () => void): void;
}

/** Time for message handling between two paints; a 60 Hz frame has ~16 ms, the rest is for rendering. */
export const SLICE_MS = 8;
/** Idle this long, a paint has had its chance: the budget starts over. */
const IDLE_RESET_MS = 16;

export class FrameSlicer {
  private readonly queue: Array<() => void> = [];
  private used = 0;
  private lastEnd = -Infinity;
  private waiting = false;

  constructor(private readonly clock: SlicerClock = browserClock()) {}

  /** Queued tasks not run yet. */
  get pending(): number {
    return this.queue.length;
  }

  run(task: () => void): void {
    this.queue.push(task);
    if (!this.waiting) this.drain();
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const start = this.clock.now();
      if (start - this.lastEnd >= IDLE_RESET_MS) this.used = 0;
      if (this.used >= SLICE_MS) {
        this.waiting = true;
        this.clock.afterNextFrame(() => {
          this.waiting = false;
          this.used = 0;
          this.drain();
        });
        return;
      }
      const task = this.queue.shift()!;
      try {
        task();
      } catch (err) {
        // One failing handler must not hold up the messages behind it; the error still surfaces.
        setTimeout(() => {
          throw err;
        }, 0);
      }
      this.lastEnd = this.clock.now();
      this.used += this.lastEnd - start;
    }
  }
}

/**
 * Frames in a page: after the next animation frame, a task (so the paint comes first). A hidden page gets no frames,
 * and a busy compositor may hold them back: a timer stands in after 50 ms either way.
 */
function browserClock(): SlicerClock {
  return {
    now: () => performance.now(),
    afterNextFrame(fn) {
      let done = false;
      const once = (): void => {
        if (done) return;
        done = true;
        fn();
      };
      if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
        requestAnimationFrame(() => setTimeout(once, 0));
      }
      setTimeout(once, 50);
    },
  };
}
