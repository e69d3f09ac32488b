// What one undo step did, in a few words ("move api", "rename api to web"), for the status Undo and Redo show. The
// label is read from the two designs the step lies between, not stored with it: every edit (canvas, inspector, YAML,
// palette, paste, fixes) gets one without each having to name itself, and a grouped step (typing in a field) is named
// by all it did.
import type { KubeObject } from '../../../shared/manifest';
import type { CanvasDocument } from '../../../shared/design';

/** The part of the document store the history keeps (see the store's `partialize`). */
export interface HistorySlice {
  doc: CanvasDocument;
  others: CanvasDocument[];
  active: number;
  companions: KubeObject[];
  typed: { text: string } | undefined;
}

/** An i18n key under `editing.history.step` and its values. */
export interface StepLabel {
  key: string;
  args?: Record<string, string | number>;
}

interface Named {
  name?: unknown;
}

/** The Pod's containers, init containers and ephemeral containers, and its volumes, by name. */
function containersOf(doc: CanvasDocument): Named[] {
  const spec = (doc.pod.spec ?? {}) as Record<string, unknown>;
  const lists = ['initContainers', 'containers', 'ephemeralContainers'].map((k) => spec[k]);
  return lists.flatMap((l) => (Array.isArray(l) ? (l as Named[]) : []));
}

function volumesOf(doc: CanvasDocument): Named[] {
  const volumes = (doc.pod.spec as Record<string, unknown> | undefined)?.volumes;
  return Array.isArray(volumes) ? (volumes as Named[]) : [];
}

function nameOf(item: Named | undefined): string {
  return typeof item?.name === 'string' ? item.name : '';
}

function podName(doc: CanvasDocument): string {
  const name = doc.pod.metadata?.name;
  return typeof name === 'string' ? name : '';
}

/** What changed in a named list (containers or volumes): added, deleted, renamed or changed, or nothing. */
function listChange(before: Named[], after: Named[]): StepLabel | undefined {
  if (before === after) return undefined;
  const names = (list: Named[]) => new Set(list.map(nameOf));
  const had = names(before);
  const has = names(after);
  const added = after.filter((c) => !had.has(nameOf(c)));
  const gone = before.filter((c) => !has.has(nameOf(c)));
  if (after.length > before.length && added.length > 0) return { key: 'add', args: { name: nameOf(added[0]) } };
  if (after.length < before.length && gone.length > 0) return { key: 'delete', args: { name: nameOf(gone[0]) } };
  if (added.length === 1 && gone.length === 1)
    return { key: 'rename', args: { from: nameOf(gone[0]), to: nameOf(added[0]) } };
  const changed = after.find((c, i) => c !== before[i]);
  if (!changed) return undefined;
  const was = before.find((c) => nameOf(c) === nameOf(changed));
  const fields = was ? changedFields(was, changed) : [];
  return fields.length === 1
    ? { key: 'changeField', args: { name: nameOf(changed), field: fields[0]! } }
    : { key: 'change', args: { name: nameOf(changed) } };
}

function changedFields(a: object, b: object): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}

/** The node a layout id names ("container:api" → "api"), as the user sees it on the canvas. */
function nodeName(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function layoutChange(before: CanvasDocument, after: CanvasDocument): StepLabel | undefined {
  if (before.layout === after.layout) return undefined;
  const ids = new Set([...Object.keys(before.layout), ...Object.keys(after.layout)]);
  const moved = [...ids].filter((id) => {
    const a = before.layout[id];
    const b = after.layout[id];
    return a?.x !== b?.x || a?.y !== b?.y;
  });
  if (moved.length === 0) return undefined;
  return moved.length === 1
    ? { key: 'move', args: { name: nodeName(moved[0]!) } }
    : { key: 'moveMany', args: { count: moved.length } };
}

/** What the step from `before` to `after` did; `design` when it is none of the kinds named here. */
export function stepLabel(before: HistorySlice, after: HistorySlice): StepLabel {
  const pods = before.others.length + 1;
  const podsAfter = after.others.length + 1;
  if (podsAfter > pods) return { key: 'addPod', args: { name: podName(after.doc) } };
  if (podsAfter < pods) return { key: 'deletePod', args: { name: podName(before.doc) } };
  // Typed in the YAML panel: the text is what the user changed, whatever it did to the Pod.
  if (before.typed !== after.typed && after.typed !== undefined && before.typed?.text !== after.typed.text)
    return { key: 'yaml' };
  if (before.typed !== after.typed && after.typed === undefined && before.typed !== undefined) return { key: 'yaml' };
  const a = before.doc;
  const b = after.doc;
  if (a.pod !== b.pod) {
    const containers = listChange(containersOf(a), containersOf(b));
    if (containers) return containers;
    const volumes = listChange(volumesOf(a), volumesOf(b));
    if (volumes) return volumes;
    if (podName(a) !== podName(b)) return { key: 'renamePod', args: { name: podName(b) } };
    return { key: 'changePod' };
  }
  const moved = layoutChange(a, b);
  if (moved) return moved;
  if (a.workload !== b.workload) return { key: 'changePod' };
  if (before.companions !== after.companions) return { key: 'services' };
  return { key: 'design' };
}
