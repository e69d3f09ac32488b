// A translation catalogue (assets/locales/<feature>) for tests: lookup, i18next-style rendering, and its keys.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Entry = { [key: string]: string | Entry };
type Params = Record<string, string | number | { id: string; params?: Record<string, string | number> }>;
export type Language = 'en' | 'zh-CN';

export interface Catalogue {
  lookup(lang: Language, key: string): string | undefined;
  /** i18next's interpolation: each {{name}} replaced by its value; a phrase value is rendered from its own entry first. */
  render(lang: Language, key: string, params?: Params): string;
  /** Every key of a language, dotted. */
  keys(lang: Language): string[];
}

export function catalogue(feature: string): Catalogue {
  const load = (lang: Language): Entry =>
    JSON.parse(readFileSync(join(process.cwd(), `assets/locales/${feature}/${lang}.json`), 'utf8')) as Entry;
  const entries: Record<Language, Entry> = { en: load('en'), 'zh-CN': load('zh-CN') };
  const lookup = (lang: Language, key: string): string | undefined => {
    const value = key
      .split('.')
      .reduce<string | Entry | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), entries[lang]);
    return typeof value === 'string' ? value : undefined;
  };
  const render = (lang: Language, key: string, params: Params = {}): string => {
    const template = lookup(lang, key);
    if (template === undefined) return `<missing ${lang} ${key}>`;
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) return `<no value for ${name}>`;
      return typeof value === 'object' ? render(lang, value.id, value.params) : String(value);
    });
  };
  const keys = (lang: Language): string[] => {
    const walk = (e: Entry, prefix: string): string[] =>
      Object.entries(e).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : walk(v, `${prefix}${k}.`)));
    return walk(entries[lang], '');
  };
  return { lookup, render, keys };
}

/** The run errors' catalogue (assets/locales/runerrors). */
export const { lookup, render, keys } = catalogue('runerrors');

export const slots = (template: string) =>
  [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
