// Deployment and Services around the Pod: wrapping and unwrapping, the Deployment put together from the document and
// split back, Services with their selector and port edges, connections, the design's checks, files and export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../manifest/corpus.test-support';
import { loadCatalogue, lookup, render } from '../../rules/workloads/catalogue.test-support';
import { parseManifest } from '../../manifest/parse';
import { applyFix } from '../../rules/fix';
import type { Pod } from '../../model/pod';
import { type Design } from '../design';
import { openDesign, writeDesign } from '../design-file';
import { emptyDocument, type CanvasDocument } from '../document';
import { exportDesignText, ExportRefused } from '../export-design';
import {
  connectServicePort,
  deploymentOf,
  moveService,
  newService,
  portTargets,
  replicaCount,
  selectedPods,
  servicePorts,
  servicePosition,
  servicesOf,
  setReplicas,
  unwrapDeployment,
  withDeployment,
  wrapInDeployment,
} from './index';
import { deploymentDiagnostics, designRuleTexts, serviceDiagnostics } from './rules';

function podDoc(name: string, labels?: Record<string, string>, ports: Record<string, unknown>[] = []): CanvasDocument {
  const doc = emptyDocument();
  return {
    ...doc,
    pod: {
      ...doc.pod,
      metadata: { name, ...(labels && { labels }) },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: ports as never }] },
    },
  };
}

const service = (spec: Record<string, unknown>, name = 'web') => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec,
});

describe('a Pod wrapped in a Deployment', () => {
  it('selects the Pod’s labels, giving an unlabelled Pod app=<name>', () => {
    const wrapped = wrapInDeployment(podDoc('shop'), 3);
    expect(wrapped.pod.metadata.labels).toEqual({ app: 'shop' });
    expect(deploymentOf(wrapped)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels: { app: 'shop' }, name: 'shop' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'shop' } },
        template: { metadata: { labels: { app: 'shop' } }, spec: wrapped.pod.spec },
      },
    });
    expect(replicaCount(wrapped)).toBe(3);
    expect(deploymentDiagnostics(wrapped)).toEqual([]);
  });

  it('keeps a labelled Pod’s labels and unwraps to the Pod as it was', () => {
    const doc = podDoc('shop', { app: 'shop', tier: 'web' });
    const wrapped = wrapInDeployment(doc);
    expect(wrapped.pod).toBe(doc.pod);
    expect(unwrapDeployment(wrapped)).toEqual(doc);
    expect(replicaCount(unwrapDeployment(wrapped))).toBeUndefined();
  });

  it('reports a selector the Pod’s labels no longer satisfy, and fixes it on either side', () => {
    const wrapped = wrapInDeployment(podDoc('shop', { app: 'shop' }));
    const relabelled = {
      ...wrapped,
      pod: { ...wrapped.pod, metadata: { ...wrapped.pod.metadata, labels: { app: 'store' } } },
    };
    const [d] = deploymentDiagnostics(relabelled);
    expect(`${d!.code} ${d!.path}`).toBe('WORKLOAD_SELECTOR_MISMATCH spec.template.metadata.labels');
    expect(d!.fixes.map((f) => f.title)).toEqual([
      'Label the template app=shop',
      "Select the template's labels (app=store)",
    ]);
    for (const fix of d!.fixes) {
      const fixed = withDeployment(relabelled, applyFix(deploymentOf(relabelled) as unknown as Pod, fix) as never);
      expect(deploymentDiagnostics(fixed)).toEqual([]);
      expect(fixed.pod.metadata.name).toBe('shop');
      expect(fixed.pod.spec).toEqual(relabelled.pod.spec);
    }
  });

  it('keeps what the user types as replicas, and the rules say when it is not a count', () => {
    const wrapped = setReplicas(wrapInDeployment(podDoc('shop')), 'three');
    expect(replicaCount(wrapped)).toBeUndefined();
    expect(deploymentDiagnostics(wrapped).map((d) => `${d.code} ${d.path}`)).toEqual([
      'WORKLOAD_REPLICAS_INVALID spec.replicas',
    ]);
    expect(
      deploymentDiagnostics({
        ...wrapped,
        pod: { ...wrapped.pod, spec: { ...wrapped.pod.spec, restartPolicy: 'Never' } },
      }).map((d) => d.code),
    ).toContain('WORKLOAD_RESTART_POLICY');
  });

  it('is saved as the Deployment and opened as the wrapped Pod, layout and all', () => {
    const wrapped = { ...wrapInDeployment(podDoc('shop'), 2), layout: { 'container:web': { x: 10, y: 20 } } };
    const text = writeDesign({ pods: [wrapped], companions: [] });
    expect(text).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    const read = openDesign(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [doc] = read.design.pods;
    expect(doc!.layout['container:web']).toEqual({ x: 10, y: 20 });
    expect(doc!.pod).toEqual(wrapped.pod);
    expect(deploymentOf(doc!)).toEqual(deploymentOf(wrapped));
    expect(read.notes).toEqual([]);
  });

  it('opens a real Deployment with its Service and writes both back', () => {
    const text = readFileSync(join(corpusDir, 'k8s-website/nginx-secure-app.yaml'), 'utf8');
    const read = openDesign(text);
    if (!read.ok) throw new Error(read.error);
    const [doc] = read.design.pods;
    expect(replicaCount(doc!)).toBe(1);
    const original = parseManifest(text).documents.map((d) => d.value);
    expect(deploymentOf(doc!)).toEqual(original.find((o) => (o as { kind: string }).kind === 'Deployment'));
    const services = servicesOf(read.design.companions);
    expect(services.map((s) => s.id)).toEqual(['service:my-nginx']);
    expect(selectedPods(services[0]!.service, [doc!.pod])).toEqual([0]);
  });
});

describe('Services on the canvas', () => {
  const pods = [
    podDoc('shop', { app: 'shop' }, [
      { name: 'http', containerPort: 8080 },
      { containerPort: 9090, protocol: 'UDP' },
    ]).pod,
    podDoc('db', { app: 'db' }, [{ name: 'http', containerPort: 5432 }]).pod,
  ];

  it('reads Services from the design’s objects, with their ports as Kubernetes defaults them', () => {
    const companions = [
      { kind: 'ConfigMap', metadata: { name: 'c' } },
      service({ ports: [{ port: 80 }] }),
      service({}, 'web'),
    ];
    expect(servicesOf(companions).map((s) => [s.index, s.id])).toEqual([
      [1, 'service:web'],
      [2, 'service:web#2'],
    ]);
    expect(servicePorts(companions[1]!)).toEqual([{ index: 0, port: 80, targetPort: 80, protocol: 'TCP' }]);
  });

  it('selects Pods by every label of its selector', () => {
    expect(selectedPods(service({ selector: { app: 'shop' } }), pods)).toEqual([0]);
    expect(selectedPods(service({ selector: { app: 'shop', tier: 'x' } }), pods)).toEqual([]);
    expect(selectedPods(service({}), pods)).toEqual([]);
  });

  it('reaches container ports by name or number, and protocol', () => {
    const ports = servicePorts(
      service({
        ports: [
          { port: 80, targetPort: 'http' },
          { port: 53, targetPort: 9090, protocol: 'UDP' },
          { port: 54, targetPort: 9090 },
        ],
      }),
    );
    const found = ports.map((p) => portTargets(p, pods, [0, 1]).map((t) => `${t.pod}:${t.containerName}:${t.port}`));
    expect(found).toEqual([['0:web:0', '1:web:0'], ['0:web:1'], []]);
  });

  it('connects a new Service to a named port: targetPort by name, selector from the Pod', () => {
    const made = connectServicePort(service({}), undefined, pods[0]!, 'containers', 0, 0)!;
    expect(made.service.spec).toEqual({
      ports: [{ name: 'http', port: 8080, targetPort: 'http' }],
      selector: { app: 'shop' },
    });
    expect(made.pod).toBeUndefined();
    expect(serviceDiagnostics(made.service, pods)).toEqual([]);
    // A second port: each needs a name now, so the first unnamed one gets one.
    const unnamed = connectServicePort(
      service({ ports: [{ port: 80 }], selector: { app: 'shop' } }),
      undefined,
      pods[0]!,
      'containers',
      0,
      1,
    )!;
    expect(unnamed.service.spec).toMatchObject({
      ports: [
        { name: 'port-80', port: 80 },
        { name: 'port-9090', port: 9090, targetPort: 9090, protocol: 'UDP' },
      ],
    });
  });

  it('labels an unlabelled Pod so the Service can select it', () => {
    const bare = podDoc('solo', undefined, [{ containerPort: 80 }]).pod;
    const made = connectServicePort(service({}), undefined, bare, 'containers', 0, 0)!;
    expect(made.pod!.metadata.labels).toEqual({ app: 'solo' });
    expect(selectedPods(made.service, [made.pod!])).toEqual([0]);
  });

  it('warns when the selector matches no Pod, with fixes that select one', () => {
    const [d] = serviceDiagnostics(
      service({ selector: { app: 'shopp' }, ports: [{ port: 80, targetPort: 'http' }] }),
      pods,
    );
    expect(`${d!.code} ${d!.path}: ${d!.message}`).toBe(
      'SERVICE_SELECTS_NOTHING spec.selector: selector app=shopp matches no Pod of this design',
    );
    expect(d!.fixes.map((f) => f.title)).toEqual(['Select Pod shop (app=shop)', 'Select Pod db (app=db)']);
    const fixed = applyFix(
      service({ selector: { app: 'shopp' }, ports: [{ port: 80, targetPort: 'http' }] }) as never,
      d!.fixes[0]!,
    );
    expect(serviceDiagnostics(fixed as never, pods)).toEqual([]);
    expect(serviceDiagnostics(service({ ports: [{ port: 80 }] }), pods).map((x) => x.messageId)).toEqual([
      'rules.SERVICE_SELECTS_NOTHING.messages.noSelector',
    ]);
  });

  it('finds targetPorts no selected container declares: a name is an error, a number a warning', () => {
    const named = serviceDiagnostics(
      service({ selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 'web' }] }),
      pods,
    );
    expect(named.map((d) => `${d.severity} ${d.code} ${d.path}: ${d.message}`)).toEqual([
      'error SERVICE_TARGET_PORT_UNKNOWN spec.ports[0].targetPort: no container the Service selects has a TCP port named "web"',
    ]);
    expect(named[0]!.fixes.map((f) => f.title)).toEqual(['Target port "http" of web']);
    const numbered = serviceDiagnostics(
      service({ selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 8000 }] }),
      pods,
    );
    expect(numbered.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([
      'warning SERVICE_TARGET_PORT_NOT_DECLARED: no container the Service selects declares port 8000/TCP',
    ]);
    // The protocol counts too: a UDP port named http is not a TCP one.
    const udp = serviceDiagnostics(
      service({ selector: { app: 'shop' }, ports: [{ port: 53, targetPort: 'http', protocol: 'UDP' }] }),
      pods,
    );
    expect(udp.map((d) => d.code)).toEqual(['SERVICE_TARGET_PORT_UNKNOWN']);
    expect(udp[0]!.fixes.map((f) => f.title)).toEqual(['Target port 9090 of web']);
  });

  it('places a Service by its own annotation, which export strips', () => {
    const placed = moveService(newService([service({}, 'my-service')], { x: -300.4, y: 12 }), { x: -310, y: 40 });
    expect(placed.metadata).toMatchObject({ name: 'my-service-2' });
    expect(servicePosition(placed, { x: 0, y: 0 })).toEqual({ x: -310, y: 40 });
    expect(servicePosition(service({}), { x: 5, y: 6 })).toEqual({ x: 5, y: 6 });
  });
});

describe('export of what is drawn', () => {
  const shop = wrapInDeployment(podDoc('shop', { app: 'shop' }, [{ name: 'http', containerPort: 8080 }]), 3);
  const drawn: Design = {
    pods: [shop, podDoc('db', { app: 'db' })],
    companions: [
      moveService(service({ selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 'http' }] }, 'shop'), {
        x: 1,
        y: 2,
      }),
      service({ selector: { app: 'db' }, ports: [{ port: 5432 }] }, 'db'),
    ],
  };
  const options = { as: 'deployment' as const, single: true, infraImage: 'pause' };
  // What the app does: the design's text as it would be saved, exported as `podwright export` exports a file.
  const exportDrawn = (o: Parameters<typeof exportDesignText>[2]) =>
    exportDesignText(writeDesign(drawn), 'shop.pod.yaml', o);

  it('writes the Pod’s Deployment and the Services that select it, and nothing of the layout', () => {
    const result = exportDrawn(options);
    const objects = parseManifest(result.files[0]!.text).documents.map((d) => d.value as Record<string, unknown>);
    expect(objects.map((o) => `${o.kind as string}/${(o.metadata as { name: string }).name}`)).toEqual([
      'Deployment/shop',
      'Service/shop',
    ]);
    expect(objects[0]).toEqual(deploymentOf(shop));
    expect(result.files[0]!.text).not.toContain('podwright.dev');
    expect(result.notes).toContain('Service "db" does not select this Pod, so it was not exported with it.');
  });

  it('gives a bare Pod with a Service around it a Deployment of one replica', () => {
    const result = exportDrawn({ ...options, pod: 'db', single: false });
    expect(result.files.map((f) => f.name)).toEqual(['db-deployment.yaml', 'db-service.yaml']);
    expect(result.files[0]!.text).toContain('replicas: 1');
  });

  it('says the workload fields are not part of a Pod only when a Pod is exported', () => {
    const aside = /Took the Pod template of Deployment "shop"/;
    expect(exportDrawn(options).notes.join('\n')).not.toMatch(aside);
    expect(exportDrawn({ ...options, as: 'pod' }).notes.join('\n')).toMatch(aside);
  });

  it('keeps the drawn replicas unless asked for another count', () => {
    expect(exportDrawn(options).files[0]!.text).toContain('replicas: 3');
    expect(exportDrawn({ ...options, replicas: 5 }).files[0]!.text).toContain('replicas: 5');
  });

  it('names the Pods it has when asked for one it has not', () => {
    expect(() => exportDrawn({ ...options, pod: 'cache' })).toThrow(ExportRefused);
    expect(() => exportDrawn({ ...options, pod: 'cache' })).toThrow('has no Pod named cache (it has: shop, db)');
  });
});

describe('the design checks’ catalogue', () => {
  const en = loadCatalogue('workload-rules', 'en');
  const zh = loadCatalogue('workload-rules', 'zh-CN');
  const pods = [podDoc('shop', { app: 'shop' }, [{ name: 'http', containerPort: 8080 }, { containerPort: 9090 }]).pod];

  it('renders every message and fix title from its English entry, and has it in Chinese', () => {
    const found = [
      service({ ports: [{ port: 80 }] }),
      service({ selector: { app: 'x' }, ports: [{ port: 80 }] }),
      service({
        selector: { app: 'shop' },
        ports: [
          { name: 'a', port: 80, targetPort: 'web' },
          { name: 'b', port: 81 },
        ],
      }),
    ].flatMap((s) => serviceDiagnostics(s, pods));
    expect(new Set(found.map((d) => d.messageId)).size).toBe(4);
    for (const d of found) {
      expect(render(lookup(en, d.messageId!)!, d.params!)).toBe(d.message);
      expect(lookup(zh, d.messageId!), d.messageId).toMatch(/[\u4e00-\u9fff]/);
      for (const f of d.fixes) {
        expect(render(lookup(en, f.titleId!)!, f.params!)).toBe(f.title);
        expect(lookup(zh, f.titleId!), f.titleId).toBeDefined();
      }
      expect(lookup(en, `rules.${d.code}.explanation`)).toBe(d.explanation);
    }
    for (const [code, text] of Object.entries(designRuleTexts)) {
      expect(lookup(en, `rules.${code}.title`)).toBe(text.title);
      expect(lookup(zh, `rules.${code}.explanation`), code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
