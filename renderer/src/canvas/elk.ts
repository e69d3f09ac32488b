// Runs ELK (elkjs, loaded on first use) over a canvas graph: the layered layout behind Auto layout.
import {
  layoutInput,
  layoutOrigin,
  layoutPositions,
  type Graph,
  type LayoutOutput,
  type Point,
} from '../../../shared/design';

type Elk = { layout: (graph: ReturnType<typeof layoutInput>) => Promise<unknown> };
let elk: Promise<Elk> | undefined;

/** ELK is large (about 1.5 MB), so it loads the first time a layout is asked for, not with the app. */
function loadElk(): Promise<Elk> {
  // The bundled build runs ELK in-process (a fake worker), so no worker script has to be served.
  elk ??= import('elkjs/lib/elk.bundled.js').then(
    (m) => new m.default() as Elk,
    (error: unknown) => {
      // Let a later call try again (a chunk that failed to load once may load next time).
      elk = undefined;
      throw error;
    },
  );
  return elk;
}

/**
 * The positions a layered layout gives every node of `graph`, starting at the drawing's current top-left corner.
 * `sizes`: what the view measured, by node id; others use the drawn defaults.
 */
export async function layeredPositions(
  graph: Graph,
  sizes: Readonly<Record<string, { width: number; height: number }>> = {},
): Promise<Record<string, Point>> {
  const engine = await loadElk();
  const output = (await engine.layout(layoutInput(graph, sizes))) as LayoutOutput;
  return layoutPositions(graph, output, layoutOrigin(graph));
}
