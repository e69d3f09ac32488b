// The downward API selectors, checked the same way for env valueFrom and for downwardAPI volume files:
// validateObjectFieldSelector and validateContainerResourceFieldSelector (with its divisors).
import { exactQuantity, nanosPerUnit, type ExactQuantity } from '../model/quantity';
import { isRecord } from './context';
import { msg, type RuleMessage } from './message';
import { qualifiedNameProblem } from './syntax';

export interface SelectorProblem {
  path: string;
  message: RuleMessage;
}

/** What env may read (validEnvDownwardAPIFieldPathExpressions). */
export const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** What a downwardAPI volume file may read (validVolumeDownwardAPIFieldPathExpressions). */
export const volumeFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
];

/** Every field label ConvertDownwardAPIFieldLabel knows for v1; anything else fails conversion. */
const convertible = new Set([
  ...envFieldPaths,
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
]);

const none: SelectorProblem[] = [];
const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** `metadata.labels['key']` → [path, key] (fieldpath.SplitMaybeSubscriptedPath). */
function subscripted(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const at = fieldPath.indexOf("['");
  if (at <= 0) return undefined;
  return [fieldPath.slice(0, at), fieldPath.slice(at + 2, -2)];
}

/** validateObjectFieldSelector after defaulting (an empty apiVersion is v1 by then). */
export function fieldSelectorProblems(ref: unknown, allowed: readonly string[], path: string): SelectorProblem[] {
  if (!isRecord(ref)) return [{ path, message: msg('object', {}, 'must be an object') }];
  const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : '';
  const fieldPath = typeof ref.fieldPath === 'string' ? ref.fieldPath : '';
  // The common case, first and without allocating: a v1 field from the list.
  if (apiVersion === 'v1' && allowed.includes(fieldPath)) return none;
  if (apiVersion === '') return [{ path: `${path}.apiVersion`, message: msg('required', {}, 'Required value') }];
  if (fieldPath === '') return [{ path: `${path}.fieldPath`, message: msg('required', {}, 'Required value') }];
  // Built only when needed: this runs for every env var of every container on each keystroke.
  const convert = () => {
    const value = JSON.stringify(fieldPath);
    return [
      {
        path: `${path}.fieldPath`,
        message: msg('convert', { value }, `Invalid value: ${value}: error converting fieldPath`),
      },
    ];
  };
  if (apiVersion !== 'v1') return convert();
  const sub = subscripted(fieldPath);
  if (sub) {
    const [base, key] = sub;
    if (base !== 'metadata.labels' && base !== 'metadata.annotations') return convert();
    // Annotation keys are case-insensitive; label keys are not.
    const problem = qualifiedNameProblem(base === 'metadata.annotations' ? key.toLowerCase() : key);
    return problem
      ? [
          {
            path,
            message: msg(
              'subscript',
              { value: JSON.stringify(key), problem },
              `Invalid value: ${JSON.stringify(key)}: ${problem}`,
            ),
          },
        ]
      : [];
  }
  const resolved = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!convertible.has(resolved) && fieldPath !== 'spec.host') return convert();
  if (allowed.includes(resolved)) return [];
  const values = quoted([...allowed].sort());
  return [
    {
      path: `${path}.fieldPath`,
      message: msg(
        'unsupported',
        { value: JSON.stringify(resolved), values },
        `Unsupported value: ${JSON.stringify(resolved)}: supported values: ${values}`,
      ),
    },
  ];
}

const resourceFields = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

/**
 * The text Quantity.String() gives a divisor, for the few values a divisor may take (1, 1m, 1k…1E, 1Ki…1Ei);
 * undefined for anything else.
 */
export function divisorText(q: ExactQuantity): string | undefined {
  const n = q.nanos;
  if (n === nanosPerUnit) return '1';
  if (n === nanosPerUnit / 1000n && q.format !== 'DecimalExponent') return '1m';
  // A binary quantity below 1024 is shown in decimal.
  const decimal = q.format === 'DecimalSI' || (q.format === 'BinarySI' && n < 1024n * nanosPerUnit);
  if (decimal)
    for (const [suffix, power] of [
      ['k', 3n],
      ['M', 6n],
      ['G', 9n],
      ['T', 12n],
      ['P', 15n],
      ['E', 18n],
    ] as const)
      if (n === 10n ** power * nanosPerUnit) return `1${suffix}`;
  if (q.format === 'BinarySI')
    for (const [suffix, power] of [
      ['Ki', 10n],
      ['Mi', 20n],
      ['Gi', 30n],
      ['Ti', 40n],
      ['Pi', 50n],
      ['Ei', 60n],
    ] as const)
      if (n === 2n ** power * nanosPerUnit) return `1${suffix}`;
  return undefined;
}

const byteDivisors = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

/** validateContainerResourceDivisor: cpu takes 1 or 1m; bytes take 1 or a power of 1000 or 1024. */
function divisorProblem(resource: string, raw: unknown, path: string): SelectorProblem[] {
  if (raw === undefined) return [];
  const q = exactQuantity(raw);
  if (q === undefined)
    return [
      {
        path: `${path}.divisor`,
        message: msg(
          'quantity',
          { value: JSON.stringify(raw) },
          `Invalid value: ${JSON.stringify(raw)}: must be a quantity`,
        ),
      },
    ];
  // A zero divisor counts as unset.
  if (q.nanos === 0n) return [];
  const text = divisorText(q);
  const value = JSON.stringify(resource);
  if (resource === 'limits.cpu' || resource === 'requests.cpu')
    return text === '1' || text === '1m'
      ? []
      : [
          {
            path: `${path}.divisor`,
            message: msg(
              'divisorCpu',
              { value },
              `Invalid value: ${value}: only divisor's values 1m and 1 are supported with the cpu resource`,
            ),
          },
        ];
  const kind = resource.endsWith('.memory')
    ? 'divisorMemory'
    : resource.endsWith('.ephemeral-storage')
      ? 'divisorStorage'
      : /^(limits|requests)\.hugepages-/.test(resource)
        ? 'divisorHugepages'
        : undefined;
  if (kind === undefined || (text !== undefined && byteDivisors.includes(text))) return [];
  const what = { divisorMemory: 'memory', divisorStorage: 'local ephemeral storage', divisorHugepages: 'hugepages' }[
    kind
  ];
  return [
    {
      path: `${path}.divisor`,
      message: msg(
        kind,
        { value },
        `Invalid value: ${value}: only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the ${what} resource`,
      ),
    },
  ];
}

/** validateContainerResourceFieldSelector; a volume file must also name its container. */
export function resourceFieldRefProblems(ref: unknown, path: string, volume: boolean): SelectorProblem[] {
  if (!isRecord(ref)) return [{ path, message: msg('object', {}, 'must be an object') }];
  const resource = typeof ref.resource === 'string' ? ref.resource : '';
  const out: SelectorProblem[] = [];
  if (volume && (typeof ref.containerName !== 'string' || ref.containerName === ''))
    out.push({ path: `${path}.containerName`, message: msg('required', {}, 'Required value') });
  else if (resource === '') out.push({ path: `${path}.resource`, message: msg('required', {}, 'Required value') });
  else if (!resourceFields.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
    const values = quoted(resourceFields);
    out.push({
      path: `${path}.resource`,
      message: msg(
        'unsupported',
        { value: JSON.stringify(resource), values },
        `Unsupported value: ${JSON.stringify(resource)}: supported values: ${values}`,
      ),
    });
  }
  out.push(...divisorProblem(resource, ref.divisor, path));
  return out;
}
