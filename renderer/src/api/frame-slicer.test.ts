import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameSlicer, SLICE_MS, type SlicerClock } from './frame-slicer';

/** A clock the test moves by hand; frames happen when the test says so. */
function fakeClock(): SlicerClock & { t: number; frame(): void; waiting: number } {
  const callbacks: Array<() => void> = [];
  const clock = {
    t: 0,
    now: () => clock.t,
    afterNextFrame: (fn: () => void) => void callbacks.push(fn),
    frame: () => {
      for (const fn of callbacks.splice(0)) fn();
    },
    get waiting() {
      return callbacks.length;
    },
  };
  return clock;
}

describe('FrameSlicer', () => {
  afterEach(() => vi.useRealTimers());

  it('runs messages at once while under the budget, then holds the rest, in order, until a frame has been painted', () => {
    const clock = fakeClock();
    const slicer = new FrameSlicer(clock);
    const ran: number[] = [];
    // Each message takes 3 ms of handling.
    const message = (n: number) => () => {
      ran.push(n);
      clock.t += 3;
    };
    for (let n = 1; n <= 6; n++) slicer.run(message(n));
    const perSlice = Math.ceil(SLICE_MS / 3);
    expect(ran).toEqual([1, 2, 3].slice(0, perSlice));
    expect(slicer.pending).toBe(6 - perSlice);
    expect(clock.waiting).toBe(1);
    // More arriving meanwhile wait behind the queue instead of jumping it.
    slicer.run(message(7));
    expect(ran).toHaveLength(perSlice);
    clock.frame();
    expect(ran).toEqual([1, 2, 3, 4, 5, 6].slice(0, 2 * perSlice));
    clock.frame();
    clock.frame();
    expect(ran).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(slicer.pending).toBe(0);
  });

  it('starts a fresh budget after an idle spell, so a trickle of messages never waits for frames', () => {
    const clock = fakeClock();
    const slicer = new FrameSlicer(clock);
    let ran = 0;
    for (let i = 0; i < 20; i++) {
      slicer.run(() => {
        ran++;
        clock.t += 5;
      });
      clock.t += 100; // a quiet tenth of a second between messages
    }
    expect(ran).toBe(20);
    expect(clock.waiting).toBe(0);
  });

  it('a handler that throws does not hold up the messages behind it, and its error still surfaces', () => {
    vi.useFakeTimers();
    const clock = fakeClock();
    const slicer = new FrameSlicer(clock);
    const ran: string[] = [];
    slicer.run(() => {
      throw new Error('broken handler');
    });
    slicer.run(() => void ran.push('next'));
    expect(ran).toEqual(['next']);
    expect(() => vi.runAllTimers()).toThrow('broken handler');
  });
});
