// WORKLOAD_RESTART_POLICY: the Pod template's restartPolicy must suit the kind: Always for the controllers that keep
// Pods running, OnFailure or Never for Jobs, which run Pods to completion. (A missing template is the reader's problem,
// WORKLOAD_TEMPLATE_MISSING.)
import { pointer } from '../../fix';
import { fixTitle, msg } from '../../message';
import type { QuickFix } from '../../types';
import { longRunningKinds, workloadKinds } from '../kinds';
import type { ObjectRule } from '../object-rule';
import { shown, valueAt } from '../read';
import { jobSpecKeys, templateKeys, templatePrefix, templateSpec } from '../workload';

const jobPolicies = '"OnFailure", "Never"';

export const workloadRestartPolicy: ObjectRule = {
  code: 'WORKLOAD_RESTART_POLICY',
  severity: 'error',
  category: 'kubernetes',
  title: 'Restart policy for the kind',
  source:
    'ValidatePodTemplateSpecForReplicaSet / ForRC / ForStatefulSet, ValidateDaemonSetSpec, validateJobSpec (1.34)',
  explanation:
    'A Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController keeps its Pods running, so their ' +
    'containers must restart Always (the default). A Job runs its Pods to completion, so it needs OnFailure (the ' +
    'kubelet restarts a failed container in place) or Never (the Job makes a new Pod, which `backoffLimit` counts), and ' +
    'the Pod default Always is refused. With a `podFailurePolicy` only Never is allowed.',
  kinds: workloadKinds,
  check(ctx, report) {
    const spec = templateSpec(ctx);
    if (!spec) return;
    const keys = [...templateKeys(ctx.kind), 'spec', 'restartPolicy'];
    const path = `${templatePrefix(ctx.kind)}.spec.restartPolicy`;
    const set = (value: string): QuickFix => ({
      ...fixTitle(
        value === 'Always' ? 'always' : value === 'OnFailure' ? 'onFailure' : 'never',
        {},
        `Set restartPolicy to ${value}`,
      ),
      patch: [{ op: 'add', path: pointer(...keys), value }],
    });
    const policy = spec.restartPolicy;
    if (longRunningKinds.includes(ctx.kind)) {
      if (policy === undefined || policy === null || policy === 'Always') return;
      report(
        path,
        msg('always', { value: shown(policy) }, `Unsupported value: ${shown(policy)}: supported values: "Always"`),
        {
          fixes: [set('Always')],
        },
      );
      return;
    }
    const failurePolicy = valueAt(ctx.raw, [...jobSpecKeys(ctx.kind), 'podFailurePolicy']);
    if (policy === undefined || policy === null || policy === '' || policy === 'Always')
      report(path, msg('jobRequired', {}, `Required value: valid values: ${jobPolicies}`), {
        fixes: [set('OnFailure'), set('Never')],
      });
    else if (policy !== 'OnFailure' && policy !== 'Never')
      report(
        path,
        msg(
          'jobUnsupported',
          { value: shown(policy) },
          `Unsupported value: ${shown(policy)}: supported values: ${jobPolicies}`,
        ),
        {
          fixes: [set('OnFailure'), set('Never')],
        },
      );
    else if (policy === 'OnFailure' && failurePolicy !== undefined && failurePolicy !== null)
      report(
        path,
        msg(
          'failurePolicy',
          {},
          'Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
        ),
        {
          fixes: [set('Never')],
        },
      );
  },
};
