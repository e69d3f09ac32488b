// Compose's short and long syntaxes, each turned into its long form: ports (`[ip:][host[-range]:]container[-range][/proto]`,
// as docker/go-connections reads them), volumes (`[source:]target[:options]`, as compose-go's ParseVolume reads them),
// environment (list or map), depends_on, healthcheck, extra_hosts, string-or-list fields.
import { isRecord } from '../parse';
import type { DependsCondition, DependsModel, HealthModel, MountModel, PortModel } from './model';
import { bytesOf, durationSeconds } from './units';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A scalar as Compose reads it into a string field: numbers and booleans as their text. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** `dns: 8.8.8.8` or a list. */
export function stringOrList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  const one = text(value);
  if (one !== undefined) return [one];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    const s = text(item);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** Booleans after interpolation may be strings ("true", "yes"); compose-go casts them the YAML 1.1 way. */
export function boolOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const s = value.toLowerCase();
  if (['true', 'y', 'yes', 'on'].includes(s)) return true;
  if (['false', 'n', 'no', 'off'].includes(s)) return false;
  return undefined;
}

/** Integers after interpolation may be strings. */
export function intOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^[-+]?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

// ---------------------------------------------------------------- ports

/** At most this many ports from one range: a Pod with thousands of declared ports helps nobody. */
export const MAX_PORTS_PER_RANGE = 100;

function portNumber(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 0 && n <= 65535 ? n : undefined;
}

function portRange(s: string): [number, number] | undefined {
  if (s === '') return undefined;
  const dash = s.indexOf('-');
  const start = portNumber(dash < 0 ? s : s.slice(0, dash));
  if (start === undefined) return undefined;
  if (dash < 0 || s.slice(0, dash) === s.slice(dash + 1)) return [start, start];
  const end = portNumber(s.slice(dash + 1));
  if (end === undefined || end < start) return undefined;
  return [start, end];
}

function isIp(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split('.').every((p) => Number(p) <= 255);
  return /^[0-9a-fA-F:.]+$/.test(s) && s.includes(':');
}

export interface ShortPorts {
  ports: PortModel[];
  /** How many ports of a range were left out (over MAX_PORTS_PER_RANGE). */
  cut: number;
}

/** A short-syntax port, as `docker run -p` and compose-go read it; a range gives one port per number. */
export function parsePortShort(raw: string): Parsed<ShortPorts> {
  const parts = raw.split(':');
  let ip = '';
  let host = '';
  let container: string;
  if (parts.length === 1) container = parts[0]!;
  else if (parts.length === 2) [host, container] = [parts[0]!, parts[1]!];
  else if (parts.length === 3) [ip, host, container] = [parts[0]!, parts[1]!, parts[2]!];
  else {
    ip = parts.slice(0, -2).join(':');
    host = parts[parts.length - 2]!;
    container = parts[parts.length - 1]!;
  }
  const slash = container.indexOf('/');
  const protocol = (slash < 0 ? 'tcp' : container.slice(slash + 1) || 'tcp').toLowerCase();
  container = slash < 0 ? container : container.slice(0, slash);
  if (container === '') return bad(`no port specified: ${raw}<empty>`);
  if (!['tcp', 'udp', 'sctp'].includes(protocol)) return bad(`invalid proto: ${protocol}`);
  if (ip.startsWith('[')) {
    if (!ip.endsWith(']')) return bad(`invalid IP address ${ip}`);
    ip = ip.slice(1, -1);
  }
  if (ip !== '' && !isIp(ip)) return bad(`invalid IP address: ${ip}`);
  const targets = portRange(container);
  if (!targets) return bad(`invalid containerPort: ${container}`);
  let hosts: [number, number] | undefined;
  if (host !== '') {
    hosts = portRange(host);
    if (!hosts) return bad(`invalid hostPort: ${host}`);
    if (targets[1] - targets[0] !== hosts[1] - hosts[0] && targets[0] !== targets[1]) {
      return bad(`invalid ranges specified for container and host Ports: ${container} and ${host}`);
    }
  }
  const count = targets[1] - targets[0] + 1;
  const ports: PortModel[] = [];
  for (let i = 0; i < Math.min(count, MAX_PORTS_PER_RANGE); i++) {
    const port: PortModel = { target: targets[0] + i, protocol, raw };
    if (hosts) {
      port.published = count === 1 && hosts[0] !== hosts[1] ? `${hosts[0]}-${hosts[1]}` : String(hosts[0] + i);
    }
    if (ip) port.hostIp = ip;
    ports.push(port);
  }
  return ok({ ports, cut: Math.max(0, count - MAX_PORTS_PER_RANGE) });
}

/** A long-syntax port (`target`, `published`, `host_ip`, `protocol`, `name`, `mode`, `app_protocol`). */
export function parsePortLong(value: Record<string, unknown>): Parsed<PortModel> {
  const target = intOf(value.target);
  if (target === undefined || target < 0 || target > 65535) return bad('target must be a port number');
  const port: PortModel = { target, protocol: (text(value.protocol) ?? 'tcp').toLowerCase() };
  const published = text(value.published);
  if (published !== undefined && published !== '') {
    if (!portRange(published)) return bad(`invalid published port: ${published}`);
    port.published = published;
  }
  const hostIp = text(value.host_ip);
  if (hostIp) port.hostIp = hostIp;
  const name = text(value.name);
  if (name) port.name = name;
  return ok(port);
}

// ---------------------------------------------------------------- volumes

function isFilePath(source: string): boolean {
  if (source === '') return false;
  if ('./~'.includes(source[0]!)) return true;
  if (source.startsWith('\\\\')) return true;
  return /^[A-Za-z]:/.test(source);
}

const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);

/** A short-syntax volume: `target`, `source:target`, `source:target:options`. */
export function parseVolumeShort(spec: string): Parsed<MountModel> {
  if (spec.length === 0) return bad('invalid empty volume spec');
  const mount: MountModel = { type: 'volume', target: '', readOnly: false, ignored: [] };
  if (spec.length <= 2) return ok({ ...mount, target: spec });
  const sections: string[] = [];
  let buffer = '';
  let depth = 0;
  const chars = [...spec];
  for (let i = 0; i <= chars.length; i++) {
    const c = i < chars.length ? chars[i]! : undefined;
    if (c === '$' && chars[i + 1] === '{') {
      depth++;
      buffer += c;
      continue;
    }
    if (c === '}' && depth > 0) {
      depth--;
      buffer += c;
      continue;
    }
    // A Windows drive letter (`C:`) is part of the path.
    if (c === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) {
      buffer += c;
      continue;
    }
    if ((c === ':' || c === undefined) && depth === 0) {
      if (buffer === '') return bad(`invalid spec: ${spec}: empty section between colons`);
      sections.push(buffer);
      buffer = '';
      if (sections.length > 3) return bad(`invalid spec: ${spec}: too many colons`);
      continue;
    }
    buffer += c;
  }
  if (sections.length === 1) mount.target = sections[0]!;
  else {
    mount.source = sections[0]!;
    mount.target = sections[1]!;
  }
  for (const option of (sections[2] ?? '').split(',').filter(Boolean)) {
    if (option === 'ro') mount.readOnly = true;
    else if (option === 'rw') mount.readOnly = false;
    else if (PROPAGATIONS.has(option)) mount.propagation = option;
    else mount.ignored.push(option);
  }
  if (mount.source !== undefined && isFilePath(mount.source)) mount.type = 'bind';
  mount.target = cleanPath(mount.target);
  return ok(mount);
}

/** A long-syntax volume (`type`, `source`, `target`, `read_only`, `bind`, `volume`, `tmpfs`). */
export function parseVolumeLong(value: Record<string, unknown>): Parsed<MountModel> {
  const type = text(value.type);
  if (!type || !['volume', 'bind', 'tmpfs', 'npipe', 'image', 'cluster'].includes(type)) {
    return bad(`type must be one of volume, bind, tmpfs, npipe, image, cluster`);
  }
  const target = text(value.target);
  if (!target) return bad('target is required');
  const mount: MountModel = {
    type: type as MountModel['type'],
    target: cleanPath(target),
    readOnly: boolOf(value.read_only) ?? false,
    ignored: [],
  };
  const source = text(value.source);
  if (source) mount.source = source;
  if (value.consistency !== undefined) mount.ignored.push(`consistency ${text(value.consistency) ?? ''}`.trim());
  if (isRecord(value.bind)) {
    const propagation = text(value.bind.propagation);
    if (propagation) mount.propagation = propagation;
    if (value.bind.selinux !== undefined) mount.ignored.push(`selinux ${text(value.bind.selinux) ?? ''}`.trim());
    if (boolOf(value.bind.create_host_path) === false) mount.ignored.push('create_host_path: false');
  }
  if (isRecord(value.volume)) {
    const subpath = text(value.volume.subpath);
    if (subpath) mount.subpath = subpath;
    if (boolOf(value.volume.nocopy)) mount.ignored.push('nocopy');
  }
  if (isRecord(value.tmpfs)) {
    const bytes = bytesOf(value.tmpfs.size);
    if (bytes !== undefined) mount.size = bytes;
  }
  return ok(mount);
}

/** path.Clean for a POSIX container path. */
export function cleanPath(p: string): string {
  if (p === '') return '';
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

// ---------------------------------------------------------------- environment and friends

/**
 * `environment:` as a list (`KEY=value`, or a bare `KEY`) or a map (`KEY: value`, `KEY:` for unset). A value of
 * undefined means "take it from the environment Compose runs in, or leave it out".
 */
export function parseEnvironment(value: unknown): Parsed<[string, string | undefined][]> {
  if (value === undefined || value === null) return ok([]);
  const out: [string, string | undefined][] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = text(item);
      if (s === undefined) return bad('environment entries must be strings');
      const eq = s.indexOf('=');
      out.push(eq < 0 ? [s, undefined] : [s.slice(0, eq), s.slice(eq + 1)]);
    }
    return ok(out);
  }
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) out.push([k, undefined]);
      else {
        const s = text(v);
        if (s === undefined) return bad(`environment.${k} must be a string, number or null`);
        out.push([k, s]);
      }
    }
    return ok(out);
  }
  return bad('environment must be a list or a mapping');
}

/** `labels:` and `sysctls:` as a list of `key=value` or a map. */
export function parseKeyValues(value: unknown): Parsed<[string, string][]> {
  const parsed = parseEnvironment(value);
  if (!parsed.ok) return parsed;
  return ok(parsed.value.map(([k, v]) => [k, v ?? '']));
}

const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);

/** `depends_on:` as a list of names or a map with `condition` and `required`. */
export function parseDependsOn(value: unknown): Parsed<DependsModel[]> {
  if (value === undefined || value === null) return ok([]);
  if (Array.isArray(value)) {
    const out: DependsModel[] = [];
    for (const item of value) {
      if (typeof item !== 'string') return bad('depends_on entries must be service names');
      out.push({ service: item, condition: 'service_started', required: true });
    }
    return ok(out);
  }
  if (!isRecord(value)) return bad('depends_on must be a list or a mapping');
  const out: DependsModel[] = [];
  for (const [service, entry] of Object.entries(value)) {
    if (entry !== null && !isRecord(entry)) return bad(`depends_on.${service} must be a mapping`);
    const condition = text(entry?.condition) ?? 'service_started';
    if (!CONDITIONS.has(condition))
      return bad(`depends_on.${service}.condition "${condition}" is not one Compose knows`);
    out.push({ service, condition: condition as DependsCondition, required: boolOf(entry?.required) ?? true });
  }
  return ok(out);
}

/** `healthcheck:` with its test in any of its forms (CMD, CMD-SHELL, NONE, a plain string). */
export function parseHealthcheck(value: unknown): Parsed<HealthModel> {
  if (!isRecord(value)) return bad('healthcheck must be a mapping');
  const health: HealthModel = { disabled: boolOf(value.disable) ?? false };
  const test = value.test;
  if (typeof test === 'string') {
    if (test !== '') health.test = { kind: 'shell', command: test };
  } else if (Array.isArray(test)) {
    const words = test.map(text);
    if (words.some((w) => w === undefined)) return bad('healthcheck.test entries must be strings');
    const [kind, ...rest] = words as string[];
    if (kind === 'NONE') health.disabled = true;
    else if (kind === 'CMD') health.test = { kind: 'exec', command: rest };
    else if (kind === 'CMD-SHELL') health.test = { kind: 'shell', command: rest.join(' ') };
    else if (kind !== undefined) return bad(`healthcheck.test must start with CMD, CMD-SHELL or NONE, not "${kind}"`);
  } else if (test !== undefined && test !== null) return bad('healthcheck.test must be a string or a list');
  for (const [key, field] of [
    ['interval', 'intervalSeconds'],
    ['timeout', 'timeoutSeconds'],
    ['start_period', 'startPeriodSeconds'],
    ['start_interval', 'startIntervalSeconds'],
  ] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    const seconds = durationSeconds(value[key]);
    if (seconds === undefined) return bad(`healthcheck.${key} "${text(value[key])}" is not a duration`);
    health[field] = seconds;
  }
  if (value.retries !== undefined && value.retries !== null) {
    const retries = intOf(value.retries);
    if (retries === undefined) return bad('healthcheck.retries must be a whole number');
    health.retries = retries;
  }
  return ok(health);
}

/** `extra_hosts:` as a list (`host:ip`, `host=ip`, several IPs with commas) or a map. */
export function parseExtraHosts(value: unknown): Parsed<{ hostname: string; ip: string }[]> {
  if (value === undefined || value === null) return ok([]);
  const out: { hostname: string; ip: string }[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = text(item);
      if (s === undefined) return bad('extra_hosts entries must be strings');
      const eq = s.indexOf('=');
      const colon = s.indexOf(':');
      const at = eq >= 0 ? eq : colon;
      if (at < 0) return bad(`invalid additional host, missing IP: ${s}`);
      for (const ip of s.slice(at + 1).split(',')) out.push({ hostname: s.slice(0, at), ip: stripBrackets(ip) });
    }
    return ok(out);
  }
  if (isRecord(value)) {
    for (const [hostname, ips] of Object.entries(value)) {
      const list = Array.isArray(ips) ? ips.map((x) => text(x) ?? '') : [text(ips) ?? ''];
      for (const ip of list) out.push({ hostname, ip: stripBrackets(ip) });
    }
    return ok(out);
  }
  return bad('extra_hosts must be a list or a mapping');
}

function stripBrackets(ip: string): string {
  return ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
}
