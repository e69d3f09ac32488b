// Punctuation that differs between the languages: "Fix: …" in English is "修复：…" in Chinese (a full-width colon
// after Chinese), so a label and its text are joined by the catalogue, never by a colon written in the code.
import type { Translate } from './problems-text';

/** "label: text" in the UI language's punctuation. */
export function labelled(t: Translate, label: string, text: string): string {
  return (t as (key: string, options: Record<string, unknown>) => string)('punctuation.labelled', {
    label,
    text,
    interpolation: { escapeValue: false },
  });
}
