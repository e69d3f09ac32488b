// STATEFULSET_SERVICE_NAME: a StatefulSet's serviceName, which names the headless Service that gives each Pod its
// stable DNS name. Optional in 1.34, but when set it must be a DNS label (ValidateStatefulSetSpec); left out, the Pods
// get no per-Pod DNS names (STATEFULSET_SERVICE_NAME_MISSING, advice).
import { fixTitle, msg } from '../../message';
import { dns1123LabelProblem } from '../../syntax';
import type { ObjectRule } from '../object-rule';
import { shown } from '../read';

export const statefulSetServiceNameInvalid: ObjectRule = {
  code: 'STATEFULSET_SERVICE_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'StatefulSet service name',
  source: 'ValidateStatefulSetSpec: ValidateDNS1123Label(spec.serviceName) (1.34)',
  explanation:
    'A StatefulSet’s Pods are reached as `<pod>.<serviceName>.<namespace>.svc`, so `serviceName` must be usable as one ' +
    'part of a DNS name: lower-case letters, digits and "-", at most 63 characters, no dots.',
  kinds: ['StatefulSet'],
  check(ctx, report) {
    const name = ctx.spec.serviceName;
    if (name === undefined || name === null || name === '') return;
    const problem = typeof name === 'string' ? dns1123LabelProblem(name) : 'must be a string';
    if (problem)
      report(
        'spec.serviceName',
        msg('invalid', { value: shown(name), problem }, `Invalid value: ${shown(name)}: ${problem}`),
      );
  },
};

export const statefulSetServiceNameMissing: ObjectRule = {
  code: 'STATEFULSET_SERVICE_NAME_MISSING',
  severity: 'info',
  category: 'practice',
  title: 'StatefulSet without a governing Service',
  source: 'StatefulSet docs: the headless Service named by serviceName gives each Pod its network identity',
  explanation:
    'What sets a StatefulSet apart is that each Pod keeps its identity: `web-0`, `web-1`, each with its own storage and ' +
    'its own DNS name. The DNS names come from a headless Service (clusterIP: None) that `serviceName` names; ' +
    'Kubernetes 1.34 accepts a StatefulSet without one, but then its Pods cannot find each other by name.',
  kinds: ['StatefulSet'],
  check(ctx, report) {
    const name = ctx.spec.serviceName;
    if (name !== undefined && name !== null && name !== '') return;
    const meta = ctx.raw.metadata as Record<string, unknown> | undefined;
    const value = typeof meta?.name === 'string' && !dns1123LabelProblem(meta.name) ? meta.name : undefined;
    report('spec.serviceName', msg('missing', {}, 'no serviceName: the Pods get no stable DNS names'), {
      fixes: value
        ? [
            {
              ...fixTitle('set', { value }, `Set serviceName to "${value}"`),
              patch: [{ op: 'add', path: '/spec/serviceName', value }],
            },
          ]
        : [],
    });
  },
};
