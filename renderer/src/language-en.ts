// The English catalogue: the first screen's words (and every other language's fallback), loaded with the app. The
// rules' texts (rules/, workload-rules/, engine-problems/, reader/ and host-access/, about 100 KiB), a run's errors
// (runerrors/), the Compose reader's (compose-reader/) and the lessons' and node-capacity view's (workshop-panels/) are
// left out: they load with the code that shows them (i18n.ts, loadLaterWords).
import core from '../../assets/locales/en.json';
import { catalogueOf, type Catalogue } from './catalogue';

const features = import.meta.glob(
  [
    '../../assets/locales/*/en.json',
    '!../../assets/locales/rules/en.json',
    '!../../assets/locales/workload-rules/en.json',
    '!../../assets/locales/compose-reader/en.json',
    '!../../assets/locales/workshop-panels/en.json',
    '!../../assets/locales/engine-problems/en.json',
    '!../../assets/locales/reader/en.json',
    '!../../assets/locales/host-access/en.json',
    '!../../assets/locales/runerrors/en.json',
  ],
  { eager: true, import: 'default' },
) as Record<string, Catalogue>;

export const catalogue = catalogueOf('en', core, features);
