// What `ps`, `logs` and `exec` need of the Kubernetes engine when given --context: loaded only then (dynamic import),
// so these commands start without it on a container engine.
export { ClusterError, ClusterExecSession, sinceQuery, streamClusterLogs } from '../../engines/kube';
export { clusterEngine, describeCluster } from './cluster-choice';
export { formatRun } from './format';
