// VOLUME_ITEMS_OVERLAP: two items of a configMap, secret or downwardAPI volume write the same file or nest in each other.
import { msg } from '../message';
import { isRecord, list } from '../context';
import type { Rule } from '../types';

/** Transcribes checkForOverlap, prefix quirk included ("a" overlaps "ab" because "ab/" starts with "a"). */
function overlap(seen: string[], path: string): string | undefined {
  for (const item of seen) {
    if (item === '' || path === '') return undefined;
    if (item === path || `${item}/`.startsWith(path) || `${path}/`.startsWith(item)) return item;
  }
  return undefined;
}

const kinds = [
  ['configMap', 'ConfigMap', 'name'],
  ['secret', 'Secret', 'secretName'],
  ['downwardAPI', 'DownwardAPI', undefined],
] as const;

export const volumeItemsOverlap: Rule = {
  code: 'VOLUME_ITEMS_OVERLAP',
  severity: 'warning',
  category: 'kubernetes',
  title: 'Overlapping volume items',
  source: 'warningsForOverlappingVirtualPaths / checkVolumeMappingForOverlap',
  explanation:
    'The `items` of a configMap, secret or downwardAPI volume choose which keys become files and under which path. ' +
    'If two items use the same path, the later key silently overwrites the earlier file; if one path is a directory ' +
    'prefix of another, mounting fails with "is a directory" or "file exists". Kubernetes warns about both.',
  check(ctx, report) {
    for (const v of ctx.volumes) {
      for (const [field, label, nameField] of kinds) {
        const source = (v.volume as Record<string, unknown>)[field];
        if (!isRecord(source) || !Array.isArray(source.items)) continue;
        const seen: string[] = [];
        // The source's name as the API server quotes it; a name that is not text (a hostile `{ toString: 0 }` too) as
        // JSON, never through String(), which throws on such an object.
        const rawName = nameField ? (source[nameField] ?? '') : '';
        const sourceName = JSON.stringify(typeof rawName === 'string' ? rawName : JSON.stringify(rawName));
        const title = nameField
          ? `volume ${JSON.stringify(v.name)} (${label} ${sourceName})`
          : `volume ${JSON.stringify(v.name)} (${label})`;
        list<unknown>(source.items).forEach((item, k) => {
          if (!isRecord(item) || typeof item.path !== 'string') return;
          const path = item.path.replace(/\/+$/, '');
          const collision = overlap(seen, path);
          if (collision !== undefined)
            report(
              `${v.path}.${field}.items[${k}].path`,
              msg(
                nameField ? 'overlapNamed' : 'overlap',
                {
                  volume: JSON.stringify(v.name),
                  source: label,
                  name: nameField ? sourceName : '',
                  path: JSON.stringify(path),
                  other: JSON.stringify(collision),
                },
                `${title}: overlapping paths: ${JSON.stringify(path)} with ${JSON.stringify(collision)}`,
              ),
            );
          seen.push(path);
        });
      }
    }
  },
};
