// Big designs (hundreds to thousands of containers): React Flow is given only the nodes in and around the view, the
// view opens at a readable zoom on the Pod's top-left corner instead of fitting thousands of nodes into the pane, and a
// design opened without positions is placed on a wrapped grid at once instead of waiting for ELK. React Flow mounts,
// measures and styles every node it is given (even with onlyRenderVisibleElements, which still renders each node once
// to measure its handles), so at 1,000 nodes opening took seconds and at 5,000 the page ran out of memory.
import { useEffect, useState } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { nodeSize, podPadding, type GraphNode, type Point } from '../../../shared/design';
import type { Design } from '../../../shared/design/design';
import { moveNodes } from '../../../shared/design/edit';
import { buildGraph } from '../../../shared/design/graph';
import { hasNoPositions } from '../../../shared/design/layout';

/** Above this many nodes in the active Pod, the canvas draws only what is near the view (the 500-node drag benchmark keeps the whole design drawn). */
export const BIG_DESIGN = 600;

/**
 * How far out a big design can be zoomed: thousands of nodes in the pane at once would all be drawn (one more Fit view
 * could take the page down); at this zoom a few hundred are.
 */
export const BIG_DESIGN_MIN_ZOOM = 0.25;

/** The zoom a big design opens at: nodes legible (above the level-of-detail threshold), a few dozen on screen. */
export const BIG_DESIGN_ZOOM = 0.6;

export interface Window {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The window of the flow drawn: the view, grown by half a view on every side (a pan shows drawn nodes at once) and
 * snapped to a grid of half views, so panning changes it (and re-derives the node list) only every half view or so.
 * Not `grown`: the view itself, unsnapped, as a design is first drawn (six times fewer nodes than the grown window).
 */
export function windowAround(
  transform: readonly [number, number, number],
  width: number,
  height: number,
  grown = true,
): Window {
  const [tx, ty, zoom] = transform;
  const w = Math.max(width, 1) / zoom;
  const h = Math.max(height, 1) / zoom;
  if (!grown) return { x: -tx / zoom, y: -ty / zoom, width: w, height: h };
  const stepX = w / 2;
  const stepY = h / 2;
  const x = Math.floor((-tx / zoom - stepX) / stepX) * stepX;
  const y = Math.floor((-ty / zoom - stepY) / stepY) * stepY;
  return { x, y, width: w + 3 * stepX, height: h + 3 * stepY };
}

const windowKey = (s: ReactFlowState, grown: boolean): string => {
  const w = windowAround(s.transform, s.width, s.height, grown);
  // Rounded: the same window in any float noise is one key, so the selector settles.
  return [w.x, w.y, w.width, w.height].map((n) => Math.round(n)).join(',');
};

/**
 * The drawn window while `big`, re-rendering only when it moves by a grid step; undefined for a small design. After
 * each load (`loads`) only the view is drawn, and the margin around it once the browser is idle: the design appears
 * and answers sooner, and the nodes just outside the view follow before a pan needs them.
 */
export function useDrawnWindow(big: boolean, loads: number): Window | undefined {
  const [grownAt, setGrownAt] = useState(-1);
  const grown = grownAt === loads;
  useEffect(() => {
    if (!big || grown) return;
    const grow = (): void => setGrownAt(loads);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(grow, 100);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(grow, { timeout: 500 });
    return () => cancelIdleCallback(idle);
  }, [big, grown, loads]);
  const key = useStore((s) => (big ? windowKey(s, grown) : ''));
  if (!key) return undefined;
  const [x, y, width, height] = key.split(',').map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** Whether the node, at its drawn size (or its measured one), meets the window. */
export function meetsWindow(
  node: GraphNode,
  size: { width?: number; height?: number } | undefined,
  window: Window,
): boolean {
  const width = size?.width ?? nodeSize[node.kind].width;
  const height = size?.height ?? nodeSize[node.kind].height;
  const { x, y } = node.position;
  return (
    x + width >= window.x && y + height >= window.y && x <= window.x + window.width && y <= window.y + window.height
  );
}

/**
 * The view a big design opens with: its top-left corner (the Pod's padding included) at a legible zoom, where fitting
 * thousands of nodes into the pane would make specks of them, every one drawn.
 */
export function legibleViewport(nodes: readonly GraphNode[]): { x: number; y: number; zoom: number } {
  let left = Infinity;
  let top = Infinity;
  for (const { position } of nodes) {
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
  }
  const zoom = BIG_DESIGN_ZOOM;
  return { x: -(left - podPadding) * zoom + 24, y: -(top - podPadding) * zoom + 24, zoom };
}

/** Containers per row of the grid a big design without positions is placed on. */
const GRID_COLUMNS = 20;
const COLUMN = 260;
const ROW = 160;

/**
 * Positions for a big design opened without any: init containers, then app containers, then volumes, each group in
 * rows of twenty from the top-left; the namespace nodes above. Immediate, where ELK would take minutes at 5,000 nodes
 * and block the page while it worked; Auto layout stays on hand for the user who wants it.
 */
export function gridPositions(nodes: readonly GraphNode[]): Record<string, Point> {
  const out: Record<string, Point> = {};
  let row = 0;
  const group = (members: readonly GraphNode[]): void => {
    members.forEach((node, i) => {
      out[node.id] = { x: (i % GRID_COLUMNS) * COLUMN, y: (row + Math.floor(i / GRID_COLUMNS)) * ROW };
    });
    // A free row between groups.
    if (members.length > 0) row += Math.ceil(members.length / GRID_COLUMNS) + 1;
  };
  const containers = (list: string) => nodes.filter((n) => n.kind === 'container' && n.list === list);
  group(nodes.filter((n) => n.kind === 'namespace'));
  group(containers('initContainers'));
  group(containers('containers'));
  group(nodes.filter((n) => n.kind === 'volume'));
  return out;
}

/**
 * A big one-Pod design opened without positions, placed on the grid before it is first drawn. Placed after two frames
 * (layout.ts, as smaller designs are once React Flow has measured them for ELK), it was drawn twice: at the fallback
 * rows, then on the grid; at 5,000 containers the first drawing cost about as much as the second. The same positions
 * layoutOpened gives it, and like them no undo step and no unsaved change: the entrances load the placed design.
 */
export function placedOnGrid(design: Design): Design {
  const [doc, ...others] = design.pods;
  if (!doc || others.length > 0 || !hasNoPositions(doc.layout)) return design;
  const nodes = buildGraph(doc).nodes;
  if (nodes.length <= BIG_DESIGN) return design;
  return { ...design, pods: [moveNodes(doc, gridPositions(nodes))] };
}
