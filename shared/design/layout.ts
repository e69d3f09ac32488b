// Automatic layout, the pure half: the layered graph handed to ELK (elkjs) and the positions read back from it.
// elkjs itself runs in the renderer (renderer/src/canvas/layout.ts): shared/ may import only yaml and zod, and keeping
// ELK out makes this half testable on plain objects.
import type { Point } from './document';
import { nodeSize, type Graph, type GraphNode } from './graph';

/** The subset of ELK's JSON graph format used here (elkjs's ElkNode / ElkExtendedEdge). */
export interface LayoutInputNode {
  id: string;
  width: number;
  height: number;
  layoutOptions?: Record<string, string>;
}
export interface LayoutInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: LayoutInputNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}
export interface LayoutOutput {
  children?: { id: string; x?: number; y?: number }[];
}

type Size = { width: number; height: number };

/**
 * Rows from top to bottom: namespaces, containers, volumes. ELK's partitions pin each kind to its row even when a node
 * has no edge (an unmounted volume still goes below the containers).
 */
const row: Record<GraphNode['kind'], number> = { namespace: 0, container: 1, volume: 2 };

const options: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.partitioning.activate': 'true',
  // One drawing, not one per connected component: an unmounted volume stays in the Pod's volume row.
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  // Keep the spec's order in each row where crossings allow: init containers first, volumes as listed.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

/**
 * The ELK input for the canvas graph. Edges point down the rows: PID namespace → container (a join, drawn the other
 * way on the canvas) and container → volume (a mount). `sizes` are the sizes the view measured, by node id; nodes not
 * measured yet use the sizes the view draws them at.
 */
export function layoutInput(graph: Graph, sizes: Readonly<Record<string, Size>> = {}): LayoutInput {
  const children = graph.nodes.map<LayoutInputNode>((node) => {
    const size = sizes[node.id] ?? nodeSize[node.kind];
    return {
      id: node.id,
      width: Math.ceil(size.width),
      height: Math.ceil(size.height),
      layoutOptions: { 'elk.partitioning.partition': String(row[node.kind]) },
    };
  });
  // Pod-wide namespaces (network/UTS/IPC, host ones) join every container: their edges say nothing about order and
  // make ELK several times slower, so only PID joins (a real choice of members) shape the layout.
  const edges = graph.edges.flatMap((edge) =>
    edge.kind === 'mount'
      ? [{ id: edge.id, sources: [edge.source], targets: [edge.target] }]
      : edge.namespace === 'pid'
        ? [{ id: edge.id, sources: [edge.target], targets: [edge.source] }]
        : [],
  );
  return { id: 'pod', layoutOptions: options, children, edges };
}

/**
 * The positions ELK chose, each row's top edges in line, moved so the drawing keeps its top-left corner at `origin` (the view does not jump).
 * Only nodes of `graph` are taken; ELK output for anything else is ignored.
 */
export function layoutPositions(graph: Graph, output: LayoutOutput, origin: Point): Record<string, Point> {
  const placed = new Map<string, Point>();
  for (const child of output.children ?? []) {
    if (!graph.byId.has(child.id) || !Number.isFinite(child.x) || !Number.isFinite(child.y)) continue;
    placed.set(child.id, { x: child.x!, y: child.y! });
  }
  if (placed.size === 0) return {};
  // ELK centres nodes of different heights on their row; top edges in line read better (and align like a table).
  const rowTop = new Map<number, number>();
  for (const [id, p] of placed) {
    const r = row[graph.byId.get(id)!.kind];
    rowTop.set(r, Math.min(rowTop.get(r) ?? Infinity, p.y));
  }
  for (const [id, p] of placed) p.y = rowTop.get(row[graph.byId.get(id)!.kind])!;
  const minX = Math.min(...[...placed.values()].map((p) => p.x));
  const minY = Math.min(...[...placed.values()].map((p) => p.y));
  const out: Record<string, Point> = {};
  for (const [id, p] of placed)
    out[id] = { x: Math.round(p.x - minX + origin.x), y: Math.round(p.y - minY + origin.y) };
  return out;
}

/** The top-left corner of the nodes as drawn now: where a new layout starts. */
export function layoutOrigin(graph: Graph): Point {
  if (graph.nodes.length === 0) return { x: 0, y: 0 };
  return {
    x: Math.min(...graph.nodes.map((n) => n.position.x)),
    y: Math.min(...graph.nodes.map((n) => n.position.y)),
  };
}

/** True when the document stores no position at all, so every node sits where the fallback rows put it. */
export function hasNoPositions(layout: Readonly<Record<string, Point>>): boolean {
  return Object.keys(layout).length === 0;
}
