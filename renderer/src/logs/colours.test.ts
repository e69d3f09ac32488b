import { describe, expect, it } from 'vitest';
import { colourSlot, PALETTE_SIZE } from './colours';

describe('container colours', () => {
  it('gives the Pod containers distinct slots in spec order', () => {
    const pod = ['init', 'log-shipper', 'app'];
    expect(pod.map((c) => colourSlot(c, pod))).toEqual([0, 1, 2]);
  });

  it('is stable: the same name gets the same slot every time, even when the spec does not know it', () => {
    const slot = colourSlot('stranger', ['a']);
    expect(colourSlot('stranger', ['a'])).toBe(slot);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(slot).toBeLessThan(PALETTE_SIZE);
  });

  it('wraps around past the palette size', () => {
    const pod = Array.from({ length: PALETTE_SIZE + 1 }, (_, i) => `c${i}`);
    expect(colourSlot(`c${PALETTE_SIZE}`, pod)).toBe(0);
  });
});
