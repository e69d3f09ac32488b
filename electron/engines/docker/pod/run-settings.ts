// What a run is given besides its plan: the infra image the user chose, and a fresh suffix for the run's volumes.
// Apart from the API handlers (pod-api.ts) so that `podwright run` reads them without loading the API contract.
import { randomBytes } from 'node:crypto';

/** The infra image: an explicit choice, else PODWRIGHT_INFRA_IMAGE, else the plan's default (pause:3.10). */
export function infraImageSetting(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return explicit || env.PODWRIGHT_INFRA_IMAGE?.trim() || undefined;
}

/** A fresh suffix per run, so a run's emptyDirs always start empty. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}
