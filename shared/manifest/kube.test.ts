// Import from any workload, the project file's layout annotation, and Kubernetes exports checked against the
// published OpenAPI schemas (kubernetes-models) and re-imported to the same Pod.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Pod as PodModel } from 'kubernetes-models/v1/Pod';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model';
import { acceptedByKubernetes, validatePod } from '../rules';
import { cleanPod, exportFiles, exportKube, referencedConfigMaps } from './export';
import { importManifest, type KubeObject } from './import';
import { parseManifest } from './parse';
import { layoutAnnotation, newProjectFile, readLayout, removeLayout, stripLayout, writeLayout } from './project';
import { writeObjects } from './write';
import { corpusDir, manifestFiles, ownDir } from './corpus.test-support';

const corpus = corpusDir;
const own = ownDir;
const read = (path: string): string => readFileSync(path, 'utf8');

const files = (dir: string): string[] => manifestFiles(dir);

function validate(obj: KubeObject): void {
  switch (obj.kind) {
    case 'Pod':
      new PodModel(obj as never).validate();
      break;
    case 'Deployment':
      new Deployment(obj as never).validate();
      break;
    case 'Service':
      new Service(obj as never).validate();
      break;
    case 'ConfigMap':
      new ConfigMap(obj as never).validate();
      break;
    default:
      throw new Error(`no schema check for ${String(obj.kind)}`);
  }
}

/** Fields newer than the kubernetes-models schemas, or invalid upstream on purpose (INDEX.tsv says which). */
const knownInvalid = new Set(['invalid-pod.yaml', 'invalid-rc-with-empty-args.yaml', 'invalid.yaml']);

const layout = { version: 1 as const, nodes: { 'container:web': { x: 10, y: 20 }, 'volume:data': { x: -5.5, y: 0 } } };

describe('import', () => {
  it('every document of every corpus file is imported or listed as set aside', () => {
    for (const path of [...files(corpus), ...files(own)]) {
      const file = parseManifest(read(path));
      const result = importManifest(file);
      const accounted = new Set([
        ...result.pods.map((p) => p.docIndex),
        ...result.configMaps.map((c) => c.docIndex),
        ...result.secrets.map((s) => s.docIndex),
        ...result.setAside.map((s) => s.docIndex),
      ]);
      const nonEmpty = file.documents.filter(
        (d) => d.value !== null || file.problems.some((p) => p.document === d.index),
      );
      expect(accounted.size, path).toBe(nonEmpty.length);
    }
  });

  it('takes the Pod template of every workload kind and says so', () => {
    const kinds = new Map<string, string>([
      ['k8s-examples/mongo-controller.yaml', 'ReplicationController'],
      ['k8s-website/cronjob.yaml', 'CronJob'],
      ['k8s-website/daemonset.yaml', 'DaemonSet'],
      ['k8s-website/mysql-statefulset.yaml', 'StatefulSet'],
      ['k8s-website/job-sidecar.yaml', 'Job'],
      ['k8s-website/deployment-sidecar.yaml', 'Deployment'],
    ]);
    for (const [path, kind] of kinds) {
      const result = importManifest(read(join(corpus, path)));
      expect(result.pods, path).toHaveLength(1);
      const imported = result.pods[0]!;
      expect(imported.from.kind).toBe(kind);
      expect(imported.pod.kind).toBe('Pod');
      expect(imported.pod.metadata.name).toBeTruthy();
      expect(imported.pod.spec.containers.length).toBeGreaterThan(0);
      expect(imported.notes.join(' ')).toContain(`Pod template of ${kind}`);
    }
  });

  it('takes a ReplicaSet template too', () => {
    const rs =
      'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  selector:\n    matchLabels: {a: b}\n  template:\n    metadata:\n      labels: {a: b}\n    spec:\n      containers: [{name: c, image: i}]\n';
    const result = importManifest(rs);
    expect(result.pods[0]!.pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'rs', labels: { a: 'b' } },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    });
    expect(result.pods[0]!.path).toEqual(['spec', 'template']);
  });

  it('keeps Services and other kinds aside, and names what has no kind', () => {
    const guestbook = importManifest(read(join(corpus, 'k8s-examples/guestbook-all-in-one.yaml')));
    expect(guestbook.pods).toHaveLength(3);
    expect(guestbook.setAside.map((s) => s.kind)).toEqual(['Service', 'Service', 'Service']);
    expect(guestbook.setAside[0]!.reason).toMatch(/kept aside/);
    const broken = importManifest(read(join(corpus, 'k8s-hack-testdata/busybox-broken.yaml')));
    expect(broken.pods).toHaveLength(0);
    expect(broken.setAside[0]!.reason).toMatch(/no kind/);
  });

  it('opens a List (kubectl get -o yaml) item by item, with each item path', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: i}]}}',
      '  - {apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {template: {spec: {containers: []}}}}',
      '  - {apiVersion: v1, kind: Service, metadata: {name: s}}',
      '',
    ].join('\n');
    const result = importManifest(list);
    expect(result.pods.map((p) => [p.pod.metadata.name, p.path])).toEqual([
      ['a', ['items', 0]],
      ['d', ['items', 1, 'spec', 'template']],
    ]);
    expect(result.setAside).toMatchObject([{ docIndex: 0, path: ['items', 2], kind: 'Service' }]);
  });

  it('reads ConfigMaps and Secrets as companions', () => {
    const result = importManifest(read(join(own, 'configmap-volume.yaml')));
    expect(result.configMaps).toHaveLength(1);
    expect(result.pods).toHaveLength(1);
    const secret = importManifest('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\n');
    expect(secret.secrets).toHaveLength(1);
  });

  it('a document with errors is set aside with the problem, the others are still read', () => {
    const result = importManifest(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: []}\n---\na: 1\na: 2\n',
    );
    expect(result.pods).toHaveLength(1);
    expect(result.setAside).toEqual([{ docIndex: 1, reason: 'the document has errors (see problems)' }]);
    expect(result.problems[0]!.line).toBe(7);
  });
});

describe('project file', () => {
  const podText = read(join(own, 'multi-port-pod.yaml'));

  it('stores the layout in one annotation and removes it without a trace', () => {
    const file = parseManifest(podText);
    const withLayout = writeLayout(file, 0, layout);
    expect(readLayout(withLayout.documents[0]!.value)).toEqual(layout);
    const added = withLayout.source.split('\n').filter((l) => !podText.split('\n').includes(l));
    expect(added).toEqual(['  annotations:', `    ${layoutAnnotation}: '${JSON.stringify(layout)}'`]);
    expect(removeLayout(withLayout, 0).source).toBe(podText);
    // Moving a node rewrites that one line.
    const moved = writeLayout(withLayout, 0, {
      ...layout,
      nodes: { ...layout.nodes, 'container:web': { x: 11, y: 20 } },
    });
    expect(moved.source.split('\n').filter((l, i) => l !== withLayout.source.split('\n')[i])).toHaveLength(1);
  });

  it('ignores a layout that is not ours or not JSON', () => {
    expect(readLayout({ metadata: { annotations: { [layoutAnnotation]: '{not json' } } })).toBeUndefined();
    expect(
      readLayout({ metadata: { annotations: { [layoutAnnotation]: '{"nodes":{"a":{"x":"1"}}}' } } }),
    ).toBeUndefined();
  });

  it('a new project file is plain Kubernetes YAML with the Pod first', () => {
    const pod = importManifest(podText).pods[0]!.pod;
    const text = newProjectFile(
      pod,
      [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }],
      layout,
    );
    const result = importManifest(text);
    expect(result.pods[0]!.docIndex).toBe(0);
    expect(readLayout(result.pods[0]!.pod)).toEqual(layout);
    expect(stripLayout(result.pods[0]!.pod)).toEqual(pod);
    expect(result.configMaps).toHaveLength(1);
  });
});

/** What the rule engine behind `podwright validate` says about a Pod: rule codes at field paths. */
function verdict(pod: Pod): string[] {
  return validatePod(pod).map((d) => `${d.code} ${d.path}`);
}

function withLayout(pod: Pod): Pod {
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: { ...pod.metadata.annotations, [layoutAnnotation]: JSON.stringify(layout) },
    },
  };
}

describe('export to Kubernetes', () => {
  const corpusPods = [...files(corpus), ...files(own)].flatMap((path) =>
    importManifest(read(path)).pods.map((p) => ({
      path,
      file: path.split('/').at(-1)!,
      pod: p.pod,
      configMaps: importManifest(read(path)).configMaps.map((c) => c.object),
    })),
  );

  it('covers many Pods', () => {
    expect(corpusPods.length).toBeGreaterThan(40);
  });

  it.each(corpusPods.filter((p) => !knownInvalid.has(p.file)).map((p) => [`${p.file} ${p.pod.metadata.name}`, p]))(
    '%s: Pod and Deployment exports pass the schema and re-import to the same Pod',
    (_, { pod, configMaps }) => {
      const designed = withLayout(pod);
      const asPod = exportKube(designed, { as: 'pod', configMaps });
      for (const obj of asPod.objects) validate(obj);
      const text = writeObjects(asPod.objects);
      expect(text).not.toContain(layoutAnnotation);
      const reread = importManifest(text).pods[0]!.pod;
      expect(reread).toEqual(cleanPod(pod));
      // `podwright validate` (the rule engine) sees the exported Pod exactly as it saw the design.
      expect(verdict(reread)).toEqual(verdict(cleanPod(pod)));

      const asDeployment = exportKube(designed, { as: 'deployment', replicas: 3, configMaps });
      for (const obj of asDeployment.objects) validate(obj);
      const deployment = asDeployment.objects[0]! as {
        spec: { replicas: number; selector: { matchLabels: unknown }; template: { metadata: { labels: unknown } } };
      };
      expect(deployment.spec.replicas).toBe(3);
      expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
      const deploymentText = writeObjects(asDeployment.objects);
      expect(deploymentText).not.toContain(layoutAnnotation);
      const back = importManifest(deploymentText).pods[0]!.pod;
      const expected = cleanPod(pod);
      // The Deployment adds the labels it needs and drops what a Deployment forbids; all else comes back as it was.
      expect(back.spec).toEqual(
        expected.spec.restartPolicy && expected.spec.restartPolicy !== 'Always'
          ? { ...expected.spec, restartPolicy: undefined }
          : expected.spec,
      );
      expect(back.metadata.name).toBe(expected.metadata.name);
      if (!expected.spec.restartPolicy || expected.spec.restartPolicy === 'Always') {
        expect(verdict(back)).toEqual(verdict(expected));
      }
      if (expected.metadata.labels && Object.keys(expected.metadata.labels).length > 0)
        expect(back.metadata.labels).toEqual(expected.metadata.labels);
    },
  );

  it('known-invalid corpus Pods fail the schema check (the check can fail)', () => {
    const invalid = corpusPods.filter(
      (p) => p.file === 'invalid-pod.yaml' || p.file === 'invalid-rc-with-empty-args.yaml',
    );
    expect(invalid.length).toBe(2);
    for (const p of invalid) expect(() => exportKube(p.pod, { as: 'pod' }).objects.forEach(validate)).toThrow();
  });

  it('our own classic examples export as Pods that Kubernetes accepts', () => {
    for (const path of files(own)) {
      for (const { pod } of importManifest(read(path)).pods) {
        const exported = exportKube(withLayout(pod), { as: 'pod' }).objects[0] as unknown as Pod;
        const diagnostics = validatePod(exported);
        expect(acceptedByKubernetes(diagnostics), `${path}: ${verdict(exported).join(', ')}`).toBe(true);
      }
    }
  });

  it('a Deployment comes with a Service for the named ports', () => {
    const pod = importManifest(read(join(own, 'multi-port-pod.yaml'))).pods[0]!.pod;
    const { objects, notes } = exportKube(pod, { as: 'deployment' });
    expect(objects.map((o) => o.kind)).toEqual(['Deployment', 'Service']);
    const service = objects[1] as { spec: { selector: unknown; ports: unknown[] } };
    expect(service.spec.selector).toEqual({ app: 'multi-port' });
    expect(service.spec.ports).toEqual([
      { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
      { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
      { name: 'dns-udp', port: 53, targetPort: 'dns-udp', protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, targetPort: 'dns-tcp', protocol: 'TCP' },
    ]);
    expect(notes).toEqual([]);
  });

  it('exports the ConfigMaps the Pod references, and says which are missing', () => {
    const result = importManifest(read(join(own, 'configmap-volume.yaml')));
    const pod = result.pods[0]!.pod;
    expect(referencedConfigMaps(pod)).toEqual(['special-config']);
    const extra = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unrelated' }, data: {} };
    const { objects } = exportKube(pod, { as: 'pod', configMaps: [...result.configMaps.map((c) => c.object), extra] });
    expect(objects.map((o) => `${String(o.kind)}/${String((o.metadata as { name: string }).name)}`)).toEqual([
      'Pod/dapi-test-pod',
      'ConfigMap/special-config',
    ]);
    const missing = exportKube(pod, { as: 'pod' });
    expect(missing.notes[0]).toMatch(/ConfigMap "special-config"/);
  });

  it('writes separate files or one multi-document file', () => {
    const pod = importManifest(read(join(own, 'multi-port-pod.yaml'))).pods[0]!.pod;
    const { objects } = exportKube(pod, { as: 'deployment' });
    const separate = exportFiles(objects, 'multi-port', false);
    expect(separate.map((f) => f.name)).toEqual(['multi-port-deployment.yaml', 'multi-port-service.yaml']);
    const single = exportFiles(objects, 'multi-port', true);
    expect(single.map((f) => f.name)).toEqual(['multi-port.yaml']);
    expect(parseManifest(single[0]!.text).documents.map((d) => d.value)).toEqual(
      separate.map((f) => parseManifest(f.text).documents[0]!.value),
    );
    expect(single[0]!.text.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: multi-port\n')).toBe(
      true,
    );
  });
});
