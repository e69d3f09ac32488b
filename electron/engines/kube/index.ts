// The Kubernetes engine's door: what the rest of the back end (API handlers, CLI, Electron shell) may use of it.
// A kubeconfig context and namespace are an engine like Docker: the same pod.* calls, status, logs and terminal.
export { loadKubeconfig, kubeconfigFiles, type ContextSummary, type LoadedKubeconfig } from './kubeconfig/kubeconfig';
export { Cluster } from './connection/cluster';
export { ClusterError, type ClusterErrorCode } from './connection/errors';
export { ClusterEngine, type ClusterChoice, type ClusterRunRequest } from './engine';
export { ClusterDeployer, DeployRefused } from './deploy/deploy';
export { streamClusterLogs, sinceQuery } from './logs/logs';
export { ClusterExecSession, execCaptureCluster } from './exec/exec';
export { clusterApiError, clusterCallHandlers, clusterPodHandlers, listContexts, type ClusterHolder } from './kube-api';
export { watchRuns, type RunEvent } from './watch/runs';
