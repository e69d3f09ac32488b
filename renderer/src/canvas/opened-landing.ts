// Where a layout computed for a Pod opened without positions goes when the design was edited while ELK worked: the one
// rule the single-Pod (layout.ts) and several-Pod (pods-layout.ts) layouts on open share.
import { buildGraph, hasNoPositions, type CanvasDocument } from '../../../shared/design';

/** What becomes of the positions computed for one Pod: the Pod to put them on, a new layout, or nothing. */
export type Landing = { onto: CanvasDocument } | 'again' | 'drop';

/**
 * Where positions ELK computed for `laidOut` go, the Pod being `now` when they arrive (undefined: it is gone). Onto
 * `now` while it is still without positions and draws the same nodes: an edit such as the Pod's name (typed a key at a
 * time) is no node, and laying out again after each key was outrun on a loaded machine, leaving the fallback rows (a
 * sidecar's mount label over the app container, groups of several Pods over each other). 'again' when its nodes
 * changed: the positions would miss some. 'drop' when it was placed since (a drag, Auto layout): that placement stands.
 */
export function landingOf(laidOut: CanvasDocument, now: CanvasDocument | undefined): Landing {
  if (now === laidOut) return { onto: now };
  if (!now || !hasNoPositions(now.layout)) return 'drop';
  return sameNodes(buildGraph(laidOut).nodes, buildGraph(now).nodes) ? { onto: now } : 'again';
}

/** Whether two graphs draw the same nodes (by id), so positions computed for one place the other. */
function sameNodes(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((n) => n.id));
  return b.every((n) => ids.has(n.id));
}
