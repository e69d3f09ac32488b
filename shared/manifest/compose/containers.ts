// Running containers into a design, like `podman kube generate`: each container's `docker inspect` (with its image's
// defaults, so only what was set on the container counts) becomes a service of the same model a Compose file gives,
// then the same grouping and mapping. A Compose project's containers keep their service names and dependencies; a
// Pod Podwright ran comes back as the design it was run from.
import type { ContainerDetails } from '../../api/imports';
import { Labels } from '../../model/labels';
import type { Pod } from '../../model/pod';
import { isRecord } from '../parse';
import type { ComposeReadOptions, DesignPod, DesignRead } from './design-read';
import type { DependsCondition, HealthModel, ProjectModel, ServiceModel } from './model';
import { emptyService } from './model';
import { dnsLabel } from './names';
import { mapDesign, type ComposeRead } from './read';
import { note, type DesignNote } from './report';

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';
const COMPOSE_DEPENDS = 'com.docker.compose.depends_on';
/** A Pod spec in a label larger than this is not read (a hostile engine could put anything there). */
const MAX_SPEC_LABEL = 1024 * 1024;
/** The name the design's messages use for where it came from. */
const NAME = 'running containers';
/** Docker's default /dev/shm size; anything else was asked for. */
const DEFAULT_SHM = 64 * 1024 * 1024;

const same = (a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function nanos(n: number | undefined): number | undefined {
  return n ? n / 1e9 : undefined;
}

function health(h: ContainerDetails['config']['healthcheck']): HealthModel | undefined {
  if (!h?.test?.length) return undefined;
  const [kind, ...rest] = h.test;
  const model: HealthModel = { disabled: kind === 'NONE' };
  if (kind === 'CMD') model.test = { kind: 'exec', command: rest };
  else if (kind === 'CMD-SHELL') model.test = { kind: 'shell', command: rest.join(' ') };
  const set = (
    field: 'intervalSeconds' | 'timeoutSeconds' | 'startPeriodSeconds' | 'startIntervalSeconds',
    v: number | undefined,
  ) => {
    const s = nanos(v);
    if (s !== undefined) model[field] = s;
  };
  set('intervalSeconds', h.interval);
  set('timeoutSeconds', h.timeout);
  set('startPeriodSeconds', h.startPeriod);
  set('startIntervalSeconds', h.startInterval);
  if (h.retries) model.retries = h.retries;
  return model;
}

/** compose v2 writes `db:service_healthy:false,cache:service_started:true` (service:condition:restart). */
function dependsOf(label: string | undefined): ServiceModel['dependsOn'] {
  if (!label) return [];
  return label
    .split(',')
    .map((entry) => entry.split(':'))
    .filter(([service]) => Boolean(service))
    .map(([service, condition]) => ({
      service: service!,
      condition: (['service_started', 'service_healthy', 'service_completed_successfully'].includes(condition ?? '')
        ? condition
        : 'service_started') as DependsCondition,
      required: true,
    }));
}

/**
 * The project's name for a volume: Compose names it `<project>_<volume>`, Podwright `<pod>-<volume>-<run id>`
 * (plan.ts); either way the part in the middle is what the design calls it.
 */
function volumeName(name: string, project: string | undefined, labels: Record<string, string>): string {
  if (project && name.startsWith(`${project}_`)) return name.slice(project.length + 1);
  const pod = labels[Labels.pod];
  if (pod) {
    const namespace = labels[Labels.namespace];
    const prefix = namespace && namespace !== 'default' ? `${namespace}-${pod}-` : `${pod}-`;
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : '';
    const dash = rest.lastIndexOf('-');
    if (dash > 0 && /^[a-z0-9]{1,12}$/.test(rest.slice(dash + 1))) return rest.slice(0, dash);
  }
  return name;
}

interface Named {
  details: ContainerDetails;
  name: string;
}

/** One container as a service: its own settings, minus what its image gives anyway. */
function serviceOf(
  d: ContainerDetails,
  name: string,
  project: string | undefined,
  refer: (mode: string) => string | undefined,
): ServiceModel {
  const s = emptyService(name, { container: d.name });
  const image = d.imageDefaults;
  const c = d.config;
  const hc = d.hostConfig;
  s.image = d.image;
  s.labels = { ...c.labels };
  if (!image || !same(c.entrypoint, image.entrypoint)) s.entrypoint = c.entrypoint ?? [];
  if (!image || !same(c.cmd, image.cmd) || s.entrypoint) {
    if (c.cmd) s.command = c.cmd;
  }
  // Docker clears the image's Cmd when the entrypoint is set; an empty one is no entrypoint at all.
  if (s.entrypoint?.length === 0) delete s.entrypoint;
  const imageEnv = new Set(image?.env ?? []);
  for (const entry of c.env) {
    if (imageEnv.has(entry)) continue;
    const eq = entry.indexOf('=');
    if (eq > 0) s.environment.push([entry.slice(0, eq), entry.slice(eq + 1)]);
  }
  if (c.workingDir && c.workingDir !== image?.workingDir) s.workingDir = c.workingDir;
  if (c.user && c.user !== image?.user) s.user = c.user;
  for (const [port, bindings] of Object.entries(hc.portBindings)) {
    const [number, protocol = 'tcp'] = port.split('/');
    const target = Number(number);
    if (!Number.isInteger(target)) continue;
    for (const b of bindings.length > 0 ? bindings : [{ hostIp: '', hostPort: '' }]) {
      s.ports.push({
        target,
        protocol,
        ...(b.hostPort ? { published: b.hostPort } : {}),
        ...(b.hostIp ? { hostIp: b.hostIp } : {}),
      });
    }
  }
  for (const port of c.exposedPorts) {
    const [number, protocol = 'tcp'] = port.split('/');
    const p = Number(number);
    if (Number.isInteger(p) && !s.expose.some((e) => e.port === p && e.protocol === protocol))
      s.expose.push({ port: p, protocol });
  }
  for (const m of d.mounts) {
    const target = m.destination;
    const readOnly = !m.rw;
    if (m.type === 'bind')
      s.volumes.push({
        type: 'bind',
        source: m.source,
        target,
        readOnly,
        ignored: [],
        ...(m.propagation && m.propagation !== 'rprivate' ? { propagation: m.propagation } : {}),
      });
    else if (m.type === 'tmpfs') s.tmpfs.push({ target });
    else if (m.type === 'volume') {
      const anonymous = !m.name || /^[0-9a-f]{64}$/.test(m.name);
      const source = anonymous ? undefined : volumeName(m.name!, project, c.labels);
      s.volumes.push({ type: 'volume', ...(source ? { source } : {}), target, readOnly, ignored: [] });
    }
  }
  for (const target of Object.keys(hc.tmpfs)) if (!s.tmpfs.some((t) => t.target === target)) s.tmpfs.push({ target });
  const network = refer(hc.networkMode);
  if (network) s.networkMode = network;
  const ipc = refer(hc.ipcMode);
  if (ipc) s.ipc = ipc;
  const pid = refer(hc.pidMode);
  if (pid) s.pid = pid;
  const policy = hc.restartPolicy;
  if (policy.name && policy.name !== 'no')
    s.restart =
      policy.name === 'on-failure' && policy.maximumRetryCount ? `on-failure:${policy.maximumRetryCount}` : policy.name;
  if (hc.memory > 0) s.limits.memoryBytes = hc.memory;
  if (hc.nanoCpus > 0) s.limits.cpus = hc.nanoCpus / 1e9;
  else if (hc.cpuQuota > 0 && hc.cpuPeriod > 0) s.limits.cpus = hc.cpuQuota / hc.cpuPeriod;
  if (hc.memoryReservation > 0) s.reservations.memoryBytes = hc.memoryReservation;
  if (hc.privileged) s.privileged = true;
  if (hc.readonlyRootfs) s.readOnly = true;
  s.capAdd = [...hc.capAdd];
  s.capDrop = [...hc.capDrop];
  s.sysctls = Object.entries(hc.sysctls);
  for (const h of hc.extraHosts) {
    const at = h.indexOf(':');
    if (at > 0) s.extraHosts.push({ hostname: h.slice(0, at), ip: h.slice(at + 1) });
  }
  s.dns = [...hc.dns];
  s.dnsSearch = [...hc.dnsSearch];
  s.dnsOpt = [...hc.dnsOptions];
  // Docker names a container's host after its id unless told otherwise; a joined container has its donor's.
  if (c.hostname && !d.id.startsWith(c.hostname) && !hc.networkMode.startsWith('container:')) s.hostname = c.hostname;
  if (hc.shmSize && hc.shmSize !== DEFAULT_SHM) s.shmSize = hc.shmSize;
  if (c.tty) s.tty = true;
  if (c.openStdin) s.stdinOpen = true;
  if (c.stopTimeout !== undefined) s.stopGraceSeconds = c.stopTimeout;
  const check = health(c.healthcheck);
  if (check && JSON.stringify(c.healthcheck) !== JSON.stringify(image?.healthcheck)) s.healthcheck = check;
  s.dependsOn = dependsOf(c.labels[COMPOSE_DEPENDS]);
  for (const n of d.networks) {
    const aliases = n.aliases.filter((a) => a !== name && a !== d.name && !d.id.startsWith(a));
    if (aliases.length > 0) s.networks.push({ name: n.name, aliases });
  }
  return s;
}

/** The Pod a Podwright infra container was run from, when it carries one. */
function podFromLabel(infra: ContainerDetails): Pod | undefined {
  const raw = infra.config.labels[Labels.spec];
  if (!raw || raw.length > MAX_SPEC_LABEL) return undefined;
  try {
    const pod = JSON.parse(raw) as unknown;
    return isRecord(pod) && pod.kind === 'Pod' && isRecord(pod.spec) ? (pod as unknown as Pod) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Containers (inspected on the engine) into a design. Containers Podwright made are grouped by their Pod: with the
 * Pod they were run from when their infra carries it, else rebuilt from their labels like a Podwright Compose export.
 */
export function readContainers(all: readonly ContainerDetails[], options: ComposeReadOptions = {}): ComposeRead {
  const notes: DesignNote[] = [];
  const projects = [...new Set(all.map((d) => d.config.labels[COMPOSE_PROJECT]).filter(Boolean))];
  const project = projects.length === 1 ? projects[0]! : undefined;
  const rebuilt: DesignPod[] = [];
  const podwright = new Map<string, ContainerDetails[]>();
  const others: ContainerDetails[] = [];
  for (const d of all) {
    const pod = d.config.labels[Labels.pod];
    if (pod && d.config.labels[Labels.managed] === 'true') {
      const key = `${d.config.labels[Labels.namespace] ?? 'default'}/${pod}`;
      podwright.set(key, [...(podwright.get(key) ?? []), d]);
    } else others.push(d);
  }
  for (const [, containers] of podwright) {
    const infra = containers.find((d) => d.config.labels[Labels.role] === 'infra');
    const pod = infra && podFromLabel(infra);
    if (pod) {
      rebuilt.push({ pod, origin: { document: 0, kind: 'Pod', name: pod.metadata?.name, path: [], fieldPrefix: '', objectPath: [] } });
      notes.push(note('containerPodwright', { pod: pod.metadata?.name ?? '' }));
    } else others.push(...containers.filter((d) => d.config.labels[Labels.role] !== 'volume'));
  }

  // Names: the Compose service, Podwright's container name, else the container's own name; one service per name.
  const named: Named[] = [];
  const taken = new Set<string>();
  for (const d of others) {
    const labels = d.config.labels;
    const base = labels[COMPOSE_SERVICE] ?? labels[Labels.container] ?? d.name;
    const name = labels[Labels.role] === 'infra' ? `${labels[Labels.pod] ?? d.name}-infra` : base;
    if (taken.has(name)) {
      notes.push(note('fieldIgnored', { field: 'replicas', services: `${name} (${d.name})` }));
      continue;
    }
    taken.add(name);
    named.push({ details: d, name });
  }
  // `container:<id or name>` → the service of that container, when it is one of the chosen ones.
  const byRef = new Map<string, string>();
  for (const { details, name } of named) {
    byRef.set(details.id, name);
    byRef.set(details.name, name);
    byRef.set(details.id.slice(0, 12), name);
  }
  const refer = (mode: string): string | undefined => {
    if (mode.startsWith('container:')) {
      const target = byRef.get(mode.slice(10));
      return target ? `service:${target}` : mode;
    }
    if (mode === 'host' || mode === 'none') return mode;
    return undefined;
  };
  const services = named.map(({ details, name }) => serviceOf(details, name, project, refer));
  // Podwright's init containers ran one after another before the apps: the same chain of completed dependencies.
  const inits = services
    .filter((s) => s.labels[Labels.role] === 'init')
    .sort((a, b) => Number(a.labels[Labels.index] ?? 0) - Number(b.labels[Labels.index] ?? 0));
  inits.forEach((s, i) => {
    if (i > 0)
      s.dependsOn.push({ service: inits[i - 1]!.name, condition: 'service_completed_successfully', required: true });
  });
  const lastInit = inits[inits.length - 1];
  if (lastInit) {
    for (const s of services) {
      if (s.labels[Labels.role] === 'app' && s.labels[Labels.pod] === lastInit.labels[Labels.pod]) {
        s.dependsOn.push({ service: lastInit.name, condition: 'service_completed_successfully', required: true });
      }
    }
  }
  const model: ProjectModel = {
    name: dnsLabel(project ?? 'containers'),
    services,
    disabled: [],
    volumes: new Map(),
    configs: new Map(),
    secrets: new Map(),
    networks: new Map(),
  };
  for (const s of services) {
    for (const m of s.volumes) {
      if (m.type === 'volume' && m.source && !model.volumes.has(m.source))
        model.volumes.set(m.source, { name: m.source, external: false });
    }
  }
  const mapped = services.length > 0 ? mapDesign(model, options, { name: NAME, notes, problems: [] }) : undefined;
  const read: DesignRead = mapped
    ? { ...mapped.read, pods: [...rebuilt, ...mapped.read.pods] }
    : { format: 'compose', name: NAME, pods: rebuilt, objects: [], notes, problems: [], locate: () => undefined };
  const result: ComposeRead = {
    read,
    services: mapped ? mapped.project.services.map((s) => s.name) : [],
    profiles: [],
    projectName: model.name,
    wanted: [],
    variables: [],
  };
  if (mapped) result.grouping = mapped.grouping;
  return result;
}
