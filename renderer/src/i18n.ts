// Every UI string goes through i18next; English and Simplified Chinese ship complete.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './locales';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'podwright.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: catalogues.en }, 'zh-CN': { translation: catalogues['zh-CN'] } },
  lng: initialLanguage(),
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

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export default i18n;
