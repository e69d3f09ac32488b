// MOUNT_VOLUME_NOT_FOUND: a volumeMount names a volume the Pod does not (validly) declare.
import { fixTitle, msg } from '../message';
import { isRecord, list } from '../context';
import { pointer } from '../fix';
import type { VolumeMount } from '../../model/pod';
import type { QuickFix, Rule } from '../types';
import { isDNS1123Label } from '../syntax';

export const mountVolumeNotFound: Rule = {
  code: 'MOUNT_VOLUME_NOT_FOUND',
  severity: 'error',
  category: 'kubernetes',
  title: 'Mount of an unknown volume',
  source: 'ValidateVolumeMounts (NotFound)',
  explanation:
    'A volumeMount only says where a volume appears inside a container; the volume itself is declared once for the ' +
    'whole Pod under `spec.volumes`, which is what lets several containers share it. A mount that names no declared ' +
    'volume (often a typo, or a volume that was deleted) is refused. So is a mount of a volume that has its own error, ' +
    'because Kubernetes does not register an invalid volume.',
  check(ctx, report) {
    const added = new Set<string>();
    for (const c of ctx.containers) {
      list<VolumeMount>(c.container.volumeMounts).forEach((mount, j) => {
        if (!isRecord(mount)) return;
        const path = `${c.path}.volumeMounts[${j}].name`;
        const name = mount.name;
        if (typeof name !== 'string' || name === '') {
          report(path, msg('required', {}, 'Required value'));
          return;
        }
        if (ctx.volumeByName.has(name)) return;
        // Declared but not registered: the volume has an error (or repeats a name that was not registered either).
        const volume = ctx.volumes.find((v) => v.name === name);
        const remove: QuickFix = {
          ...fixTitle('removeMount', {}, 'Remove this mount'),
          patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'volumeMounts', j) }],
        };
        if (volume) {
          report(
            path,
            msg(
              'invalidVolume',
              { value: JSON.stringify(name) },
              `Not found: ${JSON.stringify(name)} (the volume has errors, so Kubernetes does not register it)`,
            ),
            {
              related: [volume.path],
              fixes: [remove],
            },
          );
          return;
        }
        const fixes: QuickFix[] = [];
        if (isDNS1123Label(name) && !added.has(name)) {
          const hasVolumes = isRecord(ctx.raw.spec) && Array.isArray(ctx.raw.spec.volumes);
          fixes.push({
            ...fixTitle('addEmptyDir', { name }, `Add an emptyDir volume "${name}"`),
            patch: [
              hasVolumes
                ? { op: 'add', path: '/spec/volumes/-', value: { name, emptyDir: {} } }
                : { op: 'add', path: '/spec/volumes', value: [{ name, emptyDir: {} }] },
            ],
          });
        }
        fixes.push(remove);
        report(path, msg('notFound', { value: JSON.stringify(name) }, `Not found: ${JSON.stringify(name)}`), { fixes });
      });
    }
  },
};
