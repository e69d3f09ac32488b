// While nodes are dragged, the edges are drawn in two svgs (the still ones, the moving ones) instead of React Flow's
// one svg per edge.
//
// Why: each of React Flow's edge svgs is its own stacking context, so a 500-node design has ~600 separately layered
// boxes that Chromium re-layers ("Layerize") on every frame of a drag, whichever edge moved: with every edge hidden a
// 500-node drag ran at 60 fps instead of ~30 on a GPU-less machine (bench/canvas). Hiding them for the drag and drawing
// the same curves here keeps the picture at a fraction of that cost; only the curves touching a dragged node are
// recomputed per frame. Between drags React Flow's edges are back (selection, focus, labels, clicks all work as
// before), and the curves here are the same beziers between the same handles, so nothing jumps when a drag starts or
// ends.
import {
  ConnectionMode,
  getBezierPath,
  useStore,
  type Edge,
  type InternalNode,
  type ReactFlowState,
} from '@xyflow/react';
import { getEdgePosition } from '@xyflow/system';
import { memo, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { canvasLayer } from './edges';
import './drag-edges.css';

/** The class on the React Flow wrapper while the drag layer stands in for the edges (drag-edges.css hides them). */
export const dragEdgesClass = 'drag-edges-on';

/** The bezier React Flow would draw for `edge` between these two nodes, or null while a node is not measured yet. */
export function edgeCurve(
  edge: Edge,
  source: InternalNode | undefined,
  target: InternalNode | undefined,
): string | null {
  if (!source || !target) return null;
  const position = getEdgePosition({
    id: edge.id,
    sourceNode: source,
    targetNode: target,
    sourceHandle: edge.sourceHandle ?? null,
    targetHandle: edge.targetHandle ?? null,
    connectionMode: ConnectionMode.Loose,
  });
  return position ? getBezierPath(position)[0] : null;
}

/** React Flow's edge container (found once per canvas: a DOM query per store update would cost every frame). */
const edgesLayerOf = (s: ReactFlowState): HTMLElement | null => canvasLayer(s, '.react-flow__edges');

/**
 * The drag layer; render it inside <ReactFlow> with the ids of the nodes being dragged (with `dragEdgesClass` on the
 * flow), or `null` between drags, when it subscribes to nothing that changes and draws nothing. Edges that do not
 * touch a dragged node are drawn once per drag in one svg; the few that do are redrawn each frame in a second one,
 * so a frame repaints a handful of curves, not all of them.
 */
export const DragEdges = memo(function DragEdges({
  edges,
  moving,
}: {
  edges: readonly Edge[];
  moving: ReadonlySet<string> | null;
}) {
  const layer = useStore(edgesLayerOf);
  // Re-render on every node update during a drag; `nodes` is a new array whenever a node moved.
  useStore((s) => (moving ? s.nodes : null));
  const lookup = useStore((s) => s.nodeLookup);
  // The still edges: recomputed when the set of dragged nodes or the edges change, not on every frame (React Flow
  // keeps one node lookup and updates it in place).
  const still = useMemo(
    () =>
      moving
        ? curves(
            edges.filter((e) => !moving.has(e.source) && !moving.has(e.target)),
            lookup,
          )
        : null,
    [moving, edges, lookup],
  );
  if (!moving || !layer || !still) return null;
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
      <svg className="drag-edge-layer" aria-hidden="true">
        {curves(
          edges.filter((e) => moving.has(e.source) || moving.has(e.target)),
          lookup,
        )}
      </svg>
    </>,
    layer,
  );
});

function curves(edges: readonly Edge[], lookup: ReactFlowState['nodeLookup']): ReactNode[] {
  return edges.map((edge) => {
    const d = edgeCurve(edge, lookup.get(edge.source), lookup.get(edge.target));
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
