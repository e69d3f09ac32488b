// Every engine problem the plan reports carries its catalogue id (assets/locales/engine-problems,
// `rules.<CODE>.messages.<variant>`): rendered with its params it reads exactly as the English message, and zh-CN has
// the same entry with the same placeholders. One Pod below provokes each sentence (keyed `CODE` or `CODE_variant`);
// a code of engine-problems.ts without a Pod here, or a catalogue sentence no Pod reaches, fails the test.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic';
import { catalogue, slots } from './catalogue.test-support';
import { engineProblemKinds } from './engine-problems';
import { plan } from './plan';
import type { Companions, ConfigMap, Container, Pod } from './pod';
import type { PlanEngine } from './types';

const { keys, lookup, render } = catalogue('engine-problems');

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

/** A Pod (with engine and companions) per catalogue sentence that makes the plan report exactly it. */
const fixtures: Record<string, { pod: Pod; engine?: PlanEngine; companions?: Companions }> = {
  ENGINE_TOO_OLD: { pod: pod(), engine: { ...docker, apiVersion: '1.40' } },
  HOSTNAME_IGNORED: { pod: pod({ hostNetwork: true, hostname: 'web' }) },
  VOLUME_BAD_MEDIUM: { pod: pod({ volumes: [{ name: 'data', emptyDir: { medium: 'Disk' } }] }) },
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
  CONFIGMAP_NOT_FOUND_env: { pod: pod({ containers: [app({ envFrom: [{ configMapRef: { name: 'conf' } }] })] }) },
  SECRET_NOT_FOUND_env: { pod: pod({ containers: [app({ envFrom: [{ secretRef: { name: 'creds' } }] })] }) },
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
  MOUNT_NOT_ABSOLUTE: {
    pod: pod({
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [app({ volumeMounts: [{ name: 'd', mountPath: 'data' }] })],
    }),
  },
  MOUNT_BAD_SUBPATH: {
    pod: pod({
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [app({ env: [{ name: 'UP', value: '..' }], volumeMounts: [{ name: 'd', mountPath: '/d', subPathExpr: '$(UP)/x' }] })],
    }),
  },
  ENGINE_NO_SUBPATH: {
    pod: pod({
      volumes: [{ name: 'd', emptyDir: {} }],
      containers: [app({ volumeMounts: [{ name: 'd', mountPath: '/d', subPath: 'part' }] })],
    }),
  },
  RESOURCE_MEMORY_TOO_SMALL: { pod: pod({ containers: [app({ resources: { limits: { memory: '1Mi' } } })] }) },
  RUN_AS_GROUP_WITHOUT_USER: { pod: pod({ containers: [app({ securityContext: { runAsGroup: 1000 } })] }) },
  RUN_AS_NON_ROOT: { pod: pod({ containers: [app({ securityContext: { runAsNonRoot: true, runAsUser: 0 } })] }) },
};


const sentenceOf = (id: string): string => {
  const [code, variant] = id.split(/_(?=[a-z]+$)/);
  return `rules.${code}.messages.${variant ?? 'main'}`;
};
const problemsOf = (id: string): Diagnostic[] => {
  const f = fixtures[id]!;
  return plan(f.pod, f.engine ?? docker, {}, f.companions).problems;
};

describe('engine problems in their catalogue', () => {
  it.each(Object.keys(fixtures))('%s reads in English exactly as the plan wrote it, and has a Chinese entry', (id) => {
    const problems = problemsOf(id);
    expect(problems.filter((p) => p.messageId === sentenceOf(id)).length, JSON.stringify(problems.map((p) => p.message))).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.messageId, `${p.code}: ${p.message}`).toMatch(/^rules\.[A-Z_]+\.messages\./);
      expect(render('en', p.messageId!, p.params)).toBe(p.message);
      const zh = render('zh-CN', p.messageId!, p.params);
      expect(zh).not.toMatch(/<missing|<no value/);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(lookup('zh-CN', `rules.${p.code}.explanation`)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has a Pod above for every engine problem code and every sentence of the catalogue', () => {
    const reached = new Set(Object.keys(fixtures).flatMap((id) => problemsOf(id).map((p) => p.messageId)));
    for (const code of Object.keys(engineProblemKinds)) expect([...reached].some((id) => id?.startsWith(`rules.${code}.`)), code).toBe(true);
    expect(keys('en').filter((k) => k.includes('.messages.')).sort()).toEqual([...reached].sort());
  });

  it('has the same keys and placeholders in Chinese as in English', () => {
    expect(keys('zh-CN')).toEqual(keys('en'));
    for (const key of keys('en')) expect(slots(lookup('zh-CN', key)!), key).toEqual(slots(lookup('en', key)!));
  });
});
