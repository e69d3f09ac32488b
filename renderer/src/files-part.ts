// Where the YAML reading and writing (design-files.ts) comes from: a later part (lazy.ts), loaded right after the first
// paint beside the design's checks. Whatever needs it before it is there (a file opened or dropped as the first
// action, a paste, a restored draft, a draft written a moment after the first edit) awaits `filesPart.load()`: it waits
// for the part and then goes on, so nothing is lost.
import { later } from './lazy';
import type * as DesignFilesModule from './design-files';

export type DesignFiles = typeof DesignFilesModule;

let files: DesignFiles | undefined;

export const filesPart = later(
  async () => {
    files = await import('./design-files');
    return files;
  },
  { first: true },
);

/** The part, once loaded: for a browser event that must answer at once (a copy), which cannot await it. */
export function loadedFiles(): DesignFiles | undefined {
  return files;
}
