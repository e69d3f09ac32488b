// The words a failed run and a faulted Pod are told in (assets/locales/runerrors, run-errors-text.ts): a later part
// (../lazy.ts), loaded right after the first paint. A Run waits for the design's checks, which load as early, so its
// errors find their words there; a faulted Pod found at start can come sooner, so the views that tell a run error or a
// fault draw it once the words are there (useRunWords), never in the back end's English first.
import { loadLaterWords } from '../i18n';
import { later, useLoaded } from '../lazy';

export const runWordsPart = later(() => loadLaterWords('run'), { first: true });

/** Whether the run's words are there, re-rendering when they arrive. */
export function useRunWords(): boolean {
  return useLoaded(runWordsPart);
}
