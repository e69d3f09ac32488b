// What can be added to the Pod from the palette, by drag, click or command, and the one function that adds it.
import {
  addContainer,
  addNamespace,
  addVolume,
  containerPresets,
  nextPosition,
  nodeSize,
  volumeKinds,
  volumeTemplate,
  type HostNamespace,
  type Point,
  type VolumeKind,
} from '../../../shared/design';
import { graphOf, useDocument } from '../store/document';
import { addService } from '../workloads/flow';
import { placeInView } from './placement';

export type PaletteItem =
  | { type: 'container'; preset: string }
  | { type: 'volume'; kind: VolumeKind }
  | { type: 'namespace'; kind: 'pid' | HostNamespace }
  /** A Service of the design, beside the Pods (workloads/flow.ts). */
  | { type: 'service' };

export const dragMime = 'application/x-podwright-item';

export const paletteGroups: { title: string; items: PaletteItem[] }[] = [
  { title: 'palette.groupContainers', items: containerPresets.map((p) => ({ type: 'container', preset: p.id })) },
  { title: 'palette.groupVolumes', items: volumeKinds.map((kind) => ({ type: 'volume', kind })) },
  {
    title: 'palette.groupNamespaces',
    items: (['pid', 'hostNetwork', 'hostPID', 'hostIPC'] as const).map((kind) => ({ type: 'namespace', kind })),
  },
  { title: 'workloads.palette.group', items: [{ type: 'service' }] },
];

export function itemKey(item: PaletteItem): string {
  if (item.type === 'service') return 'workloads.palette.service';
  return item.type === 'container'
    ? `preset.${item.preset}`
    : item.type === 'volume'
      ? `volumeKind.${item.kind}`
      : `namespace.${item.kind}`;
}

export function parseItem(raw: string): PaletteItem | undefined {
  try {
    const value = JSON.parse(raw) as PaletteItem;
    for (const group of paletteGroups)
      if (group.items.some((i) => JSON.stringify(i) === JSON.stringify(value))) return value;
  } catch {
    // A drop from outside the app carries other data; it adds nothing.
  }
  return undefined;
}

/** Where the user dropped an item: the node's top-left, and the group node of the Pod it was dropped into. */
export interface Drop {
  at: Point;
  /** The React Flow id of the Pod's group as drawn at the drop (another Pod's group is prefixed); 'pod' when omitted. */
  group?: string;
}

/**
 * Adds the item where it was dropped (or beside its kind), selects it, and returns its node id. Either way it lands
 * clear of the nodes already drawn: a drop on top of another node (the Pod's shared-namespace node sits where a
 * newcomer drops the first containers) takes the nearest free place, so nothing is hidden under it.
 */
export function addItem(item: PaletteItem, drop?: Drop): string | undefined {
  if (item.type === 'service') return addService(drop?.at);
  const state = useDocument.getState();
  const graph = graphOf(state.doc);
  const place = (
    preferred: Point,
    size: { width: number; height: number },
    kind: 'container' | 'volume' | 'namespace',
  ) => placeInView(drop?.at ?? preferred, size, kind, drop?.group, drop !== undefined);
  let id: string | undefined;
  state.change((doc) => {
    if (item.type === 'container') {
      const preset = containerPresets.find((p) => p.id === item.preset);
      if (!preset) return doc;
      const at = place(
        nextPosition(graph, preset.list === 'initContainers' ? 'init' : 'container'),
        nodeSize.container,
        'container',
      );
      const r = addContainer(doc, preset.container, preset.list, at);
      id = r.id;
      return r.doc;
    }
    if (item.type === 'volume') {
      const at = place(nextPosition(graph, 'volume'), nodeSize.volume, 'volume');
      const r = addVolume(doc, volumeTemplate(item.kind), at);
      id = r.id;
      return r.doc;
    }
    const at = place(nextPosition(graph, 'namespace'), nodeSize.namespace, 'namespace');
    const r = addNamespace(doc, item.kind, at);
    id = r.id;
    return r.doc;
  });
  if (id) state.select([id]);
  return id;
}
