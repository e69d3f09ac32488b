// A file dropped on the window opens like Open does: a design loads, a Compose file starts an import. Files dropped
// with a Compose file (its .env, env_files) are its side files, by name; each is read only up to the design size limit.
import { useEffect } from 'react';
import { MAX_FILE_BYTES } from '../../../shared/api/files';
import { confirmDiscard, loadText } from '../files';
import { useNotice } from '../store/notice';
import i18n from '../i18n';
import { filesPart } from '../files-part';
import { importComposeText } from './open';

/** At most this many files are read from one drop. */
const MAX_DROPPED = 32;

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Reads dropped files and opens the design or Compose file among them. */
export async function openDropped(files: readonly File[]): Promise<void> {
  // Asked for at once: a file dropped as the first thing the app sees waits for the YAML reader no longer than it must.
  const reader = filesPart.load();
  const texts: { name: string; text: string }[] = [];
  for (const file of files.slice(0, MAX_DROPPED)) {
    if (file.size > MAX_FILE_BYTES) {
      useNotice.getState().show(i18n.t('import.dropTooLarge', { name: file.name }));
      continue;
    }
    texts.push({ name: file.name, text: await file.text() });
  }
  const { isComposeText } = await reader;
  // The Compose file among them, if any (the usual names first); else the first file is the design.
  const ordered = [...texts].sort(
    (a, b) => Number(/compose\.ya?ml$/.test(b.name)) - Number(/compose\.ya?ml$/.test(a.name)),
  );
  const main = ordered.find((f) => isComposeText(f.text)) ?? texts[0];
  if (!main) return;
  if (isComposeText(main.text)) {
    const beside = Object.fromEntries(texts.filter((f) => f !== main).map((f) => [f.name, f.text]));
    importComposeText(main.name, main.text, beside, false);
    return;
  }
  if (confirmDiscard()) await loadText(main.text, main.name);
}

/** Listens for files dropped anywhere on the window for as long as the app is mounted. */
export function useFileDrop(): void {
  useEffect(() => {
    const over = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      void openDropped(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
