// Tests the canvas over the Pod: derived graph, edits that map to the spec, PID joins and the project file.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePod } from '../rules';
import {
  addContainer,
  addNamespace,
  addVolume,
  buildGraph,
  connect,
  containerPresets,
  emptyDocument,
  nodeForPath,
  pathSegments,
  removeEdge,
  removeNode,
  removeSelection,
  updateContainer,
  updateVolume,
  volumeTemplate,
  type CanvasDocument,
} from './index';
import { readProject, writeProject } from './project';

function preset(id: string) {
  const p = containerPresets.find((x) => x.id === id)!;
  return p;
}

function twoContainers(): CanvasDocument {
  let doc = emptyDocument();
  doc = addContainer(doc, preset('webServer').container, 'containers').doc;
  doc = addContainer(doc, preset('busyboxShell').container, 'containers').doc;
  return doc;
}

describe('graph', () => {
  it('derives container, volume and namespace nodes and mount edges from the Pod', () => {
    let doc = twoContainers();
    doc = addVolume(doc, volumeTemplate('emptyDir')).doc;
    const r = connect(doc, 'container:web', 'volume:data');
    expect('edge' in r && r.edge).toBe('mount:container:web:0');
    doc = r.doc;
    const graph = buildGraph(doc);
    expect(graph.nodes.map((n) => n.id)).toEqual(['container:web', 'container:shell', 'volume:data', 'ns:shared']);
    expect(doc.pod.spec.containers[0]!.volumeMounts).toEqual([{ name: 'data', mountPath: '/data' }]);
    const mounts = graph.edges.filter((e) => e.kind === 'mount');
    expect(mounts).toHaveLength(1);
    // network/UTS/IPC are joined by every container
    expect(graph.edges.filter((e) => e.kind === 'join' && e.target === 'ns:shared')).toHaveLength(2);
  });

  it('marks init containers with restartPolicy Always as sidecars', () => {
    let doc = addContainer(emptyDocument(), preset('sidecar').container, 'initContainers').doc;
    doc = addContainer(doc, preset('waitFor').container, 'initContainers').doc;
    const roles = buildGraph(doc)
      .nodes.filter((n) => n.kind === 'container')
      .map((n) => n.kind === 'container' && n.role);
    expect(roles).toEqual(['sidecar', 'init']);
  });

  it('gives duplicate container names distinct node ids', () => {
    let doc = twoContainers();
    doc = updateContainer(doc, 'containers', 1, (c) => ({ ...c, name: 'web' }));
    const ids = buildGraph(doc).nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps diagnostic paths to nodes', () => {
    const doc = addNamespace(twoContainers(), 'pid').doc;
    const graph = buildGraph(doc);
    expect(nodeForPath(graph, 'spec.containers[1].ports[0].containerPort')).toBe('container:shell');
    expect(nodeForPath(graph, 'spec.shareProcessNamespace')).toBe('ns:pid');
    expect(nodeForPath(graph, 'metadata.name')).toBe('pod');
    expect(pathSegments('spec.containers[1].ports[0].hostPort')).toEqual([
      'spec',
      'containers',
      1,
      'ports',
      0,
      'hostPort',
    ]);
  });
});

describe('PID namespace', () => {
  it('maps a join by every container to shareProcessNamespace, and a partial join to a diagnostic', () => {
    let doc = addNamespace(twoContainers(), 'pid').doc;
    doc = connect(doc, 'container:web', 'ns:pid').doc;
    expect(doc.pod.spec.shareProcessNamespace).toBeUndefined();
    expect(doc.pidJoins).toEqual(['web']);
    doc = connect(doc, 'ns:pid', 'container:shell').doc;
    expect(doc.pod.spec.shareProcessNamespace).toBe(true);
    expect(doc.pidJoins).toBeNull();
    // Cutting one edge leaves a partial join that Kubernetes cannot express: a diagnostic, not a silent change.
    doc = removeEdge(doc, 'join:container:shell:ns:pid');
    expect(doc.pod.spec.shareProcessNamespace).toBeUndefined();
    expect(doc.pidJoins).toEqual(['web']);
    const diags = validatePod(doc.pod, { namespaces: { pid: doc.pidJoins! } });
    expect(diags.map((d) => d.code)).not.toContain('NAMESPACE_PARTIAL_SHARE'); // one member is not a share
    doc = addContainer(doc, preset('cache').container, 'containers').doc;
    doc = connect(doc, 'container:cache', 'ns:pid').doc;
    const partial = validatePod(doc.pod, { namespaces: { pid: doc.pidJoins! } });
    expect(partial.map((d) => d.code)).toContain('NAMESPACE_PARTIAL_SHARE');
  });

  it('refuses joins that mean nothing in Kubernetes', () => {
    const doc = twoContainers();
    expect(connect(doc, 'container:web', 'ns:shared')).toMatchObject({ refused: 'canvas.refuse.podWide' });
    expect(connect(doc, 'container:web', 'container:shell')).toMatchObject({ refused: 'canvas.refuse.needsContainer' });
  });

  it('deleting a host namespace node clears its flag', () => {
    let doc = addNamespace(twoContainers(), 'hostNetwork').doc;
    expect(doc.pod.spec.hostNetwork).toBe(true);
    expect(buildGraph(doc).byId.has('ns:hostNetwork')).toBe(true);
    doc = removeNode(doc, 'ns:hostNetwork');
    expect('hostNetwork' in doc.pod.spec).toBe(false);
  });
});

describe('edits', () => {
  it('renaming a volume carries its mounts and position along', () => {
    let doc = addVolume(twoContainers(), volumeTemplate('emptyDir'), { x: 5, y: 6 }).doc;
    doc = connect(doc, 'container:shell', 'volume:data').doc;
    doc = updateVolume(doc, 0, (v) => ({ ...v, name: 'cache-dir' }));
    expect(doc.pod.spec.containers[1]!.volumeMounts![0]!.name).toBe('cache-dir');
    expect(doc.layout['volume:cache-dir']).toEqual({ x: 5, y: 6 });
  });

  it('deleting a volume removes its mounts; deleting a selection keeps indexes right', () => {
    let doc = addVolume(twoContainers(), volumeTemplate('emptyDir')).doc;
    doc = connect(doc, 'container:web', 'volume:data').doc;
    const gone = removeNode(doc, 'volume:data');
    expect(gone.pod.spec.containers[0]!.volumeMounts).toBeUndefined();
    const both = removeSelection(doc, ['container:web', 'container:shell', 'mount:container:web:0']);
    expect(both.pod.spec.containers).toEqual([]);
    expect(both.pod.spec.volumes).toHaveLength(1);
  });
});

describe('project file', () => {
  it('round-trips the Pod, the layout and a partial PID join, and exports without the annotation', () => {
    let doc = addNamespace(twoContainers(), 'pid', { x: 1, y: 2 }).doc;
    doc = connect(doc, 'container:web', 'ns:pid').doc;
    doc = { ...doc, layout: { ...doc.layout, 'container:web': { x: 10, y: 20 } } };
    const text = writeProject(doc);
    expect(text).toContain('podwright.dev/layout');
    const back = readProject(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.doc.pod).toEqual(doc.pod);
    expect(back.doc.pidJoins).toEqual(['web']);
    expect(back.doc.layout['container:web']).toEqual({ x: 10, y: 20 });
    expect(back.doc.layout['ns:pid']).toEqual({ x: 1, y: 2 });
  });

  it('reports unreadable input instead of throwing', () => {
    const r = readProject('kind: [');
    expect(r.ok).toBe(false);
  });

  it.each(readdirSync('assets/examples').filter((f) => f.endsWith('.pod.yaml')))('reads example %s', (file) => {
    const r = readProject(readFileSync(`assets/examples/${file}`, 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const codes = validatePod(r.doc.pod)
      .filter((d) => d.severity !== 'info')
      .map((d) => d.code);
    expect(codes).toEqual(file === 'port-clash.pod.yaml' ? ['POD_PORT_CLASH'] : []);
  });
});
