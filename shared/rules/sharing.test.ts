import { describe, expect, it } from 'vitest';
import type { Container } from '../model/pod';
import { applyFix } from './fix';
import { codes, container, found, makePod, paths } from './testing/pods';

const mount = (name: string, mountPath: string, extra = {}) => ({ name, mountPath, ...extra });

describe('VOLUME_UNUSED', () => {
  it('reports a declared volume that no container mounts, and the fix removes it', () => {
    const pod = makePod({ volumes: [{ name: 'cache', emptyDir: {} }] });
    const [d] = found(pod, 'VOLUME_UNUSED');
    expect(d).toMatchObject({ path: 'spec.volumes[0]', severity: 'warning', category: 'practice' });
    expect(codes(applyFix(pod, d!.fixes[0]!))).toEqual([]);
  });
  it('counts mounts by init containers', () => {
    const pod = makePod({
      volumes: [{ name: 'v', emptyDir: {} }],
      initContainers: [container('i', { volumeMounts: [mount('v', '/v')] })],
    });
    expect(paths(pod, 'VOLUME_UNUSED')).toEqual([]);
  });
});

describe('VOLUME_READ_ONLY_EVERYWHERE', () => {
  it('reports an emptyDir that every container mounts read-only', () => {
    const pod = makePod({
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [
        container('a', { volumeMounts: [mount('shared', '/s', { readOnly: true })] }),
        container('b', { volumeMounts: [mount('shared', '/s', { readOnly: true })] }),
      ],
    });
    const [d] = found(pod, 'VOLUME_READ_ONLY_EVERYWHERE');
    expect(d?.path).toBe('spec.volumes[0]');
    expect(codes(applyFix(pod, d!.fixes[0]!))).toEqual([]);
  });
  it('is quiet when one container writes (an init container counts), and for configMap volumes', () => {
    const writerInit = makePod({
      volumes: [{ name: 'shared', emptyDir: {} }],
      initContainers: [container('fill', { volumeMounts: [mount('shared', '/s')] })],
      containers: [container('a', { volumeMounts: [mount('shared', '/s', { readOnly: true })] })],
    });
    expect(paths(writerInit, 'VOLUME_READ_ONLY_EVERYWHERE')).toEqual([]);
    const config = makePod({
      volumes: [{ name: 'cfg', configMap: { name: 'c' } }],
      containers: [container('a', { volumeMounts: [mount('cfg', '/c', { readOnly: true })] })],
    });
    expect(codes(config)).toEqual([]);
  });
});

describe('VOLUME_SHARED_WRITERS', () => {
  it('reports two running containers writing the same subPath of one volume', () => {
    const writer = (name: string): Container =>
      container(name, { volumeMounts: [mount('logs', '/logs/app.log', { subPath: 'app.log' })] });
    const pod = makePod({ volumes: [{ name: 'logs', emptyDir: {} }], containers: [writer('a'), writer('b')] });
    expect(found(pod, 'VOLUME_SHARED_WRITERS').map((d) => `${d.path}: ${d.message}`)).toEqual([
      'spec.containers[1].volumeMounts[0].subPath: b and a both write "app.log" in volume "logs"',
    ]);
  });
  it('is quiet for different subPaths, a read-only reader, or a plain init container', () => {
    const pod = makePod({
      volumes: [{ name: 'logs', emptyDir: {} }],
      initContainers: [container('init', { volumeMounts: [mount('logs', '/l', { subPath: 'a' })] })],
      containers: [
        container('a', { volumeMounts: [mount('logs', '/l', { subPath: 'a' })] }),
        container('b', { volumeMounts: [mount('logs', '/l', { subPath: 'b' })] }),
        container('c', { volumeMounts: [mount('logs', '/l', { subPath: 'a', readOnly: true })] }),
      ],
    });
    expect(paths(pod, 'VOLUME_SHARED_WRITERS')).toEqual([]);
  });
});

describe('SIDECAR_READS_UNWRITTEN_VOLUME', () => {
  it('notes a sidecar alone on an emptyDir (the app forgot to mount the log volume)', () => {
    const pod = makePod({
      volumes: [{ name: 'logs', emptyDir: {} }],
      initContainers: [
        container('shipper', { restartPolicy: 'Always', volumeMounts: [mount('logs', '/var/log/app')] }),
      ],
      containers: [container('app')],
    });
    expect(found(pod, 'SIDECAR_READS_UNWRITTEN_VOLUME').map((d) => [d.path, d.severity])).toEqual([
      ['spec.initContainers[0].volumeMounts[0]', 'info'],
    ]);
  });
  it('is quiet once the app mounts the volume too', () => {
    const pod = makePod({
      volumes: [{ name: 'logs', emptyDir: {} }],
      initContainers: [
        container('shipper', {
          restartPolicy: 'Always',
          volumeMounts: [mount('logs', '/var/log/app', { readOnly: true })],
        }),
      ],
      containers: [container('app', { volumeMounts: [mount('logs', '/var/log/app')] })],
    });
    expect(codes(pod)).toEqual([]);
  });
});

describe('POD_EXCEEDS_NODE_CAPACITY', () => {
  const app = container('app', { resources: { requests: { memory: '1Gi' } } });
  const collector = container('log-collector', { resources: { requests: { memory: '512Mi' } } });
  it('App 1G + LogCollector 0.5G do not fit a 1.25G node as a unit, though each would alone', () => {
    const pod = makePod({ containers: [app, collector] });
    const [d] = found(pod, 'POD_EXCEEDS_NODE_CAPACITY', { nodeCapacity: { memory: '1.25Gi' } });
    expect(d?.path).toBe('spec');
    expect(d?.message).toBe(
      'the Pod requests 1.5Gi of memory (app 1Gi + log-collector 512Mi) but the node has 1.25Gi; the Pod must fit on one node as a unit',
    );
    expect(d?.explanation).toMatch(/1\.25Gi/);
    expect(found(pod, 'POD_EXCEEDS_NODE_CAPACITY', { nodeCapacity: { memory: '2Gi' } })).toEqual([]);
    expect(found(pod, 'POD_EXCEEDS_NODE_CAPACITY')).toEqual([]);
  });
  it('counts a sidecar with the app, a plain init container only at its peak, and limits as requests', () => {
    const sidecar = makePod({ initContainers: [{ ...collector, restartPolicy: 'Always' }], containers: [app] });
    expect(paths(sidecar, 'POD_EXCEEDS_NODE_CAPACITY', { nodeCapacity: { memory: '1.25Gi' } })).toEqual(['spec']);
    const init = makePod({ initContainers: [collector], containers: [app] });
    expect(paths(init, 'POD_EXCEEDS_NODE_CAPACITY', { nodeCapacity: { memory: '1.25Gi' } })).toEqual([]);
    const limitsOnly = makePod({ containers: [container('a', { resources: { limits: { cpu: '3' } } })] });
    expect(paths(limitsOnly, 'POD_EXCEEDS_NODE_CAPACITY', { nodeCapacity: { cpu: '2' } })).toEqual([
      'spec.containers[0].resources.requests[cpu]',
    ]);
  });
});
