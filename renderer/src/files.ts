// Design files: New, Open, Save, Save As and recent files through the API (native dialogs in Electron, the in-app
// picker in the browser host), import/download through the browser, examples from the bundle, and autosave.
import { useEffect } from 'react';
import { create } from 'zustand';
import { emptyDocument, openDesign, writeDesign } from '../../shared/design';
import { ApiError } from '../../shared/api/errors';
import type { RecentFile } from '../../shared/api/files';
import type { Action } from './actions';
import { api } from './api';
import { downloadText } from './download';
import { fileNameFor, folderOf } from './file-paths';
import { designOf, isDirty, useDocument } from './store/document';
import { useNotice } from './store/notice';
import i18n from './i18n';

const exampleSources = import.meta.glob('../../assets/examples/*.pod.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface Example {
  file: string;
  name: string;
  /** The comment block at the top of the file says what the example teaches. */
  description: string;
  source: string;
}

export const examples: Example[] = Object.entries(exampleSources)
  .map(([path, source]) => {
    const file = path.split('/').pop()!;
    const description = source
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) => l.replace(/^#\s?/, ''))
      .join(' ');
    return { file, name: file.replace(/\.pod\.yaml$/, ''), description, source };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

/** Where the user chose to open from or save to; `overwrite` when they already agreed to replace the file. */
export interface PickedPath {
  path: string;
  overwrite: boolean;
}

/**
 * The in-app picker the browser host uses instead of a native dialog. `attempt` opens or saves the picked path and
 * answers an error to show in the picker (it stays open), or undefined when done; `finish` closes the request.
 */
export interface PickerRequest {
  mode: 'open' | 'save';
  root: string;
  directory: string;
  suggestedName?: string;
  attempt: (picked: PickedPath) => Promise<Failure | undefined>;
  finish: (done: boolean) => void;
}

/** Why an open or save failed, in the user's words; `conflict` when the file exists and may be replaced. */
export interface Failure {
  text: string;
  conflict?: boolean;
}

interface FilesState {
  /** The file the design was opened from or last saved to, on the back end's machine; null when never saved. */
  path: string | null;
  recent: RecentFile[];
  picker: PickerRequest | undefined;
}

export const useFiles = create<FilesState>(() => ({ path: null, recent: [], picker: undefined }));

export function confirmDiscard(): boolean {
  if (!isDirty(useDocument.getState())) return true;
  return window.confirm(i18n.t('files.discard'));
}

function failure(err: unknown): Failure {
  if (err instanceof ApiError) {
    const reason = (err.details as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string') return { text: i18n.t(`files.refused.${reason}`, { defaultValue: err.message }) };
    if (err.code === 'NOT_FOUND') return { text: i18n.t('files.notFound') };
    if (err.code === 'CONFLICT') return { text: err.message, conflict: true };
    return { text: err.message };
  }
  return { text: err instanceof Error ? err.message : String(err) };
}

function notify(prefix: string, f: Failure | undefined): boolean {
  if (f) useNotice.getState().show(`${prefix}: ${f.text}`);
  return f === undefined;
}

export function loadText(text: string, fileName: string | null, path: string | null = null): boolean {
  const result = openDesign(text);
  if (!result.ok) {
    useNotice.getState().show(`${i18n.t('files.openFailed')}: ${result.error}`);
    return false;
  }
  useDocument.getState().loadDesign(result.design, fileName);
  useFiles.setState({ path });
  if (result.notes.length > 0) useNotice.getState().show(result.notes.join('; '));
  return true;
}

export function newDocument(): void {
  if (!confirmDiscard()) return;
  useDocument.getState().load(emptyDocument(), null);
  useFiles.setState({ path: null });
}

export function loadExample(example: Example): boolean {
  if (!confirmDiscard()) return false;
  return loadText(example.source, null);
}

/**
 * Asks the back end where to open from or save to, then runs `attempt` there. A native dialog answers itself; the
 * browser host answers `browse`, and the in-app picker (FilePicker) takes over until it finishes.
 */
async function pickAndRun(
  mode: 'open' | 'save',
  attempt: (picked: PickedPath) => Promise<Failure | undefined>,
  failedPrefix: string,
  suggestedName?: string,
): Promise<boolean> {
  // Ctrl+O or Ctrl+Shift+S while the picker is open must not stack a second one on it.
  if (useFiles.getState().picker) return false;
  let answer;
  try {
    answer = await api().call('file.pick', { mode, suggestedName });
  } catch (err) {
    return notify(failedPrefix, failure(err));
  }
  // A native save dialog already asked before replacing a file.
  if (answer.kind === 'picked') return notify(failedPrefix, await attempt({ path: answer.path, overwrite: true }));
  if (answer.kind === 'cancelled') return false;
  // Start beside the current file when it lies under the picker's root.
  const current = useFiles.getState().path;
  const directory = current && current.startsWith(answer.root) ? folderOf(current) : answer.directory;
  return new Promise<boolean>((resolve) =>
    useFiles.setState({
      picker: {
        mode,
        root: answer.root,
        directory,
        suggestedName,
        attempt,
        finish: (done) => {
          useFiles.setState({ picker: undefined });
          resolve(done);
        },
      },
    }),
  );
}

export async function refreshRecent(): Promise<void> {
  try {
    useFiles.setState({ recent: await api().call('file.recent', {}) });
  } catch {
    // The recent list is a convenience; without a back end it stays as it was.
  }
}

async function openAt(path: string): Promise<Failure | undefined> {
  try {
    const file = await api().call('file.open', { path });
    const result = openDesign(file.text);
    if (!result.ok) return { text: result.error };
    loadText(file.text, file.name, file.path);
    return undefined;
  } catch (err) {
    return failure(err);
  } finally {
    void refreshRecent();
  }
}

export async function openFile(): Promise<void> {
  if (!confirmDiscard()) return;
  await pickAndRun('open', ({ path }) => openAt(path), i18n.t('files.openFailed'));
}

export async function openRecent(path: string): Promise<boolean> {
  if (!confirmDiscard()) return false;
  return notify(i18n.t('files.openFailed'), await openAt(path));
}

async function saveAt(picked: PickedPath): Promise<Failure | undefined> {
  const design = designOf(useDocument.getState());
  try {
    const saved = await api().call('file.save', {
      path: picked.path,
      text: writeDesign(design),
      overwrite: picked.overwrite,
    });
    // Edits made while the write was in flight stay unsaved: the guard compares against what was written.
    useDocument.setState({ saved: design.pods, fileName: saved.name });
    useFiles.setState({ path: saved.path });
    void refreshRecent();
    return undefined;
  } catch (err) {
    return failure(err);
  }
}

export async function saveFileAs(): Promise<boolean> {
  const state = useDocument.getState();
  return pickAndRun('save', saveAt, i18n.t('files.saveFailed'), fileNameFor(state.doc, state.fileName));
}

/** Saves to the file the design came from; a design never saved asks where, as Save As does. */
export async function saveFile(): Promise<boolean> {
  const path = useFiles.getState().path;
  return path ? notify(i18n.t('files.saveFailed'), await saveAt({ path, overwrite: true })) : saveFileAs();
}

/** Recent files as commands for the command palette. */
export function recentActions(recent: readonly RecentFile[]): Action[] {
  return recent.map((file) => ({
    id: `recent:${file.path}`,
    label: 'files.openRecentNamed',
    rawArgs: { name: file.name, path: file.path },
    enabled: () => true,
    perform: () => void openRecent(file.path),
    paletteOnly: true,
  }));
}

/** The window title names the file and marks unsaved changes, like the toolbar does. */
export function useWindowTitle(): void {
  const fileName = useDocument((s) => s.fileName);
  const dirty = useDocument(isDirty);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName ?? i18n.t('files.untitled')} — Podwright`;
  }, [fileName, dirty]);
}

// ---- the browser's own file transfer: kept for moving a design between this computer and the back end's ----

/** Reads a file the user picks with the browser's file chooser; the design then has no path, so Save asks where. */
export function importFromComputer(): void {
  if (!confirmDiscard()) return;
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.yaml,.yml,.json';
  input.dataset.testid = 'open-file-input';
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (!file) return;
    void file.text().then((text) => loadText(text, file.name));
  });
  document.body.appendChild(input);
  input.click();
}

/** Hands a copy of the design to the browser as a download; the design stays bound to its file (if any). */
export function downloadCopy(): void {
  const state = useDocument.getState();
  downloadText(writeDesign(designOf(state)), fileNameFor(state.doc, state.fileName), 'application/yaml');
}

// ---- autosave ----

const autosaveKey = 'podwright.autosave';

export interface Recovery {
  text: string;
  savedAt: string;
  fileName: string | null;
  path: string | null;
}

/** Keeps a recovery copy of unsaved work; a saved or untouched design leaves nothing to restore. */
export function startAutosave(delayMs = 800): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useDocument.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.others === previous.others && state.saved === previous.saved) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const now = useDocument.getState();
      if (!isDirty(now)) {
        localStorage.removeItem(autosaveKey);
        return;
      }
      const recovery: Recovery = {
        text: writeDesign(designOf(now)),
        savedAt: new Date().toISOString(),
        fileName: now.fileName,
        path: useFiles.getState().path,
      };
      try {
        localStorage.setItem(autosaveKey, JSON.stringify(recovery));
      } catch {
        // Storage full or disabled: autosave is a safety net, never a reason to interrupt the user.
      }
    }, delayMs);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

export function pendingRecovery(): Recovery | undefined {
  try {
    const raw = localStorage.getItem(autosaveKey);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Recovery>;
    if (typeof value.text !== 'string' || typeof value.savedAt !== 'string') return undefined;
    return {
      text: value.text,
      savedAt: value.savedAt,
      fileName: typeof value.fileName === 'string' ? value.fileName : null,
      path: typeof value.path === 'string' ? value.path : null,
    };
  } catch {
    return undefined;
  }
}

export function restoreRecovery(recovery: Recovery): void {
  const result = openDesign(recovery.text);
  if (result.ok) {
    // Restored work is unsaved work: compare against an empty design so the guard still protects it.
    useDocument.getState().loadDesign(result.design, recovery.fileName);
    useDocument.setState({ saved: [emptyDocument()] });
    // Save goes back to the file the work came from.
    useFiles.setState({ path: recovery.path });
  }
}

export function discardRecovery(): void {
  localStorage.removeItem(autosaveKey);
}
