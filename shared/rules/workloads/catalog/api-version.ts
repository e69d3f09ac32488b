// WORKLOAD_API_VERSION: a workload or Service under an apiVersion that Kubernetes 1.34 does not serve it from (a
// removed beta group such as extensions/v1beta1 or batch/v1beta1). A missing one is the reader's problem.
import { fixTitle, msg } from '../../message';
import { checkedKinds, removedVersions, servedVersion } from '../kinds';
import type { QuickFix } from '../../types';
import type { ObjectRule } from '../object-rule';

export const workloadApiVersion: ObjectRule = {
  code: 'WORKLOAD_API_VERSION',
  severity: 'error',
  category: 'kubernetes',
  title: 'API version',
  source: 'the API server’s REST mapping (kubectl: "apiVersion not set", "no matches for kind")',
  explanation:
    'Every Kubernetes object names the API group and version it belongs to. The same kind has moved between groups ' +
    'over the years (Deployments started in extensions/v1beta1, CronJobs in batch/v1beta1), and old versions are ' +
    'removed: a server that no longer serves the version answers "no matches for kind" and creates nothing. ' +
    'Today Deployments, StatefulSets, DaemonSets and ReplicaSets are apps/v1, Jobs and CronJobs batch/v1, and ' +
    'ReplicationControllers and Services v1.',
  kinds: checkedKinds,
  check(ctx, report) {
    const version = servedVersion[ctx.kind]!;
    const fixes: QuickFix[] = [
      {
        ...fixTitle('use', { version }, `Use ${version}`),
        patch: [{ op: 'add', path: '/apiVersion', value: version }],
      },
    ];
    // A missing apiVersion is the reader's to report (OBJECT_API_VERSION_MISSING), for every kind.
    if (ctx.apiVersion === undefined || ctx.apiVersion === null || ctx.apiVersion === '') return;
    if (ctx.apiVersion === version) return;
    const written = typeof ctx.apiVersion === 'string' ? ctx.apiVersion : JSON.stringify(ctx.apiVersion);
    const release = removedVersions[ctx.kind]?.[written];
    if (release)
      report(
        'apiVersion',
        msg(
          'removed',
          { kind: ctx.kind, apiVersion: written, release, version },
          `no matches for kind "${ctx.kind}" in version "${written}": it was removed in Kubernetes ${release}; use ${version}`,
        ),
        { fixes },
      );
    else
      report(
        'apiVersion',
        msg(
          'unknown',
          { kind: ctx.kind, apiVersion: written, version },
          `no matches for kind "${ctx.kind}" in version "${written}" (a ${ctx.kind} is ${version})`,
        ),
        { fixes },
      );
  },
};
