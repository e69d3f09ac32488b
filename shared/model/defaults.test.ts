import { describe, expect, it } from 'vitest';
import { withDefaults } from './defaults';
import type { Pod } from './pod';

function pod(spec: Partial<Pod['spec']>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], ...spec } };
}

describe('withDefaults', () => {
  it('defaults port protocol to TCP and keeps unknown fields', () => {
    const input = pod({ containers: [{ name: 'a', image: 'busybox', ports: [{ containerPort: 80, x: 1 }], y: 2 }] });
    const out = withDefaults(input);
    expect(out.spec.containers[0]?.ports?.[0]).toEqual({ containerPort: 80, protocol: 'TCP', x: 1 });
    expect(out.spec.containers[0]?.['y']).toBe(2);
  });

  it('never mutates its input', () => {
    const input = pod({
      hostNetwork: true,
      containers: [{ name: 'a', image: 'busybox', ports: [{ containerPort: 80 }] }],
    });
    const copy = structuredClone(input);
    withDefaults(input);
    expect(input).toEqual(copy);
  });

  it('with hostNetwork, an unset hostPort becomes the containerPort (defaultHostNetworkPorts), init containers too', () => {
    const out = withDefaults(
      pod({
        hostNetwork: true,
        containers: [{ name: 'a', ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 9000 }] }],
        initContainers: [{ name: 'i', ports: [{ containerPort: 53, protocol: 'UDP' }] }],
      }),
    );
    expect(out.spec.containers[0]?.ports?.map((p) => p.hostPort)).toEqual([80, 9000]);
    expect(out.spec.initContainers?.[0]?.ports?.[0]?.hostPort).toBe(53);
  });

  it('without hostNetwork, hostPort stays unset', () => {
    const out = withDefaults(pod({ containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] }));
    expect(out.spec.containers[0]?.ports?.[0]?.hostPort).toBeUndefined();
  });

  it('gives a source-less volume emptyDir (SetDefaults_Volume) and leaves others alone', () => {
    const out = withDefaults(
      pod({ volumes: [{ name: 'a' }, { name: 'b', hostPath: { path: '/x' } }, { name: 'c', nfs: {} }] }),
    );
    expect(out.spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', hostPath: { path: '/x' } },
      { name: 'c', nfs: {} },
    ]);
  });

  it('copies limits into missing requests (SetDefaults_Pod)', () => {
    const out = withDefaults(
      pod({
        containers: [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }],
      }),
    );
    expect(out.spec.containers[0]?.resources?.requests).toEqual({ cpu: '500m', memory: '1Gi' });
  });

  it('copies a limit named like an object member into requests too (no inherited key counts as set)', () => {
    const out = withDefaults(pod({ containers: [{ name: 'a', resources: { limits: { toString: '1' } } }] }));
    expect(out.spec.containers[0]?.resources?.requests).toEqual({ toString: '1' });
  });

  it('defaults restartPolicy, dnsPolicy, grace period, pull policy by tag', () => {
    const out = withDefaults(
      pod({
        containers: [
          { name: 'a', image: 'busybox' },
          { name: 'b', image: 'busybox:1.36' },
          { name: 'c', image: 'busybox:latest' },
          { name: 'd', image: 'localhost:5000/busybox' },
          { name: 'e', image: 'busybox@sha256:abc' },
          { name: 'f', image: 'busybox', imagePullPolicy: 'Never' },
        ],
      }),
    );
    expect(out.spec.restartPolicy).toBe('Always');
    expect(out.spec.dnsPolicy).toBe('ClusterFirst');
    expect(out.spec.terminationGracePeriodSeconds).toBe(30);
    expect(out.spec.containers.map((c) => c.imagePullPolicy)).toEqual([
      'Always',
      'IfNotPresent',
      'Always',
      'Always',
      'IfNotPresent',
      'Never',
    ]);
  });

  it('defaults httpGet path and scheme and probe thresholds', () => {
    const out = withDefaults(
      pod({
        containers: [
          { name: 'a', livenessProbe: { httpGet: { port: 80 } }, lifecycle: { preStop: { httpGet: { port: 1 } } } },
        ],
      }),
    );
    const c = out.spec.containers[0]!;
    expect(c.livenessProbe).toMatchObject({
      httpGet: { path: '/', scheme: 'HTTP', port: 80 },
      periodSeconds: 10,
      failureThreshold: 3,
    });
    expect(c.lifecycle?.preStop?.httpGet).toEqual({ path: '/', scheme: 'HTTP', port: 1 });
  });

  // Go cannot tell "" from a missing string, and a JSON null from a missing field: defaulting fills all three.
  it('defaults an empty or null imagePullPolicy, terminationMessagePolicy and terminationMessagePath', () => {
    const out = withDefaults(
      pod({
        containers: [
          { name: 'a', image: 'busybox:1.36', imagePullPolicy: '', terminationMessagePolicy: '' },
          { name: 'b', image: 'busybox', imagePullPolicy: null, terminationMessagePath: '' } as never,
        ],
      }),
    );
    expect(
      out.spec.containers.map((c) => [c.imagePullPolicy, c.terminationMessagePolicy, c.terminationMessagePath]),
    ).toEqual([
      ['IfNotPresent', 'File', '/dev/termination-log'],
      ['Always', 'File', '/dev/termination-log'],
    ]);
  });

  it('reads a null in the list of containers as a zero-valued container, defaulted (Go decodes it so)', () => {
    const out = withDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [null] },
    } as never);
    expect(out.spec.containers[0]).toMatchObject({ terminationMessagePolicy: 'File' });
    expect(out.spec.containers[0]?.name).toBeUndefined();
  });

  it('reads null fields as absent, but keeps null values inside maps (labels, limits)', () => {
    const out = withDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { a: null } },
      spec: {
        dnsPolicy: null,
        containers: [{ name: 'a', image: 'x', livenessProbe: null, resources: { limits: { cpu: null } } }],
      },
    } as never);
    expect(out.spec.dnsPolicy).toBe('ClusterFirst');
    expect('livenessProbe' in out.spec.containers[0]!).toBe(false);
    expect(out.metadata.labels).toEqual({ a: null });
    expect(out.spec.containers[0]?.resources?.limits).toEqual({ cpu: null });
  });

  it('defaults an empty httpGet path and scheme and an empty fieldRef apiVersion, in env and downwardAPI volumes', () => {
    const fieldRef = { fieldPath: 'metadata.name', apiVersion: '' };
    const out = withDefaults(
      pod({
        containers: [
          {
            name: 'a',
            readinessProbe: { httpGet: { port: 80, path: '', scheme: '' } },
            env: [{ name: 'N', valueFrom: { fieldRef } }],
          },
        ],
        volumes: [
          { name: 'd', downwardAPI: { items: [{ path: 'n', fieldRef }] } },
          { name: 'p', projected: { sources: [{ downwardAPI: { items: [{ path: 'n', fieldRef }] } }] } },
        ],
      }),
    );
    expect(out.spec.containers[0]?.readinessProbe?.httpGet).toMatchObject({ path: '/', scheme: 'HTTP' });
    expect(out.spec.containers[0]?.env?.[0]?.valueFrom?.fieldRef?.apiVersion).toBe('v1');
    expect(out.spec.volumes?.[0]?.downwardAPI?.items?.[0]?.fieldRef?.apiVersion).toBe('v1');
    expect(out.spec.volumes?.[1]?.projected?.sources?.[0]?.downwardAPI?.items?.[0]?.fieldRef?.apiVersion).toBe('v1');
  });

  it('returns malformed input as it is', () => {
    expect(withDefaults({ apiVersion: 'v1', kind: 'Pod', metadata: {} } as unknown as Pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {},
    });
  });

  it('shares sub-objects that need no default with the input (cheap on every keystroke)', () => {
    const ports = [{ containerPort: 80, protocol: 'TCP' }];
    const env = [{ name: 'A', value: '1' }];
    const resources = { requests: { cpu: '1' }, limits: { cpu: '2' } };
    const out = withDefaults(pod({ containers: [{ name: 'a', image: 'busybox', ports, env, resources }] }));
    expect(out.spec.containers[0]?.ports).toBe(ports);
    expect(out.spec.containers[0]?.env).toBe(env);
    expect(out.spec.containers[0]?.resources).toBe(resources);
  });
});
