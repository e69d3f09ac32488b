// NODE_SELECTOR_INVALID: nodeSelector is a map of label keys to label values (ValidateLabels on spec.nodeSelector).
import { isRecord } from '../context';
import { labelMapProblems } from '../label-map';
import type { Rule } from '../types';

export const nodeSelectorInvalid: Rule = {
  code: 'NODE_SELECTOR_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Node selector',
  source: 'ValidatePodSpec → ValidateLabels (spec.nodeSelector)',
  explanation:
    '`nodeSelector` picks the nodes a Pod may run on by their labels, so each entry is a label: the key a name of at ' +
    'most 63 characters with an optional DNS prefix and "/" (such as `kubernetes.io/os`), the value empty or at most ' +
    '63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit.',
  check(ctx, report) {
    const selector = ctx.spec.nodeSelector;
    if (!isRecord(selector)) return;
    // Like LABEL_INVALID, the path names the entry; the API server says `spec.nodeSelector`.
    for (const p of labelMapProblems(selector)) report(`spec.nodeSelector.${p.key}`, p.message);
  },
};
