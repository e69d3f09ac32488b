// Copy, cut and paste of containers and volumes through the system clipboard (as Pod YAML), with an in-app fallback.
// Keyboard shortcuts arrive as the browser's copy/cut/paste events, which read and write the clipboard without a
// permission prompt; the command palette goes through navigator.clipboard; both keep an in-app copy for when the
// system clipboard is refused (a locked-down Electron, an insecure origin).
import { useEffect } from 'react';
import { removeSelection } from '../../../shared/design/edit';
import type { Point } from '../../../shared/design/document';
import { hasNoPositions } from '../../../shared/design/layout';
import { filesPart, loadedFiles, type DesignFiles } from '../files-part';
import i18n from '../i18n';
import { graphOf, useDocument } from '../store/document';
import { useNotice } from '../store/notice';

/** The last copy made in this window: the fallback when the system clipboard cannot be read. */
let memory: string | undefined;
/** Pasting the same copy again steps further, so copies do not stack exactly on top of each other. */
let pastes = { text: '', count: 0 };
const step = 40;

export function canCopy(selection: readonly string[]): boolean {
  return selection.some((id) => id.startsWith('container:') || id.startsWith('volume:'));
}

/**
 * The selection as clipboard text, remembered in-app; `undefined` when nothing copyable is selected. After a cut the
 * first paste goes back where the nodes were; after a copy it lands one step aside, so the copy is seen. `files`: the
 * YAML writer (files-part.ts), which a copy event cannot wait for.
 */
export function copySelection(files: DesignFiles, cut = false): string | undefined {
  const { copyFragment, fragmentText } = files;
  const { doc, selection } = useDocument.getState();
  const fragment = copyFragment(doc, selection);
  if (!fragment) return undefined;
  const text = fragmentText(fragment);
  memory = text;
  pastes = { text, count: cut ? -1 : 0 };
  return text;
}

/** Removes what was just copied: one undo step. */
function removeCopied(): void {
  const state = useDocument.getState();
  const ids = state.selection.filter((id) => id.startsWith('container:') || id.startsWith('volume:'));
  state.change((doc) => removeSelection(doc, ids));
  state.select([]);
}

/**
 * Pastes clipboard text: one undo step, the pasted nodes selected. Text that holds no container or volume pastes
 * nothing and says so. Returns whether anything was pasted.
 */
export async function pasteText(text: string): Promise<boolean> {
  const { pasteFragment, readFragment } = await filesPart.load();
  const fragment = readFragment(text);
  if (!fragment) {
    useNotice.getState().show(i18n.t('editing.clipboard.nothing'));
    return false;
  }
  pastes = pastes.text === text ? { text, count: pastes.count + 1 } : { text, count: 1 };
  const state = useDocument.getState();
  let offset: Point = { x: step * pastes.count, y: step * pastes.count };
  if (hasNoPositions(fragment.layout)) {
    // YAML copied from elsewhere has no positions: put it right of the drawing rather than over the fallback rows.
    const bounds = graphOf(state.doc).bounds;
    offset = { x: bounds.x + bounds.width + step, y: 0 };
  }
  let ids: string[] = [];
  state.change((doc) => {
    const r = pasteFragment(doc, fragment, offset);
    ids = r.ids;
    return r.doc;
  });
  state.select(ids);
  return ids.length > 0;
}

/** Duplicate (Ctrl+D): a copy and paste one step aside in one undo step, leaving the clipboards alone; selects it. */
export async function duplicateCommand(): Promise<void> {
  const { duplicateSelection } = await filesPart.load();
  const state = useDocument.getState();
  let ids: string[] = [];
  state.change((doc) => {
    const r = duplicateSelection(doc, state.selection, { x: step, y: step });
    ids = r.ids;
    return r.doc;
  });
  state.select(ids);
}

/** Copy or cut from the command palette or a button: the async clipboard API when allowed, the in-app copy always. */
export async function copyCommand(cut: boolean): Promise<void> {
  const text = copySelection(await filesPart.load(), cut);
  if (!text) return;
  if (cut) removeCopied();
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // Refused (no permission, no focus): the in-app copy still pastes within Podwright.
  }
}

/** Paste from the command palette: reads the system clipboard when allowed (briefly), else the in-app copy. */
export async function pasteCommand(): Promise<void> {
  let text: string | undefined;
  try {
    const read = navigator.clipboard?.readText();
    // A permission prompt nobody answers must not leave the command hanging.
    text = read
      ? await Promise.race([read, new Promise<undefined>((done) => setTimeout(() => done(undefined), 1500))])
      : undefined;
  } catch {
    text = undefined;
  }
  const usable = text !== undefined && text.trim() !== '' ? text : memory;
  if (usable !== undefined) await pasteText(usable);
  else useNotice.getState().show(i18n.t('editing.clipboard.nothing'));
}

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Text the user selected on the page (a problem message, a hint): Ctrl+C copies that, not the canvas selection. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

function onCopyOrCut(event: ClipboardEvent): void {
  if (inTextField(event.target) || hasTextSelection()) return;
  const cut = event.type === 'cut';
  const files = loadedFiles();
  if (!files) {
    // A copy in the first moments, before the YAML writer is there: the event cannot wait for it, so the copy goes
    // through the async clipboard (and the in-app copy) as soon as it is.
    if (!canCopy(useDocument.getState().selection)) return;
    event.preventDefault();
    void copyCommand(cut);
    return;
  }
  const text = copySelection(files, cut);
  if (!text) return;
  event.preventDefault();
  event.clipboardData?.setData('text/plain', text);
  if (event.type === 'cut') removeCopied();
}

function onPaste(event: ClipboardEvent): void {
  if (inTextField(event.target)) return;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const usable = text.trim() !== '' ? text : memory;
  if (usable === undefined) return;
  event.preventDefault();
  void pasteText(usable);
}

/** Listens for the browser's clipboard events while the canvas is mounted. */
export function useClipboardEvents(): void {
  useEffect(() => {
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
