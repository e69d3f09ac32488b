// Tests that a node added without a drop point lands in view and clear of the others.
import { describe, expect, it } from 'vitest';
import { freeSpot, type Rect } from './placement';

const size = { width: 230, height: 120 };
const view: Rect = { x: 0, y: 0, width: 1000, height: 600 };
const clear = (a: Rect, b: Rect) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('freeSpot', () => {
  it('keeps the preferred place when it is free and in view', () => {
    expect(freeSpot([], size, { x: 100, y: 200 }, view)).toEqual({ position: { x: 100, y: 200 }, inView: true });
  });

  it('moves a place that is off-screen into the view, in its row when the row has room', () => {
    const spot = freeSpot([], size, { x: 1300, y: 200 }, view);
    expect(spot.inView).toBe(true);
    expect(spot.position.x + size.width).toBeLessThanOrEqual(view.x + view.width);
    expect(spot.position.y).toBe(200);
  });

  it('never overlaps a node already there (the namespace node, a container)', () => {
    const taken: Rect[] = [
      { x: 80, y: 180, width: 190, height: 56 },
      { x: 300, y: 180, width: 230, height: 120 },
    ];
    const spot = freeSpot(taken, size, { x: 100, y: 200 }, view);
    expect(spot.inView).toBe(true);
    for (const t of taken) expect(clear({ ...spot.position, ...size }, t)).toBe(true);
  });

  it('says when the view has no room, and goes along the row to a free place', () => {
    const full: Rect[] = [{ x: -10, y: -10, width: 1100, height: 700 }];
    const spot = freeSpot(full, size, { x: 100, y: 200 }, view);
    expect(spot.inView).toBe(false);
    expect(clear({ ...spot.position, ...size }, full[0]!)).toBe(true);
  });
});
