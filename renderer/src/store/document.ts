// The design document store: the single source of truth for the canvas, inspector and YAML, with undo and redo.
import { create } from 'zustand';
import { temporal } from 'zundo';
import { useStore } from 'zustand';
import type { KubeObject } from '../../../shared/manifest';
import type { Pod } from '../../../shared/model';
import {
  buildGraph,
  isServiceNodeId,
  servicesOf,
  moveServicesTo,
  emptyDocument,
  makeRoomRightOf,
  newPodBeside,
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
  /**
   * What the user typed in the YAML panel for the active Pod, and the Pod that text reads as (the last Pod that read
   * when the text does not). Part of the history, so undo and redo bring back the text with the design: the panel
   * shows exactly this text while `typed.pod` is `doc.pod`, and this text with later edits spliced in when not
   * (yaml/panel-text.ts). Undefined until the user types, and after a load: the panel then shows the written manifest.
   */
  typed: TypedText | undefined;
  /** The design's other objects as last saved or opened (Services are edited on the canvas too). */
  savedCompanions: KubeObject[];
  /** Counts loads (New, Open, example, restore), so the canvas can fit the view to a new design. */
  loads: number;
  change: (recipe: (doc: CanvasDocument) => CanvasDocument, options?: { group?: string }) => void;
  /**
   * The YAML panel's typing: `text` as typed, and the Pod it reads as (undefined when it does not read; the design
   * stays as it was). Typing with one `group` key is one undo step, like typing in a field.
   */
  typeText: (text: string, pod: Pod | undefined, group: string) => void;
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

export interface TypedText {
  text: string;
  pod: Pod;
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
      typed: undefined,
      savedCompanions: noCompanions,
      loads: 0,
      change: (recipe, options = {}) => {
        const before = get().doc;
        const after = recipe(before);
        if (after === before) return;
        const selection = liveSelection(get().selection, after, get().companions);
        inGroup(options.group, () => set({ doc: after, others: othersMadeRoom(get(), before, after), selection }));
      },
      typeText: (text, pod, group) => {
        const state = get();
        const before = state.doc;
        const after = pod === undefined || pod === before.pod ? before : { ...before, pod };
        if (after === before && state.typed?.text === text) return;
        const typed = { text, pod: after.pod };
        const moved = after === before ? {} : { doc: after, others: othersMadeRoom(state, before, after) };
        inGroup(group, () =>
          set({ ...moved, typed, selection: liveSelection(state.selection, after, state.companions) }),
        );
      },
      changeDesign: (recipe, options = {}) => {
        const state = get();
        const before: DesignEdit = { doc: state.doc, others: state.others, companions: state.companions };
        const after = recipe(before);
        if (after.doc === before.doc && after.others === before.others && after.companions === before.companions)
          return;
        const selection = liveSelection(state.selection, after.doc, after.companions);
        inGroup(options.group, () =>
          set({ doc: after.doc, others: after.others, companions: after.companions, selection }),
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
          typed: undefined,
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
          typed: undefined,
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
          typed: undefined,
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
          typed: undefined,
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
        set({ doc, companions, dragging: {} });
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
        typed: state.typed,
      }),
      equality: (a, b) =>
        a.doc === b.doc &&
        a.others === b.others &&
        a.active === b.active &&
        a.companions === b.companions &&
        a.typed === b.typed,
      limit: 200,
    },
  ),
);

/**
 * Runs `apply` as one undo step, or as part of the last one when it has the same group key and comes within the
 * group's window (typing in one field, or in the YAML panel).
 */
function inGroup(group: string | undefined, apply: () => void): void {
  const now = Date.now();
  const grouped = group !== undefined && group === lastGroup && now - lastGroupAt < groupWindowMs;
  lastGroup = group;
  lastGroupAt = now;
  const history = useDocument.temporal.getState();
  if (grouped) history.pause();
  apply();
  if (grouped) history.resume();
}

/** Edits typed but not yet read into the document (the YAML panel's pending keys): flushed before undo and redo. */
const pendingEdits = new Set<() => void>();

/** Registers `flush`, which puts pending typing into the document at once; returns the unregister function. */
export function holdPendingEdits(flush: () => void): () => void {
  pendingEdits.add(flush);
  return () => pendingEdits.delete(flush);
}

/**
 * Undo and redo restore the design and the YAML panel's typed text together (both are in the history); keys typed
 * a moment ago are read first, so undo takes back what is on screen. A restored design whose active Pod changed drops
 * the selection, made in the other Pod.
 */
export function undo(): HistoryStep | undefined {
  return restore(() => useDocument.temporal.getState().undo());
}

export function redo(): HistoryStep | undefined {
  return restore(() => useDocument.temporal.getState().redo());
}

/** The design before and after an undo or redo, so the caller can say what it took back or brought back. */
export interface HistoryStep {
  from: DocumentState;
  to: DocumentState;
}

function restore(step: () => void): HistoryStep | undefined {
  for (const flush of pendingEdits) flush();
  lastGroup = undefined;
  const before = useDocument.getState();
  step();
  const after = useDocument.getState();
  if (after === before) return undefined;
  const otherPod = after.active !== before.active || after.others.length !== before.others.length;
  useDocument.setState({
    dragging: {},
    selection: otherPod ? [] : liveSelection(after.selection, after.doc, after.companions),
  });
  return { from: before, to: after };
}

/**
 * The part of `selection` that is still in `doc` (or, for a Service node, in the design's `companions`): what an edit, undo or redo took away (a node, an edge, a renamed
 * container's old id) is no longer selected, so the inspector never shows a form for something gone.
 */
function liveSelection(selection: string[], doc: CanvasDocument, companions: KubeObject[]): string[] {
  if (selection.length === 0) return selection;
  const graph = graphOf(doc);
  // A Service node belongs to the design, not the Pod: it stays selected while the design has that Service.
  const services = selection.some(isServiceNodeId) ? new Set(servicesOf(companions).map((s) => s.id)) : undefined;
  const live = selection.filter(
    (id) => id === 'pod' || graph.byId.has(id) || graph.edges.some((e) => e.id === id) || services?.has(id) === true,
  );
  return live.length === selection.length ? selection : live;
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

export function useGraph(): Graph {
  return useDocument((s) => graphOf(s.doc));
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
  });
  history.resume();
}
