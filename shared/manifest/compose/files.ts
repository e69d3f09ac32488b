// Side files of a Compose file (.env, env_file, extends.file, configs/secrets `file:`) as the caller passed them: keys
// are POSIX paths relative to the Compose file's folder. The reader never touches a disk; it asks for what it needs.
import { cleanPath } from './syntax';

export interface SideFiles {
  /** The file's text, or undefined when the caller did not pass it (it is then listed as wanted). */
  read(path: string): string | undefined;
  /** Paths the reader needed but was not given, relative to the Compose file's folder, in the order asked. */
  readonly wanted: string[];
}

/** A relative path the way the caller keys it: cleaned, without a leading `./`; absolute paths stay absolute. */
export function sideFileKey(path: string): string {
  const cleaned = cleanPath(path.replace(/\\/g, '/'));
  return cleaned.startsWith('./') ? cleaned.slice(2) : cleaned;
}

/** `path` as written in a file that sits in `folder` (relative to the Compose file's folder), keyed for SideFiles. */
export function besideFile(folder: string, path: string): string {
  if (path.startsWith('/') || folder === '' || folder === '.') return sideFileKey(path);
  return sideFileKey(`${folder}/${path}`);
}

export function sideFiles(files: Readonly<Record<string, string>> | undefined): SideFiles {
  const given = new Map<string, string>();
  for (const [key, text] of Object.entries(files ?? {})) given.set(sideFileKey(key), text);
  const wanted: string[] = [];
  return {
    wanted,
    read(path) {
      const key = sideFileKey(path);
      const text = given.get(key);
      if (text === undefined && !wanted.includes(key)) wanted.push(key);
      return text;
    },
  };
}
