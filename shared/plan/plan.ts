// Turns a Kubernetes Pod into the Docker Engine API calls that run it the way the kubelet would: an infra container
// that owns the network, IPC (and hostname), then init containers one by one, then the apps joining the infra.
// Pure: the same Pod and engine give the same plan, so it is tested without Docker (reference: pod-on-docker.md).
import { expand, ExpansionTooLarge, type ExpansionBudget } from './expand';
import { Labels, type Role } from '../model/labels';
import type { Companions, Container, EnvVar, Pod, ResourceFieldSelector, Volume, VolumeMount } from './pod';
import { hostPathTypes } from '../model/pod';
import { memoryBytes, milliCpu, parseQuantity } from '../model/quantity';
import {
  DEFAULT_INFRA_IMAGE,
  DEFAULT_NETWORK,
  HOST_IP_PLACEHOLDER,
  planMessageId,
  POD_IP_PLACEHOLDER,
  type ContainerCreateBody,
  type ContainerPlan,
  type DockerMount,
  type HostPathCheck,
  type Plan,
  type PlanEngine,
  type PlanOptions,
  type PlanMessageParams,
  type PlanProblem,
  type PlanStep,
  type PullPolicy,
  type VolumeFile,
  type VolumeHelperPlan,
  type VolumePlan,
} from './types';

/** API versions that gate features (api/docs/CHANGELOG.md in moby). */
export const API_SUBPATH_ON_VOLUMES = '1.45';
export const API_MINIMUM = '1.41';
const DEFAULT_GRACE_SECONDS = 30;
/**
 * Most characters the $(VAR) expansions of one Pod may produce together. Linux refuses to start a process whose
 * arguments and environment pass 2 MiB (ARG_MAX), so no Pod that could run comes near it; a file that references a
 * large value many times would otherwise expand to gigabytes.
 */
export const MAX_EXPANDED_CHARACTERS = 16 * 1024 * 1024;
const INFRA_GRACE_SECONDS = 10;
const CPU_PERIOD = 100_000;
/** Docker refuses a memory limit under 6 MiB. */
const DOCKER_MIN_MEMORY = 6 * 1024 * 1024;
/** Compares dotted API versions: negative when a < b. */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Kubernetes' default: :latest or no tag pulls every time, anything else only when missing. */
export function defaultPullPolicy(image: string): PullPolicy {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The Pod's hostname as the kubelet makes it: spec.hostname or the name, at most 63 characters, no trailing - or . */
export function podHostname(pod: Pod): string {
  const raw = pod.spec?.hostname || pod.metadata?.name || '';
  return raw.slice(0, 63).replace(/[-.]+$/, '');
}

/** The prefix of every Docker name of this Pod: "<name>", or "<namespace>-<name>" outside "default". */
export function podNamePrefix(name: string, namespace: string): string {
  return namespace === 'default' ? name : `${namespace}-${name}`;
}

/** The labels shared by every object of one Pod; `down`, `ps` and the status stream find objects by them. */
export function podSelector(name: string, namespace: string, design?: string): Record<string, string> {
  const labels: Record<string, string> = {
    [Labels.managed]: 'true',
    [Labels.pod]: name,
    [Labels.namespace]: namespace,
  };
  if (design) labels[Labels.design] = design;
  return labels;
}

export function plan(pod: Pod, engine: PlanEngine, options: PlanOptions = {}, companions: Companions = {}): Plan {
  return new Planner(pod, engine, options, companions).build();
}

/** Whether the plan can be executed (no error-level problem). */
export function isRunnable(p: Plan): boolean {
  return !p.problems.some((x) => x.severity === 'error');
}

class Planner {
  private readonly problems: PlanProblem[] = [];
  private readonly name: string;
  private readonly namespace: string;
  private readonly prefix: string;
  private readonly podLabels: Record<string, string>;
  private readonly runId: string;
  private readonly volumes = new Map<string, Volume>();
  private readonly volumePlans = new Map<string, VolumePlan>();
  private readonly files: VolumeFile[] = [];
  private readonly hostPaths: HostPathCheck[] = [];
  private readonly networkName: string | undefined;
  private readonly infraName: string;
  /** What every $(VAR) expansion of this Pod may produce together: a value referenced many times cannot multiply. */
  private readonly expansion: ExpansionBudget = { remaining: MAX_EXPANDED_CHARACTERS };

  constructor(
    private readonly pod: Pod,
    private readonly engine: PlanEngine,
    private readonly options: PlanOptions,
    private readonly companions: Companions,
  ) {
    this.name = pod.metadata?.name ?? '';
    this.namespace = pod.metadata?.namespace || 'default';
    this.prefix = podNamePrefix(this.name, this.namespace);
    this.podLabels = podSelector(this.name, this.namespace, options.design);
    this.runId =
      (options.runId ?? 'run')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 12) || 'run';
    this.networkName = pod.spec?.hostNetwork ? undefined : options.network || DEFAULT_NETWORK;
    this.infraName = `${this.prefix}-infra`;
  }

  /**
   * Records a problem. `message` stays the English the API, CLI and tests read; `params` (and `id`, the code unless one
   * code has several sentences) name its entry in the runerrors catalogue so the UI can show it in the user's language.
   */
  private problem(
    severity: PlanProblem['severity'],
    code: string,
    message: string,
    path: string | undefined,
    params: PlanMessageParams,
    id: string = code,
  ): void {
    const messageId = planMessageId(id);
    this.problems.push(
      path === undefined
        ? { severity, code, message, messageId, params }
        : { severity, code, message, path, messageId, params },
    );
  }

  /** $(VAR) expansion within the Pod's budget; past it, one problem (at the first field over) and the text unexpanded. */
  private expand(input: string, lookup: (name: string) => string | undefined, path: string): string {
    try {
      return expand(input, lookup, this.expansion);
    } catch (err) {
      if (!(err instanceof ExpansionTooLarge)) throw err;
      if (this.expansion.remaining >= 0) {
        this.expansion.remaining = -1;
        const limit = `${MAX_EXPANDED_CHARACTERS / 1024 / 1024} MiB`;
        this.problem(
          'error',
          'EXPANSION_TOO_LARGE',
          `$(VAR) references make the Pod's commands, arguments and environment larger than ${limit}; no container could start with that much (Linux allows 2 MiB per process).`,
          path,
          { limit },
        );
      }
      return input;
    }
  }

  build(): Plan {
    const spec = this.pod.spec;
    if (!this.name)
      this.problem('error', 'POD_NO_NAME', 'The Pod has no metadata.name; give it a name.', 'metadata.name', {});
    else if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(this.name) || this.name.length > 253) {
      this.problem(
        'error',
        'POD_BAD_NAME',
        `"${this.name}" is not a valid Pod name (lower-case letters, digits, "-" and ".").`,
        'metadata.name',
        { name: this.name },
      );
    }
    if (compareApiVersions(this.engine.apiVersion, API_MINIMUM) < 0) {
      this.problem(
        'error',
        'ENGINE_TOO_OLD',
        `${this.engine.name} speaks Engine API ${this.engine.apiVersion}; Podwright needs ${API_MINIMUM} or newer (Docker 20.10+).`,
        undefined,
        { engine: this.engine.name, apiVersion: this.engine.apiVersion, minimum: API_MINIMUM },
      );
    }
    const containers = spec?.containers ?? [];
    if (containers.length === 0) {
      this.problem('error', 'POD_NO_CONTAINERS', 'The Pod has no containers; add at least one.', 'spec.containers', {});
    }
    const seen = new Set<string>();
    for (const [list, path] of [
      [spec?.initContainers ?? [], 'spec.initContainers'],
      [containers, 'spec.containers'],
    ] as const) {
      list.forEach((c, i) => {
        if (!c.name) this.problem('error', 'CONTAINER_NO_NAME', 'A container has no name.', `${path}[${i}].name`, {});
        else if (seen.has(c.name)) {
          this.problem(
            'error',
            'CONTAINER_DUPLICATE_NAME',
            `Two containers are called "${c.name}"; names must be unique in a Pod.`,
            `${path}[${i}].name`,
            { name: c.name },
          );
        }
        seen.add(c.name);
        if (!c.image)
          this.problem('error', 'CONTAINER_NO_IMAGE', `Container "${c.name}" has no image.`, `${path}[${i}].image`, {
            name: c.name,
          });
      });
    }
    const restartPolicy = (spec?.restartPolicy ?? 'Always') as Plan['restartPolicy'];
    if (!['Always', 'OnFailure', 'Never'].includes(restartPolicy)) {
      this.problem(
        'error',
        'POD_BAD_RESTART_POLICY',
        `restartPolicy must be Always, OnFailure or Never, not "${restartPolicy}".`,
        'spec.restartPolicy',
        { value: String(restartPolicy) },
      );
    }

    this.planVolumes();
    const infra = this.planInfra();
    const init = (spec?.initContainers ?? []).map((c, i) => this.planContainer(c, i, 'init', restartPolicy));
    const apps = containers.map((c, i) => this.planContainer(c, i, 'app', restartPolicy));
    const volumeHelper = this.planVolumeHelper();

    const images = new Map<string, { image: string; pullPolicy: PullPolicy; containers: string[] }>();
    for (const c of [infra, ...init, ...apps]) {
      if (!c.body.Image) continue;
      const entry = images.get(c.body.Image);
      if (!entry)
        images.set(c.body.Image, { image: c.body.Image, pullPolicy: c.pullPolicy, containers: [c.container] });
      else {
        entry.containers.push(c.container);
        // The strictest need wins: one container asking Always makes the image pulled.
        if (c.pullPolicy === 'Always' || (c.pullPolicy === 'IfNotPresent' && entry.pullPolicy === 'Never'))
          entry.pullPolicy = c.pullPolicy;
      }
    }

    const network = this.networkName
      ? {
          name: this.networkName,
          body: {
            Name: this.networkName,
            Driver: 'bridge' as const,
            CheckDuplicate: true,
            Labels: { [Labels.managed]: 'true', [Labels.role]: 'network' },
          },
        }
      : undefined;

    const result: Omit<Plan, 'steps'> = {
      pod: this.pod.metadata?.uid
        ? { name: this.name, namespace: this.namespace, uid: this.pod.metadata.uid }
        : { name: this.name, namespace: this.namespace },
      podLabels: this.podLabels,
      restartPolicy,
      network,
      images: [...images.values()],
      hostPaths: this.hostPaths,
      volumes: [...this.volumePlans.values()],
      volumeHelper,
      infra,
      init,
      apps,
      problems: this.problems,
    };
    return { ...result, steps: planSteps(result) };
  }

  private labels(role: Role, extra: Record<string, string> = {}): Record<string, string> {
    return { ...this.podLabels, [Labels.role]: role, ...extra };
  }

  // ---------------------------------------------------------------- infra

  private planInfra(): ContainerPlan {
    const spec = this.pod.spec;
    const image = this.options.infraImage || DEFAULT_INFRA_IMAGE;
    const body: ContainerCreateBody = {
      Image: image,
      Labels: this.labels('infra', {
        [Labels.container]: 'POD',
        [Labels.grace]: String(INFRA_GRACE_SECONDS),
        [Labels.restartPolicy]: spec?.restartPolicy ?? 'Always',
      }),
      StopTimeout: INFRA_GRACE_SECONDS,
      HostConfig: {
        NetworkMode: spec?.hostNetwork ? 'host' : this.networkName,
        IpcMode: spec?.hostIPC ? 'host' : 'shareable',
        RestartPolicy: { Name: 'no' },
      },
    };
    if (spec?.hostPID) body.HostConfig.PidMode = 'host';
    if (!spec?.hostNetwork) {
      body.Hostname = podHostname(this.pod);
      if (spec?.hostname && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(spec.hostname)) {
        this.problem(
          'error',
          'POD_BAD_HOSTNAME',
          `spec.hostname "${spec.hostname}" is not a DNS label (a-z, 0-9, "-").`,
          'spec.hostname',
          { value: spec.hostname },
        );
      }
      const aliases = [...new Set([this.name, body.Hostname].filter(Boolean))];
      body.NetworkingConfig = { EndpointsConfig: { [this.networkName!]: { Aliases: aliases } } };
    } else if (spec.hostname) {
      this.problem(
        'warning',
        'HOSTNAME_IGNORED',
        "With hostNetwork the Pod uses the host's hostname; spec.hostname is ignored.",
        'spec.hostname',
        {},
      );
    }
    this.planPorts(body);
    this.planDns(body);
    const sysctls = spec?.securityContext?.sysctls ?? [];
    if (sysctls.length > 0) {
      if (spec?.hostNetwork && sysctls.some((s) => s.name.startsWith('net.'))) {
        this.problem(
          'error',
          'SYSCTL_HOST_NETWORK',
          'Network sysctls cannot be set on a Pod that uses the host network.',
          'spec.securityContext.sysctls',
          {},
        );
      }
      body.HostConfig.Sysctls = Object.fromEntries(sysctls.map((s) => [s.name, String(s.value)]));
    }
    return {
      role: 'infra',
      container: 'POD',
      name: this.infraName,
      // The infra image is a setting, not part of the Pod: use it when present, pull it only when missing.
      pullPolicy: 'IfNotPresent',
      body,
      needsPodIP: false,
      requireNonRoot: false,
      graceSeconds: INFRA_GRACE_SECONDS,
    };
  }

  /** hostPorts of every app container, published on the infra only (Docker refuses them on a joined container). */
  private planPorts(body: ContainerCreateBody): void {
    const spec = this.pod.spec;
    const taken = new Map<string, string>();
    (spec?.containers ?? []).forEach((c, ci) => {
      (c.ports ?? []).forEach((p, pi) => {
        const path = `spec.containers[${ci}].ports[${pi}]`;
        const protocol = (p.protocol ?? 'TCP').toLowerCase();
        if (!['tcp', 'udp', 'sctp'].includes(protocol)) {
          this.problem(
            'error',
            'PORT_BAD_PROTOCOL',
            `Port protocol must be TCP, UDP or SCTP, not "${p.protocol}".`,
            `${path}.protocol`,
            { value: String(p.protocol) },
          );
          return;
        }
        if (!p.hostPort) return;
        const containerPort = p.containerPort || p.hostPort;
        if (spec?.hostNetwork) {
          if (containerPort !== p.hostPort) {
            this.problem(
              'error',
              'PORT_HOST_NETWORK',
              `With hostNetwork, hostPort must equal containerPort (${containerPort}).`,
              `${path}.hostPort`,
              { containerPort },
            );
          }
          return;
        }
        const hostIp = p.hostIP ?? '';
        const key = `${hostIp}:${p.hostPort}/${protocol}`;
        const other = taken.get(key);
        if (other) {
          this.problem(
            'error',
            'PORT_DUPLICATE_HOSTPORT',
            `Host port ${p.hostPort}/${protocol.toUpperCase()} is published twice (${other} and "${c.name}").`,
            `${path}.hostPort`,
            { hostPort: p.hostPort, protocol: protocol.toUpperCase(), other, name: c.name },
          );
          return;
        }
        taken.set(key, `"${c.name}"`);
        const portKey = `${containerPort}/${protocol}`;
        body.ExposedPorts ??= {};
        body.ExposedPorts[portKey] = {};
        body.HostConfig.PortBindings ??= {};
        (body.HostConfig.PortBindings[portKey] ??= []).push({ HostIp: hostIp, HostPort: String(p.hostPort) });
      });
    });
  }

  private planDns(body: ContainerCreateBody): void {
    const spec = this.pod.spec;
    const dns = spec?.dnsConfig;
    if (dns?.nameservers?.length) body.HostConfig.Dns = [...dns.nameservers];
    if (dns?.searches?.length) body.HostConfig.DnsSearch = [...dns.searches];
    if (dns?.options?.length)
      body.HostConfig.DnsOptions = dns.options.map((o) => (o.value === undefined ? o.name : `${o.name}:${o.value}`));
    if (spec?.dnsPolicy === 'None' && !dns?.nameservers?.length) {
      this.problem(
        'error',
        'DNS_NONE_WITHOUT_SERVERS',
        'dnsPolicy None needs dnsConfig.nameservers.',
        'spec.dnsConfig.nameservers',
        {},
      );
    }
    const hosts = (spec?.hostAliases ?? []).flatMap((a) => (a.hostnames ?? []).map((h) => `${h}:${a.ip}`));
    if (hosts.length) body.HostConfig.ExtraHosts = hosts;
  }

  // ---------------------------------------------------------------- volumes

  private dockerVolumeName(volume: string): string {
    const safe = volume.replace(/[^a-zA-Z0-9_.-]/g, '-');
    return `${this.prefix}-${safe}-${this.runId}`;
  }

  private planVolumes(): void {
    (this.pod.spec?.volumes ?? []).forEach((v, i) => {
      const path = `spec.volumes[${i}]`;
      if (this.volumes.has(v.name)) {
        this.problem('error', 'VOLUME_DUPLICATE', `Two volumes are called "${v.name}".`, `${path}.name`, {
          name: v.name,
        });
        return;
      }
      this.volumes.set(v.name, v);
      const labels = this.labels('volume', { [Labels.volume]: v.name });
      if (v.emptyDir) {
        const body: VolumePlan['body'] = { Name: this.dockerVolumeName(v.name), Driver: 'local', Labels: labels };
        if (v.emptyDir.medium === 'Memory') {
          const size = memoryBytes(v.emptyDir.sizeLimit);
          body.DriverOpts = { type: 'tmpfs', device: 'tmpfs', o: `mode=1777${size ? `,size=${size}` : ''}` };
        } else if (v.emptyDir.medium && v.emptyDir.medium !== '') {
          this.problem(
            'error',
            'VOLUME_BAD_MEDIUM',
            `emptyDir.medium must be "" or "Memory", not "${v.emptyDir.medium}".`,
            `${path}.emptyDir.medium`,
            { value: String(v.emptyDir.medium) },
          );
        }
        this.volumePlans.set(v.name, { volume: v.name, kind: 'emptyDir', body, persistent: false });
      } else if (v.hostPath) {
        const type = v.hostPath.type ?? '';
        if (!hostPathTypes.has(type)) {
          this.problem(
            'error',
            'HOSTPATH_BAD_TYPE',
            `hostPath.type "${type}" is not one Kubernetes knows.`,
            `${path}.hostPath.type`,
            { value: String(type) },
          );
        } else if (!v.hostPath.path?.startsWith('/')) {
          this.problem(
            'error',
            'HOSTPATH_NOT_ABSOLUTE',
            `hostPath.path must be an absolute path, not "${v.hostPath.path}".`,
            `${path}.hostPath.path`,
            { value: v.hostPath.path },
          );
        } else {
          this.hostPaths.push({ volume: v.name, path: v.hostPath.path, type: type as HostPathCheck['type'] });
        }
      } else if (v.configMap) {
        this.planConfigMapVolume(v, path, labels);
      } else if (v.secret) {
        this.planSecretVolume(v, path, labels);
      } else if (v.downwardAPI) {
        this.planDownwardVolume(v, path, labels);
      } else if (v.persistentVolumeClaim) {
        const claim = v.persistentVolumeClaim.claimName;
        this.volumePlans.set(v.name, {
          volume: v.name,
          kind: 'persistentVolumeClaim',
          body: { Name: claim, Driver: 'local', Labels: { ...labels, [Labels.persistent]: 'true' } },
          persistent: true,
        });
      } else {
        const kind = Object.keys(v).find((k) => k !== 'name') ?? 'unknown';
        this.problem(
          'error',
          'VOLUME_UNSUPPORTED',
          `Volume "${v.name}" is of type ${kind}, which Podwright cannot run on Docker.`,
          path,
          { name: v.name, kind },
        );
      }
    });
  }

  private addFiles(
    volume: string,
    path: string,
    entries: Map<string, { content: string; encoding: 'utf8' | 'base64' }>,
    items: { key: string; path: string; mode?: number }[] | undefined,
    defaultMode: number,
    source: { kind: 'ConfigMap' | 'Secret' | 'downwardAPI'; name: string },
  ): void {
    const dockerVolume = this.dockerVolumeName(volume);
    const selected = items?.length
      ? items.flatMap((item, i) => {
          const entry = entries.get(item.key);
          if (!entry) {
            this.problem(
              'error',
              'VOLUME_MISSING_KEY',
              `${source.kind} "${source.name}" has no key "${item.key}".`,
              `${path}.items[${i}].key`,
              { kind: source.kind, name: source.name, key: item.key },
            );
            return [];
          }
          return [{ file: item.path, mode: item.mode ?? defaultMode, ...entry }];
        })
      : [...entries].map(([key, entry]) => ({ file: key, mode: defaultMode, ...entry }));
    for (const s of selected) {
      if (s.file.startsWith('/') || s.file.split('/').includes('..')) {
        this.problem(
          'error',
          'VOLUME_BAD_PATH',
          `File path "${s.file}" must be relative and must not contain "..".`,
          path,
          { file: s.file },
        );
        continue;
      }
      this.files.push({ dockerVolume, path: s.file, content: s.content, encoding: s.encoding, mode: s.mode & 0o777 });
    }
  }

  private planConfigMapVolume(v: Volume, path: string, labels: Record<string, string>): void {
    const source = v.configMap!;
    const cm = this.companions.configMaps?.find((c) => c.metadata?.name === source.name);
    this.volumePlans.set(v.name, {
      volume: v.name,
      kind: 'configMap',
      body: { Name: this.dockerVolumeName(v.name), Driver: 'local', Labels: labels },
      persistent: false,
    });
    if (!cm) {
      if (!source.optional) {
        this.problem(
          'error',
          'CONFIGMAP_NOT_FOUND',
          `Volume "${v.name}" reads ConfigMap "${source.name}", which is not in the document. Add the ConfigMap (kind: ConfigMap) to the same file or design, or mark the volume optional.`,
          `${path}.configMap.name`,
          { volume: v.name, name: String(source.name) },
        );
      }
      return;
    }
    const entries = new Map<string, { content: string; encoding: 'utf8' | 'base64' }>();
    for (const [k, value] of Object.entries(cm.data ?? {}))
      entries.set(k, { content: String(value), encoding: 'utf8' });
    for (const [k, value] of Object.entries(cm.binaryData ?? {})) {
      if (entries.has(k))
        this.problem(
          'error',
          'CONFIGMAP_DUPLICATE_KEY',
          `ConfigMap "${source.name}" has key "${k}" in both data and binaryData.`,
          undefined,
          { name: String(source.name), key: k },
        );
      entries.set(k, { content: String(value), encoding: 'base64' });
    }
    this.addFiles(v.name, `${path}.configMap`, entries, source.items, source.defaultMode ?? 0o644, {
      kind: 'ConfigMap',
      name: String(source.name),
    });
  }

  private planSecretVolume(v: Volume, path: string, labels: Record<string, string>): void {
    const source = v.secret!;
    const secret = this.companions.secrets?.find((s) => s.metadata?.name === source.secretName);
    this.volumePlans.set(v.name, {
      volume: v.name,
      kind: 'secret',
      body: { Name: this.dockerVolumeName(v.name), Driver: 'local', Labels: labels },
      persistent: false,
    });
    if (!secret) {
      if (!source.optional) {
        this.problem(
          'error',
          'SECRET_NOT_FOUND',
          `Volume "${v.name}" reads Secret "${source.secretName}", which is not in the document. Add the Secret (kind: Secret) to the same file or design, or mark the volume optional.`,
          `${path}.secret.secretName`,
          { volume: v.name, name: String(source.secretName) },
        );
      }
      return;
    }
    this.addFiles(
      v.name,
      `${path}.secret`,
      secretEntries(secret, (m, params) => this.problem('error', 'SECRET_BAD_DATA', m, undefined, params)),
      source.items,
      source.defaultMode ?? 0o644,
      { kind: 'Secret', name: String(source.secretName) },
    );
  }

  private planDownwardVolume(v: Volume, path: string, labels: Record<string, string>): void {
    const source = v.downwardAPI!;
    this.volumePlans.set(v.name, {
      volume: v.name,
      kind: 'downwardAPI',
      body: { Name: this.dockerVolumeName(v.name), Driver: 'local', Labels: labels },
      persistent: false,
    });
    const entries = new Map<string, { content: string; encoding: 'utf8' | 'base64' }>();
    (source.items ?? []).forEach((item, i) => {
      const itemPath = `${path}.downwardAPI.items[${i}]`;
      let value: string | undefined;
      if (item.fieldRef) {
        const field = item.fieldRef.fieldPath;
        if (field === 'metadata.labels' || field === 'metadata.annotations') {
          const map = (field === 'metadata.labels' ? this.pod.metadata?.labels : this.pod.metadata?.annotations) ?? {};
          value = Object.entries(map)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, val]) => `${k}=${JSON.stringify(val)}`)
            .join('\n');
        } else value = this.staticFieldRef(field);
        if (value === undefined || value.includes(POD_IP_PLACEHOLDER) || value.includes(HOST_IP_PLACEHOLDER)) {
          this.problem(
            'error',
            'DOWNWARD_UNSUPPORTED',
            `downwardAPI field "${field}" cannot be written to a file here.`,
            `${itemPath}.fieldRef.fieldPath`,
            { field },
          );
          value = undefined;
        }
      } else if (item.resourceFieldRef) {
        value = this.resourceField(item.resourceFieldRef, undefined, itemPath);
      }
      if (value !== undefined) entries.set(item.path, { content: value, encoding: 'utf8' });
    });
    const items = [...entries.keys()].map((k) => ({
      key: k,
      path: k,
      mode: source.items?.find((x) => x.path === k)?.mode,
    }));
    this.addFiles(v.name, `${path}.downwardAPI`, entries, items, source.defaultMode ?? 0o644, {
      kind: 'downwardAPI',
      name: v.name,
    });
  }

  private planVolumeHelper(): VolumeHelperPlan | undefined {
    const prepared = [...this.volumePlans.values()].filter((v) => v.kind !== 'persistentVolumeClaim');
    if (prepared.length === 0) return undefined;
    const mountPoints: Record<string, string> = {};
    const mounts: DockerMount[] = prepared.map((v, i) => {
      mountPoints[v.body.Name] = `/v${i}`;
      return { Type: 'volume', Source: v.body.Name, Target: `/v${i}`, VolumeOptions: { NoCopy: true } };
    });
    return {
      name: `${this.prefix}-volumes`,
      mountPoints,
      worldWritable: prepared.filter((v) => v.kind === 'emptyDir').map((v) => v.body.Name),
      files: this.files,
      body: {
        Image: this.options.infraImage || DEFAULT_INFRA_IMAGE,
        Labels: this.labels('volume', { [Labels.container]: 'volumes' }),
        HostConfig: { NetworkMode: 'none', Mounts: mounts, RestartPolicy: { Name: 'no' } },
      },
    };
  }

  // ---------------------------------------------------------------- containers

  private planContainer(
    c: Container,
    index: number,
    kind: 'init' | 'app',
    podRestart: Plan['restartPolicy'],
  ): ContainerPlan {
    const spec = this.pod.spec!;
    const path = `spec.${kind === 'init' ? 'initContainers' : 'containers'}[${index}]`;
    const sidecar = kind === 'init' && c.restartPolicy === 'Always';
    const role: ContainerPlan['role'] = sidecar ? 'sidecar' : kind;
    const image = c.image ?? '';
    let pullPolicy = (c.imagePullPolicy as PullPolicy | undefined) ?? defaultPullPolicy(image);
    if (!['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
      this.problem(
        'error',
        'IMAGE_BAD_PULL_POLICY',
        `imagePullPolicy must be Always, IfNotPresent or Never, not "${pullPolicy}".`,
        `${path}.imagePullPolicy`,
        { value: String(pullPolicy) },
      );
      pullPolicy = 'IfNotPresent';
    }
    const { env, needsPodIP } = this.planEnv(c, path);
    const lookup = envLookup(env);
    const grace = spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
    const body: ContainerCreateBody = {
      Image: image,
      // The Pod's own labels ride along for `docker ps --filter`, but never override Podwright's.
      Labels: {
        ...withoutOwnLabels(this.pod.metadata?.labels),
        ...this.labels(role, {
          [Labels.container]: c.name,
          [Labels.index]: String(index),
          [Labels.grace]: String(grace),
        }),
      },
      StopTimeout: grace,
      HostConfig: {},
    };
    // Kubernetes semantics fall out of moby's merge(): an Entrypoint given clears the image's Cmd.
    if (c.command) body.Entrypoint = c.command.map((s, i) => this.expand(s, lookup, `${path}.command[${i}]`));
    if (c.args) body.Cmd = c.args.map((s, i) => this.expand(s, lookup, `${path}.args[${i}]`));
    if (c.command && !c.args) body.Cmd = [];
    if (env.length) body.Env = env.map(([k, v]) => `${k}=${v}`);
    if (c.workingDir) body.WorkingDir = c.workingDir;
    if (c.tty) body.Tty = true;
    if (c.stdin) body.OpenStdin = true;
    if (c.lifecycle?.stopSignal) body.StopSignal = c.lifecycle.stopSignal;

    const hc = body.HostConfig;
    const infra = `container:${this.infraName}`;
    hc.NetworkMode = spec.hostNetwork ? 'host' : infra;
    hc.IpcMode = spec.hostIPC ? 'host' : infra;
    if (spec.hostPID) hc.PidMode = 'host';
    else if (spec.shareProcessNamespace) hc.PidMode = infra;
    // Podman does not copy the network donor's hostname the way Docker does; join its UTS namespace instead.
    if (this.engine.name === 'Podman' && !spec.hostNetwork) hc.UTSMode = infra;
    hc.RestartPolicy =
      kind === 'init' && !sidecar
        ? { Name: 'no' }
        : sidecar || podRestart === 'Always'
          ? { Name: 'always' }
          : podRestart === 'OnFailure'
            ? { Name: 'on-failure' }
            : { Name: 'no' };
    const mounts = this.planMounts(c, path, lookup);
    if (mounts.length) hc.Mounts = mounts;
    this.planResources(c, path, hc);
    const requireNonRoot = this.planSecurity(c, path, body);

    const exprs = [...(body.Env ?? []), ...(body.Entrypoint ?? []), ...(body.Cmd ?? [])];
    return {
      role,
      container: c.name,
      name: `${this.prefix}-${c.name}`,
      pullPolicy,
      body,
      needsPodIP: needsPodIP || exprs.some((s) => s.includes(POD_IP_PLACEHOLDER) || s.includes(HOST_IP_PLACEHOLDER)),
      requireNonRoot,
      graceSeconds: grace,
    };
  }

  private staticFieldRef(fieldPath: string): string | undefined {
    const meta = this.pod.metadata ?? {};
    const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
    if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]!] ?? '';
    switch (fieldPath) {
      case 'metadata.name':
        return this.name;
      case 'metadata.namespace':
        return this.namespace;
      case 'metadata.uid':
        return meta.uid ?? `podwright-${this.prefix}-${this.runId}`;
      case 'spec.nodeName':
        return this.pod.spec?.nodeName || 'podwright';
      case 'spec.serviceAccountName':
        return this.pod.spec?.serviceAccountName || 'default';
      case 'status.podIP':
      case 'status.podIPs':
        return POD_IP_PLACEHOLDER;
      case 'status.hostIP':
      case 'status.hostIPs':
        return HOST_IP_PLACEHOLDER;
      default:
        return undefined;
    }
  }

  private resourceField(ref: ResourceFieldSelector, current: Container | undefined, path: string): string | undefined {
    const all = [...(this.pod.spec?.containers ?? []), ...(this.pod.spec?.initContainers ?? [])];
    const target = ref.containerName ? all.find((c) => c.name === ref.containerName) : current;
    if (!target) {
      this.problem(
        'error',
        'RESOURCE_FIELD_NO_CONTAINER',
        `resourceFieldRef needs containerName "${ref.containerName ?? ''}" of this Pod.`,
        path,
        { name: ref.containerName ?? '' },
      );
      return undefined;
    }
    const [section, resource] = ref.resource.split('.') as [string, string | undefined];
    const quantity = (
      section === 'limits' ? target.resources?.limits : section === 'requests' ? target.resources?.requests : undefined
    )?.[resource ?? ''];
    const divisor = parseQuantity(ref.divisor ?? 1) || 1;
    if (resource === 'cpu') {
      // Without a limit the kubelet reports the node's allocatable CPU; here, the engine's.
      const cores = parseQuantity(quantity) ?? (section === 'limits' ? (this.engine.cpus ?? 1) : 0);
      return String(Math.ceil(cores / divisor));
    }
    if (resource === 'memory' || resource === 'ephemeral-storage') {
      const bytes =
        parseQuantity(quantity) ?? (section === 'limits' && resource === 'memory' ? (this.engine.memoryBytes ?? 0) : 0);
      return String(Math.ceil(bytes / divisor));
    }
    this.problem('error', 'RESOURCE_FIELD_UNSUPPORTED', `resourceFieldRef "${ref.resource}" is not supported.`, path, {
      value: ref.resource,
    });
    return undefined;
  }

  /** The container's environment in Kubernetes order: envFrom, then env, each value expanded against what came before. */
  private planEnv(c: Container, path: string): { env: [string, string][]; needsPodIP: boolean } {
    const env = new Map<string, string>();
    let needsPodIP = false;
    (c.envFrom ?? []).forEach((source, i) => {
      const prefix = source.prefix ?? '';
      if (source.configMapRef) {
        const cm = this.companions.configMaps?.find((x) => x.metadata?.name === source.configMapRef!.name);
        if (!cm) {
          if (!source.configMapRef.optional) {
            this.problem(
              'error',
              'CONFIGMAP_NOT_FOUND',
              `Container "${c.name}" reads env from ConfigMap "${source.configMapRef.name}", which is not in the document.`,
              `${path}.envFrom[${i}]`,
              { container: c.name, name: String(source.configMapRef.name) },
              'CONFIGMAP_NOT_FOUND_ENV',
            );
          }
          return;
        }
        for (const [k, v] of Object.entries(cm.data ?? {})) env.set(prefix + k, String(v));
      } else if (source.secretRef) {
        const secret = this.companions.secrets?.find((x) => x.metadata?.name === source.secretRef!.name);
        if (!secret) {
          if (!source.secretRef.optional) {
            this.problem(
              'error',
              'SECRET_NOT_FOUND',
              `Container "${c.name}" reads env from Secret "${source.secretRef.name}", which is not in the document.`,
              `${path}.envFrom[${i}]`,
              { container: c.name, name: String(source.secretRef.name) },
              'SECRET_NOT_FOUND_ENV',
            );
          }
          return;
        }
        for (const [k, v] of secretEntries(secret, () => {}))
          env.set(prefix + k, v.encoding === 'base64' ? decodeBase64Text(v.content) : v.content);
      }
    });
    (c.env ?? []).forEach((e: EnvVar, i) => {
      const at = `${path}.env[${i}]`;
      let value = this.envValue(c, e, at);
      if (value === undefined) return;
      // Only literal values expand, against what is defined so far (kubelet makeEnvironmentVariables).
      if (e.valueFrom === undefined) value = this.expand(value, (n) => env.get(n), `${at}.value`);
      if (value.includes(POD_IP_PLACEHOLDER) || value.includes(HOST_IP_PLACEHOLDER)) needsPodIP = true;
      env.set(e.name, value);
    });
    return { env: [...env], needsPodIP };
  }

  private envValue(c: Container, e: EnvVar, path: string): string | undefined {
    if (e.valueFrom === undefined) return e.value ?? '';
    const from = e.valueFrom;
    if (from.fieldRef) {
      const v = this.staticFieldRef(from.fieldRef.fieldPath);
      if (v === undefined) {
        this.problem(
          'error',
          'ENV_FIELD_UNSUPPORTED',
          `env "${e.name}": fieldRef "${from.fieldRef.fieldPath}" is not supported.`,
          `${path}.valueFrom.fieldRef.fieldPath`,
          { env: e.name, field: from.fieldRef.fieldPath },
        );
      }
      return v;
    }
    if (from.resourceFieldRef)
      return this.resourceField(from.resourceFieldRef, c, `${path}.valueFrom.resourceFieldRef`);
    if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      const v = this.companions.configMaps?.find((x) => x.metadata?.name === ref.name)?.data?.[ref.key];
      if (v === undefined && !ref.optional) {
        this.problem(
          'error',
          'CONFIGMAP_KEY_NOT_FOUND',
          `env "${e.name}" reads key "${ref.key}" of ConfigMap "${ref.name}", which is not in the document.`,
          `${path}.valueFrom.configMapKeyRef`,
          { env: e.name, key: ref.key, name: String(ref.name) },
        );
      }
      return v;
    }
    if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      const secret = this.companions.secrets?.find((x) => x.metadata?.name === ref.name);
      const entry = secret ? secretEntries(secret, () => {}).get(ref.key) : undefined;
      if (entry === undefined) {
        if (!ref.optional) {
          this.problem(
            'error',
            'SECRET_KEY_NOT_FOUND',
            `env "${e.name}" reads key "${ref.key}" of Secret "${ref.name}", which is not in the document.`,
            `${path}.valueFrom.secretKeyRef`,
            { env: e.name, key: ref.key, name: String(ref.name) },
          );
        }
        return undefined;
      }
      return entry.encoding === 'base64' ? decodeBase64Text(entry.content) : entry.content;
    }
    return e.value ?? '';
  }

  private planMounts(c: Container, path: string, lookup: (name: string) => string | undefined): DockerMount[] {
    const mounts: DockerMount[] = [];
    (c.volumeMounts ?? []).forEach((m: VolumeMount, i) => {
      const at = `${path}.volumeMounts[${i}]`;
      const v = this.volumes.get(m.name);
      if (!v) {
        this.problem(
          'error',
          'MOUNT_UNKNOWN_VOLUME',
          `Container "${c.name}" mounts volume "${m.name}", which the Pod does not declare.`,
          `${at}.name`,
          { container: c.name, volume: m.name },
        );
        return;
      }
      if (!m.mountPath?.startsWith('/')) {
        this.problem(
          'error',
          'MOUNT_NOT_ABSOLUTE',
          `mountPath must be absolute, not "${m.mountPath}".`,
          `${at}.mountPath`,
          { value: m.mountPath },
        );
        return;
      }
      const subPath = m.subPathExpr !== undefined ? this.expand(m.subPathExpr, lookup, `${at}.subPathExpr`) : m.subPath;
      if (subPath && (subPath.startsWith('/') || subPath.split('/').includes('..'))) {
        this.problem(
          'error',
          'MOUNT_BAD_SUBPATH',
          `subPath "${subPath}" must be relative and must not contain "..".`,
          `${at}.subPath`,
          { value: subPath },
        );
        return;
      }
      if (v.hostPath) {
        const mount: DockerMount = {
          Type: 'bind',
          Source: subPath ? `${v.hostPath.path.replace(/\/+$/, '')}/${subPath}` : v.hostPath.path,
          Target: m.mountPath,
          ReadOnly: Boolean(m.readOnly),
        };
        const propagation = { None: 'rprivate', HostToContainer: 'rslave', Bidirectional: 'rshared' }[
          m.mountPropagation ?? 'None'
        ];
        if (!propagation)
          this.problem(
            'error',
            'MOUNT_BAD_PROPAGATION',
            `mountPropagation "${m.mountPropagation}" is not one Kubernetes knows.`,
            `${at}.mountPropagation`,
            { value: String(m.mountPropagation) },
          );
        else if (propagation !== 'rprivate') mount.BindOptions = { Propagation: propagation };
        mounts.push(mount);
        return;
      }
      const vp = this.volumePlans.get(m.name);
      if (!vp) return;
      const readOnly =
        Boolean(m.readOnly) || vp.kind === 'configMap' || vp.kind === 'secret' || vp.kind === 'downwardAPI';
      const mount: DockerMount = { Type: 'volume', Source: vp.body.Name, Target: m.mountPath, ReadOnly: readOnly };
      mount.VolumeOptions = vp.persistent ? {} : { NoCopy: true };
      if (subPath) {
        if (compareApiVersions(this.engine.apiVersion, API_SUBPATH_ON_VOLUMES) < 0) {
          this.problem(
            'error',
            'ENGINE_NO_SUBPATH',
            `Container "${c.name}" mounts subPath "${subPath}" of volume "${m.name}". Docker can mount part of a volume only from Engine API ${API_SUBPATH_ON_VOLUMES} (Docker 26); this ${this.engine.name} speaks ${this.engine.apiVersion}. Update the engine, or mount the whole volume.`,
            `${at}.subPath`,
            {
              container: c.name,
              subPath,
              volume: m.name,
              minimum: API_SUBPATH_ON_VOLUMES,
              engine: this.engine.name,
              apiVersion: this.engine.apiVersion,
            },
          );
          return;
        }
        mount.VolumeOptions.Subpath = subPath;
      }
      if (Object.keys(mount.VolumeOptions).length === 0) delete mount.VolumeOptions;
      mounts.push(mount);
    });
    return mounts;
  }

  private planResources(c: Container, path: string, hc: ContainerCreateBody['HostConfig']): void {
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    const memLimit = memoryBytes(limits.memory);
    const memRequest = memoryBytes(requests.memory);
    const cpuLimit = milliCpu(limits.cpu);
    const cpuRequest = milliCpu(requests.cpu);
    for (const [value, raw, field] of [
      [memLimit, limits.memory, 'limits.memory'],
      [memRequest, requests.memory, 'requests.memory'],
      [cpuLimit, limits.cpu, 'limits.cpu'],
      [cpuRequest, requests.cpu, 'requests.cpu'],
    ] as const) {
      if (raw !== undefined && value === undefined) {
        this.problem(
          'error',
          'RESOURCE_BAD_QUANTITY',
          `resources.${field} "${raw}" is not a Kubernetes quantity.`,
          `${path}.resources.${field}`,
          { field, value: raw },
        );
      }
    }
    if (memLimit !== undefined) {
      if (memLimit < DOCKER_MIN_MEMORY) {
        this.problem(
          'error',
          'RESOURCE_MEMORY_TOO_SMALL',
          `Docker needs a memory limit of at least 6Mi; "${c.name}" asks for ${limits.memory}.`,
          `${path}.resources.limits.memory`,
          { name: c.name, value: String(limits.memory) },
        );
      }
      hc.Memory = memLimit;
      hc.MemorySwap = memLimit; // no swap, as the kubelet does
    }
    if (memRequest !== undefined) hc.MemoryReservation = memRequest;
    if (cpuLimit !== undefined) {
      hc.CpuPeriod = CPU_PERIOD;
      hc.CpuQuota = Math.max(1000, Math.floor((cpuLimit * CPU_PERIOD) / 1000));
    }
    const shares = cpuRequest ?? cpuLimit;
    if (shares !== undefined) hc.CpuShares = Math.max(2, Math.floor((shares * 1024) / 1000));
  }

  /** Returns whether the runtime must check that the image does not run as root. */
  private planSecurity(c: Container, path: string, body: ContainerCreateBody): boolean {
    const pod = this.pod.spec?.securityContext ?? {};
    const sc = c.securityContext ?? {};
    const hc = body.HostConfig;
    const user = sc.runAsUser ?? pod.runAsUser;
    const group = sc.runAsGroup ?? pod.runAsGroup;
    if (user !== undefined) body.User = group !== undefined ? `${user}:${group}` : String(user);
    else if (group !== undefined) {
      this.problem(
        'warning',
        'RUN_AS_GROUP_WITHOUT_USER',
        `runAsGroup without runAsUser: Docker cannot set only the group, so "${c.name}" keeps its image's user and group.`,
        `${path}.securityContext.runAsGroup`,
        { name: c.name },
      );
    }
    if (pod.supplementalGroups?.length) hc.GroupAdd = pod.supplementalGroups.map(String);
    const nonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
    if (nonRoot && user === 0) {
      this.problem(
        'error',
        'RUN_AS_NON_ROOT',
        `"${c.name}" must not run as root (runAsNonRoot) but runAsUser is 0.`,
        `${path}.securityContext.runAsUser`,
        { name: c.name },
      );
    }
    if (sc.privileged) hc.Privileged = true;
    if (sc.capabilities?.add?.length) hc.CapAdd = [...sc.capabilities.add];
    if (sc.capabilities?.drop?.length) hc.CapDrop = [...sc.capabilities.drop];
    if (sc.readOnlyRootFilesystem) hc.ReadonlyRootfs = true;
    if (sc.allowPrivilegeEscalation === false) {
      if (sc.privileged)
        this.problem(
          'error',
          'PRIVILEGED_ESCALATION',
          'A privileged container cannot set allowPrivilegeEscalation: false.',
          `${path}.securityContext`,
          {},
        );
      hc.SecurityOpt = ['no-new-privileges'];
    }
    if (sc.procMount === 'Unmasked') {
      hc.MaskedPaths = [];
      hc.ReadonlyPaths = [];
    }
    return Boolean(nonRoot) && user === undefined;
  }
}

function withoutOwnLabels(labels: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !k.startsWith('dev.podwright.')));
}

function envLookup(env: [string, string][]): (name: string) => string | undefined {
  const map = new Map(env);
  return (name) => map.get(name);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function secretEntries(
  secret: { data?: Record<string, string>; stringData?: Record<string, string>; metadata?: { name?: string } },
  report: (message: string, params: PlanMessageParams) => void,
): Map<string, { content: string; encoding: 'utf8' | 'base64' }> {
  const entries = new Map<string, { content: string; encoding: 'utf8' | 'base64' }>();
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    const clean = String(v).replace(/\s+/g, '');
    if (!BASE64.test(clean) || clean.length % 4 !== 0) {
      report(
        `Secret "${secret.metadata?.name}" key "${k}" is not valid base64 (data holds base64; use stringData for plain text).`,
        { name: String(secret.metadata?.name), key: k },
      );
      continue;
    }
    entries.set(k, { content: clean, encoding: 'base64' });
  }
  // stringData wins over data, as the API server merges it.
  for (const [k, v] of Object.entries(secret.stringData ?? {}))
    entries.set(k, { content: String(v), encoding: 'utf8' });
  return entries;
}

/** base64 to text without Node's Buffer (shared/ is pure). */
export function decodeBase64Text(b64: string): string {
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The calls in order, as a reviewer (or the walkthrough) would read them. */
export function planSteps(p: Omit<Plan, 'steps'>): PlanStep[] {
  const steps: PlanStep[] = [];
  if (p.network) {
    steps.push({
      call: `GET /networks/${p.network.name}`,
      description: `Find the project network "${p.network.name}"`,
    });
    steps.push({ call: 'POST /networks/create', description: 'Create it if it is missing', body: p.network.body });
  }
  for (const image of p.images) {
    steps.push({
      call: `GET /images/${image.image}/json`,
      description: `Check image ${image.image} (imagePullPolicy ${image.pullPolicy})`,
    });
    if (image.pullPolicy !== 'Never') {
      steps.push({
        call: `POST /images/create?fromImage=${image.image}`,
        description: image.pullPolicy === 'Always' ? 'Pull it' : 'Pull it if it is missing',
      });
    }
  }
  for (const h of p.hostPaths)
    steps.push({ call: `(host) check ${h.path}`, description: `hostPath "${h.volume}" type ${h.type || '(none)'}` });
  for (const v of p.volumes)
    steps.push({ call: 'POST /volumes/create', description: `Volume "${v.volume}" (${v.kind})`, body: v.body });
  if (p.volumeHelper) {
    steps.push({
      call: `POST /containers/create?name=${p.volumeHelper.name}`,
      description: 'A helper (never started) that mounts the volumes',
      body: p.volumeHelper.body,
    });
    steps.push({
      call: `PUT /containers/${p.volumeHelper.name}/archive?path=/`,
      description: `Write ${p.volumeHelper.files.length} file(s), make emptyDirs writable for every user`,
    });
    steps.push({ call: `DELETE /containers/${p.volumeHelper.name}`, description: 'Remove the helper' });
  }
  steps.push({
    call: `POST /containers/create?name=${p.infra.name}`,
    description: 'Create the infra container',
    body: p.infra.body,
  });
  steps.push({
    call: `POST /containers/${p.infra.name}/start`,
    description: 'Start it: it owns the network, IPC and hostname',
  });
  for (const c of p.init) {
    steps.push({
      call: `POST /containers/create?name=${c.name}`,
      description: `Create ${c.role} container "${c.container}"`,
      body: c.body,
    });
    if (c.role === 'sidecar') {
      steps.push({
        call: `POST /containers/${c.name}/start`,
        description: `Start sidecar "${c.container}" and keep it running`,
      });
    } else {
      steps.push({
        call: `POST /containers/${c.name}/start`,
        description: `Run init container "${c.container}"`,
      });
      // not-running, registered after start, cannot miss a fast exit the way a late next-exit can.
      steps.push({
        call: `POST /containers/${c.name}/wait?condition=not-running`,
        description: 'Wait for it to exit; then inspect its exit code: non-zero stops the Pod',
      });
    }
  }
  for (const c of p.apps)
    steps.push({
      call: `POST /containers/create?name=${c.name}`,
      description: `Create app container "${c.container}"`,
      body: c.body,
    });
  for (const c of p.apps)
    steps.push({
      call: `POST /containers/${c.name}/start`,
      description: `Start "${c.container}" (in parallel with the other apps)`,
    });
  return steps;
}
