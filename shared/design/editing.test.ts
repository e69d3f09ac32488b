// Tests the editing helpers: align and distribute, clipboard fragments (copy, text, paste), the ELK input and
// edge diagnostics.
import { describe, expect, it } from 'vitest';
import { validatePod } from '../rules';
import {
  addContainer,
  addNamespace,
  addVolume,
  alignBoxes,
  buildGraph,
  connect,
  distributeBoxes,
  edgeForPath,
  emptyDocument,
  layoutInput,
  layoutOrigin,
  layoutPositions,
  updateContainer,
  volumeTemplate,
  type CanvasDocument,
  type NodeBox,
} from './index';
import { copyFragment, duplicateSelection, fragmentText, pasteFragment, readFragment } from './clipboard';

const box = (id: string, x: number, y: number, width = 100, height = 50): NodeBox => ({ id, x, y, width, height });

describe('align', () => {
  const boxes = [box('a', 10, 0, 100), box('b', 200, 80, 50), box('c', 60, 300, 200, 20)];

  it('lines up left, right and centre edges on the box around the selection', () => {
    expect(alignBoxes(boxes, 'left')).toEqual({ b: { x: 10, y: 80 }, c: { x: 10, y: 300 } });
    // The right edge is the rightmost (c ends at 260).
    expect(alignBoxes(boxes, 'right')).toEqual({ a: { x: 160, y: 0 }, b: { x: 210, y: 80 } });
    // Centre of 10..260 is 135.
    expect(alignBoxes(boxes, 'centre')).toEqual({ a: { x: 85, y: 0 }, b: { x: 110, y: 80 }, c: { x: 35, y: 300 } });
  });

  it('lines up top, middle and bottom', () => {
    expect(alignBoxes(boxes, 'top')).toEqual({ b: { x: 200, y: 0 }, c: { x: 60, y: 0 } });
    expect(alignBoxes(boxes, 'bottom')).toEqual({ a: { x: 10, y: 270 }, b: { x: 200, y: 270 } });
    // Middle of 0..320 is 160.
    expect(alignBoxes(boxes, 'middle')).toEqual({ a: { x: 10, y: 135 }, b: { x: 200, y: 135 }, c: { x: 60, y: 150 } });
  });

  it('changes nothing for one box or an aligned selection', () => {
    expect(alignBoxes([box('a', 5, 5)], 'left')).toEqual({});
    expect(alignBoxes([box('a', 5, 5), box('b', 5, 90)], 'left')).toEqual({});
  });

  it('distributes with equal gaps, keeping the outer boxes in place', () => {
    const row = [box('a', 0, 0, 100), box('c', 500, 10, 100), box('b', 120, 20, 100)];
    // Span 0..600 holds 300 of boxes: two gaps of 150.
    expect(distributeBoxes(row, 'horizontal')).toEqual({ b: { x: 250, y: 20 } });
    const column = [box('a', 0, 0, 10, 40), box('b', 0, 41, 10, 40), box('c', 0, 400, 10, 100)];
    // Span 0..500 holds 180: gaps of 160.
    expect(distributeBoxes(column, 'vertical')).toEqual({ b: { x: 0, y: 200 } });
    expect(distributeBoxes(row.slice(0, 2), 'horizontal')).toEqual({});
  });
});

/** web (mounts data at /data and shared at /shared), cache; volumes data and shared. */
function sample(): CanvasDocument {
  let doc = emptyDocument();
  doc = addContainer(doc, { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }, 'containers', {
    x: 0,
    y: 200,
  }).doc;
  doc = addContainer(doc, { name: 'cache', image: 'redis:7' }, 'containers', { x: 300, y: 200 }).doc;
  doc = addVolume(doc, volumeTemplate('emptyDir'), { x: 0, y: 400 }).doc;
  doc = addVolume(doc, { ...volumeTemplate('emptyDir'), name: 'shared' }, { x: 300, y: 400 }).doc;
  doc = updateContainer(doc, 'containers', 0, (c) => ({
    ...c,
    volumeMounts: [
      { name: 'data', mountPath: '/data', readOnly: true },
      { name: 'shared', mountPath: '/shared', subPath: 'web' },
    ],
  }));
  return doc;
}

describe('clipboard', () => {
  it('copies only selected containers and volumes, with their positions; nothing selected is nothing copied', () => {
    const doc = sample();
    const fragment = copyFragment(doc, ['container:web', 'volume:data', 'ns:shared', 'mount:container:web:0'])!;
    expect(fragment.pod.spec.containers.map((c) => c.name)).toEqual(['web']);
    expect(fragment.pod.spec.volumes?.map((v) => v.name)).toEqual(['data']);
    expect(fragment.layout).toEqual({ 'container:web': { x: 0, y: 200 }, 'volume:data': { x: 0, y: 400 } });
    expect(copyFragment(doc, ['ns:shared'])).toBeUndefined();
    expect(copyFragment(doc, [])).toBeUndefined();
  });

  it('round-trips through clipboard text, a Pod manifest', () => {
    const fragment = copyFragment(sample(), ['container:web', 'volume:data'])!;
    const text = fragmentText(fragment);
    expect(text).toContain('kind: Pod');
    expect(text).toContain('mountPath: /data');
    const back = readFragment(text)!;
    expect(back.pod.spec.containers).toEqual(fragment.pod.spec.containers);
    expect(back.layout['container:web']).toEqual({ x: 0, y: 200 });
  });

  it('reads any Pod manifest but not unrelated text', () => {
    expect(readFragment('hello world')).toBeUndefined();
    expect(readFragment('')).toBeUndefined();
    expect(readFragment('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: []}\n')).toBeUndefined();
    const deployment = readFragment(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: d}',
        'spec:',
        '  selector: {matchLabels: {app: d}}',
        '  template:',
        '    metadata: {labels: {app: d}}',
        '    spec:',
        '      containers: [{name: api, image: "busybox:1.36"}]',
      ].join('\n'),
    );
    expect(deployment?.pod.spec.containers[0]?.name).toBe('api');
  });

  it('pastes into the same Pod with fresh names, renamed mounts and offset positions', () => {
    const doc = sample();
    const fragment = readFragment(fragmentText(copyFragment(doc, ['container:web', 'volume:data'])!))!;
    const { doc: after, ids } = pasteFragment(doc, fragment, { x: 40, y: 40 });
    expect(ids).toEqual(['volume:data-2', 'container:web-2']);
    const copy = after.pod.spec.containers.find((c) => c.name === 'web-2')!;
    // The copied volume's mount follows its new name; the mount of `shared` (not copied, present) stays.
    expect(copy.volumeMounts).toEqual([
      { name: 'data-2', mountPath: '/data', readOnly: true },
      { name: 'shared', mountPath: '/shared', subPath: 'web' },
    ]);
    expect(after.layout['container:web-2']).toEqual({ x: 40, y: 240 });
    expect(after.layout['volume:data-2']).toEqual({ x: 40, y: 440 });
    // The original is untouched and the graph draws the copy's mount edges.
    expect(after.pod.spec.containers[0]).toEqual(doc.pod.spec.containers[0]);
    const graph = buildGraph(after);
    expect(
      graph.edges.filter((e) => e.kind === 'mount' && e.source === 'container:web-2').map((e) => e.target),
    ).toEqual(['volume:data-2', 'volume:shared']);
  });

  it('drops mounts of volumes the target Pod does not have', () => {
    const fragment = copyFragment(sample(), ['container:web'])!;
    const { doc, ids } = pasteFragment(emptyDocument(), fragment, { x: 0, y: 0 });
    expect(ids).toEqual(['container:web']);
    expect(doc.pod.spec.containers[0]?.volumeMounts).toBeUndefined();
    expect(validatePod(doc.pod).filter((d) => d.code === 'MOUNT_VOLUME_NOT_FOUND')).toEqual([]);
  });

  it('duplicates like copy and paste: fresh names, mounts follow copied volumes, the copy clashes on ports', () => {
    const doc = sample();
    const both = duplicateSelection(doc, ['container:web', 'volume:data', 'ns:shared'], { x: 40, y: 40 });
    const pasted = pasteFragment(
      doc,
      readFragment(fragmentText(copyFragment(doc, ['container:web', 'volume:data'])!))!,
      {
        x: 40,
        y: 40,
      },
    );
    expect(both).toEqual(pasted);
    expect(both.ids).toEqual(['volume:data-2', 'container:web-2']);
    expect(both.doc.pod.spec.containers.find((c) => c.name === 'web-2')?.volumeMounts?.[0]?.name).toBe('data-2');
    // A container alone keeps mounting the volumes it shares with the original.
    const alone = duplicateSelection(doc, ['container:web'], { x: 40, y: 40 });
    expect(alone.ids).toEqual(['container:web-2']);
    expect(alone.doc.pod.spec.containers.find((c) => c.name === 'web-2')?.volumeMounts?.map((m) => m.name)).toEqual([
      'data',
      'shared',
    ]);
    expect(validatePod(alone.doc.pod).map((d) => d.code)).toContain('POD_PORT_CLASH');
    expect(duplicateSelection(doc, ['ns:shared'], { x: 40, y: 40 })).toEqual({ doc, ids: [] });
  });

  it('keeps init containers in initContainers', () => {
    let doc = emptyDocument();
    doc = addContainer(doc, { name: 'prepare', image: 'busybox:1.36' }, 'initContainers').doc;
    const { doc: after } = pasteFragment(doc, copyFragment(doc, ['container:prepare'])!, { x: 30, y: 30 });
    expect(after.pod.spec.initContainers?.map((c) => c.name)).toEqual(['prepare', 'prepare-2']);
  });
});

describe('layout input', () => {
  it('puts namespaces, containers and volumes in rows and points every edge down the rows', () => {
    const graph = buildGraph(sample());
    const input = layoutInput(graph, { 'container:web': { width: 230, height: 150.4 } });
    const partition = (id: string): string | undefined =>
      input.children.find((c) => c.id === id)?.layoutOptions?.['elk.partitioning.partition'];
    expect(partition('ns:shared')).toBe('0');
    expect(partition('container:cache')).toBe('1');
    expect(partition('volume:shared')).toBe('2');
    expect(input.children.find((c) => c.id === 'container:web')).toMatchObject({ width: 230, height: 151 });
    expect(input.children.find((c) => c.id === 'volume:data')).toMatchObject({ width: 190, height: 64 });
    // The Pod-wide namespace joins every container, so its edges carry no order and are left out; PID joins count.
    expect(input.edges.filter((e) => e.id.startsWith('join:'))).toEqual([]);
    const withPid = buildGraph(connect(addNamespace(sample(), 'pid').doc, 'container:web', 'ns:pid').doc);
    expect(withPid.byId.has('ns:pid')).toBe(true);
    expect(layoutInput(withPid).edges).toContainEqual({
      id: 'join:container:web:ns:pid',
      sources: ['ns:pid'],
      targets: ['container:web'],
    });
    expect(input.edges).toContainEqual({
      id: 'mount:container:web:0',
      sources: ['container:web'],
      targets: ['volume:data'],
    });
  });

  it('reads positions back relative to an origin and ignores unknown or broken entries', () => {
    const graph = buildGraph(sample());
    expect(layoutOrigin(graph)).toEqual({ x: 0, y: -120 });
    const out = layoutPositions(
      graph,
      {
        children: [
          { id: 'container:web', x: 12, y: 100.4 },
          { id: 'volume:data', x: 10, y: 300 },
          { id: 'elsewhere', x: -500, y: -500 },
          { id: 'container:cache', x: Number.NaN, y: 0 },
        ],
      },
      { x: 0, y: -120 },
    );
    expect(out).toEqual({ 'container:web': { x: 2, y: -120 }, 'volume:data': { x: 0, y: 80 } });
  });
});

describe('edge diagnostics', () => {
  it('maps a diagnostic inside a mount to that mount edge', () => {
    let doc = sample();
    doc = connect(doc, 'container:cache', 'volume:data').doc;
    // Two mounts at one path in a container: MOUNT_PATH_INVALID on the second.
    doc = updateContainer(doc, 'containers', 0, (c) => ({
      ...c,
      volumeMounts: [...(c.volumeMounts ?? []), { name: 'data', mountPath: '/data' }],
    }));
    const graph = buildGraph(doc);
    const clash = validatePod(doc.pod).find((d) => d.code === 'MOUNT_PATH_INVALID')!;
    expect(edgeForPath(graph, clash.path)).toBe('mount:container:web:2');
    expect(edgeForPath(graph, clash.related[0]!)).toBe('mount:container:web:0');
    expect(edgeForPath(graph, 'spec.containers[1].volumeMounts[0].readOnly')).toBe('mount:container:cache:0');
    expect(edgeForPath(graph, 'spec.containers[0].ports[0]')).toBeUndefined();
    // A mount of a volume that does not exist has no edge to carry a badge.
    const missing = updateContainer(doc, 'containers', 1, (c) => ({
      ...c,
      volumeMounts: [{ name: 'nope', mountPath: '/x' }],
    }));
    expect(edgeForPath(buildGraph(missing), 'spec.containers[1].volumeMounts[0].name')).toBeUndefined();
  });
});
