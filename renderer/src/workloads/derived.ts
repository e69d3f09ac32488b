// What the canvas, inspector and Problems panel read about the design's Deployments and Services, derived from the
// document store and memoised on the objects it comes from (never stored): the Deployment and Service diagnostics,
// and where each Service node sits.
import type { KubeObject } from '../../../shared/manifest';
import type { Diagnostic } from '../../../shared/rules';
import { serviceNodeSize, servicePosition, servicesOf, type CanvasDocument, type Point } from '../../../shared/design';
import { graphOf, podGraph, podsOf, type DocumentState } from '../store/document';
import type { DesignObjectDiagnostics } from '../../../shared/design/workloads/rules';
import { loadedChecks } from '../store/checks-part';
import { useWithDiagnostics } from '../store/diagnostics';

let memoPods: readonly CanvasDocument[] = [];
let memoCompanions: readonly KubeObject[] | undefined;
let memo: DesignObjectDiagnostics = { deployments: [], services: new Map() };
/** Before the checks have loaded (store/checks-part.ts): nothing to show yet. */
const unchecked: DesignObjectDiagnostics = { deployments: [], services: new Map() };

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The design's Deployment and Service diagnostics, recomputed only when a Pod or the design's objects changed. */
export function designDiagnosticsOf(
  state: Pick<DocumentState, 'doc' | 'others' | 'active' | 'companions'>,
): DesignObjectDiagnostics {
  const checks = loadedChecks();
  if (!checks) return unchecked;
  const pods = podsOf(state);
  if (state.companions === memoCompanions && sameList(pods, memoPods)) return memo;
  memoPods = pods;
  memoCompanions = state.companions;
  memo = checks.designObjectDiagnostics(pods, state.companions);
  return memo;
}

const none: Diagnostic[] = [];

/** The active Pod's Deployment diagnostics (none for a bare Pod). */
export function useDeploymentDiagnostics(): Diagnostic[] {
  return useWithDiagnostics((s) => designDiagnosticsOf(s).deployments[s.active] ?? none);
}

/** The diagnostics of the Service at `index` among the design's objects. */
export function useServiceDiagnostics(index: number | undefined): Diagnostic[] {
  return useWithDiagnostics((s) => (index === undefined ? none : (designDiagnosticsOf(s).services.get(index) ?? none)));
}

/** Room between the leftmost Pod group and the Services placed beside it. */
const gapLeft = 120;

let placesFor: { companions: readonly KubeObject[]; pods: readonly CanvasDocument[] } | undefined;
let placesMemo = new Map<string, Point>();

/**
 * Where each Service node is: its own annotation, or (until the user moves it) in a column left of the leftmost Pod
 * group, one under another, so a Service read from a file never lands on a Pod.
 */
export function servicePlaces(
  state: Pick<DocumentState, 'doc' | 'others' | 'active' | 'companions'>,
): Map<string, Point> {
  const pods = podsOf(state);
  if (placesFor && placesFor.companions === state.companions && sameList(placesFor.pods, pods)) return placesMemo;
  const boxes = pods.map((doc) => (doc === state.doc ? graphOf(doc) : podGraph(doc)).bounds);
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const out = new Map<string, Point>();
  servicesOf(state.companions).forEach((ref, i) => {
    const fallback = { x: left - gapLeft - serviceNodeSize.width, y: top + i * (serviceNodeSize.height + 40) };
    out.set(ref.id, servicePosition(ref.service, fallback));
  });
  placesFor = { companions: state.companions, pods };
  placesMemo = out;
  return out;
}
