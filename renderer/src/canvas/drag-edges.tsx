// While nodes are dragged, the edges are drawn in two svgs (the still ones, the moving ones) instead of React Flow's
// one svg per edge.
//
// Why: each of React Flow's edge svgs is its own stacking context, so a 500-node design has ~600 separately layered
// boxes that Chromium re-layers ("Layerize") on every frame of a drag, whichever edge moved: with every edge hidden a
// 500-node drag ran at 60 fps instead of ~30 on a GPU-less machine (bench/canvas). Hiding them for the drag and drawing
// the same curves here keeps the picture at a fraction of that cost; only the curves touching a dragged node are
// recomputed per move, from the drag's own positions (live-drag.ts: React Flow's store keeps the drag-start ones until
// the drop), and the labels of moving mount edges are moved with them. Between drags React Flow's edges are back
// (selection, focus, labels, clicks all work as before), and the curves here are the same beziers between the same
// handles, so nothing jumps when a drag starts or ends.
import {
  ConnectionMode,
  getBezierPath,
  useStore,
  type Edge,
  type InternalNode,
  type ReactFlowState,
} from '@xyflow/react';
import { getEdgePosition, type EdgePosition } from '@xyflow/system';
import { memo, useLayoutEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { canvasLayer, mountLabelTransform } from './edges';
import type { LiveDrag } from './live-drag';
import './drag-edges.css';

/** The class on the React Flow wrapper while the drag layer stands in for the edges (drag-edges.css hides them). */
export const dragEdgesClass = 'drag-edges-on';

/** Where React Flow would draw `edge`'s ends between these two nodes, or null while a node is not measured yet. */
function edgeEnds(edge: Edge, source: InternalNode | undefined, target: InternalNode | undefined): EdgePosition | null {
  if (!source || !target) return null;
  return getEdgePosition({
    id: edge.id,
    sourceNode: source,
    targetNode: target,
    sourceHandle: edge.sourceHandle ?? null,
    targetHandle: edge.targetHandle ?? null,
    connectionMode: ConnectionMode.Loose,
  });
}

/** The bezier React Flow would draw for `edge` between these two nodes, or null while a node is not measured yet. */
export function edgeCurve(
  edge: Edge,
  source: InternalNode | undefined,
  target: InternalNode | undefined,
): string | null {
  const ends = edgeEnds(edge, source, target);
  return ends ? getBezierPath(ends)[0] : null;
}

/** Node `id` as it is now: React Flow's own, at the drag's position while it is being dragged. */
function liveNode(lookup: ReactFlowState['nodeLookup'], drag: LiveDrag, id: string): InternalNode | undefined {
  const node = lookup.get(id);
  const at = drag.positions.get(id);
  if (!node || !at) return node;
  return { ...node, internals: { ...node.internals, positionAbsolute: at } };
}

/** React Flow's edge container (found once per canvas: a DOM query per store update would cost every frame). */
const edgesLayerOf = (s: ReactFlowState): HTMLElement | null => canvasLayer(s, '.react-flow__edges');
const labelsLayerOf = (s: ReactFlowState): HTMLElement | null => canvasLayer(s, '.react-flow__edgelabel-renderer');
const noDrag = { subscribe: () => () => {}, snapshot: () => 0 };

/**
 * The drag layer; render it inside <ReactFlow> with the drag in progress (with `dragEdgesClass` on the flow), or
 * `null` between drags, when it subscribes to nothing that changes and draws nothing. Edges that do not touch a
 * dragged node are drawn once per drag in one svg; the few that do are redrawn on each move in a second one, so a
 * frame repaints a handful of curves, not all of them.
 */
export const DragEdges = memo(function DragEdges({ edges, drag }: { edges: readonly Edge[]; drag: LiveDrag | null }) {
  const layer = useStore(edgesLayerOf);
  const labels = useStore(labelsLayerOf);
  // Re-render on every move of the drag.
  useSyncExternalStore((drag ?? noDrag).subscribe, (drag ?? noDrag).snapshot);
  const lookup = useStore((s) => s.nodeLookup);
  const moving = drag?.ids;
  // The edges split once per drag (not on every move): the still ones, and the ones touching a dragged node.
  const split = useMemo(() => {
    if (!moving) return null;
    const touching = (e: Edge) => moving.has(e.source) || moving.has(e.target);
    return { still: edges.filter((e) => !touching(e)), touched: edges.filter(touching) };
  }, [moving, edges]);
  const still = useMemo(() => (split ? curves(split.still, (id) => lookup.get(id)) : null), [split, lookup]);
  const touched = split?.touched ?? [];
  // The labels of the touched mount edges, found once per drag: React Flow draws them with its edges, which are
  // hidden and not re-rendered while the drag lasts.
  const touchedLabels = useMemo(() => {
    const found: [Edge, HTMLElement][] = [];
    for (const edge of split?.touched ?? []) {
      if (edge.type !== 'mount' || !labels) continue;
      const label = labels.querySelector<HTMLElement>(`[data-testid="mount-label-${CSS.escape(edge.id)}"]`);
      if (label) found.push([edge, label]);
    }
    return found;
  }, [split, labels]);
  const nodeNow = (id: string) => (drag ? liveNode(lookup, drag, id) : lookup.get(id));
  // Each goes where the edge's view will put it after the drop.
  useLayoutEffect(() => {
    if (!drag) return;
    for (const [edge, label] of touchedLabels) {
      const ends = edgeEnds(edge, nodeNow(edge.source), nodeNow(edge.target));
      if (ends) drag.transform(label, mountLabelTransform(ends));
    }
  });
  if (!drag || !layer || !still) return null;
  return createPortal(
    <>
      <svg className="drag-edge-layer" aria-hidden="true" data-testid="drag-edge-layer">
        <defs>
          {/* React Flow's closed arrow, drawn the same size and colour. */}
          <marker
            id="drag-edge-arrow"
            viewBox="-10 -10 20 20"
            markerWidth="12.5"
            markerHeight="12.5"
            markerUnits="strokeWidth"
            orient="auto-start-reverse"
            refX="0"
            refY="0"
          >
            <polyline className="drag-edge-arrow" points="-5,-4 0,0 -5,4 -5,-4" />
          </marker>
        </defs>
        {still}
      </svg>
      <svg className="drag-edge-layer drag-edge-moving" aria-hidden="true">
        {curves(touched, nodeNow)}
      </svg>
    </>,
    layer,
  );
});

function curves(edges: readonly Edge[], node: (id: string) => InternalNode | undefined): ReactNode[] {
  return edges.map((edge) => {
    const d = edgeCurve(edge, node(edge.source), node(edge.target));
    if (!d) return null;
    // The edge's own classes (edge-mount, edge-join edge-pid...) on a group, so styles.css colours it as usual.
    return (
      <g key={edge.id} className={edge.className}>
        <path
          className="react-flow__edge-path"
          d={d}
          markerEnd={edge.markerEnd !== undefined ? 'url(#drag-edge-arrow)' : undefined}
        />
      </g>
    );
  });
}
