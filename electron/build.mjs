// Bundles the Electron main process and preload (CommonJS, as a sandboxed preload requires).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'dockerode', 'ws', 'cpu-features', 'ssh2'],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/app/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/app/preload.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
