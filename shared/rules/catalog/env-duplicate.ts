// ENV_DUPLICATE: a later env entry silently replaces an earlier one of the same name (warnings.go).
import { fixTitle, msg } from '../message';
import { isRecord, list } from '../context';
import { pointer } from '../fix';
import type { EnvVar } from '../../model/pod';
import type { Rule } from '../types';

export const envDuplicate: Rule = {
  code: 'ENV_DUPLICATE',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Duplicate environment variable',
  source: 'warningsForPodSpecAndMeta ("hides previous definition")',
  explanation:
    'When a container lists the same variable twice, the last one wins and the first is silently lost. Tools that ' +
    'merge lists by name (kubectl apply) may even drop one of them. The exception Kubernetes allows is a later value ' +
    'that builds on the earlier one, such as PATH="$(PATH):/extra".',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const seen = new Map<string, number>();
      list<EnvVar>(c.container.env).forEach((env, k) => {
        if (!isRecord(env) || typeof env.name !== 'string') return;
        const first = seen.get(env.name);
        if (first === undefined) return void seen.set(env.name, k);
        const ref = `$(${env.name})`;
        const value = typeof env.value === 'string' ? env.value : '';
        const bad = env.valueFrom != null || value === ref || !value.includes(ref);
        if (bad)
          report(
            `${c.path}.env[${k}]`,
            msg(
              'hides',
              { name: JSON.stringify(env.name) },
              `hides previous definition of ${JSON.stringify(env.name)}, which may be dropped when using apply`,
            ),
            {
              related: [`${c.path}.env[${first}]`],
              fixes: [
                {
                  ...fixTitle('removeEarlier', {}, 'Remove the earlier definition'),
                  patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'env', first) }],
                },
              ],
            },
          );
      });
    }
  },
};
