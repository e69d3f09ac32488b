// Running a design on a cluster: the dry run's verdict before anything is applied, the diff against what is live,
// conflicts with another field manager (explained, forced only when asked), server-side apply, and a Down that removes
// exactly what Podwright applied. Against the strict stand-in, cross-checked with kubectl where it can see.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { typeByKind } from '../testing/resources';
import { kubectl, requireKubectl, StandIn } from '../testing';
import { clusterOn, eventually, exampleDocuments, exampleRun, type Fixture } from '../testing/fixtures';
import { DeployRefused } from './deploy';

// kubectl's side of the checks: a failure under CI when kubectl is missing, elsewhere those cases skip with the reason.
const noKubectl = await requireKubectl();
const withKubectl = (name: string): string => (noKubectl ? `${name} (skipped: ${noKubectl})` : name);

let standIn: StandIn;
let fx: Fixture;

beforeAll(async () => {
  standIn = await StandIn.start({
    namespaces: ['default', 'kube-system', 'team-a', 'guarded', 'quota'],
    denials: [
      {
        webhook: 'policy.example.com',
        kind: 'Deployment',
        namespace: 'guarded',
        message: 'images must come from registry.example.com',
      },
    ],
    quotas: [{ namespace: 'quota', name: 'small', pods: 0 }],
  });
  fx = clusterOn(standIn);
});

afterAll(async () => {
  fx?.engine.close();
  await standIn?.close();
});

const deployment = typeByKind('Deployment')!;
const services = typeByKind('Service')!;

describe('the dry run before the first apply', () => {
  it('shows what would be created and stores nothing', async () => {
    const plan = fx.engine.plan({ documents: exampleRun(), design: 'hello', as: 'deployment', replicas: 3 });
    const before = standIn.store.resourceVersion;
    const preview = await fx.engine.deployer.preview(plan);
    expect(preview.accepted).toBe(true);
    expect(preview.objects.map((o) => `${o.kind}/${o.name}:${o.action}`)).toEqual([
      'Service/helloworld:create',
      'Deployment/helloworld:create',
    ]);
    expect(preview.objects[1]!.diff.some((l) => l.op === '+' && /replicas: 3/.test(l.text))).toBe(true);
    // The server filled in its defaults in the dry run; the diff shows them as the real object would have them.
    expect(preview.objects[1]!.diff.some((l) => /imagePullPolicy: IfNotPresent/.test(l.text))).toBe(true);
    expect(standIn.store.resourceVersion).toBe(before);
    expect(standIn.store.list(deployment, 'default')).toEqual([]);
    // Every request of the dry run asked for dryRun=All with Podwright's field manager.
    const applies = standIn.requests.filter((r) => r.method === 'PATCH');
    expect(
      applies.every(
        (r) =>
          r.query.includes('dryRun=All') &&
          r.query.includes('fieldManager=podwright') &&
          r.contentType === 'application/apply-patch+yaml',
      ),
    ).toBe(true);
  });

  it("maps the server's refusal onto the Pod's fields, and applies nothing", async () => {
    const docs = exampleDocuments();
    const pod = docs[0] as { spec: { containers: { name: string; image?: string }[] } };
    pod.spec.containers[1]!.name = 'Main_Worker';
    delete pod.spec.containers[2]!.image;
    const plan = fx.engine.plan({ documents: docs, design: 'broken', as: 'deployment' });
    const preview = await fx.engine.deployer.preview(plan);
    expect(preview.accepted).toBe(false);
    const problems = preview.problems.filter((p) => p.object === 'Deployment helloworld');
    expect(problems.map((p) => p.path).sort()).toEqual(['spec.containers[1].name', 'spec.containers[2].image']);
    expect(problems.every((p) => p.code === 'KUBE_SERVER_REJECTED' && p.severity === 'error')).toBe(true);
    expect(problems.find((p) => p.path.endsWith('.image'))!.message).toBe(
      'spec.template.spec.containers[2].image: Required value',
    );
    await expect(fx.engine.deployer.apply(plan)).rejects.toBeInstanceOf(DeployRefused);
    expect(standIn.store.list(deployment, 'default')).toEqual([]);
    expect(standIn.store.list(services, 'default')).toEqual([]);
  });

  it('words a webhook denial, an exceeded quota, Forbidden and a missing namespace', async () => {
    const run = async (namespace: string, user = 'admin'): Promise<string[]> => {
      const f = clusterOn(standIn, namespace, { user, context: `${namespace}-${user}` });
      const preview = await f.engine.deployer.preview(
        namespace === 'quota'
          ? f.engine.plan({ documents: exampleDocuments(), design: 'x', as: 'pod' })
          : f.engine.plan({ documents: exampleRun(), design: 'x', as: 'deployment' }),
      );
      return preview.problems.map((p) => `${p.code}: ${p.message}`);
    };
    expect(await run('guarded')).toContain(
      'KUBE_ADMISSION_DENIED: admission webhook "policy.example.com" denied the request: images must come from registry.example.com',
    );
    expect((await run('quota')).join()).toMatch(
      /KUBE_QUOTA_EXCEEDED: pods "helloworld" is forbidden: exceeded quota: small/,
    );
    expect((await run('default', 'alice')).join()).toMatch(
      /KUBE_FORBIDDEN: .*User "alice" cannot patch resource "services" in API group "" in the namespace "default"/,
    );
    expect((await run('nowhere')).join()).toMatch(/namespaces "nowhere" not found/);
  });
});

describe('server-side apply', () => {
  it.skipIf(noKubectl)(
    withKubectl("applies with the podwright field manager, labelled as Podwright's and with the design id"),
    async () => {
      const plan = fx.engine.plan({ documents: exampleRun(), design: 'hello', as: 'deployment', replicas: 3 });
      const { applied } = await fx.engine.deployer.apply(plan);
      expect(applied.map((a) => a.action)).toEqual(['create', 'create']);
      const live = standIn.store.get(deployment, 'default', 'helloworld')!;
      const meta = live.metadata as {
        labels: Record<string, string>;
        managedFields: { manager: string; operation: string }[];
      };
      expect(meta.labels).toMatchObject({
        app: 'helloworld',
        'app.kubernetes.io/managed-by': 'podwright',
        'dev.podwright.design': 'hello',
        'dev.podwright.pod': 'helloworld',
      });
      expect(meta.managedFields.map((m) => `${m.manager}/${m.operation}`)).toEqual(['podwright/Apply']);
      // kubectl sees the same objects by Podwright's label.
      const seen = await kubectl(
        ['get', 'deployments,services', '-l', 'dev.podwright.design=hello', '-o', 'name'],
        fx.kubeconfig,
      );
      expect(seen.stdout.trim().split('\n').sort()).toEqual(['deployment.apps/helloworld', 'service/helloworld']);
      // The next preview finds nothing to change.
      const again = await fx.engine.deployer.preview(plan);
      expect(again.objects.map((o) => o.action)).toEqual(['unchanged', 'unchanged']);
    },
  );

  it.skipIf(noKubectl)(
    withKubectl('explains a conflict with another field manager and takes the field only when forced'),
    async () => {
      const file = join(fx.dir, 'scaled.yaml');
      writeFileSync(
        file,
        stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'helloworld' },
          spec: {
            replicas: 5,
            selector: { matchLabels: { app: 'helloworld' } },
            template: {
              metadata: { labels: { app: 'helloworld' } },
              spec: { containers: [{ name: 'api', image: 'busybox:1.36' }] },
            },
          },
        }),
      );
      const scaled = await kubectl(
        ['apply', '--server-side', '--validate=false', '--force-conflicts', '--field-manager=ops-team', '-f', file],
        fx.kubeconfig,
      );
      expect(scaled.code, scaled.stderr).toBe(0);
      const plan = fx.engine.plan({ documents: exampleRun(), design: 'hello', as: 'deployment', replicas: 3 });
      const preview = await fx.engine.deployer.preview(plan);
      expect(preview.conflicts).toEqual([
        { object: 'Deployment helloworld', field: '.spec.replicas', manager: 'ops-team' },
      ]);
      expect(preview.problems.find((p) => p.code === 'KUBE_FIELD_CONFLICT')).toMatchObject({
        severity: 'warning',
        params: { manager: 'ops-team' },
      });
      const refused = await fx.engine.deployer.apply(plan).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DeployRefused);
      expect((refused as Error).message).toContain('managed by "ops-team"');
      expect((standIn.store.get(deployment, 'default', 'helloworld')!.spec as { replicas: number }).replicas).toBe(5);
      await fx.engine.deployer.apply(plan, { force: true });
      const live = standIn.store.get(deployment, 'default', 'helloworld')!;
      expect((live.spec as { replicas: number }).replicas).toBe(3);
      const owners = (
        live.metadata as { managedFields: { manager: string; fieldsV1: { 'f:spec'?: Record<string, unknown> } }[] }
      ).managedFields;
      expect(owners.find((m) => m.manager === 'podwright')!.fieldsV1['f:spec']).toHaveProperty('f:replicas');
      expect(owners.find((m) => m.manager === 'ops-team')?.fieldsV1['f:spec'] ?? {}).not.toHaveProperty('f:replicas');
    },
  );

  it('stops a Deployment run by scaling it to 0, keeping the rest of what it applied, and scales it live', async () => {
    const spec = (): { replicas: number; selector?: unknown; template?: { spec?: { containers?: unknown[] } } } =>
      standIn.store.get(deployment, 'default', 'helloworld')!.spec as never;
    const before = spec();
    // Applying the count alone would drop the selector and the template Podwright owns: the server refuses that.
    await fx.engine.deployer.stop('default', 'helloworld', 'hello');
    expect(spec().replicas).toBe(0);
    expect(spec().selector).toEqual(before.selector);
    expect(spec().template?.spec?.containers).toEqual(before.template?.spec?.containers);
    await fx.engine.deployer.scale('default', 'helloworld', 3);
    expect(spec().replicas).toBe(3);
    // Nothing else changed: the design applied again finds the Deployment as it left it.
    const plan = fx.engine.plan({ documents: exampleRun(), design: 'hello', as: 'deployment', replicas: 3 });
    expect((await fx.engine.deployer.preview(plan)).objects.map((o) => o.action)).toEqual(['unchanged', 'unchanged']);
  });
});

describe('down', () => {
  it.skipIf(noKubectl)(
    withKubectl('deletes exactly what the run applied, waits for its Pods, and leaves the rest'),
    async () => {
      // Something else in the namespace, not Podwright's: a ConfigMap kubectl made (kubectl create would send protobuf,
      // which the stand-in does not read; apply sends JSON).
      const notes = join(fx.dir, 'notes.yaml');
      writeFileSync(
        notes,
        stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'helloworld-notes', labels: { app: 'helloworld' } },
          data: { a: 'b' },
        }),
      );
      const other = await kubectl(['apply', '--server-side', '--validate=false', '-f', notes], fx.kubeconfig);
      expect(other.code, other.stderr).toBe(0);
      await eventually(
        () => fx.engine.list(),
        (runs) => runs.some((r) => r.name === 'helloworld' && (r.replicas ?? []).length === 3),
      );
      expect(await fx.engine.deployer.leftovers('default')).toEqual([{ name: 'helloworld', design: 'hello' }]);
      const gone = await fx.engine.deployer.down('default', 'helloworld', { graceSeconds: 1 });
      expect(gone.pods).toBe(3);
      const left = await kubectl(
        [
          'get',
          'deployments,replicasets,pods,services,configmaps',
          '-l',
          'app.kubernetes.io/managed-by=podwright',
          '-o',
          'name',
        ],
        fx.kubeconfig,
      );
      expect(left.stdout.trim()).toBe('');
      expect((await kubectl(['get', 'configmap', 'helloworld-notes', '-o', 'name'], fx.kubeconfig)).stdout.trim()).toBe(
        'configmap/helloworld-notes',
      );
      expect(await fx.engine.list()).toEqual([]);
    },
  );
});
