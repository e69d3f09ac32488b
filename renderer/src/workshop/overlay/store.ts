// Whether the namespace overlay is drawn on the canvas; a view toggle, so it is not part of the undoable document.
import { create } from 'zustand';

interface OverlayState {
  on: boolean;
  set: (on: boolean) => void;
  toggle: () => void;
}

export const useNamespaceOverlay = create<OverlayState>((set) => ({
  on: false,
  set: (on) => set({ on }),
  toggle: () => set((s) => ({ on: !s.on })),
}));
