// PORT_NAME_INVALID and the within-container uniqueness of port names (IANA_SVC_NAME).
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import { portNameProblem } from '../syntax';
import type { Rule } from '../types';
import { allPorts, type PortEntry } from './ports';

function namePointer(p: PortEntry): string {
  return pointer('spec', p.owner.list, p.owner.index, 'ports', p.index, 'name');
}

export const portNameInvalid: Rule = {
  code: 'PORT_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Port names',
  source: 'validateContainerPorts → IsValidPortName; Duplicate within one container',
  explanation:
    'A port name lets a Service or a probe refer to a port by meaning ("http") rather than by number. It follows the ' +
    'IANA service-name rule: at most 15 characters, lower-case letters, digits and single hyphens, at least one ' +
    'letter, no hyphen at either end. Within one container each name may be used once.',
  check(ctx, report) {
    // Ports come grouped by container, so one set, emptied when the container changes, is enough.
    let owner: unknown;
    const seen = new Set<string>();
    for (const p of allPorts(ctx)) {
      const name = p.port.name;
      if (name === undefined || name === '') continue;
      if (typeof name !== 'string') {
        report(`${p.path}.name`, msg('notString', {}, 'must be a string'));
        continue;
      }
      const problem = portNameProblem(name);
      if (problem) {
        const suggestion = name
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/-+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 15)
          .replace(/-$/, '');
        report(
          `${p.path}.name`,
          msg(
            'invalid',
            { value: JSON.stringify(name), problem },
            `Invalid value: ${JSON.stringify(name)}: ${problem}`,
          ),
          {
            fixes:
              suggestion && !portNameProblem(suggestion)
                ? [
                    {
                      ...fixTitle('rename', { value: suggestion }, `Rename to "${suggestion}"`),
                      patch: [{ op: 'replace', path: namePointer(p), value: suggestion }],
                    },
                  ]
                : [
                    {
                      ...fixTitle('removeName', {}, 'Remove the name'),
                      patch: [{ op: 'remove', path: namePointer(p) }],
                    },
                  ],
          },
        );
        continue;
      }
      if (owner !== p.owner) {
        owner = p.owner;
        seen.clear();
      }
      if (seen.has(name))
        report(
          `${p.path}.name`,
          msg('duplicate', { value: JSON.stringify(name) }, `Duplicate value: ${JSON.stringify(name)}`),
          {
            fixes: [
              {
                ...fixTitle('removeDuplicate', {}, 'Remove the duplicate name'),
                patch: [{ op: 'remove', path: namePointer(p) }],
              },
            ],
          },
        );
      seen.add(name);
    }
  },
};
