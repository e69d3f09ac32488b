// PRIVILEGED_CONTAINER: a container with securityContext.privileged (host-access family).
import { isRecord } from '../context';
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const privilegedContainer: Rule = {
  code: 'PRIVILEGED_CONTAINER',
  severity: 'warning',
  category: 'security',
  title: 'Privileged container',
  source: 'advice (host-access family; Pod Security Standards "baseline" forbids privileged containers)',
  explanation:
    'A privileged container runs without the walls a container normally has: it holds every capability, sees every ' +
    "device of the host (its disks included), and is not confined by seccomp or AppArmor. It can mount the host's " +
    'disks, load kernel modules and so take over the machine. Podwright runs Pods on your own computer, so that ' +
    'machine is yours. Kubernetes accepts it; it is meant for node agents, and the "baseline" Pod Security level ' +
    'refuses it.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const sc = c.source.securityContext;
      if (!isRecord(sc) || sc.privileged !== true) continue;
      report(
        `${c.path}.securityContext.privileged`,
        msg(
          'main',
          { container: c.name },
          `container "${c.name}" is privileged: it gets every capability and every device of the host, so it can mount the host's disks and load kernel modules`,
        ),
        {
          fixes: [
            {
              ...fixTitle('remove', { container: c.name }, `Run ${c.name} unprivileged`),
              patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'securityContext', 'privileged') }],
            },
          ],
        },
      );
    }
  },
};
