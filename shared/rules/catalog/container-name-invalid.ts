// CONTAINER_NAME_INVALID: every container needs a name that is a DNS-1123 label.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import { dns1123LabelProblem } from '../syntax';
import type { Rule } from '../types';
import { suggestName } from './pod-name-invalid';

export const containerNameInvalid: Rule = {
  code: 'CONTAINER_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Container name',
  source: 'validateContainerCommon → ValidateDNS1123Label',
  explanation:
    'A container name is a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or ' +
    'digit, at most 63 characters, no dots. It is how `kubectl logs -c`, `kubectl exec -c` and the status of the Pod ' +
    'name the container, so Kubernetes insists on it.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const name = c.container.name;
      if (typeof name !== 'string' || name === '') {
        const value = `${c.list === 'initContainers' ? 'init' : 'container'}-${c.index + 1}`;
        report(`${c.path}.name`, msg('required', {}, 'Required value'), {
          fixes: [
            {
              ...fixTitle('nameIt', { value }, `Name it "${value}"`),
              patch: [{ op: 'add', path: pointer('spec', c.list, c.index, 'name'), value }],
            },
          ],
        });
        continue;
      }
      const problem = dns1123LabelProblem(name);
      if (!problem) continue;
      const suggestion = suggestName(name, 63, false);
      report(
        `${c.path}.name`,
        msg('invalid', { value: JSON.stringify(name), problem }, `Invalid value: ${JSON.stringify(name)}: ${problem}`),
        {
          fixes: suggestion
            ? [
                {
                  ...fixTitle('rename', { value: suggestion }, `Rename to "${suggestion}"`),
                  patch: [{ op: 'replace', path: pointer('spec', c.list, c.index, 'name'), value: suggestion }],
                },
              ]
            : [],
        },
      );
    }
  },
};
