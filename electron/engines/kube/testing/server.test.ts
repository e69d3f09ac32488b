// The stand-in is strict where Podwright's tests lean on it: it refuses what a real kube-apiserver 1.34 refuses, with
// the same Status (the expected messages below were read off a real 1.34.9 server; README.md).
import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';
import { loadKubeconfig } from '../kubeconfig/kubeconfig';
import { clusterOn, eventually } from './fixtures';
import { StandIn } from './server';

let standIn: StandIn;
let cluster: Cluster;

beforeAll(async () => {
  standIn = await StandIn.start();
  cluster = new Cluster(loadKubeconfig({ KUBECONFIG: clusterOn(standIn).kubeconfig }), 'test');
});

afterAll(async () => {
  await standIn?.close();
});

const cm = (name: string, data: Record<string, string>): string => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const path = (name: string): string => `/api/v1/namespaces/default/configmaps/${name}`;

async function refusal(method: string, p: string, init: Parameters<Cluster['request']>[2] = {}): Promise<ClusterError> {
  const err = await cluster.request(method, p, init).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ClusterError);
  return err as ClusterError;
}

describe('server-side apply, as strict as the real server', () => {
  it('refuses an apply without a field manager', async () => {
    const err = await refusal('PATCH', path('a'), { body: cm('a', { a: '1' }), contentType: 'application/apply-patch+yaml' });
    expect(err.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      reason: 'Invalid',
      details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }] },
      code: 422,
    });
  });

  it('refuses an unknown patch content type and an unsupported dryRun value', async () => {
    const type = await refusal('PATCH', path('a'), { body: cm('a', {}), contentType: 'text/plain', query: { fieldManager: 'x' } });
    expect(type.status).toMatchObject({ code: 415, reason: 'UnsupportedMediaType', message: '415: Unsupported Media Type' });
    const dry = await refusal('PATCH', path('a'), { body: cm('a', {}), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x', dryRun: 'Foo' } });
    expect(dry.status?.message).toBe('PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["Foo"]: supported values: "All"');
  });

  it('refuses a body whose name differs from the URL, or that has no kind', async () => {
    const name = await refusal('PATCH', path('a'), { body: cm('other', {}), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x' } });
    expect(name.status).toMatchObject({ code: 400, message: 'the name of the object (other) does not match the name on the URL (a)' });
    const kind = await refusal('PATCH', path('a'), { body: '{"metadata":{"name":"a"}}', contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x' } });
    expect(kind.status).toMatchObject({ code: 400, message: 'invalid object type: /, Kind=' });
  });

  it("answers a conflict with the other manager's name and the field, and records managedFields", async () => {
    const applied = await cluster.request<{ metadata: { managedFields: unknown[] } }>('PATCH', path('shared'), {
      body: cm('shared', { a: '1', b: '1' }),
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager: 'one' },
    });
    expect(applied.metadata.managedFields).toEqual([
      { manager: 'one', operation: 'Apply', apiVersion: 'v1', time: expect.any(String), fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } },
    ]);
    const one = await refusal('PATCH', path('shared'), { body: cm('shared', { a: '2' }), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'two' } });
    expect(one.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "one": .data.a',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "one"', field: '.data.a' }] },
      code: 409,
    });
    const two = await refusal('PATCH', path('shared'), { body: cm('shared', { a: '2', b: '2' }), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'two' } });
    expect(two.status?.message).toBe('Apply failed with 2 conflicts: conflicts with "one":\n- .data.a\n- .data.b');
    // The same value is shared ownership, not a conflict.
    await cluster.request('PATCH', path('shared'), { body: cm('shared', { a: '1' }), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'two' } });
  });

  it('refuses a port name that is no IANA service name, and a request above its limit, in the words of kube-apiserver 1.34.2', async () => {
    const body = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'ports' },
      spec: {
        containers: [
          { name: 'c', image: 'busybox:1.36', ports: [{ containerPort: 80, name: 'Way_too_long_port_name' }] },
          { name: 'd', image: 'busybox:1.36', resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } } },
        ],
      },
    });
    const pod = await refusal('PATCH', '/api/v1/namespaces/default/pods/ports', { body, contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x', dryRun: 'All' } });
    expect(pod.status?.details?.causes).toEqual([
      { reason: 'FieldValueInvalid', message: 'Invalid value: "Way_too_long_port_name": must be no more than 15 characters', field: 'spec.containers[0].ports[0].name' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "Way_too_long_port_name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', field: 'spec.containers[0].ports[0].name' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi', field: 'spec.containers[1].resources.requests' },
    ]);
    const service = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's1' }, spec: { selector: { app: 'x' }, ports: [{ port: 80, targetPort: 'Bad_Name_too_long_for_port' }] } });
    const svc = await refusal('PATCH', '/api/v1/namespaces/default/services/s1', { body: service, contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x', dryRun: 'All' } });
    expect(svc.status?.message).toBe(
      'Service "s1" is invalid: [spec.ports[0].targetPort: Invalid value: "Bad_Name_too_long_for_port": must be no more than 15 characters, spec.ports[0].targetPort: Invalid value: "Bad_Name_too_long_for_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)]',
    );
  });

  it('refuses a Pod update that changes more than images, as the real server words it', async () => {
    const pod = (port: number): string => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kp' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', ports: [{ containerPort: port }] }] } });
    await cluster.request('PATCH', '/api/v1/namespaces/default/pods/kp', { body: pod(80), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x' } });
    const err = await refusal('PATCH', '/api/v1/namespaces/default/pods/kp', { body: pod(81), contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x', dryRun: 'All' } });
    expect(err.status?.code).toBe(422);
    expect(err.status?.message).toMatch(/^Pod "kp" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
  });
});

describe('list and watch, as strict as the real server', () => {
  it('says 410 Gone in the watch for a resourceVersion older than its history', async () => {
    standIn.store.compact();
    const res = await cluster.stream('/api/v1/namespaces/default/configmaps', { query: { watch: 'true', resourceVersion: '1', timeoutSeconds: 1 } });
    let text = '';
    for await (const chunk of res) text += String(chunk);
    const event = JSON.parse(text.trim()) as { type: string; object: { code: number; reason: string; message: string } };
    expect(event.type).toBe('ERROR');
    expect(event.object).toMatchObject({ code: 410, reason: 'Expired' });
    expect(event.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
  });

  it('refuses a resourceVersion that is not a number, or from the future', async () => {
    const list = await refusal('GET', '/api/v1/namespaces/default/configmaps', { query: { resourceVersion: 'abc' } });
    expect(list.status).toMatchObject({ code: 400, reason: 'BadRequest', message: 'invalid resource version: resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax' });
    const future = await refusal('GET', '/api/v1/namespaces/default/configmaps', { query: { resourceVersion: '999999', resourceVersionMatch: 'NotOlderThan' } });
    expect(future.status).toMatchObject({ code: 504, reason: 'Timeout', details: { causes: [{ reason: 'ResourceVersionTooLarge' }] } });
    const watch = await cluster.stream('/api/v1/namespaces/default/configmaps', { query: { watch: 'true', resourceVersion: 'abc' } }).catch((e: unknown) => e);
    expect((watch as ClusterError).status).toMatchObject({ code: 500, message: 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax' });
  });

  it('sends bookmarks when asked, carrying the current resourceVersion', async () => {
    const from = standIn.store.resourceVersion;
    const res = await cluster.stream('/api/v1/namespaces/kube-public/configmaps', { query: { watch: 'true', resourceVersion: String(from), allowWatchBookmarks: 'true', timeoutSeconds: 2 } });
    let text = '';
    for await (const chunk of res) text += String(chunk);
    const events = text.trim().split('\n').map((l) => JSON.parse(l) as { type: string; object: { kind: string; metadata: { resourceVersion: string } } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.type === 'BOOKMARK' && e.object.kind === 'ConfigMap')).toBe(true);
    const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBeGreaterThanOrEqual(from);
    expect(versions.at(-1)).toBeLessThanOrEqual(standIn.store.resourceVersion);
  });
});

describe('logs, as strict as the real server', () => {
  it('wants a container name for a Pod of several, and refuses an unknown one', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'two' }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }, { name: 'b', image: 'busybox:1.36' }] } });
    await cluster.request('PATCH', '/api/v1/namespaces/default/pods/two', { body, contentType: 'application/apply-patch+yaml', query: { fieldManager: 'x' } });
    await eventually(() => standIn.simulation.run('default', 'two')?.containers.every((c) => 'running' in c.state), Boolean);
    const none = await cluster.stream('/api/v1/namespaces/default/pods/two/log').catch((e: unknown) => e);
    expect((none as ClusterError).status?.message).toBe('a container name must be specified for pod two, choose one of: [a b]');
    const wrong = await cluster.stream('/api/v1/namespaces/default/pods/two/log', { query: { container: 'zz' } }).catch((e: unknown) => e);
    expect((wrong as ClusterError).status).toMatchObject({ code: 400, message: 'container zz is not valid for pod two' });
    const previous = await cluster.stream('/api/v1/namespaces/default/pods/two/log', { query: { container: 'a', previous: true } }).catch((e: unknown) => e);
    expect((previous as ClusterError).status?.message).toBe('previous terminated container "a" in pod "two" not found');
  });
});

describe('sign-in', () => {
  it('refuses a request without credentials (401), and answers Forbidden in the real words', async () => {
    const anonymous = await new Promise<{ code?: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(`${standIn.url}/api/v1/namespaces`, { ca: standIn.certificates!.ca }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ code: res.statusCode, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(anonymous.code).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
    const alice = new Cluster(loadKubeconfig({ KUBECONFIG: clusterOn(standIn, 'default', { user: 'alice', auth: 'certificate', context: 'alice' }).kubeconfig }), 'alice');
    const err = await alice.request('POST', '/api/v1/namespaces/default/configmaps', { body: cm('x', {}) }).catch((e: unknown) => e);
    expect((err as ClusterError).status?.message).toBe('configmaps is forbidden: User "alice" cannot create resource "configmaps" in API group "" in the namespace "default"');
    expect((err as ClusterError).code).toBe('FORBIDDEN');
  });
});
