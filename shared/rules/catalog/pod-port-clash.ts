// POD_PORT_CLASH: two containers that run at the same time declare the same port in the Pod's one network namespace.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { QuickFix, Rule } from '../types';
import { allPorts, freePort, type PortEntry } from './ports';

export const podPortClash: Rule = {
  code: 'POD_PORT_CLASH',
  severity: 'error',
  category: 'runtime',
  title: 'Port clash inside the Pod (fails when it runs)',
  source:
    'API server: accepted with the warning "duplicate port definition" (warnings.go); at run time the shared network ' +
    'namespace refuses the second bind (address already in use)',
  explanation:
    'An error because the Pod fails when it runs, although Kubernetes lets it through: the API server ' +
    'accepts the Pod with only a warning ("duplicate port definition"), because `containerPort` is ' +
    "informational, so Run asks before starting it instead of refusing. What fails is the Pod's one " +
    'network namespace, owned by the infra ("pause") container: one set of interfaces, one localhost, one ' +
    'table of listening ports. If two containers both listen on port 80/TCP, the second `bind()` fails ' +
    'with "address already in use" and that container exits; with restartPolicy Always it then restarts ' +
    'in a loop (CrashLoopBackOff). Sidecars (init containers with restartPolicy Always) run beside the ' +
    'app and count too; plain init containers have exited before the app starts. Change the port the ' +
    'process listens on, not only the number here.',
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
      // The fix moves the clashing port, the later container's (the one added after the other); moving the earlier
      // one instead is the second choice.
      const move = (entry: PortEntry): QuickFix => {
        const free = freePort(ctx, entry.protocol, entry.containerPort! + 1, 'containerPort');
        // "this container" is the one the problem is on; the other, unnamed, goes by its path.
        const container = entry === p ? entry.owner.name : entry.owner.name || entry.owner.path;
        return {
          ...fixTitle(
            container ? 'move' : 'moveThis',
            { container, port: free },
            `Move ${container || 'this container'} to port ${free} (its process must listen there too)`,
          ),
          patch: [
            {
              op: 'replace',
              path: pointer('spec', entry.owner.list, entry.owner.index, 'ports', entry.index, 'containerPort'),
              value: free,
            },
          ],
        };
      };
      const laterName = p.owner.name || p.owner.path;
      const earlierName = other.owner.name || other.owner.path;
      report(
        `${p.path}.containerPort`,
        msg(
          'clash',
          { first: laterName, second: earlierName, port: key },
          `${earlierName} and ${laterName} both listen on ${key} in the Pod's shared network namespace; the second to bind fails (usually ${laterName}, which starts later)`,
        ),
        { related: [`${other.path}.containerPort`], fixes: [move(p), move(other)] },
      );
    }
  },
};
