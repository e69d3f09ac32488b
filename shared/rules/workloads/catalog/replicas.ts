// WORKLOAD_REPLICAS_INVALID: spec.replicas that is not a whole number from 0 up (a string such as `asd"` does not
// even decode into the int32 field; a negative count fails ValidateNonnegativeField).
import { fixTitle, msg } from '../../message';
import type { ObjectRule } from '../object-rule';
import { nonNegativeInt32Problem, shown } from '../read';

/** The kinds with a replica count (a DaemonSet runs one Pod per node, a Job counts completions instead). */
const replicaKinds = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

export const numberTexts = {
  notInteger: 'must be an integer',
  negative: 'must be greater than or equal to 0',
  tooLarge: 'must be at most 2147483647 (a 32-bit integer)',
} as const;

export const workloadReplicasInvalid: ObjectRule = {
  code: 'WORKLOAD_REPLICAS_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Replicas',
  source: 'JSON decoding into int32, then ValidateNonnegativeField(spec.replicas) (1.34)',
  explanation:
    '`replicas` is how many copies of the Pod the controller keeps running: a whole number, 0 or more (0 stops every ' +
    'copy but keeps the object). YAML reads `replicas: "3"` or `replicas: three` as text, which the API server cannot ' +
    'decode into a number, so it refuses the whole object. Left out, it is 1.',
  kinds: replicaKinds,
  check(ctx, report) {
    if (!('replicas' in ctx.spec) || ctx.spec.replicas === null) return;
    const value = ctx.spec.replicas;
    const problem = nonNegativeInt32Problem(value);
    if (!problem) return;
    const asNumber = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
    const suggested = asNumber !== undefined && asNumber <= 2147483647 ? asNumber : 1;
    report(
      'spec.replicas',
      msg(problem, { value: shown(value) }, `Invalid value: ${shown(value)}: ${numberTexts[problem]}`),
      {
        fixes: [
          {
            ...fixTitle('set', { value: suggested }, `Set replicas to ${suggested}`),
            patch: [{ op: 'replace', path: '/spec/replicas', value: suggested }],
          },
        ],
      },
    );
  },
};
