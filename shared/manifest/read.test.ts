// The one reader: every document of every corpus file is accounted for, workloads give their Pod template with its
// place, Lists are read item by item, problems are in the shared vocabulary at their lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, manifestFiles, ownDir } from './corpus.test-support';
import { parseManifest } from './parse';
import { detectFormat, readDesign } from './read';

const read = (path: string): string => readFileSync(path, 'utf8');
const design = (text: string, name = 'test.yaml') => readDesign(text, { name });

describe('readDesign', () => {
  it('accounts for every non-empty document of every corpus file: a Pod, an object, or a problem', () => {
    for (const path of [...manifestFiles(corpusDir), ...manifestFiles(ownDir)]) {
      const text = read(path);
      const file = parseManifest(text);
      const result = design(text, path);
      const accounted = new Set([
        ...result.pods.map((p) => p.origin.document),
        ...result.objects.map((o) => o.document),
        ...result.problems.flatMap((d) => (d.at ? [d.at.document] : [])),
      ]);
      const nonEmpty = file.documents.filter((d) => d.value !== null || file.problems.some((p) => p.document === d.index));
      expect(accounted.size, path).toBe(nonEmpty.length);
    }
  });

  it('takes the Pod template of every workload kind, with its place and prefix, and says so', () => {
    const kinds = new Map<string, [string, string]>([
      ['k8s-examples/mongo-controller.yaml', ['ReplicationController', 'spec.template']],
      ['k8s-website/cronjob.yaml', ['CronJob', 'spec.jobTemplate.spec.template']],
      ['k8s-website/daemonset.yaml', ['DaemonSet', 'spec.template']],
      ['k8s-website/mysql-statefulset.yaml', ['StatefulSet', 'spec.template']],
      ['k8s-website/job-sidecar.yaml', ['Job', 'spec.template']],
      ['k8s-website/deployment-sidecar.yaml', ['Deployment', 'spec.template']],
    ]);
    for (const [path, [kind, prefix]] of kinds) {
      const result = design(read(join(corpusDir, path)), path);
      expect(result.pods, path).toHaveLength(1);
      const { pod, origin } = result.pods[0]!;
      expect(origin).toMatchObject({ kind, fieldPrefix: prefix, path: prefix.split('.') });
      expect(pod.kind).toBe('Pod');
      expect(pod.metadata.name).toBeTruthy();
      expect(pod.spec.containers.length).toBeGreaterThan(0);
      expect(result.notes.map((n) => n.message).join(' ')).toContain(`Pod template of ${kind}`);
      // The workload itself stays in the design as an object.
      expect(result.objects.map((o) => o.object.kind)).toContain(kind);
    }
  });

  it('takes a ReplicaSet template as a Pod of the workload name and labels', () => {
    const rs =
      'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers: [{name: c, image: i}]\n';
    const result = design(rs);
    expect(result.pods[0]!.pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'rs', labels: { a: 'b' } },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    });
    expect(result.pods[0]!.origin.path).toEqual(['spec', 'template']);
  });

  it('keeps Services and other kinds as objects, and names what has no kind at its line', () => {
    const guestbook = design(read(join(corpusDir, 'k8s-examples/guestbook-all-in-one.yaml')));
    expect(guestbook.pods).toHaveLength(3);
    expect(guestbook.objects.map((o) => o.object.kind).filter((k) => k === 'Service')).toHaveLength(3);
    const broken = design(read(join(corpusDir, 'k8s-hack-testdata/busybox-broken.yaml')));
    expect(broken.pods).toHaveLength(0);
    expect(broken.problems.map((d) => [d.code, d.severity, d.at?.line])).toEqual([['OBJECT_KIND_MISSING', 'error', 1]]);
  });

  it('opens a List (kubectl get -o yaml) item by item, with each item place', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: i}]}}',
      '  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {template: {spec: {containers: []}}}}',
      '  - {apiVersion: v1, kind: Service, metadata: {name: s}}',
      '',
    ].join('\n');
    const result = design(list);
    expect(result.pods.map((p) => [p.pod.metadata.name, p.origin.path, p.origin.objectPath])).toEqual([
      ['a', ['items', 0], ['items', 0]],
      ['d', ['items', 1, 'spec', 'template'], ['items', 1]],
    ]);
    expect(result.objects.map((o) => [o.object.kind, o.path])).toEqual([
      ['Deployment', ['items', 1]],
      ['Service', ['items', 2]],
    ]);
    expect(result.locate(0, ['items', 2], 'metadata.name')).toEqual({ document: 0, line: 6, column: 48 });
  });

  it('a document with errors gives its problem at its line, the others are still read', () => {
    const result = design('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: []}\n---\na: 1\na: 2\n');
    expect(result.pods).toHaveLength(1);
    expect(result.problems.map((d) => [d.code, d.at?.line, d.at?.document])).toEqual([['YAML_SYNTAX', 7, 1]]);
  });

  it('reads the issue\'s broken ReplicationController: every mistake at its path and line', () => {
    const rc = 'kind: ReplicationController\nmetadata:\n  name: my-nginx\nspec:\n  replicas: asd"\n  templates:\n    spec:\n      containers: [{name: nginx, image: nginx}]\n';
    const result = design(rc);
    expect(result.pods).toEqual([]);
    expect(result.problems.map((d) => [d.code, d.path, d.at?.line])).toEqual([
      ['OBJECT_API_VERSION_MISSING', 'apiVersion', 1],
      ['WORKLOAD_TEMPLATE_MISSING', 'spec.template.spec', 4],
    ]);
  });

  it('gives a StatefulSet\'s Pod the claims of ordinal 0 as volumes, so its mounts keep a volume', () => {
    const zk = design(read(join(corpusDir, 'k8s-website/zookeeper.yaml')));
    const volumes = zk.pods[0]!.pod.spec.volumes ?? [];
    expect(volumes).toContainEqual({ name: 'datadir', persistentVolumeClaim: { claimName: 'datadir-zk-0' } });
    expect(zk.notes.map((n) => n.code)).toContain('STATEFULSET_CLAIMS');
  });

  it('tells Compose files from manifests by their top-level keys', () => {
    expect(detectFormat('services:\n  web:\n    image: nginx\n')).toBe('compose');
    expect(detectFormat('version: "3"\nservices:\n  web: {image: nginx}\n')).toBe('compose');
    expect(detectFormat('apiVersion: v1\nkind: Pod\nmetadata: {name: services}\n')).toBe('kubernetes');
    expect(detectFormat('{"apiVersion": "v1", "kind": "List", "items": []}')).toBe('kubernetes');
  });
});
