// `extends:` the way compose-go applies it: the base service (in the same file or in `file:`, read from the side files)
// is merged under the extending one with Compose's merge rules (command/entrypoint/healthcheck.test replaced,
// environment/labels/sysctls/tmpfs/dns appended as KEY=value lists, depends_on and networks merged as mappings, other
// lists appended, mappings merged, scalars replaced), recursively, with cycles refused.
import { isRecord } from '../parse';
import { besideFile } from './files';
import { parseVolumeShort } from './syntax';

type Raw = Record<string, unknown>;

const REPLACE = new Set(['command', 'entrypoint']);
const TO_SEQUENCE = new Set([
  'annotations',
  'dns',
  'dns_opt',
  'dns_search',
  'env_file',
  'label_file',
  'environment',
  'labels',
  'sysctls',
  'tmpfs',
]);

function toSequence(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  if (isRecord(value)) {
    const out: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) out.push(k);
      else if (Array.isArray(v)) for (const item of v) out.push(`${k}=${String(item)}`);
      else out.push(`${k}=${String(v)}`);
    }
    return out.sort();
  }
  return [];
}

function toMapping(value: unknown, fill: Raw | null): Raw {
  if (isRecord(value)) return { ...value };
  if (Array.isArray(value)) {
    return Object.fromEntries(value.filter((v) => typeof v === 'string').map((k) => [k, fill ? { ...fill } : null]));
  }
  return {};
}

function keyOf(entry: unknown): string {
  if (typeof entry !== 'string') return JSON.stringify(entry);
  const eq = entry.indexOf('=');
  return eq < 0 ? entry : entry.slice(0, eq);
}

/** Later entries of the same key replace earlier ones in place (compose-go's EnforceUnicity for key=value lists). */
function uniqueByKey(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  const at = new Map<string, number>();
  for (const entry of list) {
    const key = keyOf(entry);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(entry);
    } else out[i] = entry;
  }
  return out;
}

function mergeValue(base: unknown, over: unknown, path: string[]): unknown {
  const key = path.join('.');
  if (path.length === 1 && REPLACE.has(key)) return over;
  if (key === 'healthcheck.test') return over;
  if (path.length === 1 && TO_SEQUENCE.has(key)) return uniqueByKey([...toSequence(base), ...toSequence(over)]);
  if (key === 'extra_hosts') {
    const left = toSequence(base);
    return [...left, ...toSequence(over).filter((h) => !left.includes(h))];
  }
  if (key === 'depends_on') {
    const fill = { condition: 'service_started', required: true };
    return mergeMappings(toMapping(base, fill), toMapping(over, fill), path);
  }
  if (key === 'networks') return mergeMappings(toMapping(base, null), toMapping(over, null), path);
  if (key === 'build') {
    const asMap = (v: unknown): Raw => (typeof v === 'string' ? { context: v } : isRecord(v) ? v : {});
    return mergeMappings(asMap(base), asMap(over), path);
  }
  if (over === null || over === undefined) return base;
  if (isRecord(base) && isRecord(over)) return mergeMappings(base, over, path);
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  return over;
}

function mergeMappings(base: Raw, over: Raw, path: string[]): Raw {
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = k in out ? mergeValue(out[k], v, [...path, k]) : v;
  }
  return out;
}

/** The service `over` extending `base` (both raw, interpolated). */
export function extendService(base: Raw, over: Raw): Raw {
  const merged = mergeMappings(base, over, []);
  delete merged.extends;
  return merged;
}

/**
 * A base service read from a file in `folder` (relative to the main Compose file's folder), with its relative paths
 * (env_file, bind mounts, build context, a further extends.file) rewritten to be relative to the main file.
 */
export function rebaseService(raw: Raw, folder: string): Raw {
  if (folder === '' || folder === '.') return raw;
  const out: Raw = { ...raw };
  const rebase = (p: string): string => (p.startsWith('/') || p.startsWith('~') ? p : besideFile(folder, p));
  if (typeof out.env_file === 'string') out.env_file = rebase(out.env_file);
  else if (Array.isArray(out.env_file)) {
    out.env_file = out.env_file.map((e) =>
      typeof e === 'string'
        ? rebase(e)
        : isRecord(e) && typeof e.path === 'string'
          ? { ...e, path: rebase(e.path) }
          : e,
    );
  }
  if (typeof out.build === 'string') out.build = rebase(out.build);
  else if (isRecord(out.build) && typeof out.build.context === 'string')
    out.build = { ...out.build, context: rebase(out.build.context) };
  if (isRecord(out.extends) && typeof out.extends.file === 'string')
    out.extends = { ...out.extends, file: rebase(out.extends.file) };
  if (Array.isArray(out.volumes)) {
    out.volumes = out.volumes.map((v) => {
      if (isRecord(v)) {
        return v.type === 'bind' && typeof v.source === 'string' ? { ...v, source: rebase(v.source) } : v;
      }
      if (typeof v !== 'string') return v;
      const parsed = parseVolumeShort(v);
      if (!parsed.ok || parsed.value.type !== 'bind' || !parsed.value.source) return v;
      const m = parsed.value;
      // The long form carries the rebased source without re-quoting the short syntax.
      const long: Raw = { type: 'bind', source: rebase(m.source!), target: m.target, read_only: m.readOnly };
      if (m.propagation) long.bind = { propagation: m.propagation };
      return long;
    });
  }
  return out;
}

/** The folder of a side file path ('' for the Compose file's own folder). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
