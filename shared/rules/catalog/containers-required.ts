// POD_CONTAINERS_REQUIRED: a Pod needs at least one regular container.
import { fixTitle, msg } from '../message';
import { BUSYBOX } from './busybox';
import { keepRunningCommand } from './container-exits-at-once';
import { isRecord } from '../context';
import type { Rule } from '../types';

export const containersRequired: Rule = {
  code: 'POD_CONTAINERS_REQUIRED',
  severity: 'error',
  category: 'kubernetes',
  title: 'At least one container',
  source: 'validateContainers ("Required value")',
  explanation:
    'A Pod is a group of containers that share a network, IPC and UTS namespace. Without at least one container in ' +
    '`spec.containers` there is nothing to run, and init containers alone do not count: they run before the app ' +
    'containers, not instead of them.',
  check(ctx, report) {
    const spec = isRecord(ctx.pod.spec) ? ctx.pod.spec : undefined;
    const containers = spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0) {
      const hasSpec = spec !== undefined;
      report('spec.containers', msg('required', {}, 'Required value'), {
        fixes: [
          {
            ...fixTitle('addBusybox', {}, 'Add a busybox container'),
            patch: [
              {
                op: 'add',
                path: hasSpec ? '/spec/containers' : '/spec',
                value: hasSpec
                  ? [{ name: 'main', image: BUSYBOX, command: keepRunningCommand }]
                  : { containers: [{ name: 'main', image: BUSYBOX, command: keepRunningCommand }] },
              },
            ],
          },
        ],
      });
    }
  },
};
