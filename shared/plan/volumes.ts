// The Pod's volumes as Docker volumes: emptyDirs (tmpfs for medium Memory), claims as volumes that outlive the Pod,
// hostPaths checked on the host, and configMap / secret / downwardAPI volumes filled with their files by a helper
// container before any app mounts them.
import { Labels } from '../model/labels';
import { memoryBytes } from '../model/quantity';
import { labelsFor, report, type PlanContext } from './context';
import { resourceField, staticFieldRef } from './field-refs';
import type { ConfigMap, KeyToPath, Secret, Volume } from './pod';
import {
  DEFAULT_INFRA_IMAGE,
  HOST_IP_PLACEHOLDER,
  POD_IP_PLACEHOLDER,
  type DockerMount,
  type HostPathCheck,
  type MessageParams,
  type VolumeHelperPlan,
  type VolumePlan,
} from './types';

type Entry = { content: string; encoding: 'utf8' | 'base64' };

export function planVolumes(ctx: PlanContext): void {
  (ctx.pod.spec?.volumes ?? []).forEach((v, i) => {
    const path = `spec.volumes[${i}]`;
    // A second volume of one name is refused by the rules; the plan keeps the first.
    if (ctx.volumes.has(v.name)) return;
    ctx.volumes.set(v.name, v);
    const labels = labelsFor(ctx, 'volume', { [Labels.volume]: v.name });
    const dockerVolume = (kind: VolumePlan['kind']): VolumePlan => ({
      volume: v.name,
      kind,
      body: { Name: ctx.names.volume(v.name, ctx.runId), Driver: 'local', Labels: labels },
      persistent: false,
    });
    if (v.emptyDir) {
      const plan = dockerVolume('emptyDir');
      if (v.emptyDir.medium === 'Memory') {
        const size = memoryBytes(v.emptyDir.sizeLimit);
        plan.body.DriverOpts = { type: 'tmpfs', device: 'tmpfs', o: `mode=1777${size ? `,size=${size}` : ''}` };
      } else if (v.emptyDir.medium) {
        report(ctx, 'VOLUME_BAD_MEDIUM', `emptyDir.medium "${v.emptyDir.medium}" cannot be made on this engine (only "" or "Memory").`, `${path}.emptyDir.medium`, {
          value: String(v.emptyDir.medium),
        });
      }
      ctx.volumePlans.set(v.name, plan);
    } else if (v.hostPath) {
      if (!v.hostPath.path?.startsWith('/')) {
        report(ctx, 'HOSTPATH_NOT_ABSOLUTE', `hostPath.path must be an absolute path, not "${v.hostPath.path}".`, `${path}.hostPath.path`, {
          value: v.hostPath.path,
        });
      } else {
        ctx.hostPaths.push({ volume: v.name, path: v.hostPath.path, type: (v.hostPath.type ?? '') as HostPathCheck['type'] });
      }
    } else if (v.configMap) {
      const source = v.configMap;
      ctx.volumePlans.set(v.name, dockerVolume('configMap'));
      const cm = ctx.companions.configMaps?.find((c) => c.metadata?.name === source.name);
      planKeyedVolume(ctx, v, `${path}.configMap`, { kind: 'ConfigMap', name: String(source.name), field: 'name' }, cm && configMapEntries(ctx, cm), source);
    } else if (v.secret) {
      const source = v.secret;
      ctx.volumePlans.set(v.name, dockerVolume('secret'));
      const secret = ctx.companions.secrets?.find((s) => s.metadata?.name === source.secretName);
      const entries = secret && secretEntries(secret, (m, params) => report(ctx, 'SECRET_BAD_DATA', m, undefined, params));
      planKeyedVolume(ctx, v, `${path}.secret`, { kind: 'Secret', name: String(source.secretName), field: 'secretName' }, entries, source);
    } else if (v.downwardAPI) {
      ctx.volumePlans.set(v.name, dockerVolume('downwardAPI'));
      planDownwardVolume(ctx, v, path);
    } else if (v.persistentVolumeClaim) {
      ctx.volumePlans.set(v.name, {
        volume: v.name,
        kind: 'persistentVolumeClaim',
        body: { Name: v.persistentVolumeClaim.claimName, Driver: 'local', Labels: { ...labels, [Labels.persistent]: 'true' } },
        persistent: true,
      });
    } else {
      const kind = Object.keys(v).find((k) => k !== 'name') ?? 'unknown';
      report(ctx, 'VOLUME_UNSUPPORTED', `Volume "${v.name}" is of type ${kind}, which Podwright cannot run on Docker.`, path, {
        name: v.name,
        kind,
      });
    }
  });
}

/**
 * A configMap or secret volume: its object's entries (all, or the items chosen) become files, or, when the design
 * does not hold the object, a problem unless the reference is optional.
 */
function planKeyedVolume(
  ctx: PlanContext,
  v: Volume,
  path: string,
  object: { kind: 'ConfigMap' | 'Secret'; name: string; field: string },
  entries: Map<string, Entry> | undefined,
  source: { items?: KeyToPath[]; defaultMode?: number; optional?: boolean },
): void {
  if (!entries) {
    if (source.optional) return;
    const code = object.kind === 'ConfigMap' ? 'CONFIGMAP_NOT_FOUND' : 'SECRET_NOT_FOUND';
    report(
      ctx,
      code,
      `Volume "${v.name}" reads ${object.kind} "${object.name}", which is not in the document. Add the ${object.kind} (kind: ${object.kind}) to the same file or design, or mark the volume optional.`,
      `${path}.${object.field}`,
      { volume: v.name, name: object.name },
    );
    return;
  }
  addFiles(ctx, v.name, path, entries, source.items, source.defaultMode ?? 0o644, object);
}

function configMapEntries(ctx: PlanContext, cm: ConfigMap): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const name = String(cm.metadata?.name);
  for (const [k, value] of Object.entries(cm.data ?? {})) entries.set(k, { content: String(value), encoding: 'utf8' });
  for (const [k, value] of Object.entries(cm.binaryData ?? {})) {
    if (entries.has(k))
      report(ctx, 'CONFIGMAP_DUPLICATE_KEY', `ConfigMap "${name}" has key "${k}" in both data and binaryData.`, undefined, {
        name,
        key: k,
      });
    entries.set(k, { content: String(value), encoding: 'base64' });
  }
  return entries;
}

function planDownwardVolume(ctx: PlanContext, v: Volume, path: string): void {
  const source = v.downwardAPI!;
  const entries = new Map<string, Entry>();
  (source.items ?? []).forEach((item, i) => {
    const itemPath = `${path}.downwardAPI.items[${i}]`;
    let value: string | undefined;
    if (item.fieldRef) {
      const field = item.fieldRef.fieldPath;
      if (field === 'metadata.labels' || field === 'metadata.annotations') {
        const map = (field === 'metadata.labels' ? ctx.pod.metadata?.labels : ctx.pod.metadata?.annotations) ?? {};
        value = Object.entries(map)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, val]) => `${k}=${JSON.stringify(val)}`)
          .join('\n');
      } else value = staticFieldRef(ctx, field);
      if (value === undefined || value.includes(POD_IP_PLACEHOLDER) || value.includes(HOST_IP_PLACEHOLDER)) {
        report(ctx, 'DOWNWARD_UNSUPPORTED', `downwardAPI field "${field}" cannot be written to a file here.`, `${itemPath}.fieldRef.fieldPath`, {
          field,
        });
        value = undefined;
      }
    } else if (item.resourceFieldRef) {
      value = resourceField(ctx, item.resourceFieldRef, undefined, itemPath);
    }
    if (value !== undefined) entries.set(item.path, { content: value, encoding: 'utf8' });
  });
  const items = [...entries.keys()].map((k) => ({ key: k, path: k, mode: source.items?.find((x) => x.path === k)?.mode }));
  addFiles(ctx, v.name, `${path}.downwardAPI`, entries, items, source.defaultMode ?? 0o644, { kind: 'downwardAPI', name: v.name });
}

function addFiles(
  ctx: PlanContext,
  volume: string,
  path: string,
  entries: Map<string, Entry>,
  items: { key: string; path: string; mode?: number }[] | undefined,
  defaultMode: number,
  source: { kind: 'ConfigMap' | 'Secret' | 'downwardAPI'; name: string },
): void {
  const dockerVolume = ctx.names.volume(volume, ctx.runId);
  const selected = items?.length
    ? items.flatMap((item, i) => {
        const entry = entries.get(item.key);
        if (!entry) {
          report(ctx, 'VOLUME_MISSING_KEY', `${source.kind} "${source.name}" has no key "${item.key}".`, `${path}.items[${i}].key`, {
            kind: source.kind,
            name: source.name,
            key: item.key,
          });
          return [];
        }
        return [{ file: item.path, mode: item.mode ?? defaultMode, at: `${path}.items[${i}].path`, ...entry }];
      })
    : [...entries].map(([key, entry]) => ({ file: key, mode: defaultMode, at: path, ...entry }));
  for (const s of selected) {
    // Files go into the volume through a tar archive: a path out of it is never written, whatever else let it by.
    if (s.file.startsWith('/') || s.file.split('/').includes('..')) {
      report(ctx, 'VOLUME_BAD_PATH', `File path "${s.file}" must be relative and must not contain "..".`, s.at, { file: s.file });
      continue;
    }
    ctx.files.push({ dockerVolume, path: s.file, content: s.content, encoding: s.encoding, mode: s.mode & 0o777 });
  }
}

export function planVolumeHelper(ctx: PlanContext): VolumeHelperPlan | undefined {
  const prepared = [...ctx.volumePlans.values()].filter((v) => v.kind !== 'persistentVolumeClaim');
  if (prepared.length === 0) return undefined;
  const mountPoints: Record<string, string> = {};
  const mounts: DockerMount[] = prepared.map((v, i) => {
    mountPoints[v.body.Name] = `/v${i}`;
    return { Type: 'volume', Source: v.body.Name, Target: `/v${i}`, VolumeOptions: { NoCopy: true } };
  });
  return {
    name: ctx.names.volumeHelper,
    mountPoints,
    worldWritable: prepared.filter((v) => v.kind === 'emptyDir').map((v) => v.body.Name),
    files: ctx.files,
    body: {
      Image: ctx.options.infraImage || DEFAULT_INFRA_IMAGE,
      Labels: labelsFor(ctx, 'volume', { [Labels.container]: 'volumes' }),
      HostConfig: { NetworkMode: 'none', Mounts: mounts, RestartPolicy: { Name: 'no' } },
    },
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A Secret's entries: data (base64, checked) then stringData, which wins as the API server merges it. */
export function secretEntries(secret: Secret, badData: (message: string, params: MessageParams) => void): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    const clean = String(v).replace(/\s+/g, '');
    if (!BASE64.test(clean) || clean.length % 4 !== 0) {
      badData(
        `Secret "${secret.metadata?.name}" key "${k}" is not valid base64 (data holds base64; use stringData for plain text).`,
        { name: String(secret.metadata?.name), key: k },
      );
      continue;
    }
    entries.set(k, { content: clean, encoding: 'base64' });
  }
  for (const [k, v] of Object.entries(secret.stringData ?? {})) entries.set(k, { content: String(v), encoding: 'utf8' });
  return entries;
}

/** base64 to text without Node's Buffer (shared/ is pure). */
export function decodeBase64Text(b64: string): string {
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
