// The cluster plan, its status mapping and its verdict: pure, so tested without a cluster.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clusterDesign, clusterPlan, runSelector } from './kube';
import { readyText, runSnapshot } from './kube-status';
import { lineDiff, objectChange, podPath, refusalProblems } from './kube-verdict';
import { drawnRun } from '../design/workloads/drawn-export';
import type { Pod } from '../model';

const helloworld = parse(readFileSync('assets/examples/helloworld.pod.yaml', 'utf8')) as Record<string, unknown>;

const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } };
const unused = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unused' }, data: {} };
const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { t: 'x' } };

function podReading(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'podwright.dev/layout': '{}' } },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          ports: [{ name: 'http', containerPort: 80 }],
          envFrom: [{ configMapRef: { name: 'settings' } }, { secretRef: { name: 'token' } }],
        },
      ],
    },
  };
}

describe('the cluster plan', () => {
  it('applies ConfigMaps and Secrets the Pod reads, then the Pod, each labelled with the design', () => {
    const plan = clusterPlan(clusterDesign([podReading(), configMap, unused, secret]), {
      namespace: 'team-a',
      design: 'web-design',
    });
    expect(plan.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['ConfigMap/settings', 'Secret/token', 'Pod/web']);
    for (const o of plan.objects) {
      expect(o.namespace).toBe('team-a');
      expect((o.body.metadata as { labels: Record<string, string> }).labels).toMatchObject({
        'app.kubernetes.io/managed-by': 'podwright',
        'dev.podwright.design': 'web-design',
        'dev.podwright.pod': 'web',
      });
    }
    expect(plan.objects[2]!.podPrefix).toBe('');
    expect(plan.selector).toBe(
      'app.kubernetes.io/managed-by=podwright,dev.podwright.design=web-design,dev.podwright.pod=web',
    );
  });

  it('wraps the Pod in a Deployment with replicas, and applies the Service drawnRun made up for its named ports', () => {
    const made = drawnRun(helloworld as Pod, undefined, [], { asDeployment: true }).objects;
    expect(
      clusterPlan(clusterDesign([helloworld]), { namespace: 'default', design: 'hello', as: 'deployment' }).objects.map(
        (o) => o.kind,
      ),
    ).toEqual(['Deployment']);
    const plan = clusterPlan(clusterDesign(made), {
      namespace: 'default',
      design: 'hello',
      as: 'deployment',
      replicas: 3,
    });
    expect(plan.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['Service/helloworld', 'Deployment/helloworld']);
    const deployment = plan.objects[1]!.body as {
      spec: { replicas: number; selector: { matchLabels: object }; template: { metadata: { labels: object } } };
    };
    expect(deployment.spec.replicas).toBe(3);
    // The selector is the design's own; the Pods also carry Podwright's labels, so a watch finds them.
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'helloworld' });
    expect(deployment.spec.template.metadata.labels).toMatchObject({
      app: 'helloworld',
      'dev.podwright.pod': 'helloworld',
    });
    expect(plan.objects[1]!.podPrefix).toBe('spec.template');
  });

  it('takes a drawn Deployment (its replicas, its Services) and can still run its Pod alone', () => {
    const drawn = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
        },
      },
    };
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api-svc' },
      spec: { selector: { app: 'api' }, ports: [{ port: 80 }] },
    };
    const design = clusterDesign([drawn, service]);
    const plan = clusterPlan(design, { namespace: 'default', design: 'api' });
    expect(plan.as).toBe('deployment');
    expect(plan.replicas).toBe(2);
    expect(plan.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['Service/api-svc', 'Deployment/api']);
    const alone = clusterPlan(design, { namespace: 'default', design: 'api', as: 'pod' });
    expect(alone.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['Service/api-svc', 'Pod/api']);
    expect(alone.notes.join()).toMatch(/without the Deployment/);
  });

  it('leaves out what the server sets and the canvas layout', () => {
    const pod = podReading();
    (pod.metadata as Record<string, unknown>).resourceVersion = '12';
    (pod as Record<string, unknown>).status = { phase: 'Running' };
    const body = clusterPlan(clusterDesign([pod]), { namespace: 'default', design: 'd' }).objects.at(-1)!
      .body as Record<string, unknown>;
    expect(body.status).toBeUndefined();
    expect((body.metadata as Record<string, unknown>).resourceVersion).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('podwright.dev/layout');
  });

  it('says so when the design names another namespace, or reads a ConfigMap it lacks', () => {
    const pod = podReading();
    (pod.metadata as Record<string, unknown>).namespace = 'elsewhere';
    const plan = clusterPlan(clusterDesign([pod]), { namespace: 'default', design: 'd' });
    expect(plan.notes.join('\n')).toMatch(/names namespace "elsewhere"; it runs in "default"/);
    expect(plan.notes.join('\n')).toMatch(/ConfigMap "settings", which is not in the design/);
  });

  it('selects a run by name alone when the design is unknown', () => {
    expect(runSelector(undefined, 'web')).toBe('app.kubernetes.io/managed-by=podwright,dev.podwright.pod=web');
  });
});

describe('status in pod.status shapes', () => {
  const pod = (name: string, phase: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    metadata: { name, labels: { 'dev.podwright.pod': 'web' } },
    spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'nginx' }] },
    status: { phase, conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }], ...extra },
  });
  const deployment = {
    metadata: { name: 'web' },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
    status: {},
  };

  it('counts ready replicas and shows each container from the replica that needs attention', () => {
    const crashing = pod('web-2', 'Running', {
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx',
          restartCount: 4,
          ready: false,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } },
          lastState: { terminated: { exitCode: 2, reason: 'Error' } },
        },
      ],
    });
    (crashing.status as { conditions: { status: string }[] }).conditions[0]!.status = 'False';
    const running = (n: string): Record<string, unknown> =>
      pod(n, 'Running', {
        podIP: '10.0.0.1',
        containerStatuses: [
          {
            name: 'app',
            image: 'nginx',
            restartCount: 0,
            ready: true,
            state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
          },
        ],
      });
    const snap = runSnapshot({
      name: 'web',
      namespace: 'default',
      deployment,
      pods: [running('web-1'), crashing, running('web-3')],
    });
    expect(readyText(snap)).toBe('2/3');
    expect(snap.containers[0]).toMatchObject({
      state: { state: 'waiting', reason: 'CrashLoopBackOff' },
      restartCount: 4,
      lastTerminated: { exitCode: 2 },
    });
    expect(snap.replicas!.map((r) => r.name)).toEqual(['web-1', 'web-2', 'web-3']);
  });

  it("puts the scheduler's words on a Pod's containers before it runs", () => {
    const message =
      '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    const pending = {
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'app', image: 'x' }] },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
      },
    };
    const snap = runSnapshot({ name: 'web', namespace: 'default', pods: [pending] });
    expect(snap.phase).toBe('Pending');
    expect(snap.containers[0]!.state).toEqual({ state: 'waiting', reason: 'Unschedulable', message });
    expect(snap.conditions).toContainEqual({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    expect(readyText(snap)).toBeUndefined();
  });

  it('says a Pod no scheduler has placed yet waits for one, not that its containers are being created', () => {
    // What a real kube-apiserver 1.34 stores for a Pod before (or without) a scheduler: no node, no condition at all.
    const unplaced = {
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'app', image: 'x' }] },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    };
    const snap = runSnapshot({ name: 'web', namespace: 'default', pods: [unplaced] });
    expect(snap.containers[0]!.state).toEqual({
      state: 'waiting',
      reason: 'Pending',
      message: 'not placed on a node yet: waiting for the scheduler',
    });
    // Placed on a node, before the kubelet reports: its containers are being created.
    const placed = { ...unplaced, spec: { ...unplaced.spec, nodeName: 'node-1' } };
    expect(runSnapshot({ name: 'web', namespace: 'default', pods: [placed] }).containers[0]!.state).toEqual({
      state: 'waiting',
      reason: 'ContainerCreating',
    });
  });
});

describe("the server's verdict", () => {
  it("maps a Deployment's field onto the Pod's", () => {
    expect(podPath('spec.template.spec.containers[0].image', 'spec.template')).toBe('spec.containers[0].image');
    expect(podPath('spec.selector', 'spec.template')).toBe('');
    expect(podPath('.spec.containers[name="a"].image', '')).toBe('spec.containers[name="a"].image');
    const problems = refusalProblems(
      {
        code: 422,
        message: 'x',
        details: {
          causes: [
            {
              reason: 'FieldValueRequired',
              message: 'Required value',
              field: 'spec.template.spec.containers[2].image',
            },
          ],
        },
      },
      {
        kind: 'Deployment',
        name: 'hello',
        apiVersion: 'apps/v1',
        resource: 'deployments',
        namespace: 'default',
        body: {},
        podPrefix: 'spec.template',
      },
    );
    expect(problems).toEqual([
      {
        code: 'KUBE_SERVER_REJECTED',
        severity: 'error',
        path: 'spec.containers[2].image',
        object: 'Deployment hello',
        message: 'spec.template.spec.containers[2].image: Required value',
        messageId: 'kube.verdict.KUBE_SERVER_REJECTED',
        params: { object: 'Deployment hello', message: 'spec.template.spec.containers[2].image: Required value' },
      },
    ]);
  });

  it('diffs live against the dry run, leaving out what the server keeps for itself', () => {
    const live = {
      kind: 'ConfigMap',
      metadata: { name: 'a', resourceVersion: '5', managedFields: [{}] },
      data: { a: '1', b: '2' },
    };
    const next = { kind: 'ConfigMap', metadata: { name: 'a', resourceVersion: '6' }, data: { a: '1', b: '3' } };
    const change = objectChange(live, next);
    expect(change.action).toBe('update');
    expect(change.diff.filter((l) => l.op !== ' ')).toEqual([
      { op: '-', text: '  b: "2"' },
      { op: '+', text: '  b: "3"' },
    ]);
    expect(objectChange(live, { ...live, metadata: { name: 'a', resourceVersion: '9' } }).action).toBe('unchanged');
    expect(objectChange(undefined, next).action).toBe('create');
    expect(lineDiff('a\nb\nc\nd\ne\nf\ng\nh\ni', 'a\nb\nc\nd\ne\nf\ng\nh\nX', 1)).toEqual([
      { op: ' ', text: 'h' },
      { op: '-', text: 'i' },
      { op: '+', text: 'X' },
    ]);
  });
});
