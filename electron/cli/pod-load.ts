// Reads a manifest file for `podwright run` / `down`: the Pod, and the ConfigMaps and Secrets it travels with.
import { readFile, stat } from 'node:fs/promises';
import type { Pod } from '../../shared/model';
import { loadPodText, manifestValues, MAX_POD_FILE_BYTES, podsFromDocuments, type LoadedPod } from '../../shared/manifest/pod-choice';

async function readPodFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file.`);
  if (info.size > MAX_POD_FILE_BYTES)
    throw new Error(`${path} is ${info.size} bytes; a Pod file may have at most ${MAX_POD_FILE_BYTES}.`);
  return readFile(path, 'utf8');
}

/** The Pod in the file at `path`: the one named `name`, or the only one. */
export async function loadPodFile(path: string, name?: string): Promise<LoadedPod> {
  return loadPodText(await readPodFile(path), path, name);
}

/** Every Pod in the file at `path`. */
export async function loadPodsFile(path: string): Promise<Pod[]> {
  return podsFromDocuments(manifestValues(await readPodFile(path), path), path).pods;
}
