// Containers on the engine for "New design from running containers": a list (with the Compose project and service,
// or the Podwright Pod, each one belongs to) and `docker inspect` trimmed to what a design can use, with the image's
// own defaults beside it so only what was set on the container becomes a field (as `podman kube generate` does).
import type Docker from 'dockerode';
import type { ContainerDetails, ContainerList, ImageDefaults } from '../../../../shared/api/imports';
import { Labels } from '../../../../shared/model/labels';

/** Most containers one list answers with; a machine with more is asked to narrow it down. */
export const MAX_LISTED = 2000;

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';

export async function listContainers(docker: Docker, limit = MAX_LISTED): Promise<ContainerList> {
  const all = await docker.listContainers({ all: true });
  const containers = all
    .sort((a, b) => (b.Created ?? 0) - (a.Created ?? 0))
    .slice(0, limit)
    .map((c) => {
      const labels = c.Labels ?? {};
      const summary: ContainerList['containers'][number] = {
        id: c.Id,
        name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
        image: c.Image,
        state: c.State ?? '',
        status: c.Status ?? '',
      };
      if (labels[COMPOSE_PROJECT]) summary.composeProject = labels[COMPOSE_PROJECT];
      if (labels[COMPOSE_SERVICE]) summary.composeService = labels[COMPOSE_SERVICE];
      if (labels[Labels.pod]) summary.podwrightPod = labels[Labels.pod];
      return summary;
    });
  return { containers, truncated: all.length > limit };
}

type Inspect = Docker.ContainerInspectInfo & {
  Config: Docker.ContainerInspectInfo['Config'] & {
    Healthcheck?: RawHealthcheck;
    StopSignal?: string;
    StopTimeout?: number;
  };
};
interface RawHealthcheck {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
  StartInterval?: number;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const strings = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : {};

function healthcheck(h: RawHealthcheck | undefined): ContainerDetails['config']['healthcheck'] {
  if (!h) return undefined;
  const out: NonNullable<ContainerDetails['config']['healthcheck']> = {};
  if (h.Test) out.test = list(h.Test);
  if (h.Interval) out.interval = h.Interval;
  if (h.Timeout) out.timeout = h.Timeout;
  if (h.Retries) out.retries = h.Retries;
  if (h.StartPeriod) out.startPeriod = h.StartPeriod;
  if (h.StartInterval) out.startInterval = h.StartInterval;
  return out;
}

async function imageDefaults(
  docker: Docker,
  image: string,
  cache: Map<string, Promise<ImageDefaults | undefined>>,
): Promise<ImageDefaults | undefined> {
  let found = cache.get(image);
  if (!found) {
    found = docker
      .getImage(image)
      .inspect()
      .then((info) => {
        const c = (info.Config ?? {}) as Docker.ImageInspectInfo['Config'] & { Healthcheck?: RawHealthcheck };
        return {
          env: list(c.Env),
          cmd: c.Cmd ? list(c.Cmd) : null,
          entrypoint: c.Entrypoint ? list(c.Entrypoint) : null,
          workingDir: c.WorkingDir ?? '',
          user: c.User ?? '',
          exposedPorts: Object.keys(c.ExposedPorts ?? {}),
          healthcheck: healthcheck(c.Healthcheck),
        };
      })
      .catch(() => undefined);
    cache.set(image, found);
  }
  return found;
}

/** `docker inspect` of each container (by id or name), in the order asked; a container that is gone is left out. */
export async function inspectContainers(docker: Docker, ids: readonly string[]): Promise<ContainerDetails[]> {
  const images = new Map<string, Promise<ImageDefaults | undefined>>();
  const out: ContainerDetails[] = [];
  for (const id of ids) {
    const info = (await docker
      .getContainer(id)
      .inspect()
      .catch(() => undefined)) as Inspect | undefined;
    if (!info) continue;
    const c = info.Config;
    const hc = info.HostConfig as Docker.HostConfig & {
      Sysctls?: Record<string, string>;
      Tmpfs?: Record<string, string>;
    };
    const details: ContainerDetails = {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      image: c.Image,
      running: Boolean(info.State?.Running),
      config: {
        hostname: c.Hostname ?? '',
        domainname: c.Domainname ?? '',
        user: c.User ?? '',
        env: list(c.Env),
        cmd: c.Cmd ? list(c.Cmd) : null,
        entrypoint: c.Entrypoint ? list(c.Entrypoint) : null,
        workingDir: c.WorkingDir ?? '',
        labels: strings(c.Labels),
        exposedPorts: Object.keys(c.ExposedPorts ?? {}),
        tty: Boolean(c.Tty),
        openStdin: Boolean(c.OpenStdin),
        healthcheck: healthcheck(c.Healthcheck),
      },
      hostConfig: {
        networkMode: hc.NetworkMode ?? '',
        ipcMode: hc.IpcMode ?? '',
        pidMode: hc.PidMode ?? '',
        portBindings: Object.fromEntries(
          Object.entries(hc.PortBindings ?? {}).map(([port, bindings]) => [
            port,
            ((bindings as { HostIp?: string; HostPort?: string }[] | null) ?? []).map((b) => ({
              hostIp: b.HostIp ?? '',
              hostPort: b.HostPort ?? '',
            })),
          ]),
        ),
        restartPolicy: {
          name: hc.RestartPolicy?.Name ?? '',
          maximumRetryCount: hc.RestartPolicy?.MaximumRetryCount ?? 0,
        },
        privileged: Boolean(hc.Privileged),
        readonlyRootfs: Boolean(hc.ReadonlyRootfs),
        capAdd: list(hc.CapAdd),
        capDrop: list(hc.CapDrop),
        memory: hc.Memory ?? 0,
        memoryReservation: hc.MemoryReservation ?? 0,
        nanoCpus: hc.NanoCpus ?? 0,
        cpuQuota: hc.CpuQuota ?? 0,
        cpuPeriod: hc.CpuPeriod ?? 0,
        shmSize: hc.ShmSize ?? 0,
        sysctls: strings(hc.Sysctls),
        extraHosts: list(hc.ExtraHosts),
        dns: list(hc.Dns),
        dnsSearch: list(hc.DnsSearch),
        dnsOptions: list(hc.DnsOptions),
        tmpfs: strings(hc.Tmpfs),
      },
      mounts: (info.Mounts ?? []).map((m) => {
        const mount: ContainerDetails['mounts'][number] = {
          type: m.Type ?? 'volume',
          source: m.Source ?? '',
          destination: m.Destination,
          rw: Boolean(m.RW),
        };
        if (m.Name) mount.name = m.Name;
        if (m.Propagation) mount.propagation = m.Propagation;
        return mount;
      }),
      networks: Object.entries(info.NetworkSettings?.Networks ?? {}).map(([name, n]) => ({
        name,
        aliases: list((n as { Aliases?: unknown }).Aliases),
      })),
    };
    if (c.StopSignal) details.config.stopSignal = c.StopSignal;
    if (typeof c.StopTimeout === 'number') details.config.stopTimeout = c.StopTimeout;
    const defaults = await imageDefaults(docker, info.Image, images);
    if (defaults) details.imageDefaults = defaults;
    out.push(details);
  }
  return out;
}
