// The project as Pods: one Pod per group of services (group.ts), each service a container of the same name, the
// Pod-wide fields (restart, host namespaces, shared PID, hostname, DNS, extra hosts, sysctls, grace period) merged
// with a note where services disagreed, and a Service per service with ports, named like it, so `http://db:5432`
// keeps working from the other Pods (and, through hostAliases, inside its own Pod).
import type { Pod, PodSpec } from '../../model/pod';
import type { KubeObject } from '../read';
import { containerOf } from './container';
import { MapContext, type VolumesMode } from './context';
import { groupServices, type Grouping, type PodsMode, type ServiceGroup, type Tie } from './group';
import type { ProjectModel, ServiceModel } from './model';
import { knownImagePorts } from './image-ports';
import { dnsLabel, isDns1035Label, isDnsLabel, uniqueIn } from './names';
import type { DesignNote, DesignProblem } from './report';
import { wholeSeconds } from './units';
import { PodVolumes } from './volumes';

export interface MapOptions {
  pods: PodsMode;
  /** The user's own grouping (service names per Pod); wins over `pods`. */
  groups?: readonly (readonly string[])[];
  volumes: VolumesMode;
}

export interface MappedPod {
  pod: Pod;
  /** Services in this Pod: init containers first, then the rest. */
  services: string[];
  group: ServiceGroup;
}

export interface Mapped {
  pods: MappedPod[];
  objects: KubeObject[];
  notes: DesignNote[];
  problems: DesignProblem[];
  grouping: Grouping;
}

export const POD_NAME_LABEL = 'app.kubernetes.io/name';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';

interface ServicePort {
  port: number;
  protocol: string;
}

const RESTART_RANK: Record<string, number> = { Never: 0, OnFailure: 1, Always: 2 };

function restartPolicy(value: string | undefined): {
  policy: 'Always' | 'OnFailure' | 'Never';
  retries?: string;
  known: boolean;
} {
  const v = (value ?? 'no').trim();
  if (v === '' || v === 'no') return { policy: 'Never', known: true };
  if (v === 'always' || v === 'unless-stopped') return { policy: 'Always', known: true };
  const m = /^on-failure(?::(\d+))?$/.exec(v);
  if (m) return m[1] ? { policy: 'OnFailure', retries: m[1], known: true } : { policy: 'OnFailure', known: true };
  return { policy: 'Never', known: false };
}

export function mapProject(project: ProjectModel, options: MapOptions): Mapped {
  const ctx = new MapContext(project, options.volumes);
  const grouping = groupServices(project, options.pods, options.groups);
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const containerNames = new Map<string, string>();
  for (const s of project.services) {
    const name = dnsLabel(s.name, 'container');
    containerNames.set(s.name, name);
    if (name !== s.name) ctx.say('serviceRenamed', { service: s.name, name });
  }
  const podNames = new Set<string>();
  const podOf = new Map<string, string>();
  const single = grouping.groups.length === 1 && grouping.groups[0]!.services.length > 1;
  const pods: MappedPod[] = grouping.groups.map((group) => {
    // One Pod for the whole project is named after it; a group the user made keeps its first service's name.
    const base =
      single && options.pods === 'one' && !options.groups
        ? project.name
        : (podwrightPodName(group, byName) ?? group.root);
    const name = uniqueIn(podNames, dnsLabel(base, 'pod'));
    for (const s of group.services) podOf.set(s, name);
    return {
      pod: buildPod(name, group, byName, containerNames, ctx),
      services: [...group.init, ...group.services],
      group,
    };
  });
  explainGrouping(grouping, podOf, byName, ctx);
  services(pods, byName, ctx);
  networks(project, ctx);
  for (const s of project.services) {
    for (const f of s.ignored)
      ctx.gather('fieldIgnored', { field: f.key }, f.value ? `${s.name} (${f.value})` : s.name);
  }
  return { pods, objects: ctx.objects, notes: ctx.notes, problems: ctx.problems, grouping };
}

/** A Pod Podwright exported to Compose keeps its name in a label; imported back, it is named so again. */
function podwrightPodName(group: ServiceGroup, byName: Map<string, ServiceModel>): string | undefined {
  const names = new Set(group.services.map((s) => byName.get(s)?.labels['dev.podwright.pod']));
  const [only] = names;
  return names.size === 1 && only ? only : undefined;
}

function buildPod(
  name: string,
  group: ServiceGroup,
  byName: Map<string, ServiceModel>,
  containerNames: Map<string, string>,
  ctx: MapContext,
): Pod {
  const project = ctx.project;
  const volumes = new PodVolumes(ctx);
  const regular = group.services.map((n) => byName.get(n)!);
  const init = group.init.map((n) => byName.get(n)!);
  const make = (s: ServiceModel) => {
    const c = containerOf(s, containerNames.get(s.name)!, ctx);
    const mounts = volumes.mountsFor(s, c.name);
    if (mounts.length > 0) c.volumeMounts = mounts;
    return c;
  };
  const initContainers = init.map(make);
  const containers = regular.map(make);
  const spec: PodSpec = { containers };
  if (initContainers.length > 0) spec.initContainers = initContainers;
  if (volumes.volumes.length > 0) spec.volumes = volumes.volumes;

  // Restart: Kubernetes has one policy per Pod; the strictest of the services' wins.
  const policies = regular.map((s) => ({ s, r: restartPolicy(s.restart) }));
  for (const { s, r } of policies) {
    if (!r.known) ctx.say('restartUnknown', { service: s.name, value: s.restart ?? '' });
    if (r.retries) ctx.say('restartRetries', { service: s.name, retries: r.retries });
  }
  const chosen = policies.reduce<'Always' | 'OnFailure' | 'Never'>(
    (best, { r }) => (RESTART_RANK[r.policy]! > RESTART_RANK[best]! ? r.policy : best),
    'Never',
  );
  spec.restartPolicy = chosen;
  const differing = policies.filter(({ r }) => r.policy !== chosen).map(({ s }) => `${s.name} (${s.restart ?? 'no'})`);
  if (differing.length > 0) ctx.say('restartMerged', { pod: name, policy: chosen, services: differing.join(', ') });

  namespaces(spec, name, group, regular, ctx);
  podNetworkFields(spec, name, group, regular, containerNames, ctx);

  const graces = [...regular, ...init].map((s) => s.stopGraceSeconds).filter((g): g is number => g !== undefined);
  if (graces.length > 0) spec.terminationGracePeriodSeconds = wholeSeconds(Math.max(...graces));

  const labels: Record<string, string> = { [POD_NAME_LABEL]: name };
  const partOf = dnsLabel(project.name);
  if (partOf !== name) labels[PART_OF_LABEL] = partOf;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec };
}

function namespaces(spec: PodSpec, pod: string, group: ServiceGroup, regular: ServiceModel[], ctx: MapContext): void {
  const hostNetwork = regular.filter((s) => s.networkMode === 'host');
  if (hostNetwork.length > 0) {
    spec.hostNetwork = true;
    if (hostNetwork.length < regular.length) {
      ctx.say('hostNetworkMixed', { pod, services: hostNetwork.map((s) => s.name).join(', ') });
    }
  }
  if (regular.some((s) => s.pid === 'host')) spec.hostPID = true;
  if (regular.some((s) => s.ipc === 'host')) spec.hostIPC = true;
  const pidSharers = group.ties.filter((t) => t.kind === 'pid');
  if (pidSharers.length > 0 && !spec.hostPID) {
    spec.shareProcessNamespace = true;
    const asked = new Set(pidSharers.flatMap((t) => [t.from, t.to]));
    const others = regular.filter((s) => !asked.has(s.name)).map((s) => s.name);
    if (others.length === 0) ctx.say('pidShared', { pod, services: [...asked].join(', ') });
    else ctx.say('pidSharedOthers', { pod, services: [...asked].join(', '), others: others.join(', ') });
  }
  for (const s of regular) {
    const mode = s.networkMode;
    if (mode === 'none') ctx.say('networkNone', { service: s.name });
    else if (mode === 'bridge') ctx.say('networkBridge', { service: s.name });
    else if (mode?.startsWith('container:') && !group.ties.some((t) => t.from === s.name && t.kind === 'network')) {
      ctx.say('namespaceContainer', { service: s.name, field: 'network_mode', container: mode.slice(10) });
    } else if (
      mode &&
      mode !== 'host' &&
      mode !== 'default' &&
      !mode.startsWith('service:') &&
      !mode.startsWith('container:')
    ) {
      ctx.say('networkCustom', { service: s.name, mode });
    }
    for (const [field, value] of [
      ['ipc', s.ipc],
      ['pid', s.pid],
    ] as const) {
      if (!value || value === 'host') continue;
      if (value === 'shareable' || value === 'private') ctx.say('ipcDefault', { service: s.name, value });
      else if (value.startsWith('container:') && !group.ties.some((t) => t.from === s.name && t.kind === field)) {
        ctx.say('namespaceContainer', { service: s.name, field, container: value.slice(10) });
      } else if (!value.startsWith('service:') && !value.startsWith('container:')) {
        ctx.gather('fieldIgnored', { field }, `${s.name} (${value})`);
      }
    }
    if (s.uts) ctx.gather('fieldIgnored', { field: 'uts' }, `${s.name} (${s.uts})`);
  }
}

function podNetworkFields(
  spec: PodSpec,
  pod: string,
  group: ServiceGroup,
  regular: ServiceModel[],
  containerNames: Map<string, string>,
  ctx: MapContext,
): void {
  // The hostname: the one the Pod's services agree on, else the root service's, else the Pod name (Kubernetes' own).
  const hostnames = [...new Set(regular.map((s) => s.hostname).filter((h): h is string => Boolean(h)))];
  if (hostnames.length > 0) {
    const root = regular.find((s) => s.name === group.root)?.hostname ?? hostnames[0]!;
    // A Pod's hostname is one DNS label; Docker takes a dotted name whole (mail.example.com).
    const label = root.split('.')[0]!;
    if (label !== root) ctx.say('hostnameDots', { pod, hostname: root, label });
    if (!spec.hostNetwork) spec.hostname = label;
    if (hostnames.length > 1)
      ctx.say('hostnameMerged', { pod, hostname: root, others: hostnames.filter((h) => h !== root).join(', ') });
  }
  // Compose lets every service reach the others by name; inside one Pod they are all on localhost.
  const local =
    regular.length > 1
      ? group.services
          .flatMap((n) => [n, containerNames.get(n)!])
          .filter((n, i, all) => all.indexOf(n) === i && isDnsLabel(n))
      : [];
  const aliases = new Map<string, string[]>();
  const addAlias = (ip: string, host: string): void => {
    const list = aliases.get(ip) ?? [];
    if (!list.includes(host)) list.push(host);
    aliases.set(ip, list);
  };
  if (local.length > 0 && !spec.hostNetwork) {
    for (const n of local) addAlias('127.0.0.1', n);
    ctx.say('localNames', { pod, names: local.join(', ') });
  }
  const extra = regular.flatMap((s) => s.extraHosts);
  for (const h of extra) addAlias(h.ip === 'host-gateway' ? 'host-gateway' : h.ip, h.hostname);
  if (aliases.has('host-gateway')) {
    ctx.say('hostGateway', { pod, names: aliases.get('host-gateway')!.join(', ') });
    aliases.delete('host-gateway');
  }
  if (aliases.size > 0) spec.hostAliases = [...aliases].map(([ip, hostnames]) => ({ ip, hostnames }));
  if (extra.length > 0 && regular.length > 1) ctx.say('podWide', { pod, field: 'extra_hosts' });

  const nameservers = [...new Set(regular.flatMap((s) => s.dns))];
  // An empty dns_search (`dns_search: ""`) sets no search domain in Docker; in dnsConfig it would be invalid.
  const searches = [...new Set(regular.flatMap((s) => s.dnsSearch))].filter((domain) => domain.trim() !== '');
  const options = [...new Set(regular.flatMap((s) => s.dnsOpt))];
  if (nameservers.length + searches.length + options.length > 0) {
    const dns: NonNullable<PodSpec['dnsConfig']> = {};
    if (nameservers.length > 0) dns.nameservers = nameservers;
    if (searches.length > 0) dns.searches = searches;
    if (options.length > 0) {
      dns.options = options.map((o) => {
        const [optionName, value] = o.split(':');
        return value === undefined ? { name: optionName! } : { name: optionName!, value };
      });
    }
    spec.dnsConfig = dns;
    ctx.say('dnsConfig', { pod });
  }

  const sysctls = new Map<string, string>();
  for (const s of regular) {
    for (const [k, v] of s.sysctls) {
      const before = sysctls.get(k);
      if (before !== undefined && before !== v)
        ctx.say('sysctlConflict', { pod, sysctl: k, values: `${before}, ${v}` });
      sysctls.set(k, v);
    }
  }
  if (sysctls.size > 0) {
    spec.securityContext = {
      ...(spec.securityContext ?? {}),
      sysctls: [...sysctls].map(([n, value]) => ({ name: n, value })),
    };
    if (regular.length > 1) ctx.say('podWide', { pod, field: 'sysctls' });
  }
}

function explainGrouping(
  grouping: Grouping,
  podOf: Map<string, string>,
  byName: Map<string, ServiceModel>,
  ctx: MapContext,
): void {
  const field = (t: Tie): string => (t.kind === 'network' ? 'network_mode' : t.kind);
  const mode = (t: Tie): string => {
    const s = byName.get(t.from);
    return `${field(t)}: ${(t.kind === 'network' ? s?.networkMode : t.kind === 'ipc' ? s?.ipc : s?.pid) ?? ''}`;
  };
  const kind = { network: 'Network', ipc: 'Ipc', pid: 'Pid', volume: 'Volume' } as const;
  for (const g of grouping.groups) {
    const pod = podOf.get(g.services[0]!) ?? '';
    for (const t of g.ties) {
      ctx.say(
        `podTogether${kind[t.kind]}`,
        t.kind === 'volume'
          ? { pod, from: t.from, to: t.to, volume: t.volume ?? '' }
          : { pod, from: t.from, to: t.to, mode: mode(t) },
      );
    }
  }
  for (const t of grouping.broken) {
    const pods = `${podOf.get(t.from)}, ${podOf.get(t.to)}`;
    if (t.kind === 'volume') ctx.say('volumeSplit', { service: t.from, target: t.to, volume: t.volume ?? '', pods });
    else ctx.say(`tieBroken${kind[t.kind]}`, { service: t.from, target: t.to, pods, mode: mode(t) });
  }
  // A run-once service runs in every Pod that waits for it.
  for (const once of grouping.runOnce) {
    const pods = grouping.groups.filter((g) => g.init.includes(once)).map((g) => podOf.get(g.services[0]!) ?? '');
    if (pods.length > 0) ctx.say('initContainer', { service: once, pods: pods.join(', ') });
    if (pods.length > 1) ctx.say('initRunsPerPod', { service: once, count: pods.length });
  }
  // depends_on: Kubernetes starts containers and Pods without waiting for each other.
  const started = new Map<string, string[]>();
  const healthy = new Map<string, string[]>();
  for (const s of byName.values()) {
    if (grouping.runOnce.includes(s.name) && !grouping.groups.some((g) => g.init.includes(s.name))) continue;
    for (const d of s.dependsOn) {
      if (!byName.has(d.service) || d.condition === 'service_completed_successfully') continue;
      const map = d.condition === 'service_healthy' ? healthy : started;
      map.set(d.service, [...(map.get(d.service) ?? []), s.name]);
    }
  }
  for (const [target, list] of started) ctx.say('dependsStarted', { target, services: list.join(', ') });
  for (const [target, list] of healthy) {
    const probe = byName.get(target)?.healthcheck?.test ? 'readiness' : 'none';
    ctx.say(probe === 'none' ? 'dependsHealthyNoCheck' : 'dependsHealthy', { target, services: list.join(', ') });
  }
  // A project volume used by services in different Pods is not shared when it is an emptyDir.
  if (ctx.volumes === 'emptyDir') {
    const podsOfVolume = new Map<string, Set<string>>();
    for (const s of byName.values()) {
      const pod = podOf.get(s.name);
      if (!pod) continue;
      for (const m of s.volumes) {
        if (m.type !== 'volume' || !m.source || ctx.project.volumes.get(m.source)?.external) continue;
        podsOfVolume.set(m.source, (podsOfVolume.get(m.source) ?? new Set()).add(pod));
      }
    }
    for (const [volume, pods] of podsOfVolume) {
      if (pods.size > 1 && !grouping.broken.some((t) => t.volume === volume)) {
        ctx.say('volumeNotShared', { volume, pods: [...pods].join(', ') });
      }
    }
  }
}

/** A Service per service with ports (or expose), named like the Compose service and selecting its Pod. */
function services(pods: MappedPod[], byName: Map<string, ServiceModel>, ctx: MapContext): void {
  const without: string[] = [];
  const taken = new Set<string>();
  const aliased: { service: string; pod: string; ports: ServicePort[]; aliases: string[] }[] = [];
  const make = (name: string, pod: string, ports: ServicePort[]): void =>
    ctx.add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: { [PART_OF_LABEL]: dnsLabel(ctx.project.name) } },
      spec: {
        selector: { [POD_NAME_LABEL]: pod },
        ports: ports.map((p) => ({
          ...(ports.length > 1 ? { name: `${p.protocol.toLowerCase()}-${p.port}` } : {}),
          port: p.port,
          targetPort: p.port,
          protocol: p.protocol,
        })),
      },
    });
  for (const { pod, group } of pods) {
    for (const serviceName of group.services) {
      const s = byName.get(serviceName)!;
      const targets = new Map<string, ServicePort>();
      for (const p of s.ports)
        targets.set(`${p.target}/${p.protocol}`, { port: p.target, protocol: p.protocol.toUpperCase() });
      for (const e of s.expose)
        targets.set(`${e.port}/${e.protocol}`, { port: e.port, protocol: e.protocol.toUpperCase() });
      const aliases = [...new Set(s.networks.flatMap((n) => n.aliases))];
      if (targets.size === 0) {
        const known = knownImagePorts(s.image);
        if (known.length === 0) {
          without.push(s.name);
          if (aliases.length > 0) ctx.say('networkAliases', { service: s.name, aliases: aliases.join(', ') });
          continue;
        }
        for (const port of known) targets.set(`${port}/tcp`, { port, protocol: 'TCP' });
        ctx.say('serviceImagePort', { service: s.name, image: s.image ?? '', ports: known.join(', ') });
      }
      const wanted = dnsLabel(s.name);
      if (!isDns1035Label(wanted)) {
        ctx.say('serviceNameInvalid', { service: s.name });
        continue;
      }
      const name = uniqueIn(taken, wanted);
      if (name !== s.name) ctx.say('serviceObjectRenamed', { service: s.name, name });
      const ports = [...targets.values()];
      make(name, pod.metadata.name!, ports);
      if (aliases.length > 0) aliased.push({ service: s.name, pod: pod.metadata.name!, ports, aliases });
    }
  }
  // Network aliases are names other services use too (`db` for dev-db): each becomes a Service of its own, after
  // every service has its own name, so an alias never takes a service's.
  for (const { service, pod, ports, aliases } of aliased) {
    const made = aliases.filter((a) => isDns1035Label(a) && !taken.has(a));
    for (const alias of made) {
      taken.add(alias);
      make(alias, pod, ports);
    }
    if (made.length > 0) ctx.say('networkAliasServices', { service, aliases: made.join(', ') });
    const left = aliases.filter((a) => !made.includes(a));
    if (left.length > 0) ctx.say('networkAliases', { service, aliases: left.join(', ') });
  }
  if (without.length > 0) ctx.say('serviceNoPorts', { services: without.join(', ') });
}

function networks(project: ProjectModel, ctx: MapContext): void {
  const custom = [...project.networks.keys()].filter((n) => n !== 'default');
  if (custom.length > 0) ctx.say('networksFlat', { networks: custom.join(', ') });
  for (const [name, n] of project.networks) {
    if (n.ignored.length > 0)
      ctx.say('networkIgnored', { network: name, fields: n.ignored.map((f) => f.key).join(', ') });
  }
}
