// The mount path a new mount proposes: what the user most likely types next, so accepting it is often enough.
import type { Container, Pod } from '../model/pod';
import { containersOf, uniqueName, volumesOf } from './document';
import { volumeKindOf } from './presets';

/** Top-level folders of a Linux image: a volume mounted over one would hide the image's own files. */
const systemFolders = new Set([
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
]);

/** Where a volume of its kind usually goes when nothing else in the Pod says so. */
function pathForKind(pod: Pod, volume: string): string {
  const source = volumesOf(pod).find((v) => v?.name === volume);
  const kind = source ? volumeKindOf(source) : 'other';
  switch (kind) {
    // Configuration and credentials are read from /etc by convention (nginx, redis, and most images).
    case 'configMap':
    case 'secret':
      return `/etc/${volume}`;
    // A folder of the node is most often mounted where it is on the node (a socket, a log folder).
    case 'hostPath': {
      const path = source?.hostPath?.path;
      return typeof path === 'string' && path.startsWith('/') && path !== '/' ? path : `/mnt/${volume}`;
    }
    // Data and scratch space: a top-level folder named after the volume (/data, /logs), as the examples use.
    case 'emptyDir':
    case 'persistentVolumeClaim':
      return systemFolders.has(volume) || !/^[a-z0-9][a-z0-9._-]*$/.test(volume) ? `/mnt/${volume}` : `/${volume}`;
    default:
      return `/mnt/${volume}`;
  }
}

/**
 * The mount path proposed when `container` mounts `volume`: the path another container of the Pod already mounts it at
 * (the sidecar convention: a log shipper reads the app's log folder where the app writes it), otherwise a path for the
 * volume's kind; never one the container already uses.
 */
export function defaultMountPath(pod: Pod, container: Container, volume: string): string {
  const taken = (container.volumeMounts ?? []).map((m) => m.mountPath);
  for (const list of ['initContainers', 'containers'] as const)
    for (const other of containersOf(pod, list)) {
      if (other === container || !Array.isArray(other?.volumeMounts)) continue;
      const shared = other.volumeMounts.find((m) => m?.name === volume && typeof m.mountPath === 'string');
      if (shared?.mountPath && !taken.includes(shared.mountPath)) return shared.mountPath;
    }
  return uniqueName(pathForKind(pod, volume), taken);
}
