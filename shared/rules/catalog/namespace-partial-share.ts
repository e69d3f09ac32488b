// NAMESPACE_PARTIAL_SHARE: the canvas joins only some containers to a namespace that Kubernetes shares all-or-none.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';

export const namespacePartialShare: Rule = {
  code: 'NAMESPACE_PARTIAL_SHARE',
  severity: 'warning',
  category: 'runtime',
  title: 'Namespace shared by only some containers',
  source: 'Pod sandbox model: net/IPC/UTS owned by the infra container; PID via shareProcessNamespace',
  explanation:
    'Kubernetes shares namespaces per Pod, never per container. The network, IPC and UTS namespaces belong to the ' +
    'infra ("pause") container and every container joins them, always. The PID namespace is private to each ' +
    'container unless `shareProcessNamespace: true`, which shares it with all of them. There is no way to say ' +
    '"these two share and that one does not"; put containers that must not share into separate Pods.',
  check(ctx, report) {
    const groups = ctx.options.namespaces;
    if (!groups) return;
    const spec = ctx.spec;
    const names = ctx.containers.map((c) => c.name).filter((n) => n !== '');
    for (const kind of ['pid', 'network', 'ipc', 'uts'] as const) {
      const joined = groups[kind];
      if (!Array.isArray(joined)) continue;
      const members = new Set(joined);
      const outside = names.filter((n) => !members.has(n));
      if (kind === 'pid') {
        if (joined.length < 2 || outside.length === 0) continue;
        report(
          'spec.shareProcessNamespace',
          msg(
            'pid',
            { joined: joined.join(', '), outside: outside.join(', ') },
            `PID namespace joined by ${joined.join(', ')} but not ${outside.join(', ')}; Kubernetes shares it with all containers or none`,
          ),
          {
            fixes: [
              {
                ...fixTitle('shareAll', {}, 'Share the PID namespace with every container'),
                patch: [{ op: 'add', path: '/spec/shareProcessNamespace', value: true }],
              },
              ...(spec.shareProcessNamespace === true
                ? [
                    {
                      ...fixTitle('shareNone', {}, 'Share it with none'),
                      patch: [{ op: 'remove' as const, path: '/spec/shareProcessNamespace' }],
                    },
                  ]
                : []),
            ],
          },
        );
      } else if (outside.length > 0) {
        report(
          'spec',
          msg(
            joined.join(', ') ? 'drawnFor' : 'drawnForNone',
            { kind, joined: joined.join(', '), outside: outside.join(', ') },
            `${kind} namespace drawn for ${joined.join(', ') || 'no container'} only, but every container of a Pod joins it (${outside.join(', ')} too)`,
          ),
        );
      }
    }
  },
};
