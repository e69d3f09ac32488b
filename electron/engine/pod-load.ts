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

/** Finds the one Pod (and its companions) among parsed documents. */
export function podFromDocuments(values: unknown[], file = '<input>'): LoadedPod {
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
  if (pods.length > 1) {
    throw new Error(
      `${file} holds ${pods.length} Pods (${pods.map((p) => p.metadata?.name).join(', ')}); podwright runs one Pod per file.`,
    );
  }
  if (!isRecord(pods[0]!.spec) || !Array.isArray(pods[0]!.spec.containers))
    throw new Error(`${file}: the Pod has no spec.containers.`);
  return { pod: pods[0]!, companions: { configMaps, secrets } };
}

/** Parses YAML or JSON text with the manifest limits (size, depth, aliases). */
export function loadPodText(text: string, file = '<input>'): LoadedPod {
  const parsed = parseManifest(text, { maxLength: MAX_FILE_BYTES, maxDocuments: 100 });
  if (parsed.problems.length > 0) throw new Error(parsed.problems.map((p) => formatProblem(p, file)).join('\n'));
  return podFromDocuments(
    parsed.documents.map((d) => d.value),
    file,
  );
}

export async function loadPodFile(path: string): Promise<LoadedPod> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file.`);
  if (info.size > MAX_FILE_BYTES)
    throw new Error(`${path} is ${info.size} bytes; a Pod file may have at most ${MAX_FILE_BYTES}.`);
  return loadPodText(await readFile(path, 'utf8'), path);
}
