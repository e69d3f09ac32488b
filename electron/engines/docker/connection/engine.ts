// The connection to one container engine (Docker, or Podman's Docker-compatible socket) through dockerode.
import Docker from 'dockerode';
import type { EngineEvent, EngineStatus, EngineUnreachable } from '../../../../shared/api';
import { engineAgent, pingEngine, sharedLiveness } from './engine-agent';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoint';
import { lineSplitter } from './json-lines';
import { streamingClient } from './streaming-client';

export interface EngineOptions {
  /** A host the user chose (unix://..., tcp://...); otherwise DOCKER_HOST / context / default. */
  host?: string;
  /**
   * Milliseconds a call may go without progress (no byte either way) before the engine is pinged; an engine that
   * does not answer the ping within the same time loses the call. A working engine is never cut off.
   */
  timeoutMs?: number;
}

export class Engine {
  readonly resolved: ResolvedEndpoint;
  /** For request/response calls. */
  readonly docker: Docker;
  /** For long-lived streams (events, follow logs, waits): the same connection, named for what it carries. */
  readonly streams: Docker;

  constructor(options: EngineOptions = {}) {
    this.resolved = resolveEndpoint(options.host);
    const idleMs = options.timeoutMs ?? 10_000;
    const { modem } = this.resolved;
    const alive = sharedLiveness(() => pingEngine(modem, idleMs), idleMs);
    const agent = engineAgent(modem.protocol === 'https' ? 'https' : 'http', { idleMs, alive });
    // No fixed timeout: the agent measures progress instead (engine-agent.ts).
    this.docker = new Docker({ ...modem, timeout: 0, agent } as Docker.DockerOptions);
    this.streams = streamingClient(this.docker);
  }

  /**
   * Ends this engine's connections, a call still waiting included (it fails, as on a lost engine): for a command that
   * asked the engine something ahead and is done before it needs the answer, so its process exits at once.
   */
  close(): void {
    (this.docker.modem as { agent?: { destroy(): void } }).agent?.destroy();
  }

  /** Whether the engine answers a ping within `timeoutMs`, on a connection of its own. Never throws. */
  ping(timeoutMs = 2000): Promise<boolean> {
    return pingEngine(this.resolved.modem, timeoutMs);
  }

  /** Resolves true as soon as the engine answers again, false after `withinMs` or once `signal` aborts. */
  async back(withinMs: number, signal?: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + withinMs;
    while (!signal?.aborted) {
      if (await this.ping(Math.min(2000, Math.max(100, deadline - Date.now())))) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  }

  /** Engine facts for the status bar, or why the engine cannot be reached. Never throws. */
  async info(): Promise<EngineStatus> {
    const { refused, endpoint } = this.resolved;
    if (refused) return { reachable: false, code: 'ENGINE_ERROR', ...refused, endpoint };
    try {
      const [version, info] = await Promise.all([this.docker.version(), this.docker.info()]);
      const components = (version as { Components?: { Name?: string }[] }).Components ?? [];
      const isPodman = components.some((c) => /podman/i.test(c.Name ?? ''));
      return {
        reachable: true,
        name: isPodman ? 'Podman' : 'Docker',
        version: version.Version,
        apiVersion: version.ApiVersion,
        minApiVersion: (version as { MinAPIVersion?: string }).MinAPIVersion,
        os: String(info.OperatingSystem ?? version.Os),
        osType: String(info.OSType ?? version.Os),
        arch: version.Arch,
        kernelVersion: version.KernelVersion,
        cpus: Number(info.NCPU ?? 0),
        memoryBytes: Number(info.MemTotal ?? 0),
        // For the workshop's namespace overlay: cgroup v1/v2 and userns-remap change which namespaces containers get.
        cgroupVersion: typeof info.CgroupVersion === 'string' && info.CgroupVersion ? info.CgroupVersion : undefined,
        securityOptions: Array.isArray(info.SecurityOptions) ? info.SecurityOptions.map(String) : undefined,
        endpoint: this.resolved.endpoint,
      };
    } catch (err) {
      return this.unreachable(err);
    }
  }

  /** Explains a failed connection in the user's terms: which socket, why, and what to do. */
  unreachable(err: unknown): EngineUnreachable {
    const e = err as NodeJS.ErrnoException & { statusCode?: number };
    const endpoint = this.resolved.endpoint;
    const where = `${endpoint.host}${endpoint.context ? ` (docker context "${endpoint.context}")` : ''}${
      endpoint.source === 'DOCKER_HOST' ? ' (from DOCKER_HOST)' : ''
    }`;
    const start =
      process.platform === 'linux'
        ? 'Start Docker with "sudo systemctl start docker" (or "sudo dockerd &"), or point DOCKER_HOST at a running engine.'
        : 'Start Docker Desktop (or Podman Desktop), or point DOCKER_HOST at a running engine.';
    switch (e?.code) {
      case 'ENOENT':
        return {
          reachable: false,
          code: 'ENGINE_NOT_FOUND',
          reason: `No Docker Engine socket at ${where}.`,
          hint: start,
          endpoint,
        };
      case 'EACCES':
      case 'EPERM':
        return {
          reachable: false,
          code: 'ENGINE_PERMISSION_DENIED',
          reason: `Permission denied on ${where}.`,
          hint: 'Add your user to the "docker" group ("sudo usermod -aG docker $USER", then log in again), or use rootless Docker or Podman.',
          endpoint,
        };
      case 'ECONNREFUSED':
        return {
          reachable: false,
          code: 'ENGINE_REFUSED',
          reason: `Nothing answers at ${where}: the engine is not running.`,
          hint: start,
          endpoint,
        };
      case 'ETIMEDOUT':
      case 'ESOCKETTIMEDOUT':
        return {
          reachable: false,
          code: 'ENGINE_TIMEOUT',
          reason: `The engine at ${where} did not answer in time.`,
          hint: 'The engine may be starting or overloaded; try again in a moment.',
          endpoint,
        };
      default:
        return {
          reachable: false,
          code: 'ENGINE_ERROR',
          reason: `The engine at ${where} answered with an error: ${e?.message ?? String(err)}`,
          hint: start,
          endpoint,
        };
    }
  }

  /**
   * Streams the engine's events until `signal` aborts. Resolves when the engine closes the stream.
   * `labels` narrows to objects carrying every `key=value` given.
   */
  async events(labels: string[] | undefined, emit: (event: EngineEvent) => void, signal: AbortSignal): Promise<void> {
    const filters = labels?.length ? { label: labels } : undefined;
    const stream = (await this.streams.getEvents(filters ? { filters } : {})) as NodeJS.ReadableStream & {
      destroy?: () => void;
    };
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        stream.destroy?.();
        resolve();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      stream.on(
        'data',
        lineSplitter((line) => emit(toEngineEvent(line))),
      );
      stream.on('end', () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      stream.on('error', (err) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) resolve();
        else reject(err);
      });
    });
  }
}

function toEngineEvent(line: string): EngineEvent {
  const raw = JSON.parse(line) as {
    Type?: string;
    Action?: string;
    Actor?: { ID?: string; Attributes?: Record<string, string> };
    time?: number;
    timeNano?: number;
  };
  return {
    type: raw.Type ?? 'unknown',
    action: raw.Action ?? 'unknown',
    id: raw.Actor?.ID ?? '',
    time: raw.timeNano ? raw.timeNano / 1e6 : (raw.time ?? 0) * 1000,
    attributes: raw.Actor?.Attributes ?? {},
  };
}
