// Edits the canvas makes to the document, as pure functions: add, connect, disconnect, delete, duplicate, rename, move.
import type { Container, ContainerList, Pod, Volume, VolumeMount } from '../model/pod';
import {
  containerNames,
  containersOf,
  hostNamespaces,
  pidMembers,
  uniqueName,
  volumesOf,
  type CanvasDocument,
  type HostNamespace,
  type Point,
} from './document';
import { buildGraph, containerNodeId, volumeNodeId, type Graph, type GraphNode } from './graph';
import { defaultMountPath } from './mount-path';

function withSpec(pod: Pod, patch: Partial<Pod['spec']>): Pod {
  const spec = { ...pod.spec, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete spec[key];
  return { ...pod, spec };
}

function setContainers(pod: Pod, list: ContainerList, containers: Container[]): Pod {
  if (list === 'initContainers' && containers.length === 0) return withSpec(pod, { initContainers: undefined });
  return withSpec(pod, { [list]: containers });
}

function setVolumes(pod: Pod, volumes: Volume[]): Pod {
  return withSpec(pod, { volumes: volumes.length === 0 ? undefined : volumes });
}

export function updateContainer(
  doc: CanvasDocument,
  list: ContainerList,
  index: number,
  update: (c: Container) => Container,
): CanvasDocument {
  const containers = containersOf(doc.pod, list).slice();
  const before = containers[index];
  if (!before) return doc;
  const after = update(before);
  containers[index] = after;
  let next: CanvasDocument = { ...doc, pod: setContainers(doc.pod, list, containers) };
  if (after.name !== before.name) next = renameContainerRefs(next, before.name, after.name);
  return next;
}

/** A renamed container keeps its place on the canvas and its PID join. */
function renameContainerRefs(doc: CanvasDocument, from: string, to: string): CanvasDocument {
  const layout = { ...doc.layout };
  const oldId = containerNodeId(from);
  if (layout[oldId] && !layout[containerNodeId(to)]) {
    layout[containerNodeId(to)] = layout[oldId];
    delete layout[oldId];
  }
  const pidJoins = doc.pidJoins?.map((n) => (n === from ? to : n)) ?? null;
  return { ...doc, layout, pidJoins };
}

export function updateVolume(doc: CanvasDocument, index: number, update: (v: Volume) => Volume): CanvasDocument {
  const volumes = volumesOf(doc.pod).slice();
  const before = volumes[index];
  if (!before) return doc;
  const after = update(before);
  volumes[index] = after;
  let pod = setVolumes(doc.pod, volumes);
  let layout = doc.layout;
  if (after.name !== before.name) {
    // Mounts follow a renamed volume, so a rename never turns into "mount of a volume that does not exist".
    pod = mapMounts(pod, (m) => (m.name === before.name ? { ...m, name: after.name } : m));
    const oldId = volumeNodeId(before.name);
    if (layout[oldId]) {
      layout = { ...layout, [volumeNodeId(after.name)]: layout[oldId] };
      delete layout[oldId];
    }
  }
  return { ...doc, pod, layout };
}

function mapMounts(pod: Pod, fn: (m: VolumeMount) => VolumeMount | undefined): Pod {
  let next = pod;
  for (const list of ['initContainers', 'containers'] as const) {
    const containers = containersOf(next, list);
    if (containers.length === 0) continue;
    next = setContainers(
      next,
      list,
      containers.map((c) => {
        if (!Array.isArray(c.volumeMounts)) return c;
        const mounts = c.volumeMounts.map(fn).filter((m): m is VolumeMount => m !== undefined);
        const out: Container = { ...c, volumeMounts: mounts };
        if (mounts.length === 0) delete out.volumeMounts;
        return out;
      }),
    );
  }
  return next;
}

export function addContainer(
  doc: CanvasDocument,
  template: Container,
  list: ContainerList,
  position?: Point,
): { doc: CanvasDocument; id: string } {
  const name = uniqueName(template.name, containerNames(doc.pod));
  const container = { ...structuredClone(template), name };
  const pod = setContainers(doc.pod, list, [...containersOf(doc.pod, list), container]);
  const id = containerNodeId(name);
  const layout = position ? { ...doc.layout, [id]: position } : doc.layout;
  return { doc: { ...doc, pod, layout }, id };
}

export function addVolume(
  doc: CanvasDocument,
  template: Volume,
  position?: Point,
): { doc: CanvasDocument; id: string } {
  const name = uniqueName(
    template.name,
    volumesOf(doc.pod).map((v) => v.name),
  );
  const volume = { ...structuredClone(template), name };
  const id = volumeNodeId(name);
  const layout = position ? { ...doc.layout, [id]: position } : doc.layout;
  return { doc: { ...doc, pod: setVolumes(doc.pod, [...volumesOf(doc.pod), volume]), layout }, id };
}

/** Puts a namespace node on the canvas: the PID namespace (joined by nobody yet) or a host namespace. */
export function addNamespace(
  doc: CanvasDocument,
  kind: 'pid' | HostNamespace,
  position?: Point,
): { doc: CanvasDocument; id: string } {
  const id = `ns:${kind}`;
  const layout = position ? { ...doc.layout, [id]: position } : doc.layout;
  if (kind === 'pid') {
    const pidJoins = doc.pod.spec?.shareProcessNamespace === true ? null : (doc.pidJoins ?? []);
    return { doc: { ...doc, pidJoins, layout }, id };
  }
  return { doc: { ...doc, pod: withSpec(doc.pod, { [kind]: true }), layout }, id };
}

export type ConnectResult = { doc: CanvasDocument; edge?: string } | { doc: CanvasDocument; refused: string };

/**
 * Connects two nodes: container–volume makes a volumeMount, container–PID namespace a join. Either direction works.
 * Returns `refused` (an i18n key) when the pair means nothing in Kubernetes.
 */
export function connect(doc: CanvasDocument, a: string, b: string): ConnectResult {
  const graph = buildGraph(doc);
  let from = graph.byId.get(a);
  let to = graph.byId.get(b);
  if (!from || !to) return { doc, refused: 'canvas.refuse.unknown' };
  if (from.kind !== 'container') [from, to] = [to, from];
  if (from.kind !== 'container') return { doc, refused: 'canvas.refuse.needsContainer' };
  const container = from;
  if (to.kind === 'volume') {
    const volumeName = to.name;
    const existing = containersOf(doc.pod, container.list)[container.index]?.volumeMounts ?? [];
    const already = existing.findIndex((m) => m.name === volumeName);
    if (already >= 0) return { doc, edge: `mount:${container.id}:${already}` };
    const next = updateContainer(doc, container.list, container.index, (c) => ({
      ...c,
      volumeMounts: [
        ...(c.volumeMounts ?? []),
        { name: volumeName, mountPath: defaultMountPath(doc.pod, c, volumeName) },
      ],
    }));
    return { doc: next, edge: `mount:${container.id}:${existing.length}` };
  }
  if (to.kind === 'namespace') {
    if (to.namespace !== 'pid') return { doc, refused: 'canvas.refuse.podWide' };
    const members = new Set(pidMembers(doc));
    members.add(container.name);
    return { doc: setPidMembers(doc, [...members]), edge: `join:${container.id}:ns:pid` };
  }
  return { doc, refused: 'canvas.refuse.needsContainer' };
}

/**
 * Records who joins the PID namespace. Everyone → `shareProcessNamespace: true`. Some → kept on the canvas only, where
 * the rules report it; the spec is never widened or narrowed behind the user's back.
 */
export function setPidMembers(doc: CanvasDocument, members: string[]): CanvasDocument {
  const all = containerNames(doc.pod);
  const everyone = all.length > 0 && all.every((n) => members.includes(n));
  if (everyone) return { ...doc, pod: withSpec(doc.pod, { shareProcessNamespace: true }), pidJoins: null };
  return { ...doc, pod: withSpec(doc.pod, { shareProcessNamespace: undefined }), pidJoins: members };
}

export function removeEdge(doc: CanvasDocument, edgeId: string): CanvasDocument {
  const mount = /^mount:(.+):(\d+)$/.exec(edgeId);
  if (mount) {
    const node = buildGraph(doc).byId.get(mount[1]!);
    if (node?.kind !== 'container') return doc;
    const at = Number(mount[2]);
    return updateContainer(doc, node.list, node.index, (c) => {
      const volumeMounts = (c.volumeMounts ?? []).filter((_, i) => i !== at);
      const out: Container = { ...c, volumeMounts };
      if (volumeMounts.length === 0) delete out.volumeMounts;
      return out;
    });
  }
  const join = /^join:(.+):ns:pid$/.exec(edgeId);
  if (join) {
    const node = buildGraph(doc).byId.get(join[1]!);
    if (node?.kind !== 'container') return doc;
    return setPidMembers(
      doc,
      pidMembers(doc).filter((n) => n !== node.name),
    );
  }
  // Joins to Pod-wide namespaces cannot be removed one by one: that is what a Pod is.
  return doc;
}

export function removeNode(doc: CanvasDocument, id: string): CanvasDocument {
  const node = buildGraph(doc).byId.get(id);
  if (!node) return doc;
  const layout = { ...doc.layout };
  delete layout[id];
  if (node.kind === 'container') {
    const containers = containersOf(doc.pod, node.list).filter((_, i) => i !== node.index);
    const pidJoins = doc.pidJoins?.filter((n) => n !== node.name) ?? null;
    return { pod: setContainers(doc.pod, node.list, containers), layout, pidJoins };
  }
  if (node.kind === 'volume') {
    // The mounts go with the volume: the user deleted the thing they mount, not only the box.
    const volumes = volumesOf(doc.pod).filter((_, i) => i !== node.index);
    const pod = mapMounts(setVolumes(doc.pod, volumes), (m) => (m.name === node.name ? undefined : m));
    return { ...doc, pod, layout };
  }
  if (node.namespace === 'shared') return doc;
  if (node.namespace === 'pid') {
    return { pod: withSpec(doc.pod, { shareProcessNamespace: undefined }), layout, pidJoins: null };
  }
  return { ...doc, pod: withSpec(doc.pod, { [node.namespace]: undefined }), layout };
}

export function removeSelection(doc: CanvasDocument, ids: readonly string[]): CanvasDocument {
  // Edges first (their ids hold container indexes), then nodes from the last index down so indexes stay valid.
  let next = doc;
  const edges = ids.filter((id) => id.startsWith('mount:') || id.startsWith('join:'));
  for (const id of [...edges].sort().reverse()) next = removeEdge(next, id);
  const graph = buildGraph(next);
  const nodes = ids
    .map((id) => graph.byId.get(id))
    .filter((n): n is GraphNode => n !== undefined)
    .sort((a, b) => ('index' in b ? b.index : 0) - ('index' in a ? a.index : 0));
  for (const node of nodes) next = removeNode(next, node.id);
  return next;
}

export function moveNodes(doc: CanvasDocument, positions: Record<string, Point>): CanvasDocument {
  return { ...doc, layout: { ...doc.layout, ...positions } };
}

/** Drops positions of nodes that no longer exist, so a saved layout holds only what the canvas shows. */
export function pruneLayout(doc: CanvasDocument, graph: Graph = buildGraph(doc)): Record<string, Point> {
  const out: Record<string, Point> = {};
  for (const node of graph.nodes) out[node.id] = node.position;
  return out;
}

export { hostNamespaces };
