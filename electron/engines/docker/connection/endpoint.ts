// Decides which Docker Engine to talk to, the way the docker CLI does: DOCKER_HOST, then the current
// docker context, then the platform's default socket.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EngineEndpoint } from '../../../../shared/api';

/** Options for dockerode / docker-modem. */
export interface ModemOptions {
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  username?: string;
}

export interface ResolvedEndpoint {
  endpoint: EngineEndpoint;
  modem: ModemOptions;
  /**
   * Why Podwright will not talk to this endpoint (an ssh:// host): what Engine.info() says instead of calling it. The
   * modem then points at a socket that cannot exist, so no call reaches any engine.
   */
  refused?: { reason: string; hint: string };
}

/**
 * docker-modem fills every option it is not given from DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, whatever
 * else it is given: with DOCKER_HOST=tcp://x set, a socket the user picked went to x, and with DOCKER_HOST=ssh://x
 * the calls went over SSH to x (loading ssh2). So every option it reads is given, unset where unused.
 */
function modemOptions(options: ModemOptions): ModemOptions {
  return {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
    username: undefined,
    ...options,
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

/** A socket path no one can create (nothing can live under /dev/null): calls through it fail at once. */
function nowhere(platform: NodeJS.Platform): string {
  return platform === 'win32' ? '//./pipe/podwright-refused-endpoint/none' : '/dev/null/podwright-refused-endpoint';
}

/**
 * An ssh:// host (DOCKER_HOST, a docker context) is refused with what to do instead: Podwright talks to sockets and
 * TCP only. Read as TCP, it used to send the Docker API unencrypted to port 2375 of the SSH host.
 */
function refuseSsh(host: string, source: EngineEndpoint['source'], deps: EndpointEnv): ResolvedEndpoint {
  let shown = 'ssh://…';
  let target = 'user@host';
  try {
    const url = new URL(host);
    // The user's name helps them recognise it; a password in the URL is never repeated.
    target = `${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.hostname}`;
    shown = `ssh://${target}${url.port ? `:${url.port}` : ''}`;
  } catch {
    // Not even a URL: say only that it is an ssh:// host.
  }
  const from = source === 'DOCKER_HOST' ? ' (from DOCKER_HOST)' : source === 'context' ? ' (a docker context)' : '';
  return {
    endpoint: { source, host: shown, tls: false },
    modem: modemOptions({ socketPath: nowhere(deps.platform) }),
    refused: {
      reason: `Podwright does not connect to engines over SSH: ${shown}${from}.`,
      hint: `Forward the engine's socket and point DOCKER_HOST at it: "ssh -NL /tmp/docker.sock:/var/run/docker.sock ${target}", then DOCKER_HOST=unix:///tmp/docker.sock.`,
    },
  };
}

function fromHost(
  host: string,
  source: EngineEndpoint['source'],
  deps: EndpointEnv,
  tlsDir?: string,
): ResolvedEndpoint {
  if (host.startsWith('unix://')) {
    return { endpoint: { source, host, tls: false }, modem: modemOptions({ socketPath: host.slice('unix://'.length) }) };
  }
  if (host.startsWith('npipe://')) {
    // npipe:////./pipe/docker_engine → //./pipe/docker_engine
    return { endpoint: { source, host, tls: false }, modem: modemOptions({ socketPath: host.slice('npipe://'.length) }) };
  }
  if (host.startsWith('/')) {
    return { endpoint: { source, host: `unix://${host}`, tls: false }, modem: modemOptions({ socketPath: host }) };
  }
  if (/^ssh:\/\//i.test(host)) return refuseSsh(host, source, deps);
  const url = new URL(host.replace(/^tcp:\/\//, 'http://'));
  const verify = deps.env.DOCKER_TLS_VERIFY ? deps.env.DOCKER_TLS_VERIFY !== '0' : false;
  const certDir = source === 'DOCKER_HOST' ? deps.env.DOCKER_CERT_PATH : tlsDir;
  const tlsFiles = certDir ? readTls(certDir, deps) : undefined;
  const tls = url.protocol === 'https:' || verify || (source === 'context' && tlsFiles !== undefined);
  const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
  return {
    endpoint: { source, host: `tcp://${url.hostname}:${port}`, tls },
    modem: modemOptions({ host: url.hostname, port, protocol: tls ? 'https' : 'http', ...(tls ? (tlsFiles ?? {}) : {}) }),
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
