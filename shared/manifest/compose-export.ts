// Exports a Pod as a Docker Compose file that runs it the way Kubernetes would: an infra service owns the network and
// IPC namespaces and the published ports, the containers join it, and what Compose cannot express is said in a comment.
import type { Container, Pod, Volume, VolumeMount } from '../model';
import { isRecord } from './parse';
import { cleanPod } from './export';
import { toYamlText } from './write';
import { Labels } from '../model/labels';

export const defaultInfraImage = 'registry.k8s.io/pause:3.10';

export interface ComposeOptions {
  /** The image of the infra service (the pause container); tests and offline machines set their own. */
  infraImage?: string;
}

export interface ComposeExport {
  text: string;
  /** The same remarks the file's header comment lists, for the CLI and the UI. */
  notes: string[];
  /** Compose service names: the infra first, then init containers in order, then the rest. */
  services: { infra: string; init: string[]; apps: string[] };
}

type Service = Record<string, unknown>;

/** Compose interpolates `$VAR` and `${VAR}` in every string; Kubernetes does not, so each `$` is doubled. */
function literal(s: unknown): string {
  // Imported files may hold nulls or numbers where Kubernetes wants strings; Compose gets them as text.
  return (typeof s === 'string' ? s : String(s ?? '')).replace(/\$/g, '$$$$');
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

export function toCompose(input: Pod, options: ComposeOptions = {}): ComposeExport {
  const pod = cleanPod(input);
  const podName = pod.metadata?.name || 'pod';
  const spec = pod.spec ?? { containers: [] };
  const notes: string[] = [];
  const initContainers = (spec.initContainers ?? []).filter(isRecord) as Container[];
  const containers = (spec.containers ?? []).filter(isRecord) as Container[];
  const taken = new Set([...initContainers, ...containers].map((c) => c.name));
  let infra = 'infra';
  for (let i = 2; taken.has(infra); i++) infra = `infra-${i}`;

  const volumes = new Map<string, Volume>((spec.volumes ?? []).filter(isRecord).map((v) => [v.name, v as Volume]));
  const namedVolumes: Record<string, Record<string, never>> = {};
  const volumeNotes = new Set<string>();
  const mountsFor = (c: Container): string[] => {
    const out: string[] = [];
    for (const mount of (c.volumeMounts ?? []) as VolumeMount[]) {
      const volume = volumes.get(mount.name);
      const ro = mount.readOnly ? ':ro' : '';
      if (mount.subPath || mount.subPathExpr) {
        notes.push(
          `${c.name}: the mount of "${mount.name}" at ${mount.mountPath} uses subPath, which Compose cannot express; left out.`,
        );
        continue;
      }
      if (volume?.emptyDir !== undefined) {
        namedVolumes[mount.name] = {};
        if (volume.emptyDir?.medium === 'Memory' && !volumeNotes.has(mount.name)) {
          volumeNotes.add(mount.name);
          notes.push(
            `Volume "${mount.name}" is a memory-backed emptyDir; Docker cannot share one tmpfs between containers, so it is a named volume on disk.`,
          );
        }
        out.push(`${mount.name}:${mount.mountPath}${ro}`);
      } else if (volume?.hostPath) {
        out.push(`${volume.hostPath.path}:${mount.mountPath}${ro}`);
      } else if (volume?.persistentVolumeClaim) {
        const claim = volume.persistentVolumeClaim.claimName;
        namedVolumes[claim] = {};
        if (!volumeNotes.has(mount.name)) {
          volumeNotes.add(mount.name);
          notes.push(
            `Volume "${mount.name}" claims "${claim}"; Compose uses a local named volume of that name instead of a PersistentVolumeClaim.`,
          );
        }
        out.push(`${claim}:${mount.mountPath}${ro}`);
      } else {
        const source = volume ? (Object.keys(volume).find((k) => k !== 'name') ?? 'unknown') : 'missing';
        notes.push(
          `${c.name}: volume "${mount.name}" (${source}) at ${mount.mountPath} has no Compose equivalent; left out.`,
        );
      }
    }
    return out;
  };

  const base = (c: Container, role: string): Service => {
    const s: Service = { image: c.image ?? '' };
    if (!c.image) notes.push(`${c.name}: no image; Compose needs one.`);
    if (c.command?.length) s.entrypoint = c.command.map(literal);
    if (c.args?.length) s.command = c.args.map(literal);
    if ([...(c.command ?? []), ...(c.args ?? [])].some((a) => /\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(String(a)))) {
      notes.push(
        `${c.name}: command or args use Kubernetes $(VAR) expansion, which Compose does not do; they run as written.`,
      );
    }
    if (c.workingDir) s.working_dir = c.workingDir;
    const environment: Record<string, string> = {};
    for (const env of c.env ?? []) {
      if (env.valueFrom)
        notes.push(
          `${c.name}: env ${env.name} comes from ${Object.keys(env.valueFrom).join(', ')}, which Compose cannot read; left out.`,
        );
      else environment[env.name] = literal(env.value ?? '');
    }
    if (Object.keys(environment).length > 0) s.environment = environment;
    if (c.envFrom?.length)
      notes.push(`${c.name}: envFrom (ConfigMaps and Secrets) has no Compose equivalent; left out.`);
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
    if (c.resources?.requests)
      notes.push(`${c.name}: resource requests only matter to a scheduler; Compose ignores them.`);
    if (c.livenessProbe || c.readinessProbe || c.startupProbe) {
      notes.push(
        `${c.name}: probes are not translated (Compose healthchecks do not restart or gate traffic the same way).`,
      );
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
    services[c.name] = s;
    initNames.push(c.name);
    if (!sidecar) previous = { name: c.name, condition: 'service_completed_successfully' };
  }
  if (initContainers.some((c) => c.restartPolicy === 'Always')) {
    notes.push(
      'Native sidecars start in order, but Compose does not wait for their startup probes before the next container.',
    );
  }
  const appNames: string[] = [];
  for (const c of containers) {
    const s = base(c, 'app');
    s.restart = restart;
    s.depends_on = { [previous.name]: { condition: previous.condition } };
    services[c.name] = s;
    appNames.push(c.name);
  }
  if (spec.restartPolicy === 'OnFailure' || spec.restartPolicy === 'Never') {
    notes.push(
      `restartPolicy ${spec.restartPolicy} applies per container here; Kubernetes decides it for the whole Pod.`,
    );
  }
  if (spec.hostNetwork) notes.push('hostNetwork: the infra service uses the host network, so ports are not published.');

  const compose: Record<string, unknown> = { services };
  if (Object.keys(namedVolumes).length > 0) compose.volumes = namedVolumes;
  const header = [
    ` Generated by Podwright from Pod "${podName}". Run: docker compose up`,
    ` The "${infra}" service plays the Pod's infra (pause) container: it owns the network and IPC namespaces and the`,
    ' published ports; every container joins it, as in Kubernetes. emptyDir volumes are named volumes.',
  ];
  const unique = [...new Set(notes)];
  if (unique.length > 0) {
    header.push('', ' What Compose cannot express:');
    for (const note of unique) header.push(`  - ${note}`);
  }
  return {
    text: toYamlText(compose, header.join('\n')),
    notes: unique,
    services: { infra, init: initNames, apps: appNames },
  };
}
