// LABEL_INVALID: metadata.labels keys must be qualified names and values short label values (ValidateLabels).
import { msg } from '../message';
import { isRecord } from '../context';
import { isQualifiedName } from '../syntax';
import type { Rule } from '../types';

const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `IsValidLabelValue`: empty, or at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!labelValueRe.test(value))
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

export const labelInvalid: Rule = {
  code: 'LABEL_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Labels',
  source: 'ValidateObjectMeta → ValidateLabels (IsQualifiedName, IsValidLabelValue)',
  explanation:
    'Labels are how Services, Deployments and kubectl find a Pod ("app=web"). A key is a name of at most 63 characters ' +
    '(letters, digits, "-", "_", "."; a letter or digit at both ends), optionally after a DNS prefix and "/" such as ' +
    '"app.kubernetes.io/name". A value may be empty or follow the same pattern, also at most 63 characters.',
  check(ctx, report) {
    const meta = isRecord(ctx.pod.metadata) ? ctx.pod.metadata : undefined;
    const labels = meta?.labels;
    if (labels === undefined) return;
    if (!isRecord(labels)) {
      report('metadata.labels', msg('notMap', {}, 'must be a map of strings'));
      return;
    }
    for (const [key, value] of Object.entries(labels)) {
      // The path names the label, so the inspector can put the message beside that row.
      const path = `metadata.labels.${key}`;
      if (!isQualifiedName(key))
        report(
          path,
          msg(
            'key',
            { value: JSON.stringify(key) },
            `Invalid value: ${JSON.stringify(key)}: name part must consist of alphanumeric characters, '-', '_' or '.', ` +
              'and must start and end with an alphanumeric character, at most 63 characters (with an optional DNS subdomain prefix and "/")',
          ),
        );
      const problem = labelValueProblem(value);
      if (problem)
        report(
          path,
          msg(
            'value',
            { value: JSON.stringify(value), problem },
            `Invalid value: ${JSON.stringify(value)}: ${problem}`,
          ),
        );
    }
  },
};
