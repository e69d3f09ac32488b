import { describe, expect, it } from 'vitest';
import { colourSlot, colourSlots, PALETTE_SIZE } from './colours';

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

  it('gives every container of a Pod at once the slot colourSlot gives it, duplicates and strangers too', () => {
    const pod = [...Array.from({ length: 5000 }, (_, i) => `c-${i}`), 'c-7', 'c-3'];
    const slotOf = colourSlots(pod);
    for (const name of [...pod, 'stranger', '']) expect(slotOf(name), name).toBe(colourSlot(name, pod));
  });
});
