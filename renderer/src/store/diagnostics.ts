// The design's problems, derived from the document store: the rules on the active Pod and on each other Pod, the clashes
// across Pods, by node and by port. Computed, never stored; memoised on the document so views redraw what changed.
// The rules load right after the first screen (checks-part.ts): until then there are none, and the views that read
// diagnostics (through useDiagnostics or useWithDiagnostics) redraw when they arrive.
import type { Diagnostic } from '../../../shared/rules/types';
import { crossPodDiagnostics, nodeForPath, type CanvasDocument, type Graph } from '../../../shared/design';
import { loadedChecks, useChecksLoaded } from './checks-part';
import { graphOf, podAt, podGraph, podsOf, useDocument, type DocumentState } from './document';

export interface Diagnostics {
  all: Diagnostic[];
  /** By node id ('pod' for the Pod itself). */
  byNode: Map<string, Diagnostic[]>;
  /** Kubernetes paths of ports involved in a clash, e.g. `spec.containers[0].ports[1]`. */
  clashingPorts: Set<string>;
}

/** What a design has before its checks have loaded: nothing to show yet. */
const unchecked: Diagnostics = { all: [], byNode: new Map(), clashingPorts: new Set() };

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
  if (!loadedChecks()) return unchecked;
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
  const own = loadedChecks()!.validatePod(doc.pod, options);
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

/**
 * Whether `d` is the first step of a design rather than a mistake: "a Pod needs a container" on a Pod that has none
 * at all, which is how every new Pod starts. It stays a problem (Run refuses the Pod, and the Problems panel offers
 * the next step), but no node wears a red badge for it and the Problems count leaves it out.
 */
export function isStartingStep(d: Diagnostic, graph: Graph): boolean {
  return d.code === 'POD_CONTAINERS_REQUIRED' && !graph.nodes.some((n) => n.kind === 'container');
}

/** The diagnostics that count as problems: all but the starting step. */
export function countedProblems(all: readonly Diagnostic[], graph: Graph): Diagnostic[] {
  return all.filter((d) => !isStartingStep(d, graph));
}

function byNodeOf(graph: Graph, all: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byNode = new Map<string, Diagnostic[]>();
  for (const d of all) {
    if (isStartingStep(d, graph)) continue;
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

const inactiveDiagnostics = new WeakMap<CanvasDocument, { across: Diagnostic[]; value: Diagnostics }>();

/** The diagnostics of the Pod at design index `index`: the active Pod's own (diagnosticsOf) or a memoised answer. */
export function podDiagnosticsAt(state: DocumentState, index: number | undefined): Diagnostics {
  const doc = podAt(state, index);
  if (!doc || doc === state.doc || !loadedChecks()) return diagnosticsOf(state.doc);
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

export function useDiagnostics(): Diagnostics {
  return useWithDiagnostics((s) => diagnosticsOf(s.doc));
}

/** A selection from the document store that reads diagnostics: drawn again when the checks arrive. */
export function useWithDiagnostics<T>(selector: (state: DocumentState) => T): T {
  useChecksLoaded();
  return useDocument(selector);
}
