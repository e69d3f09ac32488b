// Every translation catalogue at once, for the tests that compare the languages. The app itself loads only the
// language it shows (i18n.ts, through language-en.ts and language-zh-CN.ts).
import { catalogue as en } from './language-en';
import { catalogue as zhCN } from './language-zh-CN';

export type { Catalogue } from './catalogue';

export const catalogues = { en, 'zh-CN': zhCN };

/** Feature catalogue files by path, so the test can check each feature ships both languages. */
export const featureFiles = Object.keys(import.meta.glob('../../assets/locales/*/*.json'));
