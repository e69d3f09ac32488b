// Align and distribute for the canvas selection: reads the boxes as drawn (measured sizes) and moves them in one step.
import {
  alignBoxes,
  distributeBoxes,
  moveNodes,
  nodeSize,
  type Alignment,
  type Axis,
  type NodeBox,
  type Point,
} from '../../../shared/design';
import { graphOf, useDocument, type DocumentState } from '../store/document';
import { flow } from './flow';

/** The selected containers, volumes and namespaces with the size React Flow measured (or the drawn default). */
function selectedBoxes(state: DocumentState): NodeBox[] {
  const graph = graphOf(state.doc);
  const boxes: NodeBox[] = [];
  for (const id of state.selection) {
    const node = graph.byId.get(id);
    if (!node) continue;
    const measured = flow()?.getNode(id)?.measured;
    const size = measured?.width && measured.height ? measured : nodeSize[node.kind];
    boxes.push({ id, x: node.position.x, y: node.position.y, width: size.width!, height: size.height! });
  }
  return boxes;
}

export function selectedNodeCount(state: DocumentState): number {
  const graph = graphOf(state.doc);
  return state.selection.filter((id) => graph.byId.has(id)).length;
}

function move(positions: Record<string, Point>): void {
  if (Object.keys(positions).length === 0) return;
  useDocument.getState().change((doc) => moveNodes(doc, positions));
}

/** One undo step; nothing at all when the selection is already in line. */
export function alignSelection(how: Alignment): void {
  move(alignBoxes(selectedBoxes(useDocument.getState()), how));
}

export function distributeSelection(axis: Axis): void {
  move(distributeBoxes(selectedBoxes(useDocument.getState()), axis));
}
