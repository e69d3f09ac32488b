// TOLERATION_INVALID: tolerations name a taint key, compare with Equal or Exists, and only NoExecute may time out
// (ValidateTolerations).
import { msg } from '../message';
import { isRecord, list } from '../context';
import { labelValueProblem, qualifiedNameProblem } from '../syntax';
import type { Rule } from '../types';

const effects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const quoted = (values: string[]) => values.map((v) => JSON.stringify(v)).join(', ');

export const tolerationInvalid: Rule = {
  code: 'TOLERATION_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Tolerations',
  source: 'ValidateTolerations / validateTaintEffect',
  explanation:
    'A toleration lets the Pod onto nodes with a matching taint. `key` is a label key; an empty key with operator ' +
    '`Exists` tolerates every taint, so an empty key needs `Exists`. `Equal` (the default) compares `value`, which ' +
    'must be a label value; `Exists` ignores the value, so it must be empty. `effect` is NoSchedule, ' +
    'PreferNoSchedule or NoExecute (empty matches all), and only a NoExecute toleration may set ' +
    '`tolerationSeconds`, how long the Pod stays on a node after the taint appears.',
  check(ctx, report) {
    list<unknown>(ctx.spec.tolerations).forEach((t, i) => {
      if (!isRecord(t)) return;
      const path = `spec.tolerations[${i}]`;
      const key = typeof t.key === 'string' ? t.key : '';
      const operator = typeof t.operator === 'string' ? t.operator : '';
      const value = typeof t.value === 'string' ? t.value : '';
      const effect = typeof t.effect === 'string' ? t.effect : '';
      if (key !== '') {
        const problem = qualifiedNameProblem(key);
        if (problem)
          report(
            `${path}.key`,
            msg('key', { value: JSON.stringify(key), problem }, `Invalid value: ${JSON.stringify(key)}: ${problem}`),
          );
      } else if (operator !== 'Exists')
        report(
          `${path}.operator`,
          msg(
            'emptyKey',
            { value: JSON.stringify(operator) },
            `Invalid value: ${JSON.stringify(operator)}: operator must be Exists when \`key\` is empty, which means "match all values and all keys"`,
          ),
        );
      if (t.tolerationSeconds !== undefined && effect !== 'NoExecute')
        report(
          `${path}.effect`,
          msg(
            'seconds',
            { value: JSON.stringify(effect) },
            `Invalid value: ${JSON.stringify(effect)}: effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
          ),
        );
      if (operator === '' || operator === 'Equal') {
        const problem = labelValueProblem(value);
        if (problem)
          report(
            `${path}.operator`,
            msg(
              'value',
              { value: JSON.stringify(value), problem },
              `Invalid value: ${JSON.stringify(value)}: ${problem}`,
            ),
          );
      } else if (operator === 'Exists') {
        if (value !== '')
          report(
            `${path}.operator`,
            msg(
              'existsValue',
              { value: JSON.stringify(value) },
              `Invalid value: ${JSON.stringify(value)}: value must be empty when \`operator\` is 'Exists'`,
            ),
          );
      } else
        report(
          `${path}.operator`,
          msg(
            'operator',
            { value: JSON.stringify(operator) },
            `Unsupported value: ${JSON.stringify(operator)}: supported values: "Equal", "Exists"`,
          ),
        );
      if (effect !== '' && !effects.includes(effect))
        report(
          `${path}.effect`,
          msg(
            'effect',
            { value: JSON.stringify(effect), values: quoted(effects) },
            `Unsupported value: ${JSON.stringify(effect)}: supported values: ${quoted(effects)}`,
          ),
        );
    });
  },
};
