// The Kubernetes v1 Pod as Podwright's design document; every object keeps fields it does not know about.

/** Fields Podwright does not model survive a load-edit-save round trip through this signature. */
export interface Extra {
  [extra: string]: unknown;
}

/** A Kubernetes quantity ("500m", "1Gi", 2); YAML may give a bare number. */
export type Quantity = string | number;

/** A port by number or by IANA name, as probes and handlers accept. */
export type IntOrString = number | string;

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export type ContainerRestartPolicy = 'Always';
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export interface ObjectMeta extends Extra {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  uid?: string;
}

export interface ContainerPort extends Extra {
  name?: string;
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  /** Defaulted to TCP by the v1 API. */
  protocol?: Protocol | string;
}

export interface ObjectFieldSelector extends Extra {
  apiVersion?: string;
  fieldPath: string;
}

export interface ResourceFieldSelector extends Extra {
  containerName?: string;
  resource: string;
  divisor?: Quantity;
}

export interface KeySelector extends Extra {
  name?: string;
  key: string;
  optional?: boolean;
}

export interface EnvVarSource extends Extra {
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  configMapKeyRef?: KeySelector;
  secretKeyRef?: KeySelector;
}

export interface EnvVar extends Extra {
  name: string;
  value?: string;
  valueFrom?: EnvVarSource;
}

export interface EnvFromSource extends Extra {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean } & Extra;
  secretRef?: { name?: string; optional?: boolean } & Extra;
}

export interface VolumeMount extends Extra {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
  subPathExpr?: string;
  mountPropagation?: 'None' | 'HostToContainer' | 'Bidirectional' | string;
  recursiveReadOnly?: 'Disabled' | 'IfPossible' | 'Enabled' | string;
}

export interface ResourceRequirements extends Extra {
  limits?: Record<string, Quantity>;
  requests?: Record<string, Quantity>;
}

export interface ExecAction extends Extra {
  command?: string[];
}

export interface HTTPHeader extends Extra {
  name: string;
  value: string;
}

export interface HTTPGetAction extends Extra {
  path?: string;
  port: IntOrString;
  host?: string;
  scheme?: 'HTTP' | 'HTTPS' | string;
  httpHeaders?: HTTPHeader[];
}

export interface TCPSocketAction extends Extra {
  port: IntOrString;
  host?: string;
}

export interface GRPCAction extends Extra {
  port: number;
  service?: string;
}

export interface SleepAction extends Extra {
  seconds: number;
}

/** Exactly one of these may be set on a probe or lifecycle hook. */
export interface ProbeHandler extends Extra {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  grpc?: GRPCAction;
}

export interface Probe extends ProbeHandler {
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

export interface LifecycleHandler extends Extra {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  sleep?: SleepAction;
}

export interface Lifecycle extends Extra {
  postStart?: LifecycleHandler;
  preStop?: LifecycleHandler;
  stopSignal?: string;
}

export interface Capabilities extends Extra {
  add?: string[];
  drop?: string[];
}

export interface SecurityContext extends Extra {
  privileged?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: Capabilities;
}

export interface Container extends Extra {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: EnvFromSource[];
  volumeMounts?: VolumeMount[];
  volumeDevices?: ({ name: string; devicePath: string } & Extra)[];
  resources?: ResourceRequirements;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: Lifecycle;
  securityContext?: SecurityContext;
  imagePullPolicy?: PullPolicy | string;
  /** Only `Always`, and only on an init container, where it makes the container a sidecar. */
  restartPolicy?: ContainerRestartPolicy | string;
  terminationMessagePath?: string;
  terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError' | string;
  stdin?: boolean;
  tty?: boolean;
}

export interface KeyToPath extends Extra {
  key: string;
  path: string;
  mode?: number;
}

export interface EmptyDirVolumeSource extends Extra {
  medium?: '' | 'Memory' | string;
  sizeLimit?: Quantity;
}

export interface HostPathVolumeSource extends Extra {
  path: string;
  type?: string;
}

/** The hostPath `type` values the API server accepts ("" means: no check before mounting). */
export const hostPathTypes: ReadonlySet<string> = new Set([
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
]);

export interface ConfigMapVolumeSource extends Extra {
  name?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface SecretVolumeSource extends Extra {
  secretName?: string;
  items?: KeyToPath[];
  defaultMode?: number;
  optional?: boolean;
}

export interface PersistentVolumeClaimVolumeSource extends Extra {
  claimName: string;
  readOnly?: boolean;
}

export interface DownwardAPIVolumeFile extends Extra {
  path: string;
  fieldRef?: ObjectFieldSelector;
  resourceFieldRef?: ResourceFieldSelector;
  mode?: number;
}

export interface DownwardAPIVolumeSource extends Extra {
  items?: DownwardAPIVolumeFile[];
  defaultMode?: number;
}

export interface VolumeProjection extends Extra {
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean } & Extra;
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean } & Extra;
  downwardAPI?: { items?: DownwardAPIVolumeFile[] } & Extra;
  serviceAccountToken?: { audience?: string; expirationSeconds?: number; path: string } & Extra;
}

export interface ProjectedVolumeSource extends Extra {
  sources?: VolumeProjection[];
  defaultMode?: number;
}

/** The volume sources Podwright models; any other source (nfs, csi, ephemeral, image...) is kept as extra data. */
export const modelledVolumeSources = [
  'emptyDir',
  'hostPath',
  'configMap',
  'secret',
  'persistentVolumeClaim',
  'projected',
  'downwardAPI',
] as const;

/** Every v1 volume source field name, so "exactly one source" also counts the ones not modelled in detail. */
export const allVolumeSources = [
  ...modelledVolumeSources,
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'azureDisk',
  'vsphereVolume',
  'quobyte',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
  'gcePersistentDisk',
  'awsElasticBlockStore',
] as const;

export type VolumeSourceName = (typeof allVolumeSources)[number];

export interface Volume extends Extra {
  name: string;
  emptyDir?: EmptyDirVolumeSource;
  hostPath?: HostPathVolumeSource;
  configMap?: ConfigMapVolumeSource;
  secret?: SecretVolumeSource;
  persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  projected?: ProjectedVolumeSource;
  downwardAPI?: DownwardAPIVolumeSource;
}

export interface PodSecurityContext extends Extra {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  fsGroupChangePolicy?: 'OnRootMismatch' | 'Always' | string;
  supplementalGroups?: number[];
  sysctls?: ({ name: string; value: string } & Extra)[];
}

export interface PodSpec extends Extra {
  containers: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  restartPolicy?: RestartPolicy | string;
  terminationGracePeriodSeconds?: number;
  activeDeadlineSeconds?: number;
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None' | string;
  dnsConfig?: { nameservers?: string[]; searches?: string[] } & Extra;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  serviceAccountName?: string;
  hostname?: string;
  subdomain?: string;
  priorityClassName?: string;
  runtimeClassName?: string;
  /** The Pod joins the node's network namespace instead of its own. */
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  /** All containers share one PID namespace; Kubernetes offers all or none, never some. */
  shareProcessNamespace?: boolean;
  hostUsers?: boolean;
  securityContext?: PodSecurityContext;
  os?: { name: 'linux' | 'windows' | string } & Extra;
}

export interface Pod extends Extra {
  apiVersion: 'v1' | string;
  kind: 'Pod' | string;
  metadata: ObjectMeta;
  spec: PodSpec;
  status?: unknown;
}

/** Which list a container sits in; init sidecars are init containers with restartPolicy Always. */
export type ContainerList = 'containers' | 'initContainers';

export interface ContainerRef {
  list: ContainerList;
  index: number;
  container: Container;
  /** Kubernetes field path of the container, e.g. `spec.initContainers[0]`. */
  path: string;
}

/** True for an init container that keeps running beside the app containers (KEP-753). */
export function isSidecar(container: Container, list: ContainerList): boolean {
  return list === 'initContainers' && container.restartPolicy === 'Always';
}

/** Every container of the Pod, init containers first, each with its Kubernetes path. */
export function allContainers(pod: Pod): ContainerRef[] {
  const refs: ContainerRef[] = [];
  const lists: ContainerList[] = ['initContainers', 'containers'];
  for (const list of lists) {
    const items = pod.spec?.[list];
    if (!Array.isArray(items)) continue;
    items.forEach((container, index) => refs.push({ list, index, container, path: `spec.${list}[${index}]` }));
  }
  return refs;
}

/** The containers that run at the same time as the app: regular containers and init sidecars. */
export function longRunningContainers(pod: Pod): ContainerRef[] {
  return allContainers(pod).filter((ref) => ref.list === 'containers' || isSidecar(ref.container, ref.list));
}
