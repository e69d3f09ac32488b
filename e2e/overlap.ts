// The canvas-fit oracle shared by the canvas journeys: the drawn boxes that must not cover one another, read from the page.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type Box = { x: number; y: number; width: number; height: number; what: string };

/** Every drawn box that must not cover another: container, volume and namespace nodes, and mount labels. */
export async function drawnBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const out: { x: number; y: number; width: number; height: number; what: string }[] = [];
    const take = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push({ x: r.x, y: r.y, width: r.width, height: r.height, what });
    };
    for (const el of document.querySelectorAll('.container-node, .volume-node, .namespace-node'))
      take(el, el.getAttribute('data-testid') ?? 'node');
    for (const el of document.querySelectorAll('.mount-label')) take(el, el.getAttribute('data-testid') ?? 'label');
    return out;
  });
}

/** Whether two boxes share any area. */
export function intersects(a: Omit<Box, 'what'>, b: Omit<Box, 'what'>): boolean {
  return !(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y);
}

/** The pairs of boxes that cover one another, by name (two mount labels may touch: they sit on one edge bundle). */
export function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.what.startsWith('mount-label') && b.what.startsWith('mount-label')) continue;
      if (intersects(a, b)) out.push(`${a.what} × ${b.what}`);
    }
  return out;
}

/** Waits until no drawn box covers another. */
export async function expectClear(page: Page): Promise<void> {
  await expect.poll(async () => overlapping(await drawnBoxes(page)), { timeout: 5_000 }).toEqual([]);
}
