// Catalogued rule text: the English sentence plus the catalogue id and placeholders the UI needs to translate it.
import type { MessageParams } from './types';

/** A diagnostic message as its English text and its catalogue entry (`rules.<CODE>.messages.<id>`). */
export interface RuleMessage {
  text: string;
  id: string;
  params: MessageParams;
}

/** A report's message: `text` stays the English the CLI and tests read; `id` and `params` let the UI translate. */
export function msg(id: string, params: MessageParams, text: string): RuleMessage {
  return { text, id, params };
}

/** The title of a quick fix with its catalogue entry (`rules.<CODE>.fixes.<id>`), spread into the fix. */
export function fixTitle(
  id: string,
  params: MessageParams,
  text: string,
): { title: string; titleId: string; params: MessageParams } {
  return { title: text, titleId: id, params };
}
