#!/usr/bin/env node
// The `podwright` command. It runs the built CLI (dist/cli, made by `npm install`), and builds it first when it is
// missing or any file it was built from has changed, so an old bundle never runs after an edit, a pull or an upgrade.
// Where it cannot be built (no esbuild, a read-only folder), or with PODWRIGHT_FROM_SOURCE=1, it runs the TypeScript
// sources through tsx, as the tests and development may.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshStamp } from '../build-stamp.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function builtEntry() {
  const stamp = freshStamp(join(root, 'dist', 'cli', 'current.json'), root, (s) => [join(s.build, s.entry)]);
  if (stamp) return join(root, 'dist', 'cli', stamp.build, stamp.entry);
  try {
    const { buildCli } = await import('../build.mjs');
    return await buildCli();
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    process.stderr.write(`podwright: running from source (could not build dist/cli: ${reason})\n`);
    return undefined;
  }
}

const entry = process.env.PODWRIGHT_FROM_SOURCE === '1' ? undefined : await builtEntry();
let main;
if (entry) {
  ({ main } = await import(pathToFileURL(entry).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv);
