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
    graphMemo = buildGraph(doc);
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

export function diagnosticsOf(doc: CanvasDocument): Diagnostics {
  const graph = graphOf(doc);
  if (
    diagnosticsMemo &&
    diagnosticsPod === doc.pod &&
    diagnosticsJoins === doc.pidJoins &&
    diagnosticsGraph === graph
  ) {
    return diagnosticsMemo;
  }
  if (!(diagnosticsMemo && diagnosticsPod === doc.pod && diagnosticsJoins === doc.pidJoins)) {
    const options = doc.pidJoins && doc.pidJoins.length > 0 ? { namespaces: { pid: doc.pidJoins } } : {};
    const all = validatePod(doc.pod, options);
    const clashingPorts = new Set<string>();
    for (const d of all) {
      if (!portCodes.has(d.code)) continue;
      for (const path of [d.path, ...d.related]) {
        const m = /^spec\.\w+\[\d+\]\.ports\[\d+\]/.exec(path);
        if (m) clashingPorts.add(m[0]);
      }
    }
    diagnosticsMemo = { all, byNode: new Map(), clashingPorts };
  }
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of diagnosticsMemo.all) {
    const id = nodeForPath(graph, d.path);
    const list = byNode.get(id);
    if (list) list.push(d);
    else byNode.set(id, [d]);
  }
  diagnosticsMemo = { ...diagnosticsMemo, byNode };
  diagnosticsPod = doc.pod;
  diagnosticsJoins = doc.pidJoins;
  diagnosticsGraph = graph;
  return diagnosticsMemo;
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
