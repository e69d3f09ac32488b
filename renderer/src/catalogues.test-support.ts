// For tests that read the app's words: an i18next instance of its own with both catalogues, set up as the app's is.
import i18next, { type i18n as I18n } from 'i18next';
import { catalogues } from './locales';

export async function bothCatalogues(): Promise<I18n> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: catalogues.en }, 'zh-CN': { translation: catalogues['zh-CN'] } },
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18n;
}
