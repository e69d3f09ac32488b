// INIT_CONTAINER_HOOKS_FORBIDDEN: probes and lifecycle hooks belong to long-running containers, not run-once init containers.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

const fields = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const initContainerHooksForbidden: Rule = {
  code: 'INIT_CONTAINER_HOOKS_FORBIDDEN',
  severity: 'error',
  category: 'kubernetes',
  title: 'Probes on init containers',
  source: 'validateInitContainers (Forbidden)',
  explanation:
    'A plain init container runs to completion before the app starts, so there is nothing to probe for liveness or ' +
    'readiness and no time to run hooks. Kubernetes forbids them there. A sidecar (an init container with ' +
    '`restartPolicy: Always`) keeps running, so it may have probes and hooks.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      if (c.list !== 'initContainers' || c.sidecar) continue;
      for (const field of fields) {
        if (c.container[field] === undefined) continue;
        report(
          `${c.path}.${field}`,
          msg('forbidden', {}, 'Forbidden: may not be set for init containers without restartPolicy=Always'),
          {
            fixes: [
              {
                ...fixTitle('remove', { field }, `Remove ${field}`),
                patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, field) }],
              },
              {
                ...fixTitle('sidecar', {}, 'Make it a sidecar'),
                patch: [{ op: 'add', path: pointer('spec', c.list, c.index, 'restartPolicy'), value: 'Always' }],
              },
            ],
          },
        );
      }
    }
  },
};
