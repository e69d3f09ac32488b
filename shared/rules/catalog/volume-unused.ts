// VOLUME_UNUSED: a volume that no container mounts.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

export const volumeUnused: Rule = {
  code: 'VOLUME_UNUSED',
  severity: 'warning',
  category: 'practice',
  title: 'Volume nobody mounts',
  source: 'advice (Kubernetes accepts it)',
  explanation:
    'Declaring a volume under `spec.volumes` only makes it available to the Pod. A container sees it only through a ' +
    '`volumeMounts` entry. A volume that no container mounts is still created (an emptyDir is allocated, a Secret is ' +
    'fetched) but nobody can use it; usually a mount was forgotten or renamed.',
  check(ctx, report) {
    for (const v of ctx.volumes) {
      if (v.name === '' || ctx.volumeByName.get(v.name) !== v || ctx.mountsByVolume.has(v.name)) continue;
      report(
        `${v.path}`,
        msg(
          'unused',
          { volume: JSON.stringify(v.name) },
          `volume ${JSON.stringify(v.name)} is not mounted by any container`,
        ),
        {
          fixes: [
            {
              ...fixTitle('remove', { volume: v.name }, `Remove volume "${v.name}"`),
              patch: [{ op: 'remove', path: pointer('spec', 'volumes', v.index) }],
            },
          ],
        },
      );
    }
  },
};
