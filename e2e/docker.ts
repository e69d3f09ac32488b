// Docker helpers for the journeys that run Pods: the CLI without a shell, the CI rule for a missing engine, and
// clean-up of what a failed journey left behind.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Debian's docker CLI matches the daemon's API version; a newer client may sit earlier on PATH. */
const DOCKER = '/usr/bin/docker';

/** The docker CLI without a shell; its stdout trimmed. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run(DOCKER, args, { timeout: 60_000 });
  return stdout.trim();
}

/** Why Docker cannot be used here, or undefined. Under CI=true a missing Docker fails the journeys instead. */
export async function dockerMissing(journeys: string): Promise<string | undefined> {
  try {
    await docker('version', '--format', '{{.Server.Version}}');
    return undefined;
  } catch (err) {
    const reason = `no Docker Engine: ${(err as Error).message.split('\n')[0]}`;
    if (process.env.CI === 'true') throw new Error(`CI needs a Docker Engine for the ${journeys}: ${reason}`);
    return reason;
  }
}

/** Every container Podwright made for this Pod, stopped or not (ids, one per line). */
export function podContainers(name: string): Promise<string> {
  return docker('ps', '-a', '-q', '--filter', `label=dev.podwright.pod=${name}`);
}

/** Removes whatever a failed journey left (containers, then the Pod's volumes). */
export async function sweep(name: string): Promise<void> {
  const ids = (await podContainers(name)).split('\n').filter(Boolean);
  if (ids.length) await docker('rm', '-f', '-v', ...ids).catch(() => undefined);
  const volumes = (await docker('volume', 'ls', '-q', '--filter', `label=dev.podwright.pod=${name}`)).split('\n');
  for (const v of volumes.filter(Boolean)) await docker('volume', 'rm', '-f', v).catch(() => undefined);
}

/** A Pod name no other journey (or parallel run) uses. */
export const unique = (base: string): string => `${base}-${randomBytes(3).toString('hex')}`;

/** A port nothing listens on right now (the kernel's pick, released at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '0.0.0.0', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}
