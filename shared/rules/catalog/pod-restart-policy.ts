// POD_RESTART_POLICY_INVALID: spec.restartPolicy is Always, OnFailure or Never.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

const allowed = ['Always', 'OnFailure', 'Never'];

export const podRestartPolicyInvalid: Rule = {
  code: 'POD_RESTART_POLICY_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Pod restartPolicy',
  source: 'validateRestartPolicy',
  explanation:
    '`spec.restartPolicy` says what the kubelet does when a container exits: restart it Always (the default, for ' +
    'servers), only OnFailure (for batch work), or Never. The values are case-sensitive.',
  check(ctx, report) {
    const spec = ctx.spec;
    const value = spec.restartPolicy;
    if (value === undefined || allowed.includes(value as string)) return;
    const close = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
    report(
      'spec.restartPolicy',
      msg(
        'unsupported',
        { value: JSON.stringify(value) },
        `Unsupported value: ${JSON.stringify(value)}: supported values: "Always", "OnFailure", "Never"`,
      ),
      {
        fixes: [
          {
            ...fixTitle('use', { value: close ?? 'Always' }, `Use "${close ?? 'Always'}"`),
            patch: [{ op: 'replace', path: '/spec/restartPolicy', value: close ?? 'Always' }],
          },
        ],
      },
    );
  },
};
