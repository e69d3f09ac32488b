// Tests that a node added without a drop point lands in view and clear of the others.
import { describe, expect, it } from 'vitest';
import { containerGrowth, freeSpot, mountLabelRoom, roomOf, type Rect } from './placement';

const size = { width: 230, height: 120 };
const clear = (a: Rect, b: Rect) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe('freeSpot', () => {
  it('keeps the preferred place when it is free and in view', () => {
    expect(freeSpot([], size, { x: 100, y: 200 })).toEqual({ x: 100, y: 200 });
  });

  it('keeps a node in its row when the row has room further along (the view is brought to it)', () => {
    const row: Rect[] = [{ x: 100, y: 200, width: 230, height: 120 }];
    const spot = freeSpot(row, size, { x: 100, y: 200 });
    expect(spot.y).toBe(200);
    expect(clear({ ...spot, ...size }, row[0]!)).toBe(true);
  });

  it('never overlaps a node already there (the namespace node, a container)', () => {
    const taken: Rect[] = [
      { x: 80, y: 180, width: 190, height: 56 },
      { x: 300, y: 180, width: 230, height: 120 },
    ];
    const spot = freeSpot(taken, size, { x: 100, y: 200 });
    for (const t of taken) expect(clear({ ...spot, ...size }, t)).toBe(true);
  });

  it('goes along the row to a free place when everything near is taken', () => {
    const full: Rect[] = [{ x: -1000, y: -1000, width: 3000, height: 2400 }];
    const spot = freeSpot(full, size, { x: 100, y: 200 });
    expect(spot.y).toBe(200);
    expect(clear({ ...spot, ...size }, full[0]!)).toBe(true);
  });

  it('leaves a running container room to grow: a volume goes below its status row and mount label', () => {
    // A container measured at 80 high in design: its box for placement holds the status row Run adds and a label.
    const container = { x: 0, y: 220, ...roomOf('container', { width: 230, height: 80 }, false) };
    const volume = { width: 190, height: 44 };
    const spot = freeSpot([container], volume, { x: 0, y: 330 });
    expect(spot.y).toBeGreaterThanOrEqual(220 + 80 + containerGrowth);
    // Once it runs, its measured height already holds the status row: only the label's room is added.
    expect(roomOf('container', { width: 230, height: 104 }, true).height).toBe(104 + mountLabelRoom);
    expect(roomOf('volume', volume, false)).toEqual(volume);
  });
});
