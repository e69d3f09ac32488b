// Tests the automatic layout with the real ELK engine: rows of namespaces, containers and volumes, no overlaps.
import { describe, expect, it } from 'vitest';
import {
  addContainer,
  addVolume,
  buildGraph,
  connect,
  emptyDocument,
  nodeSize,
  type Point,
} from '../../../shared/design';
import { layeredPositions } from './elk';

function helloworld() {
  let doc = emptyDocument();
  for (const name of ['api', 'main', 'log', 'compute']) {
    doc = addContainer(doc, { name, image: 'busybox:1.36' }, 'containers').doc;
  }
  doc = addContainer(doc, { name: 'prepare', image: 'busybox:1.36' }, 'initContainers').doc;
  doc = addVolume(doc, { name: 'log-storage', emptyDir: {} }).doc;
  doc = addVolume(doc, { name: 'data-storage', emptyDir: {} }).doc;
  doc = addVolume(doc, { name: 'unused', emptyDir: {} }).doc;
  doc = connect(doc, 'container:log', 'volume:log-storage').doc;
  doc = connect(doc, 'container:compute', 'volume:data-storage').doc;
  return doc;
}

describe('layeredPositions', () => {
  it('puts namespaces above one row of containers and volumes below, without overlaps', async () => {
    const doc = helloworld();
    const tall = { width: 230, height: 180 };
    const graph = buildGraph(doc);
    const at = await layeredPositions(graph, { 'container:api': tall });
    expect(Object.keys(at).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const size = (id: string) => (id === 'container:api' ? tall : nodeSize[graph.byId.get(id)!.kind]);
    const bottom = (id: string) => at[id]!.y + size(id).height;
    const containers = graph.nodes.filter((n) => n.kind === 'container').map((n) => n.id);
    const volumes = graph.nodes.filter((n) => n.kind === 'volume').map((n) => n.id);
    // One row: every container top at the same y (init containers too), below the namespace, above every volume.
    expect(new Set(containers.map((id) => at[id]!.y)).size).toBe(1);
    expect(bottom('ns:shared')).toBeLessThan(at[containers[0]!]!.y);
    for (const v of volumes) for (const c of containers) expect(at[v]!.y).toBeGreaterThan(bottom(c));
    // The drawing keeps the top-left corner the fallback rows had.
    expect(Math.min(...Object.values(at).map((p: Point) => p.x))).toBe(0);
    expect(Math.min(...Object.values(at).map((p: Point) => p.y))).toBe(-120);
    // No two boxes overlap.
    const ids = Object.keys(at);
    for (const a of ids)
      for (const b of ids) {
        if (a >= b) continue;
        const apart =
          at[a]!.x + size(a).width <= at[b]!.x ||
          at[b]!.x + size(b).width <= at[a]!.x ||
          bottom(a) <= at[b]!.y ||
          bottom(b) <= at[a]!.y;
        expect(apart, `${a} and ${b} overlap`).toBe(true);
      }
    // A mounted volume sits under its container more closely than the fallback (volume by index) did.
    const centre = (id: string) => at[id]!.x + size(id).width / 2;
    expect(Math.abs(centre('volume:data-storage') - centre('container:compute'))).toBeLessThan(150);
  });
});
