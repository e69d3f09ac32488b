// Loads a Compose file into the ProjectModel the way compose-go does: the manifest parser (with its limits against
// hostile input), interpolation from the environment and `.env`, `extends`, profiles, env_file, the top-level
// volumes/configs/secrets/networks, and the consistency checks `docker compose config` makes. Never throws: what
// Compose would refuse is a problem, what cannot be carried is a note.
import { isRecord, parseManifest, type ManifestLimits } from '../parse';
import type { MessageParams } from '../../rules/types';
import { parseDotenv } from './dotenv';
import { extendService, folderOf, rebaseService } from './extends';
import { besideFile, sideFiles, type SideFiles } from './files';
import { interpolate, interpolationMessage, type Lookup } from './interpolate';
import type { FileResource, NamedResource, ProjectModel, ServiceModel } from './model';
import { locator, type Locate } from './place';
import { note, problem, type DesignNote, type DesignProblem } from './report';
import { readService } from './service';
import { text } from './syntax';

export interface LoadOptions {
  /** The file name (or an absolute path) for messages; its folder is the project folder when `directory` is absent. */
  name: string;
  files?: Readonly<Record<string, string>>;
  env?: Readonly<Record<string, string>>;
  /** Active profiles; absent means COMPOSE_PROFILES from the environment, as the docker compose CLI does. */
  profiles?: readonly string[];
  directory?: string;
  limits?: Partial<ManifestLimits>;
}

export interface Loaded {
  project?: ProjectModel;
  notes: DesignNote[];
  problems: DesignProblem[];
  /** Side files the reader needed but was not given (relative to the Compose file's folder). */
  wanted: string[];
  /** Environment variables the file (and its side files) read, so a caller hands over only those. */
  variables: string[];
  /** The interpolated top-level mapping (for recognising Podwright's own Compose exports). */
  top?: Record<string, unknown>;
  /** Where a path of the Compose file (`['services', 'web', 'ports', 0]`) is in its text. */
  locate: Locate;
}

const TOP_KEYS = new Set([
  'version',
  'name',
  'include',
  'services',
  'models',
  'networks',
  'volumes',
  'secrets',
  'configs',
]);
const SERVICE_NAME = /^[a-zA-Z0-9._-]+$/;
const MAX_EXTENDS_DEPTH = 32;
/** A project of more services than this is refused: real ones have tens, and grouping walks dependency chains. */
export const MAX_SERVICES = 1000;

type Raw = Record<string, unknown>;

export function loadCompose(source: string, options: LoadOptions): Loaded {
  return new Loader(source, options).load();
}

class Loader {
  private readonly notes: DesignNote[] = [];
  private readonly problems: DesignProblem[] = [];
  private readonly files: SideFiles;
  private readonly env = new Map<string, string>();
  private readonly variables = new Set<string>();
  private readonly unset = new Set<string>();
  private locate: Locate = () => undefined;
  private readonly bases = new Map<string, Raw>();

  constructor(
    private readonly source: string,
    private readonly options: LoadOptions,
  ) {
    this.files = sideFiles(options.files);
  }

  private result(extra: Partial<Loaded> = {}): Loaded {
    for (const m of this.source.matchAll(/\$\{?([_a-zA-Z][_a-zA-Z0-9]*)/g)) this.variables.add(m[1]!);
    return {
      notes: this.notes,
      problems: this.problems,
      wanted: this.files.wanted,
      variables: [...this.variables].sort(),
      locate: this.locate,
      ...extra,
    };
  }

  private invalid(
    path: (string | number)[],
    id: string,
    params: MessageParams,
    code: Parameters<typeof problem>[0] = 'COMPOSE_INVALID',
  ): void {
    this.problems.push(problem(code, id, params, dotted(path), this.locate(path)));
  }

  /** Variables as Compose sees them: the OS environment, then `.env` for what it does not set. */
  private readonly lookup: Lookup = (name) => {
    this.variables.add(name);
    return this.env.get(name);
  };

  load(): Loaded {
    const file = parseManifest(this.source, this.options.limits);
    if (file.problems.length > 0) {
      for (const p of file.problems) {
        const at = { document: p.document, line: p.line, column: p.column };
        this.problems.push(problem('COMPOSE_YAML', 'yaml', { problem: p.message }, '', at));
      }
      return this.result();
    }
    this.locate = locator(this.source, file.documents);
    const values = file.documents.filter((d) => d.value !== null && d.value !== undefined);
    if (values.length === 0) {
      this.invalid([], 'empty', {});
      return this.result();
    }
    this.readEnvironment();
    let top: Raw = {};
    for (const { value, index } of values) {
      if (!isRecord(value)) {
        this.problems.push(problem('COMPOSE_INVALID', 'notMapping', {}, '', { document: index, line: 1, column: 1 }));
        return this.result();
      }
      top = mergeTop(top, this.interpolateTree(value, []) as Raw);
    }
    if (this.unset.size > 0) this.notes.push(note('variablesUnset', { names: [...this.unset].join(', ') }));
    if (!this.checkTop(top)) return this.result({ top });
    const project = this.readProject(top);
    return this.result({ project, top });
  }

  private readEnvironment(): void {
    const given = this.options.env ?? {};
    const dotenv = this.files.read('.env');
    if (dotenv !== undefined) {
      const parsed = parseDotenv(dotenv, (name) => {
        this.variables.add(name);
        return given[name];
      });
      if (parsed.error) {
        this.problems.push(
          problem(
            'COMPOSE_ENV_FILE',
            'parse',
            { file: '.env', line: parsed.error.line, problem: parsed.error.message },
            '.env',
          ),
        );
      }
      for (const [k, v] of parsed.values) this.env.set(k, v);
    }
    for (const [k, v] of Object.entries(given)) this.env.set(k, v);
  }

  private interpolateTree(value: unknown, path: (string | number)[]): unknown {
    if (typeof value === 'string') {
      if (!value.includes('$')) return value;
      const out = interpolate(value, this.lookup);
      for (const name of out.unset) this.unset.add(name);
      if (out.error) {
        const where = dotted(path);
        this.problems.push(
          problem(
            'COMPOSE_INTERPOLATION',
            out.error.kind,
            out.error.kind === 'invalid'
              ? { where, template: out.error.template }
              : { variable: out.error.variable, reason: out.error.reason, where },
            where,
            this.locate(path),
          ),
        );
        // Keep the problem's own words for the CLI, as Compose prints them.
        this.problems[this.problems.length - 1]!.message = interpolationMessage(out.error, where);
      }
      return out.value;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.interpolateTree(v, [...path, i]));
    if (isRecord(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.interpolateTree(v, [...path, k])]));
    }
    return value;
  }

  private checkTop(top: Raw): boolean {
    let fine = true;
    const looksLikeV1 =
      !('services' in top) && Object.values(top).some((v) => isRecord(v) && ('image' in v || 'build' in v));
    for (const key of Object.keys(top)) {
      if (TOP_KEYS.has(key) || key.startsWith('x-')) continue;
      this.invalid([key], looksLikeV1 ? 'v1Format' : 'topKey', { key });
      fine = false;
    }
    if (!fine) return false;
    if (top.version !== undefined)
      this.notes.push(note('versionObsolete', { version: text(top.version) ?? '' }, 'version'));
    if (top.include !== undefined) this.notes.push(note('includeIgnored', {}, 'include'));
    if (top.models !== undefined) this.notes.push(note('modelsIgnored', {}, 'models'));
    if (!isRecord(top.services)) {
      this.invalid(['services'], top.services === undefined ? 'noServices' : 'servicesNotMapping', {});
      return false;
    }
    return true;
  }

  private projectName(top: Raw): string {
    const fromFile = text(top.name);
    const folder = this.directory()?.split('/').filter(Boolean).pop();
    const raw = fromFile || this.env.get('COMPOSE_PROJECT_NAME') || folder || 'compose';
    // compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], starting with a letter or digit.
    const name = raw
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '')
      .replace(/^[^a-z0-9]+/, '');
    return name || 'compose';
  }

  private directory(): string | undefined {
    if (this.options.directory) return this.options.directory.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
    const name = this.options.name.replace(/\\/g, '/');
    if (!name.startsWith('/')) return undefined;
    return name.slice(0, name.lastIndexOf('/')) || '/';
  }

  private readProject(top: Raw): ProjectModel {
    const servicesRaw = top.services as Raw;
    const all: ServiceModel[] = [];
    const entries = Object.entries(servicesRaw);
    if (entries.length > MAX_SERVICES)
      this.invalid(['services'], 'tooMany', { count: entries.length, limit: MAX_SERVICES });
    for (const [name, value] of entries.slice(0, MAX_SERVICES)) {
      if (!SERVICE_NAME.test(name)) this.invalid(['services', name], 'serviceName', { service: name });
      if (!isRecord(value)) {
        this.invalid(['services', name], 'serviceNotMapping', { service: name });
        continue;
      }
      const raw = this.extended(name, servicesRaw, '', new Set(), 0);
      if (!raw) continue;
      all.push(this.service(name, raw));
    }
    const active =
      this.options.profiles ??
      (this.env.get('COMPOSE_PROFILES') ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    const enabled = all.filter(
      (s) => s.profiles.length === 0 || s.profiles.some((p) => active.includes(p) || p === '*') || active.includes('*'),
    );
    const disabled = all.filter((s) => !enabled.includes(s)).map((s) => ({ name: s.name, profiles: s.profiles }));
    if (disabled.length > 0) {
      this.notes.push(
        note('profileDisabled', { services: disabled.map((d) => `${d.name} (${d.profiles.join(', ')})`).join('; ') }),
      );
    }
    const project: ProjectModel = {
      name: this.projectName(top),
      services: enabled,
      disabled,
      volumes: this.namedResources(top.volumes, 'volumes'),
      configs: this.fileResources(top.configs, 'configs'),
      secrets: this.fileResources(top.secrets, 'secrets'),
      networks: new Map(),
    };
    const directory = this.directory();
    if (directory) project.directory = directory;
    const home = this.env.get('HOME');
    if (home) project.home = home;
    for (const [name, value] of Object.entries(isRecord(top.networks) ? top.networks : {})) {
      const resource = namedResource(name, value);
      const ignored = isRecord(value)
        ? Object.keys(value)
            .filter((k) => !['external', 'name'].includes(k) && !k.startsWith('x-'))
            .map((key) => ({ key }))
        : [];
      project.networks.set(name, { ...resource, ignored });
    }
    this.checkConsistency(project);
    return project;
  }

  /** The raw service with its `extends` chain applied; undefined when the chain is broken (a problem says why). */
  private extended(name: string, services: Raw, file: string, seen: Set<string>, depth: number): Raw | undefined {
    const raw = services[name];
    if (!isRecord(raw)) return undefined;
    const ext = raw.extends;
    if (ext === undefined || ext === null) return raw;
    const where = ['services', name, 'extends'];
    const key = `${file}#${name}`;
    if (seen.has(key) || depth > MAX_EXTENDS_DEPTH) {
      this.invalid(where, 'cycle', { service: name }, 'COMPOSE_EXTENDS');
      return undefined;
    }
    seen.add(key);
    const ref = typeof ext === 'string' ? ext : isRecord(ext) ? text(ext.service) : undefined;
    if (!ref) {
      this.invalid(where, 'noService', { service: name }, 'COMPOSE_EXTENDS');
      return undefined;
    }
    let baseServices = services;
    let baseFile = file;
    if (isRecord(ext) && typeof ext.file === 'string') {
      baseFile = besideFile(folderOf(file), ext.file);
      const read = this.baseServices(baseFile);
      if (typeof read === 'string') {
        this.invalid(where, read, { service: name, file: baseFile }, 'COMPOSE_EXTENDS');
        return undefined;
      }
      baseServices = read;
    }
    if (!isRecord(baseServices[ref])) {
      this.invalid(
        where,
        'notFound',
        { service: name, base: ref, file: baseFile || this.options.name },
        'COMPOSE_EXTENDS',
      );
      return undefined;
    }
    const base = this.extended(ref, baseServices, baseFile, seen, depth + 1);
    if (!base) return undefined;
    const rebased = baseFile !== file ? rebaseService(base, folderOf(baseFile)) : base;
    return extendService(rebased, raw);
  }

  /** The services of an extends file, read and interpolated once however many services extend from it. */
  private baseServices(path: string): Raw | 'fileMissing' | 'fileUnreadable' {
    const cached = this.bases.get(path);
    if (cached) return cached;
    const content = this.files.read(path);
    if (content === undefined) return 'fileMissing';
    const parsed = parseManifest(content, this.options.limits);
    const doc = parsed.documents.find((d) => isRecord(d.value))?.value;
    if (parsed.problems.length > 0 || !isRecord(doc) || !isRecord(doc.services)) return 'fileUnreadable';
    const services = this.interpolateTree(doc.services, []) as Raw;
    this.bases.set(path, services);
    return services;
  }

  private service(name: string, raw: Raw): ServiceModel {
    const base = ['services', name];
    return readService(name, raw, {
      invalid: (at, id, params) => this.invalid([...base, ...at], id, params),
      lookup: this.lookup,
      envFiles: (entries, at) => {
        const out = new Map<string, string>();
        for (const entry of entries) {
          const content = this.files.read(entry.path);
          if (content === undefined) {
            if (entry.required)
              this.invalid([...base, ...at], 'missing', { service: name, file: entry.path }, 'COMPOSE_ENV_FILE');
            continue;
          }
          // compose-go: the project environment first, then the values read so far, for ${VAR} in the file.
          const parsed = parseDotenv(content, (v) => this.lookup(v) ?? out.get(v));
          if (parsed.error) {
            this.invalid(
              [...base, ...at],
              'parse',
              { file: entry.path, line: parsed.error.line, problem: parsed.error.message },
              'COMPOSE_ENV_FILE',
            );
          }
          for (const [k, v] of parsed.values) out.set(k, v);
        }
        return [...out];
      },
    });
  }

  private namedResources(value: unknown, kind: string): Map<string, NamedResource> {
    const out = new Map<string, NamedResource>();
    if (value === undefined || value === null) return out;
    if (!isRecord(value)) {
      this.invalid([kind], 'type', { field: kind, expected: 'a mapping' });
      return out;
    }
    for (const [name, v] of Object.entries(value)) out.set(name, namedResource(name, v));
    return out;
  }

  private fileResources(value: unknown, kind: 'configs' | 'secrets'): Map<string, FileResource> {
    const out = new Map<string, FileResource>();
    for (const [name, resource] of this.namedResources(value, kind)) {
      const raw = isRecord(value) ? value[name] : undefined;
      const r: FileResource = { ...resource };
      if (isRecord(raw)) {
        if (typeof raw.file === 'string') {
          r.file = raw.file;
          const content = raw.file.startsWith('~') ? undefined : this.files.read(raw.file);
          if (content !== undefined) r.content = content;
        }
        if (typeof raw.environment === 'string') {
          r.environment = raw.environment;
          const content = this.lookup(raw.environment);
          if (content !== undefined) r.content = content;
        }
        if (kind === 'configs' && typeof raw.content === 'string') r.content = raw.content;
      }
      out.set(name, r);
    }
    return out;
  }

  private checkConsistency(project: ProjectModel): void {
    const names = new Set(project.services.map((s) => s.name));
    const disabled = new Set(project.disabled.map((d) => d.name));
    const ref = (service: ServiceModel, at: (string | number)[], id: string, params: MessageParams): void =>
      this.invalid(['services', service.name, ...at], id, { service: service.name, ...params }, 'COMPOSE_REFERENCE');
    for (const s of project.services) {
      if (!s.image && !s.build) this.invalid(['services', s.name], 'noImage', { service: s.name }, 'COMPOSE_NO_IMAGE');
      for (const d of s.dependsOn) {
        if (names.has(d.service)) continue;
        if (disabled.has(d.service) && !d.required) continue;
        ref(s, ['depends_on'], disabled.has(d.service) ? 'dependsDisabled' : 'depends', { target: d.service });
      }
      for (const [field, value] of [
        ['network_mode', s.networkMode],
        ['ipc', s.ipc],
        ['pid', s.pid],
      ] as const) {
        if (value?.startsWith('service:') && !names.has(value.slice(8)))
          ref(s, [field], 'namespace', { field, target: value.slice(8) });
      }
      if (s.networkMode && s.networks.length > 0)
        this.invalid(['services', s.name, 'networks'], 'networkModeAndNetworks', { service: s.name });
      for (const n of s.networks) {
        if (n.name !== 'default' && !project.networks.has(n.name)) ref(s, ['networks'], 'network', { target: n.name });
      }
      s.volumes.forEach((m, i) => {
        if (m.type === 'volume' && m.source && !project.volumes.has(m.source))
          ref(s, ['volumes', i], 'volume', { target: m.source });
      });
      for (const [kind, list, resources] of [
        ['configs', s.configs, project.configs],
        ['secrets', s.secrets, project.secrets],
      ] as const) {
        list.forEach((m, i) => {
          if (!resources.has(m.source))
            ref(s, [kind, i], kind === 'configs' ? 'config' : 'secret', { target: m.source });
        });
      }
    }
    const cycle = dependencyCycle(project.services);
    if (cycle)
      this.invalid(
        ['services', cycle[0]!, 'depends_on'],
        'cycle',
        { services: cycle.join(' → ') },
        'COMPOSE_REFERENCE',
      );
  }
}

function namedResource(name: string, value: unknown): NamedResource {
  const r: NamedResource = { name, external: false };
  if (!isRecord(value)) return r;
  const external = value.external;
  if (external === true || external === 'true') r.external = true;
  else if (isRecord(external)) {
    // The deprecated `external: {name: x}` form.
    r.external = true;
    if (typeof external.name === 'string') r.externalName = external.name;
  }
  if (typeof value.name === 'string') r.externalName = value.name;
  if (typeof value.driver === 'string') r.driver = value.driver;
  return r;
}

/** Later documents of one file override earlier ones, service by service. */
function mergeTop(into: Raw, next: Raw): Raw {
  const out: Raw = { ...into };
  for (const [k, v] of Object.entries(next)) {
    if (isRecord(out[k]) && isRecord(v)) {
      const merged: Raw = { ...(out[k] as Raw) };
      for (const [name, entry] of Object.entries(v)) {
        merged[name] = isRecord(merged[name]) && isRecord(entry) ? extendService(merged[name] as Raw, entry) : entry;
      }
      out[k] = merged;
    } else out[k] = v;
  }
  return out;
}

/** The first cycle of depends_on among the services, as names in order (the first repeated at the end). */
function dependencyCycle(services: readonly ServiceModel[]): string[] | undefined {
  const deps = new Map(services.map((s) => [s.name, s.dependsOn.map((d) => d.service)]));
  const state = new Map<string, 'visiting' | 'done'>();
  // An explicit stack: a hostile file may chain thousands of services.
  for (const start of services) {
    if (state.has(start.name)) continue;
    const path: string[] = [];
    const frames: { name: string; next: number }[] = [{ name: start.name, next: 0 }];
    state.set(start.name, 'visiting');
    path.push(start.name);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = deps.get(frame.name) ?? [];
      if (frame.next >= targets.length) {
        state.set(frame.name, 'done');
        frames.pop();
        path.pop();
        continue;
      }
      const target = targets[frame.next++]!;
      if (!deps.has(target) || state.get(target) === 'done') continue;
      if (state.get(target) === 'visiting') return [...path.slice(path.indexOf(target)), target];
      state.set(target, 'visiting');
      path.push(target);
      frames.push({ name: target, next: 0 });
    }
  }
  return undefined;
}

function dotted(path: readonly (string | number)[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
}
