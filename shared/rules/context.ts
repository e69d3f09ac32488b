// What every rule reads: the Pod after Kubernetes defaulting, plus indexes built once per validation pass.
import { withDefaults } from '../model/defaults';
import { withoutDisabledFields } from '../model/disabled-fields';
import { isRecord } from '../model/record';
import { isSidecar, type Container, type ContainerList, type Pod, type Volume, type VolumeMount } from '../model/pod';
import { volumeProblems, type FieldProblem } from './volumes';
import type { ValidateOptions } from './types';

/** Arrays from user input may be anything; rules iterate only real arrays. */
export function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export { isRecord };

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export interface ContainerEntry {
  list: ContainerList;
  index: number;
  /** After defaulting. */
  container: Container;
  /** As the user wrote it, for rules that must not see defaulted copies (limits copied into requests). */
  source: Container;
  /** `spec.initContainers[0]` */
  path: string;
  name: string;
  sidecar: boolean;
  /** Runs beside the app containers: a regular container or an init sidecar. */
  longRunning: boolean;
}

export interface MountEntry {
  owner: ContainerEntry;
  index: number;
  mount: VolumeMount;
  path: string;
  readOnly: boolean;
}

export interface VolumeEntry {
  index: number;
  volume: Volume;
  path: string;
  name: string;
  /** What Kubernetes finds wrong with this volume on its own (volumes.ts), found once per pass. */
  problems: FieldProblem[];
  /** A volume of this name was registered before this one (Kubernetes then refuses this one as a Duplicate). */
  duplicate: boolean;
  /** Kubernetes registers only volumes without errors; mounts of the others fail with NotFound. */
  valid: boolean;
}

export interface RuleContext {
  /** The Pod as written, for quick fixes (their pointers address this). */
  raw: Pod;
  /** The Pod after v1 defaulting and without the fields 1.34 drops on create: what the API server validates. */
  pod: Pod;
  options: ValidateOptions;
  /** `pod.spec` when it is an object, else an empty object, so rules can read pod-level fields without guards. */
  spec: Record<string, unknown>;
  /** Init containers first (in order), then regular containers. */
  containers: ContainerEntry[];
  volumes: VolumeEntry[];
  /**
   * The volume Kubernetes registers under each name: the first one without errors (ValidateVolumes). An invalid
   * volume is not registered, so a later volume of the same name is no duplicate and mounts find that one.
   */
  volumeByName: Map<string, VolumeEntry>;
  /** Mounts per volume name, over all containers. */
  mountsByVolume: Map<string, MountEntry[]>;
}

/**
 * The Pod name an ephemeral volume's claim is named after. With only generateName, the API server adds five random
 * characters before it validates; any five stand in for them, since only the length can matter.
 */
export function claimOwnerName(pod: Pod): string {
  const meta = isRecord(pod) && isRecord(pod.metadata) ? pod.metadata : {};
  if (typeof meta.name === 'string' && meta.name !== '') return meta.name;
  return typeof meta.generateName === 'string' && meta.generateName !== '' ? `${meta.generateName}xxxxx` : '';
}

export function createContext(raw: Pod, options: ValidateOptions = {}): RuleContext {
  const pod = withoutDisabledFields(withDefaults(raw));
  const spec: Record<string, unknown> = isRecord(pod) && isRecord(pod.spec) ? pod.spec : {};
  const rawSpec: Record<string, unknown> = isRecord(raw) && isRecord(raw.spec) ? raw.spec : {};
  const containers: ContainerEntry[] = [];
  for (const listName of ['initContainers', 'containers'] as const) {
    const sources = list<Container>(rawSpec[listName]);
    list<Container>(spec[listName]).forEach((container, index) => {
      if (!isRecord(container)) return;
      const source = sources[index];
      const sidecar = isSidecar(container, listName);
      containers.push({
        list: listName,
        index,
        container,
        source: isRecord(source) ? source : container,
        path: `spec.${listName}[${index}]`,
        name: text(container.name) ?? '',
        sidecar,
        longRunning: listName === 'containers' || sidecar,
      });
    });
  }
  const volumes: VolumeEntry[] = [];
  const volumeByName = new Map<string, VolumeEntry>();
  const podName = claimOwnerName(pod);
  list<Volume>(spec.volumes).forEach((volume, index) => {
    if (!isRecord(volume)) return;
    const name = text(volume.name) ?? '';
    const path = `spec.volumes[${index}]`;
    const duplicate = volumeByName.has(name);
    const problems = volumeProblems(volume, path, podName);
    const valid = !duplicate && problems.length === 0;
    const entry: VolumeEntry = { index, volume, path, name, problems, duplicate, valid };
    volumes.push(entry);
    if (valid) volumeByName.set(name, entry);
  });
  const mountsByVolume = new Map<string, MountEntry[]>();
  for (const owner of containers) {
    list<VolumeMount>(owner.container.volumeMounts).forEach((mount, index) => {
      if (!isRecord(mount) || typeof mount.name !== 'string') return;
      const entry: MountEntry = {
        owner,
        index,
        mount,
        path: `${owner.path}.volumeMounts[${index}]`,
        readOnly: mount.readOnly === true,
      };
      const existing = mountsByVolume.get(mount.name);
      if (existing) existing.push(entry);
      else mountsByVolume.set(mount.name, [entry]);
    });
  }
  return { raw, pod, options, spec, containers, volumes, volumeByName, mountsByVolume };
}
