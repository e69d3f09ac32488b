// The design document store: the single source of truth for the canvas, inspector and YAML, with undo and redo.
import { create } from 'zustand';
import { temporal } from 'zundo';
import { useStore } from 'zustand';
import type { Diagnostic } from '../../../shared/rules';
import { validatePod } from '../../../shared/rules';
import type { KubeObject } from '../../../shared/manifest';
import {
  buildGraph,
  crossPodDiagnostics,
  isServiceNodeId,
  moveServicesTo,
  emptyDocument,
  makeRoomRightOf,
  newPodBeside,
  nodeForPath,
  singlePodDesign,
  type CanvasDocument,
  type Design,
  type Graph,
  type Point,
} from '../../../shared/design';

export interface DocumentState {
  /** The active Pod of the design: what the inspector, Problems, YAML panel and Run work on. */
  doc: CanvasDocument;
  /** The design's other Pods, in file order, without the active one. */
  others: CanvasDocument[];
  /** The active Pod's place in the design's order: `doc` sits between `others[active - 1]` and `others[active]`. */
  active: number;
  /** The file's objects that are not Pods (ConfigMaps, Secrets, Services...), kept to be written back. */
  companions: KubeObject[];
  /** Selected node and edge ids. Not part of the history: undo restores designs, not clicks. */
  selection: string[];
  /** Positions of nodes being dragged right now; committed to the layout (one undo step) when the drag ends. */
  dragging: Record<string, Point>;
  fileName: string | null;
  /** The design's Pods as last saved or opened, in file order, for the unsaved-changes guard. */
  saved: CanvasDocument[];
  /** The design's other objects as last saved or opened (Services are edited on the canvas too). */
  savedCompanions: KubeObject[];
  /** Where the most recent change came from; the YAML panel ignores its own echoes. */
  origin: 'canvas' | 'yaml' | 'load';
  /** Counts loads (New, Open, example, restore), so the canvas can fit the view to a new design. */
  loads: number;
  change: (
    recipe: (doc: CanvasDocument) => CanvasDocument,
    options?: { group?: string; origin?: 'canvas' | 'yaml' },
  ) => void;
  /**
   * A change to the design beyond the active Pod: its other objects (a Service) and, with them, the Pods (a connection
   * that labels the Pod a Service selects). One undo step, grouped like `change`.
   */
  changeDesign: (recipe: (design: DesignEdit) => DesignEdit, options?: { group?: string }) => void;
  load: (doc: CanvasDocument, fileName: string | null) => void;
  /** Opens a design of one or more Pods; the first becomes active. */
  loadDesign: (design: Design, fileName: string | null) => void;
  /** Makes the Pod at `index` (design order) the active one. Not an undo step: undo brings back the Pod it changes. */
  activate: (index: number) => void;
  /** Adds an empty Pod right of every group and makes it active (one undo step). */
  addPod: () => void;
  /** Deletes the Pod at `index` (default: the active one), one undo step; the last Pod is never deleted. */
  deletePod: (index?: number) => void;
  markSaved: (fileName: string | null) => void;
  select: (ids: string[]) => void;
  drag: (positions: Record<string, Point>) => void;
  endDrag: () => void;
}

/** What changeDesign edits: the active Pod, the others, and the design's other objects. */
export interface DesignEdit {
  doc: CanvasDocument;
  others: CanvasDocument[];
  companions: KubeObject[];
}

/** Changes with the same group key within this window become one undo step (typing in a field, say). */
const groupWindowMs = 1000;
let lastGroup: string | undefined;
let lastGroupAt = 0;

/**
 * Makes `apply` a new undo step, or part of the last one when it has the same group key within the window (typing in
 * one field is one step).
 */
function inUndoStep(group: string | undefined, apply: () => void): void {
  const now = Date.now();
  const grouped = group !== undefined && group === lastGroup && now - lastGroupAt < groupWindowMs;
  lastGroup = group;
  lastGroupAt = now;
  const history = useDocument.temporal.getState();
  if (grouped) history.pause();
  apply();
  if (grouped) history.resume();
}

const initialDocument = emptyDocument();
/** One empty list for both, so a new design is not "changed" by two different empty arrays. */
const noCompanions: KubeObject[] = [];

export const useDocument = create<DocumentState>()(
  temporal(
    (set, get) => ({
      doc: initialDocument,
      others: [],
      active: 0,
      companions: noCompanions,
      selection: [],
      dragging: {},
      fileName: null,
      saved: [initialDocument],
      savedCompanions: noCompanions,
      origin: 'load',
      loads: 0,
      change: (recipe, options = {}) => {
        const before = get().doc;
        const after = recipe(before);
        if (after === before) return;
        inUndoStep(options.group, () =>
          set({ doc: after, others: othersMadeRoom(get(), before, after), origin: options.origin ?? 'canvas' }),
        );
      },
      changeDesign: (recipe, options = {}) => {
        const state = get();
        const before: DesignEdit = { doc: state.doc, others: state.others, companions: state.companions };
        const after = recipe(before);
        if (after.doc === before.doc && after.others === before.others && after.companions === before.companions)
          return;
        inUndoStep(options.group, () =>
          set({ doc: after.doc, others: after.others, companions: after.companions, origin: 'canvas' }),
        );
      },
      load: (doc, fileName) => get().loadDesign(singlePodDesign(doc), fileName),
      loadDesign: (design, fileName) => {
        const [doc = emptyDocument(), ...others] = design.pods;
        set({
          doc,
          others,
          active: 0,
          companions: design.companions,
          fileName,
          saved: [doc, ...others],
          savedCompanions: design.companions,
          selection: [],
          dragging: {},
          origin: 'load',
          loads: get().loads + 1,
        });
        lastGroup = undefined;
        useDocument.temporal.getState().clear();
      },
      activate: (index) => {
        const state = get();
        if (index === state.active || index < 0 || index > state.others.length) return;
        const pods = podsOf(state);
        lastGroup = undefined;
        const history = useDocument.temporal.getState();
        history.pause();
        set({
          doc: pods[index]!,
          others: pods.filter((_, i) => i !== index),
          active: index,
          selection: [],
          dragging: {},
          origin: 'load',
        });
        history.resume();
      },
      addPod: () => {
        const pods = podsOf(get());
        lastGroup = undefined;
        set({
          doc: newPodBeside(pods),
          others: pods,
          active: pods.length,
          selection: [],
          dragging: {},
          origin: 'load',
        });
      },
      deletePod: (index = get().active) => {
        const pods = podsOf(get());
        if (pods.length <= 1 || index < 0 || index >= pods.length) return;
        const rest = pods.filter((_, i) => i !== index);
        const active = Math.min(index, rest.length - 1);
        lastGroup = undefined;
        set({
          doc: rest[active]!,
          others: rest.filter((_, i) => i !== active),
          active,
          selection: [],
          dragging: {},
          origin: 'load',
        });
      },
      markSaved: (fileName) => set({ saved: podsOf(get()), savedCompanions: get().companions, fileName }),
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
        // Service nodes belong to the design, not the Pod: their places ride on the Services (one undo step with the rest).
        const pod: Record<string, Point> = {};
        const services: Record<string, Point> = {};
        for (const [id, at] of Object.entries(dragging)) (isServiceNodeId(id) ? services : pod)[id] = at;
        const doc = Object.keys(pod).length > 0 ? { ...get().doc, layout: { ...get().doc.layout, ...pod } } : get().doc;
        const companions = moveServicesTo(get().companions, services);
        set({ doc, companions, dragging: {}, origin: 'canvas' });
      },
    }),
    {
      // The other Pods and which one is active belong to the history too: undo restores the whole design, and shows
      // the Pod whose change it undoes.
      partialize: (state) => ({
        doc: state.doc,
        others: state.others,
        active: state.active,
        companions: state.companions,
      }),
      equality: (a, b) =>
        a.doc === b.doc && a.others === b.others && a.active === b.active && a.companions === b.companions,
      limit: 200,
    },
  ),
);

/**
 * Undo and redo keep the YAML panel in step: it must treat a restored document as coming from outside, and a restored
 * design whose active Pod changed as a new text (and the selection, made in the other Pod, is dropped).
 */
export function undo(): void {
  restore(() => useDocument.temporal.getState().undo());
}

export function redo(): void {
  restore(() => useDocument.temporal.getState().redo());
}

function restore(step: () => void): void {
  lastGroup = undefined;
  const before = useDocument.getState();
  step();
  const after = useDocument.getState();
  const otherPod = after.active !== before.active || after.others.length !== before.others.length;
  useDocument.setState(otherPod ? { origin: 'load', dragging: {}, selection: [] } : { origin: 'canvas', dragging: {} });
}

/**
 * The other Pods after an edit of the active one from `before` to `after`: when its group grew into groups to its right
 * (an added container, Auto layout), those move over, in the same undo step, so an edit never leaves one group over
 * another. A drag is the user's own placement and is left alone (endDrag).
 */
function othersMadeRoom(state: DocumentState, before: CanvasDocument, after: CanvasDocument): CanvasDocument[] {
  if (state.others.length === 0) return state.others;
  const was = graphOf(before).bounds;
  const now = graphOf(after).bounds;
  if (now === was || (now.x === was.x && now.y === was.y && now.width === was.width && now.height === was.height))
    return state.others;
  const pods = podsOf({ ...state, doc: after });
  const bounds = pods.map((doc, i) => (i === state.active ? now : podGraph(doc).bounds));
  const placed = makeRoomRightOf(pods, state.active, bounds);
  const others = placed.filter((_, i) => i !== state.active);
  return others.every((doc, i) => doc === state.others[i]) ? state.others : others;
}

/** The design's Pods in file order, the active one in its place. */
export function podsOf(state: Pick<DocumentState, 'doc' | 'others' | 'active'>): CanvasDocument[] {
  return [...state.others.slice(0, state.active), state.doc, ...state.others.slice(state.active)];
}

/** The whole design as it would be saved. */
export function designOf(state: DocumentState): Design {
  return { pods: podsOf(state), companions: state.companions };
}

/** The Pod at design index `index`; the active Pod for `undefined` (and for its own index). */
export function podAt(
  state: Pick<DocumentState, 'doc' | 'others' | 'active'>,
  index: number | undefined,
): CanvasDocument | undefined {
  if (index === undefined || index === state.active) return state.doc;
  return state.others[index < state.active ? index : index - 1];
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
let diagnosticsAcross: unknown;
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
  const across = acrossPodsOf(doc);
  const previous = diagnosticsMemo;
  const samePod = diagnosticsPod === doc.pod && diagnosticsJoins === doc.pidJoins && diagnosticsAcross === across;
  if (previous && samePod && diagnosticsGraph === graph) {
    return previous;
  }
  let all: Diagnostic[];
  let clashingPorts: Set<string>;
  if (previous && samePod) {
    ({ all, clashingPorts } = previous);
  } else {
    all = shareDiagnostics(previous?.all, podDiagnostics(doc, across));
    clashingPorts = clashingPortsOf(all);
    if (previous && sameSet(previous.clashingPorts, clashingPorts)) clashingPorts = previous.clashingPorts;
  }
  const byNode = byNodeOf(graph, all);
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
  diagnosticsAcross = across;
  diagnosticsGraph = graph;
  return diagnosticsMemo;
}

/** One Pod's rule diagnostics and its clashes with the Pods before it, errors first. */
function podDiagnostics(doc: CanvasDocument, across: readonly Diagnostic[]): Diagnostic[] {
  const options = doc.pidJoins && doc.pidJoins.length > 0 ? { namespaces: { pid: doc.pidJoins } } : {};
  const own = validatePod(doc.pod, options);
  if (across.length === 0) return own;
  const rank = { error: 0, warning: 1, info: 2 };
  return [...own, ...across].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function clashingPortsOf(all: readonly Diagnostic[]): Set<string> {
  const clashingPorts = new Set<string>();
  for (const d of all) {
    if (!portCodes.has(d.code)) continue;
    for (const path of [d.path, ...d.related]) {
      const m = /^spec\.\w+\[\d+\]\.ports\[\d+\]/.exec(path);
      if (m) clashingPorts.add(m[0]);
    }
  }
  return clashingPorts;
}

function byNodeOf(graph: Graph, all: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of all) {
    const id = nodeForPath(graph, d.path);
    const list = byNode.get(id);
    if (list) list.push(d);
    else byNode.set(id, [d]);
  }
  return byNode;
}

// ---- across the Pods of a design ----

const noDiagnostics: Diagnostic[] = [];
let acrossPods: readonly unknown[] = [];
let acrossMemo: Diagnostic[][] = [];

/** The clashes across Pods for each Pod of the design, by design index; recomputed only when a Pod's spec changed. */
function acrossPodsByIndex(state: Pick<DocumentState, 'doc' | 'others' | 'active'>): Diagnostic[][] {
  const pods = podsOf(state).map((d) => d.pod);
  if (pods.length !== acrossPods.length || pods.some((p, i) => p !== acrossPods[i])) {
    acrossPods = pods;
    acrossMemo = pods.length < 2 ? [] : crossPodDiagnostics(pods).map((l) => (l.length === 0 ? noDiagnostics : l));
  }
  return acrossMemo;
}

/**
 * The cross-Pod diagnostics of `doc` when it is the store's active Pod (a host port another Pod of the design already
 * publishes, a name another Pod has), else none. Read from the store so every caller of diagnosticsOf(doc) sees them without passing the
 * design: selectors and subscribers are called with the store's current state.
 */
function acrossPodsOf(doc: CanvasDocument): Diagnostic[] {
  const state = useDocument.getState();
  if (state.others.length === 0 || state.doc !== doc) return noDiagnostics;
  return acrossPodsByIndex(state)[state.active] ?? noDiagnostics;
}

// ---- the Pods that are not active: drawn beside the active one, read-only until activated ----

const inactiveGraphs = new WeakMap<CanvasDocument, Graph>();

/** The graph of a Pod that is not active (memoised per Pod, apart from the active Pod's shared graph). */
export function podGraph(doc: CanvasDocument): Graph {
  let graph = inactiveGraphs.get(doc);
  if (!graph) inactiveGraphs.set(doc, (graph = buildGraph(doc)));
  return graph;
}

/** The graph of the Pod at design index `index` (the active Pod's for `undefined`); undefined for a Pod now gone. */
export function graphAt(state: DocumentState, index: number | undefined): Graph | undefined {
  const doc = podAt(state, index);
  if (!doc) return undefined;
  return doc === state.doc ? graphOf(doc) : podGraph(doc);
}

const inactiveDiagnostics = new WeakMap<CanvasDocument, { across: Diagnostic[]; value: Diagnostics }>();

/** The diagnostics of the Pod at design index `index`: the active Pod's own (diagnosticsOf) or a memoised answer. */
export function podDiagnosticsAt(state: DocumentState, index: number | undefined): Diagnostics {
  const doc = podAt(state, index);
  if (!doc || doc === state.doc) return diagnosticsOf(state.doc);
  const across = acrossPodsByIndex(state)[index!] ?? noDiagnostics;
  const cached = inactiveDiagnostics.get(doc);
  if (cached && cached.across === across) return cached.value;
  const all = podDiagnostics(doc, across);
  const value = { all, byNode: byNodeOf(podGraph(doc), all), clashingPorts: clashingPortsOf(all) };
  inactiveDiagnostics.set(doc, { across, value });
  return value;
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
  const { saved } = state;
  if (saved.length !== state.others.length + 1 || state.companions !== state.savedCompanions) return true;
  return saved.some((was, i) => {
    const now = podAt(state, i)!;
    return now.pod !== was.pod || now.pidJoins !== was.pidJoins || now.workload !== was.workload;
  });
}

/**
 * Puts Pods of the design in place of others outside the history and the unsaved-changes guard: a layout the app made
 * on open, not the user (a Pod that was saved stays saved).
 */
export function replacePodsQuietly(replacements: ReadonlyMap<CanvasDocument, CanvasDocument>): void {
  const state = useDocument.getState();
  const swap = (doc: CanvasDocument): CanvasDocument => replacements.get(doc) ?? doc;
  const history = useDocument.temporal.getState();
  history.pause();
  useDocument.setState({
    doc: swap(state.doc),
    others: state.others.some((d) => replacements.has(d)) ? state.others.map(swap) : state.others,
    saved: state.saved.map(swap),
    origin: 'load',
  });
  history.resume();
}
