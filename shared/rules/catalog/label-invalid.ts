// LABEL_INVALID: metadata.labels keys must be qualified names and values short label values (ValidateLabels).
import { msg } from '../message';
import { isRecord } from '../context';
import { labelMapProblems } from '../label-map';
import type { Rule } from '../types';

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
    // The path names the label, so the inspector can put the message beside that row (the API server says
    // `metadata.labels`).
    for (const p of labelMapProblems(labels)) report(`metadata.labels.${p.key}`, p.message);
  },
};
