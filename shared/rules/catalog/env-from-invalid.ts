// ENV_FROM_INVALID: each envFrom entry names exactly one ConfigMap or Secret.
import { msg } from '../message';
import { isRecord, list } from '../context';
import type { EnvFromSource } from '../../model/pod';
import { isDNS1123Subdomain } from '../syntax';
import type { Rule } from '../types';

export const envFromInvalid: Rule = {
  code: 'ENV_FROM_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'envFrom',
  source: 'ValidateEnvFrom / validateConfigMapEnvSource / validateSecretEnvSource',
  explanation:
    '`envFrom` turns every key of one ConfigMap or one Secret into environment variables. Each entry names exactly ' +
    'one of them (`configMapRef` or `secretRef`) by a valid object name. Kubernetes reports a wrong count on the ' +
    'envFrom list itself, without an index.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      list<EnvFromSource>(c.container.envFrom).forEach((source, k) => {
        if (!isRecord(source)) return;
        const refs = (['configMapRef', 'secretRef'] as const).filter((r) => source[r] != null);
        if (refs.length !== 1) {
          report(
            `${c.path}.envFrom`,
            msg(
              refs.length === 0 ? 'none' : 'many',
              { index: k },
              `Invalid value: may not have ${refs.length === 0 ? 'no' : 'more than one'} field specified at a time (envFrom[${k}])`,
            ),
          );
          return;
        }
        const kind = refs[0]!;
        const ref = source[kind];
        const path = `${c.path}.envFrom[${k}].${kind}.name`;
        const name = isRecord(ref) ? ref.name : undefined;
        if (typeof name !== 'string' || name === '') report(path, msg('required', {}, 'Required value'));
        else if (!isDNS1123Subdomain(name))
          report(
            path,
            msg(
              'subdomain',
              { value: JSON.stringify(name) },
              `Invalid value: ${JSON.stringify(name)}: must be a DNS subdomain`,
            ),
          );
      });
    }
  },
};
