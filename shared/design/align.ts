// Aligning and distributing a multi-selection of canvas nodes: pure geometry over node boxes, returning new positions.
import type { Point } from './document';

/** A node's box on the canvas: its top-left position and the size it is drawn at. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const alignments = ['left', 'centre', 'right', 'top', 'middle', 'bottom'] as const;
export type Alignment = (typeof alignments)[number];
export type Axis = 'horizontal' | 'vertical';

/**
 * Lines the boxes up on one edge or centre line of the box around them all. Returns the positions that change; a box
 * already in line is left out, so aligning an aligned selection is no edit at all.
 */
export function alignBoxes(boxes: readonly NodeBox[], how: Alignment): Record<string, Point> {
  if (boxes.length < 2) return {};
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const out: Record<string, Point> = {};
  for (const b of boxes) {
    // Only the aligned axis moves, onto whole pixels (a drag leaves fractions); the other keeps its value exactly.
    let { x, y } = b;
    if (how === 'left') x = Math.round(left);
    else if (how === 'right') x = Math.round(right - b.width);
    else if (how === 'centre') x = Math.round((left + right) / 2 - b.width / 2);
    else if (how === 'top') y = Math.round(top);
    else if (how === 'bottom') y = Math.round(bottom - b.height);
    else y = Math.round((top + bottom) / 2 - b.height / 2);
    if (x !== b.x || y !== b.y) out[b.id] = { x, y };
  }
  return out;
}

/**
 * Spreads the boxes so the gaps between neighbours are equal along `axis`; the first and last box stay where they are.
 * Needs three boxes (two have only one gap). Boxes wider than the room between the ends get a negative gap, as in
 * drawing tools: they overlap evenly rather than being reordered.
 */
export function distributeBoxes(boxes: readonly NodeBox[], axis: Axis): Record<string, Point> {
  if (boxes.length < 3) return {};
  const start = (b: NodeBox): number => (axis === 'horizontal' ? b.x : b.y);
  const size = (b: NodeBox): number => (axis === 'horizontal' ? b.width : b.height);
  // Order by centre so a small box inside a big one's span keeps its visual place.
  const sorted = [...boxes].sort(
    (a, b) => start(a) + size(a) / 2 - (start(b) + size(b) / 2) || a.id.localeCompare(b.id),
  );
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const span = start(last) + size(last) - start(first);
  const occupied = sorted.reduce((sum, b) => sum + size(b), 0);
  const gap = (span - occupied) / (sorted.length - 1);
  const out: Record<string, Point> = {};
  let cursor = start(first);
  for (const b of sorted) {
    const at = Math.round(cursor);
    cursor += size(b) + gap;
    if (at === start(b)) continue;
    out[b.id] = axis === 'horizontal' ? { x: at, y: b.y } : { x: b.x, y: at };
  }
  return out;
}
