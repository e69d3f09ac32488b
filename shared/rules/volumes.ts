// The checks Kubernetes runs on one volume (ValidateVolumes / validateVolumeSource), shared by the volume rules
// and by mount lookup, because a volume with any error is not registered and its mounts fail too.
import { allVolumeSources, hostPathTypes, type Volume } from '../model/pod';
import { parseQuantity } from '../model/quantity';
import { dns1123LabelProblem, localPathProblem } from './syntax';
import type { MessageParams } from './types';

export interface FieldProblem {
  path: string;
  message: string;
  kind: 'name' | 'sources' | 'source';
  /** Catalogue id of the message within the reporting rule, and its placeholders (see message.ts). */
  id: string;
  params?: MessageParams;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The sources set on a volume, in Kubernetes' field order. */
export function volumeSources(volume: Volume): string[] {
  const record = volume as Record<string, unknown>;
  return allVolumeSources.filter((source) => record[source] !== undefined && record[source] !== null);
}

function modeProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0o777
    ? undefined
    : 'must be a number between 0 and 0777 (octal), both inclusive';
}

function keyToPathProblems(items: unknown, path: string, out: FieldProblem[]): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) return void out.push({ path, message: 'must be a list', id: 'list', kind: 'source' });
  items.forEach((item: unknown, k) => {
    const at = `${path}[${k}]`;
    if (!isRecord(item)) return void out.push({ path: at, message: 'must be an object', id: 'object', kind: 'source' });
    if (typeof item.key !== 'string' || item.key === '')
      out.push({ path: `${at}.key`, message: 'Required value', id: 'required', kind: 'source' });
    if (typeof item.path !== 'string' || item.path === '')
      out.push({ path: `${at}.path`, message: 'Required value', id: 'required', kind: 'source' });
    else {
      const problem = localPathProblem(item.path);
      if (problem)
        out.push({ path: `${at}.path`, message: problem, id: 'pathProblem', params: { problem }, kind: 'source' });
    }
    const mode = modeProblem(item.mode);
    if (mode) out.push({ path: `${at}.mode`, message: mode, id: 'mode', kind: 'source' });
  });
}

function sourceProblems(source: string, value: unknown, path: string, out: FieldProblem[]): void {
  const at = `${path}.${source}`;
  if (!isRecord(value)) {
    out.push({ path: at, message: 'must be an object', id: 'object', kind: 'source' });
    return;
  }
  switch (source) {
    case 'emptyDir': {
      if (value.sizeLimit !== undefined) {
        const size = parseQuantity(value.sizeLimit);
        if (size === undefined)
          out.push({ path: `${at}.sizeLimit`, message: 'must be a quantity', id: 'quantity', kind: 'source' });
        else if (size < 0)
          out.push({
            path: `${at}.sizeLimit`,
            message: 'SizeLimit field must be a valid resource quantity',
            id: 'sizeLimit',
            kind: 'source',
          });
      }
      break;
    }
    case 'hostPath': {
      if (typeof value.path !== 'string' || value.path === '')
        out.push({ path: `${at}.path`, message: 'Required value', id: 'required', kind: 'source' });
      else if (value.path.split('/').includes('..'))
        out.push({ path: `${at}.path`, message: "must not contain '..'", id: 'dotDot', kind: 'source' });
      if (value.type !== undefined && (typeof value.type !== 'string' || !hostPathTypes.has(value.type)))
        out.push({
          path: `${at}.type`,
          message: `Unsupported value: ${JSON.stringify(value.type)}`,
          id: 'hostPathType',
          params: { value: JSON.stringify(value.type) },
          kind: 'source',
        });
      break;
    }
    case 'configMap':
    case 'secret': {
      const nameField = source === 'secret' ? 'secretName' : 'name';
      if (typeof value[nameField] !== 'string' || value[nameField] === '')
        out.push({ path: `${at}.${nameField}`, message: 'Required value', id: 'required', kind: 'source' });
      const mode = modeProblem(value.defaultMode);
      if (mode) out.push({ path: `${at}.defaultMode`, message: mode, id: 'mode', kind: 'source' });
      keyToPathProblems(value.items, `${at}.items`, out);
      break;
    }
    case 'persistentVolumeClaim':
      if (typeof value.claimName !== 'string' || value.claimName === '')
        out.push({ path: `${at}.claimName`, message: 'Required value', id: 'required', kind: 'source' });
      break;
    case 'downwardAPI': {
      const mode = modeProblem(value.defaultMode);
      if (mode) out.push({ path: `${at}.defaultMode`, message: mode, id: 'mode', kind: 'source' });
      if (Array.isArray(value.items))
        value.items.forEach((item: unknown, k) => {
          if (!isRecord(item)) return;
          const itemPath = `${at}.items[${k}].path`;
          if (typeof item.path !== 'string' || item.path === '')
            out.push({ path: itemPath, message: 'Required value', id: 'required', kind: 'source' });
          else {
            const problem = localPathProblem(item.path);
            if (problem)
              out.push({ path: itemPath, message: problem, id: 'pathProblem', params: { problem }, kind: 'source' });
          }
        });
      break;
    }
    case 'projected': {
      const mode = modeProblem(value.defaultMode);
      if (mode) out.push({ path: `${at}.defaultMode`, message: mode, id: 'mode', kind: 'source' });
      if (Array.isArray(value.sources))
        value.sources.forEach((projection: unknown, k) => {
          if (!isRecord(projection)) return;
          for (const kind of ['configMap', 'secret'] as const) {
            const ref = projection[kind];
            if (isRecord(ref)) keyToPathProblems(ref.items, `${at}.sources[${k}].${kind}.items`, out);
          }
        });
      break;
    }
    case 'gitRepo':
      if (typeof value.repository !== 'string' || value.repository === '')
        out.push({ path: `${at}.repository`, message: 'Required value', id: 'required', kind: 'source' });
      break;
  }
}

/** Every problem Kubernetes finds in this volume, with Kubernetes' paths. */
export function volumeProblems(volume: Volume, path: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (typeof volume.name !== 'string' || volume.name === '')
    out.push({ path: `${path}.name`, message: 'Required value', id: 'required', kind: 'name' });
  else {
    const problem = dns1123LabelProblem(volume.name);
    if (problem)
      out.push({
        path: `${path}.name`,
        message: `Invalid value: ${JSON.stringify(volume.name)}: ${problem}`,
        id: 'invalid',
        params: { value: JSON.stringify(volume.name), problem },
        kind: 'name',
      });
  }
  const sources = volumeSources(volume);
  if (sources.length === 0) out.push({ path, message: 'must specify a volume type', id: 'noType', kind: 'sources' });
  sources.slice(1).forEach((source) =>
    out.push({
      path: `${path}.${source}`,
      message: 'may not specify more than 1 volume type',
      id: 'manyTypes',
      kind: 'sources',
    }),
  );
  const first = sources[0];
  if (first !== undefined) sourceProblems(first, (volume as Record<string, unknown>)[first], path, out);
  return out;
}
