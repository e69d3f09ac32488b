// The translation catalogues: one core file per language plus one per feature (assets/locales/<feature>/<lang>.json),
// merged here so features can add strings without touching each other's files.
import en from '../../assets/locales/en.json';
import zhCN from '../../assets/locales/zh-CN.json';

export type Catalogue = { [key: string]: string | Catalogue };

const features = import.meta.glob('../../assets/locales/*/*.json', { eager: true, import: 'default' }) as Record<
  string,
  Catalogue
>;

/** Deep-merges `extra` into `into`; a key defined twice is a mistake in the catalogues, so it throws. */
function merge(into: Catalogue, extra: Catalogue, where: string): Catalogue {
  const out: Catalogue = { ...into };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object') out[key] = merge(existing, value, `${where}.${key}`);
    else throw new Error(`translation key ${where}.${key} is defined twice`);
  }
  return out;
}

function catalogue(language: string, core: Catalogue): Catalogue {
  let all = core;
  for (const [path, strings] of Object.entries(features).sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith(`/${language}.json`)) all = merge(all, strings, language);
  }
  return all;
}

export const catalogues = { en: catalogue('en', en), 'zh-CN': catalogue('zh-CN', zhCN) };

/** Feature catalogue files by path, so the test can check each feature ships both languages. */
export const featureFiles = Object.keys(features);
