// HOST_IP_WITHOUT_HOST_PORT: a hostIP does nothing unless the port is published with a hostPort.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { allPorts } from './ports';

export const hostIPWithoutHostPort: Rule = {
  code: 'HOST_IP_WITHOUT_HOST_PORT',
  severity: 'warning',
  category: 'kubernetes',
  title: 'hostIP without hostPort',
  source: 'warningsForPodSpecAndMeta ("hostIP set without hostPort")',
  explanation:
    '`hostIP` chooses which node address a published port listens on. A port is only published when it has a ' +
    '`hostPort`, so a hostIP alone has no effect, and Kubernetes warns that it was probably meant otherwise.',
  check(ctx, report) {
    for (const p of allPorts(ctx)) {
      if (p.hostIP === '' || p.hostPort !== 0) continue;
      report(
        p.path,
        msg(
          'noHostPort',
          { hostIP: p.hostIP, containerPort: p.containerPort ?? 0 },
          `hostIP set without hostPort (hostIP ${p.hostIP}, containerPort ${p.containerPort ?? 0})`,
        ),
        {
          fixes: [
            {
              ...fixTitle('remove', {}, 'Remove hostIP'),
              patch: [{ op: 'remove', path: pointer('spec', p.owner.list, p.owner.index, 'ports', p.index, 'hostIP') }],
            },
          ],
        },
      );
    }
  },
};
