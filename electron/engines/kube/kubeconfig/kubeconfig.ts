// The user's kubeconfig, read the way kubectl reads it: the files KUBECONFIG lists (missing ones skipped), else
// ~/.kube/config; merged so the first file to name a cluster, user or context wins, and the first to set
// current-context wins; relative paths resolved against the file that wrote them. What comes out is one client-node
// KubeConfig (which runs exec credential plugins, reads certificates and tokens, and honours proxy-url), and a summary
// of each context that carries names, URLs and flags only: never a credential.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { KubeConfig, type ConfigOptions } from '@kubernetes/client-node';
import { parse } from 'yaml';

/** A kubeconfig is small; a larger file is not one. */
const MAX_KUBECONFIG_BYTES = 4 * 1024 * 1024;

export type AuthKind = 'exec' | 'client-certificate' | 'token' | 'basic' | 'auth-provider' | 'none';

/** What the UI and the CLI may know of a context. */
export interface ContextSummary {
  name: string;
  cluster: string;
  user: string;
  /** The API server's URL, without any user:password part. */
  server: string;
  /** The context's namespace, else "default". */
  namespace: string;
  /** insecure-skip-tls-verify: the server's certificate is not checked. */
  insecure: boolean;
  auth: AuthKind;
  /** Through a proxy-url (shown without credentials). */
  proxy?: string;
  /** Why the context cannot be used (a missing cluster or user entry). */
  problem?: string;
}

export interface LoadedKubeconfig {
  /** The files read, in merge order. */
  files: string[];
  current?: string;
  contexts: ContextSummary[];
  /** Files that could not be read or parsed, in words. */
  problems: string[];
  /** A client-node KubeConfig of the merged files; the back end only. */
  config: KubeConfig;
}

export interface KubeconfigEnv {
  KUBECONFIG?: string;
  home?: string;
}

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The files kubectl would read: KUBECONFIG's entries (deduplicated, empty ones dropped), else ~/.kube/config. */
export function kubeconfigFiles(env: KubeconfigEnv = { KUBECONFIG: process.env.KUBECONFIG, home: homedir() }): string[] {
  if (env.KUBECONFIG && env.KUBECONFIG.trim() !== '') {
    const seen = new Set<string>();
    return env.KUBECONFIG.split(delimiter)
      .filter((f) => f !== '')
      .map((f) => resolve(f))
      .filter((f) => !seen.has(f) && Boolean(seen.add(f)));
  }
  return [join(env.home ?? homedir(), '.kube', 'config')];
}

/** A path in the file as kubectl resolves it: absolute stays, relative is against the file's folder. */
function resolvedAt(dir: string, path: unknown): unknown {
  return typeof path === 'string' && path !== '' && !isAbsolute(path) ? join(dir, path) : path;
}

function resolveEntry(kind: 'cluster' | 'user', entry: Raw, dir: string): Raw {
  const body = isRaw(entry[kind]) ? { ...(entry[kind] as Raw) } : {};
  if (kind === 'cluster') body['certificate-authority'] = resolvedAt(dir, body['certificate-authority']);
  else {
    for (const key of ['client-certificate', 'client-key', 'tokenFile']) body[key] = resolvedAt(dir, body[key]);
    // An exec command with a path separator is relative to the kubeconfig's folder; a bare name is looked up on PATH.
    if (isRaw(body.exec) && typeof body.exec.command === 'string' && body.exec.command.includes(sep))
      body.exec = { ...body.exec, command: resolvedAt(dir, body.exec.command) };
  }
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { ...entry, [kind]: body };
}

/** Reads and merges the kubeconfig files as kubectl does. */
export function loadKubeconfig(env?: KubeconfigEnv): LoadedKubeconfig {
  const files = kubeconfigFiles(env);
  const read: string[] = [];
  const problems: string[] = [];
  const maps: Record<'clusters' | 'users' | 'contexts', Map<string, Raw>> = { clusters: new Map(), users: new Map(), contexts: new Map() };
  let current: string | undefined;
  for (const file of files) {
    let text: string;
    try {
      const info = statSync(file);
      if (!info.isFile()) continue;
      if (info.size > MAX_KUBECONFIG_BYTES) {
        problems.push(`${file} is ${info.size} bytes; a kubeconfig may have at most ${MAX_KUBECONFIG_BYTES}.`);
        continue;
      }
      text = readFileSync(file, 'utf8');
    } catch {
      // kubectl skips a KUBECONFIG entry that does not exist.
      continue;
    }
    let doc: unknown;
    try {
      doc = text.trim() === '' ? {} : parse(text, { maxAliasCount: 100 });
    } catch (err) {
      problems.push(`${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    if (doc === null || doc === undefined) doc = {};
    if (!isRaw(doc)) {
      problems.push(`${file} is not a kubeconfig (a mapping with clusters, users and contexts).`);
      continue;
    }
    read.push(file);
    const dir = dirname(file);
    for (const [list, kind] of [['clusters', 'cluster'], ['users', 'user'], ['contexts', 'context']] as const) {
      const entries = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
      for (const entry of entries) {
        if (!isRaw(entry) || typeof entry.name !== 'string' || entry.name === '') continue;
        // The first file to name an entry wins, and a later one never changes it.
        if (maps[list].has(entry.name)) continue;
        maps[list].set(entry.name, kind === 'context' ? entry : resolveEntry(kind, entry, dir));
      }
    }
    if (current === undefined && typeof doc['current-context'] === 'string' && doc['current-context'] !== '') current = doc['current-context'];
  }
  const merged = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [...maps.clusters.values()],
    users: [...maps.users.values()],
    contexts: [...maps.contexts.values()],
    'current-context': current ?? '',
  };
  const config = new KubeConfig();
  // An entry client-node cannot read (a cluster without a server, say) is left out, not fatal, as kubectl lists the rest.
  const filter: ConfigOptions = { onInvalidEntry: 'filter' };
  config.loadFromString(JSON.stringify(merged), filter);
  return { files: read, current, contexts: [...maps.contexts.values()].map((c) => summarise(c, maps)), problems, config };
}

function serverWithoutUserinfo(server: string): string {
  try {
    const url = new URL(server);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return server.replace(/\/\/[^@/]*@/, '//');
  }
}

function summarise(entry: Raw, maps: Record<'clusters' | 'users' | 'contexts', Map<string, Raw>>): ContextSummary {
  const ctx = isRaw(entry.context) ? entry.context : {};
  const clusterName = typeof ctx.cluster === 'string' ? ctx.cluster : '';
  const userName = typeof ctx.user === 'string' ? ctx.user : '';
  const clusterEntry = maps.clusters.get(clusterName);
  const cluster = clusterEntry && isRaw(clusterEntry.cluster) ? clusterEntry.cluster : undefined;
  const userEntry = maps.users.get(userName);
  const user = userEntry && isRaw(userEntry.user) ? userEntry.user : undefined;
  const server = cluster && typeof cluster.server === 'string' ? serverWithoutUserinfo(cluster.server) : '';
  const proxy = cluster && typeof cluster['proxy-url'] === 'string' ? serverWithoutUserinfo(cluster['proxy-url']) : undefined;
  const summary: ContextSummary = {
    name: String(entry.name),
    cluster: clusterName,
    user: userName,
    server,
    namespace: typeof ctx.namespace === 'string' && ctx.namespace !== '' ? ctx.namespace : 'default',
    insecure: cluster?.['insecure-skip-tls-verify'] === true,
    auth: authKind(user),
    ...(proxy ? { proxy } : {}),
  };
  if (!cluster) summary.problem = `the context's cluster "${clusterName}" is not in the kubeconfig`;
  else if (!server) summary.problem = `the cluster "${clusterName}" has no server`;
  else if (userName && !user) summary.problem = `the context's user "${userName}" is not in the kubeconfig`;
  return summary;
}

function authKind(user: Raw | undefined): AuthKind {
  if (!user) return 'none';
  if (isRaw(user.exec)) return 'exec';
  if (user['client-certificate'] || user['client-certificate-data']) return 'client-certificate';
  if (user.token || user.tokenFile) return 'token';
  if (user.username) return 'basic';
  if (isRaw(user['auth-provider'])) return 'auth-provider';
  return 'none';
}
