// `podwright export`: the CLI end to end, and the Compose export run once on the Docker Engine, where the containers
// must come up inside the infra container's network namespace.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutAnnotation, parseManifest, readDesign } from '../../../shared/manifest';
import { dockerReason, requireDocker, uniqueSuffix } from '../../engines/docker/testing';

const run = promisify(execFile);
const composeBinary = '/usr/bin/docker-compose';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['electron/cli/bin.mjs', ...args], { maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const design = `# A design: a web server and a client sharing the Pod's network, with an init container filling a volume.
apiVersion: v1
kind: Pod
metadata:
  name: pw-compose
  labels:
    app: pw-compose
  annotations:
    podwright.dev/layout: '{"version":1,"nodes":{"container:web":{"x":1,"y":2}}}'
spec:
  shareProcessNamespace: true
  initContainers:
    - name: prepare
      image: podwright-test/busybox:1
      command: [sh, -c, 'echo ready-$HOSTNAME > /data/index.html']
      volumeMounts: [{ name: data, mountPath: /data }]
  containers:
    - name: web
      image: podwright-test/busybox:1
      command: [httpd, -f, -p, '8080', -h, /data]
      ports: [{ name: http, containerPort: 8080 }]
      volumeMounts: [{ name: data, mountPath: /data, readOnly: true }]
    - name: client
      image: podwright-test/busybox:1
      command: [sleep, '3600']
  volumes:
    - name: data
      emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: kept-aside
spec:
  ports: [{ port: 80 }]
`;

const dir = mkdtempSync(join(tmpdir(), 'podwright-export-'));
const designFile = join(dir, 'shop.pod.yaml');
writeFileSync(designFile, design);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('podwright export', () => {
  it('writes the Pod to stdout, without the layout annotation', async () => {
    const r = await cli('export', designFile);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  name: pw-compose\n')).toBe(true);
    expect(r.stdout).not.toContain(layoutAnnotation);
    const pod = readDesign(r.stdout, { name: 'out' }).pods[0]!.pod;
    const original = readDesign(design, { name: 'design' }).pods[0]!.pod;
    expect(pod.spec).toEqual(original.spec);
  });

  it('writes a Pod file that podwright validate accepts', async () => {
    const out = join(dir, 'pod');
    expect((await cli('export', designFile, '--out', out)).code).toBe(0);
    const r = await cli('validate', join(out, 'pw-compose-pod.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pod pw-compose: accepted by Kubernetes');
  });

  it('writes a Deployment and a Service as separate files, or one file with --single', async () => {
    const out = join(dir, 'k8s');
    const r = await cli('export', designFile, '--as', 'deployment', '--replicas', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['pw-compose-deployment.yaml', 'pw-compose-service.yaml']);
    expect(r.stderr).toContain(`wrote ${join(out, 'pw-compose-deployment.yaml')}`);
    const deployment = parseManifest(readFileSync(join(out, 'pw-compose-deployment.yaml'), 'utf8')).documents[0]!
      .value as { spec: { replicas: number; selector: unknown } };
    expect(deployment.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: 'pw-compose' } } });
    const single = join(dir, 'single');
    expect((await cli('export', designFile, '--as', 'deployment', '--single', '--out', single)).code).toBe(0);
    expect(readdirSync(single)).toEqual(['pw-compose.yaml']);
    expect(parseManifest(readFileSync(join(single, 'pw-compose.yaml'), 'utf8')).documents).toHaveLength(2);
  });

  it('says where a broken file is broken, and exits 1', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n');
    const r = await cli('export', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:5:3 `);
    expect(r.stderr).toContain('duplicate key "name"');
  });

  it('exports the Kubernetes docs\' StatefulSet as a Pod that validates, its claim kept as a volume', async () => {
    const r = await cli('export', '../shared/testdata/manifests/k8s-website/zookeeper.yaml', '--out', '-');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('claimName: datadir-zk-0');
    const out = join(dir, 'zk-pod.yaml');
    writeFileSync(out, r.stdout);
    const validate = await cli('validate', out);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('pod zk: accepted by Kubernetes');
  });

  it('refuses to write an export Kubernetes would refuse, with the problems at their lines', async () => {
    const bad = join(dir, 'bad-name.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\nspec:\n  containers: [{name: a, image: busybox}]\n');
    const outDir = join(dir, 'not-written');
    const r = await cli('export', bad, '--out', outDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('would be refused by Kubernetes, so it is not exported');
    expect(r.stderr).toContain(`${bad}:3:`);
    expect(r.stderr).toContain('metadata.name  POD_NAME_INVALID [kubernetes]');
    expect(existsSync(outDir)).toBe(false);
  });

  it('refuses binary input and files without a Pod', async () => {
    const binary = join(dir, 'binary.yaml');
    writeFileSync(binary, Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x01]));
    const r = await cli('export', binary);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not UTF-8 text/);
    const service = join(dir, 'service.yaml');
    writeFileSync(service, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n');
    const s = await cli('export', service);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/no Pod or Pod template \(found: Service\)/);
  });

  it('refuses a 50 MB file by its size, before reading it', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const r = await cli('export', big);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is 52428800 bytes, over the limit of 10485760/);
    rmSync(big);
  });

  it('rejects an unknown --as', async () => {
    const r = await cli('export', designFile, '--as', 'helm');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/pod, deployment, compose/);
  });
});

// Docker: fails under CI when the engine or docker-compose is missing, skips with the reason elsewhere.
await requireDocker();
const ci = !['', '0', 'false', undefined].includes(process.env.CI?.toLowerCase());
const composeMissing = existsSync(composeBinary) ? undefined : `${composeBinary} is not installed`;
if (composeMissing && ci) throw new Error(`CI needs docker-compose: ${composeMissing}`);
const skip = dockerReason ?? composeMissing;

describe.skipIf(skip)(`compose export on the Docker Engine${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const project = `pwexport${uniqueSuffix()}`;
  const out = join(dir, 'compose');
  const composeFile = join(out, 'compose.yaml');
  const compose = (...args: string[]) =>
    run(composeBinary, ['-p', project, '-f', composeFile, ...args], { timeout: 180_000 });
  const docker = (...args: string[]) => run('docker', args, { timeout: 60_000 }).then((r) => r.stdout.trim());

  afterAll(async () => {
    if (existsSync(composeFile)) await compose('down', '-v', '--timeout', '1').catch(() => undefined);
  }, 120_000);

  it('comes up with every container in the infra container network namespace', { timeout: 240_000 }, async () => {
    const r = await cli(
      'export',
      designFile,
      '--as',
      'compose',
      '--out',
      out,
      '--infra-image',
      'podwright-test/pause:1',
    );
    expect(r.code).toBe(0);
    await compose('config', '--quiet');
    await compose('up', '-d', '--no-build');

    const id = async (service: string): Promise<string> => {
      const { stdout } = await compose('ps', '-a', '-q', service);
      const cid = stdout.trim();
      expect(cid, service).toMatch(/^[0-9a-f]{64}$/);
      return cid;
    };
    const infra = await id('infra');
    const web = await id('web');
    const client = await id('client');
    const prepare = await id('prepare');

    // Each app container runs in the infra container's network, IPC and PID namespaces, not in its own.
    for (const cid of [web, client]) {
      const modes = await docker(
        'inspect',
        '-f',
        '{{.HostConfig.NetworkMode}} {{.HostConfig.IpcMode}} {{.HostConfig.PidMode}}',
        cid,
      );
      expect(modes).toBe(`container:${infra} container:${infra} container:${infra}`);
    }
    // The kernel agrees: the same network namespace inode.
    const netOf = (cid: string) => docker('exec', cid, 'readlink', '/proc/self/ns/net');
    const webNet = await netOf(web);
    expect(webNet).toMatch(/^net:\[\d+\]$/);
    expect(await netOf(client)).toBe(webNet);
    const infraPid = await docker('inspect', '-f', '{{.State.Pid}}', infra);
    const infraNet = await run('readlink', [`/proc/${infraPid}/ns/net`]).then(
      (x) => x.stdout.trim(),
      () => undefined,
    );
    if (infraNet !== undefined) expect(infraNet).toBe(webNet);

    // The init container ran to completion first and filled the shared volume; the client reaches the web server
    // on localhost, which only works inside one network namespace.
    expect(await docker('inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', prepare)).toBe('exited 0');
    const page = await docker('exec', client, 'wget', '-q', '-O', '-', 'http://127.0.0.1:8080/index.html');
    expect(page).toBe('ready-pw-compose');
    // shareProcessNamespace: the client sees the web server's process.
    expect(await docker('exec', client, 'ps')).toMatch(/httpd -f -p 8080/);
  });
});
