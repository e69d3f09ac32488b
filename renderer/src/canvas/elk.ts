// Runs ELK (elkjs, loaded on first use) over a canvas graph: the layered layout behind Auto layout.
import {
  layoutInput,
  layoutOrigin,
  layoutPositions,
  type Graph,
  type LayoutOutput,
  type Point,
} from '../../../shared/design';
import { later } from '../lazy';

type Elk = { layout: (graph: ReturnType<typeof layoutInput>) => Promise<unknown> };
let elk: Elk | undefined;

/**
 * ELK is large (about 1.5 MB), so it loads the first time a layout is asked for, or in idle time after the first
 * screen (../lazy.ts), not with the app. The bundled build runs ELK in-process (a fake worker), so no worker script
 * has to be served.
 */
const elkModule = later(() => import('elkjs/lib/elk.bundled.js'));

async function loadElk(): Promise<Elk> {
  elk ??= new (await elkModule.load()).default() as Elk;
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
