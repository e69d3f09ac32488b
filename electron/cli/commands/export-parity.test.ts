// The app and `podwright export` write the same text: the CLI's runExport, reading a file and writing a folder, against
// exportHeldDesign on the design the app opens from the same file (what renderer/src/export/export.ts exports), for
// the bundled examples and real-world manifests, as a Pod, a Deployment + Service and a Compose file.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDesign } from '../../../shared/design/design-file';
import {
  exportHeldDesign,
  ExportRefused,
  type DesignExport,
  type ExportAs,
} from '../../../shared/design/export-design';
import { defaultInfraImage } from '../../../shared/manifest';
import { corpusDir } from '../../../shared/manifest/corpus.test-support';
import { parseAllDocuments, stringify } from 'yaml';
import { exportDesign } from '../../../shared/design/export-design';
import { drawnRun } from '../../../shared/design/workloads/drawn-export';
import { choosePod } from '../../../shared/manifest/pod-choice';
import { readDesign } from '../../../shared/manifest/read';
import { clusterDesign, clusterPlan } from '../../../shared/plan/kube';
import { clusterDocuments } from '../cluster/deploy-run';
import { runExport } from './export';

const examplesDir = join(process.cwd(), 'assets/examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.pod.yaml'))
  .map((f) => join(examplesDir, f));

// A worktree beside the checkout may have the corpus elsewhere: PODWRIGHT_CORPUS names it then.
const corpus = process.env.PODWRIGHT_CORPUS ?? corpusDir;
const realWorld = [
  'k8s-website/redis-pod.yaml', // a Pod reading a ConfigMap
  'k8s-website/init-containers.yaml',
  'k8s-website/nginx-secure-app.yaml', // a Deployment and its Service, with ConfigMap and Secret volumes
  'k8s-website/wordpress-deployment.yaml',
  'microservices-demo/frontend.yaml',
  'istio/bookinfo.yaml', // six Deployments: the app exports the one it shows, the CLI the one --pod names
  'kubeaudit/namespaces-all-true.yml', // host namespaces, which Compose cannot say the Kubernetes way
  'k8s-hack-testdata/invalid-pod.yaml', // refused by both
].map((f) => join(corpus, f));

/** The inputs Kubernetes would refuse as a Pod or a Deployment (the CLI and the app then write nothing). */
const refusedByKubernetes = new Set(['k8s-hack-testdata/invalid-pod.yaml']);

const base = mkdtempSync(join(tmpdir(), 'podwright-export-parity-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

type Outcome = { files: { name: string; text: string }[] } | { refused: string };

async function settle(run: () => DesignExport | Promise<DesignExport>): Promise<Outcome> {
  try {
    return { files: (await run()).files.map((f) => ({ name: f.name, text: f.text })) };
  } catch (err) {
    if (err instanceof ExportRefused) return { refused: err.message };
    throw err;
  }
}

let counter = 0;

describe('the app exports what `podwright export` writes', () => {
  it('finds its inputs', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const path of realWorld) expect(existsSync(path), path).toBe(true);
  });

  for (const path of [...examples, ...realWorld]) {
    const label = path.slice(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1);
    it(`${label}`, async () => {
      const text = readFileSync(path, 'utf8');
      const opened = openDesign(text);
      if (!opened.ok) throw new Error(`the app does not open ${label}: ${opened.error}`);
      // The app exports its active Pod, the first when a file is opened; the CLI is told which by --pod.
      const pod = opened.design.pods[0]!.pod.metadata?.name;
      const outcomes: string[] = [];
      for (const as of ['pod', 'deployment', 'compose'] as ExportAs[]) {
        for (const single of [true, false]) {
          const options = { as, single, infraImage: defaultInfraImage, ...(pod ? { pod } : {}) };
          const out = join(base, String(counter++));
          const cli = await settle(async () => {
            const result = await runExport(path, { ...options, out });
            // What is on disk, not what runExport says it wrote.
            return {
              ...result,
              files: result.files.map((f) => ({ name: f.name, text: readFileSync(join(out, f.name), 'utf8') })),
            };
          });
          if ('files' in cli) expect(readdirSync(out).sort()).toEqual(cli.files.map((f) => f.name).sort());
          const app = await settle(() => exportHeldDesign(opened.design, path, options));
          expect(app, `${as}${single ? ' --single' : ''}`).toEqual(cli);
          outcomes.push('files' in cli ? 'written' : 'refused');
        }
      }
      // Compose is never refused; a Pod and a Deployment are written or refused alike.
      const refused = refusedByKubernetes.has(label) ? 'refused' : 'written';
      expect(outcomes).toEqual([refused, refused, refused, refused, 'written', 'written']);
    });
  }
});

describe('a run on a cluster applies the Deployment and Services its export writes (makesUpService)', () => {
  const pod = (labels: Record<string, string> = { app: 'web' }) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels },
    spec: { containers: [{ name: 'api', image: 'busybox:1.36', ports: [{ name: 'http', containerPort: 80 }] }] },
  });
  const service = (name: string, app: string) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector: { app }, ports: [{ port: 80, targetPort: 'http' }] },
  });
  const wrapped = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: pod().spec },
    },
  };
  const cases: [string, object[], string[]][] = [
    [
      'a bare Pod, no Service drawn: the Service made up from its named ports',
      [pod()],
      ['Deployment/web', 'Service/web'],
    ],
    ['a bare Pod and a Service that selects another: none', [pod(), service('elsewhere', 'other')], ['Deployment/web']],
    [
      'a bare Pod and a Service that selects it: that one',
      [pod(), service('front', 'web')],
      ['Deployment/web', 'Service/front'],
    ],
    ['a Deployment drawn (the app wraps the Pod), no Service: none', [wrapped], ['Deployment/web']],
  ];
  const names = (objects: { kind?: unknown; metadata?: unknown }[]): string[] =>
    objects
      .filter((o) => o.kind === 'Deployment' || o.kind === 'Service')
      .map((o) => `${String(o.kind)}/${String((o.metadata as { name?: string }).name)}`)
      .sort();

  for (const [label, objects, expected] of cases)
    it(label, () => {
      const text = objects.map((o) => stringify(o)).join('---\n');
      const read = readDesign(text, { name: 'web.yaml' });
      const exported = exportDesign(read, { as: 'deployment', single: true, infraImage: defaultInfraImage });
      const written = parseAllDocuments(exported.files[0]!.text).map((d) => d.toJSON() as { kind?: unknown });
      expect(names(written)).toEqual(expected);
      // `podwright deploy --as deployment`: the documents it sends, planned as the engine plans them.
      const chosen = choosePod(read, undefined);
      const { documents } = clusterDocuments(read, chosen, 'deployment');
      const plan = clusterPlan(clusterDesign(documents), { namespace: 'default', design: 'web', as: 'deployment' });
      expect(names(plan.objects.map((o) => o.body))).toEqual(expected);
      // The app's Run of the design as drawn (a Deployment when one is drawn, else the bare Pod).
      const deployment = read.objects.find((o) => o.object.kind === 'Deployment')?.object;
      const app = drawnRun(
        chosen.pod,
        deployment,
        read.objects.map((o) => o.object),
      ).objects;
      if (deployment) expect(names(app)).toEqual(expected);
    });
});
