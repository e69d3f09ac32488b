// Which Linux namespaces the containers of a Pod share, and why: a pure model for the workshop's namespace overlay.
import { containerNodeId } from '../design/graph';
import { containersOf, type CanvasDocument } from '../design/document';
import type { ContainerList, Pod } from '../model/pod';

/** The eight namespace types Linux has, in the order the overlay draws them. */
export const namespaceTypes = ['network', 'uts', 'ipc', 'pid', 'mount', 'user', 'cgroup', 'time'] as const;
export type NamespaceType = (typeof namespaceTypes)[number];

export type MemberRole = 'infra' | 'init' | 'sidecar' | 'app';

/** One process holder of the Pod: the infra ("pause") container or one of the Pod's containers. */
export interface NamespaceMember {
  /** `infra`, or the container's canvas node id (`container:<name>`), so a lesson can zoom to it. */
  id: string;
  /** The container name; empty for the infra container. */
  name: string;
  role: MemberRole;
}

/**
 * Who a namespace belongs to: `host` (the node's own), `infra` (created by the infra container and joined by the
 * others), `own` (created for this one container alone), `engine` (a rootless engine's user namespace, which every
 * container it runs is in).
 */
export type NamespaceOwner = 'host' | 'infra' | 'own' | 'engine';

export interface NamespaceGroup {
  owner: NamespaceOwner;
  /** Member ids, in the Pod's member order. */
  members: string[];
}

/** How the lane reads at a glance. `host`: everyone is in the host's namespace. */
export type NamespaceVerdict = 'shared' | 'separate' | 'host';

/** An i18n key (under `nsOverlay.`) with its interpolation values. */
export interface NamespaceText {
  key: string;
  args?: Record<string, string>;
}

export interface NamespaceLane {
  type: NamespaceType;
  verdict: NamespaceVerdict;
  groups: NamespaceGroup[];
  /** The one-line reason shown beside the lane. */
  reason: NamespaceText;
  /** Caveats that matter for this Pod on this engine (Docker's UTS copy, an ignored hostUsers, an assumption). */
  notes: NamespaceText[];
}

/**
 * Engine facts that change the answer, all optional: without them the model assumes today's Docker defaults
 * (cgroup v2, no userns-remap) and says that it assumed.
 */
export interface NamespaceEngine {
  /** "Docker" or "Podman". Podman lets a container join the infra's UTS namespace; Docker does not. */
  name?: string;
  /** Docker /info CgroupVersion. */
  cgroupVersion?: string;
  /** Docker /info SecurityOptions, e.g. ["name=seccomp,profile=builtin", "name=cgroupns", "name=userns"]. */
  securityOptions?: string[];
}

export interface PodNamespaces {
  members: NamespaceMember[];
  lanes: NamespaceLane[];
}

export const INFRA = 'infra';

/** The infra container first, then init containers (and init sidecars) in order, then app containers. */
export function namespaceMembers(pod: Pod): NamespaceMember[] {
  const members: NamespaceMember[] = [{ id: INFRA, name: '', role: 'infra' }];
  const taken = new Set<string>();
  for (const list of ['initContainers', 'containers'] as const satisfies readonly ContainerList[]) {
    containersOf(pod, list).forEach((container, index) => {
      const name = typeof container?.name === 'string' ? container.name : '';
      // Same ids as the canvas graph, so a duplicate name still gets a distinct member.
      let id = containerNodeId(name);
      if (taken.has(id)) id = `${id}#${list}-${index}`;
      taken.add(id);
      const role: MemberRole =
        list === 'containers' ? 'app' : container?.restartPolicy === 'Always' ? 'sidecar' : 'init';
      members.push({ id, name, role });
    });
  }
  return members;
}

function hasOption(engine: NamespaceEngine | undefined, name: string): boolean | undefined {
  if (!engine?.securityOptions) return undefined;
  return engine.securityOptions.some((o) => o.split(',').includes(`name=${name}`));
}

/** Computes every namespace lane of the Pod. Pure and cheap: the overlay recomputes it on every edit. */
export function podNamespaces(doc: CanvasDocument, engine?: NamespaceEngine): PodNamespaces {
  const spec = doc.pod.spec ?? { containers: [] };
  const members = namespaceMembers(doc.pod);
  const all = members.map((m) => m.id);
  const shared = (owner: 'host' | 'infra'): NamespaceGroup[] => [{ owner, members: all }];
  const each = (): NamespaceGroup[] => all.map((id) => ({ owner: 'own' as const, members: [id] }));
  const lanes: NamespaceLane[] = [];

  // Network: the infra creates it (or takes the host's) and every container joins it with NetworkMode container:.
  lanes.push(
    spec.hostNetwork === true
      ? { type: 'network', verdict: 'host', groups: shared('host'), reason: { key: 'reason.network.host' }, notes: [] }
      : {
          type: 'network',
          verdict: 'shared',
          groups: shared('infra'),
          reason: { key: 'reason.network.shared' },
          notes: [],
        },
  );

  // UTS: Kubernetes shares one hostname. Docker cannot join a UTS namespace (UTSMode is "" or "host"), so each
  // container gets its own holding a copy of the infra's hostname; Podman can join, and Podwright does there.
  if (spec.hostNetwork === true) {
    lanes.push({ type: 'uts', verdict: 'host', groups: shared('host'), reason: { key: 'reason.uts.host' }, notes: [] });
  } else {
    const podman = /podman/i.test(engine?.name ?? '');
    lanes.push({
      type: 'uts',
      verdict: 'shared',
      groups: shared('infra'),
      reason: { key: 'reason.uts.shared' },
      notes: podman ? [] : [{ key: 'note.uts.docker' }],
    });
  }

  // IPC: the infra is created IpcMode shareable; the others join it, unless hostIPC.
  lanes.push(
    spec.hostIPC === true
      ? { type: 'ipc', verdict: 'host', groups: shared('host'), reason: { key: 'reason.ipc.host' }, notes: [] }
      : { type: 'ipc', verdict: 'shared', groups: shared('infra'), reason: { key: 'reason.ipc.shared' }, notes: [] },
  );

  // PID: private per container unless shareProcessNamespace (all join the infra, whose pause is PID 1) or hostPID.
  const pidNotes: NamespaceText[] = [];
  if (spec.hostPID === true && spec.shareProcessNamespace === true) pidNotes.push({ key: 'note.pid.hostAndShared' });
  const partial = doc.pidJoins;
  if (spec.shareProcessNamespace !== true && spec.hostPID !== true && partial !== null && partial.length > 0) {
    // The canvas can draw a PID namespace joined by some containers; Kubernetes cannot run that, so say what runs.
    pidNotes.push({ key: 'note.pid.partial', args: { names: partial.join(', ') } });
  }
  if (spec.hostPID === true) {
    lanes.push({
      type: 'pid',
      verdict: 'host',
      groups: shared('host'),
      reason: { key: 'reason.pid.host' },
      notes: pidNotes,
    });
  } else if (spec.shareProcessNamespace === true) {
    lanes.push({
      type: 'pid',
      verdict: 'shared',
      groups: shared('infra'),
      reason: { key: 'reason.pid.shared' },
      notes: pidNotes,
    });
  } else {
    lanes.push({
      type: 'pid',
      verdict: 'separate',
      groups: each(),
      reason: { key: 'reason.pid.separate' },
      notes: pidNotes,
    });
  }

  // Mount: always one per container; volumes are how files are shared, so name the volumes that actually are.
  const mountNotes: NamespaceText[] = [];
  const mountersByVolume = new Map<string, string[]>();
  for (const list of ['initContainers', 'containers'] as const) {
    for (const c of containersOf(doc.pod, list)) {
      const mounts = Array.isArray(c?.volumeMounts) ? c.volumeMounts : [];
      for (const m of new Set(mounts.map((x) => x?.name).filter((n): n is string => typeof n === 'string'))) {
        const who = mountersByVolume.get(m) ?? [];
        if (typeof c?.name === 'string' && !who.includes(c.name)) who.push(c.name);
        mountersByVolume.set(m, who);
      }
    }
  }
  for (const [volume, who] of mountersByVolume) {
    if (who.length >= 2) mountNotes.push({ key: 'note.mount.volume', args: { volume, names: who.join(', ') } });
  }
  lanes.push({
    type: 'mount',
    verdict: 'separate',
    groups: each(),
    reason: { key: 'reason.mount.separate' },
    notes: mountNotes,
  });

  // User: Docker makes no user namespace unless the daemon runs userns-remap; then joining the infra's network,
  // IPC or PID namespace also joins its user namespace (moby oci_linux.go), so the whole Pod shares one.
  // A rootless engine (Docker rootless, rootless Podman) itself lives in the user's user namespace, and so does
  // every container it starts.
  const rootless = hasOption(engine, 'rootless') === true;
  const remap = !rootless && hasOption(engine, 'userns') === true;
  const userNotes: NamespaceText[] = [];
  if (spec.hostUsers === false) {
    userNotes.push({
      key: remap ? 'note.user.hostUsersRemap' : rootless ? 'note.user.hostUsersRootless' : 'note.user.hostUsers',
    });
  }
  if (!engine?.securityOptions) userNotes.push({ key: 'note.user.assumed' });
  lanes.push(
    rootless
      ? {
          type: 'user',
          verdict: 'shared',
          groups: [{ owner: 'engine', members: all }],
          reason: { key: 'reason.user.rootless' },
          notes: userNotes,
        }
      : remap
        ? {
            type: 'user',
            verdict: 'shared',
            groups: shared('infra'),
            reason: { key: 'reason.user.remap' },
            notes: userNotes,
          }
        : {
            type: 'user',
            verdict: 'host',
            groups: shared('host'),
            reason: { key: 'reason.user.host' },
            notes: userNotes,
          },
  );

  // Cgroup: Docker's default cgroupns mode is private on cgroup v2 and host on v1; it cannot be joined across
  // containers (CgroupnsMode is "private" or "host"), so it is never shared through the infra.
  const cgroupns = hasOption(engine, 'cgroupns');
  // Podman's compatible API has been seen to say "v2" where Docker says "2".
  const version = engine?.cgroupVersion?.replace(/^v/, '') || undefined;
  const cgroupPrivate = cgroupns ?? (version === undefined ? undefined : version === '2');
  if (cgroupPrivate === false) {
    lanes.push({
      type: 'cgroup',
      verdict: 'host',
      groups: shared('host'),
      reason: { key: 'reason.cgroup.host' },
      notes: version ? [{ key: 'note.cgroup.version', args: { version } }] : [],
    });
  } else {
    lanes.push({
      type: 'cgroup',
      verdict: 'separate',
      groups: each(),
      reason: { key: 'reason.cgroup.private' },
      notes:
        cgroupPrivate === undefined
          ? [{ key: 'note.cgroup.assumed' }]
          : version
            ? [{ key: 'note.cgroup.version', args: { version } }]
            : [],
    });
  }

  // Time: neither Docker nor Kubernetes creates time namespaces, so everyone is in the host's. Time namespaces only
  // offset the monotonic and boot-time clocks anyway; the wall clock (CLOCK_REALTIME) is never namespaced.
  lanes.push({ type: 'time', verdict: 'host', groups: shared('host'), reason: { key: 'reason.time.host' }, notes: [] });

  return { members, lanes };
}

/** The lanes' groups as text, e.g. `(infra),api,main;log`: the overlay's data attribute and a readable test oracle. */
export function groupsText(lane: NamespaceLane, members: readonly NamespaceMember[]): string {
  const label = new Map(members.map((m) => [m.id, m.role === 'infra' ? '(infra)' : m.name]));
  return lane.groups
    .map((g) =>
      [
        ...(g.owner === 'host' || g.owner === 'engine' ? [`(${g.owner})`] : []),
        ...g.members.map((id) => label.get(id) ?? id),
      ].join(','),
    )
    .join(';');
}
