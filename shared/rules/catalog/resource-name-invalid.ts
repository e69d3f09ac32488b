// RESOURCE_NAME_INVALID: resources are cpu, memory, ephemeral-storage, hugepages-<size>, a kubernetes.io/ name or a
// prefixed extended name.
import { fixTitle, msg, type RuleMessage } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { qualifiedNameProblem } from '../syntax';
import { resourceKind, resourceLists, writtenResource } from './resources';

/** Why validateContainerResourceName refuses a name, in its words. */
function nameMessage(name: string): RuleMessage {
  const value = JSON.stringify(name);
  const problem = qualifiedNameProblem(name);
  if (problem) return msg('qualifiedName', { value, problem }, `Invalid value: ${value}: ${problem}`);
  if (!name.includes('/'))
    return msg('notStandard', { value }, `Invalid value: ${value}: must be a standard resource for containers`);
  return msg('extended', { value }, `Invalid value: ${value}: doesn't follow extended resource name standard`);
}

export const resourceNameInvalid: Rule = {
  code: 'RESOURCE_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Resource names',
  source: 'validateContainerResourceName',
  explanation:
    'A container can request the standard resources `cpu`, `memory`, `ephemeral-storage` and `hugepages-<size>`, a ' +
    "resource in Kubernetes' own `kubernetes.io/` namespace, or an extended resource that a device plugin offers, " +
    'always written with a domain prefix (`nvidia.com/gpu`). An unprefixed name such as `disk` or `gpu` is none of ' +
    'these, so it is refused.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const lists = resourceLists(c);
      for (const list of ['limits', 'requests'] as const) {
        for (const name of Object.keys(lists[list])) {
          if (resourceKind(name) !== 'invalid') continue;
          const close = ['cpu', 'memory', 'ephemeral-storage'].find((s) => s === name.toLowerCase().trim());
          const written = writtenResource(c, list, name);
          report(`${c.path}.resources.${list}[${name}]`, nameMessage(name), {
            fixes: !written
              ? []
              : [
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
          });
        }
      }
    }
  },
};
