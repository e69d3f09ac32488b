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

type Size = { width: number; height: number };

/** The space kept between a placed node and its neighbours (grow-room.ts keeps the same below a grown node). */
export const GAP = 20;
const STEP = 20;

/** Whether two boxes come closer than `gap` (0: share any area). */
export function overlaps(a: Rect, b: Rect, gap: number): boolean {
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
 * Room a container node takes beyond what it measures while it shows no run status: the status row Run adds (up to two
 * lines, a stop reason wraps) and a mount label on the edge below it. Placement keeps it free, so the node can grow
 * into it when the Pod runs without covering what sits below (the newcomer's report on issue 22, finding 4).
 */
export const statusRowRoom = 44;
/** Room below a container for the mount label on the edge under it. */
export const mountLabelRoom = 28;
export const containerGrowth = statusRowRoom + mountLabelRoom;

/**
 * A node's measured size with the run status row a container will grow by (when it does not show one yet): what a
 * layout must keep room for.
 */
export function grownSize(kind: string | undefined, size: Size, running: boolean): Size {
  return kind === 'container' && !running ? { width: size.width, height: size.height + statusRowRoom } : size;
}

/** The box a node needs kept free: its measured size, and for a container the room it grows into below. */
export function roomOf(kind: string | undefined, size: Size, running: boolean): Size {
  const extra = kind === 'container' ? (running ? mountLabelRoom : containerGrowth) : 0;
  return { width: size.width, height: size.height + extra };
}

/**
 * The free place for a node of `size` nearest to `preferred` (its kind's row, after the last of its kind) that keeps
 * `GAP` from every box in `taken`; `preferred` itself when it is free. Rows count more than columns, so a node stays in
 * its row when the row has room. Searched around `preferred`, not only in the view: the caller brings the place into
 * view, so nodes stay in tidy rows at any window size instead of filling whatever corner the view shows.
 */
export function freeSpot(taken: readonly Rect[], size: { width: number; height: number }, preferred: Point): Point {
  const at = (p: Point): Rect => ({ ...p, ...size });
  const free = (p: Point) => !taken.some((t) => overlaps(at(p), t, GAP));
  if (free(preferred)) return preferred;
  const reach = 40 * STEP;
  let best: Point | undefined;
  let bestDistance = Infinity;
  for (let dy = -reach; dy <= reach; dy += STEP) {
    for (let dx = -reach; dx <= 2 * reach; dx += STEP) {
      const distance = Math.abs(dx) + 2 * Math.abs(dy);
      if (distance >= bestDistance) continue;
      const p = { x: Math.round(preferred.x + dx), y: Math.round(preferred.y + dy) };
      if (free(p)) {
        best = p;
        bestDistance = distance;
      }
    }
  }
  if (best) return best;
  let p = preferred;
  while (!free(p)) p = { x: p.x + STEP * 4, y: p.y };
  return p;
}

/** Screen pixels kept clear along the canvas's edges: the zoom controls, the Pod bar and the minimap sit there. */
const margins = { top: 16, right: 24, bottom: 64, left: 56 };

/**
 * Where a node of `kind` and `size` added without a drop point goes on the canvas as it is now (see freeSpot), kept
 * clear of every node's measured box and the room a container grows into; when the canvas is not drawn, `preferred`.
 * A place outside the view is brought into view, unless it is the free spot the user `dropped` the node on.
 */
export function placeInView(
  preferred: Point,
  size: { width: number; height: number },
  kind: 'container' | 'volume' | 'namespace',
  activePod = 'pod',
  dropped = false,
): Point {
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
  // A node not drawn yet is as big as the largest drawn node of its kind (the defaults are generous guesses).
  let measured: Size | undefined;
  for (const node of instance.getNodes()) {
    // The active Pod's box grows around what is added to it; everything else (other Pods, the overlay) is in the way.
    if (node.id === activePod || node.hidden) continue;
    const width = node.measured?.width ?? node.width ?? 0;
    const height = node.measured?.height ?? node.height ?? 0;
    if (width <= 0 || height <= 0) continue;
    const running = showsRunStatus(dom, node.id);
    taken.push({ ...node.position, ...roomOf(node.type, { width, height }, running) });
    if (node.type === kind && !running)
      measured = { width: Math.max(width, measured?.width ?? 0), height: Math.max(height, measured?.height ?? 0) };
  }
  const room = roomOf(kind, measured ?? size, false);
  const position = freeSpot(taken, room, preferred);
  // A drop that fits where the user let go stays there and the view stays still: it is where they are looking (near
  // the canvas's edge it would otherwise pan for the margins' sake and take the rest out of sight).
  const moved = position.x !== preferred.x || position.y !== preferred.y;
  if ((moved || !dropped) && !inside({ ...position, ...room }, view)) bringIntoView(instance, { ...position, ...room });
  return position;
}

/** Whether the node `id` draws a run status row now (its measured height already holds it). */
export function showsRunStatus(dom: ParentNode, id: string): boolean {
  return dom.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"] [data-testid="run-status"]`) !== null;
}

/** Pans the view, at its zoom, to a box outside it (zooming out would shrink the handles below a hittable size). */
function bringIntoView(instance: NonNullable<ReturnType<typeof flow>>, box: Rect): void {
  const { zoom } = instance.getViewport();
  void instance.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration: 200 });
}
