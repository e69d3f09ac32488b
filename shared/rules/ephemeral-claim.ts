// The claim template of an ephemeral volume (validateEphemeralVolumeSource → ValidatePersistentVolumeClaimTemplate):
// only labels and annotations in its metadata, and a claim spec with access modes and a positive storage request.
import { exactQuantity, roundUpToMilli } from '../model/quantity';
import { isRecord, list } from './context';
import { annotationProblems } from './annotations';
import { dns1123SubdomainProblem, labelValueProblem, qualifiedNameProblem } from './syntax';
import type { MessageParams } from './types';

export interface ClaimProblem {
  path: string;
  message: string;
  /** Catalogue id within EPHEMERAL_VOLUME_INVALID, and its placeholders. */
  id: string;
  params?: MessageParams;
}

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const volumeModes = ['Block', 'Filesystem'];
const quoted = (values: string[]) => values.map((v) => JSON.stringify(v)).join(', ');

const problem = (path: string, id: string, message: string, params?: MessageParams): ClaimProblem => ({
  path,
  id,
  message,
  ...(params && { params }),
});

/** ValidateTemplateObjectMeta: annotations and labels checked as on any object; every other field refused. */
function templateMetaProblems(meta: unknown, path: string): ClaimProblem[] {
  if (meta === undefined) return [];
  if (!isRecord(meta)) return [problem(path, 'object', 'must be an object')];
  const out: ClaimProblem[] = annotationProblems(meta.annotations, `${path}.annotations`);
  if (isRecord(meta.labels))
    for (const [key, value] of Object.entries(meta.labels)) {
      const keyProblem = qualifiedNameProblem(key);
      if (keyProblem)
        out.push(
          problem(`${path}.labels`, 'label', `Invalid value: ${JSON.stringify(key)}: ${keyProblem}`, {
            value: JSON.stringify(key),
            problem: keyProblem,
          }),
        );
      const valueProblem = labelValueProblem(value ?? '');
      if (valueProblem)
        out.push(
          problem(`${path}.labels`, 'label', `Invalid value: ${JSON.stringify(value)}: ${valueProblem}`, {
            value: JSON.stringify(value),
            problem: valueProblem,
          }),
        );
    }
  for (const [key, value] of Object.entries(meta))
    if (key !== 'labels' && key !== 'annotations' && !zero(value))
      out.push(problem(`${path}.${key}`, 'metaField', 'Forbidden: cannot be set'));
  return out;
}

/** Go's zero value: what an unset field of ObjectMeta looks like after decoding. */
function zero(value: unknown): boolean {
  if (value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** ValidatePersistentVolumeClaimSpec, the parts a Pod's claim template uses. */
function claimSpecProblems(spec: unknown, path: string): ClaimProblem[] {
  const s = isRecord(spec) ? spec : {};
  const out: ClaimProblem[] = [];
  const modes = list<unknown>(s.accessModes);
  if (modes.length === 0)
    out.push(
      problem(`${path}.accessModes`, 'accessModesRequired', 'Required value: at least 1 access mode is required'),
    );
  let once = false;
  let other = false;
  for (const mode of modes) {
    if (typeof mode !== 'string' || !accessModes.includes(mode))
      out.push(
        problem(
          `${path}.accessModes`,
          'unsupported',
          `Unsupported value: ${JSON.stringify(mode)}: supported values: ${quoted(accessModes)}`,
          {
            value: JSON.stringify(mode),
            values: quoted(accessModes),
          },
        ),
      );
    else if (mode === 'ReadWriteOncePod') once = true;
    else other = true;
  }
  if (once && other)
    out.push(
      problem(
        `${path}.accessModes`,
        'readWriteOncePod',
        'Forbidden: may not use ReadWriteOncePod with other access modes',
      ),
    );
  const requests = isRecord(s.resources) && isRecord(s.resources.requests) ? s.resources.requests : {};
  const storagePath = `${path}.resources[storage]`;
  if (!('storage' in requests)) out.push(problem(storagePath, 'required', 'Required value'));
  else {
    const storage = exactQuantity(requests.storage ?? 0);
    // SetDefaults_ResourceList rounds the template's requests up to thousandths too.
    if (storage === undefined)
      out.push(
        problem(storagePath, 'quantity', `Invalid value: ${JSON.stringify(requests.storage)}: must be a quantity`, {
          value: JSON.stringify(requests.storage),
        }),
      );
    else if (roundUpToMilli(storage.nanos) <= 0n)
      out.push(
        problem(
          storagePath,
          'positive',
          `Invalid value: ${JSON.stringify(requests.storage)}: must be greater than zero`,
          { value: JSON.stringify(requests.storage) },
        ),
      );
  }
  if (typeof s.storageClassName === 'string' && s.storageClassName !== '') {
    const nameProblem = dns1123SubdomainProblem(s.storageClassName);
    if (nameProblem)
      out.push(
        problem(
          `${path}.storageClassName`,
          'className',
          `Invalid value: ${JSON.stringify(s.storageClassName)}: ${nameProblem}`,
          {
            value: JSON.stringify(s.storageClassName),
            problem: nameProblem,
          },
        ),
      );
  }
  if (s.volumeMode !== undefined && (typeof s.volumeMode !== 'string' || !volumeModes.includes(s.volumeMode)))
    out.push(
      problem(
        `${path}.volumeMode`,
        'unsupported',
        `Unsupported value: ${JSON.stringify(s.volumeMode)}: supported values: ${quoted(volumeModes)}`,
        {
          value: JSON.stringify(s.volumeMode),
          values: quoted(volumeModes),
        },
      ),
    );
  return out;
}

/** validateEphemeralVolumeSource; `path` is `spec.volumes[i].ephemeral`. */
export function ephemeralTemplateProblems(ephemeral: Record<string, unknown>, path: string): ClaimProblem[] {
  const template = ephemeral.volumeClaimTemplate;
  const at = `${path}.volumeClaimTemplate`;
  if (template === undefined) return [problem(at, 'required', 'Required value')];
  if (!isRecord(template)) return [problem(at, 'object', 'must be an object')];
  return [
    ...templateMetaProblems(template.metadata, `${at}.metadata`),
    ...claimSpecProblems(template.spec, `${at}.spec`),
  ];
}
