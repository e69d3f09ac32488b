// VOLUME_SHARED_WRITERS: two running containers write to the same file or directory of one volume.
import { msg } from '../message';
import type { Rule } from '../types';
import type { MountEntry } from '../context';

export const volumeSharedWriters: Rule = {
  code: 'VOLUME_SHARED_WRITERS',
  severity: 'warning',
  category: 'runtime',
  title: 'Two writers on one path',
  source: 'shared volume semantics (no locking between containers)',
  explanation:
    'A volume mounted into two containers is the same directory for both: there is no copy and no locking. When two ' +
    'containers that run at the same time mount the same subPath of a volume read-write, they write the same file ' +
    'or directory, and their writes interleave or overwrite each other (two log writers on one file, two databases on ' +
    'one data directory). Give each writer its own subPath, or make one of them read-only.',
  check(ctx, report) {
    for (const [name, mounts] of ctx.mountsByVolume) {
      const volume = ctx.volumeByName.get(name);
      if (!volume?.valid) continue;
      // Projected kinds (configMap, secret...) are read-only for every container whatever the mount says.
      const writable = volume.volume.emptyDir || volume.volume.hostPath || volume.volume.persistentVolumeClaim;
      if (!writable) continue;
      const bySubPath = new Map<string, MountEntry>();
      for (const m of mounts) {
        if (m.readOnly || !m.owner.longRunning || typeof m.mount.subPath !== 'string' || m.mount.subPath === '')
          continue;
        const first = bySubPath.get(m.mount.subPath);
        if (!first) bySubPath.set(m.mount.subPath, m);
        else if (first.owner !== m.owner)
          report(
            `${m.path}.subPath`,
            msg(
              'sameSubPath',
              {
                first: m.owner.name,
                second: first.owner.name,
                subPath: JSON.stringify(m.mount.subPath),
                volume: JSON.stringify(name),
              },
              `${m.owner.name} and ${first.owner.name} both write ${JSON.stringify(m.mount.subPath)} in volume ${JSON.stringify(name)}`,
            ),
            { related: [`${first.path}.subPath`] },
          );
      }
    }
  },
};
