// HOST_PORT_ADVICE: host ports below 1024 or ones that the machine usually uses already.
import { msg } from '../message';
import type { Rule } from '../types';
import { allPorts } from './ports';

/** Ports that a developer machine or a Kubernetes node commonly has in use. */
const commonlyTaken: Record<number, string> = {
  22: 'SSH',
  53: 'DNS resolvers',
  80: 'local web servers',
  443: 'local web servers',
  2375: 'the Docker Engine API',
  2376: 'the Docker Engine API (TLS)',
  3000: 'development servers',
  3306: 'MySQL',
  5000: 'development servers and registries',
  5432: 'PostgreSQL',
  6379: 'Redis',
  6443: 'the Kubernetes API server',
  8080: 'development servers and proxies',
  10250: 'the kubelet',
};

export const hostPortAdvice: Rule = {
  code: 'HOST_PORT_ADVICE',
  severity: 'warning',
  category: 'practice',
  title: 'Host port choice',
  source: 'advice: privileged ports and commonly used ports',
  explanation:
    'A hostPort (or any port under hostNetwork) is opened on the machine itself, next to everything else running ' +
    'there. Ports below 1024 are privileged: rootless engines such as rootless Podman cannot bind them. Ports such as ' +
    '80, 5432 or 8080 are often already taken by another program, and then the Pod fails to start with "address ' +
    'already in use". A high, unusual port avoids both.',
  check(ctx, report) {
    for (const p of allPorts(ctx)) {
      if (p.hostPort === 0 || p.hostPort > 65535) continue;
      const reasons: string[] = [];
      if (p.hostPort < 1024) reasons.push('it is below 1024, so binding it needs root privileges');
      const user = commonlyTaken[p.hostPort];
      if (user) reasons.push(`it is commonly in use by ${user}`);
      if (reasons.length > 0)
        report(
          `${p.path}.hostPort`,
          msg(
            p.hostPort < 1024 ? (user ? 'privilegedAndTaken' : 'privileged') : 'taken',
            { port: p.hostPort, user: user ?? '' },
            `host port ${p.hostPort} may not be available: ${reasons.join('; ')}`,
          ),
        );
    }
  },
};
