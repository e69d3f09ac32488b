// A design: every Pod of one project file, each its own canvas document drawn as its own group, and the file's other
// objects (ConfigMaps, Secrets, Services...) kept as they are so opening and saving loses nothing.
// Opening and writing its file (design-file.ts) is apart: it reads YAML, which the app loads after its first screen.
import type { KubeObject } from '../manifest/read';
import type { Pod } from '../model/pod';
import { isRecord } from '../model/record';
import { containersOf, emptyDocument, uniqueName, type CanvasDocument, type Point } from './document';
import { buildGraph, type Graph } from './graph';
import { moveNodes } from './edit';
import { hasNoPositions } from './layout';

export interface Design {
  /** The Pods in file order; never empty. */
  pods: CanvasDocument[];
  /** The file's objects that are not Pods, in file order, written back after the Pods exactly as read. */
  companions: KubeObject[];
}

/** Space between two Pod groups placed side by side. */
export const podGap = 120;

export function singlePodDesign(doc: CanvasDocument = emptyDocument()): Design {
  return { pods: [doc], companions: [] };
}

export function podNames(pods: readonly CanvasDocument[]): string[] {
  return pods.map((d) => (typeof d.pod.metadata?.name === 'string' ? d.pod.metadata.name : ''));
}

/** The box a Pod's group takes on the canvas. */
export function groupBounds(doc: CanvasDocument, graph: Graph = buildGraph(doc)): Graph['bounds'] {
  return graph.bounds;
}

/** `doc` with every node (including those still at their fallback place) moved by `by`. */
export function shiftDocument(doc: CanvasDocument, by: Point, graph: Graph = buildGraph(doc)): CanvasDocument {
  if (by.x === 0 && by.y === 0) return doc;
  const positions: Record<string, Point> = {};
  for (const node of graph.nodes) positions[node.id] = { x: node.position.x + by.x, y: node.position.y + by.y };
  return moveNodes(doc, positions);
}

/**
 * Puts each Pod marked `place` to the right of every group already standing (the unmarked Pods, then the marked ones
 * before it), tops in line with the first Pod's group, so no two groups overlap. Unmarked Pods keep the positions the
 * user gave them; when every Pod is marked, the first stays where it is.
 */
export function placeSideBySide(pods: readonly CanvasDocument[], place: readonly boolean[]): CanvasDocument[] {
  const bounds = pods.map((doc) => groupBounds(doc));
  let right = -Infinity;
  bounds.forEach((b, i) => {
    if (!place[i]) right = Math.max(right, b.x + b.width);
  });
  const top = bounds[0]?.y ?? 0;
  return pods.map((doc, i) => {
    if (!place[i]) return doc;
    const b = bounds[i]!;
    const placed =
      right === -Infinity ? doc : shiftDocument(doc, { x: Math.round(right + podGap - b.x), y: Math.round(top - b.y) });
    right = Math.max(right, right === -Infinity ? b.x + b.width : right + podGap + b.width);
    return placed;
  });
}

/**
 * After Pod `index` grew (Auto layout), the groups right of it that it now overlaps move right, just past it (with the
 * gap), and so on down the row: an automatic layout never leaves one group over another. The others stay.
 */
export function makeRoomRightOf(
  pods: readonly CanvasDocument[],
  index: number,
  bounds: readonly Graph['bounds'][] = pods.map((doc) => groupBounds(doc)),
): CanvasDocument[] {
  const out = pods.slice();
  const boxes = bounds.slice();
  const anchor = boxes[index];
  if (!anchor) return out;
  const rightOf = boxes
    .map((_, i) => i)
    .filter((i) => i !== index && boxes[i]!.x >= anchor.x)
    .sort((a, b) => boxes[a]!.x - boxes[b]!.x);
  const standing = [index];
  for (const i of rightOf) {
    const box = boxes[i]!;
    let needed = -Infinity;
    for (const j of standing) {
      const other = boxes[j]!;
      const right = other.x + other.width;
      const sideBySide = other.y < box.y + box.height && box.y < other.y + other.height;
      if (sideBySide && box.x < right) needed = Math.max(needed, right + podGap);
    }
    if (needed > box.x) {
      out[i] = shiftDocument(out[i]!, { x: Math.round(needed - box.x), y: 0 });
      boxes[i] = { ...box, x: box.x + Math.round(needed - box.x) };
    }
    standing.push(i);
  }
  return out;
}

/** The Pods of a file that have no stored position at all, so the canvas should place them (see placeSideBySide). */
export function unplacedPods(pods: readonly CanvasDocument[]): boolean[] {
  return pods.map((doc) => hasNoPositions(doc.layout));
}

/** A new empty Pod with a name no other Pod of the design has, placed to the right of every group. */
export function newPodBeside(pods: readonly CanvasDocument[]): CanvasDocument {
  const fresh = emptyDocument();
  const name = uniqueName(fresh.pod.metadata.name ?? 'my-pod', podNames(pods));
  const doc = { ...fresh, pod: { ...fresh.pod, metadata: { ...fresh.pod.metadata, name } } };
  const placed = placeSideBySide([...pods, doc], [...pods.map(() => false), true]);
  return placed[placed.length - 1]!;
}

// ---- node ids of inactive Pods on the canvas ----
// The active Pod's nodes keep their own ids (`container:web`); every other Pod's nodes carry its design index as a
// prefix (`@2/container:web`), so the ids of several Pods never collide. No node id of a Pod starts with `@`.

export function podNodePrefix(index: number): string {
  return `@${index}/`;
}

/** The design index and the Pod's own node id behind a canvas id; `pod` is undefined for the active Pod's ids. */
export function splitPodNodeId(id: string): { pod: number | undefined; local: string } {
  if (!id.startsWith('@')) return { pod: undefined, local: id };
  const slash = id.indexOf('/');
  const pod = Number(id.slice(1, slash));
  return slash > 1 && Number.isInteger(pod) ? { pod, local: id.slice(slash + 1) } : { pod: undefined, local: id };
}

// ---- companions a Pod reads ----

/** The ConfigMap and Secret names a Pod reads: volumes (also projected), env and envFrom. */
export function referencedObjects(pod: Pod): { configMaps: Set<string>; secrets: Set<string> } {
  const configMaps = new Set<string>();
  const secrets = new Set<string>();
  const name = (value: unknown, key = 'name'): string | undefined =>
    isRecord(value) && typeof value[key] === 'string' ? (value[key] as string) : undefined;
  const add = (set: Set<string>, value: string | undefined): void => void (value && set.add(value));
  for (const volume of Array.isArray(pod.spec?.volumes) ? pod.spec.volumes : []) {
    if (!isRecord(volume)) continue;
    add(configMaps, name(volume.configMap));
    add(secrets, name(volume.secret, 'secretName'));
    const sources =
      isRecord(volume.projected) && Array.isArray(volume.projected.sources) ? volume.projected.sources : [];
    for (const source of sources) {
      if (!isRecord(source)) continue;
      add(configMaps, name(source.configMap));
      add(secrets, name(source.secret));
    }
  }
  for (const list of ['initContainers', 'containers'] as const) {
    for (const container of containersOf(pod, list)) {
      for (const env of Array.isArray(container?.env) ? container.env : []) {
        const from = isRecord(env) && isRecord(env.valueFrom) ? env.valueFrom : undefined;
        add(configMaps, name(from?.configMapKeyRef));
        add(secrets, name(from?.secretKeyRef));
      }
      for (const source of Array.isArray(container?.envFrom) ? container.envFrom : []) {
        if (!isRecord(source)) continue;
        add(configMaps, name(source.configMapRef));
        add(secrets, name(source.secretRef));
      }
    }
  }
  return { configMaps, secrets };
}

/** The design's ConfigMaps and Secrets that `pod` reads, in file order: what a run of that Pod needs beside it. */
export function companionsOf(pod: Pod, companions: readonly KubeObject[]): KubeObject[] {
  const { configMaps, secrets } = referencedObjects(pod);
  return companions.filter((object) => {
    const objectName = isRecord(object.metadata) ? object.metadata.name : undefined;
    if (typeof objectName !== 'string') return false;
    return object.kind === 'ConfigMap'
      ? configMaps.has(objectName)
      : object.kind === 'Secret' && secrets.has(objectName);
  });
}
