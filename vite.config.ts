// Builds the renderer (the same bundle serves the Electron window and the browser host).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../assets/public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The Electron shell loads files from disk under a strict CSP: no inline scripts, no eval.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4096,
  },
});
