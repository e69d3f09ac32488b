// The files a volume projects: configMap/secret items (validateKeyToPath), downwardAPI files and the sources of a
// projected volume, with the API server's paths (a downwardAPI file's errors carry no item index).
import { isRecord, list } from './context';
import { fieldSelectorProblems, resourceFieldRefProblems, volumeFieldPaths } from './downward-api';
import type { MessageParams } from './types';
import { hasBackstep } from './syntax';

export interface FileProblem {
  path: string;
  message: string;
  /** Catalogue id within VOLUME_SOURCE_INVALID, and its placeholders. */
  id: string;
  params?: MessageParams;
}

const problem = (path: string, id: string, message: string, params?: MessageParams): FileProblem => ({
  path,
  id,
  message,
  ...(params && { params }),
});

export function modeProblem(value: unknown, path: string): FileProblem[] {
  if (value === undefined) return [];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0o777
    ? []
    : [
        problem(
          path,
          'mode',
          `Invalid value: ${JSON.stringify(value)}: must be a number between 0 and 0777 (octal), both inclusive`,
          { value: JSON.stringify(value) },
        ),
      ];
}

/** ValidateLocalNonReservedPath: relative, no `..` element, and not starting with `..` (unless that was `../`). */
export function localNonReservedPathProblems(value: string, path: string): FileProblem[] {
  const out: FileProblem[] = [];
  const text = (problemText: string) =>
    problem(path, 'pathProblem', `Invalid value: ${JSON.stringify(value)}: ${problemText}`, {
      value: JSON.stringify(value),
      problem: problemText,
    });
  if (value.startsWith('/')) out.push(text('must be a relative path'));
  if (hasBackstep(value)) out.push(text("must not contain '..'"));
  if (value.startsWith('..') && !value.startsWith('../')) out.push(text("must not start with '..'"));
  return out;
}

/** validateKeyToPath for one item of a configMap, secret or projection. */
export function keyToPathProblems(item: unknown, path: string): FileProblem[] {
  if (!isRecord(item)) return [problem(path, 'object', 'must be an object')];
  const out: FileProblem[] = [];
  const filePath = typeof item.path === 'string' ? item.path : '';
  if (typeof item.key !== 'string' || item.key === '') out.push(problem(`${path}.key`, 'required', 'Required value'));
  if (filePath === '') out.push(problem(`${path}.path`, 'required', 'Required value'));
  out.push(...localNonReservedPathProblems(filePath, `${path}.path`));
  out.push(...modeProblem(item.mode, `${path}.mode`));
  return out;
}

/** validateDownwardAPIVolumeFile: `path` is the volume's (or projection's) downwardAPI path, without an item index. */
export function downwardFileProblems(file: unknown, path: string): FileProblem[] {
  if (!isRecord(file)) return [problem(path, 'object', 'must be an object')];
  const out: FileProblem[] = [];
  const filePath = typeof file.path === 'string' ? file.path : '';
  if (filePath === '') out.push(problem(`${path}.path`, 'required', 'Required value'));
  out.push(...localNonReservedPathProblems(filePath, `${path}.path`));
  const selector = (p: { path: string; message: { id: string; text: string; params: MessageParams } }) =>
    problem(p.path, p.message.id, p.message.text, p.message.params);
  if (file.fieldRef !== undefined) {
    out.push(...fieldSelectorProblems(file.fieldRef, volumeFieldPaths, `${path}.fieldRef`).map(selector));
    if (file.resourceFieldRef !== undefined)
      out.push(
        problem(
          path,
          'bothRefs',
          'Invalid value: "resource": fieldRef and resourceFieldRef can not be specified simultaneously',
        ),
      );
  } else if (file.resourceFieldRef !== undefined)
    out.push(...resourceFieldRefProblems(file.resourceFieldRef, `${path}.resourceFieldRef`, true).map(selector));
  else out.push(problem(path, 'oneOfRefs', 'Required value: one of fieldRef and resourceFieldRef is required'));
  out.push(...modeProblem(file.mode, `${path}.mode`));
  return out;
}

/** validateProjectionSources: each source one kind, paths unique across sources, token lifetimes and paths. */
export function projectionProblems(projected: Record<string, unknown>, path: string): FileProblem[] {
  const out: FileProblem[] = [];
  const seen = new Set<string>();
  // The API server names the ConfigMap or Secret of a repeated item, and the path of a repeated downwardAPI file.
  const claim = (file: string, shown: string) => {
    if (file === '') return;
    if (seen.has(file))
      out.push(
        problem(path, 'duplicatePaths', `Invalid value: ${JSON.stringify(shown)}: conflicting duplicate paths`, {
          value: JSON.stringify(shown),
        }),
      );
    seen.add(file);
  };
  list<unknown>(projected.sources).forEach((source, i) => {
    const at = `${path}.sources[${i}]`;
    if (!isRecord(source)) return;
    let kinds = 0;
    for (const [kind, nameField] of [
      ['secret', 'name'],
      ['configMap', 'name'],
    ] as const) {
      const ref = source[kind];
      if (!isRecord(ref)) continue;
      kinds++;
      if (typeof ref[nameField] !== 'string' || ref[nameField] === '')
        out.push(problem(`${at}.${kind}.${nameField}`, 'required', 'Required value'));
      list<unknown>(ref.items).forEach((item, k) => {
        out.push(...keyToPathProblems(item, `${at}.${kind}.items[${k}]`));
        if (isRecord(item) && typeof item.path === 'string')
          claim(item.path, typeof ref[nameField] === 'string' ? ref[nameField] : '');
      });
    }
    if (isRecord(source.downwardAPI)) {
      kinds++;
      for (const file of list<unknown>(source.downwardAPI.items)) {
        out.push(...downwardFileProblems(file, `${at}.downwardAPI`));
        if (isRecord(file) && typeof file.path === 'string') claim(file.path, file.path);
      }
    }
    const token = source.serviceAccountToken;
    if (isRecord(token)) {
      kinds++;
      // SetDefaults_ServiceAccountTokenProjection: an hour when unset.
      const seconds = token.expirationSeconds ?? 3600;
      if (typeof seconds === 'number' && seconds < 600)
        out.push(
          problem(
            `${at}.serviceAccountToken.expirationSeconds`,
            'tokenShort',
            `Invalid value: ${seconds}: may not specify a duration less than 10 minutes`,
            { value: seconds },
          ),
        );
      if (typeof seconds === 'number' && seconds > 2 ** 32)
        out.push(
          problem(
            `${at}.serviceAccountToken.expirationSeconds`,
            'tokenLong',
            `Invalid value: ${seconds}: may not specify a duration larger than 2^32 seconds`,
            { value: seconds },
          ),
        );
      const tokenPath = typeof token.path === 'string' ? token.path : '';
      // The API server reports a token's path on the projected volume itself.
      if (tokenPath === '') out.push(problem(`${path}.path`, 'required', 'Required value'));
      else out.push(...localNonReservedPathProblems(tokenPath, `${path}.path`));
    }
    for (const other of ['clusterTrustBundle', 'podCertificate']) if (isRecord(source[other])) kinds++;
    if (kinds > 1)
      out.push(problem(at, 'sourceKinds', 'Forbidden: may not specify more than 1 volume type per source'));
  });
  return out;
}
