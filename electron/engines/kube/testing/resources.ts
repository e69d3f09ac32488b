// The kinds the stand-in serves, with what discovery says of each (kubectl and the client library find paths there).

export interface ResourceType {
  resource: string;
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  singular: string;
}

const rw = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const resourceTypes: ResourceType[] = [
  { resource: 'namespaces', kind: 'Namespace', group: '', version: 'v1', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['ns'], singular: 'namespace' },
  { resource: 'nodes', kind: 'Node', group: '', version: 'v1', namespaced: false, verbs: ['get', 'list', 'watch'], shortNames: ['no'], singular: 'node' },
  { resource: 'pods', kind: 'Pod', group: '', version: 'v1', namespaced: true, verbs: rw, shortNames: ['po'], singular: 'pod' },
  { resource: 'configmaps', kind: 'ConfigMap', group: '', version: 'v1', namespaced: true, verbs: rw, shortNames: ['cm'], singular: 'configmap' },
  { resource: 'secrets', kind: 'Secret', group: '', version: 'v1', namespaced: true, verbs: rw, singular: 'secret' },
  { resource: 'services', kind: 'Service', group: '', version: 'v1', namespaced: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['svc'], singular: 'service' },
  { resource: 'events', kind: 'Event', group: '', version: 'v1', namespaced: true, verbs: rw, shortNames: ['ev'], singular: 'event' },
  { resource: 'deployments', kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true, verbs: rw, shortNames: ['deploy'], singular: 'deployment' },
  { resource: 'replicasets', kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true, verbs: rw, shortNames: ['rs'], singular: 'replicaset' },
];

export const reviewType = {
  resource: 'selfsubjectaccessreviews',
  kind: 'SelfSubjectAccessReview',
  group: 'authorization.k8s.io',
  version: 'v1',
};

export function apiVersionOf(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function typeByResource(group: string, version: string, resource: string): ResourceType | undefined {
  return resourceTypes.find((t) => t.group === group && t.version === version && t.resource === resource);
}

export function typeByKind(kind: string): ResourceType | undefined {
  return resourceTypes.find((t) => t.kind === kind);
}

/** /api/v1 or /apis/apps/v1 as an APIResourceList. */
export function resourceList(group: string, version: string): object {
  const resources: object[] = resourceTypes
    .filter((t) => t.group === group && t.version === version)
    .map((t) => ({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    }));
  if (group === '' && version === 'v1') {
    resources.push(
      { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
      { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'pods/portforward', singularName: '', namespaced: true, kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    );
  }
  if (group === reviewType.group && version === reviewType.version) {
    resources.push({ name: reviewType.resource, singularName: 'selfsubjectaccessreview', namespaced: false, kind: reviewType.kind, verbs: ['create'] });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function groupList(): object {
  const groups = [...new Set(resourceTypes.filter((t) => t.group).map((t) => t.group)), reviewType.group];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((name) => ({
      name,
      versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
      preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
    })),
  };
}
