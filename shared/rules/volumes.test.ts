import { describe, expect, it } from 'vitest';
import type { Volume, VolumeMount } from '../model/pod';
import { applyFix } from './fix';
import { codes, container, found, makePod, paths } from './testing/pods';

const withVolumes = (volumes: Volume[], mounts: VolumeMount[] = []) =>
  makePod({ volumes, containers: [container('ctr', { volumeMounts: mounts })] });

describe('VOLUME_NAME_INVALID / VOLUME_NAME_DUPLICATE (ValidateVolumes)', () => {
  it('requires DNS-1123 label names', () => {
    const pod = withVolumes(
      [
        { name: '', emptyDir: {} },
        { name: 'Data.1', emptyDir: {} },
        { name: 'ok', emptyDir: {} },
      ],
      [{ name: 'ok', mountPath: '/ok' }],
    );
    expect(paths(pod, 'VOLUME_NAME_INVALID')).toEqual(['spec.volumes[0].name', 'spec.volumes[1].name']);
  });
  it('renames a volume together with its mounts', () => {
    const pod = withVolumes([{ name: 'My_Data', emptyDir: {} }], [{ name: 'My_Data', mountPath: '/d' }]);
    const fixed = applyFix(pod, found(pod, 'VOLUME_NAME_INVALID')[0]!.fixes[0]!);
    expect(fixed.spec.volumes?.[0]?.name).toBe('my-data');
    expect(fixed.spec.containers[0]?.volumeMounts?.[0]?.name).toBe('my-data');
    expect(codes(fixed)).toEqual([]);
  });
  it('reports the later of two volumes with one name', () => {
    const pod = withVolumes(
      [
        { name: 'a', emptyDir: {} },
        { name: 'a', emptyDir: {} },
      ],
      [{ name: 'a', mountPath: '/a' }],
    );
    expect(paths(pod, 'VOLUME_NAME_DUPLICATE')).toEqual(['spec.volumes[1].name']);
  });
});

describe('VOLUME_SOURCE_CONFLICT / VOLUME_SOURCE_INVALID (validateVolumeSource)', () => {
  it('defaults a source-less volume to emptyDir (SetDefaults_Volume)', () => {
    expect(codes(withVolumes([{ name: 'a' }], [{ name: 'a', mountPath: '/a' }]))).toEqual([]);
  });
  it('forbids a second source on its own path (emptyDir + hostPath → spec.volumes[0].hostPath)', () => {
    const pod = withVolumes([{ name: 'a', emptyDir: {}, hostPath: { path: '/x' } }], [{ name: 'a', mountPath: '/a' }]);
    const [d] = found(pod, 'VOLUME_SOURCE_CONFLICT');
    expect(d?.path).toBe('spec.volumes[0].hostPath');
    expect(d?.message).toMatch(/may not specify more than 1 volume type/);
    expect(codes(applyFix(pod, d!.fixes[0]!))).toEqual([]);
  });
  it('hostPath: path required, no ".." element ("/mnt/path/.."), relative paths accepted, type from the list', () => {
    const pod = withVolumes([
      { name: 'a', hostPath: { path: '' } },
      { name: 'b', hostPath: { path: '/mnt/path/..' } },
      { name: 'c', hostPath: { path: 'relative/ok' } },
      { name: 'd', hostPath: { path: '/x', type: 'Folder' } },
    ]);
    expect(paths(pod, 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].hostPath.path',
      'spec.volumes[1].hostPath.path',
      'spec.volumes[3].hostPath.type',
    ]);
  });
  it('configMap/secret: name required, defaultMode 0–0777 (512 and -1 fail), item paths relative without ".."', () => {
    const pod = withVolumes([
      { name: 'a', configMap: { name: '' } },
      { name: 'b', configMap: { name: 'cm', defaultMode: 512 } },
      { name: 'c', secret: { secretName: 's', defaultMode: -1 } },
      {
        name: 'd',
        configMap: {
          name: 'cm',
          items: [
            { key: 'k', path: '../foo' },
            { key: 'k', path: 'foo/../bar' },
            { key: 'k', path: 'dir/filename' },
          ],
        },
      },
      { name: 'e', secret: {} },
    ]);
    expect(paths(pod, 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].configMap.name',
      'spec.volumes[1].configMap.defaultMode',
      'spec.volumes[2].secret.defaultMode',
      'spec.volumes[3].configMap.items[0].path',
      'spec.volumes[3].configMap.items[1].path',
      'spec.volumes[4].secret.secretName',
    ]);
  });
  it('persistentVolumeClaim needs claimName; emptyDir sizeLimit must not be negative', () => {
    const pod = withVolumes([
      { name: 'a', persistentVolumeClaim: { claimName: '' } },
      { name: 'b', emptyDir: { sizeLimit: '-1Gi' } },
    ]);
    expect(paths(pod, 'VOLUME_SOURCE_INVALID')).toEqual([
      'spec.volumes[0].persistentVolumeClaim.claimName',
      'spec.volumes[1].emptyDir.sizeLimit',
    ]);
  });
  it('warns about deprecated in-tree plugins (warnings.go: gitRepo "deprecated in v1.11")', () => {
    const pod = withVolumes(
      [{ name: 'a', gitRepo: { repository: 'https://example.com/r.git' } }],
      [{ name: 'a', mountPath: '/a' }],
    );
    expect(found(pod, 'VOLUME_DEPRECATED').map((d) => `${d.path}: ${d.message}`)).toEqual([
      'spec.volumes[0].gitRepo: deprecated in v1.11',
    ]);
  });
});

describe('MOUNT_VOLUME_NOT_FOUND (ValidateVolumeMounts)', () => {
  it('reports a mount of an undeclared volume, with fixes to add it or remove the mount', () => {
    const pod = withVolumes([], [{ name: 'logs', mountPath: '/logs' }]);
    const [d] = found(pod, 'MOUNT_VOLUME_NOT_FOUND');
    expect(d?.path).toBe('spec.containers[0].volumeMounts[0].name');
    expect(d?.fixes.map((f) => f.title)).toEqual(['Add an emptyDir volume "logs"', 'Remove this mount']);
    expect(codes(applyFix(pod, d!.fixes[0]!))).toEqual([]);
    expect(codes(applyFix(pod, d!.fixes[1]!))).toEqual([]);
    const noVolumesKey = makePod({ containers: [container('c', { volumeMounts: [{ name: 'x', mountPath: '/x' }] })] });
    expect(codes(applyFix(noVolumesKey, found(noVolumesKey, 'MOUNT_VOLUME_NOT_FOUND')[0]!.fixes[0]!))).toEqual([]);
  });
  it('also reports mounts of a volume that has its own error (it is not registered)', () => {
    const pod = withVolumes([{ name: 'a', hostPath: { path: '' } }], [{ name: 'a', mountPath: '/a' }]);
    expect(found(pod, 'MOUNT_VOLUME_NOT_FOUND')[0]?.message).toMatch(/has errors/);
  });
  it('requires the mount name', () => {
    expect(paths(withVolumes([], [{ name: '', mountPath: '/a' }]), 'MOUNT_VOLUME_NOT_FOUND')).toEqual([
      'spec.containers[0].volumeMounts[0].name',
    ]);
  });
});

describe('MOUNT_PATH_INVALID (ValidateVolumeMounts)', () => {
  it('rejects the same mountPath twice in one container, but not across containers; relative and Windows paths pass ("d:", "G:\\mount")', () => {
    const volumes = [
      { name: 'a', emptyDir: {} },
      { name: 'b', emptyDir: {} },
    ];
    const twice = withVolumes(volumes, [
      { name: 'a', mountPath: '/x' },
      { name: 'b', mountPath: '/x' },
    ]);
    expect(paths(twice, 'MOUNT_PATH_INVALID')).toEqual(['spec.containers[0].volumeMounts[1].mountPath']);
    const windows = withVolumes(volumes, [
      { name: 'a', mountPath: 'd:' },
      { name: 'b', mountPath: 'G:\\mount' },
    ]);
    expect(paths(windows, 'MOUNT_PATH_INVALID')).toEqual([]);
    const across = makePod({
      volumes,
      containers: [
        container('a', { volumeMounts: [{ name: 'a', mountPath: '/x' }] }),
        container('b', { volumeMounts: [{ name: 'a', mountPath: '/x' }] }),
      ],
    });
    expect(paths(across, 'MOUNT_PATH_INVALID')).toEqual([]);
  });
  it('requires mountPath', () => {
    expect(
      paths(withVolumes([{ name: 'a', emptyDir: {} }], [{ name: 'a', mountPath: '' }]), 'MOUNT_PATH_INVALID'),
    ).toEqual(['spec.containers[0].volumeMounts[0].mountPath']);
  });
});

describe('MOUNT_SUBPATH_INVALID (validateLocalDescendingPath, path without index)', () => {
  const v = [{ name: 'a', emptyDir: {} }];
  it.each(['/baz', '../baz', 'baz/../bat', './..'])('rejects subPath %s on volumeMounts.subPath', (subPath) => {
    expect(paths(withVolumes(v, [{ name: 'a', mountPath: '/a', subPath }]), 'MOUNT_SUBPATH_INVALID')).toEqual([
      'spec.containers[0].volumeMounts.subPath',
    ]);
  });
  it.each(['.baz', '..baz', 'dir/file'])('accepts subPath %s', (subPath) => {
    expect(paths(withVolumes(v, [{ name: 'a', mountPath: '/a', subPath }]), 'MOUNT_SUBPATH_INVALID')).toEqual([]);
  });
  it('rejects subPath with subPathExpr, unknown propagation, and Bidirectional without privileged', () => {
    const pod = withVolumes(v, [
      { name: 'a', mountPath: '/a', subPath: 'x', subPathExpr: '$(POD)' },
      { name: 'a', mountPath: '/b', mountPropagation: 'Shared' },
      { name: 'a', mountPath: '/c', mountPropagation: 'Bidirectional' },
    ]);
    expect(paths(pod, 'MOUNT_SUBPATH_INVALID')).toEqual([
      'spec.containers[0].volumeMounts[0].subPathExpr',
      'spec.containers[0].volumeMounts.mountPropagation',
      'spec.containers[0].volumeMounts.mountPropagation',
    ]);
  });
});

describe('VOLUME_ITEMS_OVERLAP (warnings.go warningsForOverlappingVirtualPaths)', () => {
  it('warns about the same path twice and about a path nested in another', () => {
    const pod = withVolumes(
      [
        {
          name: 'cfg',
          configMap: {
            name: 'myconfig',
            items: [
              { key: 'key1', path: 'path' },
              { key: 'key2', path: 'path/path2' },
              { key: 'key3', path: 'other' },
            ],
          },
        },
        {
          name: 'sec',
          secret: {
            secretName: 's',
            items: [
              { key: 'a', path: 'x' },
              { key: 'b', path: 'x/' },
            ],
          },
        },
      ],
      [
        { name: 'cfg', mountPath: '/c' },
        { name: 'sec', mountPath: '/s' },
      ],
    );
    expect(found(pod, 'VOLUME_ITEMS_OVERLAP').map((d) => `${d.path}: ${d.message}`)).toEqual([
      'spec.volumes[0].configMap.items[1].path: volume "cfg" (ConfigMap "myconfig"): overlapping paths: "path/path2" with "path"',
      'spec.volumes[1].secret.items[1].path: volume "sec" (Secret "s"): overlapping paths: "x" with "x"',
    ]);
  });
  it('is quiet for distinct files', () => {
    const pod = withVolumes(
      [
        {
          name: 'cfg',
          configMap: {
            name: 'c',
            items: [
              { key: 'a', path: 'a.conf' },
              { key: 'b', path: 'dir/b.conf' },
            ],
          },
        },
      ],
      [{ name: 'cfg', mountPath: '/c' }],
    );
    expect(codes(pod)).toEqual([]);
  });
});
