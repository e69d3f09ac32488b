// RESOURCE_FRACTIONAL_BYTES: memory and ephemeral-storage in fractions of a byte ("100m" of memory).
import { msg } from '../message';
import { nanosPerUnit } from '../../model/quantity';
import type { Rule } from '../types';
import { containerQuantity, resourceLists } from './resources';

export const resourceFractionalBytes: Rule = {
  code: 'RESOURCE_FRACTIONAL_BYTES',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Fractional bytes',
  source: 'warningsForPodSpecAndMeta ("fractional byte value")',
  explanation:
    'The suffix "m" means one thousandth, which is right for CPU (`500m` is half a core) but nonsense for memory: ' +
    '`memory: 128m` is 0.128 bytes, not 128 megabytes. Kubernetes warns because this is nearly always a typo for ' +
    '`128Mi` or `128M`.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const lists = resourceLists(c);
      for (const list of ['limits', 'requests'] as const)
        for (const name of ['memory', 'ephemeral-storage']) {
          const raw = lists[list][name];
          const value = containerQuantity(raw);
          // MilliValue()%1000 of the amount rounded up to thousandths, as warnings.go reads it.
          if (value !== undefined && value % nanosPerUnit !== 0n)
            report(
              `${c.path}.resources.${list}[${name}]`,
              msg(
                'fractional',
                { value: JSON.stringify(String(raw)) },
                `fractional byte value ${JSON.stringify(String(raw))} is invalid, must be an integer`,
              ),
            );
        }
    }
  },
};
