// Decides which Docker Engine to talk to, the way the docker CLI does: DOCKER_HOST, then the current
// docker context, then the platform's default socket.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineEndpoint } from '../../../../shared/api';

export interface ResolvedEndpoint {
  endpoint: EngineEndpoint;
  /** Options for dockerode / docker-modem. */
  modem: {
    socketPath?: string;
    host?: string;
    port?: number;
    protocol?: 'http' | 'https';
    ca?: Buffer;
    cert?: Buffer;
    key?: Buffer;
  };
}

export interface EndpointEnv {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  readFile: (path: string) => Buffer;
}

const defaultEnv = (): EndpointEnv => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  readFile: (path) => readFileSync(path),
});

export function defaultSocket(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'npipe:////./pipe/docker_engine' : 'unix:///var/run/docker.sock';
}

/** Resolves the endpoint; `override` is a host string the user picked in settings. */
export function resolveEndpoint(override?: string, deps: EndpointEnv = defaultEnv()): ResolvedEndpoint {
  if (override) return fromHost(override, 'setting', deps);
  const dockerHost = deps.env.DOCKER_HOST?.trim();
  if (dockerHost) return fromHost(dockerHost, 'DOCKER_HOST', deps);
  const context = currentContext(deps);
  if (context && context !== 'default') {
    const host = contextHost(context, deps);
    if (host) {
      const resolved = fromHost(host.host, 'context', deps, host.tlsDir);
      resolved.endpoint.context = context;
      return resolved;
    }
  }
  return fromHost(defaultSocket(deps.platform), 'default', deps);
}

function dockerConfigDir(deps: EndpointEnv): string {
  return deps.env.DOCKER_CONFIG || join(deps.home, '.docker');
}

function currentContext(deps: EndpointEnv): string | undefined {
  if (deps.env.DOCKER_CONTEXT) return deps.env.DOCKER_CONTEXT;
  try {
    const config = JSON.parse(deps.readFile(join(dockerConfigDir(deps), 'config.json')).toString('utf8')) as {
      currentContext?: unknown;
    };
    return typeof config.currentContext === 'string' ? config.currentContext : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a context's endpoint the way the docker CLI stores it: meta/<sha256(name)>/meta.json. */
function contextHost(name: string, deps: EndpointEnv): { host: string; tlsDir?: string } | undefined {
  const digest = createHash('sha256').update(name).digest('hex');
  const base = dockerConfigDir(deps);
  try {
    const meta = JSON.parse(deps.readFile(join(base, 'contexts', 'meta', digest, 'meta.json')).toString('utf8')) as {
      Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
    };
    const host = meta.Endpoints?.docker?.Host;
    if (typeof host !== 'string' || !host) return undefined;
    return { host, tlsDir: join(base, 'contexts', 'tls', digest, 'docker') };
  } catch {
    return undefined;
  }
}

function fromHost(
  host: string,
  source: EngineEndpoint['source'],
  deps: EndpointEnv,
  tlsDir?: string,
): ResolvedEndpoint {
  if (host.startsWith('unix://')) {
    return { endpoint: { source, host, tls: false }, modem: { socketPath: host.slice('unix://'.length) } };
  }
  if (host.startsWith('npipe://')) {
    // npipe:////./pipe/docker_engine → //./pipe/docker_engine
    return { endpoint: { source, host, tls: false }, modem: { socketPath: host.slice('npipe://'.length) } };
  }
  if (host.startsWith('/')) {
    return { endpoint: { source, host: `unix://${host}`, tls: false }, modem: { socketPath: host } };
  }
  const url = new URL(host.replace(/^tcp:\/\//, 'http://'));
  const verify = deps.env.DOCKER_TLS_VERIFY ? deps.env.DOCKER_TLS_VERIFY !== '0' : false;
  const certDir = source === 'DOCKER_HOST' ? deps.env.DOCKER_CERT_PATH : tlsDir;
  const tlsFiles = certDir ? readTls(certDir, deps) : undefined;
  const tls = url.protocol === 'https:' || verify || (source === 'context' && tlsFiles !== undefined);
  const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
  return {
    endpoint: { source, host: `tcp://${url.hostname}:${port}`, tls },
    modem: { host: url.hostname, port, protocol: tls ? 'https' : 'http', ...(tls ? (tlsFiles ?? {}) : {}) },
  };
}

function readTls(dir: string, deps: EndpointEnv): { ca: Buffer; cert: Buffer; key: Buffer } | undefined {
  try {
    return {
      ca: deps.readFile(join(dir, 'ca.pem')),
      cert: deps.readFile(join(dir, 'cert.pem')),
      key: deps.readFile(join(dir, 'key.pem')),
    };
  } catch {
    return undefined;
  }
}
