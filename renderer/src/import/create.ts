// The end of an import: the proposal becomes the design. Apart from the import's store (store.ts), which the first
// screen loads, because it reads the proposal's Pods as project files do (YAML), loaded with the import dialog.
import { documentOfPod } from '../../../shared/design/project';
import { emptyDocument } from '../../../shared/design/document';
import type { ComposeRead } from '../../../shared/manifest/compose';
import { useDocument } from '../store/document';
import { confirmDiscard, useFiles } from '../files';
import { useImport } from './store';

/** Loads the proposal as the design: unsaved, with no file behind it, so Save asks where (never over the source). */
export function createDesign(read: ComposeRead, asked = false): void {
  const pods = read.read.pods.map((p) => documentOfPod(p.pod));
  if (pods.length === 0 || (!asked && !confirmDiscard())) return;
  const name = `${read.projectName ?? 'compose'}.pod.yaml`;
  useDocument.getState().loadDesign({ pods, companions: read.read.objects.map((o) => o.object) }, name);
  // An imported design is new work: the unsaved-changes guard and autosave protect it until it is saved.
  useDocument.setState({ saved: [emptyDocument()] });
  useFiles.setState({ path: null });
  useImport.getState().cancel();
}
