// ENV_VALUE_FROM_INVALID: valueFrom takes exactly one source, never with a value, and each source is checked
// (validateEnvVarValueFrom, with the downward API selectors shared with downwardAPI volumes).
import { msg } from '../message';
import { isRecord, list } from '../context';
import type { EnvVar } from '../../model/pod';
import { envFieldPaths, fieldSelectorProblems, resourceFieldRefProblems } from '../downward-api';
import { dns1123SubdomainProblem, isConfigMapKey } from '../syntax';
import type { Report, Rule } from '../types';

const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const;

/** validateConfigMapKeySelector / validateSecretKeySelector: the name is always checked, even when missing. */
function keySelector(ref: Record<string, unknown>, path: string, report: Report): void {
  const name = typeof ref.name === 'string' ? ref.name : '';
  const problem = dns1123SubdomainProblem(name);
  if (problem)
    report(
      `${path}.name`,
      msg('name', { value: JSON.stringify(name), problem }, `Invalid value: ${JSON.stringify(name)}: ${problem}`),
    );
  if (typeof ref.key !== 'string' || ref.key === '') report(`${path}.key`, msg('required', {}, 'Required value'));
  else if (!isConfigMapKey(ref.key))
    report(
      `${path}.key`,
      msg(
        'key',
        { value: JSON.stringify(ref.key) },
        `Invalid value: ${JSON.stringify(ref.key)}: a valid config key must consist of alphanumeric characters, '-', '_' or '.'`,
      ),
    );
}

export const envValueFromInvalid: Rule = {
  code: 'ENV_VALUE_FROM_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'env valueFrom',
  source:
    'validateEnvVarValueFrom / validateObjectFieldSelector / validateContainerResourceFieldSelector / validateConfigMapKeySelector / validateSecretKeySelector',
  explanation:
    'An environment variable either has a literal `value` or takes it `valueFrom` exactly one place: a field of the ' +
    'Pod itself (the downward API, e.g. metadata.name or status.podIP), a resource limit or request of a container ' +
    '(limits.cpu, requests.memory… with a divisor of 1 or 1m for CPU and a power of 1000 or 1024 for bytes), a key of ' +
    'a ConfigMap, or a key of a Secret. Only some Pod fields can be exposed this way, and keys must be valid ' +
    'file-name-like keys.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      list<EnvVar>(c.container.env).forEach((env, k) => {
        if (!isRecord(env) || env.valueFrom === undefined) return;
        const path = `${c.path}.env[${k}].valueFrom`;
        const from = env.valueFrom;
        if (!isRecord(from)) return void report(path, msg('object', {}, 'must be an object'));
        const set = sources.filter((s) => from[s] !== undefined);
        for (const kind of set) {
          const ref = from[kind];
          const at = `${path}.${kind}`;
          if (kind === 'fieldRef')
            for (const p of fieldSelectorProblems(ref, envFieldPaths, at)) report(p.path, p.message);
          else if (kind === 'resourceFieldRef')
            for (const p of resourceFieldRefProblems(ref, at, false)) report(p.path, p.message);
          else if (isRecord(ref)) keySelector(ref, at, report);
          else report(at, msg('object', {}, 'must be an object'));
        }
        if (set.length === 0)
          report(
            path,
            msg(
              'sourceMissing',
              {},
              'Invalid value: must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
            ),
          );
        else if (typeof env.value === 'string' && env.value !== '')
          report(path, msg('withValue', {}, 'Invalid value: may not be specified when `value` is not empty'));
        else if (set.length > 1)
          report(path, msg('sourceMany', {}, 'Invalid value: may not have more than one field specified at a time'));
      });
    }
  },
};
