// RESOURCE_QUANTITY_INVALID: quantities parse, are not negative, and extended resources are whole numbers.
import { msg } from '../message';
import { readQuantity, roundUpToMilli } from '../../model/quantity';
import type { Rule } from '../types';
import { amountProblems, resourceLists, writtenResource } from './resources';

export const resourceQuantityInvalid: Rule = {
  code: 'RESOURCE_QUANTITY_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Resource quantities',
  source: 'resource.ParseQuantity / ValidateResourceQuantityValue / validateResourceQuantityHugePageValue',
  explanation:
    'Resource amounts are Kubernetes quantities: a number with an optional suffix, such as `250m` (a quarter of a CPU ' +
    'core), `1.5`, `512Mi` (binary megabytes) or `1G` (decimal). They cannot be negative. Extended resources such as ' +
    'GPUs are whole devices, so they must be integers. Hugepages must be a whole multiple of their page size. The API ' +
    'server rounds every amount up to thousandths first (`100n` of CPU is `1m`), and a value it cannot read at all ' +
    'makes it refuse the whole Pod before it checks any field.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const lists = resourceLists(c);
      for (const list of ['limits', 'requests'] as const) {
        for (const [name, raw] of Object.entries(lists[list])) {
          // A null decodes as the zero quantity.
          if (raw === null) continue;
          const path = `${c.path}.resources.${list}[${name}]`;
          const read = readQuantity(raw);
          if (typeof read === 'string') {
            // The API server refuses the whole body (400) before validation, so it names no field: it is reported
            // where it was written, not again on the request defaulting would copy it into.
            if (!writtenResource(c, list, name)) continue;
            report(
              path,
              read === 'suffix'
                ? msg(
                    'suffix',
                    { value: JSON.stringify(raw) },
                    `Invalid value: ${JSON.stringify(raw)}: unable to parse quantity's suffix`,
                  )
                : msg(
                    'syntax',
                    { value: JSON.stringify(raw) },
                    `Invalid value: ${JSON.stringify(raw)}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
                  ),
            );
            continue;
          }
          for (const m of amountProblems(name, raw, roundUpToMilli(read.nanos))) report(path, m);
        }
      }
    }
  },
};
