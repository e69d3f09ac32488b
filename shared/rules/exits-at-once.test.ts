// CONTAINER_EXITS_AT_ONCE: a shell image without a command, restarted Always, is flagged at design time; the fix gives
// it a command that keeps running and stops at once on SIGTERM. The busybox quick fixes write a tagged image.
import { describe, expect, it } from 'vitest';
import { applyFix } from './fix';
import { imageRepository, keepRunningCommand } from './catalog/container-exits-at-once';
import { codes, container, found, makePod, paths } from './testing/pods';

describe('CONTAINER_EXITS_AT_ONCE', () => {
  it('flags busybox with no command under the default restartPolicy, and the fix keeps it running', () => {
    const pod = makePod({ containers: [container('shell', { image: 'busybox:1.36' })] });
    const [d] = found(pod, 'CONTAINER_EXITS_AT_ONCE');
    expect(d).toMatchObject({ path: 'spec.containers[0].image', severity: 'warning', category: 'runtime' });
    const fixed = applyFix(pod, d!.fixes[0]!);
    expect(fixed.spec.containers[0]!.command).toEqual(keepRunningCommand);
    expect(codes(fixed)).not.toContain('CONTAINER_EXITS_AT_ONCE');
  });

  it('flags a sidecar (it always restarts), but not a plain init container or a Pod that restarts OnFailure or Never', () => {
    const sidecar = container('side', { image: 'alpine', restartPolicy: 'Always' });
    const init = container('prepare', { image: 'docker.io/library/ubuntu:24.04' });
    expect(paths(makePod({ initContainers: [init, sidecar] }), 'CONTAINER_EXITS_AT_ONCE')).toEqual([
      'spec.initContainers[1].image',
    ]);
    for (const restartPolicy of ['OnFailure', 'Never'] as const) {
      const pod = makePod({ restartPolicy, containers: [container('job', { image: 'busybox' })] });
      expect(paths(pod, 'CONTAINER_EXITS_AT_ONCE')).toEqual([]);
    }
  });

  it('leaves containers with a command or args, and images that run a service, alone', () => {
    const pod = makePod({
      containers: [
        container('a', { image: 'busybox', command: ['sleep', '3600'] }),
        container('b', { image: 'busybox', args: ['sleep', '3600'] }),
        container('c', { image: 'nginx:1.27' }),
        container('d', { image: 'registry.example/team/busybox-tools:1' }),
      ],
    });
    expect(paths(pod, 'CONTAINER_EXITS_AT_ONCE')).toEqual([]);
  });

  it('reads the repository from any image reference', () => {
    expect(imageRepository('busybox')).toBe('busybox');
    expect(imageRepository('docker.io/library/busybox:1.36')).toBe('busybox');
    expect(imageRepository('localhost:5000/alpine@sha256:abc')).toBe('alpine');
    expect(imageRepository('Ubuntu:24.04')).toBe('ubuntu');
  });
});

describe('busybox quick fixes', () => {
  it('write a tagged image, never :latest', () => {
    const noImage = makePod({ containers: [{ name: 'x' }] });
    const [image] = found(noImage, 'CONTAINER_IMAGE_REQUIRED');
    expect(applyFix(noImage, image!.fixes[0]!).spec.containers[0]!.image).toBe('busybox:1.36');
    const empty = makePod({ containers: [] });
    const [none] = found(empty, 'POD_CONTAINERS_REQUIRED');
    const added = applyFix(empty, none!.fixes[0]!);
    expect(added.spec.containers[0]!.image).toBe('busybox:1.36');
    // The container it adds keeps running: the fix does not trade one problem for a crash loop.
    expect(codes(added)).toEqual([]);
  });
});
