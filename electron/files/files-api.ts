// The API handlers for design files: pick (native dialogs or the in-app picker), list, open, save, recent.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { CallHandlers } from '../../shared/api';
import {
  DESIGN_FILE_PATTERN,
  MAX_FILE_BYTES,
  type ChangedOnDisk,
  type DirectoryEntry,
  type ExistingFiles,
} from '../../shared/api/files';
import { ApiError } from '../../shared/api/errors';
import { FileAccess, fromFileSystem, isInside, refuse } from './access';
import { readComposeInputs } from './compose-inputs';
import { RecentFiles } from './recent';

/** Native open/save dialogs; only the Electron shell has them (it passes Electron's `dialog`, wrapped). */
export interface FileDialogs {
  /** The chosen file, or undefined when the user cancelled. */
  showOpen(options: { defaultDirectory: string }): Promise<string | undefined>;
  showSave(options: { defaultPath: string }): Promise<string | undefined>;
  /** A folder to export into (the dialog may make a new one). */
  showFolder(options: { defaultDirectory: string }): Promise<string | undefined>;
}

export interface FileOptions {
  /** The folder the in-app picker may not leave; $PODWRIGHT_FILE_ROOT, else the user's home. */
  root?: string;
  /** Present in Electron: file.pick shows these instead of answering `browse`. */
  dialogs?: FileDialogs;
  /** The settings file holding the recent list. */
  settings?: string;
  maxBytes?: number;
  /** Most entries one listing returns. */
  maxEntries?: number;
}

type Calls = Pick<
  CallHandlers,
  'file.pick' | 'file.list' | 'file.open' | 'file.save' | 'file.saveFolder' | 'file.recent' | 'compose.inputs'
>;

export function defaultFileRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.PODWRIGHT_FILE_ROOT || homedir();
}

export function fileHandlers(options: FileOptions = {}): Calls {
  const access = new FileAccess(options.root ?? defaultFileRoot());
  const recent = new RecentFiles(options.settings);
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const maxEntries = options.maxEntries ?? 1000;
  const dialogs = options.dialogs;
  // In Electron, files opened before were picked by the user in a native dialog; they stay openable from the recent
  // list. The browser host has no dialogs: only the root counts there, whatever the settings file says.
  if (dialogs) for (const path of recent.list()) access.grant(path);
  const remember = (path: string): void => {
    if (dialogs) access.grant(path);
    recent.add(path);
  };

  return typedFileErrors({
    'file.pick': async ({ mode, suggestedName }) => {
      const root = await access.realRoot();
      if (!dialogs) return { kind: 'browse', root, directory: root };
      if (mode === 'folder') {
        const folder = await dialogs.showFolder({ defaultDirectory: root });
        if (!folder) return { kind: 'cancelled' };
        access.grantFolder(folder);
        return { kind: 'picked', path: folder };
      }
      const name = suggestedName && DESIGN_FILE_PATTERN.test(suggestedName) ? basename(suggestedName) : 'pod.pod.yaml';
      const path =
        mode === 'open'
          ? await dialogs.showOpen({ defaultDirectory: root })
          : await dialogs.showSave({ defaultPath: join(root, name) });
      if (!path) return { kind: 'cancelled' };
      access.grant(path);
      return { kind: 'picked', path };
    },

    'file.list': async ({ directory }) => {
      const root = await access.realRoot();
      const real = await access.directory(directory);
      const entries: DirectoryEntry[] = [];
      let truncated = false;
      for (const dirent of await readdir(real, { withFileTypes: true })) {
        // Hidden files and folders stay hidden, as in a native dialog.
        if (dirent.name.startsWith('.')) continue;
        const path = join(real, dirent.name);
        let info;
        try {
          // stat follows a symlink; one that points out of the root is then refused when opened or listed.
          info = await stat(path);
        } catch {
          continue;
        }
        const kind = info.isDirectory()
          ? 'directory'
          : info.isFile() && DESIGN_FILE_PATTERN.test(dirent.name)
            ? 'file'
            : undefined;
        if (!kind) continue;
        if (entries.length >= maxEntries) {
          truncated = true;
          break;
        }
        entries.push(
          kind === 'file'
            ? { name: dirent.name, path, kind, size: info.size, modified: info.mtimeMs }
            : { name: dirent.name, path, kind },
        );
      }
      entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
      return { root, directory: real, parent: real === root ? null : dirname(real), entries, truncated };
    },

    'file.open': async ({ path }) => {
      const real = await access.readable(path);
      const { text, bytes } = await readText(real, path, maxBytes);
      remember(path);
      return { path, name: basename(path), text, version: versionOf(bytes) };
    },

    'file.save': async ({ path, text, overwrite, expected, recent: listed }) => {
      const bytes = textBytes(text, path, maxBytes);
      const { target, exists } = await access.writable(path);
      const conflict = (): ApiError => new ApiError('CONFLICT', `${basename(path)} already exists.`, { path });
      /** Refuses the save when the file no longer holds the version the text was based on. */
      const unchanged = async (): Promise<void> => {
        const now = await currentVersion(target, maxBytes);
        if (now !== undefined && now !== expected) throw changedOnDisk(path, now);
      };
      if (expected !== undefined) {
        // Checked once more after the new text is on disk beside it, just before it replaces the file.
        // A file deleted since is written again; one that appeared meanwhile is judged like one that was there.
        if (exists || !(await createAtomically(target, bytes))) {
          await unchanged();
          await writeAtomically(target, bytes, unchanged);
        }
      } else {
        if (exists && !overwrite) throw conflict();
        // Without overwrite the check above only spares the work: a file created since must still not be replaced.
        if (overwrite) await writeAtomically(target, bytes);
        else if (!(await createAtomically(target, bytes))) throw conflict();
      }
      if (listed === false) {
        if (dialogs) access.grant(path);
      } else remember(path);
      return { path, name: basename(path), version: versionOf(bytes) };
    },

    'file.saveFolder': async ({ directory, files, overwrite }) => {
      const folder = await access.exportFolder(directory);
      const planned = [];
      for (const file of files) {
        const path = join(directory, file.name);
        const bytes = textBytes(file.text, path, maxBytes);
        planned.push({ path, name: file.name, bytes, ...(await access.writable(join(folder, file.name))) });
      }
      const existing = planned.filter((f) => f.exists).map((f) => f.name);
      if (existing.length > 0 && !overwrite) throw filesExist(existing);
      for (const f of planned) {
        if (overwrite) await writeAtomically(f.target, f.bytes);
        else if (!(await createAtomically(f.target, f.bytes))) throw filesExist([f.name]);
      }
      return {
        directory,
        files: planned.map((f) => ({ path: f.path, name: f.name, version: versionOf(f.bytes) })),
      };
    },

    // The side files of a Compose file the user opened: the file passes the same checks as file.open.
    'compose.inputs': async ({ path, profiles }) => {
      const real = await access.readable(path);
      const { text } = await readText(real, path, maxBytes);
      // The answer carries the text and the side files in one message; together they stay within a file's size.
      const budget = Math.max(0, maxBytes - Buffer.byteLength(text));
      const inputs = await readComposeInputs(real, text, profiles ? { profiles } : {}, process.env, budget);
      return { path, name: basename(path), text, ...inputs };
    },

    'file.recent': async () => {
      const root = await access.realRoot();
      const paths = dialogs ? recent.list() : recent.list().filter((p) => isInside(root, p));
      return paths.map((path) => ({ path, name: basename(path) }));
    },
  });
}

/** Every handler with the file system's errors in words (ENAMETOOLONG, EACCES, ENOSPC...), never as INTERNAL. */
function typedFileErrors(handlers: Calls): Calls {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => Promise<unknown>][]) {
    wrapped[name] = async (input) => {
      try {
        return await handler(input);
      } catch (err) {
        const path = (input as { path?: unknown; directory?: unknown } | undefined) ?? {};
        const shown =
          typeof path.path === 'string' ? path.path : typeof path.directory === 'string' ? path.directory : '';
        throw err instanceof ApiError ? err : fromFileSystem(err, shown);
      }
    };
  }
  return wrapped as unknown as Calls;
}

/** A file's version: a hash of its bytes (base64url SHA-256). */
function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** The version `target` holds now, or undefined when it is gone. A file over the limit cannot be a saved design. */
async function currentVersion(target: string, maxBytes: number): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return `not a file`;
    if (info.size > maxBytes) return `${info.size} bytes`;
    return versionOf(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** `text` as the bytes a save writes; refused when too large or not text. */
function textBytes(text: string, path: string, maxBytes: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > maxBytes) throw refuse('TOO_LARGE', `The design is larger than ${maxBytes} bytes.`, path);
  if (CONTROL_CHARACTER.test(text)) throw notText(path);
  return bytes;
}

function filesExist(names: string[]): ApiError {
  const details: ExistingFiles = { reason: 'FILES_EXIST', names };
  return new ApiError('CONFLICT', `${names.join(', ')} already ${names.length === 1 ? 'exists' : 'exist'}.`, details);
}

function changedOnDisk(path: string, version: string): ApiError {
  const details: ChangedOnDisk = { reason: 'CHANGED_ON_DISK', path, version };
  return new ApiError('CONFLICT', `${basename(path)} changed on disk since it was opened.`, details);
}

/**
 * C0 control characters other than tab, line feed and carriage return: YAML and JSON both forbid them raw, so no
 * design holds one. Refusing them also bounds the API message: JSON escapes each to six bytes (\u0001), which would
 * blow a file at the size limit far past the frame limit; what is left escapes to at most two bytes per byte.
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;

function notText(path: string): ApiError {
  return refuse('NOT_TEXT', `${path} is not text: it holds invalid UTF-8 or control characters.`, path);
}

/** Reads a regular file of at most `maxBytes` as UTF-8; a FIFO, device or binary file is refused, not waited on. */
export async function readText(
  real: string,
  shown: string,
  maxBytes: number,
): Promise<{ text: string; bytes: Buffer }> {
  // O_NOFOLLOW: the path was resolved and checked; a symlink swapped in since then is refused.
  // O_NONBLOCK: opening a FIFO swapped in since the check must not hang the back end.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw refuse('NOT_A_FILE', `${shown} is not a regular file.`, shown);
    if (info.size > maxBytes) throw refuse('TOO_LARGE', `${shown} is larger than ${maxBytes} bytes.`, shown);
    // Read one byte more than allowed, so a file that grew after the stat is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw refuse('TOO_LARGE', `${shown} is larger than ${maxBytes} bytes.`, shown);
    }
    const bytes = buffer.subarray(0, length);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw notText(shown);
    }
    if (CONTROL_CHARACTER.test(text)) throw notText(shown);
    return { text, bytes };
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` to a new temp file beside `target`, flushed, with `mode`; answers its path. */
async function writeTemp(target: string, bytes: Buffer, mode: number | undefined): Promise<string> {
  // Not named after the target: a name near the 255-byte limit would make the temp name too long.
  const temp = join(dirname(target), `.podwright-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      await handle.writeFile(bytes);
      if (mode !== undefined) await handle.chmod(mode); // exactly the old mode, whatever the umask
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * Temp file beside the target, flushed, then renamed: a crash or a full disk never leaves half a design. A replaced
 * file keeps its permissions (a 0600 design may hold secrets in env values; the new inode must not widen them).
 */
async function writeAtomically(target: string, bytes: Buffer, beforeReplace?: () => Promise<void>): Promise<void> {
  const replaced = await stat(target).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
  const temp = await writeTemp(target, bytes, replaced);
  try {
    await beforeReplace?.();
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Where hard links are not supported (FAT, some network shares), link() fails with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Creates `target` with `bytes` only if it does not exist, in one step: the flushed temp file is hard-linked to the
 * name, which fails with EEXIST when any file (or link) is there, whoever made it and whenever. Answers false then.
 * Without hard links, an exclusive create (O_EXCL) still never replaces a file, though a crash could leave it short.
 */
async function createAtomically(target: string, bytes: Buffer): Promise<boolean> {
  const temp = await writeTemp(target, bytes, undefined);
  try {
    await link(temp, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_LINKS.has(code)) throw err;
  } finally {
    await rm(temp, { force: true });
  }
  return createExclusively(target, bytes);
}

async function createExclusively(target: string, bytes: Buffer): Promise<boolean> {
  let handle;
  try {
    handle = await open(target, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(target, { force: true }); // ours: created above, and half written
    throw err;
  }
  await handle.close();
  return true;
}
