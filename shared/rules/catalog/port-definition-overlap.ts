// PORT_DEFINITION_OVERLAP: Kubernetes' warnings for a containerPort/protocol declared twice (warnings.go).
import { msg } from '../message';
import type { Rule } from '../types';
import { allPorts, type PortEntry } from './ports';

export const portDefinitionOverlap: Rule = {
  code: 'PORT_DEFINITION_OVERLAP',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Repeated port definitions',
  source: 'warningsForPodSpecAndMeta (duplicate / overlapping / dangerously ambiguous port definition)',
  explanation:
    'The API server accepts a port declared twice but warns about it: an exact duplicate, an "overlapping" one ' +
    '(one copy published on the node and one not), or a "dangerously ambiguous" one (the same host port, once on ' +
    'every host address and once on a specific address, where what happens depends on the node). Clashes between ' +
    'two long-running containers are reported as POD_PORT_CLASH instead, because they also fail at runtime.',
  check(ctx, report) {
    const seen = new Map<string, PortEntry[]>();
    for (const p of allPorts(ctx)) {
      if (p.containerPort === undefined) continue;
      const key = `${p.containerPort}/${p.protocol}`;
      const others = seen.get(key);
      if (!others) {
        seen.set(key, [p]);
        continue;
      }
      for (const other of others) {
        const runtimeClash = other.owner !== p.owner && other.owner.longRunning && p.owner.longRunning;
        let kind: string | undefined;
        if (p.hostIP === other.hostIP && p.hostPort === other.hostPort) kind = runtimeClash ? undefined : 'duplicate';
        else if (p.hostPort === 0 || other.hostPort === 0) kind = runtimeClash ? undefined : 'overlapping';
        else if (p.hostPort === other.hostPort && (p.hostIP === '') !== (other.hostIP === ''))
          kind = 'dangerously ambiguous';
        if (kind)
          report(
            p.path,
            msg(
              kind === 'dangerously ambiguous' ? 'ambiguous' : kind,
              { other: other.path },
              `${kind} port definition with ${other.path}`,
            ),
            { related: [other.path] },
          );
      }
      others.push(p);
    }
  },
};
