// HOST_PID_WITH_SHARED_PROCESS_NAMESPACE: a Pod cannot share its own PID namespace and the node's at once.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

export const hostPIDWithSharedProcessNamespace: Rule = {
  code: 'HOST_PID_WITH_SHARED_PROCESS_NAMESPACE',
  severity: 'error',
  category: 'kubernetes',
  title: 'hostPID and shareProcessNamespace',
  source: 'validatePodSpecSecurityContext (path spec.securityContext.shareProcessNamespace, the internal field)',
  explanation:
    '`shareProcessNamespace: true` gives the Pod one PID namespace of its own, shared by its containers, with the ' +
    'infra container as PID 1. `hostPID: true` puts the containers in the PID namespace of the node instead. A ' +
    'process lives in exactly one PID namespace, so the two cannot both hold.',
  check(ctx, report) {
    const spec = ctx.spec;
    if (spec.shareProcessNamespace === true && spec.hostPID === true)
      report(
        'spec.securityContext.shareProcessNamespace',
        msg('both', {}, 'Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled'),
        {
          related: ['spec.hostPID'],
          fixes: [
            {
              ...fixTitle('podOnly', {}, 'Share the PID namespace inside the Pod only'),
              patch: [{ op: 'remove', path: '/spec/hostPID' }],
            },
            {
              ...fixTitle('nodeOnly', {}, "Use the node's PID namespace only"),
              patch: [{ op: 'remove', path: '/spec/shareProcessNamespace' }],
            },
          ],
        },
      );
  },
};
