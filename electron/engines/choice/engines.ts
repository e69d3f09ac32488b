// Which container engines this machine has (Docker socket, DOCKER_HOST, docker contexts, Podman's sockets), whether
// each answers, and the user's remembered choice (a small JSON settings file in the user's config directory).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api';
import { readSettings, settingsPath, writeSettings } from '../../settings/settings';
import { Engine, defaultSocket, resolveEndpoint } from '../docker';

export type EngineKind = 'DOCKER_HOST' | 'context' | 'docker' | 'docker-desktop' | 'podman-rootful' | 'podman-rootless' | 'setting';

export interface EngineCandidate {
  kind: EngineKind;
  /** unix:///..., tcp://host:port or npipe://... */
  host: string;
  /** The docker context's name, for kind `context`. */
  context?: string;
  label: string;
}

export interface EngineChoice extends EngineCandidate {
  /** The engine Podwright talks to now. */
  selected: boolean;
  reachable: boolean;
  /** "Docker" or "Podman", when it answered. */
  name?: string;
  version?: string;
  apiVersion?: string;
  /** Why it did not answer. */
  reason?: string;
}

export interface DetectDeps {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  uid: number | undefined;
  readFile: (path: string) => string;
  readDir: (path: string) => string[];
  /** Whether a socket (or any file) exists at the path. */
  exists: (path: string) => boolean;
}

/** Docker's context files are small; a larger one is not what it claims to be. */
const MAX_CONTEXT_FILE_BYTES = 64 * 1024;

export const defaultDetectDeps = (): DetectDeps => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  uid: process.getuid?.(),
  readFile: (path) => {
    if (statSync(path).size > MAX_CONTEXT_FILE_BYTES) throw new Error(`${path} is too large`);
    return readFileSync(path, 'utf8');
  },
  readDir: (path) => readdirSync(path),
  exists: (path) => {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  },
});

const HOST_PATTERN = /^(unix:\/\/\/[^\0]{1,1000}|npipe:\/\/[^\0]{1,1000}|tcp:\/\/[A-Za-z0-9.\-[\]:]{1,300}(:\d{1,5})?\/?)$/;

/** Whether a host string is one Podwright can connect to (no ssh://, no shell syntax, bounded). */
export function isEngineHost(host: string): boolean {
  return HOST_PATTERN.test(host);
}

function normaliseHost(host: string): string {
  return host.startsWith('/') ? `unix://${host}` : host;
}

/** Every engine endpoint worth offering, without connecting to any. Unix sockets are listed only when present. */
export function detectEngines(deps: DetectDeps = defaultDetectDeps()): EngineCandidate[] {
  const found: EngineCandidate[] = [];
  const add = (c: EngineCandidate): void => {
    c.host = normaliseHost(c.host);
    if (isEngineHost(c.host) && !found.some((f) => f.host === c.host)) found.push(c);
  };
  const socketAt = (path: string): boolean => deps.exists(path);

  const dockerHost = deps.env.DOCKER_HOST?.trim();
  if (dockerHost) add({ kind: 'DOCKER_HOST', host: dockerHost, label: `DOCKER_HOST (${dockerHost})` });

  const configDir = deps.env.DOCKER_CONFIG || join(deps.home, '.docker');
  const metaDir = join(configDir, 'contexts', 'meta');
  let digests: string[] = [];
  try {
    digests = deps.readDir(metaDir).slice(0, 100);
  } catch {
    // No contexts: the docker CLI only writes this directory once a context is created.
  }
  for (const digest of digests.sort()) {
    try {
      const meta = JSON.parse(deps.readFile(join(metaDir, digest, 'meta.json'))) as {
        Name?: unknown;
        Endpoints?: { docker?: { Host?: unknown } };
      };
      const host = meta.Endpoints?.docker?.Host;
      if (typeof meta.Name === 'string' && typeof host === 'string') {
        add({ kind: 'context', host, context: meta.Name, label: `docker context "${meta.Name}"` });
      }
    } catch {
      // A broken context is skipped, as the docker CLI reports it without failing the others.
    }
  }

  const fallback = defaultSocket(deps.platform);
  add({ kind: 'docker', host: fallback, label: 'Docker (default socket)' });
  if (deps.platform !== 'win32') {
    for (const path of [join(deps.home, '.docker', 'run', 'docker.sock'), join(deps.home, '.docker', 'desktop', 'docker.sock')]) {
      if (socketAt(path)) add({ kind: 'docker-desktop', host: path, label: 'Docker Desktop' });
    }
    if (socketAt('/run/podman/podman.sock')) add({ kind: 'podman-rootful', host: '/run/podman/podman.sock', label: 'Podman (rootful)' });
    const runtimeDir = deps.env.XDG_RUNTIME_DIR || (deps.uid !== undefined ? `/run/user/${deps.uid}` : undefined);
    const rootless = runtimeDir ? join(runtimeDir, 'podman', 'podman.sock') : undefined;
    if (rootless && socketAt(rootless)) add({ kind: 'podman-rootless', host: rootless, label: 'Podman (rootless)' });
  }
  return found;
}

/** The engine the user chose, else the one DOCKER_HOST / the docker context / the default socket names. */
export function createSelectedEngine(path = settingsPath()): Engine {
  const host = readSettings(path).engine?.host;
  return new Engine({ host: host && isEngineHost(host) ? host : undefined });
}

/** The host Podwright would use now, for marking the selected candidate. */
export function currentHost(path = settingsPath()): string {
  const host = readSettings(path).engine?.host;
  return host && isEngineHost(host) ? normaliseHost(host) : resolveEndpoint().endpoint.host;
}

/** Pings every detected engine at once (each bounded by `timeoutMs`) and marks the selected one. */
export async function listEngines(
  options: { deps?: DetectDeps; settings?: string; timeoutMs?: number } = {},
): Promise<EngineChoice[]> {
  const candidates = detectEngines(options.deps);
  const current = currentHost(options.settings);
  if (!candidates.some((c) => c.host === current)) {
    candidates.unshift({ kind: 'setting', host: current, label: `Chosen engine (${current})` });
  }
  return Promise.all(candidates.map((c) => probe(c, current, options.timeoutMs ?? 2000)));
}

async function probe(candidate: EngineCandidate, current: string, timeoutMs: number): Promise<EngineChoice> {
  const status = await new Engine({ host: candidate.host, timeoutMs }).info();
  const selected = candidate.host === current;
  return status.reachable
    ? { ...candidate, selected, reachable: true, name: status.name, version: status.version, apiVersion: status.apiVersion }
    : { ...candidate, selected, reachable: false, reason: status.reason };
}

/**
 * Makes `host` the engine Podwright uses and remembers it; `null` goes back to automatic (DOCKER_HOST, context,
 * default). Refuses a host that does not answer, so a typo never leaves the app without an engine.
 */
export async function selectEngine(host: string | null, options: { settings?: string; timeoutMs?: number } = {}): Promise<Engine> {
  const path = options.settings ?? settingsPath();
  const saved = readSettings(path);
  if (host === null) {
    delete saved.engine;
    writeSettings(saved, path);
    return createSelectedEngine(path);
  }
  const normalised = normaliseHost(host.trim());
  if (!isEngineHost(normalised)) {
    throw new ApiError('BAD_REQUEST', `"${host}" is not an engine address (unix:///path, tcp://host:port or npipe://...).`);
  }
  const engine = new Engine({ host: normalised, timeoutMs: options.timeoutMs ?? 5000 });
  const status = await engine.info();
  if (!status.reachable) throw new ApiError('ENGINE_UNREACHABLE', `${status.reason} ${status.hint}`, { host: normalised, code: status.code });
  writeSettings({ ...saved, engine: { host: normalised } }, path);
  return new Engine({ host: normalised });
}
