// The Compose input format of the one reader: a Compose file (with its side files and environment, passed in by the
// caller) becomes a design of Pods, Services named like the Compose services, ConfigMaps/Secrets/claims, notes for
// everything a Pod cannot carry, and problems where Compose itself would refuse the file.
import { registerFormat } from '../read';
import type { DiagnosticLocation } from '../../model/diagnostic';
import type { ManifestPath } from '../edit';
import type { DesignRead, DesignSource } from './design-read';
import type { Grouping } from './group';
import { loadCompose, type Loaded } from './load';
import type { Locate } from './place';
import type { ProjectModel } from './model';
import { note } from './report';
import { mapProject, type Mapped } from './pods';
import { foldInfra } from './podwright-export';

export interface ComposeRead {
  read: DesignRead;
  /** The project's services after profiles (names, file order), for the import dialog's grouping. */
  services: string[];
  /** Every profile the file names, chosen or not, for the import dialog's profile choice. */
  profiles: string[];
  grouping?: Grouping;
  projectName?: string;
  /** Side files the reader needed but was not given; a caller that can read files passes them and reads again. */
  wanted: string[];
  /** Environment variables the file reads, so a caller hands the reader only those. */
  variables: string[];
}

/** Reads a Compose file; the DesignRead of the one reader's contract. */
export function readCompose(text: string, source: DesignSource): DesignRead {
  return readComposeProject(text, source).read;
}

/** Reads a Compose file with what the import dialog and the CLI need besides the design. */
export function readComposeProject(text: string, source: DesignSource): ComposeRead {
  const options = source.compose ?? {};
  const loaded: Loaded = loadCompose(text, {
    name: source.name,
    ...(source.files ? { files: source.files } : {}),
    ...(source.env ? { env: source.env } : {}),
    ...(options.profiles ? { profiles: options.profiles } : {}),
    ...(options.directory ? { directory: options.directory } : {}),
    ...(source.limits ? { limits: source.limits } : {}),
  });
  const empty: DesignRead = {
    format: 'compose',
    name: source.name,
    pods: [],
    objects: [],
    notes: loaded.notes,
    problems: loaded.problems,
    locate: (_document, objectPath) => loaded.locate(objectPath),
  };
  if (!loaded.project)
    return { read: empty, services: [], profiles: [], wanted: loaded.wanted, variables: loaded.variables };
  const profiles = [
    ...new Set([
      ...loaded.project.services.flatMap((s) => s.profiles),
      ...loaded.project.disabled.flatMap((d) => d.profiles),
    ]),
  ].sort();
  const mapped = mapDesign(loaded.project, options, { ...loaded, name: source.name });
  return {
    read: mapped.read,
    services: mapped.project.services.map((s) => s.name),
    profiles,
    grouping: mapped.grouping,
    projectName: loaded.project.name,
    wanted: loaded.wanted,
    variables: loaded.variables,
  };
}

/** What the mapping takes from where the project came from: its name, what the loading said, where things are. */
export interface MapPrior {
  name: string;
  notes: Loaded['notes'];
  problems: Loaded['problems'];
  /** Where a path of the source is (a Compose file); containers have no text to point into. */
  locate?: Locate;
}

/** Kubernetes container fields and the Compose service fields they came from, for pointing a Pod problem at its line. */
const SOURCE_FIELD: Readonly<Record<string, string>> = {
  image: 'image',
  command: 'entrypoint',
  args: 'command',
  env: 'environment',
  envFrom: 'env_file',
  ports: 'ports',
  volumeMounts: 'volumes',
  resources: 'deploy',
  readinessProbe: 'healthcheck',
  startupProbe: 'healthcheck',
  workingDir: 'working_dir',
  securityContext: 'user',
  lifecycle: 'post_start',
};

/** Maps a loaded project (from a Compose file or from running containers) to the design. */
export function mapDesign(
  input: ProjectModel,
  options: DesignSource['compose'] & {},
  prior: MapPrior,
): { read: DesignRead; grouping: Grouping; project: ProjectModel; mapped: Mapped } {
  const { project, folded } = foldInfra(input);
  const mapped = mapProject(project, {
    pods: options.pods ?? 'auto',
    volumes: options.volumes ?? 'emptyDir',
    ...(options.groups ? { groups: options.groups } : {}),
  });
  const where = prior.locate ?? (() => undefined);
  // A Pod problem (spec.containers[1].ports[0]) points at the service the container came from.
  const locate = (_document: number, objectPath: ManifestPath, path: string): DiagnosticLocation | undefined => {
    // A note or an object made by the mapping has no Pod: its path, if any, is a path of the Compose file.
    if (objectPath.length === 0) return path ? where(path.split('.')) : undefined;
    const root = String(objectPath[1] ?? '');
    const pod = mapped.pods.find((p) => p.group.root === root);
    const m = /^spec\.(initContainers|containers)\[(\d+)\](?:\.(\w+))?/.exec(path);
    const service =
      m && pod ? (m[1] === 'initContainers' ? pod.group.init : pod.group.services)[Number(m[2])] : undefined;
    if (!service) return where(['services', root]);
    const field = m?.[3] ? SOURCE_FIELD[m[3]] : undefined;
    return (field ? where(['services', service, field]) : undefined) ?? where(['services', service]);
  };
  const problems = mapped.problems.map((p) => {
    if (p.at || !p.path.startsWith('services.')) return p;
    const at = where(p.path.split('.'));
    return at ? { ...p, at } : p;
  });
  const read: DesignRead = {
    format: 'compose',
    name: prior.name,
    pods: mapped.pods.map(({ pod, services, group }) => ({
      pod,
      origin: {
        document: 0,
        kind: 'Compose',
        name: services.join(', '),
        path: ['services', group.root],
        fieldPrefix: '',
        objectPath: ['services', group.root],
      },
    })),
    objects: mapped.objects.map((object) => ({ document: 0, path: [], object })),
    notes: [...prior.notes, ...folded.map((service) => note('infraService', { service })), ...mapped.notes],
    problems: [...prior.problems, ...problems],
    locate,
  };
  return { read, grouping: mapped.grouping, project, mapped };
}

export { isComposeText } from './detect';

// The one reader reads Compose files once this module has loaded: the CLI's commands import it with the reader
// (electron/cli/read-input.ts), the app when a Compose file is first opened (or in idle time).
registerFormat('compose', readCompose);
