// Who owns Escape: a dialog, menu or popup it was pressed in (even one its own handler has just unmounted), or a
// handler that consumed it; otherwise it is a shortcut.
import { describe, expect, it } from 'vitest';
import { ESCAPE_OWNERS, escapeTakenBy } from './escape';

/** A target whose closest() answers as if inside an element matching `inside` (one of the owner selectors). */
function targetIn(inside: string | undefined) {
  return {
    closest: (selectors: string) => (inside && selectors.split(',').some((s) => s.trim() === inside) ? {} : null),
  };
}

describe('escapeTakenBy', () => {
  it('is the dialog’s, menu’s or popup’s when pressed inside one, or when a handler consumed it', () => {
    for (const owner of ESCAPE_OWNERS.split(',').map((s) => s.trim()))
      expect(escapeTakenBy({ defaultPrevented: false, target: targetIn(owner) as unknown as EventTarget })).toBe(true);
    expect(escapeTakenBy({ defaultPrevented: true, target: targetIn(undefined) as unknown as EventTarget })).toBe(true);
  });

  it('is a shortcut on the canvas, a button of the bar, or the page itself', () => {
    expect(escapeTakenBy({ defaultPrevented: false, target: targetIn(undefined) as unknown as EventTarget })).toBe(
      false,
    );
    expect(escapeTakenBy({ defaultPrevented: false, target: null })).toBe(false);
    expect(escapeTakenBy({ defaultPrevented: false, target: {} as EventTarget })).toBe(false);
  });
});
