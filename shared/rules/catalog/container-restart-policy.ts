// CONTAINER_RESTART_POLICY_INVALID: a per-container restartPolicy exists only on init containers, and only as Always.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const containerRestartPolicyInvalid: Rule = {
  code: 'CONTAINER_RESTART_POLICY_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Container restartPolicy',
  source: 'validateInitContainers / validateContainers (restartPolicy)',
  explanation:
    'Setting `restartPolicy: Always` on an init container turns it into a sidecar: it starts before the app ' +
    'containers and keeps running beside them. That is the only per-container value Kubernetes accepts, and only on ' +
    'init containers; regular containers follow the Pod-level `spec.restartPolicy`.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const policy = c.container.restartPolicy;
      if (policy === undefined) continue;
      const fix = {
        ...fixTitle('remove', {}, 'Remove restartPolicy'),
        patch: [{ op: 'remove' as const, path: pointer('spec', c.list, c.index, 'restartPolicy') }],
      };
      if (c.list === 'containers')
        report(`${c.path}.restartPolicy`, msg('forbidden', {}, 'Forbidden: may not be set for non-init containers'), {
          fixes: [fix],
        });
      else if (policy !== 'Always')
        report(
          `${c.path}.restartPolicy`,
          msg(
            'unsupported',
            { value: JSON.stringify(policy) },
            `Unsupported value: ${JSON.stringify(policy)}: supported values: "Always"`,
          ),
          {
            fixes: [
              fix,
              {
                ...fixTitle('sidecar', {}, 'Make it a sidecar (Always)'),
                patch: [{ op: 'replace', path: pointer('spec', c.list, c.index, 'restartPolicy'), value: 'Always' }],
              },
            ],
          },
        );
    }
  },
};
