// VOLUME_NAME_DUPLICATE: two volumes of a Pod may not share a name.
import { fixTitle, msg } from '../message';
import type { Rule } from '../types';
import { renameVolumePatch } from './volume-name-invalid';

export const volumeNameDuplicate: Rule = {
  code: 'VOLUME_NAME_DUPLICATE',
  severity: 'error',
  category: 'kubernetes',
  title: 'Unique volume names',
  source: 'ValidateVolumes (Duplicate)',
  explanation:
    'A mount names the volume it wants. With two volumes of the same name the mount would be ambiguous, so the API ' +
    'server refuses the second volume.',
  check(ctx, report) {
    let names: Set<string> | undefined;
    for (const v of ctx.volumes) {
      const first = ctx.volumeByName.get(v.name);
      if (!v.duplicate || !first) continue;
      names ??= new Set(ctx.volumes.map((x) => x.name));
      let n = 2;
      while (names.has(`${v.name}-${n}`)) n++;
      const to = `${v.name}-${n}`;
      names.add(to);
      report(
        `${v.path}.name`,
        msg('duplicate', { value: JSON.stringify(v.name) }, `Duplicate value: ${JSON.stringify(v.name)}`),
        {
          related: [`${first.path}.name`],
          // Only this volume is renamed: its mounts are ambiguous, so they stay with the first one.
          fixes: [
            {
              ...fixTitle('rename', { value: to }, `Rename to "${to}"`),
              patch: renameVolumePatch(undefined, v.index, v.name, to),
            },
          ],
        },
      );
    }
  },
};
