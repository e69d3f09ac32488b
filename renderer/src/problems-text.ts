// Rule text in the UI language: a diagnostic's message, explanation and fix titles from assets/locales/rules,
// falling back to the engine's English when the catalogue has no entry (older ids, untranslated messages).
import type { TFunction } from 'i18next';
import { fieldProblemId } from '../../shared/rules/problems';
import type { Diagnostic, QuickFix } from '../../shared/rules/types';

export type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

/** `key` rendered with `params`, or `english` when the catalogue lacks the key. */
function catalogued(t: Translate, key: string | undefined, params: object | undefined, english: string): string {
  if (!key) return english;
  return (t as (key: string, options: Record<string, unknown>) => string)(key, {
    ...params,
    defaultValue: english,
    // Params are names and values from the Pod, shown as text, never markup.
    interpolation: { escapeValue: false },
  });
}

/** The diagnostic's one-line message; embedded phrases (a validation `problem`, a port's usual `user`) too. */
export function diagnosticText(t: Translate, d: Diagnostic): string {
  const params = Object.fromEntries(
    Object.entries(d.params ?? {}).map(([name, value]) => {
      const id = typeof value === 'string' ? fieldProblemId(value) : undefined;
      return [name, id ? catalogued(t, `rules.fieldProblems.${id}`, undefined, String(value)) : value];
    }),
  );
  return catalogued(t, d.messageId, params, d.message);
}

/** The rule's longer explanation (the same for every diagnostic of a code). */
export function explanationText(t: Translate, d: Pick<Diagnostic, 'code' | 'explanation'>): string {
  return catalogued(t, `rules.${d.code}.explanation`, undefined, d.explanation);
}

/** A quick fix's button label. */
export function fixText(t: Translate, fix: QuickFix): string {
  return catalogued(t, fix.titleId, fix.params, fix.title);
}
