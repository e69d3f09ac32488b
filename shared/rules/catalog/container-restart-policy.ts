// CONTAINER_RESTART_POLICY_IGNORED: a per-container restartPolicy other than an init container's Always is dropped.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const containerRestartPolicyIgnored: Rule = {
  code: 'CONTAINER_RESTART_POLICY_IGNORED',
  severity: 'warning',
  category: 'runtime',
  title: 'Container restartPolicy',
  source: 'dropContainerRestartRules (pkg/api/pod, ContainerRestartRules off in 1.34)',
  explanation:
    'Setting `restartPolicy: Always` on an init container turns it into a sidecar: it starts before the app ' +
    'containers and keeps running beside them. Any other per-container restartPolicy (on an app container, or ' +
    'OnFailure/Never on an init container) belongs to the ContainerRestartRules feature, which is off by default in ' +
    'Kubernetes 1.34: the API server silently drops the field, so the container follows the Pod-level ' +
    '`spec.restartPolicy` instead.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const policy = c.source.restartPolicy;
      if (policy === undefined || policy === null || (c.list === 'initContainers' && policy === 'Always')) continue;
      const remove = {
        ...fixTitle('remove', {}, 'Remove restartPolicy'),
        patch: [{ op: 'remove' as const, path: pointer('spec', c.list, c.index, 'restartPolicy') }],
      };
      const sidecar = {
        ...fixTitle('sidecar', {}, 'Make it a sidecar (Always)'),
        patch: [{ op: 'replace' as const, path: pointer('spec', c.list, c.index, 'restartPolicy'), value: 'Always' }],
      };
      report(
        `${c.path}.restartPolicy`,
        c.list === 'containers'
          ? msg('appContainer', {}, 'ignored: an app container follows the Pod-level spec.restartPolicy')
          : msg(
              'initContainer',
              { value: JSON.stringify(policy) },
              `ignored: ${JSON.stringify(policy)}; only Always (a sidecar) is kept on an init container`,
            ),
        { fixes: c.list === 'containers' ? [remove] : [remove, sidecar] },
      );
    }
  },
};
