// On the real Docker Engine: a Compose project of local test images, started with `docker-compose up -d`, becomes a
// design from its running containers (list, inspect, the pure mapping), then runs as Pods on Podwright: the same
// processes listen on the same ports, the published port answers on the host, and the services still reach each
// other by name (another Pod through its Service name) and on localhost (inside one Pod).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readContainers } from '../../../../shared/manifest/compose';
import { plan, type Pod } from '../../../../shared/plan';
import type { Engine } from '../connection/engine';
import { PodRuntime } from '../pod/pod-runtime';
import { dockerReason, execIn, requireDocker, uniqueSuffix } from '../testing';
import { inspectContainers, listContainers } from './containers';

const run = promisify(execFile);
const engine: Engine = await requireDocker();
const COMPOSE = '/usr/bin/docker-compose';
const BUSYBOX = 'podwright-test/busybox:1';
const INFRA = 'podwright-test/pause:1';
const noCompose = existsSync(COMPOSE) ? undefined : `${COMPOSE} is not installed`;
if (noCompose && process.env.CI === 'true') throw new Error(`CI needs docker-compose: ${noCompose}`);
const skip = dockerReason ?? noCompose;

const suffix = uniqueSuffix();
const project = `pwcompose${suffix}`;
const network = `pw-compose-${suffix}`;
const dir = mkdtempSync(join(tmpdir(), 'podwright-compose-up-'));
const runtime = new PodRuntime(engine);
const podNames: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '0.0.0.0', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function compose(...args: string[]): Promise<{ stdout: string }> {
  return run(COMPOSE, ['-p', project, ...args], { cwd: dir, timeout: 120_000 });
}

/** Listening TCP ports inside a container, as its own netstat sees them (not Docker's DNS on 127.0.0.11). */
async function listening(id: string): Promise<string[]> {
  const { out } = await execIn(engine, id, ['netstat', '-ltn']);
  const ports = [...out.matchAll(/(\S+):(\d+)\s+\S+\s+LISTEN/g)].filter((m) => m[1] !== '127.0.0.11').map((m) => m[2]!);
  return [...new Set(ports)].sort();
}

async function processes(id: string): Promise<string[]> {
  const { out } = await execIn(engine, id, ['ps', '-o', 'args']);
  return out
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('httpd') || l.startsWith('sleep'))
    .sort();
}

async function get(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return response.text();
}

// Whatever a test here made is removed, whichever of them ran.
afterAll(async () => {
  if (!noCompose) await compose('down', '-v', '--timeout', '0').catch(() => undefined);
  await Promise.all(podNames.map((name) => runtime.down({ name }, { graceSeconds: 0 }).catch(() => undefined)));
  await engine.docker
    .getNetwork(network)
    .remove()
    .catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(dockerReason)(`a Pod Podwright runs${dockerReason ? ` (skipped: ${dockerReason})` : ''}`, () => {
  it('comes back from its containers as the Pod it was run from', { timeout: 180_000 }, async () => {
    const name = `pw-back-${suffix}`;
    podNames.push(name);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { app: 'back' }, annotations: { 'podwright.dev/layout': '{"version":1,"nodes":{}}' } },
      spec: {
        terminationGracePeriodSeconds: 0,
        initContainers: [
          {
            name: 'prepare',
            image: BUSYBOX,
            imagePullPolicy: 'Never',
            command: ['sh', '-c', 'echo ok > /data/index.html'],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        containers: [
          {
            name: 'web',
            image: BUSYBOX,
            imagePullPolicy: 'Never',
            command: ['httpd', '-f', '-p', '8080', '-h', '/data'],
            ports: [{ containerPort: 8080 }],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
          { name: 'tail', image: BUSYBOX, imagePullPolicy: 'Never', args: ['sleep', '3600'] },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    };
    const info = await engine.info();
    if (!info.reachable) throw new Error(info.reason);
    await runtime.run(plan(pod, info, { infraImage: INFRA, network, runId: uniqueSuffix() }));
    const ours = (await listContainers(engine.docker)).containers.filter((c) => c.podwrightPod === name);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    const design = readContainers(
      await inspectContainers(
        engine.docker,
        ours.map((c) => c.id),
      ),
    );
    // The design it was run from, without the canvas layout.
    const { annotations: _layout, ...metadata } = pod.metadata!;
    expect(design.read.pods.map((p) => p.pod)).toEqual([{ ...pod, metadata }]);
  });
});

describe.skipIf(skip)(
  `a Compose project's running containers, run by Podwright${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    it('keeps the processes, ports and names working', { timeout: 300_000 }, async () => {
      const port = await freePort();
      writeFileSync(
        join(dir, 'docker-compose.yml'),
        [
          'services:',
          '  web:',
          `    image: ${BUSYBOX}`,
          '    command: httpd -f -p 8080 -h /www',
          `    ports: ["${port}:8080"]`,
          '  probe:',
          `    image: ${BUSYBOX}`,
          '    command: sleep 3600',
          '    network_mode: service:web',
          '  db:',
          `    image: ${BUSYBOX}`,
          '    command: httpd -f -p 5432 -h /www',
          '    expose: ["5432"]',
        ].join('\n'),
      );
      await compose('up', '-d');

      // What Compose runs: each service's processes and listening ports.
      const listed = await listContainers(engine.docker);
      const ours = listed.containers.filter((c) => c.composeProject === project);
      expect(ours.map((c) => c.composeService).sort()).toEqual(['db', 'probe', 'web']);
      const byService = new Map(ours.map((c) => [c.composeService!, c.id]));
      const before = {
        web: { listening: await listening(byService.get('web')!), processes: await processes(byService.get('web')!) },
        db: { listening: await listening(byService.get('db')!), processes: await processes(byService.get('db')!) },
      };
      expect(before.web.listening).toContain('8080');
      expect(before.db.listening).toContain('5432');
      expect((await execIn(engine, byService.get('probe')!, ['wget', '-qO-', 'http://db:5432/'])).out).toBe('ok');

      // The design from the running containers.
      const details = await inspectContainers(
        engine.docker,
        ours.map((c) => c.id),
      );
      const design = readContainers(details);
      const pods = design.read.pods.map((p) => p.pod);
      expect(pods.map((p) => [p.metadata.name, p.spec.containers.map((c) => c.name)])).toEqual([
        ['web', ['web', 'probe']],
        ['db', ['db']],
      ]);
      expect(pods[0]!.spec.containers[0]).toMatchObject({
        args: ['httpd', '-f', '-p', '8080', '-h', '/www'],
        ports: [{ containerPort: 8080, protocol: 'TCP', hostPort: port }],
      });
      const services = design.read.objects
        .filter((o) => o.object.kind === 'Service')
        .map((o) => (o.object.metadata as { name: string }).name);
      expect(services.sort()).toEqual(['db', 'web']);

      // Compose down (the host port must be free), then Podwright runs the design. Pod names are made unique so
      // parallel test runs never collide; the hostname keeps the service name, which the network knows the Pod by.
      await compose('down', '--timeout', '0');
      const info = await engine.info();
      if (!info.reachable) throw new Error(info.reason);
      const snapshots = new Map<string, Awaited<ReturnType<typeof runtime.run>>>();
      for (const pod of pods) {
        const name = `${pod.metadata.name}-${suffix}`;
        podNames.push(name);
        const unique: Pod = {
          ...pod,
          metadata: { ...pod.metadata, name },
          spec: { ...pod.spec, hostname: pod.metadata.name, terminationGracePeriodSeconds: 0 },
        };
        snapshots.set(
          pod.metadata.name!,
          await runtime.run(plan(unique, info, { infraImage: INFRA, network, runId: uniqueSuffix() })),
        );
      }
      const id = (pod: string, container: string): string =>
        snapshots.get(pod)!.containers.find((c) => c.name === container)!.id!;
      expect({ listening: await listening(id('web', 'web')), processes: await processes(id('web', 'web')) }).toEqual(
        before.web,
      );
      expect({ listening: await listening(id('db', 'db')), processes: await processes(id('db', 'db')) }).toEqual(
        before.db,
      );
      // The published port answers on the host; probe reaches web on localhost and db by its name, as under Compose.
      expect(await get(`http://127.0.0.1:${port}/`)).toBe('ok\n');
      expect((await execIn(engine, id('web', 'probe'), ['wget', '-qO-', 'http://localhost:8080/'])).out).toBe('ok');
      expect((await execIn(engine, id('web', 'probe'), ['wget', '-qO-', 'http://web:8080/'])).out).toBe('ok');
      expect((await execIn(engine, id('web', 'probe'), ['wget', '-qO-', 'http://db:5432/'])).out).toBe('ok');
    });
  },
);
