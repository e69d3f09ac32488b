// The Compose round trip: every corpus file read as a design, exported back to Compose (compose-export.ts), is a file
// `docker-compose config` (Debian's docker-compose) accepts, and it means the same: the same images, commands,
// environment, published ports, mounts, and the same services sharing a network namespace. Where docker-compose can
// read the original too, the reader's model of it is checked against docker-compose's own reading.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { toComposeDesign } from '../compose-export';
import { composeCorpus, readCorpusFile } from './corpus.test-support';
import { groupServices } from './group';
import { loadCompose } from './load';
import type { ProjectModel, ServiceModel } from './model';
import { dnsLabel } from './names';
import { cleanPath } from './syntax';

const run = promisify(execFile);
const composeBinary = '/usr/bin/docker-compose';
const ci = !['', '0', 'false', undefined].includes(process.env.CI?.toLowerCase());
const noCompose = existsSync(composeBinary) ? undefined : `${composeBinary} is not installed`;
if (noCompose && ci) throw new Error(`CI needs docker-compose: ${noCompose}`);

const HOME = '/home/podwright-test';
const env = { HOME };
const INFRA_IMAGE = 'podwright-test/pause:1';

interface ServiceMeaning {
  image: string;
  entrypoint?: string[];
  command?: string[];
  env: Record<string, string>;
  mounts: string[];
}

interface Meaning {
  services: Map<string, ServiceMeaning>;
  published: string[];
  /** Which namespace owner each service's network belongs to (only services in a shared one). */
  owner: Map<string, string>;
  /** (service, mount target) → the volume it mounts, for checking who shares a volume. */
  volumes: Map<string, string>;
}

/** Docker binds 0.0.0.0 when no host address is given. */
const anyHost = (ip: string | undefined): string => (ip === '0.0.0.0' ? '' : (ip ?? ''));

/** A bind source as Docker sees it: relative to the project folder, `~` the home folder. */
function absolute(source: string, project: ProjectModel): string {
  if (source.startsWith('~')) return cleanPath(`${project.home}/${source.slice(1)}`);
  return cleanPath(source.startsWith('/') ? source : `${project.directory}/${source}`);
}

/** Compares what Compose makes of a project: images, argv, environment, ports, mounts, sharing. */
function meaningOf(project: ProjectModel, keyOf: (s: ServiceModel) => string, skip: Set<string>): Meaning {
  const services = new Map<string, ServiceMeaning>();
  const published: string[] = [];
  const owner = new Map<string, string>();
  const volumes = new Map<string, string>();
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const root = (s: ServiceModel): ServiceModel => {
    let cur = s;
    for (let i = 0; i < 50 && cur.networkMode?.startsWith('service:'); i++)
      cur = byName.get(cur.networkMode.slice(8)) ?? cur;
    return cur;
  };
  for (const s of project.services) {
    if (s.labels['dev.podwright.role'] === 'infra') continue;
    const key = keyOf(s);
    const hostNetwork = root(s).networkMode === 'host';
    const mounts: string[] = [];
    for (const m of s.volumes) {
      if (skip.has(m.target)) continue;
      const source = m.type === 'bind' ? `bind:${absolute(m.source ?? '', project)}` : 'volume';
      mounts.push(`${source}->${m.target}${m.readOnly ? ':ro' : ''}`);
      if (m.type === 'volume' && m.source) volumes.set(`${key}|${m.target}`, m.source);
    }
    for (const t of s.tmpfs) mounts.push(`volume->${t.target}`);
    const meaning: ServiceMeaning = {
      image: s.image ?? `${project.name}-${s.name}`,
      env: Object.fromEntries(s.environment),
      mounts: mounts.sort(),
    };
    if (s.entrypoint?.length) meaning.entrypoint = s.entrypoint;
    if (s.command?.length) meaning.command = s.command;
    const previous = services.get(key);
    // An init container exported into several Pods must be the same everywhere.
    if (previous) expect(meaning, `${key} exported twice differently`).toEqual(previous);
    services.set(key, meaning);
    const r = root(s);
    if (r !== s || project.services.some((o) => o !== s && o.networkMode === `service:${s.name}`))
      owner.set(key, r.name);
    if (!hostNetwork) {
      for (const p of r === s ? s.ports : []) {
        if (p.published !== undefined)
          published.push(`${anyHost(p.hostIp)}:${p.published.split('-')[0]}:${p.target}/${p.protocol}`);
      }
    }
  }
  // In the export the infra owns the ports; it is the root every container joins.
  for (const s of project.services) {
    if (s.labels['dev.podwright.role'] !== 'infra' || s.networkMode === 'host') continue;
    for (const p of s.ports)
      if (p.published !== undefined) published.push(`${anyHost(p.hostIp)}:${p.published}:${p.target}/${p.protocol}`);
  }
  return { services, published: published.sort(), owner, volumes };
}

const dir = mkdtempSync(join(tmpdir(), 'podwright-compose-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function composeConfig(file: string, project: string, cwd: string): Promise<string> {
  const { stdout } = await run(composeBinary, ['-f', file, '-p', project, 'config'], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME },
    timeout: 120_000,
  });
  return stdout;
}

/** A docker-compose config output read back into the model ($$ in it is a literal $). */
function modelOfConfig(text: string, directory: string): ProjectModel {
  const loaded = loadCompose(text, { name: join(directory, 'config.yaml'), env, directory });
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return loaded.project!;
}

const importable = composeCorpus.filter((f) => !f.features.has('broken')).map((f) => f.path);

describe.skipIf(noCompose)(`the Compose round trip${noCompose ? ` (skipped: ${noCompose})` : ''}`, () => {
  it('has the corpus files that import', () => {
    expect(importable.length).toBe(28);
  });

  let crossChecked = 0;
  importable.forEach((path, i) => {
    it(`round-trips ${path}`, { timeout: 300_000 }, async () => {
      const read = readCorpusFile(path, {}, env);
      const loaded = loadCompose(read.text, { name: read.file, files: read.files, env, directory: read.directory });
      const original = loaded.project!;
      const grouping = groupServices(original, 'auto');
      // What the mapping deliberately leaves out (configs and secrets, shm_size) is not compared.
      const skip = new Set([
        '/dev/shm',
        ...original.services.flatMap((s) => [...s.configs, ...s.secrets].map((m) => m.target)),
      ]);
      const exported = toComposeDesign(
        read.read.pods.map((p) => p.pod),
        read.read.objects.map((o) => o.object),
        { infraImage: INFRA_IMAGE },
      );
      const file = join(dir, `export-${i}.yaml`);
      writeFileSync(file, exported.text);
      const config = await composeConfig(file, `pwroundtrip${i}`, dir);
      const back = modelOfConfig(config, dir);

      const want = meaningOf(original, (s) => dnsLabel(s.name, 'container'), skip);
      const got = meaningOf(back, (s) => s.labels['dev.podwright.container'] ?? s.name, skip);
      expect([...got.services.keys()].sort()).toEqual([...want.services.keys()].sort());
      for (const [key, meaning] of want.services) expect(got.services.get(key), `${path}: ${key}`).toEqual(meaning);
      expect(got.published).toEqual(want.published);
      // Services that shared a network namespace still do: they join the same infra.
      for (const t of grouping.groups.flatMap((g) => g.ties).filter((x) => x.kind === 'network')) {
        const a = got.owner.get(dnsLabel(t.from));
        expect(a, `${t.from} joins ${t.to}`).toBeDefined();
        expect(a).toBe(got.owner.get(dnsLabel(t.to)));
      }
      // Mounts of one project volume inside one Pod are one volume in the export too.
      for (const g of grouping.groups) {
        const inPod = [...g.init, ...g.services].map((n) => dnsLabel(n));
        const seen = new Map<string, string>();
        for (const [where, volume] of want.volumes) {
          const [service] = where.split('|');
          if (!inPod.includes(service!)) continue;
          const exportedVolume = got.volumes.get(where);
          const before = seen.get(volume);
          if (before !== undefined) expect(exportedVolume, `${path}: ${where} shares ${volume}`).toBe(before);
          seen.set(volume, exportedVolume!);
        }
      }

      // docker-compose's own reading of the original, where it can read it, agrees with the reader's.
      let theirs: ProjectModel | undefined;
      try {
        theirs = modelOfConfig(await composeConfig(read.file, `pworiginal${i}`, read.directory), read.directory);
      } catch {
        theirs = undefined;
      }
      if (theirs) {
        crossChecked++;
        const ours = meaningOf(original, (s) => s.name, skip);
        const them = meaningOf(theirs, (s) => s.name, skip);
        for (const [key, meaning] of ours.services) {
          const other = them.services.get(key);
          if (!other) continue;
          expect({ ...other, image: meaning.image }, `${path}: ${key} as docker-compose reads it`).toEqual(meaning);
        }
        expect(them.published).toEqual(ours.published);
      }
    });
  });

  it('cross-checked the reader against docker-compose on most files', () => {
    expect(crossChecked).toBeGreaterThanOrEqual(15);
  });
});
