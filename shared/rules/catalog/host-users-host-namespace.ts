// HOST_USERS_HOST_NAMESPACE: a Pod in its own user namespace cannot join the node's network, PID or IPC namespace.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

const switches = [
  ['hostNetwork', 'spec.hostNetwork'],
  ['hostPID', 'spec.HostPID'],
  ['hostIPC', 'spec.HostIPC'],
] as const;

export const hostUsersHostNamespace: Rule = {
  code: 'HOST_USERS_HOST_NAMESPACE',
  severity: 'error',
  category: 'kubernetes',
  title: 'hostUsers false with host namespaces',
  source: 'validateHostUsers (upstream paths spec.hostNetwork, spec.HostPID, spec.HostIPC)',
  explanation:
    '`hostUsers: false` runs the Pod in its own user namespace, so root inside is an unprivileged user outside. ' +
    "Joining the node's network, PID or IPC namespace would hand that user the node's resources again, so Kubernetes " +
    'forbids the combination.',
  check(ctx, report) {
    const spec = ctx.spec;
    if (spec.hostUsers !== false) return;
    for (const [field, path] of switches)
      if (spec[field] === true)
        report(path, msg('forbidden', {}, 'Forbidden: when `hostUsers` is false'), {
          fixes: [
            { ...fixTitle('remove', { field }, `Remove ${field}`), patch: [{ op: 'remove', path: `/spec/${field}` }] },
          ],
        });
  },
};
