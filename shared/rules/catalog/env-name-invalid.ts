// ENV_NAME_INVALID: env var names and envFrom prefixes under the 1.34 (relaxed) rule: printable ASCII, no "=".
import { msg } from '../message';
import { isRecord, list } from '../context';
import type { EnvFromSource, EnvVar } from '../../model/pod';
import { isRelaxedEnvVarName } from '../syntax';
import type { Rule } from '../types';

export const envNameInvalid: Rule = {
  code: 'ENV_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Environment variable names',
  source: 'ValidateEnv / ValidateEnvFrom (IsRelaxedEnvVarName, RelaxedEnvironmentVariableValidation GA in 1.34)',
  explanation:
    'Since Kubernetes 1.34 an environment variable name may be any printable ASCII text except "=", because "=" ' +
    'separates name and value in the process environment. Clusters older than 1.32 use the strict rule (letters, ' +
    'digits, "_", "-", "." and no leading digit), so a name that passes here may still fail there.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      list<EnvVar>(c.container.env).forEach((env, k) => {
        if (!isRecord(env)) return;
        const path = `${c.path}.env[${k}].name`;
        if (typeof env.name !== 'string' || env.name === '') report(path, msg('required', {}, 'Required value'));
        else if (!isRelaxedEnvVarName(env.name))
          report(
            path,
            msg(
              'invalid',
              { value: JSON.stringify(env.name) },
              `Invalid value: ${JSON.stringify(env.name)}: a valid environment variable name must consist only of printable ASCII characters other than '='`,
            ),
          );
      });
      list<EnvFromSource>(c.container.envFrom).forEach((source, k) => {
        if (!isRecord(source) || source.prefix === undefined || source.prefix === '') return;
        if (typeof source.prefix !== 'string' || !isRelaxedEnvVarName(source.prefix))
          report(
            `${c.path}.envFrom[${k}].prefix`,
            msg(
              'invalid',
              { value: JSON.stringify(source.prefix) },
              `Invalid value: ${JSON.stringify(source.prefix)}: a valid environment variable name must consist only of printable ASCII characters other than '='`,
            ),
          );
      });
    }
  },
};
