// Volume files, gitRepo, ephemeral volumes, recursive read-only mounts and resourceFieldRef as the API server checks
// them (issue 17); case names in quotes are upstream's (validation_test.go).
import { describe, expect, it } from 'vitest';
import type { Volume, VolumeMount } from '../model/pod';
import { codes, container, found, makePod, paths } from './testing/pods';

const withVolume = (volume: Record<string, unknown>, mounts: VolumeMount[] = []) =>
  makePod({ volumes: [{ name: 'v', ...volume } as Volume], containers: [container('ctr', { volumeMounts: mounts })] });

describe('VOLUME_SOURCE_INVALID: items (TestValidateKeyToPath)', () => {
  const item = (kp: Record<string, unknown>) =>
    paths(withVolume({ configMap: { name: 'c', items: [kp] } }), 'VOLUME_SOURCE_INVALID');
  it('accepts "p", "p/p/p/p", "p/..p/p../p..p" and a mode of 0644', () => {
    for (const kp of [
      { key: 'k', path: 'p' },
      { key: 'k', path: 'p/p/p/p' },
      { key: 'k', path: 'p/..p/p../p..p' },
      { key: 'k', path: 'p', mode: 0o644 },
    ])
      expect(item(kp), JSON.stringify(kp)).toEqual([]);
  });
  it('refuses an empty key or path, "..p", "../p", "p/../p", "p/.." and a mode of 01000, on the item\'s paths', () => {
    expect(item({ key: '', path: 'p' })).toEqual(['spec.volumes[0].configMap.items[0].key']);
    expect(item({ key: 'k', path: '' })).toEqual(['spec.volumes[0].configMap.items[0].path']);
    for (const path of ['..p', '../p', 'p/../p', 'p/..', '/p'])
      expect(item({ key: 'k', path }), path).toEqual(
        expect.arrayContaining(['spec.volumes[0].configMap.items[0].path']),
      );
    expect(item({ key: 'k', path: 'p', mode: 0o1000 })).toEqual(['spec.volumes[0].configMap.items[0].mode']);
  });
  it('a backslash is no separator on the API server (filepath.ToSlash on Linux): "a\\..\\b" is one name', () => {
    expect(item({ key: 'k', path: 'a\\..\\b' })).toEqual([]);
  });
  it('a refused item makes the volume unregistered, so its mounts are not found either', () => {
    const pod = withVolume({ secret: { secretName: 's', items: [{ key: 'k', path: '../p' }] } }, [
      { name: 'v', mountPath: '/v' },
    ]);
    expect(codes(pod)).toEqual(['VOLUME_SOURCE_INVALID', 'MOUNT_VOLUME_NOT_FOUND']);
  });
});

describe('VOLUME_SOURCE_INVALID: downwardAPI and projected volumes (validateDownwardAPIVolumeFile, validateProjectionSources)', () => {
  it("reports a downwardAPI file on the volume's path without the item index, as the API server does", () => {
    const pod = withVolume({
      downwardAPI: {
        items: [
          { path: '..data', fieldRef: { fieldPath: 'metadata.labels' } },
          { path: 'x', fieldRef: { fieldPath: 'spec.nodeName' } },
          { path: 'y' },
          { path: 'z', resourceFieldRef: { resource: 'limits.cpu' } },
        ],
      },
    });
    expect(paths(pod, 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].downwardAPI.path',
      'spec.volumes[0].downwardAPI.fieldRef.fieldPath',
      'spec.volumes[0].downwardAPI',
      'spec.volumes[0].downwardAPI.resourceFieldRef.containerName',
    ]);
  });
  it('subscripted label and annotation fields are checked as qualified names', () => {
    const pod = withVolume({
      downwardAPI: {
        items: [
          { path: 'a', fieldRef: { fieldPath: "metadata.labels['app']" } },
          { path: 'b', fieldRef: { fieldPath: "metadata.annotations['Example.com/Owner']" } },
          { path: 'c', fieldRef: { fieldPath: "metadata.labels['bad key!']" } },
          { path: 'd', fieldRef: { fieldPath: "spec.containers['x']" } },
        ],
      },
    });
    expect(paths(pod, 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].downwardAPI.fieldRef',
      'spec.volumes[0].downwardAPI.fieldRef.fieldPath',
    ]);
  });
  it('projected: token lifetime ≥ 10 minutes, its path on the volume, unique paths, one kind per source', () => {
    const pod = withVolume({
      projected: {
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 599 } },
          { serviceAccountToken: { path: '../token' } },
          { configMap: { name: 'c', items: [{ key: 'k', path: 'token' }] }, secret: { name: 's' } },
        ],
      },
    });
    // A token's path does not count among the projected files, so "token" twice is no conflict.
    expect(paths(pod, 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds',
      'spec.volumes[0].projected.path',
      'spec.volumes[0].projected.sources[2]',
    ]);
    const twice = withVolume({
      projected: {
        sources: [
          { configMap: { name: 'c', items: [{ key: 'k', path: 'a' }] } },
          { secret: { name: 's', items: [{ key: 'k', path: 'a' }] } },
        ],
      },
    });
    expect(found(twice, 'VOLUME_SOURCE_INVALID').map((d) => `${d.path}: ${d.message}`)).toEqual([
      'spec.volumes[0].projected: Invalid value: "s": conflicting duplicate paths',
    ]);
  });
});

describe('VOLUME_SOURCE_INVALID: gitRepo and hostPath (validateGitRepoVolumeSource, validateHostPathVolumeSource)', () => {
  it('"valid GitRepo", "valid GitRepo in .", "valid GitRepo with .. in name"', () => {
    for (const directory of ['', '.', 'my-dir', '..dir', 'dir..'])
      expect(
        paths(withVolume({ gitRepo: { repository: 'https://example.com/r.git', directory } }), 'VOLUME_SOURCE_INVALID'),
        directory,
      ).toEqual([]);
  });
  it('"GitRepo starts with ../", "GitRepo contains ..", "GitRepo absolute target"', () => {
    for (const directory of ['../dots/bar', 'dots/../bar', '/abstarget', '..'])
      expect(
        paths(withVolume({ gitRepo: { repository: 'r', directory } }), 'VOLUME_SOURCE_INVALID'),
        directory,
      ).toEqual(['spec.volumes[0].gitRepo.directory']);
  });
  it('a hostPath without path is Required, and its type is not looked at then', () => {
    expect(paths(withVolume({ hostPath: { type: 'Bogus' } }), 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].hostPath.path',
    ]);
  });
  it('a second source is named as the API server names it: "downwarAPI" and "cephFS"', () => {
    expect(paths(withVolume({ emptyDir: {}, downwardAPI: {} }), 'VOLUME_SOURCE_CONFLICT')).toEqual([
      'spec.volumes[0].downwarAPI',
    ]);
    expect(paths(withVolume({ emptyDir: {}, cephfs: {} }), 'VOLUME_SOURCE_CONFLICT')).toEqual([
      'spec.volumes[0].cephFS',
    ]);
  });
});

describe('EPHEMERAL_VOLUME_INVALID (TestValidateEphemeralVolume, "final PVC name for ephemeral volume must be valid")', () => {
  const template = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  const ephemeral = (volumeClaimTemplate: unknown, name = 'v', podName = 'p') => {
    const pod = withVolume(
      volumeClaimTemplate === undefined ? { ephemeral: {} } : { ephemeral: { volumeClaimTemplate } },
    );
    pod.metadata.name = podName;
    pod.spec.volumes![0]!.name = name;
    return paths(pod, 'EPHEMERAL_VOLUME_INVALID');
  };
  it('accepts a claim template with an access mode and storage, and labels and annotations in its metadata', () => {
    expect(ephemeral({ ...template, metadata: { labels: { app: 'web' }, annotations: { a: 'b' } } })).toEqual([]);
  });
  it('needs the template, an access mode, a positive storage request; only labels and annotations as metadata', () => {
    expect(ephemeral(undefined)).toEqual(['spec.volumes[0].ephemeral.volumeClaimTemplate']);
    expect(ephemeral({ spec: { resources: { requests: { storage: '0' } } } })).toEqual([
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]',
    ]);
    expect(ephemeral({ ...template, metadata: { name: 'fixed', labels: { 'a b': 'x' } } })).toEqual([
      'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name',
    ]);
    expect(
      ephemeral({
        spec: {
          accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
          volumeMode: 'Bogus',
        },
      }),
    ).toEqual([
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeMode',
    ]);
  });
  it('the claim <pod>-<volume> must be a valid name: 253 characters at most, reported on the volume name', () => {
    const pod = (n: number) => 'p'.repeat(n);
    expect(ephemeral(template, 'v'.repeat(10), pod(242))).toEqual([]);
    expect(ephemeral(template, 'v'.repeat(10), pod(243))).toEqual(['spec.volumes[0].name']);
  });
  it('a persistentVolumeClaim volume may not claim the PVC an ephemeral volume creates', () => {
    const pod = makePod({
      volumes: [
        { name: 'scratch', ephemeral: { volumeClaimTemplate: template } },
        { name: 'claimed', persistentVolumeClaim: { claimName: 'p-scratch' } },
      ],
    });
    pod.metadata.name = 'p';
    expect(paths(pod, 'EPHEMERAL_VOLUME_INVALID')).toEqual(['spec.volumes[1].persistentVolumeClaim.claimName']);
  });
});

describe('MOUNT_SUBPATH_INVALID: recursiveReadOnly (validateMountRecursiveReadOnly)', () => {
  const mount = (m: Record<string, unknown>) =>
    paths(withVolume({ emptyDir: {} }, [{ name: 'v', mountPath: '/v', ...m }]), 'MOUNT_SUBPATH_INVALID');
  it('Disabled anywhere; Enabled and IfPossible on a read-only mount without propagation', () => {
    expect(mount({ recursiveReadOnly: 'Disabled' })).toEqual([]);
    expect(mount({ recursiveReadOnly: 'Enabled', readOnly: true })).toEqual([]);
    expect(mount({ recursiveReadOnly: 'IfPossible', readOnly: true, mountPropagation: 'None' })).toEqual([]);
  });
  it('refuses other values, a writable mount, and propagation; the path has no mount index', () => {
    const at = 'spec.containers[0].volumeMounts.recursiveReadOnly';
    expect(mount({ recursiveReadOnly: 'enabled', readOnly: true })).toEqual([at]);
    expect(mount({ recursiveReadOnly: 'Enabled' })).toEqual([at]);
    expect(mount({ recursiveReadOnly: 'IfPossible', readOnly: true, mountPropagation: 'HostToContainer' })).toEqual([
      at,
    ]);
  });
});

describe('ENV_VALUE_FROM_INVALID: resourceFieldRef and key selectors (TestValidateEnv, TestHugePagesEnv)', () => {
  const env = (valueFrom: Record<string, unknown>) =>
    paths(
      makePod({ containers: [container('ctr', { env: [{ name: 'E', valueFrom } as never] })] }),
      'ENV_VALUE_FROM_INVALID',
    );
  it('accepts limits and requests of cpu, memory, ephemeral-storage and hugepages, with the supported divisors', () => {
    for (const [resource, divisor] of [
      ['limits.cpu', '1m'],
      ['requests.cpu', '1'],
      ['limits.memory', '1Mi'],
      ['requests.ephemeral-storage', '1G'],
      ['requests.hugepages-2Mi', '1Ki'],
      ['limits.memory', '1000'],
    ])
      expect(env({ resourceFieldRef: { resource, divisor } }), `${resource} / ${divisor}`).toEqual([]);
  });
  it('refuses other resources and divisors, as Quantity.String() spells them', () => {
    expect(env({ resourceFieldRef: { resource: 'cpu' } })).toEqual([
      'spec.containers[0].env[0].valueFrom.resourceFieldRef.resource',
    ]);
    for (const [resource, divisor] of [
      ['limits.cpu', '2m'],
      ['limits.memory', '1e3'],
      ['limits.memory', '1024'],
      ['requests.hugepages-1Gi', '10'],
    ])
      expect(env({ resourceFieldRef: { resource, divisor } }), `${resource} / ${divisor}`).toEqual([
        'spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor',
      ]);
  });
  it("checks a key selector's name even when it is missing, and every source when there are two", () => {
    expect(env({ secretKeyRef: { key: 'k' } })).toEqual(['spec.containers[0].env[0].valueFrom.secretKeyRef.name']);
    expect(env({ fieldRef: { fieldPath: 'status.phase' }, configMapKeyRef: { name: 'C', key: 'k' } })).toEqual([
      'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath',
      'spec.containers[0].env[0].valueFrom.configMapKeyRef.name',
      'spec.containers[0].env[0].valueFrom',
    ]);
    expect(
      found(
        makePod({ containers: [container('c', { env: [{ name: 'E', valueFrom: {} }] })] }),
        'ENV_VALUE_FROM_INVALID',
      )[0]?.path,
    ).toBe('spec.containers[0].env[0].valueFrom');
  });
});
