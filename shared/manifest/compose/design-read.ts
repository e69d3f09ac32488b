// The one reader's contract (TEAM.md: readDesign / DesignRead), as the Compose reader returns it. Until the lead's
// shared/manifest/read.ts is on main these types live here; they are the same shape, so swapping the import is all.
import type { Pod } from '../../model/pod';
import type { ManifestPath } from '../edit';
import type { KubeObject } from '../import';
import type { ManifestLimits } from '../parse';
import type { DesignNote, DesignProblem } from './report';

export type DesignFormat = 'kubernetes' | 'compose';

export interface ComposeReadOptions {
  pods?: 'auto' | 'one' | 'per-service';
  profiles?: string[];
  volumes?: 'emptyDir' | 'pvc';
  /** The user's own grouping (service names per Pod), from the import dialog; wins over `pods`. */
  groups?: string[][];
  /** The Compose file's folder (absolute), for relative bind mounts; else the folder of `name` when it is absolute. */
  directory?: string;
}

export interface DesignSource {
  name: string;
  format?: DesignFormat;
  files?: Readonly<Record<string, string>>;
  env?: Readonly<Record<string, string>>;
  compose?: ComposeReadOptions;
  limits?: Partial<ManifestLimits>;
}

export interface PodOrigin {
  document: number;
  kind: string;
  apiVersion?: string;
  name?: string;
  path: ManifestPath;
  fieldPrefix: string;
}

export interface DesignPod {
  pod: Pod;
  origin: PodOrigin;
}

export interface DesignObject {
  document: number;
  path: ManifestPath;
  object: KubeObject;
}

export interface DesignRead {
  format: DesignFormat;
  pods: DesignPod[];
  objects: DesignObject[];
  notes: DesignNote[];
  problems: DesignProblem[];
}
