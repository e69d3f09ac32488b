// Where design files may be read and written: real paths (symlinks resolved) under one root folder, or paths the
// user granted through a native dialog. Every check works on fs calls only; no path ever reaches a shell.
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { DESIGN_FILE_PATTERN as DESIGN_NAME } from '../../shared/api/files';

/** Why a path was refused, for the UI to branch on (details.reason of a BAD_REQUEST). */
export type RefusalReason =
  | 'RELATIVE_PATH'
  | 'OUTSIDE_ROOT'
  | 'HIDDEN'
  | 'NOT_A_FILE'
  | 'NOT_A_DIRECTORY'
  | 'NOT_A_DESIGN_FILE'
  | 'TOO_LARGE'
  | 'NOT_TEXT'
  | 'NAME_TOO_LONG'
  | 'PERMISSION_DENIED'
  | 'NO_SPACE'
  | 'READ_ONLY';

/** The longest name one folder entry may have, and the longest path, in bytes (Linux's NAME_MAX and PATH_MAX). */
const NAME_MAX = 255;
const PATH_MAX = 4096;

/**
 * An error from the file system in the user's words, with a reason the UI can branch on: what the disk refused is the
 * user's to fix, never an INTERNAL error. Anything not listed is passed on as it is.
 */
export function fromFileSystem(err: unknown, path: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENAMETOOLONG':
      return nameTooLong(path);
    case 'EACCES':
    case 'EPERM':
      return refuse('PERMISSION_DENIED', `Podwright may not read or write ${path} (permission denied).`, path);
    case 'ENOSPC':
    case 'EDQUOT':
      return refuse('NO_SPACE', `There is no space left to write ${path}.`, path);
    case 'EROFS':
      return refuse('READ_ONLY', `${path} is on a read-only file system.`, path);
    case 'ELOOP':
    case 'EISDIR':
      return refuse('NOT_A_FILE', `${path} is not a regular file.`, path);
    case 'ENOENT':
    case 'ENOTDIR':
      return notFound(path);
    default:
      return err;
  }
}

function nameTooLong(path: string): ApiError {
  return refuse(
    'NAME_TOO_LONG',
    `The name is too long: a file or folder name may have ${NAME_MAX} bytes, a path ${PATH_MAX}.`,
    path,
  );
}

export function refuse(reason: RefusalReason, message: string, path?: string): ApiError {
  return new ApiError('BAD_REQUEST', message, { reason, path });
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  // '..foo' is a fine name inside the root; only a first segment of exactly '..' climbs out.
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function notFound(path: string): ApiError {
  return new ApiError('NOT_FOUND', `${path} does not exist.`, { path });
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class FileAccess {
  private rootReal: Promise<string> | undefined;
  /** Real paths the user picked in a native dialog this session (or opened before: the recent files). */
  private readonly granted = new Set<string>();
  /** Folders the user picked in a native dialog to export into: the files directly inside them are theirs to write. */
  private readonly grantedFolders = new Set<string>();

  constructor(readonly root: string) {}

  /** The root with its own symlinks resolved (a home folder may itself be a link). */
  realRoot(): Promise<string> {
    this.rootReal ??= realpath(resolve(this.root)).catch(() => resolve(this.root));
    return this.rootReal;
  }

  grant(path: string): void {
    this.granted.add(resolve(path));
  }

  grantFolder(path: string): void {
    this.grantedFolders.add(resolve(path));
  }

  private isGranted(path: string): boolean {
    return this.granted.has(path) || this.grantedFolders.has(dirname(path));
  }

  private absolute(path: string): string {
    if (!isAbsolute(path)) throw refuse('RELATIVE_PATH', `${path} is not an absolute path.`, path);
    const resolved = resolve(path);
    // Checked before any file system call, which would otherwise fail with ENAMETOOLONG.
    if (Buffer.byteLength(resolved) > PATH_MAX || resolved.split(sep).some((s) => Buffer.byteLength(s) > NAME_MAX))
      throw nameTooLong(path);
    return resolved;
  }

  /**
   * Refuses a hidden path below the root as written, before touching the file system: whether a hidden file exists
   * must not change the answer (`~/.ssh/id_rsa.yaml` and `~/.ssh/nothing.yaml` are refused alike), and a hidden folder
   * is not listed. Paths the user picked in a dialog are theirs to open.
   */
  private async lexicallyVisible(requested: string): Promise<void> {
    if (this.isGranted(requested)) return;
    for (const root of [resolve(this.root), await this.realRoot()]) {
      if (!isInside(root, requested)) continue;
      if (
        relative(root, requested)
          .split(sep)
          .some((segment) => segment.startsWith('.'))
      )
        throw refuse('HIDDEN', `${requested} is a hidden file or inside a hidden folder.`, requested);
    }
  }

  private async allowed(requested: string, real: string): Promise<boolean> {
    if (this.isGranted(requested) || this.isGranted(real)) return true;
    return isInside(await this.realRoot(), real);
  }

  /**
   * Refuses a file under a hidden name below the root (`~/.config/gh/hosts.yml`, `~/.ssh/…`), unless the user picked
   * it in a dialog: with the home folder as root those hold credentials and tool settings, not designs, and the picker
   * does not list them either.
   */
  private async notHidden(requested: string, real: string): Promise<void> {
    if (this.isGranted(requested) || this.isGranted(real)) return;
    const below = relative(await this.realRoot(), real);
    if (below.split(sep).some((segment) => segment.startsWith('.')))
      throw refuse('HIDDEN', `${requested} is a hidden file or inside a hidden folder.`, requested);
  }

  /**
   * Refuses a path that is outside the root as written, before touching the file system: the answer for a file
   * outside must not depend on whether it exists (that would let the picker probe the whole disk).
   */
  private async lexicallyAllowed(requested: string): Promise<void> {
    if (this.isGranted(requested)) return;
    if (isInside(resolve(this.root), requested) || isInside(await this.realRoot(), requested)) return;
    throw await this.outside(requested);
  }

  private async outside(path: string): Promise<ApiError> {
    return refuse('OUTSIDE_ROOT', `${path} is outside the folder Podwright may use (${await this.realRoot()}).`, path);
  }

  /** An existing directory to list: its real path, which must lie under the root and not be hidden. */
  async directory(path: string | undefined): Promise<string> {
    const requested = path === undefined ? await this.realRoot() : this.absolute(path);
    if (!isInside(resolve(this.root), requested) && !isInside(await this.realRoot(), requested))
      throw await this.outside(requested);
    await this.lexicallyVisible(requested);
    const real = await realpath(requested).catch((err: unknown) => {
      throw isMissing(err) ? notFound(requested) : err;
    });
    // Listing is for the in-app picker only: the root bounds it, grants do not widen it.
    if (!isInside(await this.realRoot(), real)) throw await this.outside(requested);
    const below = relative(await this.realRoot(), real);
    if (below.split(sep).some((segment) => segment.startsWith('.')))
      throw refuse('HIDDEN', `${requested} is a hidden folder or inside one.`, requested);
    if (!(await lstat(real)).isDirectory()) throw refuse('NOT_A_DIRECTORY', `${requested} is not a folder.`, requested);
    return real;
  }

  /**
   * The folder an export writes into: its real path. A folder picked in a native dialog is the user's; any other must
   * pass the checks a listed folder passes. A missing folder is made inside an existing one, as `podwright export
   * --out` makes it (one level only: a mistyped parent does not become a new tree).
   */
  async exportFolder(path: string): Promise<string> {
    const requested = this.absolute(path);
    const picked = this.grantedFolders.has(requested);
    const existing = await realpath(requested).catch((err: unknown) => {
      if (isMissing(err)) return undefined;
      throw err;
    });
    if (existing !== undefined) {
      if (!picked) return this.directory(requested);
      if (!(await lstat(existing)).isDirectory())
        throw refuse('NOT_A_DIRECTORY', `${requested} is not a folder.`, requested);
      this.grantedFolders.add(existing);
      return existing;
    }
    const name = basename(requested);
    if (name.startsWith('.')) throw refuse('HIDDEN', `${requested} is a hidden folder.`, requested);
    const parent = picked
      ? await realpath(dirname(requested)).catch((err: unknown) => {
          throw isMissing(err) ? notFound(dirname(requested)) : err;
        })
      : await this.directory(dirname(requested));
    const made = join(parent, name);
    await mkdir(made).catch((err: unknown) => {
      // Made meanwhile by someone else: it is checked below like any folder that was there.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    });
    if (picked) {
      this.grantedFolders.add(made);
      return made;
    }
    return this.directory(made);
  }

  /** An existing design file to read: its real path, which must be allowed and a regular file. */
  async readable(path: string): Promise<string> {
    const requested = this.absolute(path);
    if (!DESIGN_NAME.test(basename(requested))) throw notDesign(requested);
    await this.lexicallyAllowed(requested);
    await this.lexicallyVisible(requested);
    const real = await realpath(requested).catch((err: unknown) => {
      throw isMissing(err) ? notFound(requested) : err;
    });
    if (!(await this.allowed(requested, real))) throw await this.outside(requested);
    // The name checked above may be a link's: `x.yaml -> ~/.bashrc` must not open (or be overwritten) as a design.
    if (!DESIGN_NAME.test(basename(real))) throw notDesign(requested);
    await this.notHidden(requested, real);
    if (!(await lstat(real)).isFile()) throw refuse('NOT_A_FILE', `${requested} is not a regular file.`, requested);
    return real;
  }

  /**
   * Where to write `path`: the real folder it sits in (which must exist and be allowed) joined with its name. An
   * existing target that is a symlink is followed and checked like a file to read; anything but a regular file is
   * refused. `exists` says whether the write replaces a file.
   */
  async writable(path: string): Promise<{ target: string; exists: boolean }> {
    const requested = this.absolute(path);
    const name = basename(requested);
    if (!DESIGN_NAME.test(name)) throw notDesign(requested);
    await this.lexicallyAllowed(requested);
    await this.lexicallyVisible(requested);
    const folder = await realpath(dirname(requested)).catch((err: unknown) => {
      throw isMissing(err) ? notFound(dirname(requested)) : err;
    });
    const info = await lstat(join(folder, name)).catch((err: unknown) => {
      if (isMissing(err)) return undefined;
      throw err;
    });
    if (!info) {
      const target = join(folder, name);
      if (!(await this.allowed(requested, target))) throw await this.outside(requested);
      await this.notHidden(requested, target);
      return { target, exists: false };
    }
    if (info.isSymbolicLink()) return { target: await this.readable(requested), exists: true };
    const target = join(folder, name);
    if (!(await this.allowed(requested, target))) throw await this.outside(requested);
    await this.notHidden(requested, target);
    if (!info.isFile()) throw refuse('NOT_A_FILE', `${requested} is not a regular file.`, requested);
    return { target, exists: true };
  }
}

function notDesign(path: string): ApiError {
  return refuse('NOT_A_DESIGN_FILE', `${basename(path)} is not a design file (.yaml, .yml or .podwright.json).`, path);
}
