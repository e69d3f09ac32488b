// VOLUME_SOURCE_CONFLICT: a volume has exactly one source (emptyDir, hostPath, configMap...).
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { conflictPath, volumeSources } from '../volumes';

export const volumeSourceConflict: Rule = {
  code: 'VOLUME_SOURCE_CONFLICT',
  severity: 'error',
  category: 'kubernetes',
  title: 'One source per volume',
  source: 'validateVolumeSource ("may not specify more than 1 volume type")',
  explanation:
    'A volume is one thing: an empty scratch directory (emptyDir), a directory of the node (hostPath), the keys of ' +
    'a ConfigMap or Secret, a persistent claim... Kubernetes cannot merge two of them into one mount, so a volume ' +
    'with two sources is refused. (A volume with no source becomes an emptyDir.)',
  check(ctx, report) {
    for (const v of ctx.volumes) {
      const sources = volumeSources(v.volume);
      for (const extra of sources.slice(1))
        report(
          conflictPath(v.path, extra),
          msg('twoSources', {}, 'Forbidden: may not specify more than 1 volume type'),
          {
            fixes: [
              {
                ...fixTitle(
                  'keepFirst',
                  { keep: String(sources[0]), remove: extra },
                  `Keep ${sources[0]}, remove ${extra}`,
                ),
                patch: [{ op: 'remove', path: pointer('spec', 'volumes', v.index, extra) }],
              },
            ],
          },
        );
    }
  },
};
