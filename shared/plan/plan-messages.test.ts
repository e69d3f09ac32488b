// Every plan problem carries its runerrors catalogue id: rendered from assets/locales/runerrors/en.json with its params
// it reads exactly as the English message, and zh-CN has the same entry with the same placeholders. One Pod below
// provokes each sentence; a sentence in plan.ts without a Pod here, or a key without a sentence, fails the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from './plan';
import type { Companions, ConfigMap, Container, Pod } from './pod';
import { keys, lookup, render, slots } from './runerrors-catalogue.test-support';
import type { PlanEngine, PlanProblem } from './types';

const docker: PlanEngine = { name: 'Docker', apiVersion: '1.41', cpus: 2, memoryBytes: 8 * 2 ** 30 };

function pod(spec: Partial<NonNullable<Pod['spec']>> = {}, name = 'web'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [app()], ...spec } };
}
function app(extra: Partial<Container> = {}): Container {
  return { name: 'app', image: 'busybox:1', ...extra };
}
const cm = (name: string, data: Record<string, string>, binaryData?: Record<string, string>): ConfigMap => ({
  kind: 'ConfigMap',
  metadata: { name },
  data,
  ...(binaryData && { binaryData }),
});

/** A Pod (with engine and companions) per catalogue id that makes the plan report exactly that sentence. */
const fixtures: Record<string, { pod: Pod; engine?: PlanEngine; companions?: Companions }> = {
  POD_NO_NAME: { pod: pod({}, '') },
  POD_BAD_NAME: { pod: pod({}, 'Web_1') },
  ENGINE_TOO_OLD: { pod: pod(), engine: { ...docker, apiVersion: '1.40' } },
  POD_NO_CONTAINERS: { pod: pod({ containers: [] }) },
  CONTAINER_NO_NAME: { pod: pod({ containers: [app({ name: '' })] }) },
  CONTAINER_DUPLICATE_NAME: { pod: pod({ containers: [app(), app()] }) },
  CONTAINER_NO_IMAGE: { pod: pod({ containers: [app({ image: '' })] }) },
  POD_BAD_RESTART_POLICY: { pod: pod({ restartPolicy: 'Sometimes' as 'Never' }) },
  POD_BAD_HOSTNAME: { pod: pod({ hostname: 'Web_Host' }) },
  HOSTNAME_IGNORED: { pod: pod({ hostNetwork: true, hostname: 'web' }) },
  SYSCTL_HOST_NETWORK: {
    pod: pod({ hostNetwork: true, securityContext: { sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }] } }),
  },
  PORT_BAD_PROTOCOL: { pod: pod({ containers: [app({ ports: [{ containerPort: 80, protocol: 'HTTP' as 'TCP' }] })] }) },
  PORT_HOST_NETWORK: {
    pod: pod({ hostNetwork: true, containers: [app({ ports: [{ containerPort: 80, hostPort: 8080 }] })] }),
  },
  PORT_DUPLICATE_HOSTPORT: {
    pod: pod({
      containers: [
        app({ ports: [{ containerPort: 80, hostPort: 8080 }] }),
        app({ name: 'api', ports: [{ containerPort: 81, hostPort: 8080 }] }),
      ],
    }),
  },
  DNS_NONE_WITHOUT_SERVERS: { pod: pod({ dnsPolicy: 'None' }) },
  VOLUME_DUPLICATE: {
    pod: pod({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ],
    }),
  },
  VOLUME_BAD_MEDIUM: { pod: pod({ volumes: [{ name: 'data', emptyDir: { medium: 'Disk' } }] }) },
  HOSTPATH_BAD_TYPE: { pod: pod({ volumes: [{ name: 'h', hostPath: { path: '/tmp', type: 'Folder' } }] }) },
  HOSTPATH_NOT_ABSOLUTE: { pod: pod({ volumes: [{ name: 'h', hostPath: { path: 'tmp/x' } }] }) },
  VOLUME_UNSUPPORTED: { pod: pod({ volumes: [{ name: 'n', nfs: { server: 'x', path: '/' } } as never] }) },
  VOLUME_MISSING_KEY: {
    pod: pod({ volumes: [{ name: 'c', configMap: { name: 'conf', items: [{ key: 'nope', path: 'n' }] } }] }),
    companions: { configMaps: [cm('conf', { a: '1' })] },
  },
  VOLUME_BAD_PATH: {
    pod: pod({ volumes: [{ name: 'c', configMap: { name: 'conf', items: [{ key: 'a', path: '../a' }] } }] }),
    companions: { configMaps: [cm('conf', { a: '1' })] },
  },
  CONFIGMAP_NOT_FOUND: { pod: pod({ volumes: [{ name: 'c', configMap: { name: 'conf' } }] }) },
  CONFIGMAP_DUPLICATE_KEY: {
    pod: pod({ volumes: [{ name: 'c', configMap: { name: 'conf' } }] }),
    companions: { configMaps: [cm('conf', { a: '1' }, { a: 'MQ==' })] },
  },
  SECRET_NOT_FOUND: { pod: pod({ volumes: [{ name: 's', secret: { secretName: 'creds' } }] }) },
  SECRET_BAD_DATA: {
    pod: pod({ volumes: [{ name: 's', secret: { secretName: 'creds' } }] }),
    companions: {
      secrets: [{ kind: 'Secret', metadata: { name: 'creds' }, data: { pw: 'not base64!' } }],
    },
  },
  DOWNWARD_UNSUPPORTED: {
    pod: pod({
      volumes: [{ name: 'd', downwardAPI: { items: [{ path: 'ip', fieldRef: { fieldPath: 'status.podIP' } }] } }],
    }),
  },
  IMAGE_BAD_PULL_POLICY: { pod: pod({ containers: [app({ imagePullPolicy: 'Sometimes' as 'Never' })] }) },
  RESOURCE_FIELD_NO_CONTAINER: {
    pod: pod({
      containers: [
        app({
          env: [
            { name: 'MEM', valueFrom: { resourceFieldRef: { containerName: 'ghost', resource: 'limits.memory' } } },
          ],
        }),
      ],
    }),
  },
  RESOURCE_FIELD_UNSUPPORTED: {
    pod: pod({
      containers: [
        app({ env: [{ name: 'G', valueFrom: { resourceFieldRef: { resource: 'limits.nvidia.com/gpu' } } }] }),
      ],
    }),
  },
  CONFIGMAP_NOT_FOUND_ENV: { pod: pod({ containers: [app({ envFrom: [{ configMapRef: { name: 'conf' } }] })] }) },
  SECRET_NOT_FOUND_ENV: { pod: pod({ containers: [app({ envFrom: [{ secretRef: { name: 'creds' } }] })] }) },
  ENV_FIELD_UNSUPPORTED: {
    pod: pod({
      containers: [app({ env: [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.unknownField' } } }] })],
    }),
  },
  CONFIGMAP_KEY_NOT_FOUND: {
    pod: pod({
      containers: [app({ env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'conf', key: 'k' } } }] })],
    }),
  },
  SECRET_KEY_NOT_FOUND: {
    pod: pod({ containers: [app({ env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'creds', key: 'k' } } }] })] }),
  },
  MOUNT_UNKNOWN_VOLUME: { pod: pod({ containers: [app({ volumeMounts: [{ name: 'ghost', mountPath: '/g' }] })] }) },
  MOUNT_NOT_ABSOLUTE: {
    pod: pod({
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [app({ volumeMounts: [{ name: 'd', mountPath: 'data' }] })],
    }),
  },
  MOUNT_BAD_SUBPATH: {
    pod: pod({
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [app({ volumeMounts: [{ name: 'd', mountPath: '/d', subPath: '../up' }] })],
    }),
  },
  MOUNT_BAD_PROPAGATION: {
    pod: pod({
      volumes: [{ name: 'h', hostPath: { path: '/tmp' } }],
      containers: [app({ volumeMounts: [{ name: 'h', mountPath: '/h', mountPropagation: 'Sideways' as 'None' }] })],
    }),
  },
  ENGINE_NO_SUBPATH: {
    pod: pod({
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [app({ volumeMounts: [{ name: 'd', mountPath: '/d', subPath: 'part' }] })],
    }),
  },
  RESOURCE_BAD_QUANTITY: { pod: pod({ containers: [app({ resources: { limits: { memory: 'lots' } } })] }) },
  RESOURCE_MEMORY_TOO_SMALL: { pod: pod({ containers: [app({ resources: { limits: { memory: '1Mi' } } })] }) },
  RUN_AS_GROUP_WITHOUT_USER: { pod: pod({ containers: [app({ securityContext: { runAsGroup: 1000 } })] }) },
  RUN_AS_NON_ROOT: { pod: pod({ containers: [app({ securityContext: { runAsNonRoot: true, runAsUser: 0 } })] }) },
  PRIVILEGED_ESCALATION: {
    pod: pod({ containers: [app({ securityContext: { privileged: true, allowPrivilegeEscalation: false } })] }),
  },
  // A 1 MiB value referenced 17 times: 17 MiB once expanded.
  EXPANSION_TOO_LARGE: {
    pod: pod({
      containers: [
        app({ env: [{ name: 'BIG', value: 'x'.repeat(2 ** 20) }], args: [Array(17).fill('$(BIG)').join('')] }),
      ],
    }),
  },
};

const planKeys = keys('en').filter((k) => k.startsWith('runerrors.plan.'));
const problemsOf = (id: string): PlanProblem[] => {
  const f = fixtures[id]!;
  return plan(f.pod, f.engine ?? docker, {}, f.companions).problems;
};

describe('plan problems in the runerrors catalogue', () => {
  it.each(Object.keys(fixtures))('%s reads in English exactly as the plan wrote it, and has a Chinese entry', (id) => {
    const problems = problemsOf(id);
    const mine = problems.filter((p) => p.messageId === `runerrors.plan.${id}`);
    expect(mine.length, JSON.stringify(problems.map((p) => p.message))).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.messageId, `${p.code}: ${p.message}`).toMatch(/^runerrors\.plan\./);
      expect(render('en', p.messageId!, p.params)).toBe(p.message);
      const zh = render('zh-CN', p.messageId!, p.params);
      expect(zh).not.toMatch(/<missing|<no value/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has a Pod above for every sentence of the plan and every plan key of the catalogue', () => {
    const source = readFileSync(join(process.cwd(), 'shared/plan/plan.ts'), 'utf8');
    const codes = new Set(
      [...source.matchAll(/this\.problem\(\s*'(?:error|warning)',\s*'([A-Z_]+)'/g)].map((m) => m[1]),
    );
    const variants = new Set([...source.matchAll(/'([A-Z_]+)',\s*\)/g)].map((m) => m[1]));
    expect(codes.size).toBeGreaterThan(40);
    const reached = new Set(Object.keys(fixtures).flatMap((id) => problemsOf(id).map((p) => p.messageId)));
    for (const id of [...codes, ...variants]) expect(reached, id).toContain(`runerrors.plan.${id}`);
    expect(planKeys.sort()).toEqual([...reached].sort());
  });

  it('has the same keys and placeholders in Chinese as in English', () => {
    expect(keys('zh-CN')).toEqual(keys('en'));
    for (const key of keys('en')) expect(slots(lookup('zh-CN', key)!), key).toEqual(slots(lookup('en', key)!));
  });
});
