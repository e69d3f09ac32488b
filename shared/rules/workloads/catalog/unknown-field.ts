// WORKLOAD_UNKNOWN_FIELD: a field the workload's or Service's own schema does not have (down to the Pod template,
// whose spec UNKNOWN_FIELD checks), usually a typo such as `templates:` that strict decoding refuses.
import { closestField } from '../../catalog/unknown-field';
import { isRecord } from '../../context';
import { pointer } from '../../fix';
import { fixTitle, msg } from '../../message';
import type { QuickFix, Report } from '../../types';
import { checkedKinds } from '../kinds';
import type { ObjectRule } from '../object-rule';
import { objectFieldTypes } from '../schema';

function pathOf(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

function walk(value: unknown, type: string, trail: (string | number)[], report: Report): void {
  const fields = objectFieldTypes[type];
  if (!fields || !isRecord(value)) return;
  for (const key of Object.keys(value)) {
    const child = fields[key];
    if (child === null) continue;
    if (child === undefined) {
      unknown(value, key, fields, trail, report);
      continue;
    }
    const item = value[key];
    if (Array.isArray(item)) item.forEach((v, i) => walk(v, child, [...trail, key, i], report));
    else walk(item, child, [...trail, key], report);
  }
}

function unknown(
  record: Record<string, unknown>,
  key: string,
  fields: Readonly<Record<string, unknown>>,
  trail: readonly (string | number)[],
  report: Report,
): void {
  const suggestion = closestField(key, fields);
  const fixes: QuickFix[] = [
    { ...fixTitle('remove', { field: key }, `Remove ${key}`), patch: [{ op: 'remove', path: pointer(...trail, key) }] },
  ];
  if (suggestion && !Object.hasOwn(record, suggestion))
    fixes.unshift({
      ...fixTitle('rename', { value: suggestion }, `Rename to ${suggestion}`),
      patch: [
        { op: 'remove', path: pointer(...trail, key) },
        { op: 'add', path: pointer(...trail, suggestion), value: record[key] },
      ],
    });
  const field = JSON.stringify(key);
  const message = suggestion
    ? msg(
        'unknownDidYouMean',
        { field, suggestion: JSON.stringify(suggestion) },
        `unknown field ${field} (did you mean ${JSON.stringify(suggestion)}?)`,
      )
    : msg('unknown', { field }, `unknown field ${field}`);
  report(pathOf([...trail, key]), message, { fixes });
}

export const workloadUnknownField: ObjectRule = {
  code: 'WORKLOAD_UNKNOWN_FIELD',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Unknown field',
  source: 'API server field validation (strict decoding); kubectl sends fieldValidation=Strict by default',
  explanation:
    'Field names are fixed and case-sensitive. A misspelt field in a Deployment, Job or Service (`templates`, ' +
    '`replica`, `targetport`) is valid YAML, so nothing complains while you write it: kubectl, which validates strictly ' +
    'by default, refuses the object with "strict decoding error: unknown field", and a client that does not drops the ' +
    'field without a word, so the setting never takes effect.',
  kinds: checkedKinds,
  check(ctx, report) {
    walk(ctx.raw, ctx.kind, [], report);
  },
};
