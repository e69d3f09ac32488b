// Where the project's own files are, found from this module rather than the working directory: the nearest folder
// above it with a package.json, which is the project root both from the sources (electron/cli/) and from a built
// bundle (dist/cli/<build>/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const rendererDist = join(projectRoot, 'dist', 'renderer');
export const electronDist = join(projectRoot, 'dist', 'electron');
