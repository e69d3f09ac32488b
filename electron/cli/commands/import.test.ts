// `podwright import`: a Compose file becomes a design on stdout or in a file, with the grouping, notes and problems on
// stderr; --pods, --profile and --volumes change what is made; a file that is not Compose exits 2.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../../../shared/manifest';
import type { Pod } from '../../../shared/model';
import { validatePod } from '../../../shared/rules';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const objects = (text: string): Record<string, unknown>[] =>
  parseManifest(text).documents.map((d) => d.value as Record<string, unknown>);
const pods = (text: string): Pod[] => objects(text).filter((o) => o.kind === 'Pod') as unknown as Pod[];

const dir = mkdtempSync(join(tmpdir(), 'podwright-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = '../shared/testdata/compose';

describe('podwright import', () => {
  it(
    'writes the design to stdout and says on stderr how services were grouped and what was lost',
    { timeout: 60_000 },
    async () => {
      const r = await cli(['import', join(corpus, 'grafana_beyla/greeting-apps/docker-compose.yaml')]);
      expect(r.code).toBe(0);
      const all = objects(r.stdout);
      expect(pods(r.stdout).map((p) => p.metadata.name)).toEqual([
        'nginx',
        'gotestserver',
        'javatestserver',
        'rusttestserver',
        'agent',
        'tempo',
        'mimir',
        'grafana',
      ]);
      expect(all.filter((o) => o.kind === 'Service').length).toBe(5);
      expect(r.stderr).toContain('pod nginx: nginx, nginxbeyla');
      expect(r.stderr).toMatch(/note: .*"container_name" has no Pod equivalent/);
    },
  );

  it(
    'reads .env beside the file, applies profiles and makes claims with --volumes pvc, into --out',
    { timeout: 60_000 },
    async () => {
      const compose = join(dir, 'compose.yaml');
      writeFileSync(
        compose,
        [
          'services:',
          '  db:',
          '    image: postgres:${PG_VERSION}',
          '    volumes: [data:/var/lib/postgresql/data]',
          '  debug:',
          '    image: busybox',
          '    profiles: [debug]',
          'volumes:',
          '  data: {}',
        ].join('\n'),
      );
      writeFileSync(join(dir, '.env'), 'PG_VERSION=16\n');
      const out = join(dir, 'design.pod.yaml');
      const r = await cli(['import', compose, '--out', out, '--volumes', 'pvc']);
      expect(r.code).toBe(0);
      const design = readFileSync(out, 'utf8');
      expect(pods(design).map((p) => [p.metadata.name, p.spec.containers[0]?.image])).toEqual([['db', 'postgres:16']]);
      // The claim is named like the volume Compose makes: <project (the folder)>-<volume>.
      expect(pods(design)[0]?.spec.volumes).toEqual([
        {
          name: 'data',
          persistentVolumeClaim: { claimName: expect.stringMatching(/^podwright-import-[a-z0-9]+-data$/) },
        },
      ]);
      expect(objects(design).map((o) => o.kind)).toEqual(['Pod', 'PersistentVolumeClaim', 'Service']);
      expect(r.stderr).toMatch(/left out because none of their profiles is chosen: debug \(debug\)/i);
      const withProfile = await cli(['import', compose, '--profile', 'debug']);
      expect(pods(withProfile.stdout).map((p) => p.metadata.name)).toEqual(['db', 'debug']);
    },
  );

  it(
    'validate reads a Compose file the same way: its .env beside it, problems at the Compose lines',
    { timeout: 60_000 },
    async () => {
      const folder = mkdtempSync(join(dir, 'validate-'));
      const compose = join(folder, 'compose.yaml');
      writeFileSync(
        compose,
        ['services:', '  web:', '    image: nginx:${TAG}', '    ports:', '      - "80:80"', ''].join('\n'),
      );
      writeFileSync(join(folder, '.env'), 'TAG=1.27\n');
      const r = await cli(['validate', '--format', 'json', compose]);
      expect(r.code).toBe(0);
      const [report] = JSON.parse(r.stdout) as { diagnostics: { code: string; line?: number; message: string }[] }[];
      // The host port advice points at the port's own line in the Compose file.
      expect(report!.diagnostics.find((d) => d.code === 'HOST_PORT_ADVICE')?.line).toBe(5);
      // The variable came from .env: no "not set" note.
      const text = await cli(['validate', compose]);
      expect(text.stdout).toContain('pod web');
      expect(text.stdout).not.toContain('Variables not set');
      rmSync(join(folder, '.env'));
      expect((await cli(['validate', compose])).stdout).toContain(
        'Variables not set, replaced with an empty string (as Compose does): TAG.',
      );
    },
  );

  it(
    '--pods one puts every service in one Pod, where two services on one port clash',
    { timeout: 60_000 },
    async () => {
      const compose = join(dir, 'clash.yaml');
      writeFileSync(
        compose,
        [
          'services:',
          '  web:',
          '    image: nginx',
          '    expose: ["80"]',
          '  admin:',
          '    image: httpd',
          '    expose: ["80"]',
        ].join('\n'),
      );
      const apart = await cli(['import', compose]);
      expect(pods(apart.stdout).length).toBe(2);
      const together = await cli(['import', compose, '--pods', 'one']);
      expect(together.code).toBe(0);
      const [pod] = pods(together.stdout);
      expect(pod?.spec.containers.map((c) => c.name)).toEqual(['web', 'admin']);
      expect(validatePod(pod!).map((d) => d.code)).toContain('POD_PORT_CLASH');
    },
  );

  it(
    'prints the problems of a file Compose refuses, at their lines, and exits 2 when nothing can be made',
    { timeout: 60_000 },
    async () => {
      const r = await cli(['import', join(corpus, 'docker_compose/invalid-composefile/invalid.yml')]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/invalid\.yml:2:14: error COMPOSE_INVALID: "notaservice" sits at the top level/);
      const bad = await cli(['import', compose404()]);
      expect(bad.code).toBe(2);
      const mode = await cli(['import', join(dir, 'clash.yaml'), '--pods', 'many']);
      expect(mode.code).not.toBe(0);
      expect(mode.stderr).toContain('choose auto, one or per-service');
    },
  );
});

function compose404(): string {
  return join(dir, 'no-such-compose.yaml');
}
