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
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
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

/** Adds `language`'s catalogue to i18next (loading it the first time). */
async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await catalogueLoaders[language]());
}

/** Resolves once the first screen's language is there: the app renders after it (at once in English). */
export const languageReady: Promise<void> = loadLanguage(initial);

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

export default i18n;
