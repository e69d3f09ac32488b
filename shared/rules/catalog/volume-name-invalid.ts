// VOLUME_NAME_INVALID: a volume name is required and must be a DNS-1123 label.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';
import { suggestName } from './pod-name-invalid';

export const volumeNameInvalid: Rule = {
  code: 'VOLUME_NAME_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Volume name',
  source: 'ValidateVolumes → ValidateDNS1123Label',
  explanation:
    'Containers refer to a volume by its name in `volumeMounts`, so each volume needs one, written as a DNS-1123 ' +
    'label: lower-case letters, digits and "-", at most 63 characters, no dots. A volume with an invalid name is not ' +
    'registered, so every mount of it fails as well.',
  check(ctx, report) {
    for (const v of ctx.volumes) {
      for (const p of v.problems) {
        if (p.kind !== 'name') continue;
        const suggestion = v.name ? suggestName(v.name, 63, false) : undefined;
        report(p.path, msg(p.id, p.params ?? {}, p.message), {
          fixes: suggestion
            ? [
                {
                  ...fixTitle('rename', { value: suggestion }, `Rename to "${suggestion}" (and its mounts)`),
                  patch: renameVolumePatch(ctx.raw, v.index, v.name, suggestion),
                },
              ]
            : [],
        });
      }
    }
  },
};

/** Renames a volume and every mount that names it, so the fix keeps the Pod consistent. */
export function renameVolumePatch(
  raw: unknown,
  volumeIndex: number,
  from: string,
  to: string,
): { op: 'replace'; path: string; value: string }[] {
  const patch = [{ op: 'replace' as const, path: pointer('spec', 'volumes', volumeIndex, 'name'), value: to }];
  const spec = (raw as { spec?: Record<string, unknown> })?.spec;
  for (const list of ['initContainers', 'containers'] as const) {
    const containers = spec?.[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((c: unknown, i) => {
      const mounts = (c as { volumeMounts?: unknown })?.volumeMounts;
      if (!Array.isArray(mounts)) return;
      mounts.forEach((m: unknown, j) => {
        if ((m as { name?: unknown })?.name === from)
          patch.push({ op: 'replace', path: pointer('spec', list, i, 'volumeMounts', j, 'name'), value: to });
      });
    });
  }
  return patch;
}
