// The proposal of an import, derived from what is brought in and the user's choices with the same reader the CLI uses,
// and the regrouping the dialog offers. Pure: no store, no UI.
import type { ContainerDetails } from '../../../shared/api/imports';
import { readComposeProject, readContainers, type ComposeRead, type PodsMode } from '../../../shared/manifest/compose';

export type ImportSource =
  | {
      kind: 'compose';
      /** The file name shown and used in messages. */
      name: string;
      text: string;
      files: Record<string, string>;
      env: Record<string, string>;
      /** The Compose file's folder, when it came from the back end's disk (relative bind mounts need it). */
      directory?: string;
      /** Side files that could not be used, and why (outside the folder, hidden, missing...). */
      skipped: { path: string; reason: string }[];
      /** The user already agreed to replace unsaved work (Open asks before it opens). */
      asked?: boolean;
    }
  | { kind: 'containers'; name: string; details: ContainerDetails[]; asked?: boolean };

export interface ImportChoices {
  pods: PodsMode;
  /** The user's own grouping (service names per Pod), when they moved a service; wins over `pods`. */
  groups?: string[][];
  volumes: 'emptyDir' | 'pvc';
  /** Chosen profiles; undefined keeps what the environment (COMPOSE_PROFILES) says. */
  profiles?: string[];
}

/** The design the source and choices make: the same reader the CLI uses. */
export function proposal(source: ImportSource, choices: ImportChoices): ComposeRead {
  const compose = {
    pods: choices.pods,
    volumes: choices.volumes,
    ...(choices.groups ? { groups: choices.groups } : {}),
    ...(choices.profiles ? { profiles: choices.profiles } : {}),
  };
  if (source.kind === 'containers') return readContainers(source.details, compose);
  return readComposeProject(source.text, {
    name: source.name,
    files: source.files,
    env: source.env,
    compose: { ...compose, ...(source.directory ? { directory: source.directory } : {}) },
  });
}

/** The grouping with `service` moved into Pod `target` (an index of the current groups), or into a Pod of its own. */
export function moveService(read: ComposeRead, service: string, target: number | 'new'): string[][] {
  const groups = (read.grouping?.groups ?? []).map((g) => g.services.filter((s) => s !== service));
  if (target === 'new') groups.push([service]);
  else groups[target]?.push(service);
  return groups.filter((g) => g.length > 0);
}
