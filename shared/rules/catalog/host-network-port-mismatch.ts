// HOST_NETWORK_PORT_MISMATCH: with hostNetwork a port is a node port, so hostPort must equal containerPort.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { allPorts } from './ports';

export const hostNetworkPortMismatch: Rule = {
  code: 'HOST_NETWORK_PORT_MISMATCH',
  severity: 'error',
  category: 'kubernetes',
  title: 'hostPort under hostNetwork',
  source: 'validatePodHostNetworkDeps',
  explanation:
    'With `hostNetwork: true` the Pod has no network namespace of its own: its processes listen directly on the ' +
    "node's interfaces. There is no translation between a container port and a host port any more, so Kubernetes " +
    'requires them to be equal. Leaving hostPort out is fine; it is then set to the containerPort.',
  check(ctx, report) {
    const spec = ctx.spec;
    if (spec.hostNetwork !== true) return;
    for (const p of allPorts(ctx)) {
      if (p.owner.list !== 'containers' || p.containerPort === undefined || p.hostPort === 0) continue;
      if (p.hostPort === p.containerPort) continue;
      const at = pointer('spec', p.owner.list, p.owner.index, 'ports', p.index, 'hostPort');
      report(
        `${p.path}.hostPort`,
        msg(
          'mismatch',
          { value: p.hostPort },
          `Invalid value: ${p.hostPort}: must match \`containerPort\` when \`hostNetwork\` is true`,
        ),
        {
          related: [`${p.path}.containerPort`],
          fixes: [
            {
              ...fixTitle('remove', {}, 'Remove hostPort (it defaults to containerPort)'),
              patch: [{ op: 'remove', path: at }],
            },
            {
              ...fixTitle('setHostPort', { port: String(p.containerPort) }, `Set hostPort to ${p.containerPort}`),
              patch: [{ op: 'replace', path: at, value: p.containerPort }],
            },
          ],
        },
      );
    }
  },
};
