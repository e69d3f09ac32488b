// ENV_VALUE_FROM_INVALID: valueFrom takes exactly one source, never with a value, and only supported fieldPaths.
import { msg } from '../message';
import { isRecord, list } from '../context';
import type { EnvVar } from '../../model/pod';
import { isConfigMapKey, isDNS1123Subdomain } from '../syntax';
import type { Rule } from '../types';

const fieldPaths = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);
const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const;

export const envValueFromInvalid: Rule = {
  code: 'ENV_VALUE_FROM_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'env valueFrom',
  source:
    'validateEnvVarValueFrom / validateObjectFieldSelector / validateConfigMapKeySelector / validateSecretKeySelector',
  explanation:
    'An environment variable either has a literal `value` or takes it `valueFrom` exactly one place: a field of the ' +
    'Pod itself (the downward API, e.g. metadata.name or status.podIP), a resource limit, a key of a ConfigMap, or a ' +
    'key of a Secret. Only some Pod fields can be exposed this way, and keys must be valid file-name-like keys.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      list<EnvVar>(c.container.env).forEach((env, k) => {
        if (!isRecord(env) || env.valueFrom === undefined) return;
        const path = `${c.path}.env[${k}].valueFrom`;
        const from = env.valueFrom;
        if (!isRecord(from)) return void report(path, msg('object', {}, 'must be an object'));
        const set = sources.filter((s) => from[s] != null);
        if (set.length !== 1)
          return void report(
            path,
            msg(
              set.length === 0 ? 'sourceMissing' : 'sourceMany',
              {},
              `Invalid value: must specify ${set.length === 0 ? 'one of' : 'only one of'}: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``,
            ),
          );
        if (typeof env.value === 'string' && env.value !== '')
          report(path, msg('withValue', {}, 'Invalid value: may not be specified when `value` is not empty'));
        const kind = set[0]!;
        const ref = from[kind];
        if (!isRecord(ref)) return void report(`${path}.${kind}`, msg('object', {}, 'must be an object'));
        if (kind === 'fieldRef') {
          const fieldPath = ref.fieldPath;
          if (typeof fieldPath !== 'string' || fieldPath === '')
            report(`${path}.fieldRef.fieldPath`, msg('required', {}, 'Required value'));
          else if (/^metadata\.(labels|annotations)\['.+'\]$/.test(fieldPath)) return;
          else if (!fieldPaths.has(fieldPath))
            report(
              `${path}.fieldRef.fieldPath`,
              msg(
                'unsupported',
                { value: JSON.stringify(fieldPath), values: [...fieldPaths].map((p) => `"${p}"`).join(', ') },
                `Unsupported value: ${JSON.stringify(fieldPath)}: supported values: ${[...fieldPaths].map((p) => `"${p}"`).join(', ')}`,
              ),
            );
        } else if (kind === 'resourceFieldRef') {
          if (typeof ref.resource !== 'string' || ref.resource === '')
            report(`${path}.resourceFieldRef.resource`, msg('required', {}, 'Required value'));
        } else {
          if (typeof ref.name === 'string' && ref.name !== '' && !isDNS1123Subdomain(ref.name))
            report(
              `${path}.${kind}.name`,
              msg(
                'subdomain',
                { value: JSON.stringify(ref.name) },
                `Invalid value: ${JSON.stringify(ref.name)}: must be a DNS subdomain`,
              ),
            );
          if (typeof ref.key !== 'string' || ref.key === '')
            report(`${path}.${kind}.key`, msg('required', {}, 'Required value'));
          else if (!isConfigMapKey(ref.key))
            report(
              `${path}.${kind}.key`,
              msg(
                'key',
                { value: JSON.stringify(ref.key) },
                `Invalid value: ${JSON.stringify(ref.key)}: a valid config key must consist of alphanumeric characters, '-', '_' or '.'`,
              ),
            );
        }
      });
    }
  },
};
