// What the Compose reader needs beside a Compose file: the side files it asks for (.env, env_file, extends.file,
// configs/secrets `file:`) read safely, and the environment variables it reads. Side files are read only from the
// Compose file's own folder or below it (after resolving symlinks), never from hidden folders, each bounded in size;
// only the variables the file names leave the process.
import { realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readComposeProject, type ComposeReadOptions } from '../../shared/manifest/compose';
import { isInside } from './access';
import { readText } from './files-api';

/** Largest side file read (an env_file or a config); real ones are a few kilobytes. */
export const MAX_SIDE_FILE_BYTES = 1024 * 1024;
/** Most side files read for one Compose file, and their total size. */
export const MAX_SIDE_FILES = 64;
export const MAX_SIDE_BYTES = 4 * 1024 * 1024;
/** Rounds of asking: a side file may name another (an extends file's env_file, a variable read from .env). */
const MAX_ROUNDS = 5;

export type SideFileRefusal = 'OUTSIDE_FOLDER' | 'HIDDEN' | 'TOO_LARGE' | 'TOO_MANY' | 'NOT_TEXT' | 'NOT_A_FILE';

export interface ComposeInputs {
  /** The Compose file's folder (real path), against which relative bind mounts resolve. */
  directory: string;
  files: Record<string, string>;
  env: Record<string, string>;
  /** Side files that were asked for but not there. */
  missing: string[];
  /** Side files that were not read, and why. */
  refused: { path: string; reason: SideFileRefusal }[];
}

/** Variables Compose itself reads from the environment besides those the file names. */
const COMPOSE_VARIABLES = ['COMPOSE_PROJECT_NAME', 'COMPOSE_PROFILES', 'HOME'];

/** Why `relative` (as the reader keys it) may not be read, or undefined when it may be. */
function refusal(relative: string): SideFileRefusal | undefined {
  if (relative.startsWith('/') || relative === '..' || relative.startsWith('../') || relative.startsWith('~'))
    return 'OUTSIDE_FOLDER';
  // Hidden folders below a home folder hold credentials and tool settings; .env files are Compose's own.
  const segments = relative.split('/');
  if (segments.slice(0, -1).some((s) => s.startsWith('.'))) return 'HIDDEN';
  const last = segments[segments.length - 1]!;
  if (last.startsWith('.') && !last.startsWith('.env')) return 'HIDDEN';
  return undefined;
}

/**
 * Reads the side files and variables of the Compose file at `composePath` (already checked by the caller), whose
 * text is `text`. `environment` is where variables come from (the process environment by default).
 */
export async function readComposeInputs(
  composePath: string,
  text: string,
  options: ComposeReadOptions = {},
  environment: NodeJS.ProcessEnv = process.env,
  maxTotalBytes = MAX_SIDE_BYTES,
): Promise<ComposeInputs> {
  const directory = await realpath(dirname(composePath));
  const inputs: ComposeInputs = { directory, files: {}, env: {}, missing: [], refused: [] };
  const tried = new Set<string>();
  let total = 0;
  const pick = (names: readonly string[]): void => {
    for (const name of [...names, ...COMPOSE_VARIABLES]) {
      const value = environment[name];
      if (value !== undefined) inputs.env[name] = value;
    }
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const read = readComposeProject(text, {
      name: composePath,
      files: inputs.files,
      env: inputs.env,
      compose: { ...options, directory },
    });
    pick(read.variables);
    const next = read.wanted.filter((w) => !tried.has(w));
    if (next.length === 0) break;
    for (const relative of next) {
      tried.add(relative);
      const refused = refusal(relative) ?? (tried.size > MAX_SIDE_FILES ? 'TOO_MANY' : undefined);
      if (refused) {
        inputs.refused.push({ path: relative, reason: refused });
        continue;
      }
      const requested = join(directory, ...relative.split('/'));
      const real = await realpath(requested).catch(() => undefined);
      if (!real) {
        inputs.missing.push(relative);
        continue;
      }
      // A symlink may point anywhere; what it points at must also be inside the folder.
      if (!isInside(directory, real) || real === directory) {
        inputs.refused.push({ path: relative, reason: 'OUTSIDE_FOLDER' });
        continue;
      }
      try {
        const { text: content } = await readText(real, relative, Math.min(MAX_SIDE_FILE_BYTES, maxTotalBytes - total));
        total += Buffer.byteLength(content);
        inputs.files[relative] = content;
      } catch (err) {
        const reason = (err as { details?: { reason?: string } }).details?.reason;
        inputs.refused.push({
          path: relative,
          reason: reason === 'TOO_LARGE' ? 'TOO_LARGE' : reason === 'NOT_A_FILE' ? 'NOT_A_FILE' : 'NOT_TEXT',
        });
      }
    }
  }
  return inputs;
}
