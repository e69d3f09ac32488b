// Design files: New, Open, Save, Save As and recent files through the API (native dialogs in Electron, the in-app
// picker in the browser host), import/download through the browser, and examples from the bundle. Unsaved work is
// kept for crash recovery by recovery/drafts.ts.
import { useEffect } from 'react';
import { create } from 'zustand';
import { emptyDocument } from '../../shared/design/document';
import type { DesignReadResult } from '../../shared/design/design-file';
import { ApiError } from '../../shared/api/errors';
import { ChangedOnDisk, type RecentFile } from '../../shared/api/files';
import type { Action } from './actions';
import { api } from './api';
import { downloadText } from './download';
import { baseName, fileNameFor, folderOf } from './file-paths';
import { designOf, isDirty, useDocument } from './store/document';
import { useNotice } from './store/notice';
import { filesPart, loadedFiles } from './files-part';
import { importComposeAt, importComposeText } from './import/open';
import i18n from './i18n';
import { labelled } from './punctuation';
import { placedOnGrid } from './canvas/big-design';

type OpenedDesign = Extract<DesignReadResult, { ok: true }>;

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
export interface PickerRequest extends PickerWording {
  /** `folder`: the folder shown (or a new one named in it) is the answer, as an export into a folder takes it. */
  mode: 'open' | 'save' | 'folder';
  root: string;
  directory: string;
  suggestedName?: string;
  attempt: (picked: PickedPath) => Promise<Failure | undefined>;
  finish: (done: boolean) => void;
}

/** What the picker says when it is not Open or Save As (an export): its title, its button, the name's extension. */
export interface PickerWording {
  title?: string;
  confirmLabel?: string;
  /** Added to a typed save name without a YAML extension; `.pod.yaml` (a design) when not given. */
  extension?: string;
  /** What the file will be (a design to edit again, or manifests for kubectl), under the title. */
  note?: string;
}

/**
 * Why an open or save failed, in the user's words; `conflict` when the file exists and may be replaced, `changed`
 * when it changed on disk since the design was read from it.
 */
export interface Failure {
  text: string;
  conflict?: boolean;
  changed?: ChangedOnDisk;
}

/** A save refused because the file changed on disk since it was opened: the user picks what to keep. */
export interface SaveConflict {
  path: string;
  name: string;
  /** What the file holds now. */
  theirs: ChangedOnDisk['version'];
}

interface FilesState {
  /** The file the design was opened from or last saved to, on the back end's machine; null when never saved. */
  path: string | null;
  /** The version of `path` the design is based on (what it held when opened or last saved), so Save can tell it changed. */
  version: string | null;
  recent: RecentFile[];
  picker: PickerRequest | undefined;
  conflict: SaveConflict | undefined;
}

export const useFiles = create<FilesState>(() => ({
  path: null,
  version: null,
  recent: [],
  picker: undefined,
  conflict: undefined,
}));

export function confirmDiscard(): boolean {
  if (!isDirty(useDocument.getState())) return true;
  return window.confirm(i18n.t('files.discard'));
}

export function failure(err: unknown): Failure {
  if (err instanceof ApiError) {
    const changed = ChangedOnDisk.safeParse(err.details);
    if (err.code === 'CONFLICT' && changed.success) return { text: err.message, changed: changed.data };
    const reason = (err.details as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string') return { text: i18n.t(`files.refused.${reason}`, { defaultValue: err.message }) };
    if (err.code === 'NOT_FOUND') return { text: i18n.t('files.notFound') };
    if (err.code === 'CONFLICT') return { text: err.message, conflict: true };
    return { text: err.message };
  }
  return { text: err instanceof Error ? err.message : String(err) };
}

export function notify(prefix: string, f: Failure | undefined): boolean {
  if (f) useNotice.getState().show(`${prefix}: ${f.text}`);
  return f === undefined;
}

/** Opens `text` as the design (or starts its import, a Compose file); waits for the YAML reader if it is not there yet. */
export async function loadText(text: string, fileName: string | null, path: string | null = null): Promise<boolean> {
  const { isComposeText, openDesign } = await filesPart.load();
  // A Compose file is not a design yet: the import dialog proposes one first.
  if (isComposeText(text)) {
    importComposeText(fileName ?? 'compose.yaml', text);
    return true;
  }
  const result = openDesign(text);
  if (!result.ok) {
    useNotice.getState().show(labelled(i18n.t, i18n.t('files.openFailed'), result.error));
    return false;
  }
  loadOpened(result, fileName, path);
  return true;
}

/** Loads a design read from a file; a big one without positions is placed on the grid before it is drawn. */
function loadOpened(result: OpenedDesign, fileName: string | null, path: string | null): void {
  useDocument.getState().loadDesign(placedOnGrid(result.design), fileName);
  useFiles.setState({ path, version: null });
  if (result.notes.length > 0) useNotice.getState().show(result.notes.join('; '));
}

export function newDocument(): void {
  if (!confirmDiscard()) return;
  useDocument.getState().load(emptyDocument(), null);
  useFiles.setState({ path: null, version: null });
}

export async function loadExample(example: Example): Promise<boolean> {
  if (!confirmDiscard()) return false;
  return loadText(example.source, null);
}

/**
 * Asks the back end where to open from or save to, then runs `attempt` there. A native dialog answers itself; the
 * browser host answers `browse`, and the in-app picker (FilePicker) takes over until it finishes.
 */
export async function pickAndRun(
  mode: PickerRequest['mode'],
  attempt: (picked: PickedPath) => Promise<Failure | undefined>,
  failedPrefix: string,
  suggestedName?: string,
  wording: PickerWording = {},
): Promise<boolean> {
  // Ctrl+O or Ctrl+Shift+S while the picker is open must not stack a second one on it.
  if (useFiles.getState().picker) return false;
  let answer;
  try {
    answer = await api().call('file.pick', { mode, ...(mode !== 'folder' && { suggestedName }) });
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
        ...wording,
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

/** Opens `path` in place of the design (unsaved changes are the caller's to have asked about). */
export async function openAt(path: string): Promise<Failure | undefined> {
  try {
    const [file, { isComposeText, openDesign }] = await Promise.all([
      api().call('file.open', { path }),
      filesPart.load(),
    ]);
    if (isComposeText(file.text)) {
      await importComposeAt(file.path);
      return undefined;
    }
    // Read once: the text of a big design took longer to read than to draw.
    const result = openDesign(file.text);
    if (!result.ok) return { text: result.error };
    loadOpened(result, file.name, file.path);
    useFiles.setState({ version: file.version });
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

/** The `saved` lists saves set, to tell them from the ones a load sets. */
const setBySave = new WeakSet<object>();

/**
 * Saves the design to `picked.path`. With `expected` (the version the design is based on) the back end refuses the
 * save if the file changed on disk since: the failure then carries `changed`.
 */
export async function saveAt(picked: PickedPath, expected?: string): Promise<Failure | undefined> {
  const state = useDocument.getState();
  const design = designOf(state);
  // Replaced by every load (New, Open, an example): tells whether the design on screen is still the one being saved.
  const loaded = state.saved;
  try {
    // Once the writer is there the write goes out at once, in the same turn as the click (so two saves keep their order).
    const { writeDesign } = loadedFiles() ?? (await filesPart.load());
    const saved = await api().call('file.save', {
      path: picked.path,
      text: writeDesign(design),
      ...(expected === undefined ? { overwrite: picked.overwrite } : { expected }),
    });
    // A design loaded while the write was in flight (New right after Save) is not bound to the file it never was in;
    // another save of the same design meanwhile (Ctrl+S twice) is not a load.
    const now = useDocument.getState().saved;
    if (now !== loaded && !setBySave.has(now)) {
      void refreshRecent();
      return undefined;
    }
    // Edits made while the write was in flight stay unsaved: the guard compares against what was written.
    setBySave.add(design.pods);
    useDocument.setState({ saved: design.pods, fileName: saved.name });
    useFiles.setState({ path: saved.path, version: saved.version, conflict: undefined });
    void refreshRecent();
    return undefined;
  } catch (err) {
    return failure(err);
  }
}

export async function saveFileAs(): Promise<boolean> {
  const state = useDocument.getState();
  return pickAndRun('save', saveAt, i18n.t('files.saveFailed'), fileNameFor(state.doc, state.fileName), {
    note: i18n.t('files.picker.designNote'),
  });
}

/**
 * Saves to the file the design came from, if it still holds what the design was based on; a file changed on disk since
 * asks (keep mine, take theirs, compare: SaveConflictDialog). A design never saved asks where, as Save As does.
 */
export async function saveFile(): Promise<boolean> {
  const { path, version } = useFiles.getState();
  if (!path) return saveFileAs();
  const failed = await saveAt({ path, overwrite: true }, version ?? undefined);
  if (failed?.changed) {
    useFiles.setState({ conflict: { path, name: baseName(path), theirs: failed.changed.version } });
    return false;
  }
  return notify(i18n.t('files.saveFailed'), failed);
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
export async function downloadCopy(): Promise<void> {
  const { writeDesign } = await filesPart.load();
  const state = useDocument.getState();
  downloadText(writeDesign(designOf(state)), fileNameFor(state.doc, state.fileName), 'application/yaml');
}
