// Tells esbuild which of our own folders hold modules that do nothing when imported, so a bundle that uses none of a
// module's exports leaves the module out instead of running its top-level code for nothing.
import { sep } from 'node:path';

/**
 * shared/api only declares the API contract (zod schemas, error and session classes), and the Docker engine's modules
 * only declare classes and functions: importing them does nothing by itself. The engine's door re-exports its API
 * handlers, logs and exec too, so every command that enters the engine (run, down, ps) used to load them with the
 * whole contract and zod (about 50 ms of CPU per start) without calling any of it. A module in these folders must keep
 * that promise: no registration or other work at import time that a caller relies on.
 */
export const PURE_FOLDERS = ['shared/api/', 'electron/engines/docker/'];

const SKIP = Symbol('podwright-pure-modules');

export function pureModulesPlugin(projectRoot, folders = PURE_FOLDERS) {
  const roots = folders.map((folder) => `${projectRoot}${sep}${folder.split('/').join(sep)}`);
  return {
    name: 'podwright-pure-modules',
    setup(build) {
      // Only relative imports can reach our own folders (the project has no path aliases).
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === SKIP || args.namespace !== 'file') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: SKIP,
        });
        if (resolved.errors.length > 0 || resolved.external || !roots.some((root) => resolved.path.startsWith(root))) return undefined;
        return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
      });
    },
  };
}
