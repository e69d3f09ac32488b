// HOST_NAMESPACES_COMBINED: a Pod that shares the host's processes (hostPID) together with its IPC or network
// namespace (host-access family).
import { msg } from '../message';
import type { Rule } from '../types';

const HOST_NAMESPACES = ['hostPID', 'hostIPC', 'hostNetwork'] as const;

export const hostNamespacesCombined: Rule = {
  code: 'HOST_NAMESPACES_COMBINED',
  severity: 'warning',
  category: 'security',
  title: 'Several host namespaces at once',
  source: 'advice (host-access family; Pod Security Standards "baseline" forbids each)',
  explanation:
    'Each host namespace removes one wall between the Pod and the machine: hostPID shows every process of the host, ' +
    'hostIPC its shared memory, hostNetwork its network. With hostPID, the others open those processes themselves: ' +
    'the containers can attach to the shared memory they use (hostIPC) and reach the local and abstract sockets they ' +
    'listen on (hostNetwork, where container engines have kept their own). Podwright runs Pods on your own computer, ' +
    'so the host is yours.',
  check(ctx, report) {
    const shared = HOST_NAMESPACES.filter((ns) => ctx.spec[ns] === true);
    if (ctx.spec.hostPID !== true || shared.length < 2) return;
    const namespaces = shared.join(', ');
    report(
      `spec.${shared[0]}`,
      msg(
        'main',
        { namespaces },
        `the Pod shares the host's namespaces ${namespaces} at once: its containers can reach into the host's own processes through them`,
      ),
      { related: shared.slice(1).map((ns) => `spec.${ns}`) },
    );
  },
};
