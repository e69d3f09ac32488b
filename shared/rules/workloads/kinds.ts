// The object kinds these checks know, each with the one apiVersion Kubernetes 1.34 serves it under and the versions
// that were removed (so "no matches for kind" can say which version to use instead).

export const workloadKinds = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof workloadKinds)[number];

/** The kinds whose own fields are checked here: the workloads and the Service. */
export const checkedKinds: readonly string[] = [...workloadKinds, 'Service'];

export const servedVersion: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  ReplicationController: 'v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Service: 'v1',
};

/** apiVersions that once served the kind and the release that stopped serving them. */
export const removedVersions: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Deployment: { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  StatefulSet: { 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  DaemonSet: { 'extensions/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  ReplicaSet: { 'extensions/v1beta1': '1.16', 'apps/v1beta1': '1.16', 'apps/v1beta2': '1.16' },
  CronJob: { 'batch/v1beta1': '1.25', 'batch/v2alpha1': '1.21' },
};

/** The kinds of the apps/v1 group: their spec.selector is required and must select the template's labels. */
export const appsKinds: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/** Kinds whose Pods run until they are told to stop, so the template must restart Always. */
export const longRunningKinds: readonly string[] = [...appsKinds, 'ReplicationController'];
