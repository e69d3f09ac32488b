// Where a node added by a click or a command goes: in the part of the canvas the user sees, clear of the other nodes,
// as near as it can be to where its kind would go (its row, after the last of its kind).
import type { Point } from '../../../shared/design';
import { flow } from './flow';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 20;
const STEP = 20;

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap
  );
}

function inside(a: Rect, view: Rect): boolean {
  return (
    a.x >= view.x && a.y >= view.y && a.x + a.width <= view.x + view.width && a.y + a.height <= view.y + view.height
  );
}

/**
 * The free place for a node of `size` nearest to `preferred` that lies wholly in `view` and keeps `GAP` from every box
 * in `taken`; `preferred` itself when it is free and in view. Without a free place in view, the free place nearest to
 * `preferred` along its row to the right (the caller then brings it into view).
 */
export function freeSpot(
  taken: readonly Rect[],
  size: { width: number; height: number },
  preferred: Point,
  view: Rect,
): { position: Point; inView: boolean } {
  const at = (p: Point): Rect => ({ ...p, ...size });
  const free = (p: Point) => !taken.some((t) => overlaps(at(p), t, GAP));
  if (inside(at(preferred), view) && free(preferred)) return { position: preferred, inView: true };
  // Near the preferred place, or near the view's centre when that place is far outside the view.
  const centre = { x: view.x + (view.width - size.width) / 2, y: view.y + (view.height - size.height) / 2 };
  const target = inside(at(preferred), {
    x: view.x - view.width,
    y: view.y - view.height,
    width: 3 * view.width,
    height: 3 * view.height,
  })
    ? preferred
    : centre;
  let best: Point | undefined;
  let bestDistance = Infinity;
  for (let y = view.y; y + size.height <= view.y + view.height; y += STEP) {
    for (let x = view.x; x + size.width <= view.x + view.width; x += STEP) {
      // Rows count more than columns: a node stays in its kind's row when the row has room.
      const distance = Math.abs(x - target.x) + 2 * Math.abs(y - target.y);
      if (distance >= bestDistance) continue;
      const p = { x: Math.round(x), y: Math.round(y) };
      if (free(p)) {
        best = p;
        bestDistance = distance;
      }
    }
  }
  if (best) return { position: best, inView: true };
  let p = preferred;
  while (!free(p)) p = { x: p.x + STEP * 4, y: p.y };
  return { position: p, inView: false };
}

/** Screen pixels kept clear along the canvas's edges: the zoom controls, the Pod bar and the minimap sit there. */
const margins = { top: 16, right: 24, bottom: 64, left: 56 };

/**
 * Where a node of `size` added without a drop point goes on the canvas as it is now (see freeSpot); when the canvas
 * is not drawn, `preferred`. A place outside the view is brought into view.
 */
export function placeInView(preferred: Point, size: { width: number; height: number }, activePod = 'pod'): Point {
  const instance = flow();
  // No canvas drawn (the store driven without a page, as in the property tests): the preferred place stands.
  if (!instance || typeof document === 'undefined') return preferred;
  const dom = document.querySelector<HTMLElement>('.canvas .react-flow');
  if (!instance || !dom || dom.clientWidth === 0) return preferred;
  const { x, y, zoom } = instance.getViewport();
  const view: Rect = {
    x: (margins.left - x) / zoom,
    y: (margins.top - y) / zoom,
    width: Math.max(0, dom.clientWidth - margins.left - margins.right) / zoom,
    height: Math.max(0, dom.clientHeight - margins.top - margins.bottom) / zoom,
  };
  const taken: Rect[] = [];
  for (const node of instance.getNodes()) {
    // The active Pod's box grows around what is added to it; everything else (other Pods, the overlay) is in the way.
    if (node.id === activePod || node.hidden) continue;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    if (width > 0 && height > 0) taken.push({ ...node.position, width, height });
  }
  const spot = freeSpot(taken, size, preferred, view);
  if (!spot.inView)
    void instance.setCenter(spot.position.x + size.width / 2, spot.position.y + size.height / 2, {
      zoom,
      duration: 200,
    });
  return spot.position;
}
