// The Simplified Chinese catalogue: loaded before the first screen when it is the user's language, else when chosen.
// As in English, the rules' texts, a run's errors, the Compose reader's and the workshop panels' load later, with their
// code (i18n.ts, loadLaterWords).
import core from '../../assets/locales/zh-CN.json';
import { catalogueOf, type Catalogue } from './catalogue';

const features = import.meta.glob(
  [
    '../../assets/locales/*/zh-CN.json',
    '!../../assets/locales/rules/zh-CN.json',
    '!../../assets/locales/workload-rules/zh-CN.json',
    '!../../assets/locales/compose-reader/zh-CN.json',
    '!../../assets/locales/workshop-panels/zh-CN.json',
    '!../../assets/locales/engine-problems/zh-CN.json',
    '!../../assets/locales/reader/zh-CN.json',
    '!../../assets/locales/host-access/zh-CN.json',
    '!../../assets/locales/runerrors/zh-CN.json',
  ],
  { eager: true, import: 'default' },
) as Record<string, Catalogue>;

export const catalogue = catalogueOf('zh-CN', core, features);
