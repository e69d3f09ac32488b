// Types for build-stamp.mjs (plain JavaScript, so the CLI's launcher can read a stamp before anything is compiled).

export interface Stamp {
  format: number;
  inputs: Record<string, [number, number, number] | null>;
  /** The CLI's build folder under dist/cli/ and its entry module. */
  build?: string;
  entry?: string;
}

export function writeStamp(
  stampFile: string,
  root: string,
  inputs: readonly string[],
  startedAt: number,
  fields?: Record<string, string>,
): void;

export function freshStamp(stampFile: string, root: string, needed?: (stamp: Stamp) => string[]): Stamp | undefined;
