// The replica count typed while the design runs on a cluster applies at once, as `kubectl scale` would: the Deployment
// is scaled (kube.scale: Podwright's applied configuration with the new count), and the watch shows the replicas
// come and go. Typing "12" scales once, to 12: the call waits for the typing to pause.
import { replicaCount } from '../../../shared/design';
import { api } from '../api';
import { useRun } from '../run/store';
import { useDocument } from '../store/document';
import { onCluster, useCluster } from './store';

/** How long the typing pauses before the count is sent. */
export const SCALE_PAUSE_MS = 600;

let timer: ReturnType<typeof setTimeout> | undefined;

/** The Deployment of the design running on the cluster now, by name, or undefined. */
function runningDeployment(): string | undefined {
  const snapshot = useRun.getState().snapshot;
  return onCluster() && snapshot?.workload?.kind === 'Deployment' ? snapshot.workload.name : undefined;
}

useDocument.subscribe((state, before) => {
  const replicas = replicaCount(state.doc);
  if (replicas === undefined || replicas === replicaCount(before.doc)) return;
  const name = runningDeployment();
  if (!name || name !== state.doc.pod.metadata?.name) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    // The run may have ended while the user typed.
    if (runningDeployment() !== name) return;
    api()
      .call('kube.scale', { name, replicas })
      .then(
        () => useCluster.setState({ error: undefined }),
        (err: unknown) => useCluster.setState({ error: err instanceof Error ? err.message : String(err) }),
      );
  }, SCALE_PAUSE_MS);
});
