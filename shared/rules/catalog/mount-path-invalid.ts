// MOUNT_PATH_INVALID: each mount needs a mountPath, unique within its container.
import { fixTitle, msg } from '../message';
import { isRecord, list } from '../context';
import { pointer } from '../fix';
import type { VolumeMount } from '../../model/pod';
import type { Rule } from '../types';

export const mountPathInvalid: Rule = {
  code: 'MOUNT_PATH_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Mount paths',
  source: 'ValidateVolumeMounts (mountPath Required, "must be unique")',
  explanation:
    'A mount needs a `mountPath`: the directory inside the container where the volume appears. Two mounts at the same ' +
    'path in one container would hide each other, so Kubernetes refuses that (the paths are compared as text). The ' +
    'same path in two different containers is fine: each container has its own mount namespace.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const seen = new Map<string, number>();
      list<VolumeMount>(c.container.volumeMounts).forEach((mount, j) => {
        if (!isRecord(mount)) return;
        const path = `${c.path}.volumeMounts[${j}].mountPath`;
        const mountPath = mount.mountPath;
        if (typeof mountPath !== 'string' || mountPath === '') {
          report(path, msg('required', {}, 'Required value'));
          return;
        }
        const first = seen.get(mountPath);
        if (first === undefined) return void seen.set(mountPath, j);
        report(
          path,
          msg(
            'unique',
            { value: JSON.stringify(mountPath) },
            `Invalid value: ${JSON.stringify(mountPath)}: must be unique`,
          ),
          {
            related: [`${c.path}.volumeMounts[${first}].mountPath`],
            fixes: [
              {
                ...fixTitle('removeMount', {}, 'Remove this mount'),
                patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'volumeMounts', j) }],
              },
            ],
          },
        );
      });
    }
  },
};
