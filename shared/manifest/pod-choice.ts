// Which Pod of a design `run` / `down` / pod.run act on (the only one, or the one named), and the ConfigMaps and
// Secrets of the design that travel with it.
import type { Companions, ConfigMap, Secret } from '../model';
import type { DesignPod, DesignRead } from './read';

/** A choice that cannot be made, in words that say what the file holds. */
export class PodChoiceError extends Error {
  override name = 'PodChoiceError';
}

const names = (pods: readonly DesignPod[]): string => pods.map((p) => p.pod.metadata?.name || '(no name)').join(', ');

/** The Pod named `name`, or the only one; a design of several Pods needs the name. */
export function choosePod(read: DesignRead, name?: string): DesignPod {
  const pods = read.pods;
  if (pods.length === 0) {
    const kinds = [...new Set(read.objects.map((o) => String(o.object.kind ?? '?')))].join(', ');
    throw new PodChoiceError(`${read.name} holds no Pod or Pod template${kinds ? ` (it holds: ${kinds})` : ''}.`);
  }
  if (name !== undefined) {
    const pod = pods.find((p) => p.pod.metadata?.name === name);
    if (!pod) throw new PodChoiceError(`${read.name} holds no Pod named ${name} (it holds: ${names(pods)}).`);
    return pod;
  }
  if (pods.length > 1)
    throw new PodChoiceError(`${read.name} holds ${pods.length} Pods (${names(pods)}); choose one with --pod NAME.`);
  return pods[0]!;
}

/** The design's ConfigMaps and Secrets, which any of its Pods may read. */
export function designCompanions(read: DesignRead): Companions {
  const configMaps: ConfigMap[] = [];
  const secrets: Secret[] = [];
  for (const { object } of read.objects) {
    if (object.kind === 'ConfigMap') configMaps.push(object as unknown as ConfigMap);
    else if (object.kind === 'Secret') secrets.push(object as unknown as Secret);
  }
  return { configMaps, secrets };
}
