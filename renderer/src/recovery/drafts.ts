// Crash recovery, the keeping side: this window's unsaved design goes to the back end as a draft (shared/api/drafts.ts)
// a moment after every change, and when the window is hidden or closed; a saved or untouched design keeps none.
// Browser storage is not used: Chromium commits localStorage to disk lazily (a killed browser loses the last seconds),
// and the browser host's origin changes with its port, so a restarted app would not see it.
import { emptyDocument } from '../../../shared/design/document';
import type { DraftInfo } from '../../../shared/api/drafts';
import { api } from '../api';
import { useFiles } from '../files';
import { filesPart, type DesignFiles } from '../files-part';
import { designOf, isDirty, useDocument } from '../store/document';

/** This page load's draft id: a reload is a new window whose memory is gone, so its old draft is offered back. */
export const windowDraftId: string = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');

/** How long after a change the draft is written: short, so a crash loses at most this much typing. */
export const draftDelayMs = 300;

/** Keeps this window's draft current until the returned function is called. */
export function startDraftKeeping(delayMs = draftDelayMs): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let again = false;
  /** This window has a draft on the back end (so a design saved since must remove it). */
  let kept = false;

  /** Writes the draft (or removes it), one call at a time; a change during a write is written right after. */
  const write = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    try {
      do {
        again = false;
        try {
          // An edit in the first moments may come before the YAML writer: the draft waits for it (files-part.ts).
          const { writeDesign } = await filesPart.load();
          const state = useDocument.getState();
          if (isDirty(state)) {
            await api().call('draft.put', {
              id: windowDraftId,
              text: writeDesign(designOf(state)),
              fileName: state.fileName,
              path: useFiles.getState().path,
              version: useFiles.getState().version,
            });
            kept = true;
          } else if (kept) {
            await api().call('draft.discard', { id: windowDraftId });
            kept = false;
          }
        } catch {
          // No back end, or a design past the size limit: the draft is a safety net, never a reason to interrupt.
        }
      } while (again);
    } finally {
      writing = false;
    }
  };

  const unsubscribe = useDocument.subscribe((state, previous) => {
    if (
      state.doc === previous.doc &&
      state.others === previous.others &&
      state.companions === previous.companions &&
      state.saved === previous.saved &&
      state.fileName === previous.fileName
    )
      return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void write(), delayMs);
  });
  // Hidden or closing: write what is pending now (a closed tab's draft is offered when the app opens next).
  const now = (): void => {
    if (timer) void write();
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') now();
  };
  window.addEventListener('pagehide', now);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('pagehide', now);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

/** The newest draft another window (or an earlier load of this one) left, if any. */
export async function draftToOffer(): Promise<DraftInfo | undefined> {
  try {
    return (await api().call('draft.list', {})).find((d) => d.id !== windowDraftId);
  } catch {
    return undefined;
  }
}

/** Opens the draft as unsaved work (Save goes back to the file it came from) and removes it from the back end. */
export async function restoreDraft(offer: DraftInfo): Promise<boolean> {
  // Asked for before the draft, so a draft restored as the first thing the app does waits for the YAML reader no longer.
  const files = filesPart.load();
  let text: string;
  let openDesign: DesignFiles['openDesign'];
  try {
    text = (await api().call('draft.get', { id: offer.id })).text;
    ({ openDesign } = await files);
  } catch {
    return false;
  }
  const result = openDesign(text, { name: 'unsaved work' });
  if (!result.ok) return false;
  useDocument.getState().loadDesign(result.design, offer.fileName);
  // Restored work is unsaved work: compare against an empty design so the guard (and this window's draft) keep it.
  useDocument.setState({ saved: [emptyDocument()] });
  // Save goes back to the file the work came from, and still notices if that file changed since the work began.
  useFiles.setState({ path: offer.path, version: offer.version ?? null });
  await discardDraft(offer);
  return true;
}

export async function discardDraft(offer: DraftInfo): Promise<void> {
  try {
    await api().call('draft.discard', { id: offer.id });
  } catch {
    // Gone already, or no back end: nothing to remove.
  }
}
