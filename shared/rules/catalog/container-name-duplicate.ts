// CONTAINER_NAME_DUPLICATE: container names are unique across init and regular containers.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const containerNameDuplicate: Rule = {
  code: 'CONTAINER_NAME_DUPLICATE',
  severity: 'error',
  category: 'kubernetes',
  title: 'Unique container names',
  source: 'validateContainers / validateInitContainers (Duplicate)',
  explanation:
    'Kubernetes tells containers apart by name: in the Pod status, in logs and in exec. Two containers with the same ' +
    'name, whether both are app containers or one is an init container, would be indistinguishable, so the API ' +
    'server rejects the second one.',
  check(ctx, report) {
    const seen = new Map<string, string>();
    let taken: Set<string> | undefined;
    // Kubernetes seeds the init-container check with the regular names, so report on the init container then.
    const ordered = [
      ...ctx.containers.filter((c) => c.list === 'containers'),
      ...ctx.containers.filter((c) => c.list === 'initContainers'),
    ];
    for (const c of ordered) {
      if (c.name === '') continue;
      const first = seen.get(c.name);
      if (first === undefined) {
        seen.set(c.name, c.path);
        continue;
      }
      taken ??= new Set(ctx.containers.map((x) => x.name));
      let n = 2;
      while (taken.has(`${c.name}-${n}`)) n++;
      const value = `${c.name}-${n}`;
      taken.add(value);
      report(
        `${c.path}.name`,
        msg('duplicate', { value: JSON.stringify(c.name) }, `Duplicate value: ${JSON.stringify(c.name)}`),
        {
          related: [`${first}.name`],
          fixes: [
            {
              ...fixTitle('rename', { value }, `Rename to "${value}"`),
              patch: [{ op: 'replace', path: pointer('spec', c.list, c.index, 'name'), value }],
            },
          ],
        },
      );
    }
  },
};
