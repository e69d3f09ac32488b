// POD_NAME_INVALID: metadata.name (or generateName) must be a DNS-1123 subdomain; a namespace must be a label.
import { fixTitle, msg } from '../message';
import { isRecord, text } from '../context';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../syntax';
import type { Rule } from '../types';

export const podNameInvalid: Rule = {
  code: 'POD_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Pod name',
  source: 'ValidateObjectMeta / ValidatePodName (NameIsDNSSubdomain)',
  explanation:
    'Every Kubernetes object needs a name that can become part of a DNS name: lower-case letters, digits, "-" and ".", ' +
    'starting and ending with a letter or digit, at most 253 characters. The name is how kubectl, Services and logs ' +
    'refer to the Pod. A namespace, if given, follows the stricter label rule (no dots, at most 63 characters).',
  check(ctx, report) {
    const meta = isRecord(ctx.pod.metadata) ? ctx.pod.metadata : {};
    const name = text(meta.name);
    const generateName = text(meta.generateName);
    if (!name && !generateName) {
      report('metadata.name', msg('required', {}, 'Required value: name or generateName is required'), {
        fixes: [
          {
            ...fixTitle('nameMyPod', {}, 'Name the Pod "my-pod"'),
            patch: [
              isRecord(ctx.raw.metadata)
                ? { op: 'add', path: '/metadata/name', value: 'my-pod' }
                : { op: 'add', path: '/metadata', value: { name: 'my-pod' } },
            ],
          },
        ],
      });
    } else if (name) {
      const problem = dns1123SubdomainProblem(name);
      if (problem) {
        const suggestion = suggestName(name, 253);
        report(
          'metadata.name',
          msg(
            'invalid',
            { value: JSON.stringify(name), problem },
            `Invalid value: ${JSON.stringify(name)}: ${problem}`,
          ),
          {
            fixes: suggestion
              ? [
                  {
                    ...fixTitle('rename', { value: suggestion }, `Rename to "${suggestion}"`),
                    patch: [{ op: 'replace', path: '/metadata/name', value: suggestion }],
                  },
                ]
              : [],
          },
        );
      }
    } else if (generateName) {
      // generateName is a prefix; Kubernetes appends 5 random characters, so validate it with one appended.
      const problem = dns1123SubdomainProblem(`${generateName}a`);
      if (problem)
        report(
          'metadata.generateName',
          msg(
            'invalid',
            { value: JSON.stringify(generateName), problem },
            `Invalid value: ${JSON.stringify(generateName)}: ${problem}`,
          ),
        );
    }
    const namespace = meta.namespace;
    if (typeof namespace === 'string' && namespace !== '') {
      const problem = dns1123LabelProblem(namespace);
      if (problem)
        report(
          'metadata.namespace',
          msg(
            'invalid',
            { value: JSON.stringify(namespace), problem },
            `Invalid value: ${JSON.stringify(namespace)}: ${problem}`,
          ),
        );
    }
  },
};

/** The nearest valid name: lower-cased, other characters turned into "-", trimmed to the limit. */
export function suggestName(name: string, maxLength: number, allowDots = true): string | undefined {
  let s = name.toLowerCase().replace(allowDots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-');
  s = s
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, maxLength)
    .replace(/[^a-z0-9]+$/, '');
  return s.length > 0 ? s : undefined;
}
