// CONTAINER_FIELD_INVALID: enumerated container fields (imagePullPolicy, terminationMessagePolicy) take fixed values.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

const allowed = {
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
} as const;

export const containerFieldInvalid: Rule = {
  code: 'CONTAINER_FIELD_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Container enum fields',
  source: 'validatePullPolicy / validateContainerCommon (terminationMessagePolicy)',
  explanation:
    'Some container fields accept only a fixed list of values, spelled exactly (they are case-sensitive). ' +
    '`imagePullPolicy` says when the node pulls the image; `terminationMessagePolicy` says where the reason for an ' +
    'exit comes from. Anything else is refused.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      for (const [field, values] of Object.entries(allowed)) {
        const value = c.container[field];
        if (value === undefined || (values as readonly string[]).includes(value as string)) continue;
        const close = values.find((v) => typeof value === 'string' && v.toLowerCase() === value.toLowerCase());
        report(
          `${c.path}.${field}`,
          msg(
            'unsupported',
            { value: JSON.stringify(value), values: values.map((v) => `"${v}"`).join(', ') },
            `Unsupported value: ${JSON.stringify(value)}: supported values: ${values.map((v) => `"${v}"`).join(', ')}`,
          ),
          {
            fixes: close
              ? [
                  {
                    ...fixTitle('use', { value: close }, `Use "${close}"`),
                    patch: [{ op: 'replace', path: pointer('spec', c.list, c.index, field), value: close }],
                  },
                ]
              : [],
          },
        );
      }
    }
  },
};
