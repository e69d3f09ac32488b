// The places on a host that hand the host to whoever mounts them (for HOST_PATH_SENSITIVE): the whole file system, the
// container engines' sockets, the kernel's and the devices' file systems, users, passwords and keys, other containers'
// data. A hostPath is judged by what it reaches: the place itself, a folder holding it, or (for whole trees) a path
// inside it.

/** What a place gives a container; each has its sentence in the rule's catalogue entry. */
export type HostPlaceKind =
  'root' | 'engine' | 'runtime' | 'containers' | 'kernel' | 'devices' | 'config' | 'homes' | 'boot' | 'programs';

interface HostPlace {
  path: string;
  kind: HostPlaceKind;
  /** Everything below it counts too (a whole tree); otherwise only the place and the folders holding it. */
  below: boolean;
}

/** The container engines' API sockets, where Kubernetes nodes and workstations keep them. */
const engineSockets = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/podman/podman.sock',
  '/run/podman/podman.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
];

/** Most severe first: a hostPath is reported for the first place it reaches. */
const places: readonly HostPlace[] = [
  { path: '/', kind: 'root', below: false },
  ...engineSockets.map((path) => ({ path, kind: 'engine' as const, below: false })),
  { path: '/var/run', kind: 'runtime', below: false },
  { path: '/run', kind: 'runtime', below: false },
  { path: '/var/lib/kubelet', kind: 'containers', below: true },
  { path: '/var/lib/docker', kind: 'containers', below: true },
  { path: '/var/lib/containerd', kind: 'containers', below: true },
  { path: '/var/lib/containers', kind: 'containers', below: true },
  { path: '/proc', kind: 'kernel', below: true },
  { path: '/sys', kind: 'kernel', below: true },
  { path: '/dev', kind: 'devices', below: true },
  { path: '/etc', kind: 'config', below: false },
  { path: '/etc/shadow', kind: 'config', below: true },
  { path: '/etc/gshadow', kind: 'config', below: true },
  { path: '/etc/sudoers', kind: 'config', below: true },
  { path: '/etc/sudoers.d', kind: 'config', below: true },
  { path: '/etc/kubernetes', kind: 'config', below: true },
  { path: '/etc/ssh', kind: 'config', below: true },
  { path: '/root', kind: 'homes', below: true },
  { path: '/home', kind: 'homes', below: true },
  { path: '/boot', kind: 'boot', below: true },
  { path: '/usr', kind: 'programs', below: false },
  { path: '/bin', kind: 'programs', below: false },
  { path: '/sbin', kind: 'programs', below: false },
  { path: '/lib', kind: 'programs', below: false },
  { path: '/lib64', kind: 'programs', below: false },
];

/** A socket of a container engine wherever it sits (rootless engines keep theirs under the user's runtime folder). */
const ENGINE_SOCKET_NAME = /^(docker|containerd|podman|crio|cri-dockerd)\.sock$/;

/** `path` as the kernel resolves it, without following links: one slash between names, no `.`, `..` taken back. */
export function normalHostPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The most severe host place `hostPath` reaches, with the place itself, or undefined for an ordinary path. */
export function hostPlaceOf(hostPath: string): { kind: HostPlaceKind; place: string } | undefined {
  if (!hostPath.startsWith('/')) return undefined;
  const path = normalHostPath(hostPath);
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const p of places) {
    // The place itself, a folder holding it, or (for a whole tree) a path inside it.
    const reaches = path === p.path || p.path.startsWith(`${path}/`) || (p.below && path.startsWith(`${p.path}/`));
    if (reaches) return { kind: p.kind, place: p.path };
    // An engine's socket under another name than the usual places (a rootless engine's, say).
    if (p.kind === 'engine' && ENGINE_SOCKET_NAME.test(name)) return { kind: 'engine', place: path };
  }
  return undefined;
}
