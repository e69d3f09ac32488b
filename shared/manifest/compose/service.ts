// One Compose service (interpolated, extended) into the long-form ServiceModel: every key of the Compose
// Specification's service schema is either read or listed as having no Pod equivalent; unknown keys are problems.
import { isRecord } from '../parse';
import type { MessageParams } from '../../rules/types';
import type { FileMountModel, IgnoredField, MountModel, ServiceModel } from './model';
import { emptyService } from './model';
import { shellWords } from './shell-words';
import {
  boolOf,
  intOf,
  parseDependsOn,
  parseEnvironment,
  parseExtraHosts,
  parseHealthcheck,
  parseKeyValues,
  parsePortLong,
  parsePortShort,
  parseVolumeLong,
  parseVolumeShort,
  stringOrList,
  text,
} from './syntax';
import { bytesOf, cpuQuantity, durationSeconds } from './units';

/** Every key the Compose Specification allows on a service (schema/compose-spec.json), besides `x-` extensions. */
export const SERVICE_KEYS = new Set([
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'command',
  'configs', 'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period',
  'cpu_rt_runtime', 'cpu_shares', 'cpus', 'cpuset', 'credential_spec', 'depends_on', 'deploy', 'develop',
  'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search', 'domainname', 'entrypoint', 'env_file',
  'environment', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'group_add', 'healthcheck', 'hostname',
  'image', 'init', 'ipc', 'isolation', 'label_file', 'labels', 'links', 'logging', 'mac_address', 'mem_limit',
  'mem_reservation', 'mem_swappiness', 'memswap_limit', 'models', 'network_mode', 'networks', 'oom_kill_disable',
  'oom_score_adj', 'pid', 'pids_limit', 'platform', 'ports', 'post_start', 'pre_stop', 'privileged', 'profiles',
  'provider', 'pull_policy', 'pull_refresh_after', 'read_only', 'restart', 'runtime', 'scale', 'secrets',
  'security_opt', 'shm_size', 'stdin_open', 'stop_grace_period', 'stop_signal', 'storage_opt', 'sysctls', 'tmpfs',
  'tty', 'ulimits', 'use_api_socket', 'user', 'userns_mode', 'uts', 'volumes', 'volumes_from', 'working_dir',
]); // prettier-ignore

/** Keys with no Pod equivalent: the service keeps them only as a note. */
const NO_POD_EQUIVALENT = new Set([
  'annotations', 'attach', 'blkio_config', 'cgroup', 'cgroup_parent', 'cpu_count', 'cpu_percent', 'cpu_period',
  'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares', 'cpuset', 'credential_spec', 'develop',
  'device_cgroup_rules', 'devices', 'external_links', 'gpus', 'init', 'isolation', 'label_file', 'links', 'logging',
  'mac_address', 'mem_swappiness', 'memswap_limit', 'models', 'oom_kill_disable', 'oom_score_adj', 'platform',
  'provider', 'pull_refresh_after', 'runtime', 'security_opt', 'storage_opt', 'ulimits', 'use_api_socket',
  'userns_mode', 'volumes_from', 'container_name', 'domainname', 'labels',
]); // prettier-ignore

export interface ServiceContext {
  /** Reports a problem at a path under the service (`['ports', 1]`). */
  invalid(at: (string | number)[], id: string, params: MessageParams): void;
  /** The service's `env_file` entries resolved to variables (the loader reads the files). */
  envFiles(entries: { path: string; required: boolean }[], at: (string | number)[]): [string, string][];
  /** The project environment (.env under the OS environment), for `environment:` entries without a value. */
  lookup(name: string): string | undefined;
}

/** Reads a raw service mapping. Unknown keys and values of the wrong shape are reported through `ctx.invalid`. */
export function readService(name: string, raw: Record<string, unknown>, ctx: ServiceContext): ServiceModel {
  const s = emptyService(name, { path: ['services', name] });
  const ignore = (key: string, value?: string): void => void s.ignored.push(value ? { key, value } : { key });
  for (const key of Object.keys(raw)) {
    if (key.startsWith('x-')) continue;
    if (!SERVICE_KEYS.has(key)) ctx.invalid([key], 'unknownKey', { key, service: name });
    else if (NO_POD_EQUIVALENT.has(key) && raw[key] !== null && raw[key] !== undefined) ignore(key, short(raw[key]));
  }
  if (typeof raw.container_name === 'string') s.containerName = raw.container_name;
  const image = text(raw.image);
  if (image) s.image = image;
  if (raw.build !== undefined && raw.build !== null) {
    const context =
      typeof raw.build === 'string' ? raw.build : isRecord(raw.build) ? text(raw.build.context) : undefined;
    s.build = context ? { context } : {};
  }
  readCommand(s, raw, 'command', ctx);
  readCommand(s, raw, 'entrypoint', ctx);
  readEnvironment(s, raw, ctx);
  readPorts(s, raw, ctx);
  readVolumes(s, raw, ctx);
  readDependencies(s, raw, ctx);
  readNamespaces(s, raw, ctx);
  readSecurity(s, raw, ctx);
  readResources(s, raw, ctx);
  readFileMounts(s, raw, 'configs', ctx);
  readFileMounts(s, raw, 'secrets', ctx);
  readHooks(s, raw, ctx, ignore);
  const labels = parseKeyValues(raw.labels);
  if (labels.ok) s.labels = Object.fromEntries(labels.value);
  const profiles = stringOrList(raw.profiles);
  if (profiles === undefined) ctx.invalid(['profiles'], 'type', { field: 'profiles', expected: 'a list of names' });
  else s.profiles = profiles;
  for (const [key, field] of [
    ['tty', 'tty'],
    ['stdin_open', 'stdinOpen'],
  ] as const) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const b = boolOf(raw[key]);
    if (b === undefined) ctx.invalid([key], 'type', { field: key, expected: 'true or false' });
    else s[field] = b;
  }
  if (raw.stop_grace_period !== undefined && raw.stop_grace_period !== null) {
    const seconds = durationSeconds(raw.stop_grace_period);
    if (seconds === undefined)
      ctx.invalid(['stop_grace_period'], 'type', { field: 'stop_grace_period', expected: 'a duration' });
    else s.stopGraceSeconds = seconds;
  }
  if (text(raw.stop_signal)) s.stopSignal = text(raw.stop_signal)!;
  const restart = text(raw.restart);
  if (restart !== undefined) s.restart = restart;
  const pull = text(raw.pull_policy);
  if (pull) s.pullPolicy = pull;
  return s;
}

function short(value: unknown): string | undefined {
  const s = text(value);
  if (s !== undefined) return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  return undefined;
}

function readCommand(
  s: ServiceModel,
  raw: Record<string, unknown>,
  key: 'command' | 'entrypoint',
  ctx: ServiceContext,
): void {
  const value = raw[key];
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    const split = shellWords(value);
    if (!split.ok) {
      ctx.invalid([key], 'shell', { field: key, problem: split.message });
      return;
    }
    s[key] = split.words;
    if (split.dropped) (s.droppedShell ??= []).push({ field: key, text: split.dropped });
    return;
  }
  if (Array.isArray(value)) {
    const words = value.map(text);
    if (words.some((w) => w === undefined))
      ctx.invalid([key], 'type', { field: key, expected: 'a string or a list of strings' });
    else s[key] = words as string[];
    return;
  }
  ctx.invalid([key], 'type', { field: key, expected: 'a string or a list of strings' });
}

function envFileEntries(value: unknown): { path: string; required: boolean }[] | undefined {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list) return undefined;
  const out: { path: string; required: boolean }[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push({ path: item, required: true });
    else if (isRecord(item) && typeof item.path === 'string')
      out.push({ path: item.path, required: boolOf(item.required) ?? true });
    else return undefined;
  }
  return out;
}

function readEnvironment(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  const files = envFileEntries(raw.env_file);
  if (!files)
    ctx.invalid(['env_file'], 'type', {
      field: 'env_file',
      expected: 'a path, a list of paths or of {path, required}',
    });
  const environment = parseEnvironment(raw.environment);
  if (!environment.ok) ctx.invalid(['environment'], 'type', { field: 'environment', expected: 'a list or a mapping' });
  const own = environment.ok ? environment.value : [];
  // compose-go: `environment` entries without a value come from the project environment or are left out; env_file
  // values come first and `environment` replaces them.
  const merged = new Map<string, string>();
  for (const [k, v] of ctx.envFiles(files ?? [], ['env_file'])) merged.set(k, v);
  for (const [k, v] of own) {
    const value = v ?? ctx.lookup(k);
    if (value === undefined) {
      // Left out, as Compose does; an env_file value of the same name stays.
      continue;
    }
    merged.set(k, value);
  }
  s.environment = [...merged];
}

function readPorts(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  if (raw.ports !== undefined && raw.ports !== null) {
    if (!Array.isArray(raw.ports)) ctx.invalid(['ports'], 'type', { field: 'ports', expected: 'a list' });
    else {
      const seen = new Set<string>();
      raw.ports.forEach((entry, i) => {
        if (isRecord(entry)) {
          const port = parsePortLong(entry);
          if (!port.ok) ctx.invalid(['ports', i], 'port', { value: short(entry) ?? 'port', problem: port.message });
          else s.ports.push(port.value);
          return;
        }
        const spec = text(entry);
        if (spec === undefined) {
          ctx.invalid(['ports', i], 'type', { field: 'ports', expected: 'strings, numbers or mappings' });
          return;
        }
        // compose-go keeps one entry per distinct string; a repeated line is dropped.
        if (seen.has(spec)) return;
        seen.add(spec);
        const parsed = parsePortShort(spec);
        if (!parsed.ok) ctx.invalid(['ports', i], 'port', { value: spec, problem: parsed.message });
        else {
          s.ports.push(...parsed.value.ports);
          if (parsed.value.cut > 0) s.ignored.push({ key: 'ports', value: `${spec} (${parsed.value.cut} more)` });
        }
      });
    }
  }
  if (raw.expose !== undefined && raw.expose !== null) {
    const list = Array.isArray(raw.expose) ? raw.expose : undefined;
    if (!list) ctx.invalid(['expose'], 'type', { field: 'expose', expected: 'a list' });
    for (const [i, entry] of (list ?? []).entries()) {
      const spec = text(entry) ?? '';
      const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(spec);
      if (!m) {
        ctx.invalid(['expose', i], 'port', { value: spec, problem: 'not a port or port range' });
        continue;
      }
      const start = Number(m[1]);
      const end = Math.min(m[2] ? Number(m[2]) : start, start + 99);
      for (let p = start; p <= end; p++) {
        const protocol = (m[3] ?? 'tcp').toLowerCase();
        if (!s.expose.some((e) => e.port === p && e.protocol === protocol)) s.expose.push({ port: p, protocol });
      }
    }
  }
}

function readVolumes(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  if (raw.volumes !== undefined && raw.volumes !== null) {
    if (!Array.isArray(raw.volumes)) ctx.invalid(['volumes'], 'type', { field: 'volumes', expected: 'a list' });
    else {
      const byTarget = new Map<string, number>();
      raw.volumes.forEach((entry, i) => {
        let mount: MountModel | undefined;
        if (isRecord(entry)) {
          const parsed = parseVolumeLong(entry);
          if (!parsed.ok)
            ctx.invalid(['volumes', i], 'volume', { value: short(entry.target) ?? 'volume', problem: parsed.message });
          else mount = parsed.value;
        } else if (typeof entry === 'string') {
          const parsed = parseVolumeShort(entry);
          if (!parsed.ok) ctx.invalid(['volumes', i], 'volume', { value: entry, problem: parsed.message });
          else mount = parsed.value;
        } else ctx.invalid(['volumes', i], 'type', { field: 'volumes', expected: 'strings or mappings' });
        if (!mount) return;
        // compose-go keeps one mount per target: a later one (an extends override) replaces the earlier.
        const at = byTarget.get(mount.target);
        if (at === undefined) {
          byTarget.set(mount.target, s.volumes.length);
          s.volumes.push(mount);
        } else s.volumes[at] = mount;
      });
    }
  }
  const tmpfs = stringOrList(raw.tmpfs);
  if (tmpfs === undefined) ctx.invalid(['tmpfs'], 'type', { field: 'tmpfs', expected: 'a path or a list of paths' });
  for (const entry of tmpfs ?? []) {
    // `/run:size=64m,mode=1777` (the Docker CLI form Compose accepts).
    const [target, options] = [entry.split(':')[0]!, entry.split(':').slice(1).join(':')];
    const size = /(?:^|,)size=([^,]+)/.exec(options)?.[1];
    const bytes = size !== undefined ? bytesOf(size) : undefined;
    s.tmpfs.push(bytes !== undefined ? { target, size: bytes } : { target });
  }
  if (raw.shm_size !== undefined && raw.shm_size !== null) {
    const bytes = bytesOf(raw.shm_size);
    if (bytes === undefined) ctx.invalid(['shm_size'], 'type', { field: 'shm_size', expected: 'a size such as 64m' });
    else s.shmSize = bytes;
  }
}

function readDependencies(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  const depends = parseDependsOn(raw.depends_on);
  if (!depends.ok) ctx.invalid(['depends_on'], 'depends', { problem: depends.message });
  else s.dependsOn = depends.value;
  // links imply a started dependency (compose-go's normalisation); the link itself is a note.
  for (const link of Array.isArray(raw.links) ? raw.links : []) {
    const target = typeof link === 'string' ? link.split(':')[0]! : undefined;
    if (target && !s.dependsOn.some((d) => d.service === target)) {
      s.dependsOn.push({ service: target, condition: 'service_started', required: true });
    }
  }
  if (raw.healthcheck !== undefined && raw.healthcheck !== null) {
    const health = parseHealthcheck(raw.healthcheck);
    if (!health.ok) ctx.invalid(['healthcheck'], 'healthcheck', { problem: health.message });
    else s.healthcheck = health.value;
  }
}

function readNamespaces(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  for (const [key, field] of [
    ['network_mode', 'networkMode'],
    ['ipc', 'ipc'],
    ['pid', 'pid'],
    ['uts', 'uts'],
  ] as const) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') ctx.invalid([key], 'type', { field: key, expected: 'a string' });
    else if (value !== '') s[field] = value;
  }
  const networks = raw.networks;
  if (Array.isArray(networks)) {
    for (const n of networks) if (typeof n === 'string') s.networks.push({ name: n, aliases: [] });
  } else if (isRecord(networks)) {
    for (const [name, config] of Object.entries(networks)) {
      const aliases = isRecord(config) ? (stringOrList(config.aliases) ?? []) : [];
      s.networks.push({ name, aliases });
      if (isRecord(config)) {
        for (const key of Object.keys(config)) {
          if (key !== 'aliases' && !key.startsWith('x-'))
            s.ignored.push({ key: `networks.${name}.${key}`, value: short(config[key]) });
        }
      }
    }
  } else if (networks !== undefined && networks !== null) {
    ctx.invalid(['networks'], 'type', { field: 'networks', expected: 'a list or a mapping' });
  }
  const hostname = text(raw.hostname);
  if (hostname) s.hostname = hostname;
  const domainname = text(raw.domainname);
  if (domainname) s.domainname = domainname;
  const hosts = parseExtraHosts(raw.extra_hosts);
  if (!hosts.ok) ctx.invalid(['extra_hosts'], 'hosts', { problem: hosts.message });
  else s.extraHosts = hosts.value;
  for (const [key, field] of [
    ['dns', 'dns'],
    ['dns_search', 'dnsSearch'],
    ['dns_opt', 'dnsOpt'],
  ] as const) {
    const list = stringOrList(raw[key]);
    if (list === undefined) ctx.invalid([key], 'type', { field: key, expected: 'a string or a list of strings' });
    else s[field] = list;
  }
}

function readSecurity(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  const user = text(raw.user);
  if (user) s.user = user;
  const workingDir = text(raw.working_dir);
  if (workingDir) s.workingDir = workingDir;
  for (const [key, field] of [
    ['cap_add', 'capAdd'],
    ['cap_drop', 'capDrop'],
  ] as const) {
    const list = stringOrList(raw[key]);
    if (list === undefined) ctx.invalid([key], 'type', { field: key, expected: 'a list of capabilities' });
    else s[field] = [...new Set(list)];
  }
  for (const [key, field] of [
    ['privileged', 'privileged'],
    ['read_only', 'readOnly'],
  ] as const) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const b = boolOf(raw[key]);
    if (b === undefined) ctx.invalid([key], 'type', { field: key, expected: 'true or false' });
    else s[field] = b;
  }
  const sysctls = parseKeyValues(raw.sysctls);
  if (!sysctls.ok) ctx.invalid(['sysctls'], 'type', { field: 'sysctls', expected: 'a list or a mapping' });
  else s.sysctls = sysctls.value;
  if (raw.group_add !== undefined && raw.group_add !== null) {
    const groups = stringOrList(raw.group_add) ?? [];
    s.ignored.push({ key: 'group_add', value: groups.join(', ') });
  }
}

function readResources(s: ServiceModel, raw: Record<string, unknown>, ctx: ServiceContext): void {
  const deploy = isRecord(raw.deploy) ? raw.deploy : undefined;
  const resources = deploy && isRecord(deploy.resources) ? deploy.resources : undefined;
  const limits = resources && isRecord(resources.limits) ? resources.limits : {};
  const reservations = resources && isRecord(resources.reservations) ? resources.reservations : {};
  const cpus = (value: unknown, at: (string | number)[]): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const q = cpuQuantity(value);
    if (q === undefined) {
      ctx.invalid(at, 'type', { field: at.join('.'), expected: 'a number of CPUs' });
      return undefined;
    }
    return Number(value);
  };
  const bytes = (value: unknown, at: (string | number)[]): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const b = bytesOf(value);
    if (b === undefined) ctx.invalid(at, 'type', { field: at.join('.'), expected: 'a size such as 512m' });
    return b;
  };
  s.limits.cpus = cpus(limits.cpus, ['deploy', 'resources', 'limits', 'cpus']) ?? cpus(raw.cpus, ['cpus']);
  s.limits.memoryBytes =
    bytes(limits.memory, ['deploy', 'resources', 'limits', 'memory']) ?? bytes(raw.mem_limit, ['mem_limit']);
  const pids = intOf(limits.pids) ?? intOf(raw.pids_limit);
  if (pids !== undefined) s.limits.pids = pids;
  s.reservations.cpus = cpus(reservations.cpus, ['deploy', 'resources', 'reservations', 'cpus']);
  s.reservations.memoryBytes =
    bytes(reservations.memory, ['deploy', 'resources', 'reservations', 'memory']) ??
    bytes(raw.mem_reservation, ['mem_reservation']);
  for (const r of [s.limits, s.reservations]) {
    for (const key of Object.keys(r) as (keyof typeof r)[]) if (r[key] === undefined) delete r[key];
  }
  if (s.limits.pids !== undefined) s.ignored.push({ key: 'pids_limit', value: String(s.limits.pids) });
  if (deploy) {
    for (const key of Object.keys(deploy)) {
      if (key === 'resources' || key.startsWith('x-')) continue;
      if (key === 'restart_policy' && isRecord(deploy.restart_policy)) {
        // Swarm's restart policy; Compose honours its condition when `restart` is not set.
        const condition = text(deploy.restart_policy.condition);
        if (s.restart === undefined && condition)
          s.restart = condition === 'any' ? 'always' : condition === 'none' ? 'no' : condition;
        continue;
      }
      s.ignored.push({ key: `deploy.${key}`, value: short(deploy[key]) });
    }
    if (resources && isRecord(resources.reservations) && resources.reservations.devices !== undefined) {
      s.ignored.push({ key: 'deploy.resources.reservations.devices' });
    }
  }
  if (raw.scale !== undefined && raw.scale !== null) s.ignored.push({ key: 'scale', value: short(raw.scale) });
}

function readFileMounts(
  s: ServiceModel,
  raw: Record<string, unknown>,
  key: 'configs' | 'secrets',
  ctx: ServiceContext,
): void {
  const value = raw[key];
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    ctx.invalid([key], 'type', { field: key, expected: 'a list' });
    return;
  }
  const base = key === 'secrets' ? '/run/secrets' : '';
  value.forEach((entry, i) => {
    let mount: FileMountModel | undefined;
    if (typeof entry === 'string') mount = { source: entry, target: `${base}/${entry}` };
    else if (isRecord(entry) && typeof entry.source === 'string') {
      const target = text(entry.target) ?? entry.source;
      mount = { source: entry.source, target: target.startsWith('/') ? target : `${base}/${target}` };
      const mode =
        typeof entry.mode === 'number'
          ? entry.mode
          : typeof entry.mode === 'string'
            ? parseInt(entry.mode, 8)
            : undefined;
      if (mode !== undefined && Number.isFinite(mode)) mount.mode = mode;
      if (entry.uid !== undefined) mount.uid = text(entry.uid);
      if (entry.gid !== undefined) mount.gid = text(entry.gid);
    } else ctx.invalid([key, i], 'type', { field: key, expected: 'names or {source, target}' });
    if (mount) s[key].push(mount);
  });
}

/** One post_start / pre_stop hook that is only a command becomes a lifecycle exec handler; anything more is a note. */
function readHooks(
  s: ServiceModel,
  raw: Record<string, unknown>,
  _ctx: ServiceContext,
  ignore: (key: string, value?: string) => void,
): void {
  for (const [key, field] of [
    ['post_start', 'postStart'],
    ['pre_stop', 'preStop'],
  ] as const) {
    const hooks = raw[key];
    if (!Array.isArray(hooks) || hooks.length === 0) continue;
    const [hook] = hooks;
    const command = isRecord(hook) ? hook.command : undefined;
    const words =
      typeof command === 'string'
        ? (() => {
            const split = shellWords(command);
            return split.ok ? split.words : undefined;
          })()
        : Array.isArray(command)
          ? command.map((w) => text(w) ?? '')
          : undefined;
    const plain = isRecord(hook) && Object.keys(hook).every((k) => k === 'command');
    if (hooks.length === 1 && plain && words && words.length > 0) s[field] = words;
    else ignore(key, `${hooks.length} hook(s)`);
  }
}

export type { IgnoredField };
