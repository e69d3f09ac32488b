// The calls that bring what a user already has into a design: a Compose file's side files and environment
// (compose.inputs), and running containers listed and inspected on the engine (containers.list, containers.inspect).
import { z } from 'zod';
import { FilePath } from './files';

const Text = (max: number) => z.string().max(max);
const Name = Text(512);
const StringMap = (entries: number, value = 64 * 1024) =>
  z.record(Text(1024), Text(value)).refine((m) => Object.keys(m).length <= entries, `at most ${entries} entries`);

/** The side files and variables the Compose reader needs, read on the back end (electron/files/compose-inputs.ts). */
export const ComposeInputs = z.object({
  path: z.string(),
  name: z.string(),
  text: z.string(),
  /** The Compose file's folder, for relative bind mounts. */
  directory: z.string(),
  /** Side files by their path relative to the folder, as the reader keys them. */
  files: z.record(z.string(), z.string()),
  /** Only the variables the file reads (and COMPOSE_PROJECT_NAME, COMPOSE_PROFILES, HOME). */
  env: z.record(z.string(), z.string()),
  missing: z.array(z.string()),
  refused: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type ComposeInputs = z.infer<typeof ComposeInputs>;

/** A container as the picker lists it; Compose projects are found by their label. */
export const ContainerSummary = z.object({
  id: Text(128),
  name: Name,
  image: Name,
  state: Text(64),
  status: Text(256),
  /** com.docker.compose.project and .service, when Compose made it. */
  composeProject: Name.optional(),
  composeService: Name.optional(),
  /** dev.podwright.pod, when Podwright made it (its Pod's name). */
  podwrightPod: Name.optional(),
});
export type ContainerSummary = z.infer<typeof ContainerSummary>;

export const ContainerList = z.object({
  containers: z.array(ContainerSummary),
  /** More containers than the list holds were there. */
  truncated: z.boolean(),
});
export type ContainerList = z.infer<typeof ContainerList>;

const Nanos = z.number().nonnegative().optional();
const Healthcheck = z
  .object({
    test: z.array(Text(8192)).max(256).optional(),
    interval: Nanos,
    timeout: Nanos,
    retries: z.number().int().nonnegative().optional(),
    startPeriod: Nanos,
    startInterval: Nanos,
  })
  .optional();

/** The defaults a container inherits from its image, so only what was set on the container becomes a field. */
export const ImageDefaults = z.object({
  env: z.array(Text(64 * 1024)).max(4096),
  cmd: z
    .array(Text(64 * 1024))
    .max(4096)
    .nullable(),
  entrypoint: z
    .array(Text(64 * 1024))
    .max(4096)
    .nullable(),
  workingDir: Text(4096),
  user: Text(256),
  exposedPorts: z.array(Text(64)).max(1024),
  healthcheck: Healthcheck,
});
export type ImageDefaults = z.infer<typeof ImageDefaults>;

/** What `docker inspect` says about one container that a design can use (ContainerInspect, trimmed and bounded). */
export const ContainerDetails = z.object({
  id: Text(128),
  name: Name,
  image: Name,
  running: z.boolean(),
  config: z.object({
    hostname: Text(256),
    domainname: Text(256),
    user: Text(256),
    env: z.array(Text(64 * 1024)).max(4096),
    cmd: z
      .array(Text(64 * 1024))
      .max(4096)
      .nullable(),
    entrypoint: z
      .array(Text(64 * 1024))
      .max(4096)
      .nullable(),
    workingDir: Text(4096),
    labels: StringMap(1024),
    exposedPorts: z.array(Text(64)).max(1024),
    tty: z.boolean(),
    openStdin: z.boolean(),
    stopSignal: Text(64).optional(),
    stopTimeout: z.number().int().optional(),
    healthcheck: Healthcheck,
  }),
  imageDefaults: ImageDefaults.optional(),
  hostConfig: z.object({
    networkMode: Text(512),
    ipcMode: Text(512),
    pidMode: Text(512),
    portBindings: z.record(Text(64), z.array(z.object({ hostIp: Text(64), hostPort: Text(32) })).max(64)),
    restartPolicy: z.object({ name: Text(64), maximumRetryCount: z.number().int().nonnegative() }),
    privileged: z.boolean(),
    readonlyRootfs: z.boolean(),
    capAdd: z.array(Text(64)).max(128),
    capDrop: z.array(Text(64)).max(128),
    memory: z.number().nonnegative(),
    memoryReservation: z.number().nonnegative(),
    nanoCpus: z.number().nonnegative(),
    cpuQuota: z.number(),
    cpuPeriod: z.number().nonnegative(),
    shmSize: z.number().nonnegative(),
    sysctls: StringMap(256, 4096),
    extraHosts: z.array(Text(1024)).max(256),
    dns: z.array(Text(256)).max(64),
    dnsSearch: z.array(Text(256)).max(64),
    dnsOptions: z.array(Text(256)).max(64),
    tmpfs: StringMap(64, 1024),
  }),
  mounts: z
    .array(
      z.object({
        type: Text(32),
        name: Text(512).optional(),
        source: Text(4096),
        destination: Text(4096),
        rw: z.boolean(),
        propagation: Text(32).optional(),
      }),
    )
    .max(256),
  networks: z.array(z.object({ name: Name, aliases: z.array(Name).max(64) })).max(64),
});
export type ContainerDetails = z.infer<typeof ContainerDetails>;

/** At most this many containers per inspect call (the picker asks in batches). */
export const MAX_INSPECT = 50;

export const importCalls = {
  /**
   * The side files and variables of the Compose file at `path` (a file open would accept): side files only from its
   * folder and below, bounded; only the variables the file names.
   */
  'compose.inputs': {
    input: z.object({ path: FilePath, profiles: z.array(Text(256)).max(64).optional() }).strict(),
    output: ComposeInputs,
  },
  /** Containers on the engine (running and stopped), newest first, for "New design from running containers". */
  'containers.list': { input: z.object({}).strict(), output: ContainerList },
  /** `docker inspect` of the chosen containers (and their images' defaults), by id or name. */
  'containers.inspect': {
    input: z.object({ ids: z.array(Text(128)).min(1).max(MAX_INSPECT) }).strict(),
    output: z.array(ContainerDetails),
  },
} as const;
