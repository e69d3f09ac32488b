// Files in the browser host: Open through a file picker, Save as a download, examples from the bundle, and autosave.
import { emptyDocument, readProject, writeProject, type CanvasDocument } from '../../shared/canvas';
import { isDirty, useDocument } from './store/document';
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

export function confirmDiscard(): boolean {
  if (!isDirty(useDocument.getState())) return true;
  return window.confirm(i18n.t('files.discard'));
}

export function loadText(text: string, fileName: string | null): boolean {
  const result = readProject(text);
  if (!result.ok) {
    useNotice.getState().show(`${i18n.t('files.openFailed')}: ${result.error}`);
    return false;
  }
  useDocument.getState().load(result.doc, fileName);
  if (result.notes.length > 0) useNotice.getState().show(result.notes.join('; '));
  return true;
}

export function loadExample(example: Example): boolean {
  if (!confirmDiscard()) return false;
  return loadText(example.source, null);
}

export function openFile(): void {
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

export function fileNameFor(doc: CanvasDocument, current: string | null): string {
  if (current) return current.endsWith('.pod.yaml') ? current : current.replace(/\.(ya?ml|json)$/, '') + '.pod.yaml';
  const name = (doc.pod.metadata?.name || 'pod').replace(/[^a-zA-Z0-9._-]/g, '-');
  return `${name}.pod.yaml`;
}

export function saveFile(): void {
  const state = useDocument.getState();
  const text = writeProject(state.doc);
  const name = fileNameFor(state.doc, state.fileName);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  state.markSaved(name);
}

const autosaveKey = 'podwright.autosave';

export interface Recovery {
  text: string;
  savedAt: string;
  fileName: string | null;
}

/** Keeps a recovery copy of unsaved work; a saved or untouched design leaves nothing to restore. */
export function startAutosave(delayMs = 800): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useDocument.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.saved === previous.saved) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const now = useDocument.getState();
      if (!isDirty(now)) {
        localStorage.removeItem(autosaveKey);
        return;
      }
      const recovery: Recovery = {
        text: writeProject(now.doc),
        savedAt: new Date().toISOString(),
        fileName: now.fileName,
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
    };
  } catch {
    return undefined;
  }
}

export function restoreRecovery(recovery: Recovery): void {
  const result = readProject(recovery.text);
  if (result.ok) {
    // Restored work is unsaved work: compare against an empty design so the guard still protects it.
    useDocument.getState().load(result.doc, recovery.fileName);
    useDocument.setState({ saved: emptyDocument() });
  }
}

export function discardRecovery(): void {
  localStorage.removeItem(autosaveKey);
}
