// Records what a real Kubernetes API server says about the generated boundary Pods (server-side dry run), as the
// fixture shared/rules/fidelity.test.ts compares validatePod against (issue 17). A developer tool, run by hand:
//   npx tsx electron/tools/record-verdicts.ts --kubeconfig FILE [--seed 17] [--count 3000] [--out FILE.json[.gz]]
// It only reads: every Pod is posted with dryRun=All, so nothing is stored on the cluster.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { request } from 'node:https';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { bases, boundaryCases, podOf, type BoundaryCase } from '../../shared/rules/boundary-pods.test-support';

export interface Cause {
  field: string;
  reason: string;
  message: string;
}

/** 201: accepted. 422: invalid, with causes. 400: the body did not decode (a bad quantity, a wrong type). */
export interface Verdict {
  status: number;
  reason?: string;
  message?: string;
  causes?: Cause[];
}

interface Target {
  server: string;
  ca?: Buffer;
  token?: string;
  cert?: Buffer;
  key?: Buffer;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The current context's server and credentials (token or client certificate; CA data or file). */
function readKubeconfig(file: string): Target {
  const config: unknown = parse(readFileSync(file, 'utf8'));
  if (!isRecord(config)) throw new Error(`${file}: not a kubeconfig`);
  const named = (list: unknown, name: unknown, key: string): Record<string, unknown> => {
    const entry = Array.isArray(list) ? list.find((e) => isRecord(e) && e.name === name) : undefined;
    if (!isRecord(entry) || !isRecord(entry[key])) throw new Error(`${file}: no ${key} named ${String(name)}`);
    return entry[key];
  };
  const context = named(config.contexts, config['current-context'], 'context');
  const cluster = named(config.clusters, context.cluster, 'cluster');
  const user = named(config.users, context.user, 'user');
  const data = (inline: unknown, path: unknown): Buffer | undefined =>
    typeof inline === 'string'
      ? Buffer.from(inline, 'base64')
      : typeof path === 'string'
        ? readFileSync(path)
        : undefined;
  if (typeof cluster.server !== 'string' || !cluster.server.startsWith('https://'))
    throw new Error(`${file}: the cluster needs an https server`);
  return {
    server: cluster.server,
    ca: data(cluster['certificate-authority-data'], cluster['certificate-authority']),
    token: typeof user.token === 'string' ? user.token : undefined,
    cert: data(user['client-certificate-data'], user['client-certificate']),
    key: data(user['client-key-data'], user['client-key']),
  };
}

function post(target: Target, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, target.server),
      {
        method: 'POST',
        ca: target.ca,
        cert: target.cert,
        key: target.key,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Content-Length': Buffer.byteLength(body),
          ...(target.token ? { Authorization: `Bearer ${target.token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The server's verdict on one Pod; anything but accepted, invalid or undecodable stops the recording. */
export async function verdictOf(target: Target, pod: unknown): Promise<Verdict> {
  const res = await post(target, '/api/v1/namespaces/default/pods?dryRun=All', JSON.stringify(pod));
  if (res.status === 201) return { status: 201 };
  const status: unknown = JSON.parse(res.body);
  if (!isRecord(status) || status.kind !== 'Status') throw new Error(`unexpected ${res.status}: ${res.body}`);
  if (res.status === 422) {
    const details = isRecord(status.details) ? status.details : {};
    const causes = (Array.isArray(details.causes) ? details.causes : []).filter(isRecord).map((c) => ({
      field: String(c.field ?? ''),
      reason: String(c.reason ?? ''),
      message: String(c.message ?? ''),
    }));
    return { status: 422, reason: String(status.reason), causes };
  }
  if (res.status === 400) return { status: 400, reason: String(status.reason), message: String(status.message) };
  throw new Error(`unexpected ${res.status}: ${String(status.message)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      kubeconfig: { type: 'string', default: process.env.KUBECONFIG },
      seed: { type: 'string', default: '17' },
      count: { type: 'string', default: '3000' },
      out: { type: 'string', default: 'shared/rules/testdata/apiserver-verdicts.json.gz' },
      about: { type: 'string', default: '' },
    },
  });
  if (!values.kubeconfig) throw new Error('--kubeconfig (or KUBECONFIG) is required');
  const target = readKubeconfig(values.kubeconfig);
  const seed = Number(values.seed);
  const cases = boundaryCases(seed, Number(values.count));
  for (const name of Object.keys(bases)) {
    const verdict = await verdictOf(target, bases[name as keyof typeof bases]);
    if (verdict.status !== 201) throw new Error(`base ${name} is not accepted: ${JSON.stringify(verdict)}`);
  }
  const verdicts: Verdict[] = new Array<Verdict>(cases.length);
  let next = 0;
  // A few requests in flight: the server is local, and the order of the fixture stays the order of the cases.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < cases.length) {
        const i = next++;
        verdicts[i] = await verdictOf(target, podOf(cases[i]!));
      }
    }),
  );
  const version = await new Promise<string>((resolve, reject) => {
    const req = request(
      new URL('/version', target.server),
      {
        ca: target.ca,
        cert: target.cert,
        key: target.key,
        headers: target.token ? { Authorization: `Bearer ${target.token}` } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve(String((JSON.parse(body) as { gitVersion?: string }).gitVersion)));
      },
    );
    req.on('error', reject);
    req.end();
  });
  const text = fixtureText(version, values.about, seed, cases, verdicts);
  // Gzipped (a few thousand Pods are ~1.7 MB of JSON, ~150 KB compressed); `zcat FILE | grep` reads it.
  writeFileSync(values.out, values.out.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
  const accepted = verdicts.filter((v) => v.status === 201).length;
  process.stdout.write(
    `${cases.length} Pods: ${accepted} accepted, ${cases.length - accepted} rejected → ${values.out}\n`,
  );
}

/** One case per line, so a re-recording shows as a readable diff. */
function fixtureText(server: string, about: string, seed: number, cases: BoundaryCase[], verdicts: Verdict[]): string {
  const head = {
    about:
      'Verdicts of a real Kubernetes API server (server-side dry run) on Pods from shared/rules/boundary-pods.test-support.ts; ' +
      'recorded by electron/tools/record-verdicts.ts. Each case is bases[base] with patch applied ({"$repeat": [text, n]} is text repeated n times).',
    server: about ? `${server}: ${about}` : server,
    seed,
    count: cases.length,
    bases,
  };
  const lines = cases.map((c, i) => '    ' + JSON.stringify({ ...c, verdict: verdicts[i] }));
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headText},\n  "cases": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
