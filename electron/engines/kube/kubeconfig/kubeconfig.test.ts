// Podwright reads kubeconfig files the way kubectl does: checked side by side with kubectl on the same files, against
// the stand-in API server (several files, first-wins merging, contexts, namespaces, exec credential plugins).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeconfigFor, kubectl, requireKubectl, StandIn } from '../testing';
import { Cluster } from '../connection/cluster';
import { ClusterError } from '../connection/errors';
import { loadKubeconfig } from './kubeconfig';

// kubectl's side of the checks: a failure under CI when kubectl is missing, elsewhere those cases skip with the reason.
const noKubectl = await requireKubectl();
const withKubectl = (name: string): string => (noKubectl ? `${name} (skipped: ${noKubectl})` : name);

let standIn: StandIn;
let dir: string;
let files: string[];

beforeAll(async () => {
  standIn = await StandIn.start();
  dir = mkdtempSync(join(tmpdir(), 'podwright-kubeconfig-test-'));
  mkdirSync(join(dir, 'team'));
  // File one: the current context, a token, and the "shared" cluster pointing at the stand-in.
  const one = kubeconfigFor(standIn, { contexts: [{ context: 'admin', cluster: 'shared', user: 'admin', auth: 'token', namespace: 'default' }], current: 'admin' }, dir);
  // File two: its own current-context (kubectl ignores it: the first file set one), an exec plugin, a client
  // certificate, a "shared" cluster of its own pointing nowhere (the first file's wins), and a relative CA path.
  const two = kubeconfigFor(
    standIn,
    {
      contexts: [
        { context: 'alice-exec', cluster: 'team-cluster', userEntry: 'alice-exec', user: 'alice', auth: 'exec', namespace: 'team-a' },
        { context: 'alice-cert', cluster: 'team-cluster', userEntry: 'alice-cert', user: 'alice', auth: 'certificate' },
        { context: 'shadow', cluster: 'shared', userEntry: 'alice-cert', user: 'alice', auth: 'certificate', server: 'https://127.0.0.1:9' },
        { context: 'insecure', cluster: 'insecure-cluster', userEntry: 'admin-insecure', user: 'admin', auth: 'token', insecure: true },
      ],
      current: 'alice-exec',
    },
    join(dir, 'team'),
  );
  const clusters = two.clusters as { name: string; cluster: Record<string, unknown> }[];
  writeFileSync(join(dir, 'team', 'ca.crt'), standIn.certificates!.ca);
  clusters.find((c) => c.name === 'team-cluster')!.cluster['certificate-authority'] = 'ca.crt';
  files = [join(dir, 'one.yaml'), join(dir, 'missing.yaml'), join(dir, 'team', 'two.yaml')];
  writeFileSync(files[0]!, stringify(one));
  writeFileSync(files[2]!, stringify(two));
});

afterAll(async () => {
  await standIn?.close();
});

const KUBECONFIG = (): string => files.join(delimiter);

describe('kubeconfig files, merged as kubectl merges them', () => {
  it.skipIf(noKubectl)(withKubectl('lists the same contexts, current context and namespaces as kubectl'), async () => {
    const loaded = loadKubeconfig({ KUBECONFIG: KUBECONFIG() });
    const names = await kubectl(['config', 'get-contexts', '-o', 'name'], KUBECONFIG());
    expect(names.code).toBe(0);
    expect(loaded.contexts.map((c) => c.name).sort()).toEqual(names.stdout.trim().split('\n').sort());
    const current = await kubectl(['config', 'current-context'], KUBECONFIG());
    expect(loaded.current).toBe(current.stdout.trim());
    expect(loaded.current).toBe('admin');
    const view = JSON.parse((await kubectl(['config', 'view', '-o', 'json'], KUBECONFIG())).stdout) as {
      clusters: { name: string; cluster: { server: string; 'certificate-authority'?: string } }[];
      contexts: { name: string; context: { namespace?: string; cluster: string; user: string } }[];
      users: { name: string; user: { exec?: { command: string } } }[];
    };
    for (const ctx of loaded.contexts) {
      const theirs = view.contexts.find((c) => c.name === ctx.name)!;
      expect(ctx.namespace).toBe(theirs.context.namespace ?? 'default');
      expect(ctx.cluster).toBe(theirs.context.cluster);
      const cluster = view.clusters.find((c) => c.name === ctx.cluster)!;
      expect(ctx.server).toBe(cluster.cluster.server);
    }
    // The first file's "shared" cluster wins: the shadow context reaches the stand-in, not port 9.
    expect(loaded.contexts.find((c) => c.name === 'shadow')!.server).toBe(standIn.url);
    // The relative CA path is resolved against the second file's folder (kubectl's view shows it as written; that
    // kubectl resolves it the same way is shown below, where it signs in through that cluster from another folder).
    expect(view.clusters.find((c) => c.name === 'team-cluster')!.cluster['certificate-authority']).toBe('ca.crt');
    expect(loaded.config.getCluster('team-cluster')!.caFile).toBe(join(dir, 'team', 'ca.crt'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.files).toEqual([files[0], files[2]]);
  });

  it('summarises each context by names, URLs and flags, never a credential', () => {
    const loaded = loadKubeconfig({ KUBECONFIG: KUBECONFIG() });
    const text = JSON.stringify(loaded.contexts);
    for (const s of standIn.signIns) if (s.token) expect(text).not.toContain(s.token);
    expect(text).not.toContain('BEGIN');
    expect(loaded.contexts.find((c) => c.name === 'insecure')).toMatchObject({ insecure: true, auth: 'token' });
    expect(loaded.contexts.find((c) => c.name === 'alice-exec')).toMatchObject({ insecure: false, auth: 'exec', namespace: 'team-a' });
    expect(loaded.contexts.find((c) => c.name === 'alice-cert')).toMatchObject({ auth: 'client-certificate', namespace: 'default' });
  });

  it('reads ~/.kube/config when KUBECONFIG is unset, and nothing when it is missing', () => {
    const home = mkdtempSync(join(tmpdir(), 'podwright-home-'));
    expect(loadKubeconfig({ home }).contexts).toEqual([]);
    mkdirSync(join(home, '.kube'));
    writeFileSync(join(home, '.kube', 'config'), stringify(kubeconfigFor(standIn, { contexts: [{ context: 'home', user: 'admin', auth: 'token' }] }, home)));
    expect(loadKubeconfig({ home }).contexts.map((c) => c.name)).toEqual(['home']);
    expect(loadKubeconfig({ home, KUBECONFIG: '' }).current).toBe('home');
  });

  it('says which file is not a kubeconfig, and keeps the others', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'clusters: [unclosed');
    const loaded = loadKubeconfig({ KUBECONFIG: [bad, files[0]].join(delimiter) });
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toContain(bad);
    expect(loaded.contexts.map((c) => c.name)).toEqual(['admin']);
  });
});

describe('each context signs in as kubectl does', () => {
  it.skipIf(noKubectl)(withKubectl('an exec credential plugin, a client certificate, a token and an insecure cluster all reach the stand-in'), async () => {
    const loaded = loadKubeconfig({ KUBECONFIG: KUBECONFIG() });
    for (const context of ['admin', 'alice-exec', 'alice-cert', 'insecure']) {
      const ours = await new Cluster(loaded, context).version();
      const theirs = await kubectl(['--context', context, 'version', '-o', 'json'], KUBECONFIG());
      expect(theirs.code, theirs.stderr).toBe(0);
      expect(ours.gitVersion).toBe((JSON.parse(theirs.stdout) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion);
    }
    // Both signed in as alice through the plugin: the stand-in saw the same user for both clients.
    standIn.requests.length = 0;
    await new Cluster(loaded, 'alice-exec').namespaces();
    await kubectl(['--context', 'alice-exec', 'get', 'namespaces', '-o', 'name'], KUBECONFIG());
    const users = new Set(standIn.requests.filter((r) => r.path === '/api/v1/namespaces').map((r) => r.user));
    expect([...users]).toEqual(['alice']);
  });

  it.skipIf(noKubectl)(withKubectl('may-create-pods answers as kubectl auth can-i does'), async () => {
    const loaded = loadKubeconfig({ KUBECONFIG: KUBECONFIG() });
    for (const [context, namespace] of [
      ['alice-cert', 'team-a'],
      ['alice-cert', 'default'],
      ['admin', 'default'],
    ] as const) {
      const ours = await new Cluster(loaded, context).mayCreatePods(namespace);
      const theirs = await kubectl(['--context', context, 'auth', 'can-i', 'create', 'pods', '-n', namespace], KUBECONFIG());
      expect(ours.allowed).toBe(theirs.stdout.trim() === 'yes');
    }
  });

  it('asks the access review once per namespace', async () => {
    const cluster = new Cluster(loadKubeconfig({ KUBECONFIG: KUBECONFIG() }), 'alice-cert');
    standIn.requests.length = 0;
    await cluster.mayCreatePods('team-a');
    await cluster.mayCreatePods('team-a');
    await cluster.mayCreatePods('default');
    expect(standIn.requests.filter((r) => r.path.endsWith('selfsubjectaccessreviews'))).toHaveLength(2);
  });
});

describe('connection failures in words', () => {
  it('names the server URL and the context when the cluster cannot be reached', async () => {
    const loaded = loadKubeconfig({ KUBECONFIG: KUBECONFIG() });
    const gone = new Cluster({ ...loaded, contexts: loaded.contexts.map((c) => (c.name === 'admin' ? { ...c, server: 'https://127.0.0.1:9' } : c)) }, 'admin');
    const err = await gone.version().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe('UNREACHABLE');
    expect((err as ClusterError).message).toContain('https://127.0.0.1:9');
    expect((err as ClusterError).message).toContain('"admin"');
  });

  it('says the server certificate is not trusted when the CA is missing', async () => {
    const path = join(dir, 'no-ca.yaml');
    const config = kubeconfigFor(standIn, { contexts: [{ context: 'no-ca', user: 'admin', auth: 'token' }] }, dir);
    delete (config.clusters as { cluster: Record<string, unknown> }[])[0]!.cluster['certificate-authority'];
    writeFileSync(path, stringify(config));
    const err = (await new Cluster(loadKubeconfig({ KUBECONFIG: path }), 'no-ca').version().catch((e: unknown) => e)) as ClusterError;
    expect(err.code).toBe('CERTIFICATE');
    expect(err.message).toContain(standIn.url);
  });

  it('says the credentials were refused (401), and which user', async () => {
    const path = join(dir, 'bad-token.yaml');
    const config = kubeconfigFor(standIn, { contexts: [{ context: 'bad', user: 'admin', auth: 'token' }] }, dir);
    (config.users as { user: Record<string, unknown> }[])[0]!.user.token = 'not-a-token';
    writeFileSync(path, stringify(config));
    const err = (await new Cluster(loadKubeconfig({ KUBECONFIG: path }), 'bad').namespaces().catch((e: unknown) => e)) as ClusterError;
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toContain('user "bad"');
  });

  it('says a failing credential plugin failed, with its words', async () => {
    const path = join(dir, 'bad-plugin.yaml');
    const script = join(dir, 'failing-plugin.mjs');
    writeFileSync(script, "process.stderr.write('token expired: run the login command again'); process.exit(1);\n");
    const config = kubeconfigFor(standIn, { contexts: [{ context: 'plugin', user: 'admin', auth: 'token' }] }, dir);
    (config.users as { user: Record<string, unknown> }[])[0]!.user = { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: [script] } };
    writeFileSync(path, stringify(config));
    const err = (await new Cluster(loadKubeconfig({ KUBECONFIG: path }), 'plugin').namespaces().catch((e: unknown) => e)) as ClusterError;
    expect(err.code).toBe('CREDENTIALS');
    expect(err.message).toContain('token expired: run the login command again');
  });

  it('says a context whose cluster is missing cannot be used', () => {
    const path = join(dir, 'dangling.yaml');
    writeFileSync(path, stringify({ apiVersion: 'v1', kind: 'Config', contexts: [{ name: 'dangling', context: { cluster: 'nowhere', user: 'nobody' } }], clusters: [], users: [] }));
    const loaded = loadKubeconfig({ KUBECONFIG: path });
    expect(loaded.contexts[0]!.problem).toContain('"nowhere"');
    expect(() => new Cluster(loaded, 'dangling')).toThrow(/cannot be used/);
  });
});
