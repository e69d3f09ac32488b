// Run on Docker runs the Pod once, whatever the Deployment's replica count: when a run of a Pod wrapped in a
// Deployment of more than one replica starts there, a notice says so (on a cluster the Deployment runs as drawn).
import i18n from '../i18n';
import { replicaCount } from '../../../shared/design';
import { onCluster } from '../kube/store';
import { useRun } from '../run/store';
import { useDocument } from '../store/document';
import { useNotice } from '../store/notice';

useRun.subscribe((state, before) => {
  if (state.busy !== 'run' || before.busy === 'run' || onCluster()) return;
  const doc = useDocument.getState().doc;
  const replicas = doc.workload ? replicaCount(doc) : undefined;
  if (replicas !== undefined && replicas > 1)
    useNotice.getState().show(i18n.t('workloads.run.oneReplica', { replicas }));
});
