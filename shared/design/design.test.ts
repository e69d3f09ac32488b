// Tests designs of several Pods: reading every Pod and companion of a real multi-document file, writing them back
// byte-stable, placing groups side by side, and the host port clash across Pods.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/pod';
import { emptyDocument, type CanvasDocument } from './document';
import {
  companionsOf,
  makeRoomRightOf,
  newPodBeside,
  placeSideBySide,
  podGap,
  podNodePrefix,
  splitPodNodeId,
  singlePodDesign,
  unplacedPods,
  type Design,
} from './design';
import { openDesign, writeDesign } from './design-file';
import { crossPodDiagnostics, crossPodHostPortClashes, designHostPortClash } from './design-ports';
import { designPodNameDuplicate } from './design-names';
import { addContainer } from './edit';
import { buildGraph } from './graph';
import { readProject, writeProject } from './project';

const manifests = '../shared/testdata/manifests';
const read = (path: string): string => readFileSync(`${manifests}/${path}`, 'utf8');

const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-settings
data:
  LOG_LEVEL: debug
`;

function mustRead(text: string): Design {
  const r = openDesign(text);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

function overlaps(a: CanvasDocument, b: CanvasDocument): boolean {
  const x = buildGraph(a).bounds;
  const y = buildGraph(b).bounds;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

describe('reading a design', () => {
  it('keeps every workload Pod template and every other object of a multi-document file', () => {
    const design = mustRead(read('k8s-examples/guestbook-all-in-one.yaml'));
    expect(design.pods.map((d) => d.pod.metadata.name)).toEqual(['redis-master', 'redis-replica', 'frontend']);
    expect(design.companions.map((c) => `${String(c.kind)} ${(c.metadata as { name: string }).name}`)).toEqual([
      'Service redis-master',
      'Service redis-replica',
      'Service frontend',
    ]);
  });

  it('round-trips 3 Pods and a ConfigMap: the saved text reads back to the same design and saves to the same bytes', () => {
    const text = [
      read('k8s-website-kyaml/two-container-pod.yaml'),
      read('k8s-website/share-process-namespace.yaml'),
      read('k8s-examples/javaweb-2.yaml'),
      configMap,
    ]
      .map((t) => t.replace(/^---\n/, ''))
      .join('\n---\n');
    const first = mustRead(text);
    expect(first.pods).toHaveLength(3);
    expect(first.companions.map((c) => c.kind)).toEqual(['ConfigMap']);
    // Placed side by side, as the canvas does for Pods without positions, then saved.
    const placed: Design = { ...first, pods: placeSideBySide(first.pods, unplacedPods(first.pods)) };
    const saved = writeDesign(placed);
    const again = mustRead(saved);
    expect(again.pods.map((d) => d.pod)).toEqual(placed.pods.map((d) => d.pod));
    expect(again.pods.map((d) => d.layout)).toEqual(placed.pods.map((d) => writeLayoutOf(d)));
    expect(again.companions).toEqual(placed.companions);
    expect(writeDesign(again)).toBe(saved);
    // Each Pod keeps its own layout annotation.
    expect(saved.match(/podwright\.dev\/layout/g)).toHaveLength(3);
  });

  it('writes a design of one Pod exactly as the single-Pod project file', () => {
    const doc = addContainer(emptyDocument(), { name: 'web', image: 'nginx' }, 'containers', { x: 5, y: 6 }).doc;
    expect(writeDesign(singlePodDesign(doc))).toBe(writeProject(doc));
    const r = readProject(writeDesign(singlePodDesign(doc)));
    expect(r.ok && r.doc.pod).toEqual(doc.pod);
  });

  it('refuses a file with no Pod and reports one that does not parse', () => {
    expect(openDesign(configMap).ok).toBe(false);
    expect(openDesign('kind: [').ok).toBe(false);
  });
});

/** The layout a saved Pod reads back with: every node's position (writeProject stores them all). */
function writeLayoutOf(doc: CanvasDocument): Record<string, { x: number; y: number }> {
  return Object.fromEntries(buildGraph(doc).nodes.map((n) => [n.id, n.position]));
}

describe('placing Pods', () => {
  it('puts unplaced Pods side by side without overlapping, tops in line', () => {
    const design = mustRead(read('k8s-examples/guestbook-all-in-one.yaml'));
    expect(design.pods.every((d, i) => i === 0 || overlaps(d, design.pods[0]!))).toBe(true);
    const placed = placeSideBySide(design.pods, unplacedPods(design.pods));
    expect(placed[0]).toBe(design.pods[0]);
    for (let i = 1; i < placed.length; i++) {
      const left = buildGraph(placed[i - 1]!).bounds;
      const here = buildGraph(placed[i]!).bounds;
      expect(here.x).toBe(left.x + left.width + podGap);
      expect(here.y).toBe(buildGraph(placed[0]!).bounds.y);
      expect(overlaps(placed[i]!, placed[i - 1]!)).toBe(false);
    }
  });

  it('adds a new empty Pod right of every group, with a name no Pod has', () => {
    const one = addContainer(emptyDocument(), { name: 'web', image: 'nginx' }, 'containers', { x: 700, y: 0 }).doc;
    const added = newPodBeside([one]);
    expect(added.pod.metadata.name).toBe('my-pod-2');
    expect(added.pod.spec.containers).toEqual([]);
    expect(buildGraph(added).bounds.x).toBeGreaterThanOrEqual(buildGraph(one).bounds.x + buildGraph(one).bounds.width);
    expect(newPodBeside([one, added]).pod.metadata.name).toBe('my-pod-3');
  });
});

function podWithPorts(name: string, ports: Record<string, unknown>[], hostNetwork = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { ...(hostNetwork && { hostNetwork: true }), containers: [{ name: 'c', image: 'busybox', ports }] },
  } as Pod;
}

describe('host port clash across Pods', () => {
  it('warns on the later Pod that publishes the same host port, protocol and address, with a fix', () => {
    const pods = [
      podWithPorts('a', [{ containerPort: 80, hostPort: 8080 }]),
      podWithPorts('b', [{ containerPort: 81, hostPort: 8080 }]),
    ];
    const [first, second] = crossPodHostPortClashes(pods);
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
    const d = second![0]!;
    expect(d).toMatchObject({
      code: designHostPortClash,
      severity: 'warning',
      path: 'spec.containers[0].ports[0].hostPort',
    });
    expect(d.params).toEqual({ port: 8080, protocol: 'TCP', pod: 'a' });
    expect(d.fixes[0]!.patch).toEqual([{ op: 'add', path: '/spec/containers/0/ports/0/hostPort', value: 8081 }]);
  });

  it('does not warn for another protocol, two explicit addresses, or a port published only once', () => {
    const pods = [
      podWithPorts('a', [{ containerPort: 80, hostPort: 8080, protocol: 'UDP', hostIP: '127.0.0.1' }]),
      podWithPorts('b', [{ containerPort: 80, hostPort: 8080 }]),
      podWithPorts('c', [{ containerPort: 80, hostPort: 8080, protocol: 'UDP', hostIP: '127.0.0.2' }]),
      podWithPorts('d', [{ containerPort: 80 }]),
    ];
    expect(crossPodHostPortClashes(pods).map((l) => l.length)).toEqual([0, 0, 0, 0]);
  });

  it('treats every address as clashing with one address, and hostNetwork ports as host ports', () => {
    const pods = [
      podWithPorts('a', [{ containerPort: 80, hostPort: 9000, hostIP: '127.0.0.1' }]),
      podWithPorts('b', [{ containerPort: 80, hostPort: 9000 }]),
      podWithPorts('host', [{ containerPort: 9000 }], true),
    ];
    const result = crossPodHostPortClashes(pods);
    expect(result[1]!.map((d) => d.params?.pod)).toEqual(['a']);
    expect(result[2]!.map((d) => d.path)).toEqual(['spec.containers[0].ports[0].containerPort']);
    expect(result[2]![0]!.fixes).toEqual([]);
  });
});

describe('node ids of inactive Pods', () => {
  it('prefixes them with the Pod index and reads them back', () => {
    expect(splitPodNodeId(`${podNodePrefix(2)}container:web`)).toEqual({ pod: 2, local: 'container:web' });
    expect(splitPodNodeId('container:web')).toEqual({ pod: undefined, local: 'container:web' });
    expect(splitPodNodeId(`${podNodePrefix(0)}pod`)).toEqual({ pod: 0, local: 'pod' });
  });
});

describe('companions a Pod reads', () => {
  it('picks the ConfigMaps and Secrets the Pod mounts or reads into env, and nothing else', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        volumes: [
          { name: 'cfg', configMap: { name: 'app-settings' } },
          { name: 'tls', secret: { secretName: 'tls' } },
          { name: 'all', projected: { sources: [{ configMap: { name: 'projected' } }] } },
        ],
        containers: [
          {
            name: 'c',
            image: 'busybox',
            env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'token', key: 'a' } } }],
            envFrom: [{ configMapRef: { name: 'env-cm' } }],
          },
        ],
      },
    } as unknown as Pod;
    const object = (kind: string, name: string) => ({ apiVersion: 'v1', kind, metadata: { name } });
    const companions = [
      object('Service', 'app-settings'),
      object('ConfigMap', 'app-settings'),
      object('ConfigMap', 'unused'),
      object('Secret', 'tls'),
      object('Secret', 'token'),
      object('ConfigMap', 'projected'),
      object('ConfigMap', 'env-cm'),
      object('Secret', 'app-settings'),
    ];
    expect(
      companionsOf(pod, companions).map((c) => `${String(c.kind)}/${(c.metadata as { name: string }).name}`),
    ).toEqual(['ConfigMap/app-settings', 'Secret/tls', 'Secret/token', 'ConfigMap/projected', 'ConfigMap/env-cm']);
  });
});

describe('duplicate Pod names in a design', () => {
  it('warns on the later Pod of the same name and namespace, with a rename fix; other namespaces are fine', () => {
    const named = (name: string, namespace?: string) =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, ...(namespace && { namespace }) },
        spec: { containers: [] },
      }) as Pod;
    const result = crossPodDiagnostics([named('web'), named('web', 'other'), named('web'), named('web-2')]);
    expect(result.map((l) => l.map((d) => d.code))).toEqual([[], [], [designPodNameDuplicate], []]);
    expect(result[2]![0]!.fixes[0]!.patch).toEqual([{ op: 'replace', path: '/metadata/name', value: 'web-3' }]);
  });
});

describe('making room after a group grew', () => {
  it('moves the groups it now overlaps to its right, down the row, and leaves the rest', () => {
    // Each Pod's nodes all at `x` (the namespace node too), so the groups stand where the test says.
    const at = (name: string, x: number): CanvasDocument => {
      const empty = emptyDocument();
      const doc = addContainer({ ...empty, pod: { ...empty.pod, metadata: { name } } }, { name: 'c' }, 'containers', {
        x,
        y: 200,
      }).doc;
      return { ...doc, layout: { ...doc.layout, 'ns:shared': { x, y: -120 } } };
    };
    const left = at('left', -1000);
    const grown = addContainer(at('grown', 0), { name: 'wide' }, 'containers', { x: 700, y: 200 }).doc;
    const next = at('next', 600);
    const far = at('far', 900);
    const out = makeRoomRightOf([left, grown, next, far], 1);
    expect(out[0]).toBe(left);
    const right = (d: CanvasDocument) => buildGraph(d).bounds.x + buildGraph(d).bounds.width;
    expect(buildGraph(out[2]!).bounds.x).toBe(right(grown) + podGap);
    expect(buildGraph(out[3]!).bounds.x).toBe(right(out[2]!) + podGap);
    expect(makeRoomRightOf([left, next], 0)).toEqual([left, next]);
  });
});
