// Derives the canvas graph (nodes, edges, default positions) from a canvas document; the view never stores its own.
import type { ContainerList } from '../model/pod';
import {
  containersOf,
  hostNamespaces,
  pidMembers,
  volumesOf,
  type CanvasDocument,
  type NamespaceKind,
  type Point,
} from './document';

export type GraphNode =
  | {
      id: string;
      kind: 'container';
      list: ContainerList;
      index: number;
      name: string;
      role: ContainerRole;
      position: Point;
    }
  | { id: string; kind: 'volume'; index: number; name: string; position: Point }
  | { id: string; kind: 'namespace'; namespace: NamespaceKind; position: Point };

export type ContainerRole = 'app' | 'init' | 'sidecar';

export type GraphEdge =
  | {
      id: string;
      kind: 'mount';
      source: string;
      target: string;
      list: ContainerList;
      index: number;
      mountIndex: number;
    }
  | { id: string; kind: 'join'; source: string; target: string; namespace: NamespaceKind };

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  byId: Map<string, GraphNode>;
  /** Container node id by Kubernetes path prefix, e.g. `spec.containers[1]`. */
  containerIdByPath: Map<string, string>;
  /** The box around every node, for the Pod group. */
  bounds: { x: number; y: number; width: number; height: number };
}

/** Sizes the view draws nodes at; the Pod group and automatic placement use them. */
export const nodeSize = {
  container: { width: 230, height: 120 },
  volume: { width: 190, height: 64 },
  namespace: { width: 190, height: 56 },
} as const;

const column = 260;
const rows = { init: 40, app: 220, volume: 420 };
const namespaceRow = -60;
export const podPadding = 40;

export function containerNodeId(name: string): string {
  return `container:${name}`;
}
export function volumeNodeId(name: string): string {
  return `volume:${name}`;
}
export function namespaceNodeId(kind: NamespaceKind): string {
  return `ns:${kind}`;
}

/**
 * Builds the graph. Pure; cheap enough to run on every change of the document. Given the `previous` graph, every node
 * and edge that did not change is that graph's own object, and when nothing changed the previous graph itself comes
 * back: views that compare by identity then redraw only what changed (typing an image redraws no node of 500).
 */
export function buildGraph(doc: CanvasDocument, previous?: Graph): Graph {
  const graph = freshGraph(doc);
  return previous ? shareWith(previous, graph) : graph;
}

function freshGraph(doc: CanvasDocument): Graph {
  const { pod, layout } = doc;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const byId = new Map<string, GraphNode>();
  const containerIdByPath = new Map<string, string>();
  const add = (node: GraphNode): void => {
    nodes.push(node);
    byId.set(node.id, node);
  };
  const place = (id: string, fallback: Point): Point => layout[id] ?? fallback;

  const containerIds: string[] = [];
  const containerIdByName = new Map<string, string>();
  let initColumn = 0;
  let appColumn = 0;
  for (const list of ['initContainers', 'containers'] as const) {
    containersOf(pod, list).forEach((container, index) => {
      const name = typeof container?.name === 'string' ? container.name : '';
      let id = containerNodeId(name);
      // Duplicate names are an error the rules report; the canvas still needs distinct ids to draw both.
      if (byId.has(id)) id = `${id}#${list}-${index}`;
      const role: ContainerRole =
        list === 'containers' ? 'app' : container?.restartPolicy === 'Always' ? 'sidecar' : 'init';
      const fallback =
        list === 'initContainers'
          ? { x: initColumn++ * column, y: rows.init }
          : { x: appColumn++ * column, y: rows.app };
      add({ id, kind: 'container', list, index, name, role, position: place(id, fallback) });
      containerIds.push(id);
      containerIdByPath.set(`spec.${list}[${index}]`, id);
      if (!containerIdByName.has(name)) containerIdByName.set(name, id);
    });
  }

  const volumeIdByName = new Map<string, string>();
  volumesOf(pod).forEach((volume, index) => {
    const name = typeof volume?.name === 'string' ? volume.name : '';
    let id = volumeNodeId(name);
    if (byId.has(id)) id = `${id}#${index}`;
    add({ id, kind: 'volume', index, name, position: place(id, { x: index * column, y: rows.volume }) });
    if (!volumeIdByName.has(name)) volumeIdByName.set(name, id);
  });

  const namespaces: NamespaceKind[] = ['shared'];
  if (pod.spec?.shareProcessNamespace === true || doc.pidJoins !== null) namespaces.push('pid');
  for (const host of hostNamespaces) if (pod.spec?.[host] === true) namespaces.push(host);
  namespaces.forEach((namespace, i) => {
    const id = namespaceNodeId(namespace);
    add({ id, kind: 'namespace', namespace, position: place(id, { x: i * (column - 40), y: namespaceRow - 60 }) });
  });

  // Mount edges: a mount of a volume that does not exist draws no edge; the rules report it on the container.
  for (const list of ['initContainers', 'containers'] as const) {
    containersOf(pod, list).forEach((container, index) => {
      const source = containerIdByPath.get(`spec.${list}[${index}]`)!;
      const mounts = Array.isArray(container?.volumeMounts) ? container.volumeMounts : [];
      mounts.forEach((mount, mountIndex) => {
        const target = typeof mount?.name === 'string' ? volumeIdByName.get(mount.name) : undefined;
        if (!target) return;
        edges.push({ id: `mount:${source}:${mountIndex}`, kind: 'mount', source, target, list, index, mountIndex });
      });
    });
  }

  // Namespace joins: network/UTS/IPC and the host namespaces are Pod-wide, so every container joins them.
  const pid = new Set(pidMembers(doc));
  for (const namespace of namespaces) {
    const target = namespaceNodeId(namespace);
    for (const source of containerIds) {
      const node = byId.get(source);
      if (node?.kind !== 'container') continue;
      if (namespace === 'pid' && !pid.has(node.name)) continue;
      edges.push({ id: `join:${source}:${target}`, kind: 'join', source, target, namespace });
    }
  }

  return { nodes, edges, byId, containerIdByPath, bounds: boundsOf(nodes) };
}

/** `next` with the nodes and edges equal to those of `previous` replaced by them; `previous` when all are. */
function shareWith(previous: Graph, next: Graph): Graph {
  let changed = previous.nodes.length !== next.nodes.length || previous.edges.length !== next.edges.length;
  const nodes = next.nodes.map((node, i) => {
    const old = previous.byId.get(node.id);
    if (old && sameFields(old, node)) {
      if (previous.nodes[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return node;
  });
  const oldEdges = new Map(previous.edges.map((edge) => [edge.id, edge]));
  const edges = next.edges.map((edge, i) => {
    const old = oldEdges.get(edge.id);
    if (old && sameFields(old, edge)) {
      if (previous.edges[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return edge;
  });
  if (!changed) return previous;
  return { ...next, nodes, edges, byId: new Map(nodes.map((node) => [node.id, node])) };
}

/** Equal plain records, one level of nesting deep (a node's position is the only nested field). */
function sameFields(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    const x = ra[key];
    const y = rb[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length) return false;
    for (const k of kx) if ((x as Record<string, unknown>)[k] !== (y as Record<string, unknown>)[k]) return false;
  }
  return true;
}

function sizeOf(node: GraphNode): { width: number; height: number } {
  return nodeSize[node.kind];
}

function boundsOf(nodes: readonly GraphNode[]): Graph['bounds'] {
  if (nodes.length === 0) return { x: 0, y: 0, width: 400, height: 300 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const size = sizeOf(node);
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + size.width);
    maxY = Math.max(maxY, node.position.y + size.height);
  }
  return {
    x: minX - podPadding,
    y: minY - podPadding - 24,
    width: maxX - minX + 2 * podPadding,
    height: maxY - minY + 2 * podPadding + 24,
  };
}

/** Where a newly added node of `kind` goes when the user clicks rather than drops: right of its row. */
export function nextPosition(graph: Graph, kind: 'container' | 'init' | 'volume' | 'namespace'): Point {
  const y = rowOf(graph, kind);
  const sameRow = graph.nodes.filter((n) => Math.abs(n.position.y - y) < 80);
  // An empty row starts at the Pod's left edge: a Pod placed beside another does not reach back into it.
  const left = graph.nodes.length === 0 ? 0 : Math.min(...graph.nodes.map((n) => n.position.x));
  const x = sameRow.length === 0 ? left : Math.max(...sameRow.map((n) => n.position.x)) + column;
  return { x, y };
}

/**
 * The y of the row a new node of `kind` goes in: the row its kind already has (the last one's, since an automatic layout
 * puts every container in one row and the volumes in the next, not at the fallback rows' places); a first volume goes
 * below the containers; otherwise the fallback row.
 */
function rowOf(graph: Graph, kind: 'container' | 'init' | 'volume' | 'namespace'): number {
  const containers = graph.nodes.filter((n) => n.kind === 'container');
  const list = kind === 'init' ? 'initContainers' : 'containers';
  const same =
    kind === 'volume' || kind === 'namespace'
      ? graph.nodes.filter((n) => n.kind === kind)
      : containers.filter((n) => n.kind === 'container' && n.list === list);
  const last = same[same.length - 1];
  if (last) return last.position.y;
  if (kind === 'volume' && containers.length > 0)
    return Math.max(rows.volume, Math.max(...containers.map((n) => n.position.y)) + rows.volume - rows.app);
  if (kind === 'container' && containers.length > 0) return containers[containers.length - 1]!.position.y;
  return kind === 'init' ? rows.init : kind === 'container' ? rows.app : kind === 'volume' ? rows.volume : -120;
}

/** The node a diagnostic points at, from its Kubernetes field path; the Pod itself when nothing narrower fits. */
export function nodeForPath(graph: Graph, path: string): string {
  const container = /^spec\.(containers|initContainers)\[\d+\]/.exec(path);
  if (container) return graph.containerIdByPath.get(container[0]) ?? 'pod';
  const volume = /^spec\.volumes\[(\d+)\]/.exec(path);
  if (volume) {
    const node = graph.nodes.find((n) => n.kind === 'volume' && n.index === Number(volume[1]));
    if (node) return node.id;
  }
  if (path.startsWith('spec.shareProcessNamespace') && graph.byId.has('ns:pid')) return 'ns:pid';
  for (const host of hostNamespaces) {
    if (path.startsWith(`spec.${host}`) && graph.byId.has(namespaceNodeId(host))) return namespaceNodeId(host);
  }
  return 'pod';
}

/**
 * The mount edge a field path points into (`spec.containers[1].volumeMounts[0].mountPath` → that mount's edge), or
 * `undefined` when the path is not inside a drawn mount. Diagnostics still belong to their node (nodeForPath); this
 * lets the edge show them too.
 */
export function edgeForPath(graph: Graph, path: string): string | undefined {
  const m = /^(spec\.(?:containers|initContainers)\[\d+\])\.volumeMounts\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const source = graph.containerIdByPath.get(m[1]!);
  if (!source) return undefined;
  // Mount edge ids are `mount:<container id>:<mount index>` (buildGraph); a mount of a missing volume has no edge.
  const id = `mount:${source}:${m[2]}`;
  return graph.edges.some((e) => e.id === id) ? id : undefined;
}

/** `spec.containers[1].ports[0]` → ['spec', 'containers', 1, 'ports', 0]. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
