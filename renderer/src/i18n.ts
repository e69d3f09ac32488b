// Every UI string goes through i18next; English and Simplified Chinese ship complete. English (the fallback) loads with
// the app; another language's catalogue loads before the first screen when it is the user's, else when chosen.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from './catalogue';
import { catalogue as en } from './language-en';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'podwright.language';

const catalogueLoaders: Record<Language, () => Promise<Catalogue>> = {
  en: () => Promise.resolve(en),
  'zh-CN': async () => (await import('./language-zh-CN')).catalogue,
};

function initialLanguage(): Language {
  // Unit tests run in Node, without either (the rules' words load through here too).
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
  if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const initial = initialLanguage();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

// <html lang> follows the language in use from the first render (a reload in Chinese too), not only after a change:
// screen readers, fonts and line breaking read it.
const followLanguage = (language: string): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
followLanguage(i18n.language);
i18n.on('languageChanged', followLanguage);

/**
 * Words that load with the code that shows them, not with the language, by the folders they are in: the rules' texts
 * (the Pod rules', the workload and Service rules', the engine's own problems, the reader's, the host access ones: every
 * `rules.*` text, all shown as the checks' diagnostics or after a Run, which waits for them) come with the design's checks
 * (store/checks-part.ts), a run's errors right after the first paint too (run/run-words-part.ts), the Compose reader's
 * notes and problems with the import dialog, the lessons' and the node-capacity view's with those (App.tsx).
 */
const laterFolders = {
  rules: ['rules', 'workload-rules', 'engine-problems', 'reader', 'host-access'],
  run: ['runerrors'],
  compose: ['compose-reader'],
  workshop: ['workshop-panels'],
} as const;
type LaterFeature = keyof typeof laterFolders;
const laterWordFiles = import.meta.glob(
  [
    '../../assets/locales/rules/*.json',
    '../../assets/locales/workload-rules/*.json',
    '../../assets/locales/compose-reader/*.json',
    '../../assets/locales/workshop-panels/*.json',
    '../../assets/locales/engine-problems/*.json',
    '../../assets/locales/reader/*.json',
    '../../assets/locales/host-access/*.json',
    '../../assets/locales/runerrors/*.json',
  ],
  { import: 'default' },
) as Record<string, () => Promise<Catalogue>>;
const laterLoaded = new Set<LaterFeature>();
const laterAdded = new Set<string>();

/** Adds `feature`'s words in `language` to what i18next has of that language (once). */
async function addLaterWords(feature: LaterFeature, language: Language): Promise<void> {
  const key = `${feature}/${language}`;
  if (laterAdded.has(key)) return;
  const files = laterFolders[feature].map(
    (folder) => laterWordFiles[`../../assets/locales/${folder}/${language}.json`]!,
  );
  const words = await Promise.all(files.map((file) => file()));
  if (laterAdded.has(key)) return;
  laterAdded.add(key);
  for (const part of words) i18n.addResourceBundle(language, 'translation', part, true, false);
}

/**
 * Loads `feature`'s words in English (every language's fallback) and the language in use, and in each language the
 * user picks after; resolves once they are there, so the code that shows them never shows a key.
 */
export async function loadLaterWords(feature: LaterFeature): Promise<void> {
  laterLoaded.add(feature);
  const shown = i18n.language as Language;
  await Promise.all([addLaterWords(feature, 'en'), ...(shown === 'en' ? [] : [addLaterWords(feature, shown)])]);
}

/** Adds `language`'s catalogue to i18next (loading it the first time), with the later words already loaded. */
async function loadLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation'))
    i18n.addResourceBundle(language, 'translation', await catalogueLoaders[language](), true, false);
  // Asked after the wait: words that began loading meanwhile (in the language shown until now) are needed here too.
  await Promise.all([...laterLoaded].map((feature) => addLaterWords(feature, language)));
}

/** Resolves once the first screen's language is there: the app renders after it (at once in English). */
export const languageReady: Promise<void> = loadLanguage(initial);

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

export default i18n;
