// Fit view that keeps the design out from under the panels in the canvas's bottom corners (the minimap on the right,
// the zoom controls on the left) and the Pod bar below it: with React Flow's even padding, the minimap covered the
// bottom-right node at 1280×720.
import type { FitViewOptions } from '@xyflow/react';
import { flow } from './flow';

type Size = { width: number; height: number };

/** Screen pixels between the active group's lower edge and the Pod bar under it (PodBar.tsx), and around the bar. */
export const podBarGap = 8;

/** A panel in a bottom corner of the canvas: how far it reaches in from the canvas's side and from its bottom. */
export type CornerPanel = Size & { side: 'left' | 'right' };

export type SidePadding = { top: number; right: number; bottom: number; left: number };

/** React Flow's own fit padding (0.1) in pixels, on each end of a view `length` long. */
function evenPadding(length: number): number {
  return Math.floor((length - length / 1.1) * 0.5);
}

/**
 * The padding that fits `bounds` into `view` with no part under a corner panel, as large as that allows: each panel
 * keeps either a strip of its side or a strip of the bottom free (whichever leaves the larger zoom; a wide design
 * gives up height, a tall one width), on top of React Flow's even padding. `below`: room kept under the design (the Pod
 * bar under the active group).
 */
export function cornerFreePadding(bounds: Size, view: Size, panels: readonly CornerPanel[], below = 0): SidePadding {
  const x = evenPadding(view.width);
  const y = evenPadding(view.height);
  let best: SidePadding = { top: y, right: x, bottom: Math.max(y, below), left: x };
  let bestZoom = -Infinity;
  for (let choice = 0; choice < 1 << panels.length; choice++) {
    const padding = { top: y, right: x, bottom: Math.max(y, below), left: x };
    panels.forEach((panel, i) => {
      if (choice & (1 << i)) padding.bottom = Math.max(padding.bottom, y + panel.height);
      else padding[panel.side] = Math.max(padding[panel.side], x + panel.width);
    });
    const zoom = Math.min(
      (view.width - padding.left - padding.right) / Math.max(bounds.width, 1),
      (view.height - padding.top - padding.bottom) / Math.max(bounds.height, 1),
    );
    if (zoom > bestZoom) {
      best = padding;
      bestZoom = zoom;
    }
  }
  return best;
}

/** The minimap and the zoom controls as drawn in `canvas` (the minimap may be turned off). */
export function cornerPanels(canvas: HTMLElement): CornerPanel[] {
  const box = canvas.getBoundingClientRect();
  const out: CornerPanel[] = [];
  for (const [selector, side] of [
    ['.react-flow__minimap', 'right'],
    ['.react-flow__controls', 'left'],
  ] as const) {
    const panel = canvas.querySelector(selector)?.getBoundingClientRect();
    if (!panel || panel.width === 0 || panel.height === 0) continue;
    const width = side === 'right' ? box.right - panel.left : panel.right - box.left;
    out.push({ side, width, height: box.bottom - panel.top });
  }
  return out;
}

/** React Flow's fitView (all shown nodes, or `options.nodes`), with the corner panels' room kept free. */
export function fitClear(options: FitViewOptions = {}): Promise<boolean> {
  const instance = flow();
  if (!instance) return Promise.resolve(false);
  const canvas = document.querySelector<HTMLElement>('.canvas .react-flow');
  const nodes = options.nodes?.map((n) => n.id) ?? instance.getNodes().filter((n) => !n.hidden);
  const bounds = instance.getNodesBounds(nodes);
  if (!canvas || canvas.clientWidth === 0 || bounds.width === 0) return instance.fitView(options);
  const view = { width: canvas.clientWidth, height: canvas.clientHeight };
  // The Pod bar sits under the active group (PodBar.tsx): room for it below the design, so it covers no node.
  const bar = canvas.querySelector<HTMLElement>('.pod-bar');
  const below = bar ? bar.offsetHeight + 2 * podBarGap : 0;
  const p = cornerFreePadding(bounds, view, cornerPanels(canvas), below);
  const padding = { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` } as const;
  return instance.fitView({ ...options, padding });
}
