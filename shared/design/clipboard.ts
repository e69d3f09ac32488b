// Copy and paste of containers and volumes: the fragment a copy holds, its text form (a Pod manifest), and the paste.
import type { Container, Volume } from '../model/pod';
import {
  containerNames,
  containersOf,
  emptyPod,
  uniqueName,
  volumesOf,
  type CanvasDocument,
  type Point,
} from './document';
import { addContainer, addVolume } from './edit';
import { buildGraph, containerNodeId, volumeNodeId } from './graph';
import { readProject, writeProject } from './project';

/**
 * What a copy holds: a small canvas document with only the copied containers and volumes (mounts as written) and
 * their positions. Its text form is an ordinary Pod manifest, so it pastes into an editor or `kubectl apply` too.
 */
export type ClipboardFragment = CanvasDocument;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The selected containers and volumes as a fragment, in spec order; `undefined` when the selection holds neither. */
export function copyFragment(doc: CanvasDocument, ids: readonly string[]): ClipboardFragment | undefined {
  const graph = buildGraph(doc);
  const wanted = new Set(ids);
  const pod = emptyPod(typeof doc.pod.metadata?.name === 'string' ? doc.pod.metadata.name : undefined);
  const layout: Record<string, Point> = {};
  let copied = 0;
  for (const node of graph.nodes) {
    if (!wanted.has(node.id) || node.kind === 'namespace') continue;
    if (node.kind === 'container') {
      const container = containersOf(doc.pod, node.list)[node.index];
      if (!isRecord(container)) continue;
      const list = (pod.spec[node.list] ??= []);
      list.push(structuredClone(container));
      layout[containerNodeId(node.name)] = node.position;
    } else {
      const volume = volumesOf(doc.pod)[node.index];
      if (!isRecord(volume)) continue;
      (pod.spec.volumes ??= []).push(structuredClone(volume));
      layout[volumeNodeId(node.name)] = node.position;
    }
    copied++;
  }
  return copied === 0 ? undefined : { pod, layout, pidJoins: null };
}

/** The fragment as clipboard text: a Pod manifest with the positions in Podwright's layout annotation. */
export function fragmentText(fragment: ClipboardFragment): string {
  return writeProject(fragment);
}

/**
 * Reads clipboard text as a fragment: a copy from Podwright, or any Pod (or workload) manifest someone copied
 * elsewhere. `undefined` when the text holds no container or volume, so a paste of unrelated text changes nothing.
 */
export function readFragment(text: string): ClipboardFragment | undefined {
  if (text.trim() === '') return undefined;
  const read = readProject(text);
  if (!read.ok) return undefined;
  const { pod, layout } = read.doc;
  const items =
    containersOf(pod, 'initContainers').filter(isRecord).length +
    containersOf(pod, 'containers').filter(isRecord).length +
    volumesOf(pod).filter(isRecord).length;
  return items === 0 ? undefined : { pod, layout, pidJoins: null };
}

export interface PasteResult {
  doc: CanvasDocument;
  /** Node ids of the pasted containers and volumes, to select them. */
  ids: string[];
}

/**
 * Adds the fragment's containers and volumes to `doc`, `offset` away from where they were copied. Names that are taken
 * get a suffix (`web` → `web-2`); mounts follow their renamed volume. A mount of a volume the fragment did not carry
 * keeps pointing at the document's volume of that name (pasting into the same Pod), and is dropped when the document
 * has no such volume: a paste never creates a mount of a volume that does not exist.
 */
export function pasteFragment(doc: CanvasDocument, fragment: ClipboardFragment, offset: Point): PasteResult {
  const positions = buildGraph(fragment).byId;
  const at = (id: string): Point | undefined => {
    const p = positions.get(id)?.position;
    return p ? { x: Math.round(p.x + offset.x), y: Math.round(p.y + offset.y) } : undefined;
  };
  let next = doc;
  const ids: string[] = [];

  const renamedVolume = new Map<string, string>();
  for (const volume of volumesOf(fragment.pod)) {
    if (!isRecord(volume)) continue;
    const from = typeof volume.name === 'string' ? volume.name : '';
    const name = uniqueName(
      from || 'volume',
      volumesOf(next.pod).map((v) => v.name),
    );
    const r = addVolume(next, { ...(volume as Volume), name }, at(volumeNodeId(from)));
    renamedVolume.set(from, name);
    next = r.doc;
    ids.push(r.id);
  }

  const present = new Set(volumesOf(doc.pod).map((v) => v.name));
  for (const list of ['initContainers', 'containers'] as const) {
    for (const container of containersOf(fragment.pod, list)) {
      if (!isRecord(container)) continue;
      const from = typeof container.name === 'string' ? container.name : '';
      const name = uniqueName(from || 'container', containerNames(next.pod));
      const copy: Container = { ...(container as Container), name };
      if (Array.isArray(container.volumeMounts)) {
        const mounts = container.volumeMounts.flatMap((m) => {
          if (!isRecord(m)) return [];
          const renamed = renamedVolume.get(m.name);
          if (renamed !== undefined) return [{ ...m, name: renamed }];
          return present.has(m.name) ? [m] : [];
        });
        if (mounts.length > 0) copy.volumeMounts = mounts;
        else delete copy.volumeMounts;
      }
      const r = addContainer(next, copy, list, at(containerNodeId(from)));
      next = r.doc;
      ids.push(r.id);
    }
  }
  return { doc: next, ids };
}

/**
 * Duplicate: the selected containers and volumes copied and pasted `offset` aside in one step, exactly as copy and
 * paste would (fresh names, mounts following copied volumes), without going through a clipboard.
 */
export function duplicateSelection(doc: CanvasDocument, ids: readonly string[], offset: Point): PasteResult {
  const fragment = copyFragment(doc, ids);
  return fragment ? pasteFragment(doc, fragment, offset) : { doc, ids: [] };
}
