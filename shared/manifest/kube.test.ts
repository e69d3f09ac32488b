// The project file's layout annotation, and Kubernetes exports checked against the published OpenAPI schemas
// (kubernetes-models) and read back through the one reader to the same Pod. (Reading itself: read.test.ts.)
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
import { readDesign, type KubeObject } from './read';
import { parseManifest } from './parse';
import { layoutAnnotation, newProjectFile, readLayout, removeLayout, stripLayout, writeLayout } from './project';
import { writeObjects } from './write';
import { corpusDir, manifestFiles, ownDir } from './corpus.test-support';

const corpus = corpusDir;
const own = ownDir;
const read = (path: string): string => readFileSync(path, 'utf8');

const files = (dir: string): string[] => manifestFiles(dir);

/** The design the one reader makes of `text`. */
const design = (text: string) => readDesign(text, { name: 'test.yaml' });
const podsIn = (text: string) => design(text).pods.map((p) => p.pod);
const configMapsIn = (text: string) => design(text).objects.filter((o) => o.object.kind === 'ConfigMap').map((o) => o.object);


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
    const pod = podsIn(podText)[0]!;
    const text = newProjectFile(
      pod,
      [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } }],
      layout,
    );
    const result = design(text);
    expect(result.pods[0]!.origin.document).toBe(0);
    expect(readLayout(result.pods[0]!.pod)).toEqual(layout);
    expect(stripLayout(result.pods[0]!.pod)).toEqual(pod);
    expect(configMapsIn(text)).toHaveLength(1);
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
    podsIn(read(path)).map((pod) => ({
      path,
      file: path.split('/').at(-1)!,
      pod,
      configMaps: configMapsIn(read(path)),
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
      const reread = podsIn(text)[0]!;
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
      const back = podsIn(deploymentText)[0]!;
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
      for (const pod of podsIn(read(path))) {
        const exported = exportKube(withLayout(pod), { as: 'pod' }).objects[0] as unknown as Pod;
        const diagnostics = validatePod(exported);
        expect(acceptedByKubernetes(diagnostics), `${path}: ${verdict(exported).join(', ')}`).toBe(true);
      }
    }
  });

  it('a Deployment comes with a Service for the named ports', () => {
    const pod = podsIn(read(join(own, 'multi-port-pod.yaml')))[0]!;
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
    const text = read(join(own, 'configmap-volume.yaml'));
    const pod = podsIn(text)[0]!;
    expect(referencedConfigMaps(pod)).toEqual(['special-config']);
    const extra = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unrelated' }, data: {} };
    const { objects } = exportKube(pod, { as: 'pod', configMaps: [...configMapsIn(text), extra] });
    expect(objects.map((o) => `${String(o.kind)}/${String((o.metadata as { name: string }).name)}`)).toEqual([
      'Pod/dapi-test-pod',
      'ConfigMap/special-config',
    ]);
    const missing = exportKube(pod, { as: 'pod' });
    expect(missing.notes[0]).toMatch(/ConfigMap "special-config"/);
  });

  it('writes separate files or one multi-document file', () => {
    const pod = podsIn(read(join(own, 'multi-port-pod.yaml')))[0]!;
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
