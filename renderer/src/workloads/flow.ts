// The design's Services on the canvas as React Flow nodes and edges: a node per Service, a selector edge to each Pod
// group its selector matches, a port edge from each Service port to each container port it reaches; and a connection
// from a Service to a container port, which makes the Service target that port and select that Pod.
import { MarkerType, type Connection, type Edge, type Node } from '@xyflow/react';
import type { TFunction } from 'i18next';
import {
  connectServicePort,
  podNodePrefix,
  portTargets,
  selectedPods,
  serviceById,
  serviceName,
  servicePortEdgeId,
  servicePorts,
  servicesOf,
  specOf,
  updateService,
  isServiceNodeId,
  newService,
  removeSelection,
  removeServices,
  type Point,
} from '../../../shared/design';
import { labelText } from '../../../shared/rules/workloads/label-text';
import { graphOf, podGraph, podsOf, useDocument, type DocumentState } from '../store/document';
import { fitClear } from '../canvas/fit-clear';
import { noNodeData } from '../canvas/stable-elements';
import { servicePlaces } from './derived';

type Size = { width: number; height: number };
type DesignState = Pick<DocumentState, 'doc' | 'others' | 'active' | 'companions'>;

export const serviceNodeType = 'service';

/** The canvas id of a node of the Pod at design index `pod` (the active Pod's ids carry no prefix). */
function canvasId(state: DesignState, pod: number, local: string): string {
  return pod === state.active ? local : `${podNodePrefix(pod)}${local}`;
}

export function serviceNodes(
  state: DesignState,
  selected: ReadonlySet<string>,
  measured: Readonly<Record<string, Size>>,
  t: TFunction,
): Node[] {
  const places = servicePlaces(state);
  return servicesOf(state.companions).map((ref) => ({
    id: ref.id,
    type: serviceNodeType,
    position: places.get(ref.id)!,
    data: noNodeData,
    selected: selected.has(ref.id),
    measured: measured[ref.id],
    ariaLabel: t('workloads.service.node', { name: serviceName(ref.service) }),
  }));
}

export function serviceEdges(state: DesignState, t: TFunction): Edge[] {
  const pods = podsOf(state);
  const specs = pods.map((d) => d.pod);
  const out: Edge[] = [];
  for (const ref of servicesOf(state.companions)) {
    const selected = selectedPods(ref.service, specs);
    const selector = labelText((specOf(ref.service).selector ?? {}) as Record<string, string>);
    for (const pod of selected)
      out.push({
        id: `selects:${ref.id}:${pod}`,
        source: ref.id,
        sourceHandle: 'selector',
        target: canvasId(state, pod, 'pod'),
        targetHandle: 'selector',
        className: 'edge-selector',
        label: selector,
        selectable: false,
        focusable: false,
        deletable: false,
        ariaLabel: t('workloads.edge.selects', { service: serviceName(ref.service), labels: selector }),
      });
    for (const port of servicePorts(ref.service)) {
      for (const target of portTargets(port, specs, selected)) {
        const doc = pods[target.pod]!;
        const graph = doc === state.doc ? graphOf(doc) : podGraph(doc);
        const local = graph.containerIdByPath.get(`spec.${target.list}[${target.container}]`);
        if (!local) continue;
        const node = canvasId(state, target.pod, local);
        out.push({
          id: servicePortEdgeId(ref.id, port.index, node, target.port),
          source: ref.id,
          sourceHandle: `port-${port.index}`,
          target: node,
          targetHandle: `port-${target.port}`,
          className: 'edge-service-port',
          markerEnd: { type: MarkerType.ArrowClosed },
          deletable: true,
          ariaLabel: t('workloads.edge.port', {
            service: serviceName(ref.service),
            port: String(port.port),
            container: target.containerName,
            target: String(port.targetPort),
          }),
        });
      }
    }
  }
  return out;
}

export type ConnectOutcome = 'connected' | 'notAPort' | 'notHandled';

/**
 * Handles a connection that has a Service at one end: to a container port of the active Pod it makes the Service port
 * (the one dragged from, or a new one) target that port, selecting the Pod, as one undo step.
 */
export function connectService(connection: Connection): ConnectOutcome {
  const fromService = isServiceNodeId(connection.source);
  if (!fromService && !isServiceNodeId(connection.target)) return 'notHandled';
  const [serviceId, serviceHandle, nodeId, nodeHandle] = fromService
    ? [connection.source, connection.sourceHandle, connection.target, connection.targetHandle]
    : [connection.target, connection.targetHandle, connection.source, connection.sourceHandle];
  const state = useDocument.getState();
  const node = graphOf(state.doc).byId.get(nodeId);
  const port = /^port-(\d+)$/.exec(nodeHandle ?? '');
  const ref = serviceById(state.companions, serviceId);
  if (!ref || node?.kind !== 'container' || !port) return 'notAPort';
  const from = /^port-(\d+)$/.exec(serviceHandle ?? '');
  const made = connectServicePort(
    ref.service,
    from ? Number(from[1]) : undefined,
    state.doc.pod,
    node.list,
    node.index,
    Number(port[1]),
  );
  if (!made) return 'notAPort';
  state.changeDesign((d) => ({
    ...d,
    doc: made.pod ? { ...d.doc, pod: made.pod } : d.doc,
    companions: updateService(d.companions, ref.index, () => made.service),
  }));
  state.select([ref.id]);
  return 'connected';
}

/** A new Service at `at` (else left of the Pods), selected; one undo step. */
export function addService(at?: Point): string {
  const state = useDocument.getState();
  const service = newService(state.companions, at ?? nextServicePlace(state));
  state.changeDesign((d) => ({ ...d, companions: [...d.companions, service] }));
  const id = servicesOf(useDocument.getState().companions).at(-1)!.id;
  state.select([id]);
  // Added by click or command, it goes beside the Pods, maybe out of view: show it with the active Pod (once the
  // canvas has drawn it; a store without a page, as in the editing tests, has nothing to show).
  if (!at && typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() =>
      requestAnimationFrame(() => void fitClear({ nodes: [{ id: 'pod' }, { id }], maxZoom: 1, duration: 200 })),
    );
  return id;
}

/** Below the last Service, or left of the Pods when there is none. */
function nextServicePlace(state: DesignState): Point {
  const places = [...servicePlaces(state).values()];
  if (places.length > 0) {
    const last = places.reduce((a, b) => (b.y > a.y ? b : a));
    return { x: last.x, y: last.y + 140 };
  }
  const bounds = graphOf(state.doc).bounds;
  return { x: bounds.x - 120 - 220, y: bounds.y };
}

/** Deletes the selection: the Pod's nodes and edges, and selected Services and Service ports, as one undo step. */
export function deleteSelection(): void {
  const state = useDocument.getState();
  const ids = state.selection;
  state.changeDesign((d) => ({
    ...d,
    doc: removeSelection(d.doc, ids),
    companions: removeServices(d.companions, ids),
  }));
  state.select([]);
}
