// POD_PORT_CLASH: two containers that run at the same time declare the same port in the Pod's one network namespace.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { allPorts, freePort, type PortEntry } from './ports';

export const podPortClash: Rule = {
  code: 'POD_PORT_CLASH',
  severity: 'error',
  category: 'runtime',
  title: 'Port clash inside the Pod',
  source: 'shared network namespace (bind: address already in use); Kubernetes only warns (warnings.go)',
  explanation:
    'All containers of a Pod share one network namespace, owned by the infra ("pause") container: one set of ' +
    'interfaces, one localhost, one table of listening ports. If two containers both listen on port 80/TCP, the ' +
    'second `bind()` fails with "address already in use" and that container exits; with restartPolicy Always it then ' +
    'restarts in a loop (CrashLoopBackOff). Kubernetes accepts the Pod and only warns, because `containerPort` is ' +
    'informational. Sidecars (init containers with restartPolicy Always) run beside the app and count too; plain init ' +
    'containers have exited before the app starts. Change the port the process listens on, not only the number here.',
  check(ctx, report) {
    const owners = new Map<string, PortEntry[]>();
    for (const p of allPorts(ctx)) {
      if (!p.owner.longRunning || p.containerPort === undefined) continue;
      const key = `${p.containerPort}/${p.protocol}`;
      const earlier = owners.get(key);
      if (!earlier) {
        owners.set(key, [p]);
        continue;
      }
      const other = earlier.find((e) => e.owner !== p.owner);
      earlier.push(p);
      if (!other) continue;
      const free = freePort(ctx, p.protocol, p.containerPort + 1, 'containerPort');
      report(
        `${p.path}.containerPort`,
        msg(
          'clash',
          { first: p.owner.name || p.owner.path, second: other.owner.name || other.owner.path, port: key },
          `${p.owner.name || p.owner.path} and ${other.owner.name || other.owner.path} both listen on ${key} in the Pod's shared network namespace; the second one to start fails to bind`,
        ),
        {
          related: [`${other.path}.containerPort`],
          fixes: [
            {
              ...fixTitle(
                p.owner.name ? 'move' : 'moveThis',
                { container: p.owner.name, port: free },
                `Move ${p.owner.name || 'this container'} to port ${free} (its process must listen there too)`,
              ),
              patch: [
                {
                  op: 'replace',
                  path: pointer('spec', p.owner.list, p.owner.index, 'ports', p.index, 'containerPort'),
                  value: free,
                },
              ],
            },
          ],
        },
      );
    }
  },
};
