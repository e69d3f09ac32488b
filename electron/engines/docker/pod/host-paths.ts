// What a Pod needs from the host machine: hostPath type checks as the kubelet makes them, and the host's address
// (the Pod IP of a hostNetwork Pod).
import { lstat, mkdir, open, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import type { HostPathCheck } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { PodError } from './pod-errors';
import { hostPathReasons, podMessages } from './pod-messages';
import { settleAll } from './settle';

/** hostPath type checks, as the kubelet makes them; only possible when the engine runs on this machine. */
export async function checkHostPaths(engine: Engine, checks: HostPathCheck[]): Promise<void> {
  if (checks.length === 0 || !engineIsLocal(engine)) return;
  await settleAll(checks.map((c) => checkHostPath(c)));
}

function engineIsLocal(engine: Engine): boolean {
  return /^(unix|npipe):/.test(engine.resolved.endpoint.host);
}

/** The host's first external IPv4 address: the Pod IP of a hostNetwork Pod. */
export function hostAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

async function checkHostPath(c: HostPathCheck): Promise<void> {
  const fail = (why: keyof typeof hostPathReasons): never => {
    throw new PodError(
      'HOSTPATH_INVALID',
      podMessages.HOSTPATH_INVALID({ volume: c.volume, path: c.path, why: hostPathReasons[why]() }),
    );
  };
  const info = await lstat(c.path).catch(() => undefined);
  const target = info?.isSymbolicLink() ? await stat(c.path).catch(() => undefined) : info;
  switch (c.type) {
    case '':
      return;
    case 'DirectoryOrCreate':
      if (!target) await mkdir(c.path, { recursive: true, mode: 0o755 });
      else if (!target.isDirectory()) fail('existsNotDirectory');
      return;
    case 'Directory':
      if (!target) fail('missingDirectory');
      else if (!target.isDirectory()) fail('notDirectory');
      return;
    case 'FileOrCreate':
      if (!target) {
        await mkdir(dirname(c.path), { recursive: true, mode: 0o755 });
        await (await open(c.path, 'a', 0o644)).close();
      } else if (!target.isFile()) fail('existsNotFile');
      return;
    case 'File':
      if (!target) fail('missingFile');
      else if (!target.isFile()) fail('notFile');
      return;
    case 'Socket':
      if (!target?.isSocket()) fail(target ? 'notSocket' : 'missingSocket');
      return;
    case 'CharDevice':
      if (!target?.isCharacterDevice()) fail('notCharDevice');
      return;
    case 'BlockDevice':
      if (!target?.isBlockDevice()) fail('notBlockDevice');
  }
}
