// Kubeconfig files that point at a stand-in, as a user's would: a token, a client certificate, or an exec credential
// plugin (a small Node script that prints an ExecCredential, as `aws eks get-token` or `kubelogin` do).
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { StandIn } from './server';

export interface ContextSpec {
  context: string;
  /** The cluster entry's name (default: the context's). */
  cluster?: string;
  /** The user entry's name (default: the context's). */
  userEntry?: string;
  /** The stand-in user to sign in as. */
  user: string;
  auth: 'token' | 'certificate' | 'exec';
  namespace?: string;
  /** insecure-skip-tls-verify instead of the CA. */
  insecure?: boolean;
  /** Another server URL for the cluster entry (an unreachable one, say). */
  server?: string;
}

export interface KubeconfigSpec {
  contexts: ContextSpec[];
  current?: string;
}

/** Writes the exec plugin's script for a token into `dir` and returns the user entry that runs it. */
function execUser(dir: string, name: string, token: string): object {
  const script = join(dir, `credential-${name}.mjs`);
  writeFileSync(
    script,
    `// An exec credential plugin for tests: prints the token as an ExecCredential.\n` +
      `const info = process.env.KUBERNETES_EXEC_INFO ? JSON.parse(process.env.KUBERNETES_EXEC_INFO) : {};\n` +
      `process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion ?? 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(token)} } }));\n`,
  );
  chmodSync(script, 0o600);
  return {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: process.execPath,
      args: [script],
      interactiveMode: 'Never',
      provideClusterInfo: false,
    },
  };
}

/** A kubeconfig document (as an object) for the stand-in. */
export function kubeconfigFor(standIn: StandIn, spec: KubeconfigSpec, dir: string): Record<string, unknown> {
  const clusters = new Map<string, object>();
  const users = new Map<string, object>();
  const contexts: object[] = [];
  for (const c of spec.contexts) {
    const clusterName = c.cluster ?? c.context;
    const userName = c.userEntry ?? c.context;
    if (!clusters.has(clusterName)) {
      const cluster: Record<string, unknown> = { server: c.server ?? standIn.url };
      if (c.insecure) cluster['insecure-skip-tls-verify'] = true;
      else if (standIn.certificates) cluster['certificate-authority'] = standIn.certificates.caFile;
      clusters.set(clusterName, cluster);
    }
    if (!users.has(userName)) {
      const signIn = standIn.signIn(c.user);
      if (c.auth === 'token') users.set(userName, { token: signIn.token });
      else if (c.auth === 'certificate') users.set(userName, { 'client-certificate': signIn.certFile, 'client-key': signIn.keyFile });
      else users.set(userName, execUser(dir, userName, signIn.token!));
    }
    contexts.push({ name: c.context, context: { cluster: clusterName, user: userName, ...(c.namespace ? { namespace: c.namespace } : {}) } });
  }
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [...clusters].map(([name, cluster]) => ({ name, cluster })),
    users: [...users].map(([name, user]) => ({ name, user })),
    contexts,
    'current-context': spec.current ?? spec.contexts[0]?.context ?? '',
  };
}

export function writeKubeconfig(standIn: StandIn, spec: KubeconfigSpec, dir: string, file: string): string {
  const path = join(dir, file);
  writeFileSync(path, stringify(kubeconfigFor(standIn, spec, dir)), { mode: 0o600 });
  return path;
}
