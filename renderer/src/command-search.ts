// How the command palette finds an action by what the user types: every word typed appears in its label, its keywords
// (in the UI language and in English, so "export" finds the command in Chinese too) or its id, in any order.
import type { Action } from './actions';
import i18n from './i18n';

/** The words of a query: split at spaces, and where Chinese meets Latin letters ("导出compose" is 导出 + compose). */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .flatMap((part) => part.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [])
    .filter((w) => w !== '');
}

/** Whether every word of `query` appears in one of `texts` (an empty query matches everything). */
export function commandMatches(query: string, texts: readonly string[]): boolean {
  const words = queryWords(query);
  const haystack = texts.join('\n').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

/** What the palette searches of `action` shown as `label`. */
export function searchTexts(action: Action, label: string): string[] {
  const texts = [label, action.id];
  if (action.keywords) texts.push(i18n.t(action.keywords), i18n.t(action.keywords, { lng: 'en' }));
  return texts;
}
