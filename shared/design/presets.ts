// What the palette adds: a blank container, ready-made container presets, and one template per volume source.
import type { Container, ContainerList, Volume } from '../model/pod';

export interface ContainerPreset {
  id: string;
  list: ContainerList;
  container: Container;
}

export const containerPresets: readonly ContainerPreset[] = [
  { id: 'container', list: 'containers', container: { name: 'app' } },
  { id: 'initContainer', list: 'initContainers', container: { name: 'init' } },
  {
    id: 'sidecar',
    list: 'initContainers',
    container: { name: 'sidecar', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sleep', 'infinity'] },
  },
  {
    id: 'webServer',
    list: 'containers',
    container: { name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] },
  },
  {
    id: 'logShipper',
    list: 'containers',
    container: {
      name: 'log-shipper',
      image: 'fluent/fluent-bit:3.1',
      args: ['-i', 'tail', '-p', 'path=/var/log/app/*.log', '-o', 'stdout'],
    },
  },
  {
    id: 'cache',
    list: 'containers',
    container: { name: 'cache', image: 'redis:7.4', ports: [{ name: 'redis', containerPort: 6379 }] },
  },
  {
    id: 'database',
    list: 'containers',
    container: {
      name: 'db',
      image: 'postgres:16',
      ports: [{ name: 'postgres', containerPort: 5432 }],
      env: [{ name: 'POSTGRES_PASSWORD', value: 'change-me' }],
    },
  },
  {
    id: 'busyboxShell',
    list: 'containers',
    container: { name: 'shell', image: 'busybox:1.36', command: ['sh', '-c', 'sleep infinity'] },
  },
  {
    id: 'waitFor',
    list: 'initContainers',
    container: {
      name: 'wait-for',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'until nc -z localhost 5432; do echo waiting; sleep 1; done'],
    },
  },
];

export const volumeKinds = ['emptyDir', 'hostPath', 'configMap', 'secret', 'persistentVolumeClaim'] as const;
export type VolumeKind = (typeof volumeKinds)[number];

export function volumeTemplate(kind: VolumeKind): Volume {
  switch (kind) {
    case 'emptyDir':
      return { name: 'data', emptyDir: {} };
    case 'hostPath':
      return { name: 'host', hostPath: { path: '/tmp/podwright', type: 'DirectoryOrCreate' } };
    case 'configMap':
      return { name: 'config', configMap: { name: 'app-config' } };
    case 'secret':
      return { name: 'secret', secret: { secretName: 'app-secret' } };
    case 'persistentVolumeClaim':
      return { name: 'claim', persistentVolumeClaim: { claimName: 'app-data' } };
  }
}

/** Which source a volume uses, for its icon and inspector form. */
export function volumeKindOf(volume: Volume): VolumeKind | 'other' {
  for (const kind of volumeKinds) if (volume[kind] !== undefined) return kind;
  return 'other';
}
