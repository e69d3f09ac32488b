import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEndpoint, type EndpointEnv } from './endpoint';

function env(vars: Record<string, string>, files: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') {
  return {
    env: vars,
    platform,
    home: '/home/u',
    readFile: (path: string) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      return Buffer.from(files[path]!);
    },
  } satisfies EndpointEnv;
}

describe('resolveEndpoint', () => {
  it('uses the platform socket by default', () => {
    expect(resolveEndpoint(undefined, env({})).endpoint).toEqual({
      source: 'default',
      host: 'unix:///var/run/docker.sock',
      tls: false,
    });
    expect(resolveEndpoint(undefined, env({}, {}, 'win32')).modem.socketPath).toBe('//./pipe/docker_engine');
  });

  it('honours DOCKER_HOST with a unix socket', () => {
    const r = resolveEndpoint(undefined, env({ DOCKER_HOST: 'unix:///run/user/1000/podman/podman.sock' }));
    expect(r.endpoint.source).toBe('DOCKER_HOST');
    expect(r.modem.socketPath).toBe('/run/user/1000/podman/podman.sock');
  });

  it('honours DOCKER_HOST tcp with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
    const files = { '/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY' };
    const r = resolveEndpoint(
      undefined,
      env({ DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }, files),
    );
    expect(r.endpoint).toEqual({ source: 'DOCKER_HOST', host: 'tcp://10.0.0.5:2376', tls: true });
    expect(r.modem).toMatchObject({ host: '10.0.0.5', port: 2376, protocol: 'https' });
    expect(String(r.modem.ca)).toBe('CA');
  });

  it('uses plain http for tcp without TLS', () => {
    const r = resolveEndpoint(undefined, env({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }));
    expect(r.modem).toEqual({ host: '127.0.0.1', port: 2375, protocol: 'http' });
  });

  it('reads the current docker context from ~/.docker', () => {
    const digest = createHash('sha256').update('colima').digest('hex');
    const files = {
      '/home/u/.docker/config.json': JSON.stringify({ currentContext: 'colima' }),
      [join('/home/u/.docker/contexts/meta', digest, 'meta.json')]: JSON.stringify({
        Name: 'colima',
        Endpoints: { docker: { Host: 'unix:///home/u/.colima/default/docker.sock' } },
      }),
    };
    const r = resolveEndpoint(undefined, env({}, files));
    expect(r.endpoint).toEqual({
      source: 'context',
      context: 'colima',
      host: 'unix:///home/u/.colima/default/docker.sock',
      tls: false,
    });
  });

  it('prefers DOCKER_HOST over the context, and DOCKER_CONTEXT over config.json', () => {
    const digest = createHash('sha256').update('other').digest('hex');
    const files = {
      '/home/u/.docker/config.json': JSON.stringify({ currentContext: 'colima' }),
      [join('/home/u/.docker/contexts/meta', digest, 'meta.json')]: JSON.stringify({
        Endpoints: { docker: { Host: 'unix:///other.sock' } },
      }),
    };
    expect(resolveEndpoint(undefined, env({ DOCKER_HOST: 'unix:///x.sock' }, files)).endpoint.host).toBe(
      'unix:///x.sock',
    );
    expect(resolveEndpoint(undefined, env({ DOCKER_CONTEXT: 'other' }, files)).endpoint.host).toBe(
      'unix:///other.sock',
    );
  });

  it('refuses an ssh:// context, naming the context, and points nowhere', () => {
    const digest = createHash('sha256').update('remote').digest('hex');
    const files = {
      '/home/u/.docker/config.json': JSON.stringify({ currentContext: 'remote' }),
      [join('/home/u/.docker/contexts/meta', digest, 'meta.json')]: JSON.stringify({
        Endpoints: { docker: { Host: 'ssh://ops@build-box' } },
      }),
    };
    const r = resolveEndpoint(undefined, env({}, files));
    expect(r.endpoint).toEqual({ source: 'context', context: 'remote', host: 'ssh://ops@build-box', tls: false });
    expect(r.refused?.reason).toBe('Podwright does not connect to engines over SSH: ssh://ops@build-box (a docker context).');
    expect(r.modem).toMatchObject({ socketPath: '/dev/null/podwright-refused-endpoint', host: undefined, protocol: undefined });
  });

  it('falls back to the default socket when the context has no metadata', () => {
    const files = { '/home/u/.docker/config.json': JSON.stringify({ currentContext: 'gone' }) };
    expect(resolveEndpoint(undefined, env({}, files)).endpoint.source).toBe('default');
  });
});
