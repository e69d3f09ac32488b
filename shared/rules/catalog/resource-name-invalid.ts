// RESOURCE_NAME_INVALID: resources are cpu, memory, ephemeral-storage, hugepages-<size> or a prefixed extended name.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { resourceKind, resourceLists } from './resources';

export const resourceNameInvalid: Rule = {
  code: 'RESOURCE_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Resource names',
  source: 'validateContainerResourceName',
  explanation:
    'A container can request the standard resources `cpu`, `memory`, `ephemeral-storage` and `hugepages-<size>`, or ' +
    'an extended resource that a device plugin offers, always written with a domain prefix (`nvidia.com/gpu`). An ' +
    'unprefixed name such as `disk` or `gpu` is neither, so it is refused.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const lists = resourceLists(c);
      for (const list of ['limits', 'requests'] as const) {
        for (const name of Object.keys(lists[list])) {
          if (resourceKind(name) !== 'invalid') continue;
          const close = ['cpu', 'memory', 'ephemeral-storage'].find((s) => s === name.toLowerCase().trim());
          report(
            `${c.path}.resources.${list}[${name}]`,
            msg(
              'notStandard',
              { value: JSON.stringify(name) },
              `Invalid value: ${JSON.stringify(name)}: must be a standard resource for containers`,
            ),
            {
              fixes: [
                {
                  ...fixTitle('remove', { name }, `Remove ${name}`),
                  patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'resources', list, name) }],
                },
                ...(close
                  ? [
                      {
                        ...fixTitle('rename', { value: close }, `Rename to ${close}`),
                        patch: [
                          { op: 'remove' as const, path: pointer('spec', c.list, c.index, 'resources', list, name) },
                          {
                            op: 'add' as const,
                            path: pointer('spec', c.list, c.index, 'resources', list, close),
                            value: lists[list][name],
                          },
                        ],
                      },
                    ]
                  : []),
              ],
            },
          );
        }
      }
    }
  },
};
