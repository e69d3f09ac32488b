// RESOURCE_QUANTITY_INVALID: quantities parse, are not negative, and extended resources are whole numbers.
import { msg } from '../message';
import { parseQuantity } from '../../model/quantity';
import type { Rule } from '../types';
import { resourceKind, resourceLists } from './resources';

export const resourceQuantityInvalid: Rule = {
  code: 'RESOURCE_QUANTITY_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Resource quantities',
  source: 'ValidateResourceQuantityValue / ValidateNonnegativeQuantity / validateResourceRequirements',
  explanation:
    'Resource amounts are Kubernetes quantities: a number with an optional suffix, such as `250m` (a quarter of a CPU ' +
    'core), `1.5`, `512Mi` (binary megabytes) or `1G` (decimal). They cannot be negative. Extended resources such as ' +
    'GPUs are whole devices, so they must be integers. Hugepages must be a multiple of their page size.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const lists = resourceLists(c);
      for (const list of ['limits', 'requests'] as const) {
        for (const [name, raw] of Object.entries(lists[list])) {
          const path = `${c.path}.resources.${list}[${name}]`;
          const value = parseQuantity(raw);
          if (value === undefined) {
            report(
              path,
              msg(
                'syntax',
                { value: JSON.stringify(raw) },
                `Invalid value: ${JSON.stringify(raw)}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
              ),
            );
            continue;
          }
          if (value < 0)
            report(
              path,
              msg(
                'nonNegative',
                { value: JSON.stringify(raw) },
                `Invalid value: ${JSON.stringify(raw)}: must be greater than or equal to 0`,
              ),
            );
          const kind = resourceKind(name);
          if (kind === 'extended' && !Number.isInteger(value))
            report(
              path,
              msg(
                'integer',
                { value: JSON.stringify(raw) },
                `Invalid value: ${JSON.stringify(raw)}: must be an integer`,
              ),
            );
          if (kind === 'hugepages') {
            const page = parseQuantity(name.slice('hugepages-'.length));
            if (page === undefined || page <= 0)
              report(
                path,
                msg(
                  'hugepagesSize',
                  { value: JSON.stringify(name) },
                  `Invalid value: ${JSON.stringify(name)}: must be a valid hugepages size`,
                ),
              );
            else if (value % page !== 0)
              report(
                path,
                msg(
                  'multiple',
                  { value: JSON.stringify(raw), size: name.slice(10) },
                  `Invalid value: ${JSON.stringify(raw)}: must be a multiple of ${name.slice(10)}`,
                ),
              );
          }
        }
      }
    }
  },
};
