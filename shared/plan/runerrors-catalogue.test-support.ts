// The runerrors catalogue (assets/locales/runerrors) for tests: lookup, i18next-style rendering, and its keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Entry = { [key: string]: string | Entry };
type Params = Record<string, string | number | { id: string; params?: Record<string, string | number> }>;

export const runErrorCatalogues = {
  en: load('en'),
  'zh-CN': load('zh-CN'),
};
export type Language = keyof typeof runErrorCatalogues;

function load(lang: string): Entry {
  return JSON.parse(readFileSync(join(process.cwd(), `assets/locales/runerrors/${lang}.json`), 'utf8')) as Entry;
}

export function lookup(lang: Language, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<string | Entry | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), runErrorCatalogues[lang]);
  return typeof value === 'string' ? value : undefined;
}

/** i18next's interpolation: each {{name}} replaced by its value; a phrase value is rendered from its own entry first. */
export function render(lang: Language, key: string, params: Params = {}): string {
  const template = lookup(lang, key);
  if (template === undefined) return `<missing ${lang} ${key}>`;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `<no value for ${name}>`;
    return typeof value === 'object' ? render(lang, value.id, value.params) : String(value);
  });
}

/** Every key of a language, dotted. */
export function keys(lang: Language): string[] {
  const walk = (e: Entry, prefix: string): string[] =>
    Object.entries(e).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : walk(v, `${prefix}${k}.`)));
  return walk(runErrorCatalogues[lang], '');
}

export const slots = (template: string) =>
  [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
