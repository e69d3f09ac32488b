// Label selectors as Kubernetes reads them (metav1.LabelSelectorAsSelector and labels.Set.AsSelector): whether one
// selects a set of labels, and what is wrong with one (ValidateLabelSelector). Used by the workload checks and by the
// canvas, which draws a Service's selector edge to every Pod its selector matches.
import { isRecord } from '../../model/record';
import { labelValueProblem } from '../syntax';
import { isQualifiedName } from '../syntax';

const operators = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** The labels of an object as a plain map; anything that is not a string value is left out. */
export function labelsOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

/**
 * Whether a metav1.LabelSelector selects `labels`. An absent selector selects nothing and an empty one everything, as
 * LabelSelectorAsSelector makes them; a selector Kubernetes could not parse selects nothing.
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return false;
  if (!isRecord(selector)) return false;
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return false;
    for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  }
  const expressions = selector.matchExpressions;
  if (expressions === undefined || expressions === null) return true;
  if (!Array.isArray(expressions)) return false;
  return expressions.every((e) => requirementMatches(e, labels));
}

function requirementMatches(requirement: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(requirement) || typeof requirement.key !== 'string') return false;
  const values = Array.isArray(requirement.values) ? requirement.values : [];
  const has = Object.hasOwn(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      return has && values.includes(labels[requirement.key]);
    case 'NotIn':
      return !has || !values.includes(labels[requirement.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** True for a selector with neither matchLabels nor matchExpressions (it would select every Pod). */
export function isEmptyLabelSelector(selector: Record<string, unknown>): boolean {
  const labels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels + expressions === 0;
}

/**
 * Whether a map selector (a Service's or a ReplicationController's `selector`) selects `labels`: every pair present.
 * An empty or absent one selects nothing here: a Service without a selector gets no endpoints from Pods.
 */
export function mapSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(selector)) return false;
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

/** One thing wrong with a selector: where (below the selector's own path), what, and the offending value. */
export interface SelectorProblem {
  /** Relative to the selector: `.matchLabels`, `.matchExpressions[0].operator`... ('' for the selector itself). */
  at: string;
  id: 'notMap' | 'key' | 'value' | 'operator' | 'valuesRequired' | 'valuesForbidden' | 'requirement';
  value: string;
  /** For `value`: Kubernetes' phrase for what is wrong with it. */
  problem?: string;
}

/** ValidateLabels over a map of labels (a map selector, or a LabelSelector's matchLabels). */
export function labelMapProblems(value: unknown, at = ''): SelectorProblem[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) return [{ at, id: 'notMap', value: JSON.stringify(value) }];
  const out: SelectorProblem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!isQualifiedName(key)) out.push({ at, id: 'key', value: JSON.stringify(key) });
    const problem = labelValueProblem(v);
    if (problem) out.push({ at, id: 'value', value: JSON.stringify(v), problem });
  }
  return out;
}

/** ValidateLabelSelector with the strict options the apps/v1 kinds use. */
export function labelSelectorProblems(selector: unknown): SelectorProblem[] {
  if (!isRecord(selector)) return [{ at: '', id: 'notMap', value: JSON.stringify(selector) }];
  const out = labelMapProblems(selector.matchLabels, '.matchLabels');
  const expressions = selector.matchExpressions;
  if (expressions === undefined || expressions === null) return out;
  if (!Array.isArray(expressions)) return [...out, { at: '.matchExpressions', id: 'notMap', value: '' }];
  expressions.forEach((requirement, i) => {
    const at = `.matchExpressions[${i}]`;
    if (!isRecord(requirement)) {
      out.push({ at, id: 'requirement', value: JSON.stringify(requirement) });
      return;
    }
    const values = Array.isArray(requirement.values) ? requirement.values : [];
    const operator = requirement.operator;
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) out.push({ at: `${at}.values`, id: 'valuesRequired', value: String(operator) });
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) out.push({ at: `${at}.values`, id: 'valuesForbidden', value: String(operator) });
    } else if (typeof operator !== 'string' || !operators.has(operator)) {
      out.push({ at: `${at}.operator`, id: 'operator', value: JSON.stringify(operator ?? '') });
    }
    const key = typeof requirement.key === 'string' ? requirement.key : '';
    if (!isQualifiedName(key)) out.push({ at: `${at}.key`, id: 'key', value: JSON.stringify(key) });
    values.forEach((v, j) => {
      const problem = labelValueProblem(v);
      if (problem) out.push({ at: `${at}.values[${j}]`, id: 'value', value: JSON.stringify(v), problem });
    });
  });
  return out;
}
