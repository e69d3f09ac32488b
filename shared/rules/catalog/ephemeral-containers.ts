// EPHEMERAL_CONTAINERS_FORBIDDEN: ephemeral containers are added to a running Pod, never on create.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

export const ephemeralContainersForbidden: Rule = {
  code: 'EPHEMERAL_CONTAINERS_FORBIDDEN',
  severity: 'error',
  category: 'kubernetes',
  title: 'Ephemeral containers on create',
  source: 'ValidatePodCreate ("cannot be set on create")',
  explanation:
    'Ephemeral containers are for debugging a Pod that is already running (`kubectl debug`). They are added through ' +
    'a separate subresource, so a Pod that lists them when it is created is refused.',
  check(ctx, report) {
    const spec = ctx.spec;
    const value = spec.ephemeralContainers;
    if (Array.isArray(value) && value.length > 0)
      report('spec.ephemeralContainers', msg('forbidden', {}, 'Forbidden: cannot be set on create'), {
        fixes: [
          {
            ...fixTitle('remove', {}, 'Remove ephemeralContainers'),
            patch: [{ op: 'remove', path: '/spec/ephemeralContainers' }],
          },
        ],
      });
  },
};
