// Where the project's own files are, resolved from this module rather than the working directory.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const rendererDist = join(projectRoot, 'dist', 'renderer');
export const electronDist = join(projectRoot, 'dist', 'electron');
