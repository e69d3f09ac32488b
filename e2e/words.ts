// The app's own words for the journeys, read from the translation catalogues, so one journey runs in English and in
// Simplified Chinese and finds buttons and fields by what a user of that language reads on them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Language = 'en' | 'zh-CN';
export const bothLanguages: readonly Language[] = ['en', 'zh-CN'];

type Catalogue = { [key: string]: string | Catalogue };

const root = join(import.meta.dirname, '..', 'assets', 'locales');

function merge(into: Catalogue, extra: Catalogue): Catalogue {
  const out: Catalogue = { ...into };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    out[key] = typeof existing === 'object' && typeof value === 'object' ? merge(existing, value) : value;
  }
  return out;
}

function catalogue(language: Language): Catalogue {
  let all = JSON.parse(readFileSync(join(root, `${language}.json`), 'utf8')) as Catalogue;
  for (const feature of readdirSync(root).sort()) {
    const file = join(root, feature, `${language}.json`);
    if (statSync(join(root, feature)).isDirectory())
      all = merge(all, JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
  }
  return all;
}

const cache = new Map<Language, Catalogue>();

/** The text of `key` in `language`, with `{{name}}` placeholders filled from `args`; throws for a missing key. */
export function word(language: Language, key: string, args: Record<string, string | number> = {}): string {
  let node: string | Catalogue | undefined = cache.get(language) ?? catalogue(language);
  cache.set(language, node);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no ${language} text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(args[name] ?? `{{${name}}}`));
}

/** `word` bound to one language. */
export function wordsFor(language: Language): (key: string, args?: Record<string, string | number>) => string {
  return (key, args) => word(language, key, args);
}
