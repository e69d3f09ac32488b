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

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
