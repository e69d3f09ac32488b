import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText, validateFile, type FileReport } from './validate';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const examples = 'assets/examples';
const manifests = '../shared/testdata/manifests';

describe('podwright validate: the teaching examples', () => {
  it('sidecar-logs: a native sidecar sharing a log volume is valid and clean (exit 0)', async () => {
    const r = await cli(['validate', '--format', 'json', join(examples, 'sidecar-logs.pod.yaml')]);
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    expect(report).toEqual({ file: join(examples, 'sidecar-logs.pod.yaml'), valid: true, diagnostics: [] });
  });

  it('helloworld: four containers, each volume mounted, one port: valid (exit 0)', async () => {
    const r = await cli(['validate', join(examples, 'helloworld.pod.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pod helloworld: accepted by Kubernetes, no problems found');
  });

  it('port-clash: accepted by Kubernetes but a runtime error (exit 1), explained in namespace terms', async () => {
    const r = await cli(['validate', '--format', 'json', join(examples, 'port-clash.pod.yaml')]);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    expect(report?.valid).toBe(true);
    expect(report?.diagnostics).toEqual([
      {
        code: 'POD_PORT_CLASH',
        severity: 'error',
        category: 'runtime',
        path: 'spec.containers[1].ports[0].containerPort',
        message:
          "web and admin both listen on 80/TCP in the Pod's shared network namespace; the second to bind fails (usually admin, which starts later)",
        line: 20,
        column: 11,
        document: 0,
      },
    ]);
    const text = await cli(['validate', '--explain', join(examples, 'port-clash.pod.yaml')]);
    expect(text.stdout).toContain('POD_PORT_CLASH [runtime]');
    expect(text.stdout).toMatch(/address already\s+in use/);
    expect(text.stdout).toContain('fix: Move admin to port 81');
    expect(text.stdout).not.toContain('\u001b['); // no colour when stdout is not a TTY
  });
});

describe('podwright validate: input and exit codes', () => {
  it('reads stdin with "-" and prints one JSON entry per file, in order', async () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\nspec:\n  containers: [{name: a, image: nginx}]\n';
    const r = await cli(['validate', '--format', 'json', '-', join(examples, 'helloworld.pod.yaml')], pod);
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout) as FileReport[];
    expect(reports.map((x) => [x.file, x.valid])).toEqual([
      ['<stdin>', false],
      [join(examples, 'helloworld.pod.yaml'), true],
    ]);
    expect(reports[0]?.diagnostics.map((d) => [d.code, d.category, d.path])).toEqual([
      ['POD_NAME_INVALID', 'kubernetes', 'metadata.name'],
    ]);
  });

  it('exits 2 with line and column when a file does not parse, and still reports the others', async () => {
    const r = await cli(
      ['validate', join(examples, 'helloworld.pod.yaml'), '-'],
      'kind: Pod\nspec:\n  containers: [\n',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/<stdin>:\d+:\d+ .*YAML_SYNTAX/);
    expect(r.stdout).toContain('pod helloworld');
  });

  it('exits 2 for a missing file', async () => {
    const r = await cli(['validate', '--format', 'json', 'no/such/file.yaml']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as FileReport[])[0]?.diagnostics[0]?.code).toBe('FILE_UNREADABLE');
  });

  it('exits 0 for warnings only, and validates every Pod of a multi-document file', async () => {
    const two =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: nginx}], volumes: [{name: v}]}\n---\n' +
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: s}\n---\n' +
      'apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: c, image: nginx, env: [{name: X, value: "1"}, {name: X, value: "2"}]}]}\n';
    const r = await cli(['validate', '--format', 'json', '-'], two);
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    expect(report?.valid).toBe(true);
    expect(report?.diagnostics.map((d) => `${d.code} ${d.message.slice(0, 10)}`)).toEqual([
      'VOLUME_UNUSED (pod a) vo',
      'ENV_DUPLICATE (pod b) hi',
      'KIND_NOT_CHECKED Ingress "s',
    ]);
    const text = await cli(['validate', '-'], two);
    expect(text.stdout).toContain('Podwright does not check Ingress objects');
  });

  it('refuses hostile input quickly with a clear message (exit 2)', async () => {
    const r = await cli(['validate', '-'], '['.repeat(200_000));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('nested more than 100 levels deep');
  });

  it('checks workloads instead of skipping them: the broken ReplicationController exits 1 with its errors at their lines', async () => {
    const rc =
      'kind: ReplicationController\nmetadata:\n  name: my-nginx\nspec:\n  replicas: asd"\n  templates:\n    spec:\n      containers: [{name: nginx, image: nginx}]\n';
    const r = await cli(['validate', '--format', 'json', '-'], rc);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    expect(report?.valid).toBe(false);
    expect(report?.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path, d.line])).toEqual(
      expect.arrayContaining([
        ['OBJECT_API_VERSION_MISSING', 'apiVersion', 1],
        ['WORKLOAD_TEMPLATE_MISSING', 'spec.template.spec', 4],
      ]),
    );
  });

  it("checks a Service against the file's Pods as the canvas does: no Pod selected, a targetPort name nobody declares", async () => {
    const design =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: api, image: nginx, ports: [{name: http, containerPort: 80}]}]\n' +
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: lost}\nspec:\n  selector: {app: nothing}\n  ports: [{port: 80, targetPort: http}]\n' +
      '---\napiVersion: v1\nkind: Service\nmetadata: {name: typo}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: htt}]\n';
    const r = await cli(['validate', '--format', 'json', '-'], design);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    expect(
      report?.diagnostics.filter((d) => d.code.startsWith('SERVICE_')).map((d) => [d.code, d.path, d.line]),
    ).toEqual([
      ['SERVICE_SELECTS_NOTHING', 'spec.selector', 15],
      ['SERVICE_TARGET_PORT_UNKNOWN', 'spec.ports[0].targetPort', 23],
    ]);
  });

  it("a workload template's problems carry the paths of the workload", async () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: Web, image: nginx}]\n';
    const r = await cli(['validate', '--format', 'json', '-'], deployment);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    expect(report?.diagnostics.map((d) => [d.code, d.path, d.line])).toContainEqual([
      'CONTAINER_NAME_INVALID',
      'spec.template.spec.containers[0].name',
      9,
    ]);
  });

  it("checks a workload's and a Service's own fields, at their lines", async () => {
    const design =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: webx}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: "nginx:1.27"}]\n---\n' +
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}}\n';
    const r = await cli(['validate', '--format', 'json', '-'], design);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.stdout) as FileReport[];
    const found = report?.diagnostics.map((d) => [d.code, d.path, d.line]);
    expect(found).toContainEqual(['WORKLOAD_SELECTOR_MISMATCH', 'spec.template.metadata.labels', 7]);
    expect(found?.some(([code, path]) => path === 'spec.ports' && String(code).startsWith('SERVICE_'))).toBe(true);
  });

  it('exits 2 when nothing in a file could be checked, and says so', async () => {
    const r = await cli(['validate', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'nothing in <stdin> could be checked: it holds no Pod and no workload (found: ConfigMap)',
    );
  });

  it('rejects an unknown --format', async () => {
    const r = await cli(['validate', '--format', 'xml', '-']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/xml/);
  });
});

describe('podwright validate over the real-world manifests', () => {
  const files = readdirSync(manifests)
    .filter((d) => statSync(join(manifests, d)).isDirectory())
    .flatMap((d) => readdirSync(join(manifests, d)).map((f) => join(manifests, d, f)))
    .sort();

  it('finds all 58 manifests', () => {
    expect(files).toHaveLength(58);
  });

  it('never crashes: every file gets a JSON report and an exit code of 0, 1 or 2', async () => {
    const r = await cli(['validate', '--format', 'json', ...files]);
    expect(r.stderr).toBe('');
    expect([0, 1, 2]).toContain(r.code);
    const reports = JSON.parse(r.stdout) as FileReport[];
    expect(reports.map((x) => x.file)).toEqual(files);
    const byName = new Map(reports.map((x) => [x.file.slice(manifests.length + 1), x]));
    // Verdicts the corpus index (INDEX.tsv) states.
    expect(byName.get('k8s-hack-testdata/invalid-pod.yaml')?.diagnostics.map((d) => d.code)).toContain(
      'CONTAINER_NAME_INVALID',
    );
    expect(byName.get('k8s-hack-testdata/invalid-pod.yaml')?.valid).toBe(false);
    expect(byName.get('k8s-hack-testdata/busybox-broken.yaml')?.diagnostics[0]?.message).toMatch(/Kind' is missing/);
    expect(byName.get('k8s-website/envars-file-container.yaml')?.diagnostics[0]?.code).toBe('YAML_SYNTAX');
    expect(byName.get('kubeconform/duplicate_property.yaml')?.diagnostics[0]?.message).toMatch(
      /Map keys must be unique/,
    );
    const injected = byName.get('istio/native-sidecar.yaml.injected');
    expect(injected?.valid).toBe(true);
    expect(injected?.diagnostics.map((d) => d.code)).toContain('POD_PORT_CLASH');
    expect(byName.get('kubeaudit/namespaces-all-true.yml')?.diagnostics.map((d) => d.code)).toEqual([
      'HOST_NAMESPACE_SHARED',
      'HOST_NAMESPACE_SHARED',
      'HOST_NAMESPACE_SHARED',
      // hostPID with the host's IPC and network at once: the host-access family's warning, and still valid.
      'HOST_NAMESPACES_COMBINED',
    ]);
    expect(byName.get('kubeaudit/namespaces-all-true.yml')?.valid).toBe(true);
  }, 60_000);
});

describe('formatText', () => {
  it('colours severities only when asked (a TTY), and explains each code once with --explain', async () => {
    const result = await validateFile(join(examples, 'port-clash.pod.yaml'));
    const plain = formatText([result], { color: false, explain: false });
    const coloured = formatText([result], { color: true, explain: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31merror  \u001b[0m');
    expect(coloured.match(/network namespace/g)?.length).toBeGreaterThanOrEqual(2);
    expect(plain).toContain('1 file, 1 error, 0 warnings');
  });
});
