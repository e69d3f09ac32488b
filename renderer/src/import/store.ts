// An import in progress: what is being brought in (a Compose file with its side files, or inspected containers) and
// the choices the user made (grouping, volumes, profiles). The proposal itself is derived from both (proposal.ts).
import { create } from 'zustand';
import { documentOfPod, emptyDocument } from '../../../shared/design';
import type { ComposeRead } from '../../../shared/manifest/compose';
import type { ImportChoices, ImportSource } from './proposal';
import { useDocument } from '../store/document';
import { confirmDiscard, useFiles } from '../files';

interface ImportState {
  source: ImportSource | undefined;
  choices: ImportChoices;
  /** The running-containers picker is open. */
  picking: boolean;
  begin: (source: ImportSource) => void;
  choose: (choices: Partial<ImportChoices>) => void;
  cancel: () => void;
  pickContainers: (open: boolean) => void;
}

const defaults: ImportChoices = { pods: 'auto', volumes: 'emptyDir' };

export const useImport = create<ImportState>((set, get) => ({
  source: undefined,
  choices: defaults,
  picking: false,
  begin: (source) => set({ source, choices: defaults, picking: false }),
  choose: (choices) => set({ choices: { ...get().choices, ...choices } }),
  cancel: () => set({ source: undefined }),
  pickContainers: (picking) => set({ picking }),
}));

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

export type { ImportChoices, ImportSource } from './proposal';
