// Tests the fit padding that keeps a design out from under the canvas's corner panels.
import { describe, expect, it } from 'vitest';
import { cornerFreePadding } from './fit-clear';

const view = { width: 780, height: 430 };
const minimap = { side: 'right', width: 165, height: 111 } as const;

describe('cornerFreePadding', () => {
  it("is React Flow's even padding with no panel", () => {
    expect(cornerFreePadding({ width: 800, height: 400 }, view, [])).toEqual({
      top: 19,
      right: 35,
      bottom: 19,
      left: 35,
    });
  });

  it('gives up height for a wide design and width for a tall one', () => {
    expect(cornerFreePadding({ width: 2000, height: 300 }, view, [minimap]).bottom).toBe(19 + 111);
    expect(cornerFreePadding({ width: 300, height: 2000 }, view, [minimap]).right).toBe(35 + 165);
  });

  it('keeps room for both corner panels', () => {
    const controls = { side: 'left', width: 47, height: 137 } as const;
    const p = cornerFreePadding({ width: 300, height: 2000 }, view, [minimap, controls]);
    expect(p.right).toBe(35 + 165);
    expect(p.left).toBe(35 + 47);
  });
});
