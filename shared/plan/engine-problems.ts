// What only the engine (or Podwright's way of running on it) adds to the Pod rules: each problem the plan can report,
// with its severity, category and explanation. Its sentences are in assets/locales/engine-problems as
// `rules.<CODE>.messages.<id>`, so the Problems panel, the run bar and the CLI show them like any rule's.
import type { Category, Severity } from '../model/diagnostic';

interface EngineProblemKind {
  severity: Severity;
  category: Category;
  explanation: string;
}

export const engineProblemKinds = {
  ENGINE_TOO_OLD: {
    severity: 'error',
    category: 'engine',
    explanation:
      'Podwright drives the engine through the Docker Engine API and needs version 1.41 (Docker 20.10) or newer for the calls a Pod takes.',
  },
  ENGINE_NO_SUBPATH: {
    severity: 'error',
    category: 'engine',
    explanation:
      'Kubernetes can mount one folder of a volume (subPath). Docker can do that for named volumes only from Engine API 1.45 (Docker 26); an older engine would mount the whole volume, which is not what the Pod asks.',
  },
  HOSTNAME_IGNORED: {
    severity: 'warning',
    category: 'runtime',
    explanation:
      "A Pod on the host's network shares the host's UTS namespace too, so its hostname is the host's; spec.hostname has no effect.",
  },
  HOSTPATH_NOT_ABSOLUTE: {
    severity: 'error',
    category: 'engine',
    explanation: 'A hostPath names a place on the host; the engine binds only absolute paths.',
  },
  VOLUME_BAD_MEDIUM: {
    severity: 'error',
    category: 'engine',
    explanation: 'On Docker an emptyDir is a volume on disk, or a tmpfs for medium "Memory"; other media (huge pages) cannot be made here.',
  },
  VOLUME_UNSUPPORTED: {
    severity: 'error',
    category: 'engine',
    explanation:
      'Podwright runs emptyDir, hostPath, configMap, secret, downwardAPI and persistentVolumeClaim volumes on a local engine; other volume types need a cluster and its storage drivers.',
  },
  VOLUME_MISSING_KEY: {
    severity: 'error',
    category: 'engine',
    explanation:
      'A volume item names a key its ConfigMap or Secret does not have. The kubelet would refuse to start the container (CreateContainerConfigError); Podwright refuses to run it.',
  },
  VOLUME_BAD_PATH: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'Files of a configMap, secret or downwardAPI volume are written inside the volume; a path that is absolute or climbs out with ".." is refused.',
  },
  CONFIGMAP_NOT_FOUND: {
    severity: 'error',
    category: 'engine',
    explanation:
      'On a cluster the ConfigMap would come from the namespace. Running locally, Podwright takes ConfigMaps from the design: add it to the same file (kind: ConfigMap), or mark the reference optional.',
  },
  CONFIGMAP_KEY_NOT_FOUND: {
    severity: 'error',
    category: 'engine',
    explanation: 'The env reads a key of a ConfigMap that the design does not hold (or that lacks the key).',
  },
  CONFIGMAP_DUPLICATE_KEY: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'A ConfigMap key may be in data or in binaryData, not both; the API server refuses the ConfigMap.',
  },
  SECRET_NOT_FOUND: {
    severity: 'error',
    category: 'engine',
    explanation:
      'On a cluster the Secret would come from the namespace. Running locally, Podwright takes Secrets from the design: add it to the same file (kind: Secret), or mark the reference optional.',
  },
  SECRET_KEY_NOT_FOUND: {
    severity: 'error',
    category: 'engine',
    explanation: 'The env reads a key of a Secret that the design does not hold (or that lacks the key).',
  },
  SECRET_BAD_DATA: {
    severity: 'error',
    category: 'kubernetes',
    explanation: "A Secret's data holds base64; plain text goes in stringData. The API server refuses data that is not base64.",
  },
  DOWNWARD_UNSUPPORTED: {
    severity: 'error',
    category: 'engine',
    explanation:
      'Podwright writes downwardAPI files before the Pod starts, so it can fill in what is known then (names, labels, limits) but not the Pod IP, which only exists once the infra container runs.',
  },
  ENV_FIELD_UNSUPPORTED: {
    severity: 'error',
    category: 'engine',
    explanation: 'Podwright fills in the fieldRef values a local engine knows (name, namespace, labels, IPs...); this one it cannot.',
  },
  RESOURCE_FIELD_NO_CONTAINER: {
    severity: 'error',
    category: 'engine',
    explanation: 'A resourceFieldRef reads the limits or requests of one container of the Pod; the one it names is not there.',
  },
  RESOURCE_FIELD_UNSUPPORTED: {
    severity: 'error',
    category: 'engine',
    explanation: 'Podwright can fill in cpu, memory and ephemeral-storage limits and requests; not this resource.',
  },
  MOUNT_NOT_ABSOLUTE: {
    severity: 'error',
    category: 'engine',
    explanation: 'A container mounts a volume at an absolute path; the engine refuses a relative one.',
  },
  MOUNT_BAD_SUBPATH: {
    severity: 'error',
    category: 'runtime',
    explanation:
      "A subPathExpr is expanded from the container's environment when it starts; the result must stay inside the volume. The kubelet refuses the container otherwise, and so does Podwright.",
  },
  RESOURCE_MEMORY_TOO_SMALL: {
    severity: 'error',
    category: 'engine',
    explanation: 'Docker refuses a memory limit under 6 MiB; a container needs more than that to start anyway.',
  },
  RUN_AS_GROUP_WITHOUT_USER: {
    severity: 'warning',
    category: 'engine',
    explanation: 'Docker sets the user and group together; it cannot change only the group, so the image keeps its own.',
  },
  RUN_AS_NON_ROOT: {
    severity: 'error',
    category: 'engine',
    explanation:
      'runAsNonRoot asks the kubelet to refuse a container that would run as root. With runAsUser 0 it always would, so the container never starts (CreateContainerConfigError); Podwright refuses to run it.',
  },
} as const satisfies Record<string, EngineProblemKind>;

export type EngineProblemCode = keyof typeof engineProblemKinds;

export function engineProblemKind(code: EngineProblemCode): EngineProblemKind {
  return engineProblemKinds[code];
}
