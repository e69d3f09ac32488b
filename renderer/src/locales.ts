// Every translation catalogue at once, whole (the words loaded later too), for the tests that compare the languages.
// The app itself loads only the language it shows (i18n.ts, through language-en.ts and language-zh-CN.ts).
import en from '../../assets/locales/en.json';
import zhCN from '../../assets/locales/zh-CN.json';
import { catalogueOf, type Catalogue } from './catalogue';

export type { Catalogue } from './catalogue';

const features = import.meta.glob('../../assets/locales/*/*.json', { eager: true, import: 'default' }) as Record<
  string,
  Catalogue
>;

export const catalogues = { en: catalogueOf('en', en, features), 'zh-CN': catalogueOf('zh-CN', zhCN, features) };

/** Feature catalogue files by path, so the test can check each feature ships both languages. */
export const featureFiles = Object.keys(features);
