// The file calls of the API contract: open, save, pick, list and recent files, the same in Electron and the browser host.
import { z } from 'zod';

/**
 * Largest design file Podwright reads or writes, in UTF-8 bytes; a real Pod design is a few kilobytes. The whole text
 * crosses the API in one message, so MAX_MESSAGE_BYTES (protocol.ts) is sized from it.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** File names a design can have: Kubernetes YAML, or a Podwright project in JSON. */
export const DESIGN_FILE_PATTERN = /\.(ya?ml|podwright\.json)$/i;

/** An absolute path on the back end's machine; never passed to a shell, only to fs calls after checks. */
export const FilePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL');

/**
 * What a file held when it was opened or saved: a hash of its bytes. A save carries the version its text was based
 * on, so a file changed on disk since (by another editor, git, a colleague) is never overwritten unasked.
 */
export const FileVersion = z.string().min(1).max(128);
export type FileVersion = z.infer<typeof FileVersion>;

export const OpenedFile = z.object({ path: z.string(), name: z.string(), text: z.string(), version: FileVersion });
export type OpenedFile = z.infer<typeof OpenedFile>;

export const SavedFile = z.object({ path: z.string(), name: z.string(), version: FileVersion });
export type SavedFile = z.infer<typeof SavedFile>;

/**
 * `details` of the CONFLICT a save gets when the file changed on disk since the version it was based on: what the
 * file holds now, so the UI can offer to keep its own text, take the file's, or compare the two.
 */
export const ChangedOnDisk = z.object({ reason: z.literal('CHANGED_ON_DISK'), path: z.string(), version: FileVersion });
export type ChangedOnDisk = z.infer<typeof ChangedOnDisk>;

/** Most files one export writes into a folder (a Pod, its ConfigMaps, a Deployment and its Services). */
export const MAX_EXPORT_FILES = 64;

/** A file an export writes into a folder: a plain YAML name, never a path. */
export const ExportFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/, 'must be a plain .yaml or .yml file name');

/** `details` of the CONFLICT file.saveFolder answers when some of the files are there already. */
export const ExistingFiles = z.object({ reason: z.literal('FILES_EXIST'), names: z.array(z.string()) });
export type ExistingFiles = z.infer<typeof ExistingFiles>;

export const RecentFile = z.object({ path: z.string(), name: z.string() });
export type RecentFile = z.infer<typeof RecentFile>;

/**
 * What `file.pick` answers. Electron shows a native dialog and answers `picked` or `cancelled`; the browser host has
 * no dialog of its own, so it answers `browse`: the UI shows its own picker over `file.list`, starting in `directory`.
 */
export const PickResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('picked'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('browse'), root: z.string(), directory: z.string() }),
]);
export type PickResult = z.infer<typeof PickResult>;

export const DirectoryEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['directory', 'file']),
  size: z.number().int().nonnegative().optional(),
  /** Epoch milliseconds. */
  modified: z.number().optional(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryListing = z.object({
  /** The folder the picker may not leave (the user's home, or PODWRIGHT_FILE_ROOT). */
  root: z.string(),
  directory: z.string(),
  /** null at the root. */
  parent: z.string().nullable(),
  /** Folders first, then design files (*.yaml, *.yml, *.podwright.json); other files are left out. */
  entries: z.array(DirectoryEntry),
  /** More entries than the listing returns were there. */
  truncated: z.boolean(),
});
export type DirectoryListing = z.infer<typeof DirectoryListing>;

export const fileCalls = {
  /**
   * Asks where to open from or save to, or (`folder`) which folder to export into: a native dialog (Electron), or
   * `browse` (the browser host).
   */
  'file.pick': {
    input: z
      .object({
        mode: z.enum(['open', 'save', 'folder']),
        /** The file name a save dialog proposes. */
        suggestedName: z.string().min(1).max(255).optional(),
      })
      .strict(),
    output: PickResult,
  },
  /** Lists one folder under the file root for the in-app picker; the root itself when `directory` is absent. */
  'file.list': { input: z.object({ directory: FilePath.optional() }).strict(), output: DirectoryListing },
  /** Reads a design file (regular file, at most MAX_FILE_BYTES) and puts it at the top of the recent files. */
  'file.open': { input: z.object({ path: FilePath }).strict(), output: OpenedFile },
  /**
   * Writes a design file atomically. With `expected` (the version the text was based on: file.open's, or the last
   * save's) the file is replaced only if it still holds that version, else CONFLICT with ChangedOnDisk details; a file
   * deleted since is written again. Without it, an existing file is replaced only with `overwrite` (else CONFLICT), so
   * the picker can ask first. The name must end in .yaml, .yml or .podwright.json.
   */
  'file.save': {
    input: z
      .object({
        path: FilePath,
        text: z.string().max(MAX_FILE_BYTES),
        overwrite: z.boolean().optional(),
        expected: FileVersion.optional(),
        /** false for an export: the file is written, but it is not a design the user works on, so not a recent file. */
        recent: z.boolean().optional(),
      })
      .strict(),
    output: SavedFile,
  },
  /**
   * Writes an export's files into one folder (made when missing, if its parent exists), each as file.save writes one.
   * Files already there are replaced only with `overwrite`; else CONFLICT with ExistingFiles details naming them, and
   * nothing is written. Exports are not recent files.
   */
  'file.saveFolder': {
    input: z
      .object({
        directory: FilePath,
        files: z
          .array(z.object({ name: ExportFileName, text: z.string().max(MAX_FILE_BYTES) }).strict())
          .min(1)
          .max(MAX_EXPORT_FILES)
          .refine((files) => new Set(files.map((f) => f.name)).size === files.length, 'file names must differ')
          .refine(
            (files) => files.reduce((sum, f) => sum + f.text.length, 0) <= MAX_FILE_BYTES,
            `all files together may hold at most ${MAX_FILE_BYTES} characters`,
          ),
        overwrite: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ directory: z.string(), files: z.array(SavedFile) }),
  },
  /** The last files opened or saved, newest first, at most 10; files that are gone are dropped. */
  'file.recent': { input: z.object({}).strict(), output: z.array(RecentFile) },
} as const;
