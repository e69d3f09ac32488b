// Test support: a feature's translation catalogue (assets/locales/<feature>/<lang>.json) read from disk, looked up by
// key and rendered the way i18next interpolates, so tests can hold a message against its catalogue entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CatalogueEntry = { [key: string]: string | CatalogueEntry };

export function loadCatalogue(feature: string, lang: string): CatalogueEntry {
  return JSON.parse(
    readFileSync(join(process.cwd(), `assets/locales/${feature}/${lang}.json`), 'utf8'),
  ) as CatalogueEntry;
}

/** The text at a dotted key, or undefined. */
export function lookup(catalogue: CatalogueEntry, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<string | CatalogueEntry | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), catalogue);
  return typeof value === 'string' ? value : undefined;
}

/** i18next's interpolation: each {{name}} replaced by its value. */
export function render(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
}

/** The placeholders of a text, in order of name, repeats kept. */
export function slots(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

/** Every key of a catalogue, dotted. */
export function keysOf(entry: CatalogueEntry, prefix = ''): string[] {
  return Object.entries(entry).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
}
