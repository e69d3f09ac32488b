// Asks the canvas to draw every node while an image of the whole design is taken (it normally culls off-screen ones).
import { create } from 'zustand';

export const useCanvasExport = create<{ renderAll: boolean; setRenderAll: (on: boolean) => void }>((set) => ({
  renderAll: false,
  setRenderAll: (renderAll) => set({ renderAll }),
}));
