// The Kubernetes engine's test door: the strict stand-in API server, kubeconfig files for it, and kubectl, for tests
// in other rooms (the CLI, the browser host, journeys, benchmarks).
export { StandIn, defaultNodes, defaultUsers, type StandInOptions, type StandInUser, type NodeSetting } from './testing/server';
export { kubeconfigFor, writeKubeconfig, type ContextSpec, type KubeconfigSpec } from './testing/kubeconfig';
export { kubectl, kubectlMissing, kubectlPath, requireKubectl, type KubectlResult } from './testing/kubectl';
export { typeByKind } from './testing/resources';
