// Run errors in the UI language: a refused plan's problems and the Pod runtime's errors from assets/locales/runerrors,
// falling back to the back end's English when the catalogue lacks an entry (an older back end, a new message).
import type { MessageParams } from '../../shared/api/errors';
import type { Translate } from './problems-text';

/** What the UI holds of a plan problem or a run error: English, and the catalogue key and values when given. */
export interface CataloguedMessage {
  message: string;
  messageId?: string;
  params?: MessageParams;
}

/** The run error box's view of a failed run: its message, and the plan problems a refused run lists. */
export interface RunErrorMessage extends CataloguedMessage {
  code: string;
  problems?: CataloguedMessage[];
}

/**
 * `key` rendered with `params` in the UI language only, else `english`: no fallback to the English catalogue, so a
 * sentence never mixes a Chinese phrase into English words (or the reverse) when one entry is missing.
 */
function inLanguage(t: Translate, key: string, params: object | undefined, english: string, context?: string): string {
  return (t as (key: string, options: Record<string, unknown>) => string)(key, {
    ...params,
    ...(context && { context }),
    defaultValue: english,
    fallbackLng: false,
    // Params are names and values from the Pod and the engine, shown as text, never markup.
    interpolation: { escapeValue: false },
  });
}

/** A phrase inside a message (who, which action, why) in the UI language, or undefined when the catalogue lacks it. */
function phraseText(t: Translate, value: MessageParams[string]): string | number | undefined {
  if (typeof value !== 'object') return value;
  const text = inLanguage(t, value.id, value.params, '');
  return text === '' ? undefined : text;
}

function messageText(t: Translate, m: CataloguedMessage, extra: Record<string, string> = {}, context?: string): string {
  if (!m.messageId) return m.message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params ?? {})) {
    const text = phraseText(t, value);
    // A phrase the catalogue lacks would leave a hole in the sentence: the whole message stays in English instead.
    if (text === undefined) return m.message;
    params[name] = text;
  }
  return inLanguage(t, m.messageId, { ...params, ...extra }, m.message, context);
}

/** One problem of a refused plan, e.g. "Container "web" has no image." */
export function planProblemText(t: Translate, problem: CataloguedMessage): string {
  return messageText(t, problem);
}

/** A failed run's message; a refused plan's sentence lists its problems in the UI language too. */
export function runErrorText(t: Translate, error: RunErrorMessage): string {
  const listed = error.code === 'PLAN_INVALID' && error.problems?.length && typeof error.params?.problems === 'string';
  const extra = listed ? { problems: error.problems!.map((p) => planProblemText(t, p)).join(' ') } : undefined;
  return messageText(t, error, extra);
}

/**
 * Why the Pod failed under its containers (PodSnapshot.reason), in the app's words: the catalogue entry of its messageId
 * with the context "app" (`runerrors.pod.INFRA_STOPPED_app`), which leaves out the CLI's "podwright down" advice since
 * the app offers the recovery as buttons; the CLI's sentence when no app variant exists, the English when neither.
 */
export function podFaultText(t: Translate, snapshot: Partial<CataloguedMessage>): string {
  return messageText(t, { ...snapshot, message: snapshot.message ?? '' }, {}, 'app');
}
