// DESIGN_POD_NAME_DUPLICATE: two Pods of one design with the same name in the same namespace are one object to
// Kubernetes and to Run: applying the file keeps only the later, and running one replaces the other. The later Pod
// gets the warning, with a fix that gives it a free name.
import type { Pod } from '../model/pod';
import type { Diagnostic } from '../rules/types';
import { uniqueName } from './document';

export const designPodNameDuplicate = 'DESIGN_POD_NAME_DUPLICATE';

const explanation =
  'Kubernetes names a Pod by its namespace and name, so two Pods of one file with the same name are one object: ' +
  'kubectl apply creates the first and then changes it into the second. Podwright runs Pods by name too, so running ' +
  'one of them replaces (or refuses) the other. Give each Pod of a design its own name.';

function identity(pod: Pod): { name: string; namespace: string } {
  const meta = pod.metadata ?? {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  const namespace = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  return { name, namespace };
}

/** For each Pod, by index: a warning when a Pod before it has the same name and namespace. Unnamed Pods are left to the Pod rules. */
export function crossPodNameDuplicates(pods: readonly Pod[]): Diagnostic[][] {
  const ids = pods.map(identity);
  const names = ids.map((id) => id.name);
  return ids.map(({ name, namespace }, i) => {
    if (name === '' || !ids.slice(0, i).some((e) => e.name === name && e.namespace === namespace)) return [];
    const free = uniqueName(name, names);
    return [
      {
        code: designPodNameDuplicate,
        severity: 'warning',
        category: 'runtime',
        path: 'metadata.name',
        message: `another Pod of this design is named "${name}" in namespace "${namespace}"`,
        messageId: 'pods.duplicateName.message',
        params: { name, namespace },
        explanation,
        related: [],
        fixes: [
          {
            title: `Rename this Pod to ${free}`,
            titleId: 'pods.duplicateName.fix',
            params: { name: free },
            patch: [{ op: 'replace', path: '/metadata/name', value: free }],
          },
        ],
      },
    ];
  });
}
