// Reads what a CLI command was given (a file, or "-" for stdin) as hostile input: a regular file, the size limit
// before reading, strict UTF-8. Every command that takes a design reads it here, then through readDesign.
import { readFile, realpath, stat } from 'node:fs/promises';
import { defaultLimits } from '../../shared/manifest/parse';
import { detectFormat, type DesignSource } from '../../shared/manifest/read';
// Every command that reads a design reads Compose files too: the Compose reader registers itself with readDesign.
import '../../shared/manifest/compose/read';

export class InputError extends Error {
  override name = 'InputError';
}

/** The text of `file` ("-": stdin), or an InputError in words (no such file, not a file, too large, not UTF-8). */
export async function readInput(file: string, limit = defaultLimits.maxLength): Promise<string> {
  const bytes = file === '-' ? await readStdin(limit) : await readFileBounded(file, limit);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${label(file)} is not UTF-8 text`);
  }
}

/**
 * How readDesign should see `file`: by its name, and for a Compose file with the side files and variables Compose
 * would read beside it (its .env, env_files, extends files), so every command reads a Compose file the same way.
 */
export async function designSource(file: string, text: string): Promise<DesignSource> {
  const name = label(file);
  if (file === '-' || detectFormat(text) !== 'compose') return { name };
  // Loaded only for a Compose file: it reaches the file API's checks (and zod), which a Pod's run does not need.
  const { readComposeInputs } = await import('../files/compose-inputs');
  const inputs = await readComposeInputs(await realpath(file), text);
  return { name, files: inputs.files, env: inputs.env, compose: { directory: inputs.directory } };
}

/** How messages name an input. */
export function label(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

async function readFileBounded(file: string, limit: number): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message,
    );
  }
  if (!info.isFile()) throw new InputError('not a regular file');
  if (info.size > limit) throw new InputError(`the file is ${info.size} bytes, over the limit of ${limit}`);
  return readFile(file);
}

async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep one byte over the limit so the reader reports "too large" instead of parsing a truncated text.
    if (size > limit) {
      chunks.push(chunk.subarray(0, chunk.length - (size - limit - 1)));
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
