// Tests that the kept panel layout is read back clamped, and that a broken or foreign entry gives the defaults.
import { describe, expect, it } from 'vitest';
import { defaultLayout, readLayout } from './panel-layout';

describe('the kept panel layout', () => {
  it('gives the canvas most of a 720-pixel window at first', () => {
    const layout = defaultLayout(720);
    expect(layout.bottom.size).toBeLessThan(720 * 0.3);
    expect(layout.minimap).toBe(true);
  });

  it('reads sizes back, clamped to each panel’s limits', () => {
    const raw = JSON.stringify({
      palette: { size: 5000, collapsed: true },
      inspector: { size: 333, collapsed: false },
      bottom: { size: 10, collapsed: false },
      minimap: false,
    });
    const layout = readLayout(raw, 900);
    expect(layout.palette).toEqual({ size: 420, collapsed: true });
    expect(layout.inspector).toEqual({ size: 333, collapsed: false });
    expect(layout.bottom.size).toBe(100);
    expect(layout.minimap).toBe(false);
  });

  it('ignores what is not a layout', () => {
    for (const raw of ['not json', 'null', '[]', JSON.stringify({ palette: { size: 'wide' } })])
      expect(readLayout(raw, 720)).toEqual(defaultLayout(720));
  });
});
