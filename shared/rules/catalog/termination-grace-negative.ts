// TERMINATION_GRACE_NEGATIVE: a negative grace period is accepted but treated as 1 second.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

export const terminationGraceNegative: Rule = {
  code: 'TERMINATION_GRACE_NEGATIVE',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Negative grace period',
  source: 'warningsForPodSpecAndMeta (terminationGracePeriodSeconds)',
  explanation:
    '`terminationGracePeriodSeconds` is how long the kubelet waits after SIGTERM before it kills the containers with ' +
    'SIGKILL. A negative value is accepted but treated as 1 second, which gives the app no time to shut down cleanly.',
  check(ctx, report) {
    const spec = ctx.spec;
    const value = spec.terminationGracePeriodSeconds;
    if (typeof value === 'number' && value < 0)
      report(
        'spec.terminationGracePeriodSeconds',
        msg('negative', {}, 'must be >= 0; negative values are invalid and will be treated as 1'),
        {
          fixes: [
            {
              ...fixTitle('useDefault', {}, 'Use the default (30 s)'),
              patch: [{ op: 'remove', path: '/spec/terminationGracePeriodSeconds' }],
            },
          ],
        },
      );
  },
};
