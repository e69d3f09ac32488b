// A map of labels (metadata.labels, spec.nodeSelector) as ValidateLabels checks it: each key a qualified name,
// each value a label value (a null value decodes as "").
import { msg, type RuleMessage } from './message';
import { labelValueProblem, qualifiedNameProblem } from './syntax';

export function labelMapProblems(labels: Record<string, unknown>): { key: string; message: RuleMessage }[] {
  const out: { key: string; message: RuleMessage }[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem)
      out.push({
        key,
        message: msg(
          'key',
          { value: JSON.stringify(key), problem: keyProblem },
          `Invalid value: ${JSON.stringify(key)}: ${keyProblem}`,
        ),
      });
    const valueProblem = labelValueProblem(value ?? '');
    if (valueProblem)
      out.push({
        key,
        message: msg(
          'value',
          { value: JSON.stringify(value), problem: valueProblem },
          `Invalid value: ${JSON.stringify(value)}: ${valueProblem}`,
        ),
      });
  }
  return out;
}
