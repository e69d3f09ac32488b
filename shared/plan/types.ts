// The shape of a plan: the Docker Engine API calls that run one Pod, with their bodies, in order.
import type { Diagnostic } from '../model/diagnostic';
import type { Role } from '../model/labels';

export const DEFAULT_INFRA_IMAGE = 'registry.k8s.io/pause:3.10';
export const DEFAULT_NETWORK = 'podwright';

/** Replaced by the runtime with the Pod's IP once the infra container has one (status.podIP). */
export const POD_IP_PLACEHOLDER = '$(podwright:status.podIP)';
/** Replaced by the runtime with the host's address on the Pod network (status.hostIP). */
export const HOST_IP_PLACEHOLDER = '$(podwright:status.hostIP)';

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export type { MessageParams } from '../model/diagnostic';

/** The engine facts the plan depends on (a subset of the API's EngineInfo). */
export interface PlanEngine {
  name: string;
  apiVersion: string;
  cpus?: number;
  memoryBytes?: number;
}

export interface PlanOptions {
  /** Image of the infra container; default registry.k8s.io/pause:3.10. */
  infraImage?: string;
  /** The design (project) id, stored as a label so two designs with a Pod of the same name stay apart. */
  design?: string;
  /** The per-project user-defined bridge network every Pod of the project joins. */
  network?: string;
  /** Makes this run's volumes unique, so an emptyDir always starts empty. */
  runId?: string;
}

/** A Docker Engine create-container body (POST /containers/create). */
export interface ContainerCreateBody {
  Image: string;
  Hostname?: string;
  Domainname?: string;
  User?: string;
  Entrypoint?: string[];
  Cmd?: string[];
  Env?: string[];
  WorkingDir?: string;
  Tty?: boolean;
  OpenStdin?: boolean;
  StopTimeout?: number;
  StopSignal?: string;
  Labels: Record<string, string>;
  ExposedPorts?: Record<string, Record<string, never>>;
  HostConfig: HostConfig;
  NetworkingConfig?: { EndpointsConfig: Record<string, { Aliases?: string[] }> };
}

export interface DockerMount {
  Type: 'bind' | 'volume' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  BindOptions?: { Propagation?: string };
  VolumeOptions?: { NoCopy?: boolean; Subpath?: string };
}

export interface HostConfig {
  NetworkMode?: string;
  IpcMode?: string;
  PidMode?: string;
  UTSMode?: string;
  PortBindings?: Record<string, { HostIp: string; HostPort: string }[]>;
  Dns?: string[];
  DnsSearch?: string[];
  DnsOptions?: string[];
  ExtraHosts?: string[];
  Sysctls?: Record<string, string>;
  Mounts?: DockerMount[];
  RestartPolicy?: { Name: 'no' | 'always' | 'on-failure' | 'unless-stopped'; MaximumRetryCount?: number };
  Memory?: number;
  MemorySwap?: number;
  MemoryReservation?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuShares?: number;
  Privileged?: boolean;
  CapAdd?: string[];
  CapDrop?: string[];
  ReadonlyRootfs?: boolean;
  SecurityOpt?: string[];
  GroupAdd?: string[];
  MaskedPaths?: string[];
  ReadonlyPaths?: string[];
  Init?: boolean;
}

export interface ContainerPlan {
  role: Extract<Role, 'infra' | 'init' | 'sidecar' | 'app'>;
  /** The container's name in the Pod spec ("POD" for the infra). */
  container: string;
  /** The Docker container name. */
  name: string;
  pullPolicy: PullPolicy;
  body: ContainerCreateBody;
  /** Its env or command mentions the Pod IP, so it can only be created once the infra has started. */
  needsPodIP: boolean;
  /** securityContext.runAsNonRoot without a runAsUser: the runtime checks the image's user. */
  requireNonRoot: boolean;
  /** Seconds between SIGTERM and SIGKILL on stop. */
  graceSeconds: number;
}

export interface VolumePlan {
  /** The Pod volume's name. */
  volume: string;
  kind: 'emptyDir' | 'configMap' | 'secret' | 'downwardAPI' | 'persistentVolumeClaim';
  /** POST /volumes/create body. */
  body: { Name: string; Driver: 'local'; DriverOpts?: Record<string, string>; Labels: Record<string, string> };
  /** A claim's volume outlives the Pod; down keeps it. */
  persistent: boolean;
}

/** A file to write into a volume before any container mounts it (configMap, secret, downwardAPI). */
export interface VolumeFile {
  /** The Docker volume. */
  dockerVolume: string;
  /** Relative path inside the volume. */
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
  mode: number;
}

export interface HostPathCheck {
  volume: string;
  path: string;
  type: '' | 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';
}

/**
 * Volumes are prepared through one created-never-started helper container that mounts them all: it makes
 * emptyDirs world-writable (as Kubernetes does) and receives configMap / secret files by PUT /archive.
 */
export interface VolumeHelperPlan {
  name: string;
  body: ContainerCreateBody;
  /** Where each Docker volume is mounted inside the helper. */
  mountPoints: Record<string, string>;
  /** Docker volumes that start empty and must be writable by any user (emptyDir). */
  worldWritable: string[];
  files: VolumeFile[];
}

export interface PlanStep {
  /** The HTTP call, e.g. "POST /containers/create?name=web-app". */
  call: string;
  /** What it does, in plain words. */
  description: string;
  body?: unknown;
}

export interface Plan {
  pod: { name: string; namespace: string; uid?: string };
  /** The labels that identify every object of this Pod (managed, pod, namespace, design). */
  podLabels: Record<string, string>;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  network?: {
    name: string;
    body: { Name: string; Driver: 'bridge'; CheckDuplicate: boolean; Labels: Record<string, string> };
  };
  images: { image: string; pullPolicy: PullPolicy; containers: string[] }[];
  hostPaths: HostPathCheck[];
  volumes: VolumePlan[];
  volumeHelper?: VolumeHelperPlan;
  infra: ContainerPlan;
  /** Init containers, run one by one to completion (sidecars are started and left running). */
  init: ContainerPlan[];
  apps: ContainerPlan[];
  /** The calls in order, for display and review. */
  steps: PlanStep[];
  /** What only the engine adds to the rules (an old Docker, a ConfigMap the design lacks); see check-run.ts. */
  problems: Diagnostic[];
}
