// One kubeconfig context as a connection to its cluster: requests through client-node's own transport options
// (certificates, tokens, exec credential plugins, proxies), answers read as JSON or streamed, failures turned into
// ClusterErrors in words. The credentials live here and in client-node only.
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import type { ContextSummary, LoadedKubeconfig } from '../kubeconfig/kubeconfig';
import { ClusterError, connectionError, statusError, type Where } from './errors';

export interface RequestInit {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ServerVersion {
  gitVersion: string;
  major?: string;
  minor?: string;
  platform?: string;
}

/** Where an object lives in the API: /api/v1/namespaces/ns/pods/name, /apis/apps/v1/... */
export function resourcePath(ref: { apiVersion: string; resource: string; namespace?: string; name?: string; subresource?: string }): string {
  const base = ref.apiVersion.includes('/') ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
  const ns = ref.namespace !== undefined ? `/namespaces/${encodeURIComponent(ref.namespace)}` : '';
  const name = ref.name !== undefined ? `/${encodeURIComponent(ref.name)}` : '';
  const sub = ref.subresource ? `/${ref.subresource}` : '';
  return `${base}${ns}/${ref.resource}${name}${sub}`;
}

function queryString(query: RequestInit['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** How long the options client-node worked out (an exec plugin's token among them) are reused; a 401 renews them. */
const AUTH_REUSE_MS = 60_000;

export class Cluster {
  readonly context: ContextSummary;
  /** A KubeConfig whose current context is this one, for client-node's exec and port-forward. */
  readonly kubeConfig: KubeConfig;
  private auth: { options: RequestOptions; at: number } | undefined;
  private readonly reviews = new Map<string, Promise<{ allowed: boolean; reason?: string }>>();

  constructor(loaded: LoadedKubeconfig, contextName: string) {
    const context = loaded.contexts.find((c) => c.name === contextName);
    if (!context) throw new ClusterError('CONTEXT', `The kubeconfig has no context "${contextName}".`, { context: contextName, server: '' }, undefined, { context: contextName });
    if (context.problem) throw new ClusterError('CONTEXT', `Context "${contextName}" cannot be used: ${context.problem}.`, { context: contextName, server: context.server }, undefined, { context: contextName, reason: context.problem });
    this.context = context;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: loaded.config.getClusters(),
      users: loaded.config.getUsers(),
      contexts: loaded.config.getContexts(),
      currentContext: contextName,
    });
    this.kubeConfig = kc;
  }

  get where(): Where {
    return { context: this.context.name, server: this.context.server, user: this.context.user };
  }

  private async options(renew = false): Promise<RequestOptions> {
    if (!renew && this.auth && Date.now() - this.auth.at < AUTH_REUSE_MS) return this.auth.options;
    const options: RequestOptions = {};
    try {
      await this.kubeConfig.applyToHTTPSOptions(options as Parameters<KubeConfig['applyToHTTPSOptions']>[0]);
    } catch (err) {
      throw connectionError(Object.assign(err instanceof Error ? err : new Error(String(err)), { name: 'ExecCredentialError' }), this.where);
    }
    this.auth = { options, at: Date.now() };
    return options;
  }

  /** Sends one request; resolves with the response once its headers arrive (any status). */
  private async send(method: string, path: string, init: RequestInit, renew = false): Promise<IncomingMessage> {
    const base = await this.options(renew);
    const url = new URL(`${this.context.server.replace(/\/$/, '')}${path}${queryString(init.query)}`);
    const body =
      init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'podwright', ...((base.headers as Record<string, string>) ?? {}) };
    if (body !== undefined) {
      headers['Content-Type'] = init.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const signals = [init.signal, init.timeoutMs ? AbortSignal.timeout(init.timeoutMs) : undefined].filter((s): s is AbortSignal => Boolean(s));
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req = send(url, { ...base, method, headers, signal: signals.length ? AbortSignal.any(signals) : undefined }, resolve);
      req.on('error', (err) => {
        const timedOut = signals.some((s) => s.aborted && (s.reason as Error | undefined)?.name === 'TimeoutError');
        if (init.signal?.aborted) reject(init.signal.reason ?? err);
        else reject(connectionError(timedOut ? Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }) : err, this.where));
      });
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  private async answer(method: string, path: string, init: RequestInit): Promise<IncomingMessage> {
    let res = await this.send(method, path, init);
    if (res.statusCode === 401 && this.auth) {
      // The reused token may have expired: ask the credential plugin again, once.
      res.resume();
      res = await this.send(method, path, init, true);
    }
    return res;
  }

  /** A request whose answer is JSON; a non-2xx answer throws a ClusterError made from its Status. */
  async request<T>(method: string, path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.answer(method, path, { timeoutMs: 20_000, ...init });
    const text = await readAll(res, 64 * 1024 * 1024);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML page, say): kept as text for the message.
    }
    const code = res.statusCode ?? 0;
    if (code < 200 || code >= 300) throw statusError(code, body, this.where);
    return body as T;
  }

  /** A request whose 2xx answer is read as a stream (watch, log follow); anything else throws like request(). */
  async stream(path: string, init: RequestInit = {}): Promise<IncomingMessage> {
    const res = await this.answer('GET', path, init);
    const code = res.statusCode ?? 0;
    if (code >= 200 && code < 300) return res;
    const text = await readAll(res, 1024 * 1024);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text
    }
    throw statusError(code, body, this.where);
  }

  version(timeoutMs = 5000): Promise<ServerVersion> {
    return this.request<ServerVersion>('GET', '/version', { timeoutMs });
  }

  /** Whether this user may create Pods in `namespace` (SelfSubjectAccessReview), asked once per namespace. */
  mayCreatePods(namespace: string): Promise<{ allowed: boolean; reason?: string }> {
    let answer = this.reviews.get(namespace);
    if (!answer) {
      answer = this.request<{ status?: { allowed?: boolean; reason?: string } }>('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { namespace, verb: 'create', resource: 'pods' } },
        },
        timeoutMs: 5000,
      }).then((r) => ({ allowed: r.status?.allowed === true, ...(r.status?.reason ? { reason: r.status.reason } : {}) }));
      // A failed question is asked again next time; an answer is kept.
      answer.catch(() => this.reviews.delete(namespace));
      this.reviews.set(namespace, answer);
    }
    return answer;
  }

  /** The namespaces the user may list, or undefined when listing them is forbidden. */
  async namespaces(): Promise<string[] | undefined> {
    try {
      const list = await this.request<{ items?: { metadata?: { name?: string } }[] }>('GET', '/api/v1/namespaces', { timeoutMs: 5000 });
      return (list.items ?? []).map((n) => n.metadata?.name ?? '').filter(Boolean).sort();
    } catch (err) {
      if (err instanceof ClusterError && err.code === 'FORBIDDEN') return undefined;
      throw err;
    }
  }

  async namespaceExists(namespace: string): Promise<boolean | undefined> {
    try {
      await this.request('GET', resourcePath({ apiVersion: 'v1', resource: 'namespaces', name: namespace }), { timeoutMs: 5000 });
      return true;
    } catch (err) {
      if (err instanceof ClusterError && err.code === 'NOT_FOUND') return false;
      if (err instanceof ClusterError && err.code === 'FORBIDDEN') return undefined;
      throw err;
    }
  }

  async createNamespace(namespace: string): Promise<void> {
    await this.request('POST', '/api/v1/namespaces', {
      query: { fieldManager: 'podwright' },
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'app.kubernetes.io/managed-by': 'podwright' } } },
    });
  }
}

async function readAll(res: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.destroy();
      throw new Error(`the answer is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
