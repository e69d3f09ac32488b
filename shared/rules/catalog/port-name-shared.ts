// PORT_NAME_SHARED: two running containers use the same port name; name lookups pick the first.
import { msg } from '../message';
import type { Rule } from '../types';
import { allPorts, type PortEntry } from './ports';

export const portNameShared: Rule = {
  code: 'PORT_NAME_SHARED',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Port name used by two containers',
  source: 'warningsForPodSpecAndMeta ("duplicate port name"), newer API servers',
  explanation:
    'Services (`targetPort: http`) and probes (`port: http`) can select a port by name. When two containers of the ' +
    'Pod (app containers or sidecars) both name a port "http", the lookup silently takes the first one, which is ' +
    'rarely what the second container meant. Newer API servers warn about it.',
  check(ctx, report) {
    const first = new Map<string, PortEntry>();
    for (const p of allPorts(ctx)) {
      const name = p.port.name;
      if (!p.owner.longRunning || typeof name !== 'string' || name === '') continue;
      const earlier = first.get(name);
      if (!earlier) first.set(name, p);
      else if (earlier.owner !== p.owner)
        report(
          p.path,
          msg(
            'shared',
            { name: JSON.stringify(name), other: earlier.path },
            `duplicate port name ${JSON.stringify(name)} with ${earlier.path}, services and probes that select ports by name will use ${earlier.path}`,
          ),
          { related: [earlier.path] },
        );
    }
  },
};
