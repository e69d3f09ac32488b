// How a language's catalogue is made: one core file plus one per feature (assets/locales/<feature>/<lang>.json),
// merged so features can add strings without touching each other's files. Each language's files are gathered in its
// own module (language-en.ts, language-zh-CN.ts), so the app loads only the language it shows. Those leave out the
// features whose words only later parts show; these load with that code (i18n.ts, loadLaterWords).
export type Catalogue = { [key: string]: string | Catalogue };

/** Deep-merges `extra` into `into`; a key defined twice is a mistake in the catalogues, so it throws. */
function merge(into: Catalogue, extra: Catalogue, where: string): Catalogue {
  const out: Catalogue = { ...into };
  for (const [key, value] of Object.entries(extra)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (typeof existing === 'object' && typeof value === 'object')
      out[key] = merge(existing, value, `${where}.${key}`);
    else throw new Error(`translation key ${where}.${key} is defined twice`);
  }
  return out;
}

/** `language`'s core catalogue with its feature files (by path, as import.meta.glob gives them) merged in. */
export function catalogueOf(language: string, core: Catalogue, features: Record<string, Catalogue>): Catalogue {
  let all = core;
  for (const [path, strings] of Object.entries(features).sort(([a], [b]) => a.localeCompare(b))) {
    if (path.endsWith(`/${language}.json`)) all = merge(all, strings, language);
  }
  return all;
}
