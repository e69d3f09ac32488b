// The Compose project as the mapping to Pods reads it: every service field in its long form, already interpolated,
// extended and filtered by profile. Compose files and running containers (docker inspect) both become this model,
// so one grouping and one mapping serve both.

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface PortModel {
  target: number;
  /** A host port, a host port range ("8000-8010": Docker picks one), or undefined for a random host port. */
  published?: string;
  hostIp?: string;
  protocol: string;
  name?: string;
  /** The Compose text of a short-syntax port, for notes. */
  raw?: string;
}

export interface ExposeModel {
  port: number;
  protocol: string;
}

export type MountType = 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'image' | 'cluster';

export interface MountModel {
  type: MountType;
  /** Volume name, host path (as written, after interpolation), or image; absent for an anonymous volume or tmpfs. */
  source?: string;
  target: string;
  readOnly: boolean;
  propagation?: string;
  subpath?: string;
  /** tmpfs size in bytes. */
  size?: number;
  /** The options Kubernetes has no field for (consistency, selinux, nocopy, ...). */
  ignored: string[];
}

export interface TmpfsModel {
  target: string;
  size?: number;
}

export interface DependsModel {
  service: string;
  condition: DependsCondition;
  required: boolean;
}

export interface HealthModel {
  /** NONE (or disable: true) switches the image's healthcheck off. */
  disabled: boolean;
  /** CMD form: the argument vector; CMD-SHELL (and a plain string): the shell command, run with /bin/sh -c. */
  test?: { kind: 'exec'; command: string[] } | { kind: 'shell'; command: string };
  intervalSeconds?: number;
  timeoutSeconds?: number;
  retries?: number;
  startPeriodSeconds?: number;
  startIntervalSeconds?: number;
}

export interface FileMountModel {
  /** The top-level config or secret name. */
  source: string;
  /** Where the file appears; absolute (Compose puts secrets under /run/secrets and configs under /). */
  target: string;
  mode?: number;
  uid?: string;
  gid?: string;
}

export interface ResourcesModel {
  cpus?: number;
  memoryBytes?: number;
  pids?: number;
}

/** A Compose field that has no Pod equivalent, kept for a note (never dropped without a word). */
export interface IgnoredField {
  key: string;
  /** A short rendering of the value, when it helps the note. */
  value?: string;
}

export interface ServiceModel {
  name: string;
  image?: string;
  /** Set when the service has `build:`; a build without an image uses the image name Compose would give it. */
  build?: { context?: string };
  containerName?: string;
  /** undefined keeps the image's; [] clears it. */
  command?: string[];
  entrypoint?: string[];
  /** What Compose left out of a string command or entrypoint after an unquoted `;`, `&`, `|`, `<` or `>`. */
  droppedShell?: { field: 'command' | 'entrypoint'; text: string }[];
  /** The final environment in order: env_file values, then `environment`, later ones replacing earlier ones. */
  environment: [string, string][];
  ports: PortModel[];
  expose: ExposeModel[];
  volumes: MountModel[];
  tmpfs: TmpfsModel[];
  dependsOn: DependsModel[];
  healthcheck?: HealthModel;
  restart?: string;
  networkMode?: string;
  ipc?: string;
  pid?: string;
  uts?: string;
  /** Networks the service joins, with the aliases it has on them. */
  networks: { name: string; aliases: string[] }[];
  user?: string;
  workingDir?: string;
  capAdd: string[];
  capDrop: string[];
  privileged?: boolean;
  readOnly?: boolean;
  sysctls: [string, string][];
  hostname?: string;
  domainname?: string;
  extraHosts: { hostname: string; ip: string }[];
  dns: string[];
  dnsSearch: string[];
  dnsOpt: string[];
  limits: ResourcesModel;
  reservations: ResourcesModel;
  shmSize?: number;
  configs: FileMountModel[];
  secrets: FileMountModel[];
  tty?: boolean;
  stdinOpen?: boolean;
  stopGraceSeconds?: number;
  stopSignal?: string;
  /** `pull_policy` as written (always, never, missing, if_not_present, build, daily...). */
  pullPolicy?: string;
  /** A single plain post_start / pre_stop hook's command. */
  postStart?: string[];
  preStop?: string[];
  labels: Record<string, string>;
  profiles: string[];
  ignored: IgnoredField[];
  /** Where the service sits in its source: a path in the Compose file (for problems), or a container's name. */
  origin: { path: (string | number)[] } | { container: string };
}

export interface NamedResource {
  name: string;
  external: boolean;
  /** The name outside the project (a volume's `name:`, an external config's name). */
  externalName?: string;
  driver?: string;
}

export interface FileResource extends NamedResource {
  /** The file content, when the caller passed the file (`file:`) or the environment variable held it. */
  content?: string;
  /** `file:` as written, relative to the Compose file's folder. */
  file?: string;
  environment?: string;
}

export interface ProjectModel {
  name: string;
  /** The services that are part of the project after profiles, in file order. */
  services: ServiceModel[];
  /** Services left out because none of their profiles is active. */
  disabled: { name: string; profiles: string[] }[];
  volumes: Map<string, NamedResource>;
  configs: Map<string, FileResource>;
  secrets: Map<string, FileResource>;
  networks: Map<string, NamedResource & { ignored: IgnoredField[] }>;
  /** The Compose file's folder (absolute, POSIX), which relative bind mounts are resolved against. */
  directory?: string;
  /** The user's home for `~` in bind mounts. */
  home?: string;
}

export function emptyService(name: string, origin: ServiceModel['origin']): ServiceModel {
  return {
    name,
    environment: [],
    ports: [],
    expose: [],
    volumes: [],
    tmpfs: [],
    dependsOn: [],
    networks: [],
    capAdd: [],
    capDrop: [],
    sysctls: [],
    extraHosts: [],
    dns: [],
    dnsSearch: [],
    dnsOpt: [],
    limits: {},
    reservations: {},
    configs: [],
    secrets: [],
    labels: {},
    profiles: [],
    ignored: [],
    origin,
  };
}
