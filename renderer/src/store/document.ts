// The design document store: the single source of truth for the canvas, inspector and YAML, with undo and redo.
import { create } from 'zustand';
import { temporal } from 'zundo';
import { useStore } from 'zustand';
import type { Diagnostic } from '../../../shared/rules';
import { validatePod } from '../../../shared/rules';
import {
  buildGraph,
  emptyDocument,
  nodeForPath,
  type CanvasDocument,
  type Graph,
  type Point,
} from '../../../shared/canvas';

export interface DocumentState {
  doc: CanvasDocument;
  /** Selected node and edge ids. Not part of the history: undo restores designs, not clicks. */
  selection: string[];
  /** Positions of nodes being dragged right now; committed to the layout (one undo step) when the drag ends. */
  dragging: Record<string, Point>;
  fileName: string | null;
  /** The document as last saved or opened, for the unsaved-changes guard. */
  saved: CanvasDocument;
  /** Where the most recent change came from; the YAML panel ignores its own echoes. */
  origin: 'canvas' | 'yaml' | 'load';
  /** Counts loads (New, Open, example, restore), so the canvas can fit the view to a new design. */
  loads: number;
  change: (
    recipe: (doc: CanvasDocument) => CanvasDocument,
    options?: { group?: string; origin?: 'canvas' | 'yaml' },
  ) => void;
  load: (doc: CanvasDocument, fileName: string | null) => void;
  markSaved: (fileName: string | null) => void;
  select: (ids: string[]) => void;
  drag: (positions: Record<string, Point>) => void;
  endDrag: () => void;
}

/** Changes with the same group key within this window become one undo step (typing in a field, say). */
const groupWindowMs = 1000;
let lastGroup: string | undefined;
let lastGroupAt = 0;

const initialDocument = emptyDocument();

export const useDocument = create<DocumentState>()(
  temporal(
    (set, get) => ({
      doc: initialDocument,
      selection: [],
      dragging: {},
      fileName: null,
      saved: initialDocument,
      origin: 'load',
      loads: 0,
      change: (recipe, options = {}) => {
        const before = get().doc;
        const after = recipe(before);
        if (after === before) return;
        const now = Date.now();
        const grouped = options.group !== undefined && options.group === lastGroup && now - lastGroupAt < groupWindowMs;
        lastGroup = options.group;
        lastGroupAt = now;
        const history = useDocument.temporal.getState();
        if (grouped) history.pause();
        set({ doc: after, origin: options.origin ?? 'canvas' });
        if (grouped) history.resume();
      },
      load: (doc, fileName) => {
        set({ doc, fileName, saved: doc, selection: [], dragging: {}, origin: 'load', loads: get().loads + 1 });
        lastGroup = undefined;
        useDocument.temporal.getState().clear();
      },
      markSaved: (fileName) => set({ saved: get().doc, fileName }),
      select: (ids) => {
        const current = get().selection;
        if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
        set({ selection: ids });
      },
      drag: (positions) => set({ dragging: { ...get().dragging, ...positions } }),
      endDrag: () => {
        const dragging = get().dragging;
        if (Object.keys(dragging).length === 0) return;
        lastGroup = undefined;
        set({ doc: { ...get().doc, layout: { ...get().doc.layout, ...dragging } }, dragging: {}, origin: 'canvas' });
      },
    }),
    {
      partialize: (state) => ({ doc: state.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: 200,
    },
  ),
);

/** Undo and redo keep the YAML panel in step: it must treat a restored document as coming from outside. */
export function undo(): void {
  lastGroup = undefined;
  useDocument.temporal.getState().undo();
  useDocument.setState({ origin: 'canvas', dragging: {} });
}

export function redo(): void {
  lastGroup = undefined;
  useDocument.temporal.getState().redo();
  useDocument.setState({ origin: 'canvas', dragging: {} });
}

export function useHistory(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(useDocument.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDocument.temporal, (s) => s.futureStates.length > 0);
  return { canUndo, canRedo };
}

// Derived data is memoised on the objects it comes from: recomputed when the document changes, never stored.
let graphFor: CanvasDocument | undefined;
let graphMemo: Graph | undefined;
export function graphOf(doc: CanvasDocument): Graph {
  if (doc !== graphFor || !graphMemo) {
    // Sharing with the last graph keeps unchanged nodes and edges (and an unchanged graph) the same objects.
    graphMemo = buildGraph(doc, graphMemo);
    graphFor = doc;
  }
  return graphMemo;
}

export interface Diagnostics {
  all: Diagnostic[];
  /** By node id ('pod' for the Pod itself). */
  byNode: Map<string, Diagnostic[]>;
  /** Kubernetes paths of ports involved in a clash, e.g. `spec.containers[0].ports[1]`. */
  clashingPorts: Set<string>;
}

let diagnosticsPod: unknown;
let diagnosticsJoins: unknown;
let diagnosticsGraph: Graph | undefined;
let diagnosticsMemo: Diagnostics | undefined;
const portCodes = new Set(['POD_PORT_CLASH', 'HOST_PORT_DUPLICATE']);

/**
 * The document's diagnostics, memoised on the document, and shared with the last answer wherever it is unchanged:
 * an equal diagnostic is the same object, an unchanged list (all, or one node's) is the same array, and an unchanged
 * answer is the same object. Views select by identity, so a keystroke that changes one container's problems redraws
 * that container's badge and the Problems count, not every node.
 */
export function diagnosticsOf(doc: CanvasDocument): Diagnostics {
  const graph = graphOf(doc);
  const previous = diagnosticsMemo;
  if (previous && diagnosticsPod === doc.pod && diagnosticsJoins === doc.pidJoins && diagnosticsGraph === graph) {
    return previous;
  }
  let all: Diagnostic[];
  let clashingPorts: Set<string>;
  if (previous && diagnosticsPod === doc.pod && diagnosticsJoins === doc.pidJoins) {
    ({ all, clashingPorts } = previous);
  } else {
    const options = doc.pidJoins && doc.pidJoins.length > 0 ? { namespaces: { pid: doc.pidJoins } } : {};
    all = shareDiagnostics(previous?.all, validatePod(doc.pod, options));
    clashingPorts = new Set<string>();
    for (const d of all) {
      if (!portCodes.has(d.code)) continue;
      for (const path of [d.path, ...d.related]) {
        const m = /^spec\.\w+\[\d+\]\.ports\[\d+\]/.exec(path);
        if (m) clashingPorts.add(m[0]);
      }
    }
    if (previous && sameSet(previous.clashingPorts, clashingPorts)) clashingPorts = previous.clashingPorts;
  }
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of all) {
    const id = nodeForPath(graph, d.path);
    const list = byNode.get(id);
    if (list) list.push(d);
    else byNode.set(id, [d]);
  }
  let nodesSame = previous !== undefined && previous.byNode.size === byNode.size;
  for (const [id, list] of byNode) {
    const old = previous?.byNode.get(id);
    if (old && sameList(old, list)) byNode.set(id, old);
    else nodesSame = false;
  }
  const next = { all, byNode: nodesSame ? previous!.byNode : byNode, clashingPorts };
  diagnosticsMemo =
    previous && next.all === previous.all && next.byNode === previous.byNode && clashingPorts === previous.clashingPorts
      ? previous
      : next;
  diagnosticsPod = doc.pod;
  diagnosticsJoins = doc.pidJoins;
  diagnosticsGraph = graph;
  return diagnosticsMemo;
}

/** `fresh` with every diagnostic equal to one in `previous` replaced by it; `previous` itself when all are. */
function shareDiagnostics(previous: Diagnostic[] | undefined, fresh: Diagnostic[]): Diagnostic[] {
  if (!previous || previous.length === 0) return fresh.length === 0 && previous ? previous : fresh;
  const byKey = new Map<string, Diagnostic[]>();
  for (const d of previous) {
    const key = diagnosticKey(d);
    const list = byKey.get(key);
    if (list) list.push(d);
    else byKey.set(key, [d]);
  }
  const shared = fresh.map((d) => {
    const candidates = byKey.get(diagnosticKey(d));
    const index = candidates?.findIndex((old) => sameDiagnostic(old, d)) ?? -1;
    return index >= 0 ? candidates!.splice(index, 1)[0]! : d;
  });
  return sameList(previous, shared) ? previous : shared;
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.path}\u0000${d.message}`;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.severity === b.severity &&
    a.category === b.category &&
    a.path === b.path &&
    a.message === b.message &&
    a.explanation === b.explanation &&
    sameList(a.related, b.related) &&
    // Fixes are small data (JSON patches); their text is their identity.
    JSON.stringify(a.fixes) === JSON.stringify(b.fixes)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

export function useGraph(): Graph {
  return useDocument((s) => graphOf(s.doc));
}

export function useDiagnostics(): Diagnostics {
  return useDocument((s) => diagnosticsOf(s.doc));
}

export function isDirty(state: DocumentState): boolean {
  return state.doc.pod !== state.saved.pod || state.doc.pidJoins !== state.saved.pidJoins;
}
