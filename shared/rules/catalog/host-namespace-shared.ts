// HOST_NAMESPACE_SHARED: the Pod joins a namespace of the node (network, PID or IPC).
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

const effects = {
  hostNetwork: "its containers listen directly on the node's interfaces and every containerPort becomes a node port",
  hostPID: 'its containers can see, and as root signal, every process of the node',
  hostIPC: 'its containers share System V IPC and POSIX shared memory with the node',
} as const;

export const hostNamespaceShared: Rule = {
  code: 'HOST_NAMESPACE_SHARED',
  severity: 'warning',
  category: 'practice',
  title: 'Host namespaces',
  source: 'advice (Pod Security Standards "baseline" forbids these)',
  explanation:
    'Normally a Pod gets its own network, IPC and UTS namespaces (shared by its containers through the infra ' +
    'container) and, with shareProcessNamespace, its own PID namespace. `hostNetwork`, `hostPID` and `hostIPC` replace ' +
    "these with the node's own, which removes the isolation between the Pod and the machine. That is what node agents " +
    'need and almost nothing else; the "baseline" Pod Security level refuses such Pods.',
  check(ctx, report) {
    const spec = ctx.spec;
    for (const [field, effect] of Object.entries(effects))
      if (spec[field] === true)
        report(
          `spec.${field}`,
          msg(field, {}, `the Pod uses the node's ${field.slice(4).toLowerCase()} namespace: ${effect}`),
          {
            fixes: [
              {
                ...fixTitle('remove', { field }, `Remove ${field}`),
                patch: [{ op: 'remove', path: `/spec/${field}` }],
              },
            ],
          },
        );
  },
};
