// When an edit makes a node taller (a container given ports), the nodes it now covers move down, just below it: only
// those, so what the user placed by hand stays where it was unless it would be hidden.
import { hasNoPositions, moveNodes, type Point } from '../../../shared/design';
import { graphOf, replacePodsQuietly, useDocument } from '../store/document';
import { GAP, overlaps, type Rect } from './placement';

/**
 * New positions for the nodes the `grown` nodes cover: each covered node whose top is below the grown node's top moves
 * straight down to just below it, and a node it then covers moves in turn. Nodes covered already before (beside or
 * above the grown one) are not the growth's doing and stay.
 */
export function roomBelowGrown(grown: readonly string[], boxes: ReadonlyMap<string, Rect>): Record<string, Point> {
  const placed = new Map(boxes);
  const moved: Record<string, Point> = {};
  const queue = [...grown];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const above = placed.get(id);
    if (!above) continue;
    for (const [other, box] of placed) {
      if (other === id || box.y < above.y || !overlaps(above, box, 0)) continue;
      const y = Math.round(above.y + above.height + GAP);
      placed.set(other, { ...box, y });
      moved[other] = { x: box.x, y };
      queue.push(other);
    }
  }
  return moved;
}

/**
 * Moves the active Pod's nodes out from under the nodes that grew, measured as drawn (`sizes`; a node not drawn is
 * left alone). Outside the history: the edit that grew the node is the undo step, and undoing it puts them back.
 */
export function makeRoomForGrowth(
  grown: readonly string[],
  sizes: Readonly<Record<string, { width: number; height: number }>>,
): void {
  const { doc } = useDocument.getState();
  // A Pod opened without positions is still to be laid out (layout.ts): a position given now would stop that layout.
  if (hasNoPositions(doc.layout)) return;
  const boxes = new Map<string, Rect>();
  for (const node of graphOf(doc).nodes) {
    const size = sizes[node.id];
    if (size) boxes.set(node.id, { ...node.position, ...size });
  }
  const moved = roomBelowGrown(grown, boxes);
  if (Object.keys(moved).length > 0) replacePodsQuietly(new Map([[doc, moveNodes(doc, moved)]]));
}
