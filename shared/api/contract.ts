// The one API contract between the UI and the back end: every call, result and event, as zod schemas.
import { z } from 'zod';
import { MessageParams } from './errors';
import { fileCalls } from './files';
import { draftCalls } from './drafts';
import { importCalls } from './imports';

/** Where Podwright looked for the engine, so an error can say exactly which socket was tried. */
export const EngineEndpoint = z.object({
  /** How the endpoint was chosen: DOCKER_HOST, a docker context, or the platform default. */
  source: z.enum(['DOCKER_HOST', 'context', 'default', 'setting', 'kubeconfig']),
  /** The docker context name, when source is `context`. */
  context: z.string().optional(),
  /** A URL-like description: unix:///var/run/docker.sock, npipe:////./pipe/docker_engine, tcp://host:2376. */
  host: z.string(),
  tls: z.boolean(),
});
export type EngineEndpoint = z.infer<typeof EngineEndpoint>;

export const EngineInfo = z.object({
  reachable: z.literal(true),
  /** Product name: "Docker" or "Podman" (Podman's Docker-compatible socket reports itself in /version). */
  name: z.string(),
  version: z.string(),
  apiVersion: z.string(),
  minApiVersion: z.string().optional(),
  os: z.string(),
  osType: z.string(),
  arch: z.string(),
  kernelVersion: z.string().optional(),
  cpus: z.number().int().nonnegative(),
  memoryBytes: z.number().nonnegative(),
  /** The host's cgroup version ("1" or "2", from /info CgroupVersion): it decides the containers' cgroup namespace. */
  cgroupVersion: z.string().optional(),
  /** /info SecurityOptions, e.g. "name=seccomp,profile=builtin", "name=cgroupns", "name=userns" (userns-remap on). */
  securityOptions: z.array(z.string()).optional(),
  endpoint: EngineEndpoint,
  /** Set when the engine is a Kubernetes cluster (a kubeconfig context): issue 18. */
  cluster: z.lazy(() => ClusterEngineInfo).optional(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

export const EngineUnreachable = z.object({
  reachable: z.literal(false),
  /** A stable code for the UI: the socket is missing, permission denied, refused, timed out, other. */
  code: z.enum(['ENGINE_NOT_FOUND', 'ENGINE_PERMISSION_DENIED', 'ENGINE_REFUSED', 'ENGINE_TIMEOUT', 'ENGINE_ERROR']),
  reason: z.string(),
  /** What the user can do about it, in plain words. */
  hint: z.string(),
  endpoint: EngineEndpoint,
  /** Set when the engine is a Kubernetes cluster (a kubeconfig context): issue 18. */
  cluster: z.lazy(() => ClusterEngineInfo).optional(),
});
export type EngineUnreachable = z.infer<typeof EngineUnreachable>;

export const EngineStatus = z.discriminatedUnion('reachable', [EngineInfo, EngineUnreachable]);
export type EngineStatus = z.infer<typeof EngineStatus>;

/** An event from the engine's own event stream (container start/die, volume create...). */
export const EngineEvent = z.object({
  type: z.string(),
  action: z.string(),
  id: z.string(),
  time: z.number(),
  attributes: z.record(z.string(), z.string()),
});
export type EngineEvent = z.infer<typeof EngineEvent>;

export const AppVersion = z.object({
  name: z.literal('podwright'),
  version: z.string(),
  /** Which transport the UI is talking over. */
  host: z.enum(['electron', 'browser']),
});
export type AppVersion = z.infer<typeof AppVersion>;

/** A Pod Podwright runs, by name (namespace defaults to "default"). */
export const PodRef = z
  .object({
    name: z.string().min(1).max(253),
    namespace: z.string().min(1).max(63).optional(),
  })
  .strict();
export type PodRef = z.infer<typeof PodRef>;

/** A container's state in Kubernetes' terms (waiting / running / terminated). */
export const ContainerState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('waiting'), reason: z.string(), message: z.string().optional() }),
  z.object({ state: z.literal('running'), startedAt: z.string() }),
  z.object({
    state: z.literal('terminated'),
    exitCode: z.number().int(),
    reason: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    message: z.string().optional(),
  }),
]);

export const ContainerStatus = z.object({
  /** The name in the Pod spec; "POD" is the infra container. */
  name: z.string(),
  role: z.enum(['infra', 'init', 'sidecar', 'app']),
  image: z.string(),
  id: z.string().optional(),
  state: ContainerState,
  restartCount: z.number().int().nonnegative(),
  /** On a cluster: the container passes its readiness (Kubernetes' ready flag). */
  ready: z.boolean().optional(),
  /** On a cluster: how the previous run ended (CrashLoopBackOff's last exit code). */
  lastTerminated: z.object({ exitCode: z.number().int(), reason: z.string(), finishedAt: z.string().optional() }).optional(),
});

export const PodSnapshot = z.object({
  name: z.string(),
  namespace: z.string(),
  design: z.string().optional(),
  phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']),
  restartPolicy: z.enum(['Always', 'OnFailure', 'Never']),
  podIP: z.string().optional(),
  containers: z.array(ContainerStatus),
  /** On a cluster (issue 18): the Pod's conditions, the scheduler's words among them. */
  conditions: z.array(z.lazy(() => PodCondition)).optional(),
  /** On a cluster: the node the Pod runs on. */
  node: z.string().optional(),
  /** On a cluster: each replica Pod of the Deployment (a bare Pod is its own only replica). */
  replicas: z.array(z.lazy(() => ReplicaSnapshot)).optional(),
  /** On a cluster: the Deployment around the Pod and how many replicas are ready ("2/3"). */
  workload: z.lazy(() => WorkloadStatus).optional(),
  /** On a cluster: links to the Pod's ports, forwarded to 127.0.0.1. */
  forwards: z.array(z.lazy(() => PortForwardInfo)).optional(),
  /**
   * Why the Pod is in its phase when that is not its containers' doing (issue 21, finding 11): "InfraStopped",
   * "InfraMissing", "ContainerMissing" or "RunInterrupted", with the sentence and its runerrors catalogue entry.
   */
  reason: z.string().optional(),
  message: z.string().optional(),
  messageId: z.string().optional(),
  params: MessageParams.optional(),
});
export type PodSnapshot = z.infer<typeof PodSnapshot>;

/** One event of the pod.status stream: a fresh snapshot, a removal, or a step of a run in progress. */
export const PodStatusEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), pod: PodSnapshot }),
  z.object({ kind: z.literal('removed'), name: z.string(), namespace: z.string() }),
  z.object({
    kind: z.literal('progress'),
    name: z.string(),
    namespace: z.string(),
    stage: z.string(),
    message: z.string(),
    container: z.string().optional(),
    layer: z
      .object({ id: z.string(), status: z.string(), current: z.number().optional(), total: z.number().optional() })
      .optional(),
  }),
]);
export type PodStatusEvent = z.infer<typeof PodStatusEvent>;

export const PodRunInput = z
  .object({
    /** The Pod and the ConfigMaps / Secrets it reads, as plain Kubernetes objects. */
    documents: z.array(z.record(z.string(), z.unknown())).min(1).max(100),
    /** Overrides the infra image setting (default registry.k8s.io/pause:3.10). */
    infraImage: z.string().min(1).max(512).optional(),
    /** The design id, stored as a label. */
    design: z.string().min(1).max(63).optional(),
  })
  .strict();

/** One event of a Pod's merged log stream (pod.logs): a line, a container's new attempt, or its stop. */
export const PodLogEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('line'),
    /** The container's name in the Pod spec. */
    container: z.string(),
    stream: z.enum(['stdout', 'stderr', 'tty']),
    /** The engine's RFC 3339 timestamp; pass the last one back as `since` to resume. */
    time: z.string(),
    /** The same instant in epoch milliseconds. */
    t: z.number(),
    text: z.string(),
    /** The line was longer than maxLineBytes; text is its beginning. */
    truncated: z.boolean(),
    /**
     * 0 for the first run of the container the stream shows, +1 for each run after it (placed by the engine's
     * record of the container's exits).
     */
    attempt: z.number().int().nonnegative(),
    /** On a cluster: the replica Pod the line came from. */
    replica: z.string().optional(),
  }),
  z.object({
    kind: z.literal('attempt'),
    container: z.string(),
    attempt: z.number().int(),
    time: z.string(),
    t: z.number(),
    replica: z.string().optional(),
  }),
  z.object({
    kind: z.literal('stopped'),
    container: z.string(),
    attempt: z.number().int(),
    exitCode: z.number().int(),
    time: z.string(),
    t: z.number(),
    replica: z.string().optional(),
  }),
  /**
   * On a cluster: the node no longer has this run's log (its container was removed); the kubelet answers that in
   * place of the lines, and it is said as ours, not as something the container printed.
   */
  z.object({
    kind: z.literal('unavailable'),
    container: z.string(),
    attempt: z.number().int(),
    time: z.string(),
    t: z.number(),
    replica: z.string().optional(),
  }),
]);
export type PodLogEvent = z.infer<typeof PodLogEvent>;

const ContainerName = z.string().min(1).max(253);
/** A command as an argument vector: never a shell string. */
const ExecCommand = z.array(z.string().max(8192)).min(1).max(256);
const ExecEnvironment = {
  env: z.array(z.string().max(4096)).max(64).optional(),
  workingDir: z.string().max(4096).optional(),
  user: z.string().max(256).optional(),
};

export const ExecResult = z.object({
  /** null when the command was still running at the deadline. */
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  /** Output past 1 MiB per stream was dropped. */
  truncated: z.boolean(),
  timedOut: z.boolean(),
  /** Faults (issue 21): the command outlived its deadline and could not be ended in the container. */
  stillRunning: z.boolean().optional(),
});
export type ExecResult = z.infer<typeof ExecResult>;

/** One event of an exec session: its id (for pod.exec.input / resize), output, then the exit code. */
export const ExecSessionEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), session: z.string() }),
  z.object({ kind: z.literal('output'), stream: z.enum(['stdout', 'stderr', 'tty']), data: z.string() }),
  z.object({ kind: z.literal('exit'), exitCode: z.number().int().nullable() }),
]);
export type ExecSessionEvent = z.infer<typeof ExecSessionEvent>;

/** An engine found on this machine, whether it answers, and whether it is the one in use. */
export const EngineChoice = z.object({
  kind: z.enum(['DOCKER_HOST', 'context', 'docker', 'docker-desktop', 'podman-rootful', 'podman-rootless', 'setting', 'kube-context']),
  host: z.string(),
  context: z.string().optional(),
  label: z.string(),
  selected: z.boolean(),
  reachable: z.boolean(),
  name: z.string().optional(),
  version: z.string().optional(),
  apiVersion: z.string().optional(),
  reason: z.string().optional(),
  /** A kubeconfig context (kind kube-context): its namespace, its server, and what the user may do there. */
  cluster: z.lazy(() => ClusterEngineInfo).optional(),
});
export type EngineChoice = z.infer<typeof EngineChoice>;

// ---- Kubernetes clusters as engines (issue 18) ----
// Only names, URLs and flags cross: never a token, a key, a certificate or a credential plugin's command.

const KubeName = z.string().min(1).max(253);
const NamespaceName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63);

export const ClusterEngineInfo = z.object({
  context: z.string(),
  cluster: z.string().optional(),
  user: z.string().optional(),
  /** The API server's URL, without any user:password. */
  server: z.string(),
  namespace: z.string(),
  /** insecure-skip-tls-verify is set: the server's certificate is not checked. */
  insecure: z.boolean(),
  /** How the user signs in: exec plugin, client certificate, token... (never the credential itself). */
  auth: z.enum(['exec', 'client-certificate', 'token', 'basic', 'auth-provider', 'none']).optional(),
  /** SelfSubjectAccessReview: may the user create Pods in the namespace (undefined: not asked or not answered). */
  mayCreatePods: z.boolean().optional(),
  /** Whether the namespace exists (undefined: not known, e.g. the user may not read namespaces). */
  namespaceExists: z.boolean().optional(),
  /** The kubeconfig's current context. */
  current: z.boolean().optional(),
  /** Why the context cannot be used (a missing cluster entry...). */
  problem: z.string().optional(),
});
export type ClusterEngineInfo = z.infer<typeof ClusterEngineInfo>;

export const PodCondition = z.object({
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

export const WorkloadStatus = z.object({
  kind: z.literal('Deployment'),
  name: z.string(),
  replicas: z.number().int().nonnegative(),
  ready: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** The Deployment's own conditions (Available, Progressing, ReplicaFailure). */
  conditions: z.array(PodCondition).optional(),
});

export const ReplicaSnapshot = z.object({
  name: z.string(),
  phase: z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']),
  podIP: z.string().optional(),
  node: z.string().optional(),
  containers: z.array(ContainerStatus),
  conditions: z.array(PodCondition).optional(),
  /** Terminating (deleted, stopping). */
  terminating: z.boolean().optional(),
});
export type ReplicaSnapshot = z.infer<typeof ReplicaSnapshot>;

export const PortForwardInfo = z.object({
  container: z.string(),
  containerPort: z.number().int(),
  /** The port on 127.0.0.1. */
  localPort: z.number().int(),
  replica: z.string(),
  name: z.string().optional(),
});

/** The server's verdict on one field or object, in the rules' vocabulary (issue 18 dry run). */
export const ClusterProblem = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  /** A field path inside the Pod (spec.containers[0].image) when the cause points into it, else ''. */
  path: z.string(),
  /** The object it is about: "Deployment helloworld". */
  object: z.string(),
  message: z.string(),
  messageId: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ClusterProblem = z.infer<typeof ClusterProblem>;

export const ClusterObjectPreview = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'refused', 'replace']),
  /** The change against what is live, line by line (YAML): ' ' same, '+' added, '-' removed. */
  diff: z.array(z.object({ op: z.enum([' ', '+', '-']), text: z.string() })).max(5000),
});

export const ClusterPreview = z.object({
  context: z.string(),
  server: z.string(),
  namespace: z.string(),
  name: z.string(),
  as: z.enum(['pod', 'deployment']),
  replicas: z.number().int(),
  /** The server accepted every object in the dry run (conflicts aside: they need force). */
  accepted: z.boolean(),
  objects: z.array(ClusterObjectPreview),
  problems: z.array(ClusterProblem),
  /** Fields another field manager owns with another value: applied only with force. */
  conflicts: z.array(z.object({ object: z.string(), field: z.string(), manager: z.string() })),
  notes: z.array(z.string()),
});
export type ClusterPreview = z.infer<typeof ClusterPreview>;

export const ClusterRunInput = z
  .object({
    documents: z.array(z.record(z.string(), z.unknown())).min(1).max(100),
    design: z.string().min(1).max(63),
    as: z.enum(['pod', 'deployment']).optional(),
    replicas: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const clusterCalls = {
  /** Every kubeconfig context, each asked for its version, namespace and may-create-Pods (asked once, cached). */
  'kube.contexts': { input: z.object({}).strict(), output: z.array(ClusterEngineInfo.extend({ reachable: z.boolean(), version: z.string().optional(), reason: z.string().optional(), selected: z.boolean() })) },
  /** Makes a context (and namespace) the engine: Run, status, logs and terminal then use the cluster. */
  'kube.select': {
    input: z.object({ context: KubeName, namespace: NamespaceName.optional() }).strict(),
    output: EngineStatus,
  },
  /** The namespaces of a context the user may list (undefined names: listing is forbidden; type one). */
  'kube.namespaces': {
    input: z.object({ context: KubeName }).strict(),
    output: z.object({ names: z.array(z.string()).optional(), reason: z.string().optional() }),
  },
  /** Creates a namespace (offered when the chosen one does not exist). */
  'kube.namespace.create': { input: z.object({ context: KubeName, namespace: NamespaceName }).strict(), output: z.object({}) },
  /** The server's dry run (dryRun=All) of the design's objects and their diff against what is live. */
  'kube.preview': { input: ClusterRunInput, output: ClusterPreview },
  /** Applies the design (server-side apply, field manager podwright) once its dry run passes; force takes conflicting fields. */
  'kube.apply': { input: ClusterRunInput.extend({ force: z.boolean().optional() }).strict(), output: PodSnapshot },
  /** Sets the replicas of a running Deployment, as `kubectl scale` does (the count typed while it runs). */
  'kube.scale': {
    input: z.object({ name: KubeName, replicas: z.number().int().min(0).max(1000) }).strict(),
    output: z.object({}),
  },
} as const;

/**
 * Every request/response call. `input` validates what the UI sends, `output` what the back end returns;
 * both transports check both sides.
 */
export const calls = {
  'app.version': { input: z.object({}).strict(), output: AppVersion },
  'engine.info': { input: z.object({}).strict(), output: EngineStatus },
  /**
   * Runs a Pod; resolves when every app container runs. Fails with details.pod = { code, container, exitCode, logs,
   * messageId, params } (PodErrorDetails in errors.ts: the message's runerrors catalogue key for the UI's language);
   * stopped by pod.cancel, with the API code CANCELLED and details.pod.code RUN_CANCELLED.
   */
  'pod.run': { input: PodRunInput, output: PodSnapshot },
  /**
   * Cancels the Pod's run in progress (pod.run then fails with details.pod.code RUN_CANCELLED) and resolves once what
   * it created is removed. `not-running`: no run of this Pod was in progress; `finished`: it ended on its own first.
   */
  'pod.cancel': {
    input: PodRef,
    output: z.object({ outcome: z.enum(['cancelled', 'finished', 'not-running']) }),
  },
  /** Stops every container gracefully (grace period, then kill); null when the Pod does not exist. */
  'pod.stop': {
    input: PodRef.extend({ graceSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    output: PodSnapshot.nullable(),
  },
  /** Removes the Pod's containers and its own volumes; idempotent. */
  'pod.down': {
    input: PodRef.extend({ graceSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
    output: z.object({ containers: z.number().int(), volumes: z.number().int() }),
  },
  /** Pods Podwright created on this engine, found by label (also from an earlier run of the app). */
  'pod.list': { input: z.object({}).strict(), output: z.array(PodSnapshot) },
  /** Runs a command in one container without a TTY; returns its output (1 MiB per stream at most) and exit code. */
  'pod.exec': {
    input: PodRef.extend({
      container: ContainerName,
      command: ExecCommand,
      stdin: z.string().max(1024 * 1024).optional(),
      timeoutMs: z.number().int().min(1).max(600_000).optional(),
      ...ExecEnvironment,
    }).strict(),
    output: ExecResult,
  },
  /** Sends keystrokes (or any input) to a session started by pod.exec.session; `end` closes its stdin. */
  'pod.exec.input': {
    input: z.object({ session: z.string().min(1).max(64), data: z.string().max(64 * 1024), end: z.boolean().optional() }).strict(),
    output: z.object({}),
  },
  /** Resizes a session's TTY (the terminal's columns and rows). */
  'pod.exec.resize': {
    input: z
      .object({ session: z.string().min(1).max(64), cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) })
      .strict(),
    output: z.object({}),
  },
  /** The engines found on this machine (Docker socket, DOCKER_HOST, contexts, Podman sockets), each pinged. */
  'engine.list': { input: z.object({}).strict(), output: z.array(EngineChoice) },
  /** Switches to an engine and remembers it; null goes back to automatic (DOCKER_HOST, context, default). */
  'engine.select': { input: z.object({ host: z.string().min(1).max(1100).nullable() }).strict(), output: EngineStatus },
  /** Design files: open, save, pick, list, recent (shared/api/files.ts). */
  ...fileCalls,
  // Crash recovery: each window's unsaved design, kept by the back end (editing).
  ...draftCalls,
  // ---- Bring what you have (issue 19): a Compose file's side files, running containers (shared/api/imports.ts).
  ...importCalls,
  /** Kubernetes clusters as engines (issue 18), declared with their schemas above. */
  ...clusterCalls,
} as const;

/** Every subscription topic: its parameters and the shape of one event. */
export const topics = {
  'engine.events': {
    params: z
      .object({
        /** Only events whose labels include all of these `key=value` pairs. */
        labels: z.array(z.string().max(256)).max(16).optional(),
      })
      .strict(),
    event: EngineEvent,
  },
  /** Status of Podwright's Pods from the engine's events, plus the progress of runs. */
  'pod.status': {
    params: z
      .object({ name: z.string().min(1).max(253).optional(), namespace: z.string().min(1).max(63).optional() })
      .strict(),
    event: PodStatusEvent,
  },
  /**
   * A Pod's logs, merged across its containers in time order. Ends by itself without follow; with follow, when
   * every container is gone. Ends with ENGINE_UNREACHABLE (details.since) if the engine goes away: resubscribe
   * with that `since` to resume.
   */
  'pod.logs': {
    params: PodRef.extend({
      /** Only these containers; all but the infra when absent. */
      containers: z.array(ContainerName).max(64).optional(),
      follow: z.boolean().optional(),
      /** A duration back from now (5m, 1h30m), an RFC 3339 time, or Unix seconds. */
      since: z.string().max(64).optional(),
      tail: z.number().int().min(0).max(1_000_000).optional(),
      maxLineBytes: z.number().int().min(256).max(64 * 1024).optional(),
    }).strict(),
    event: PodLogEvent,
  },
  /** A live command in one container (a terminal when tty): first event `started` gives the session id. */
  'pod.exec.session': {
    params: PodRef.extend({
      container: ContainerName,
      command: ExecCommand,
      tty: z.boolean().optional(),
      cols: z.number().int().min(1).max(1000).optional(),
      rows: z.number().int().min(1).max(1000).optional(),
      ...ExecEnvironment,
    }).strict(),
    event: ExecSessionEvent,
  },
} as const;

export type CallName = keyof typeof calls;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = z.infer<(typeof calls)[N]['output']>;
export type TopicName = keyof typeof topics;
export type TopicParams<T extends TopicName> = z.input<(typeof topics)[T]['params']>;
export type TopicEvent<T extends TopicName> = z.infer<(typeof topics)[T]['event']>;

export const callNames = Object.keys(calls) as CallName[];
export const topicNames = Object.keys(topics) as TopicName[];

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}
export function isTopicName(name: string): name is TopicName {
  return Object.hasOwn(topics, name);
}
