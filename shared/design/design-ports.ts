// DESIGN_HOST_PORT_CLASH: the Pods of one design run side by side on one host, so two of them cannot publish the same
// host port. A check across Pods (the rule engine looks at one Pod at a time); the later Pod gets the warning.
// crossPodDiagnostics gathers every check across Pods (this one and design-names.ts).
import type { ContainerList, Pod } from '../model/pod';
import type { Diagnostic } from '../rules/types';
import { containersOf } from './document';
import { crossPodNameDuplicates } from './design-names';

export const designHostPortClash = 'DESIGN_HOST_PORT_CLASH';

interface HostPortClaim {
  list: ContainerList;
  container: number;
  port: number;
  hostPort: number;
  protocol: string;
  hostIP: string;
  /** hostNetwork: the host port is the container port and cannot be moved on its own. */
  hostNetwork: boolean;
}

const explanation =
  'A hostPort publishes a container port on the machine itself, and a port there has one owner. Each Pod is ' +
  'checked on its own by Kubernetes, but these Pods run on one host (this machine, or one node), so the Pod started ' +
  'second cannot bind the port: Docker refuses to start it, and Kubernetes would not schedule both Pods on one node. ' +
  'A host port bound on every address (no hostIP) also clashes with the same port on one address.';

/** The host ports a Pod claims: hostPort where set, and every container port under hostNetwork. */
export function hostPortClaims(pod: Pod): HostPortClaim[] {
  const hostNetwork = pod.spec?.hostNetwork === true;
  const out: HostPortClaim[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    containersOf(pod, list).forEach((c, container) => {
      const ports = Array.isArray(c?.ports) ? c.ports : [];
      ports.forEach((p, port) => {
        if (typeof p !== 'object' || p === null) return;
        const hostPort =
          typeof p.hostPort === 'number' && p.hostPort > 0 ? p.hostPort : hostNetwork ? p.containerPort : 0;
        if (typeof hostPort !== 'number' || hostPort <= 0) return;
        const protocol = typeof p.protocol === 'string' ? p.protocol : 'TCP';
        const hostIP = typeof p.hostIP === 'string' ? p.hostIP : '';
        out.push({ list, container, port, hostPort, protocol, hostIP, hostNetwork });
      });
    });
  }
  return out;
}

const everyAddress = new Set(['', '0.0.0.0', '::']);

function sameHostAddress(a: string, b: string): boolean {
  return a === b || everyAddress.has(a) || everyAddress.has(b);
}

function clashes(a: HostPortClaim, b: HostPortClaim): boolean {
  return a.hostPort === b.hostPort && a.protocol === b.protocol && sameHostAddress(a.hostIP, b.hostIP);
}

function podName(pod: Pod, index: number): string {
  const name = pod.metadata?.name;
  return typeof name === 'string' && name !== '' ? name : `#${index + 1}`;
}

/**
 * The clashes of each Pod with the Pods before it, by Pod index: a warning on the later Pod's port, with a fix that
 * moves it to a host port no Pod of the design claims.
 */
export function crossPodHostPortClashes(pods: readonly Pod[]): Diagnostic[][] {
  const claims = pods.map(hostPortClaims);
  const taken = new Set(claims.flat().map((c) => `${c.protocol}/${c.hostPort}`));
  return claims.map((mine, i) => {
    const out: Diagnostic[] = [];
    for (const claim of mine) {
      const owner = claims.slice(0, i).findIndex((earlier) => earlier.some((e) => clashes(e, claim)));
      if (owner < 0) continue;
      const path = `spec.${claim.list}[${claim.container}].ports[${claim.port}]`;
      const params = { port: claim.hostPort, protocol: claim.protocol, pod: podName(pods[owner]!, owner) };
      let free = claim.hostPort + 1;
      while (taken.has(`${claim.protocol}/${free}`) && free < 65535) free++;
      out.push({
        code: designHostPortClash,
        severity: 'warning',
        category: 'runtime',
        path: claim.hostNetwork ? `${path}.containerPort` : `${path}.hostPort`,
        message: `host port ${claim.hostPort}/${claim.protocol} is already published by Pod "${params.pod}" of this design`,
        messageId: 'pods.clash.message',
        params,
        explanation,
        related: [],
        fixes: claim.hostNetwork
          ? []
          : [
              {
                title: `Publish on host port ${free} instead`,
                titleId: 'pods.clash.fix',
                params: { port: free },
                patch: [
                  {
                    op: 'add',
                    path: `/spec/${claim.list}/${claim.container}/ports/${claim.port}/hostPort`,
                    value: free,
                  },
                ],
              },
            ],
      });
    }
    return out;
  });
}

/** Every check across the Pods of a design, by Pod index: host port clashes and duplicate names. */
export function crossPodDiagnostics(pods: readonly Pod[]): Diagnostic[][] {
  const names = crossPodNameDuplicates(pods);
  return crossPodHostPortClashes(pods).map((ports, i) => {
    const named = names[i] ?? [];
    return named.length === 0 ? ports : [...named, ...ports];
  });
}
