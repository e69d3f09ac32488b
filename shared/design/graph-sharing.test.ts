// Tests that buildGraph shares unchanged nodes and edges with the previous graph, so views redraw only what changed.
import { describe, expect, it } from 'vitest';
import { addContainer, addVolume, buildGraph, emptyDocument, updateContainer } from './index';

function sample() {
  let doc = emptyDocument();
  doc = addVolume(doc, { name: 'data', emptyDir: {} }, { x: 0, y: 400 }).doc;
  doc = addContainer(
    doc,
    { name: 'a', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/d' }] },
    'containers',
  ).doc;
  doc = addContainer(doc, { name: 'b', image: 'busybox' }, 'containers').doc;
  return doc;
}

describe('graph sharing', () => {
  it('returns the previous graph itself when an edit changes nothing the graph shows (an image)', () => {
    const doc = sample();
    const before = buildGraph(doc);
    const after = buildGraph(
      updateContainer(doc, 'containers', 0, (c) => ({ ...c, image: 'nginx' })),
      before,
    );
    expect(after).toBe(before);
  });

  it('keeps unmoved nodes and untouched edges as the same objects when one node moves', () => {
    const doc = sample();
    const before = buildGraph(doc);
    const moved = { ...doc, layout: { ...doc.layout, 'container:b': { x: 999, y: 999 } } };
    const after = buildGraph(moved, before);
    expect(after).not.toBe(before);
    expect(after.byId.get('container:b')).not.toBe(before.byId.get('container:b'));
    expect(after.byId.get('container:b')?.position).toEqual({ x: 999, y: 999 });
    expect(after.byId.get('container:a')).toBe(before.byId.get('container:a'));
    expect(after.byId.get('volume:data')).toBe(before.byId.get('volume:data'));
    expect(after.edges).toHaveLength(before.edges.length);
    after.edges.forEach((edge, i) => expect(edge).toBe(before.edges[i]));
    // The shared graph is what a fresh build says, object identity aside.
    expect(after).toEqual(buildGraph(moved));
  });

  it('draws a renamed container as a new node and its edges as new edges', () => {
    const doc = sample();
    const before = buildGraph(doc);
    const after = buildGraph(
      updateContainer(doc, 'containers', 0, (c) => ({ ...c, name: 'renamed' })),
      before,
    );
    expect(after.byId.has('container:renamed')).toBe(true);
    expect(after.byId.has('container:a')).toBe(false);
    expect(after.byId.get('container:b')).toBe(before.byId.get('container:b'));
  });
});
