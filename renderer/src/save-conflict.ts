// The choices a save conflict offers (the file changed on disk since the design was read from it): keep mine, take
// theirs, or compare the two first. The dialog (components/files/SaveConflictDialog.tsx) is a view of these.
import { writeDesign } from '../../shared/design/design-file';
import { api } from './api';
import { openAt, saveAt, useFiles } from './files';
import i18n from './i18n';
import { labelled } from './punctuation';
import { designOf, useDocument } from './store/document';
import { useNotice } from './store/notice';

function notifyFailure(prefix: string, text: string): void {
  useNotice.getState().show(labelled(i18n.t, i18n.t(prefix), text));
}

/**
 * Overwrites the file with the design, based on what the file holds now (the version the conflict saw): if it changed
 * yet again meanwhile, the dialog stays and asks about the newer version.
 */
export async function keepMine(): Promise<void> {
  const conflict = useFiles.getState().conflict;
  if (!conflict) return;
  const failed = await saveAt({ path: conflict.path, overwrite: true }, conflict.theirs);
  if (failed?.changed) {
    useFiles.setState({ conflict: { ...conflict, theirs: failed.changed.version } });
    return;
  }
  useFiles.setState({ conflict: undefined });
  if (failed) notifyFailure('files.saveFailed', failed.text);
}

/** Reloads the file from disk in place of the design; the unsaved changes are dropped, as the user chose. */
export async function takeTheirs(): Promise<void> {
  const conflict = useFiles.getState().conflict;
  if (!conflict) return;
  const failed = await openAt(conflict.path);
  useFiles.setState({ conflict: undefined });
  if (failed) notifyFailure('files.openFailed', failed.text);
}

/** Leaves the design unsaved and the file as it is. */
export function dismissConflict(): void {
  useFiles.setState({ conflict: undefined });
}

/**
 * The two texts side by side: the design as Save would write it, and the file as it is on disk now (whose version
 * Keep mine then overwrites: what the user compared against is what they replace).
 */
export async function textsToCompare(): Promise<{ mine: string; theirs: string }> {
  const conflict = useFiles.getState().conflict;
  if (!conflict) throw new Error('no save conflict to compare');
  const file = await api().call('file.open', { path: conflict.path });
  useFiles.setState({ conflict: { ...conflict, theirs: file.version } });
  return { mine: writeDesign(designOf(useDocument.getState())), theirs: file.text };
}
