// Lays out a design of several Pods opened without positions: each unplaced Pod gets ELK's layered layout, then the
// groups go side by side (shared/design placeSideBySide), quietly, as the single-Pod layout on open does (layout.ts).
import {
  buildGraph,
  moveNodes,
  placeSideBySide,
  podNodePrefix,
  unplacedPods,
  type CanvasDocument,
  type Point,
} from '../../../shared/design';
import { podsOf, replacePodsQuietly, useDocument } from '../store/document';
import { layeredPositions } from './elk';
import { landingOf } from './opened-landing';
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

/** The positions ELK gives the Pod's nodes; none when it has only namespaces or ELK fails (its fallback rows stay). */
async function layeredPositionsOf(doc: CanvasDocument, sizes: Record<string, Size>): Promise<Record<string, Point>> {
  const graph = buildGraph(doc);
  if (!graph.nodes.some((n) => n.kind !== 'namespace')) return {};
  try {
    return await layeredPositions(graph, sizes);
  } catch {
    return {}; // A usable drawing still, and Auto layout can be asked for again.
  }
}

/**
 * Not an undo step and not an unsaved change. A Pod edited while ELK worked takes its positions by the rule the
 * single-Pod layout follows (opened-landing.ts): the same nodes take them, changed nodes are laid out again (all of the
 * design, `tries` times at most), and a Pod placed since keeps its place, the others going beside it.
 */
export async function layoutOpenedPods(tries = 3): Promise<void> {
  const state = useDocument.getState();
  const pods = podsOf(state);
  const place = unplacedPods(pods);
  if (!place.some(Boolean)) return;
  const computed = await Promise.all(
    pods.map((doc, i) => (place[i] ? layeredPositionsOf(doc, measuredSizes(i, state.active)) : undefined)),
  );
  const now = useDocument.getState();
  if (now.loads !== state.loads) return;
  const current = podsOf(now);
  const landings = pods.map((doc, i) => (place[i] ? landingOf(doc, current[i]) : 'drop'));
  if (current.length !== pods.length || landings.includes('again')) {
    if (tries > 1) await layoutOpenedPods(tries - 1);
    return;
  }
  const laidOut = current.map((doc, i) => {
    const landing = landings[i]!;
    return typeof landing === 'string' ? doc : moveNodes(landing.onto, computed[i] ?? {});
  });
  const placed = placeSideBySide(
    laidOut,
    landings.map((landing) => typeof landing !== 'string'),
  );
  replacePodsQuietly(new Map(current.map((doc, i) => [doc, placed[i]!])));
  fitAfterLayout();
}
