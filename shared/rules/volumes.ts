// The checks Kubernetes runs on one volume (ValidateVolumes / validateVolumeSource), shared by the volume rules
// and by mount lookup, because a volume with any error is not registered and its mounts fail too.
import { hostPathTypes, type Volume } from '../model/pod';
import { exactQuantity } from '../model/quantity';
import { isRecord, list } from './context';
import { ephemeralTemplateProblems } from './ephemeral-claim';
import { dns1123LabelProblem, dns1123SubdomainProblem, hasBackstep } from './syntax';
import type { MessageParams } from './types';
import { downwardFileProblems, keyToPathProblems, modeProblem, projectionProblems } from './volume-files';

export interface FieldProblem {
  path: string;
  message: string;
  /** `name`, `sources` and `source` go to the volume name, conflict and source rules; `ephemeral` to the claim rule. */
  kind: 'name' | 'sources' | 'source' | 'ephemeral';
  /** Catalogue id of the message within the reporting rule, and its placeholders (see message.ts). */
  id: string;
  params?: MessageParams;
}

/**
 * validateVolumeSource's order: the first source set is validated, every later one is refused, under the
 * path name it uses (two are misspelt there: "downwarAPI" and "cephFS").
 */
const validationOrder: readonly (readonly [string, string])[] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** The sources set on a volume, in the order Kubernetes checks them. */
export function volumeSources(volume: Volume): string[] {
  const record = volume as Record<string, unknown>;
  return validationOrder.map(([source]) => source).filter((s) => record[s] !== undefined && record[s] !== null);
}

/** The path the API server names a second source by. */
export function conflictPath(volumePath: string, source: string): string {
  return `${volumePath}.${validationOrder.find(([s]) => s === source)?.[1] ?? source}`;
}

const fail = (path: string, id: string, message: string, params?: MessageParams): FieldProblem => ({
  path,
  message,
  kind: 'source',
  id,
  ...(params && { params }),
});

function localDescendingPathProblems(value: string, path: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const text = (problem: string) =>
    fail(path, 'pathProblem', `Invalid value: ${JSON.stringify(value)}: ${problem}`, {
      value: JSON.stringify(value),
      problem,
    });
  if (value.startsWith('/')) out.push(text('must be a relative path'));
  if (hasBackstep(value)) out.push(text("must not contain '..'"));
  return out;
}

function sourceProblems(source: string, value: unknown, path: string, out: FieldProblem[]): void {
  const at = `${path}.${source}`;
  if (!isRecord(value)) {
    out.push(fail(at, 'object', 'must be an object'));
    return;
  }
  const files = (problems: { path: string; message: string; id: string; params?: MessageParams }[]) => {
    for (const p of problems) out.push({ ...p, kind: 'source' });
  };
  switch (source) {
    case 'emptyDir': {
      if (value.sizeLimit === undefined) break;
      const size = exactQuantity(value.sizeLimit);
      const raw = JSON.stringify(value.sizeLimit);
      if (size === undefined)
        out.push(fail(`${at}.sizeLimit`, 'quantity', `Invalid value: ${raw}: must be a quantity`, { value: raw }));
      else if (size.nanos < 0n)
        out.push(fail(`${at}.sizeLimit`, 'sizeLimit', 'Forbidden: SizeLimit field must be a valid resource quantity'));
      break;
    }
    case 'hostPath': {
      // validateHostPathVolumeSource stops at a missing path: the type is not looked at then.
      if (typeof value.path !== 'string' || value.path === '') {
        out.push(fail(`${at}.path`, 'required', 'Required value'));
        break;
      }
      if (hasBackstep(value.path))
        out.push(
          fail(`${at}.path`, 'pathProblem', `Invalid value: ${JSON.stringify(value.path)}: must not contain '..'`, {
            value: JSON.stringify(value.path),
            problem: "must not contain '..'",
          }),
        );
      if (value.type !== undefined && (typeof value.type !== 'string' || !hostPathTypes.has(value.type)))
        out.push(
          fail(`${at}.type`, 'hostPathType', `Unsupported value: ${JSON.stringify(value.type)}`, {
            value: JSON.stringify(value.type),
          }),
        );
      break;
    }
    case 'gitRepo': {
      if (typeof value.repository !== 'string' || value.repository === '')
        out.push(fail(`${at}.repository`, 'required', 'Required value'));
      out.push(
        ...localDescendingPathProblems(typeof value.directory === 'string' ? value.directory : '', `${at}.directory`),
      );
      break;
    }
    case 'configMap':
    case 'secret': {
      const nameField = source === 'secret' ? 'secretName' : 'name';
      if (typeof value[nameField] !== 'string' || value[nameField] === '')
        out.push(fail(`${at}.${nameField}`, 'required', 'Required value'));
      files(modeProblem(value.defaultMode, `${at}.defaultMode`));
      if (value.items !== undefined && !Array.isArray(value.items))
        out.push(fail(`${at}.items`, 'list', 'must be a list'));
      list<unknown>(value.items).forEach((item, k) => files(keyToPathProblems(item, `${at}.items[${k}]`)));
      break;
    }
    case 'persistentVolumeClaim':
      if (typeof value.claimName !== 'string' || value.claimName === '')
        out.push(fail(`${at}.claimName`, 'required', 'Required value'));
      break;
    case 'downwardAPI':
      files(modeProblem(value.defaultMode, `${at}.defaultMode`));
      for (const file of list<unknown>(value.items)) files(downwardFileProblems(file, at));
      break;
    case 'projected':
      files(modeProblem(value.defaultMode, `${at}.defaultMode`));
      files(projectionProblems(value, at));
      break;
    case 'ephemeral':
      for (const p of ephemeralTemplateProblems(value, at)) out.push({ ...p, kind: 'ephemeral' });
      break;
  }
}

/** Every problem Kubernetes finds in this volume, with Kubernetes' paths. `podName` names the claim of an ephemeral volume. */
export function volumeProblems(volume: Volume, path: string, podName = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  const name = typeof volume.name === 'string' ? volume.name : '';
  if (name === '') out.push({ path: `${path}.name`, message: 'Required value', id: 'required', kind: 'name' });
  else {
    const problem = dns1123LabelProblem(name);
    if (problem)
      out.push({
        path: `${path}.name`,
        message: `Invalid value: ${JSON.stringify(name)}: ${problem}`,
        id: 'invalid',
        params: { value: JSON.stringify(name), problem },
        kind: 'name',
      });
  }
  const sources = volumeSources(volume);
  // Defaulting gives a volume without a source emptyDir, so this is only reached by a Pod that skipped it.
  if (sources.length === 0) out.push({ path, message: 'must specify a volume type', id: 'noType', kind: 'sources' });
  sources.slice(1).forEach((source) =>
    out.push({
      path: conflictPath(path, source),
      message: 'may not specify more than 1 volume type',
      id: 'manyTypes',
      kind: 'sources',
    }),
  );
  const first = sources[0];
  if (first !== undefined) sourceProblems(first, (volume as Record<string, unknown>)[first], path, out);
  if (first === 'ephemeral' && podName !== '' && name !== '') {
    // The claim the ephemeral volume creates is named <pod>-<volume>, and must be a valid object name.
    const claim = `${podName}-${name}`;
    const problem = dns1123SubdomainProblem(claim);
    if (problem)
      out.push({
        path: `${path}.name`,
        message: `Invalid value: ${JSON.stringify(name)}: PVC name ${JSON.stringify(claim)}: ${problem}`,
        id: 'claimName',
        params: { value: JSON.stringify(name), claim: JSON.stringify(claim), problem },
        kind: 'ephemeral',
      });
  }
  return out;
}
