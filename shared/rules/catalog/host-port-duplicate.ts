// HOST_PORT_DUPLICATE: a node port (protocol, hostIP, hostPort) may be claimed once per Pod (AccumulateUniqueHostPorts).
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { allPorts, freePort, type PortEntry } from './ports';

export const hostPortDuplicate: Rule = {
  code: 'HOST_PORT_DUPLICATE',
  severity: 'error',
  category: 'kubernetes',
  title: 'Duplicate hostPort',
  source: 'validateContainers → checkHostPortConflicts → AccumulateUniqueHostPorts',
  explanation:
    'A hostPort publishes a container port on the node itself, and a node port can have only one owner. Kubernetes ' +
    'refuses a Pod whose containers claim the same protocol, host IP and host port twice. The check compares the ' +
    'host IP as text: 80/TCP and 80/UDP do not clash, nor do two different explicit host IPs. Init containers run one ' +
    'after the other, so each is checked only against itself.',
  check(ctx, report) {
    const claim = (seen: Map<string, PortEntry>, p: PortEntry): void => {
      if (p.hostPort === 0) return;
      const key = `${p.protocol}/${p.hostIP}/${p.hostPort}`;
      const first = seen.get(key);
      if (!first) return void seen.set(key, p);
      const free = freePort(ctx, p.protocol, p.hostPort + 1, 'hostPort');
      report(`${p.path}.hostPort`, msg('duplicate', { value: key }, `Duplicate value: "${key}"`), {
        related: [`${first.path}.hostPort`],
        fixes: [
          {
            ...fixTitle('publishOn', { port: free }, `Publish on host port ${free} instead`),
            patch: [
              {
                op: 'add',
                path: pointer('spec', p.owner.list, p.owner.index, 'ports', p.index, 'hostPort'),
                value: free,
              },
            ],
          },
        ],
      });
    };
    const regular = new Map<string, PortEntry>();
    const perInit = new Map<string, Map<string, PortEntry>>();
    for (const p of allPorts(ctx)) {
      if (p.owner.list === 'containers') claim(regular, p);
      else {
        // Upstream reports these on spec.initContainers[0] whatever the index; the real index is more useful.
        let seen = perInit.get(p.owner.path);
        if (!seen) perInit.set(p.owner.path, (seen = new Map()));
        claim(seen, p);
      }
    }
  },
};
