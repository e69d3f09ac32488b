// SIDECAR_READS_UNWRITTEN_VOLUME: a sidecar mounts an emptyDir that no other container writes.
import { msg } from '../message';
import { isRecord } from '../context';
import type { Rule } from '../types';

export const sidecarReadsUnwrittenVolume: Rule = {
  code: 'SIDECAR_READS_UNWRITTEN_VOLUME',
  severity: 'info',
  category: 'runtime',
  title: 'Sidecar reading an unshared volume',
  source: 'emptyDir semantics and the sidecar pattern',
  explanation:
    'A sidecar (an init container with `restartPolicy: Always`) usually works on what the app produces: it ships ' +
    'log files, serves generated content or reloads configuration, all through a shared emptyDir. The emptyDir starts ' +
    'empty, so when no other container mounts it, the sidecar watches a directory that nothing else will ever write ' +
    'to. Mount the volume into the producing container too, unless the sidecar only needs private scratch space.',
  check(ctx, report) {
    for (const [name, mounts] of ctx.mountsByVolume) {
      const volume = ctx.volumeByName.get(name);
      if (!volume?.valid || !isRecord(volume.volume.emptyDir)) continue;
      for (const m of mounts) {
        if (!m.owner.sidecar) continue;
        // Read-only everywhere is VOLUME_READ_ONLY_EVERYWHERE's case. When other containers mount it, the sidecar
        // is either the writer or reads what they write; only a sidecar alone on the volume shares nothing.
        if (mounts.some((o) => o.owner !== m.owner) || mounts.every((o) => o.readOnly)) continue;
        report(
          m.path,
          msg(
            'unshared',
            { container: m.owner.name, volume: JSON.stringify(name) },
            `sidecar ${m.owner.name} mounts emptyDir ${JSON.stringify(name)}, but no other container mounts it, so nothing is shared through it`,
          ),
          {
            related: [volume.path],
          },
        );
      }
    }
  },
};
