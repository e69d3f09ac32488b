// Tests which nodes a grown node moves out from under it, and where to.
import { describe, expect, it } from 'vitest';
import { roomBelowGrown } from './grow-room';
import type { Rect } from './placement';

const boxes = (entries: Record<string, Rect>) => new Map(Object.entries(entries));

describe('roomBelowGrown', () => {
  it('moves a covered node straight down, just below the grown one, and leaves the rest', () => {
    const moved = roomBelowGrown(
      ['app'],
      boxes({
        app: { x: 0, y: 0, width: 230, height: 100 },
        data: { x: 0, y: 80, width: 190, height: 64 },
        logs: { x: 300, y: 80, width: 190, height: 64 },
      }),
    );
    expect(moved).toEqual({ data: { x: 0, y: 120 } });
  });

  it('moves what the moved node then covers, in turn', () => {
    const moved = roomBelowGrown(
      ['app'],
      boxes({
        app: { x: 0, y: 0, width: 230, height: 100 },
        data: { x: 0, y: 80, width: 190, height: 64 },
        cache: { x: 0, y: 160, width: 190, height: 64 },
      }),
    );
    expect(moved).toEqual({ data: { x: 0, y: 120 }, cache: { x: 0, y: 204 } });
  });

  it('leaves a node that starts above the grown one', () => {
    const moved = roomBelowGrown(
      ['app'],
      boxes({ app: { x: 0, y: 50, width: 230, height: 100 }, ns: { x: 0, y: 0, width: 190, height: 56 } }),
    );
    expect(moved).toEqual({});
  });
});
