// The crash-recovery calls of the API contract: the back end keeps each window's unsaved design as a draft file beside
// the settings, written durably, so the work survives a killed browser, a killed app, or a browser host that comes
// back on another port (another origin, whose browser storage would be empty).
import { z } from 'zod';
import { FilePath, FileVersion, MAX_FILE_BYTES } from './files';

/** Most drafts kept: one per window that had unsaved work; the oldest goes when a new one would pass this. */
export const MAX_DRAFTS = 20;

/** A window's draft id: made by the window (a random UUID per page load); also the draft's file name. */
export const DraftId = z.string().regex(/^[a-z0-9-]{8,64}$/);

export const DraftInfo = z.object({
  id: DraftId,
  /** When the back end wrote it (ISO 8601). */
  savedAt: z.string(),
  /** The design's file name and path, if it was opened from or saved to a file. */
  fileName: z.string().nullable(),
  path: z.string().nullable(),
  /** The version of `path` the work was based on, so saving it back still notices a change on disk (none: unknown). */
  version: FileVersion.nullable().optional(),
});
export type DraftInfo = z.infer<typeof DraftInfo>;

export const Draft = DraftInfo.extend({ text: z.string() });
export type Draft = z.infer<typeof Draft>;

export const draftCalls = {
  /** Keeps (replaces) the window's draft: the whole design as a project file would hold it. */
  'draft.put': {
    input: z
      .object({
        id: DraftId,
        text: z.string().max(MAX_FILE_BYTES),
        fileName: z.string().max(255).nullable(),
        path: FilePath.nullable(),
        version: FileVersion.nullable().optional(),
      })
      .strict(),
    output: DraftInfo,
  },
  /** The drafts kept, newest first (without their text). */
  'draft.list': { input: z.object({}).strict(), output: z.array(DraftInfo) },
  /** One draft with its text; NOT_FOUND when it is gone (restored or discarded by another window). */
  'draft.get': { input: z.object({ id: DraftId }).strict(), output: Draft },
  /** Removes a draft (restored, discarded, or its window's design saved); removing one that is gone is fine. */
  'draft.discard': { input: z.object({ id: DraftId }).strict(), output: z.object({}) },
} as const;
