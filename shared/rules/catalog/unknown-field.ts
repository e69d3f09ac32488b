// UNKNOWN_FIELD: a field the v1 Pod schema does not have, usually a typo that Kubernetes would otherwise drop.
import { fixTitle, msg } from '../message';
import { podFieldTypes } from '../../model/fields';
import { pointer } from '../fix';
import type { QuickFix, Report, Rule } from '../types';

/** The keys from the Pod root to the value being walked; pushed and popped, so the walk allocates nothing. */
type Trail = (string | number)[];

/** Kubernetes' path format: `spec.containers[0].ports[1].containerport`. */
function pathOf(segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** The known field that a typo most likely meant: same letters ignoring case, or one edit (or swap) away. */
export function closestField(name: string, known: Readonly<Record<string, unknown>>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  for (const field of Object.keys(known)) {
    if (field.toLowerCase() === lower) return field;
    if (
      best === undefined &&
      Math.abs(field.length - name.length) <= 1 &&
      editDistanceAtMostOne(field.toLowerCase(), lower)
    )
      best = field;
  }
  return best;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    // One swap of neighbours ("lables" for "labels") counts as one edit.
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i) === b.slice(i + 1);
}

function walk(value: unknown, type: string, trail: Trail, report: Report): void {
  const fields = podFieldTypes[type];
  if (!fields || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = fields[key];
    if (child === null) continue;
    if (child === undefined) {
      reportUnknown(record, key, fields, trail, report);
      continue;
    }
    const item = record[key];
    trail.push(key);
    if (Array.isArray(item))
      for (let i = 0; i < item.length; i++) {
        trail.push(i);
        walk(item[i], child, trail, report);
        trail.pop();
      }
    else walk(item, child, trail, report);
    trail.pop();
  }
}

function reportUnknown(
  record: Record<string, unknown>,
  key: string,
  fields: Readonly<Record<string, unknown>>,
  trail: Trail,
  report: Report,
): void {
  const segments = [...trail];
  const suggestion = closestField(key, fields);
  const fixes: QuickFix[] = [
    {
      ...fixTitle('remove', { field: key }, `Remove ${key}`),
      patch: [{ op: 'remove', path: pointer(...segments, key) }],
    },
  ];
  if (suggestion && !Object.hasOwn(record, suggestion))
    fixes.unshift({
      ...fixTitle('rename', { value: suggestion }, `Rename to ${suggestion}`),
      patch: [
        { op: 'remove', path: pointer(...segments, key) },
        { op: 'add', path: pointer(...segments, suggestion), value: record[key] },
      ],
    });
  const message = msg(
    suggestion ? 'unknownDidYouMean' : 'unknown',
    { field: JSON.stringify(key), suggestion: suggestion ? JSON.stringify(suggestion) : '' },
    `unknown field ${JSON.stringify(key)}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ''}`,
  );
  report(pathOf([...segments, key]), message, { fixes });
}

export const unknownField: Rule = {
  code: 'UNKNOWN_FIELD',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Unknown field',
  source: 'API server field validation (strict decoding); kubectl sends fieldValidation=Strict by default',
  explanation:
    'Kubernetes objects have a fixed schema, and field names are case-sensitive. A misspelt field (`containerport`, ' +
    '`volumeMount`, `imagePullpolicy`) is not an error in YAML, so it is easy to miss: kubectl (strict validation, ' +
    'its default) refuses the Pod with "strict decoding error: unknown field", and a client without strict ' +
    'validation gets only a warning while the field is silently dropped, so the setting you wrote never takes effect.',
  check(ctx, report) {
    walk(ctx.raw, 'Pod', [], report);
  },
};
