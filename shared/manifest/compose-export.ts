// Exports a Pod (or a whole design of Pods) as a Docker Compose file that runs it the way Kubernetes would: per Pod an
// infra service owns the network and IPC namespaces and the published ports, the containers join it, the Services
// of the design become network aliases of the Pod they select, and what Compose cannot express is said in a comment.
import type { Container, Pod, Volume, VolumeMount } from '../model';
import { isRecord } from './parse';
import { cleanPod } from './export';
import type { KubeObject } from './read';
import { toYamlText } from './write';
import { Labels } from '../model/labels';
import { exportNoteText as note } from './export-notes';

export const defaultInfraImage = 'registry.k8s.io/pause:3.10';

export interface ComposeOptions {
  /** The image of the infra service (the pause container); tests and offline machines set their own. */
  infraImage?: string;
  /** ConfigMaps and Secrets of the design: env, envFrom and key references to them become plain environment. */
  objects?: readonly KubeObject[];
}

export interface ComposeExport {
  text: string;
  /** The same remarks the file's header comment lists, for the CLI and the UI. */
  notes: string[];
  /** Compose service names: the infra first, then init containers in order, then the rest. */
  services: { infra: string; init: string[]; apps: string[] };
}

export interface ComposeDesignExport {
  text: string;
  notes: string[];
  /** Per Pod (in design order), its Compose service names. */
  pods: { pod: string; infra: string; init: string[]; apps: string[] }[];
}

type Service = Record<string, unknown>;

/** Kubernetes turns `$$` into `$` in command, args and env values (and expands `$(VAR)`, noted separately). */
function kubeUnescape(s: string): string {
  return s.replace(/\$\$/g, '$');
}

/** Compose interpolates `$VAR` and `${VAR}` in every string; Kubernetes does not, so each `$` is doubled. */
function literal(s: unknown): string {
  // Imported files may hold nulls or numbers where Kubernetes wants strings; Compose gets them as text.
  return (typeof s === 'string' ? s : String(s ?? '')).replace(/\$/g, '$$$$');
}

/** A command, args or env value as Compose should see it: Kubernetes' own escapes undone, then Compose's applied. */
function kubeValue(s: unknown): string {
  return literal(kubeUnescape(typeof s === 'string' ? s : String(s ?? '')));
}

function quantityToBytes(q: string | number): number | undefined {
  const m = /^([0-9.]+)(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/.exec(String(q));
  if (!m) return undefined;
  const scale: Record<string, number> = {
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    m: 1e-3,
  };
  return Math.round(Number(m[1]) * (m[2] ? (scale[m[2]] ?? 1) : 1));
}

function cpuToCores(q: string | number): number | undefined {
  const s = String(q);
  if (/^[0-9]+m$/.test(s)) return Number(s.slice(0, -1)) / 1000;
  return /^[0-9.]+$/.test(s) ? Number(s) : undefined;
}

/** How one Pod's services and volumes are named inside the Compose file. */
interface Naming {
  infra: string;
  container(name: string): string;
  volume(name: string): string;
}

interface PodServices {
  services: Record<string, Service>;
  namedVolumes: string[];
  notes: string[];
  infra: string;
  init: string[];
  apps: string[];
}

/** Reads the env a ConfigMap or Secret key gives, from the design's objects. */
class ObjectData {
  constructor(private readonly objects: readonly KubeObject[]) {}

  private find(kind: 'ConfigMap' | 'Secret', name: string | undefined): Record<string, string> | undefined {
    const object = this.objects.find((o) => o.kind === kind && isRecord(o.metadata) && o.metadata.name === name);
    if (!object) return undefined;
    const out: Record<string, string> = {};
    if (isRecord(object.data)) {
      for (const [k, v] of Object.entries(object.data)) {
        out[k] = kind === 'Secret' ? decodeBase64(String(v)) : String(v);
      }
    }
    if (kind === 'Secret' && isRecord(object.stringData))
      for (const [k, v] of Object.entries(object.stringData)) out[k] = String(v);
    return out;
  }

  configMap(name: string | undefined): Record<string, string> | undefined {
    return this.find('ConfigMap', name);
  }

  secret(name: string | undefined): Record<string, string> | undefined {
    return this.find('Secret', name);
  }
}

function decodeBase64(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\s+/g, '')), (ch) => ch.charCodeAt(0)));
  } catch {
    return b64;
  }
}

function podServices(input: Pod, naming: Naming, options: ComposeOptions, aliases: readonly string[]): PodServices {
  const pod = cleanPod(input);
  const podName = pod.metadata?.name || 'pod';
  const spec = pod.spec ?? { containers: [] };
  const notes: string[] = [];
  const data = new ObjectData(options.objects ?? []);
  const initContainers = (spec.initContainers ?? []).filter(isRecord) as Container[];
  const containers = (spec.containers ?? []).filter(isRecord) as Container[];
  const infra = naming.infra;

  const volumes = new Map<string, Volume>((spec.volumes ?? []).filter(isRecord).map((v) => [v.name, v as Volume]));
  const namedVolumes = new Set<string>();
  const volumeNotes = new Set<string>();
  const mountsFor = (c: Container): string[] => {
    const out: string[] = [];
    for (const mount of (c.volumeMounts ?? []) as VolumeMount[]) {
      const volume = volumes.get(mount.name);
      const ro = mount.readOnly ? ':ro' : '';
      if (mount.subPath || mount.subPathExpr) {
        notes.push(note('subPathDropped', { container: c.name, volume: mount.name, mountPath: mount.mountPath }));
        continue;
      }
      if (volume?.emptyDir !== undefined) {
        const name = naming.volume(mount.name);
        namedVolumes.add(name);
        if (volume.emptyDir?.medium === 'Memory' && !volumeNotes.has(mount.name)) {
          volumeNotes.add(mount.name);
          notes.push(note('memoryEmptyDir', { volume: mount.name }));
        }
        out.push(`${name}:${mount.mountPath}${ro}`);
      } else if (volume?.hostPath) {
        out.push(`${volume.hostPath.path}:${mount.mountPath}${ro}`);
      } else if (volume?.persistentVolumeClaim) {
        const claim = volume.persistentVolumeClaim.claimName;
        namedVolumes.add(claim);
        if (!volumeNotes.has(mount.name)) {
          volumeNotes.add(mount.name);
          notes.push(note('claimAsVolume', { volume: mount.name, claim }));
        }
        out.push(`${claim}:${mount.mountPath}${ro}`);
      } else {
        const source = volume ? (Object.keys(volume).find((k) => k !== 'name') ?? 'unknown') : 'missing';
        notes.push(
          note('volumeDropped', { container: c.name, volume: mount.name, source, mountPath: mount.mountPath }),
        );
      }
    }
    return out;
  };

  const environmentOf = (c: Container): Record<string, string> => {
    const environment: Record<string, string> = {};
    // Kubernetes order: envFrom first, then env, later names replacing earlier ones.
    for (const from of c.envFrom ?? []) {
      const found = from.configMapRef
        ? data.configMap(from.configMapRef.name)
        : from.secretRef
          ? data.secret(from.secretRef.name)
          : undefined;
      if (!found) {
        notes.push(
          note('envFromMissing', {
            container: c.name,
            kind: from.configMapRef ? 'ConfigMap' : 'Secret',
            name: from.configMapRef?.name ?? from.secretRef?.name ?? '',
          }),
        );
        continue;
      }
      for (const [k, v] of Object.entries(found)) environment[`${from.prefix ?? ''}${k}`] = literal(v);
    }
    for (const env of c.env ?? []) {
      if (!env.valueFrom) {
        environment[env.name] = kubeValue(env.value ?? '');
        continue;
      }
      const ref = env.valueFrom.configMapKeyRef ?? env.valueFrom.secretKeyRef;
      const source = env.valueFrom.configMapKeyRef
        ? data.configMap(ref?.name)
        : env.valueFrom.secretKeyRef
          ? data.secret(ref?.name)
          : undefined;
      const value = ref ? source?.[ref.key] : undefined;
      if (value !== undefined) environment[env.name] = literal(value);
      else
        notes.push(
          note('envUnreadable', { container: c.name, env: env.name, sources: Object.keys(env.valueFrom).join(', ') }),
        );
    }
    return environment;
  };

  const base = (c: Container, role: string): Service => {
    const s: Service = { image: c.image ?? '' };
    if (!c.image) notes.push(note('noImage', { container: c.name }));
    if (c.command?.length) s.entrypoint = c.command.map(kubeValue);
    if (c.args?.length) s.command = c.args.map(kubeValue);
    if ([...(c.command ?? []), ...(c.args ?? [])].some((a) => /(^|[^$])\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(String(a)))) {
      notes.push(note('kubeExpansion', { container: c.name }));
    }
    if (c.workingDir) s.working_dir = c.workingDir;
    const environment = environmentOf(c);
    if (Object.keys(environment).length > 0) s.environment = environment;
    s.network_mode = `service:${infra}`;
    s.ipc = `service:${infra}`;
    if (spec.hostPID) s.pid = 'host';
    else if (spec.shareProcessNamespace) s.pid = `service:${infra}`;
    const mounts = mountsFor(c);
    if (mounts.length > 0) s.volumes = mounts;
    const sc = c.securityContext;
    const user = sc?.runAsUser ?? spec.securityContext?.runAsUser;
    const group = sc?.runAsGroup ?? spec.securityContext?.runAsGroup;
    if (user !== undefined) s.user = group !== undefined ? `${user}:${group}` : String(user);
    if (sc?.privileged) s.privileged = true;
    if (sc?.readOnlyRootFilesystem) s.read_only = true;
    if (sc?.capabilities?.add?.length) s.cap_add = sc.capabilities.add;
    if (sc?.capabilities?.drop?.length) s.cap_drop = sc.capabilities.drop;
    const limits = c.resources?.limits ?? {};
    if (limits.memory !== undefined) {
      const bytes = quantityToBytes(limits.memory);
      if (bytes !== undefined) s.mem_limit = bytes;
    }
    if (limits.cpu !== undefined) {
      const cores = cpuToCores(limits.cpu);
      if (cores !== undefined) s.cpus = cores;
    }
    if (c.resources?.requests) notes.push(note('requestsIgnored', { container: c.name }));
    if (c.livenessProbe || c.readinessProbe || c.startupProbe) {
      notes.push(note('probesDropped', { container: c.name }));
    }
    if (c.tty) s.tty = true;
    if (c.stdin) s.stdin_open = true;
    if (spec.terminationGracePeriodSeconds !== undefined)
      s.stop_grace_period = `${spec.terminationGracePeriodSeconds}s`;
    s.labels = { [Labels.pod]: podName, [Labels.role]: role, [Labels.container]: c.name };
    return s;
  };

  const restart = spec.restartPolicy === 'Never' ? 'no' : spec.restartPolicy === 'OnFailure' ? 'on-failure' : 'always';
  const services: Record<string, Service> = {};
  const infraService: Service = { image: options.infraImage ?? defaultInfraImage };
  if (spec.hostNetwork) infraService.network_mode = 'host';
  else infraService.hostname = spec.hostname ?? podName;
  infraService.ipc = spec.hostIPC ? 'host' : 'shareable';
  if (spec.hostPID) infraService.pid = 'host';
  const published: string[] = [];
  const exposed: string[] = [];
  for (const c of [...initContainers, ...containers]) {
    for (const p of c.ports ?? []) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      if (p.hostPort) published.push(`${p.hostIP ? `${p.hostIP}:` : ''}${p.hostPort}:${p.containerPort}/${proto}`);
      else exposed.push(`${p.containerPort}/${proto}`);
    }
  }
  if (!spec.hostNetwork && published.length > 0) infraService.ports = published;
  if (!spec.hostNetwork && exposed.length > 0) infraService.expose = [...new Set(exposed)];
  const hostAliases = (Array.isArray(spec.hostAliases) ? spec.hostAliases : []) as {
    ip?: string;
    hostnames?: string[];
  }[];
  const extraHosts = hostAliases.flatMap((a) => (a.hostnames ?? []).map((h) => `${h}:${a.ip ?? ''}`));
  if (extraHosts.length > 0) infraService.extra_hosts = extraHosts;
  if (!spec.hostNetwork && aliases.length > 0) infraService.networks = { default: { aliases: [...aliases] } };
  infraService.labels = { [Labels.pod]: podName, [Labels.role]: 'infra' };
  services[infra] = infraService;

  // Init containers run one after another, each after the previous one exited 0; native sidecars just start.
  let previous: { name: string; condition: string } = { name: infra, condition: 'service_started' };
  const initNames: string[] = [];
  for (const c of initContainers) {
    const sidecar = c.restartPolicy === 'Always';
    const s = base(c, sidecar ? 'sidecar' : 'init');
    s.restart = sidecar ? 'always' : 'no';
    s.depends_on = { [previous.name]: { condition: previous.condition } };
    const name = naming.container(c.name);
    services[name] = s;
    initNames.push(name);
    if (!sidecar) previous = { name, condition: 'service_completed_successfully' };
  }
  if (initContainers.some((c) => c.restartPolicy === 'Always')) {
    notes.push(note('sidecarStartup'));
  }
  const appNames: string[] = [];
  for (const c of containers) {
    const s = base(c, 'app');
    s.restart = restart;
    s.depends_on = { [previous.name]: { condition: previous.condition } };
    const name = naming.container(c.name);
    services[name] = s;
    appNames.push(name);
  }
  if (spec.restartPolicy === 'OnFailure' || spec.restartPolicy === 'Never') {
    notes.push(note('restartPerContainer', { policy: spec.restartPolicy }));
  }
  if (spec.hostNetwork) notes.push(note('hostNetwork'));
  return { services, namedVolumes: [...namedVolumes], notes, infra, init: initNames, apps: appNames };
}

function header(lines: string[], notes: string[]): string {
  const unique = [...new Set(notes)];
  const out = [...lines];
  if (unique.length > 0) {
    out.push('', ' What Compose cannot express:');
    for (const note of unique) out.push(`  - ${note}`);
  }
  return out.join('\n');
}

export function toCompose(input: Pod, options: ComposeOptions = {}): ComposeExport {
  const podName = input.metadata?.name || 'pod';
  const containerNames = new Set(
    [...(input.spec?.initContainers ?? []), ...(input.spec?.containers ?? [])].filter(isRecord).map((c) => c.name),
  );
  let infra = 'infra';
  for (let i = 2; containerNames.has(infra); i++) infra = `infra-${i}`;
  const built = podServices(input, { infra, container: (n) => n, volume: (n) => n }, options, []);
  const compose: Record<string, unknown> = { services: built.services };
  if (built.namedVolumes.length > 0) compose.volumes = Object.fromEntries(built.namedVolumes.map((v) => [v, {}]));
  const notes = [...new Set(built.notes)];
  const text = header(
    [
      ` Generated by Podwright from Pod "${podName}". Run: docker compose up`,
      ` The "${infra}" service plays the Pod's infra (pause) container: it owns the network and IPC namespaces and the`,
      ' published ports; every container joins it, as in Kubernetes. emptyDir volumes are named volumes.',
    ],
    notes,
  );
  return {
    text: toYamlText(compose, text),
    notes,
    services: { infra, init: built.init, apps: built.apps },
  };
}

/** The Pods a Service selects: every Pod whose labels hold all of the selector's. */
function selects(service: KubeObject, pod: Pod): boolean {
  const spec = isRecord(service.spec) ? service.spec : {};
  const selector = isRecord(spec.selector) ? spec.selector : undefined;
  if (!selector || Object.keys(selector).length === 0) return false;
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * A whole design in one Compose file: each Pod as its infra service and containers, Kubernetes Services as network
 * aliases of the Pods they select (so `http://db:5432` still resolves), names made unique across Pods.
 */
export function toComposeDesign(
  pods: readonly Pod[],
  objects: readonly KubeObject[] = [],
  options: ComposeOptions = {},
): ComposeDesignExport {
  if (pods.length === 1 && objects.every((o) => o.kind !== 'Service')) {
    const single = toCompose(pods[0]!, { ...options, objects });
    return {
      text: single.text,
      notes: single.notes,
      pods: [{ pod: pods[0]!.metadata?.name || 'pod', ...single.services }],
    };
  }
  const podName = (p: Pod, i: number): string => p.metadata?.name || `pod-${i + 1}`;
  const containerCount = new Map<string, number>();
  const volumeCount = new Map<string, number>();
  for (const p of pods) {
    for (const c of [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].filter(isRecord)) {
      containerCount.set(c.name, (containerCount.get(c.name) ?? 0) + 1);
    }
    for (const v of (p.spec?.volumes ?? []).filter(isRecord)) {
      if (v.emptyDir !== undefined) volumeCount.set(v.name, (volumeCount.get(v.name) ?? 0) + 1);
    }
  }
  const taken = new Set<string>();
  const reserve = (name: string): string => {
    let out = name;
    for (let i = 2; taken.has(out); i++) out = `${name}-${i}`;
    taken.add(out);
    return out;
  };
  // Containers keep their own names where the design has one of each; infra services take what is left.
  const names = pods.map((p, i) => {
    const pod = podName(p, i);
    const own = new Map<string, string>();
    for (const c of [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].filter(isRecord)) {
      own.set(c.name, reserve(containerCount.get(c.name) === 1 ? c.name : `${pod}-${c.name}`));
    }
    return own;
  });
  const services: Record<string, Service> = {};
  const namedVolumes = new Set<string>();
  const notes: string[] = [];
  const out: ComposeDesignExport['pods'] = [];
  pods.forEach((p, i) => {
    const pod = podName(p, i);
    const infra = reserve(`${pod}-infra`);
    const own = names[i]!;
    // Other Pods reach this one by the names of the Services that select it, and by its containers' names.
    const aliases = [
      ...objects
        .filter((o) => o.kind === 'Service' && selects(o, p))
        .map((o) => String((o.metadata as { name?: string }).name ?? '')),
      pod,
      ...own.keys(),
    ].filter((a, j, all) => a !== '' && a !== infra && all.indexOf(a) === j);
    const built = podServices(
      p,
      {
        infra,
        container: (n) => own.get(n) ?? n,
        volume: (n) => ((volumeCount.get(n) ?? 0) > 1 ? `${pod}-${n}` : n),
      },
      { ...options, objects },
      aliases,
    );
    Object.assign(services, built.services);
    for (const v of built.namedVolumes) namedVolumes.add(v);
    notes.push(...built.notes);
    out.push({ pod, infra: built.infra, init: built.init, apps: built.apps });
  });
  const compose: Record<string, unknown> = { services };
  if (namedVolumes.size > 0) compose.volumes = Object.fromEntries([...namedVolumes].map((v) => [v, {}]));
  const unique = [...new Set(notes)];
  const text = header(
    [
      ` Generated by Podwright from a design of ${pods.length} Pods (${pods.map(podName).join(', ')}). Run: docker compose up`,
      ' Each Pod is an infra (pause) service that owns the network and IPC namespaces and the published ports, with',
      " the Pod's containers joining it; Services are network aliases of the Pod they select.",
    ],
    unique,
  );
  return { text: toYamlText(compose, text), notes: unique, pods: out };
}
