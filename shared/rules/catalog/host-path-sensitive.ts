// HOST_PATH_SENSITIVE: a hostPath volume that reaches a place which hands the host to the container (host-access family).
import { list } from '../context';
import { msg } from '../message';
import type { Rule } from '../types';
import { hostPlaceOf, type HostPlaceKind } from './host-access-places';

/** What each kind of place gives the containers that mount it. */
const gives: Record<HostPlaceKind, string> = {
  root: "the host's whole file system",
  engine: "the container engine's API, with which they can start any container as root on the host",
  runtime: "the host's runtime sockets, the container engine's among them",
  containers: "the data and secrets of the host's other containers",
  kernel: "the host's kernel settings and the details of every process",
  devices: "the host's devices: its disks, memory and terminals",
  config: "the host's configuration, users and passwords",
  homes: "its users' files, SSH keys and credentials",
  boot: "the host's kernel and boot loader",
  programs: "the host's programs, which a write would replace",
};

export const hostPathSensitive: Rule = {
  code: 'HOST_PATH_SENSITIVE',
  severity: 'warning',
  category: 'security',
  title: 'hostPath into the host',
  source: 'advice (host-access family; Pod Security Standards "baseline" forbids hostPath volumes)',
  explanation:
    'A hostPath volume mounts a file or folder of the machine the Pod runs on into its containers. Some places are ' +
    "the machine itself: its whole file system; the container engine's socket (whoever can talk to it can start a " +
    'privileged container, and so owns the host); /proc and /sys (the kernel and every process); /dev (the disks); ' +
    '/etc (users and passwords); home folders (keys and credentials); the data of other containers. Podwright runs ' +
    'Pods on your own computer, so that machine is yours. Kubernetes accepts such a Pod; node agents need some of ' +
    'these, almost nothing else does.',
  check(ctx, report) {
    list<unknown>(ctx.spec.volumes).forEach((volume, index) => {
      const hostPath = (volume as { hostPath?: { path?: unknown } } | null)?.hostPath?.path;
      if (typeof hostPath !== 'string') return;
      const reached = hostPlaceOf(hostPath);
      if (!reached) return;
      report(
        `spec.volumes[${index}].hostPath.path`,
        msg(
          reached.kind,
          { path: hostPath, place: reached.place },
          `hostPath "${hostPath}" gives its containers ${gives[reached.kind]} (${reached.place})`,
        ),
      );
    });
  },
};
