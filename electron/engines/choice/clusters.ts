// The Kubernetes context the user chose as the engine (remembered in the settings file), restored on start: the
// context must still be in the kubeconfig, else the container engine is used as before.
import { readSettings, settingsPath, writeSettings } from '../../settings/settings';
import type { ClusterEngine } from '../kube';
import { loadKube } from '../kube-load';

/**
 * The remembered cluster engine, or undefined (none chosen, or its context is gone from the kubeconfig). The
 * Kubernetes engine loads only when a cluster was chosen.
 */
export async function createSelectedCluster(path = settingsPath()): Promise<ClusterEngine | undefined> {
  const choice = readSettings(path).cluster;
  if (!choice) return undefined;
  try {
    const { ClusterEngine, loadKubeconfig } = await loadKube();
    const loaded = loadKubeconfig();
    if (!loaded.contexts.some((c) => c.name === choice.context && !c.problem)) return undefined;
    return new ClusterEngine(loaded, choice.context, choice.namespace);
  } catch {
    return undefined;
  }
}

/** Remembers (or, with null, forgets) the cluster chosen as the engine. */
export function rememberCluster(choice: { context: string; namespace: string } | null, path = settingsPath()): void {
  const saved = readSettings(path);
  if (choice) saved.cluster = choice;
  else delete saved.cluster;
  writeSettings(saved, path);
}
