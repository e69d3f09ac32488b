// Which Pod of a manifest's documents `run` / `down` / pod.run act on: the only one, or the one named, with the
// ConfigMaps and Secrets beside it.
import type { Companions, ConfigMap, Pod, Secret } from '../model';
import { formatProblem, isRecord, parseManifest } from './parse';

/** A Pod file is small; refuse anything that could only be a mistake or an attack. */
export const MAX_POD_FILE_BYTES = 4 * 1024 * 1024;

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
export function manifestValues(text: string, file: string): unknown[] {
  const parsed = parseManifest(text, { maxLength: MAX_POD_FILE_BYTES, maxDocuments: 100 });
  if (parsed.problems.length > 0) throw new Error(parsed.problems.map((p) => formatProblem(p, file)).join('\n'));
  return parsed.documents.map((d) => d.value);
}

export function loadPodText(text: string, file = '<input>', name?: string): LoadedPod {
  return podFromDocuments(manifestValues(text, file), file, name);
}
