// An import in progress: what is being brought in (a Compose file with its side files, or inspected containers) and
// the choices the user made (grouping, volumes, profiles). The proposal itself is derived from both (proposal.ts).
// Loading the proposal as the design is the dialog's (create.ts): it reads YAML, which the first screen does not load.
import { create } from 'zustand';
import type { ImportChoices, ImportSource } from './proposal';

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

export type { ImportChoices, ImportSource } from './proposal';
