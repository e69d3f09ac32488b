// MOUNT_SUBPATH_INVALID: subPath/subPathExpr must stay inside the volume; mountPropagation and recursiveReadOnly take
// known values, and a recursive read-only mount must be read-only and not propagate.
import { fixTitle, msg } from '../message';
import { isRecord, list } from '../context';
import { pointer } from '../fix';
import type { VolumeMount } from '../../model/pod';
import type { Rule } from '../types';
import { localPathProblem } from '../syntax';

const propagation = new Set(['None', 'HostToContainer', 'Bidirectional']);

export const mountSubPathInvalid: Rule = {
  code: 'MOUNT_SUBPATH_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'subPath and propagation',
  source:
    'ValidateVolumeMounts / validateLocalDescendingPath / validateMountPropagation / validateMountRecursiveReadOnly',
  explanation:
    '`subPath` mounts one file or directory of a volume instead of its root. It must be a relative path that never ' +
    'steps out with "..", or a container could reach outside the volume. `subPath` and `subPathExpr` (the same, with ' +
    '$(VAR) expansion) exclude each other. `mountPropagation` is None, HostToContainer or Bidirectional, and ' +
    'Bidirectional needs a privileged container. `recursiveReadOnly` (Disabled, IfPossible or Enabled) makes every ' +
    'mount below a read-only mount read-only too, so it needs `readOnly: true` and no propagation. Kubernetes reports ' +
    'these on the volumeMounts list without an index.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const privileged = isRecord(c.container.securityContext) && c.container.securityContext.privileged === true;
      list<VolumeMount>(c.container.volumeMounts).forEach((mount, j) => {
        if (!isRecord(mount)) return;
        const base = `${c.path}.volumeMounts`;
        for (const field of ['subPath', 'subPathExpr'] as const) {
          const value = mount[field];
          if (value === undefined || value === '') continue;
          const problem = typeof value === 'string' ? localPathProblem(value) : 'must be a string';
          if (problem)
            report(
              `${base}.${field}`,
              msg(
                'invalid',
                { value: JSON.stringify(value), problem, index: j },
                `Invalid value: ${JSON.stringify(value)}: ${problem} (volumeMounts[${j}])`,
              ),
              {
                fixes: [
                  {
                    ...fixTitle('remove', { field }, `Remove ${field}`),
                    patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'volumeMounts', j, field) }],
                  },
                ],
              },
            );
        }
        if (mount.subPath && mount.subPathExpr)
          report(
            `${c.path}.volumeMounts[${j}].subPathExpr`,
            msg('exclusive', {}, 'Invalid value: subPathExpr and subPath are mutually exclusive'),
            {
              fixes: [
                {
                  ...fixTitle('removeSubPathExpr', {}, 'Remove subPathExpr'),
                  patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'volumeMounts', j, 'subPathExpr') }],
                },
              ],
            },
          );
        const mode = mount.mountPropagation;
        if (mode !== undefined) {
          if (typeof mode !== 'string' || !propagation.has(mode))
            report(
              `${base}.mountPropagation`,
              msg(
                'propagation',
                { value: JSON.stringify(mode) },
                `Unsupported value: ${JSON.stringify(mode)}: supported values: "Bidirectional", "HostToContainer", "None"`,
              ),
            );
          else if (mode === 'Bidirectional' && !privileged)
            report(
              `${base}.mountPropagation`,
              msg(
                'bidirectional',
                {},
                'Forbidden: Bidirectional mount propagation is available only to privileged containers',
              ),
              {
                fixes: [
                  {
                    ...fixTitle('hostToContainer', {}, 'Use HostToContainer'),
                    patch: [
                      {
                        op: 'replace',
                        path: pointer('spec', c.list, c.index, 'volumeMounts', j, 'mountPropagation'),
                        value: 'HostToContainer',
                      },
                    ],
                  },
                ],
              },
            );
        }
        const rro = mount.recursiveReadOnly;
        if (rro === undefined || rro === 'Disabled') return;
        if (rro !== 'Enabled' && rro !== 'IfPossible')
          return void report(
            `${base}.recursiveReadOnly`,
            msg(
              'recursiveReadOnly',
              { value: JSON.stringify(rro) },
              `Unsupported value: ${JSON.stringify(rro)}: supported values: "Disabled", "Enabled", "IfPossible"`,
            ),
          );
        if (mount.readOnly !== true)
          report(
            `${base}.recursiveReadOnly`,
            msg('rroReadOnly', {}, 'Forbidden: may only be specified when readOnly is true'),
            {
              fixes: [
                {
                  ...fixTitle('readOnly', {}, 'Mount it readOnly'),
                  patch: [
                    { op: 'add', path: pointer('spec', c.list, c.index, 'volumeMounts', j, 'readOnly'), value: true },
                  ],
                },
              ],
            },
          );
        if (mode !== undefined && mode !== 'None')
          report(
            `${base}.recursiveReadOnly`,
            msg(
              'rroPropagation',
              {},
              'Forbidden: may only be specified when mountPropagation is None or not specified',
            ),
          );
      });
    }
  },
};
