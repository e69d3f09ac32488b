// The Pods of a design that are not active, as React Flow nodes and edges: each Pod's group and its nodes, ids
// prefixed with the Pod's index (podNodePrefix), drawn beside the active Pod and read-only until a click activates it.
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { podNodePrefix, type CanvasDocument, type Graph } from '../../../shared/design';
import { podGraph, useDocument } from '../store/document';
import { noNodeData } from './stable-elements';
import { edgeWords } from './edge-words';

type Size = { width: number; height: number };

/** Room above the nodes for the group's header, as the active group has (Canvas.tsx). */
const headerRoom = 10;

function groupBox(graph: Graph) {
  const b = graph.bounds;
  return { x: b.x, y: b.y - headerRoom, width: b.width, height: b.height + headerRoom };
}

/** Design indexes of the Pods in `others` (the active Pod's index is skipped). */
function designIndex(i: number, active: number): number {
  return i < active ? i : i + 1;
}

export function otherPodNodes(
  others: readonly CanvasDocument[],
  active: number,
  measured: Readonly<Record<string, Size>>,
  t: TFunction,
): Node[] {
  const out: Node[] = [];
  others.forEach((doc, i) => {
    const prefix = podNodePrefix(designIndex(i, active));
    const graph = podGraph(doc);
    const box = groupBox(graph);
    out.push({
      id: `${prefix}pod`,
      type: 'pod',
      position: { x: box.x, y: box.y },
      data: noNodeData,
      draggable: false,
      connectable: false,
      deletable: false,
      zIndex: -1,
      style: { width: box.width, height: box.height },
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      ariaLabel: t('pods.otherPodNode', { name: doc.pod.metadata?.name ?? '' }),
    });
    for (const node of graph.nodes) {
      const id = `${prefix}${node.id}`;
      out.push({
        id,
        type: node.kind,
        position: node.position,
        data: noNodeData,
        draggable: false,
        connectable: false,
        deletable: false,
        className: 'in-other-pod',
        measured: measured[id],
      });
    }
  });
  return out;
}

export function otherPodEdges(others: readonly CanvasDocument[], active: number, t: TFunction): Edge[] {
  const out: Edge[] = [];
  others.forEach((doc, i) => {
    const prefix = podNodePrefix(designIndex(i, active));
    const graph = podGraph(doc);
    for (const edge of graph.edges) {
      const common = {
        id: `${prefix}${edge.id}`,
        source: `${prefix}${edge.source}`,
        target: `${prefix}${edge.target}`,
        targetHandle: 'in',
        selectable: false,
        focusable: false,
        deletable: false,
        ariaLabel: edgeWords(t, edge, graph, doc),
      };
      if (edge.kind === 'mount') {
        const mount = doc.pod.spec[edge.list]?.[edge.index]?.volumeMounts?.[edge.mountIndex];
        out.push({
          ...common,
          sourceHandle: 'mounts',
          label: mount?.mountPath,
          className: 'edge-mount in-other-pod',
          markerEnd: { type: MarkerType.ArrowClosed },
        });
      } else {
        out.push({ ...common, sourceHandle: 'ns', className: `edge-join edge-${edge.namespace} in-other-pod` });
      }
    }
  });
  return out;
}

/** The design index of the Pod (not the active one) whose group holds canvas point `p`, if any. */
export function otherPodAt(p: { x: number; y: number }): number | undefined {
  const { others, active } = useDocument.getState();
  const i = others.findIndex((doc) => {
    const b = groupBox(podGraph(doc));
    return p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
  });
  return i < 0 ? undefined : designIndex(i, active);
}
