// Lays out a design of several Pods opened without positions: each unplaced Pod gets ELK's layered layout, then the
// groups go side by side (shared/design placeSideBySide), quietly, as the single-Pod layout on open does (layout.ts).
import {
  buildGraph,
  moveNodes,
  placeSideBySide,
  podNodePrefix,
  unplacedPods,
  type CanvasDocument,
} from '../../../shared/design';
import { podsOf, replacePodsQuietly, useDocument } from '../store/document';
import { layeredPositions } from './elk';
import { fitAfterLayout } from './fit-after-layout';
import { flow } from './flow';
import { grownSize, showsRunStatus } from './placement';

type Size = { width: number; height: number };

/** What the view measured for the Pod at design index `index`, by the Pod's own node ids. */
function measuredSizes(index: number, active: number): Record<string, Size> {
  const prefix = index === active ? '' : podNodePrefix(index);
  const out: Record<string, Size> = {};
  for (const node of flow()?.getNodes() ?? []) {
    const size = node.measured;
    if (!size?.width || !size.height || !node.id.startsWith(prefix)) continue;
    if (prefix === '' && node.id.startsWith('@')) continue;
    // Room for the run status row, as the single-Pod layout keeps (layout.ts).
    out[node.id.slice(prefix.length)] = grownSize(
      node.type,
      { width: size.width, height: size.height },
      showsRunStatus(document, node.id),
    );
  }
  return out;
}

async function layeredDocument(doc: CanvasDocument, sizes: Record<string, Size>): Promise<CanvasDocument> {
  const graph = buildGraph(doc);
  if (!graph.nodes.some((n) => n.kind !== 'namespace')) return doc;
  try {
    return moveNodes(doc, await layeredPositions(graph, sizes));
  } catch {
    return doc; // The fallback rows stay: a usable drawing, and Auto layout can be asked for again.
  }
}

/** Not an undo step and not an unsaved change; a design edited while ELK worked is left alone. */
export async function layoutOpenedPods(): Promise<void> {
  const state = useDocument.getState();
  const pods = podsOf(state);
  const place = unplacedPods(pods);
  if (!place.some(Boolean)) return;
  const laidOut = await Promise.all(
    pods.map((doc, i) => (place[i] ? layeredDocument(doc, measuredSizes(i, state.active)) : doc)),
  );
  const placed = placeSideBySide(laidOut, place);
  const now = useDocument.getState();
  if (now.doc !== state.doc || now.others !== state.others) return;
  replacePodsQuietly(new Map(pods.map((doc, i) => [doc, placed[i]!])));
  fitAfterLayout();
}
