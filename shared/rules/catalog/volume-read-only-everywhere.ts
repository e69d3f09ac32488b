// VOLUME_READ_ONLY_EVERYWHERE: an emptyDir that every container mounts read-only stays empty forever.
import { fixTitle, msg } from '../message';
import { isRecord } from '../context';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const volumeReadOnlyEverywhere: Rule = {
  code: 'VOLUME_READ_ONLY_EVERYWHERE',
  severity: 'warning',
  category: 'runtime',
  title: 'Empty volume that nobody can write',
  source: 'emptyDir semantics: created empty with the Pod',
  explanation:
    'An emptyDir is created empty when the Pod starts and lives as long as the Pod. It is the usual way for containers ' +
    'of one Pod to share files: one writes, others read. If every container mounts it read-only, nobody can ever put ' +
    'anything in it, so the readers see an empty directory. Make the producing container mount it read-write.',
  check(ctx, report) {
    for (const v of ctx.volumes) {
      if (!isRecord(v.volume.emptyDir) || ctx.volumeByName.get(v.name) !== v) continue;
      const mounts = ctx.mountsByVolume.get(v.name);
      if (!mounts || mounts.some((m) => !m.readOnly)) continue;
      const first = mounts[0]!;
      report(
        v.path,
        msg(
          'readOnly',
          { volume: JSON.stringify(v.name) },
          `volume ${JSON.stringify(v.name)} is an emptyDir mounted read-only by every container, so it stays empty`,
        ),
        {
          related: mounts.map((m) => m.path),
          fixes: [
            {
              ...fixTitle(
                first.owner.name ? 'letWrite' : 'letFirstWrite',
                { container: first.owner.name },
                `Let ${first.owner.name || 'the first container'} write to it`,
              ),
              patch: [
                {
                  op: 'remove',
                  path: pointer('spec', first.owner.list, first.owner.index, 'volumeMounts', first.index, 'readOnly'),
                },
              ],
            },
          ],
        },
      );
    }
  },
};
