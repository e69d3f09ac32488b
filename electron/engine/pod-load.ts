// Reads a manifest file for `podwright run` / `down`: the Pod, and the ConfigMaps and Secrets it travels with.
import { readFile, stat } from 'node:fs/promises';
import { formatProblem, isRecord, parseManifest } from '../../shared/manifest/parse';
import type { Companions, ConfigMap, Pod, Secret } from '../../shared/plan';

/** A Pod file is small; refuse anything that could only be a mistake or an attack. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface LoadedPod {
  pod: Pod;
  companions: Companions;
}

/** Every Pod among parsed documents, with the ConfigMaps and Secrets beside them (which any of them may read). */
export function podsFromDocuments(values: unknown[], file = '<input>'): { pods: Pod[]; companions: Companions } {
  const pods: Pod[] = [];
  const configMaps: ConfigMap[] = [];
  const secrets: Secret[] = [];
  for (const value of values) {
    if (!isRecord(value)) continue;
    if (value.kind === 'Pod') pods.push(value as Pod);
    else if (value.kind === 'ConfigMap') configMaps.push(value as unknown as ConfigMap);
    else if (value.kind === 'Secret') secrets.push(value as unknown as Secret);
  }
  if (pods.length === 0) throw new Error(`${file} holds no Pod (kind: Pod).`);
  for (const pod of pods)
    if (!isRecord(pod.spec) || !Array.isArray(pod.spec.containers))
      throw new Error(`${file}: the Pod${pod.metadata?.name ? ` ${pod.metadata.name}` : ''} has no spec.containers.`);
  return { pods, companions: { configMaps, secrets } };
}

const podNames = (pods: readonly Pod[]): string => pods.map((p) => p.metadata?.name ?? '(no name)').join(', ');

/**
 * Finds one Pod (and its companions) among parsed documents: the one named `name`, or the only one. A file of several
 * Pods (a design drawn with several) needs the name.
 */
export function podFromDocuments(values: unknown[], file = '<input>', name?: string): LoadedPod {
  const { pods, companions } = podsFromDocuments(values, file);
  if (name !== undefined) {
    const pod = pods.find((p) => p.metadata?.name === name);
    if (!pod) throw new Error(`${file} holds no Pod named ${name} (it holds: ${podNames(pods)}).`);
    return { pod, companions };
  }
  if (pods.length > 1)
    throw new Error(`${file} holds ${pods.length} Pods (${podNames(pods)}); choose one with --pod NAME.`);
  return { pod: pods[0]!, companions };
}

/** Parses YAML or JSON text with the manifest limits (size, depth, aliases) into its documents' values. */
function manifestValues(text: string, file: string): unknown[] {
  const parsed = parseManifest(text, { maxLength: MAX_FILE_BYTES, maxDocuments: 100 });
  if (parsed.problems.length > 0) throw new Error(parsed.problems.map((p) => formatProblem(p, file)).join('\n'));
  return parsed.documents.map((d) => d.value);
}

export function loadPodText(text: string, file = '<input>', name?: string): LoadedPod {
  return podFromDocuments(manifestValues(text, file), file, name);
}

async function readPodFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file.`);
  if (info.size > MAX_FILE_BYTES)
    throw new Error(`${path} is ${info.size} bytes; a Pod file may have at most ${MAX_FILE_BYTES}.`);
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
