// How the CLI is cut into bundles: main.mjs (the program, commander and the list of commands) and a bundle per
// command, each tree-shaken for that command alone, so that a command loads only the code it reaches itself.
//
// Built as one program with shared chunks, a command loaded every module that any other command reaching the same
// files needed: esbuild places shared code by file, and the Docker engine's door (electron/engines/docker/index.ts)
// re-exports the API handlers, logs and exec beside the Pod runtime, so `podwright run` loaded zod and the whole API
// contract (half its load time) without calling any of it.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where the commands' modules are, and the module that lists them (each by a dynamic import). */
export const COMMANDS_DIR = 'electron/cli/commands';
const COMMAND_LIST = `${COMMANDS_DIR}/index.ts`;
/**
 * Commands that load parts of themselves later (serve prints its URL before it loads the API handlers and the engine
 * client; run and down read a Compose file's side files only for a Compose file; ps, logs and exec load the Kubernetes
 * client only with --context, deploy only past its --help): built together with chunks, which they
 * share. Any other command is one file, its later parts included.
 */
export const LOADS_LATER = ['serve', 'start'];

/**
 * Modules a command loads only on some paths (by a dynamic import), each built as a bundle of its own so the command's
 * file does not carry it: the Kubernetes client (ps, logs, exec with --context; deploy and undeploy past --help) and a
 * Compose file's side files (run, down, validate, export with a Compose file: they reach the file API and zod). In a
 * command's single bundle esbuild would inline them, and a command's start reads its whole file.
 */
export const PARTS_APART = {
  'electron/cli/cluster/engine-load.ts': 'cluster-engine',
  'electron/cli/cluster/deploy-run.ts': 'cluster-deploy',
  'electron/cli/cluster/undeploy-run.ts': 'cluster-undeploy',
  'electron/files/compose-inputs.ts': 'compose-inputs',
};

/** The build's entries for PARTS_APART: each part's bundle name and its source. */
export function partEntries() {
  return Object.fromEntries(Object.entries(PARTS_APART).map(([source, name]) => [name, source]));
}

/** A dynamic import of a part apart becomes an import of its own bundle, beside the command's. */
export function partsApartPlugin(projectRoot) {
  const bySource = new Map(Object.entries(PARTS_APART).map(([source, name]) => [join(projectRoot, source), name]));
  return {
    name: 'podwright-cli-parts-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const target = join(args.resolveDir, args.path);
        const name = bySource.get(`${target}.ts`) ?? bySource.get(target);
        return name ? { path: `./${name}.mjs`, external: true } : undefined;
      });
    },
  };
}

/** The name esbuild is given for main.mjs's entry (made by mainEntryPlugin). */
export const MAIN_ENTRY = 'podwright-cli-main';

/**
 * The entry of main.mjs: the program, and commander's exports for the commands to import from it (one commander, so
 * an Option made in a command is the program's own kind). The names are the installed commander's own.
 */
export function mainEntryPlugin(projectRoot) {
  const names = Object.keys(createRequire(join(projectRoot, 'package.json'))('commander'));
  return {
    name: 'podwright-cli-main',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${MAIN_ENTRY}$`) }, () => ({ path: MAIN_ENTRY, namespace: MAIN_ENTRY }));
      build.onLoad({ filter: /.*/, namespace: MAIN_ENTRY }, () => ({
        contents: `export * from './electron/cli/main.ts';\nexport { ${names.join(', ')} } from 'commander';\n`,
        loader: 'ts',
        resolveDir: projectRoot,
      }));
    },
  };
}

/**
 * Leaves every command out of main.mjs: the list's `import('./run')` becomes `import('./run.mjs')`, the command's own
 * bundle. Each command found is added to `found`, so the commands to build are exactly the ones the list names.
 */
export function commandsApartPlugin(projectRoot, found) {
  const list = join(projectRoot, COMMAND_LIST);
  return {
    name: 'podwright-cli-commands-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/[\w-]+$/ }, (args) => {
        if (args.kind !== 'dynamic-import' || args.importer !== list) return undefined;
        const name = args.path.slice(2);
        if (!found.includes(name)) found.push(name);
        return { path: `./${name}.mjs`, external: true };
      });
    },
  };
}

/** In a command's bundle, commander is main.mjs (already loaded: it loads the command). */
export const commanderFromMainPlugin = {
  name: 'podwright-cli-commander-from-main',
  setup(build) {
    build.onResolve({ filter: /^commander$/ }, () => ({ path: './main.mjs', external: true }));
  },
};
