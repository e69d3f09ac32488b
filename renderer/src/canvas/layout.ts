// Automatic layout on the canvas: runs ELK (./elk) over the graph with measured sizes and moves the nodes, as one
// undo step from the action, or silently for a document opened without any positions.
import { useEffect } from 'react';
import { hasNoPositions, moveNodes, type CanvasDocument, type Point } from '../../../shared/design';
import i18n from '../i18n';
import { graphOf, replacePodsQuietly, useDocument } from '../store/document';
import { layoutOpenedPods } from './pods-layout';
import { landingOf } from './opened-landing';
import { useNotice } from '../store/notice';
import { layeredPositions } from './elk';
import { fitAfterLayout } from './fit-after-layout';
import { flow } from './flow';
import { grownSize, showsRunStatus } from './placement';
import { BIG_DESIGN, gridPositions, legibleViewport } from './big-design';

/** The sizes React Flow measured, so tall containers (many ports) get the room they take (and the status row Run adds). */
function measuredSizes(): Record<string, { width: number; height: number }> {
  const out: Record<string, { width: number; height: number }> = {};
  for (const node of flow()?.getNodes() ?? []) {
    const size = node.measured;
    // A container keeps room for the status row Run adds, so running never makes it cover the volume below.
    if (size?.width && size.height)
      out[node.id] = grownSize(
        node.type,
        { width: size.width, height: size.height },
        showsRunStatus(document, node.id),
      );
  }
  return out;
}

/** The positions a layered layout gives every node of `doc`, with the sizes the view measured. */
function computeLayout(doc: CanvasDocument): Promise<Record<string, Point>> {
  return layeredPositions(graphOf(doc), measuredSizes());
}

/**
 * The "Auto layout" action: one undo step. A document edited while ELK was working is left alone, since the layout
 * was computed for the graph before that edit.
 */
export async function autoLayout(): Promise<void> {
  const before = useDocument.getState().doc;
  let positions: Record<string, Point>;
  try {
    positions = await computeLayout(before);
  } catch {
    useNotice.getState().show(i18n.t('editing.layoutFailed'));
    return;
  }
  const state = useDocument.getState();
  if (state.doc !== before || Object.keys(positions).length === 0) return;
  state.change((doc) => moveNodes(doc, positions));
  fitAfterLayout();
}

/**
 * Lays out a document opened without any stored position (an example, a manifest from elsewhere): the fallback rows
 * place volumes by index, far from the containers that mount them. Not an undo step and not an unsaved change:
 * the user did not do it, and the Pod is the same.
 */
async function layoutOpened(doc: CanvasDocument, loads = useDocument.getState().loads, tries = 3): Promise<void> {
  const graph = graphOf(doc);
  if (!hasNoPositions(doc.layout) || !graph.nodes.some((n) => n.kind !== 'namespace')) return;
  // A big design gets a grid at once (canvas/big-design.ts); ELK would block the page for as long as it works.
  const big = graph.nodes.length > BIG_DESIGN;
  let positions: Record<string, Point>;
  try {
    positions = big ? gridPositions(graph.nodes) : await computeLayout(doc);
  } catch {
    return; // The fallback rows stay: a usable drawing, and Auto layout can be asked for again.
  }
  const state = useDocument.getState();
  // Edited while ELK worked (a user renaming the Pod at once): the rule shared with several Pods (opened-landing.ts).
  if (state.loads !== loads) return;
  const landing = landingOf(doc, state.doc);
  if (landing === 'again' && tries > 1) await layoutOpened(state.doc, loads, tries - 1);
  if (typeof landing === 'string' || Object.keys(positions).length === 0) return;
  const placed = moveNodes(landing.onto, positions);
  replacePodsQuietly(new Map([[landing.onto, placed]]));
  if (big) void flow()?.setViewport(legibleViewport(graphOf(placed).nodes));
  else fitAfterLayout();
}

/** Runs the opened-document layout after every load, once the new nodes have been measured (two frames). */
export function useLayoutOnLoad(): void {
  const loads = useDocument((s) => s.loads);
  useEffect(() => {
    const doc = useDocument.getState().doc;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      // A design of several Pods lays out each unplaced Pod and puts the groups side by side (pods-layout.ts).
      inner = requestAnimationFrame(
        () => void (useDocument.getState().others.length > 0 ? layoutOpenedPods() : layoutOpened(doc)),
      );
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [loads]);
}
