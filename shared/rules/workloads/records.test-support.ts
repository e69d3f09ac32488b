// Test support: the objects of a manifest text as the reader hands them to the workload checks ({document, path,
// object}, List items one by one), until the one reader's DesignRead.objects gives them directly.
import { isRecord, parseManifest } from '../../manifest/parse';
import type { ObjectRecord } from './object-rule';

export function objectRecords(text: string): ObjectRecord[] {
  const out: ObjectRecord[] = [];
  const file = parseManifest(text);
  for (const { index, value } of file.documents) {
    if (isRecord(value) && value.kind === 'List' && Array.isArray(value.items))
      value.items.forEach((object, i) => out.push({ document: index, path: ['items', i], object }));
    else if (value !== null && value !== undefined) out.push({ document: index, path: [], object: value });
  }
  return out;
}
