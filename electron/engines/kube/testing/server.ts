// The strict stand-in Kubernetes API server for Podwright's tests: HTTPS with a client certificate or a bearer token,
// discovery, namespaces, server-side apply (content type, field manager, dryRun, 409 conflicts with managedFields),
// create/update/delete, list+watch with resourceVersion, bookmarks and 410 Gone, SelfSubjectAccessReview, chunked
// log follow, and exec and port-forward over the WebSocket channel protocol. Behind it, cluster.ts simulates the
// scheduler, the kubelets and the controllers. README.md says what it checks, simulates, and leaves out.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import { parse as parseYaml } from 'yaml';
import { makeCertificates, type Certificates } from './certs';
import { ClusterSimulation, defaultTiming, type NodeSetting, type SimulationTiming } from './cluster';
import {
  canonical,
  decodePath,
  describePath,
  fieldSet,
  isObject,
  mergeApplied,
  removeAt,
  toFieldsV1,
  valueAt,
  type Json,
  type JsonObject,
} from './fields';
import { defaultObject, forbiddenPodUpdate, validateObject } from './objects';
import { apiVersionOf, groupList, resourceList, resourceTypes, reviewType, typeByKind, typeByResource, type ResourceType } from './resources';
import { selfSubjectAccessReview } from './protobuf';
import { isShell, KNOWN_PROGRAMS, runCommand, runScript, scriptOf, type ShellContext } from './shell';
import {
  alreadyExists,
  badRequest,
  failure,
  forbidden,
  invalid,
  notFound,
  StatusError,
  success,
  unauthorized,
  type Status,
} from './status';
import { matcher, metaOf, Store, type Change, type ManagerEntry } from './store';

export interface AccessRule {
  verbs: string[];
  /** Resource names, `pods/exec` style for subresources; `*` for all. */
  resources: string[];
  /** `*` for every namespace (and the cluster scope). */
  namespaces: string[];
}

export interface StandInUser {
  name: string;
  groups?: string[];
  /** Signs in with a bearer token (one is made when true). */
  token?: boolean;
  /** Signs in with a client certificate (CN = name). */
  certificate?: boolean;
  rules: AccessRule[];
}

export interface AdmissionDenial {
  webhook: string;
  kind: string;
  namespace?: string;
  message: string;
  code?: number;
}

export interface StandInOptions {
  /** HTTPS with certificates (default); false serves plain HTTP. */
  tls?: boolean;
  gitVersion?: string;
  nodes?: NodeSetting[];
  timing?: Partial<SimulationTiming>;
  unpullable?: string[];
  users?: StandInUser[];
  namespaces?: string[];
  /** How many changes watches can resume from before `410 Gone`. */
  historyLimit?: number;
  /** Between two BOOKMARK events of a watch that asked for them. */
  bookmarkMs?: number;
  denials?: AdmissionDenial[];
  /** Pod count quotas: `exceeded quota` past `pods` Pods in the namespace. */
  quotas?: { namespace: string; name: string; pods: number }[];
}

export interface SignIn {
  name: string;
  token?: string;
  certFile?: string;
  keyFile?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  contentType?: string;
  user?: string;
}

const all: AccessRule = { verbs: ['*'], resources: ['*'], namespaces: ['*'] };

export const defaultUsers: StandInUser[] = [
  { name: 'admin', groups: ['system:masters'], token: true, certificate: true, rules: [all] },
  // Reads everything; writes only in team-a.
  {
    name: 'alice',
    groups: ['devs'],
    token: true,
    certificate: true,
    rules: [
      { verbs: ['get', 'list', 'watch'], resources: ['*'], namespaces: ['*'] },
      { verbs: ['*'], resources: ['*'], namespaces: ['team-a'] },
    ],
  },
];

export const defaultNodes: NodeSetting[] = [
  { name: 'node-1', cpu: '2', memory: '4Gi' },
  { name: 'node-2', cpu: '2', memory: '4Gi' },
  { name: 'node-3', cpu: '2', memory: '4Gi' },
];

interface Route {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

function allows(rules: AccessRule[], verb: string, resource: string, namespace: string | undefined): boolean {
  return rules.some(
    (r) =>
      (r.verbs.includes('*') || r.verbs.includes(verb)) &&
      (r.resources.includes('*') || r.resources.includes(resource)) &&
      (r.namespaces.includes('*') || (namespace !== undefined && r.namespaces.includes(namespace))),
  );
}

function queryFlag(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}

async function readBody(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<string> {
  return (await readRaw(req, limit)).toString('utf8');
}

async function readRaw(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function gvkText(body: JsonObject): string {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `${group}/${version}, Kind=${typeof body.kind === 'string' ? body.kind : ''}`;
}

const nowSeconds = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export class StandIn {
  readonly store: Store;
  readonly simulation: ClusterSimulation;
  readonly requests: RequestRecord[] = [];
  readonly signIns: SignIn[] = [];
  readonly certificates?: Certificates;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<ServerResponse>();
  private readonly sessions = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    // Exec speaks v5 (stdin close) or v4; port-forward v4 only, as the kubelet's streaming server does.
    handleProtocols: (offered, req) => channelProtocols(req.url ?? '').find((p) => offered.has(p)) ?? false,
  });
  private readonly tokens = new Map<string, StandInUser>();
  private readonly users: StandInUser[];
  private readonly gitVersion: string;
  private readonly bookmarkMs: number;
  private readonly options: StandInOptions;
  url = '';

  private constructor(options: StandInOptions) {
    this.options = options;
    this.store = new Store(options.historyLimit ?? 2000);
    this.users = options.users ?? defaultUsers;
    this.gitVersion = options.gitVersion ?? 'v1.34.1';
    this.bookmarkMs = options.bookmarkMs ?? 1000;
    for (const user of this.users) {
      if (!user.token) continue;
      const token = randomBytes(24).toString('hex');
      this.tokens.set(token, user);
      this.signIns.push({ name: user.name, token });
    }
    if (options.tls !== false) {
      this.certificates = makeCertificates(this.users.filter((u) => u.certificate).map((u) => ({ name: u.name, groups: u.groups })));
      for (const [name, files] of Object.entries(this.certificates.clients)) this.signIns.push({ name, ...files });
    }
    const types = typeByKind('Namespace')!;
    for (const name of options.namespaces ?? ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      const ns: JsonObject = { metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } };
      defaultObject('Namespace', ns);
      this.store.put(types, ns);
    }
    this.simulation = new ClusterSimulation(this.store, {
      nodes: options.nodes ?? defaultNodes,
      timing: { ...defaultTiming, ...options.timing },
      unpullable: options.unpullable ?? [],
      admitPod: (namespace, name) => this.quotaRefusal(namespace, name),
    });
    const handler = (req: IncomingMessage, res: ServerResponse): void => void this.handle(req, res);
    this.server = this.certificates
      ? createHttpsServer(
          { cert: this.certificates.serverCert, key: this.certificates.serverKey, ca: this.certificates.ca, requestCert: true, rejectUnauthorized: false },
          handler,
        )
      : createHttpServer(handler);
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('secureConnection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => void this.upgrade(req, socket, head));
  }

  /** Starts a stand-in on 127.0.0.1 and a free port. */
  static async start(options: StandInOptions = {}): Promise<StandIn> {
    const standIn = new StandIn(options);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    const port = (standIn.server.address() as AddressInfo).port;
    standIn.url = `${options.tls === false ? 'http' : 'https'}://127.0.0.1:${port}`;
    return standIn;
  }

  signIn(name: string): SignIn {
    const found = this.signIns.filter((s) => s.name === name);
    if (found.length === 0) throw new Error(`the stand-in has no user ${name}`);
    return { name, ...Object.assign({}, ...found) };
  }

  /** How many watch and log-follow streams are open now. */
  get openStreams(): number {
    return this.watches.size;
  }

  /** Ends every open watch's connection, as a load balancer dropping idle connections would. */
  dropWatches(): number {
    const n = this.watches.size;
    for (const res of this.watches) res.socket?.destroy();
    this.watches.clear();
    return n;
  }

  async close(): Promise<void> {
    this.simulation.stop();
    for (const ws of this.sessions) ws.terminate();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------------ the request path

  private authenticate(req: IncomingMessage): StandInUser | undefined {
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/.exec(header);
      const user = m ? this.tokens.get(m[1]!) : undefined;
      if (!user) throw unauthorized();
      return user;
    }
    const socket = req.socket as TLSSocket;
    if (typeof socket.getPeerCertificate === 'function' && socket.authorized) {
      const cn = socket.getPeerCertificate()?.subject?.CN;
      const user = this.users.find((u) => u.certificate && u.name === cn);
      if (user) return user;
    }
    return undefined;
  }

  private authorize(user: StandInUser, verb: string, route: Route, resource = route.type.resource): void {
    const full = route.subresource ? `${resource}/${route.subresource}` : resource;
    if (allows(user.rules, verb, full, route.type.namespaced ? route.namespace : undefined)) return;
    throw forbidden(user.name, verb, full, route.type.group, route.type.namespaced ? route.namespace : undefined, route.name);
  }

  private record(req: IncomingMessage, url: URL, user?: StandInUser): void {
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      contentType: req.headers['content-type'],
      user: user?.name,
    });
    if (this.requests.length > 5000) this.requests.splice(0, 1000);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://stand-in');
    try {
      const user = this.authenticate(req);
      this.record(req, url, user);
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (path === '/version') return this.json(res, 200, this.version());
      if (path === '/healthz' || path === '/readyz' || path === '/livez') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return void res.end('ok');
      }
      if (!user) throw unauthorized();
      if (path === '/api') return this.json(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: url.host }] });
      if (path === '/apis') return this.json(res, 200, groupList());
      const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(\/.*)?$/.exec(path);
      if (!m) throw failure(404, 'NotFound', 'the server could not find the requested resource');
      const group = m[2] ?? '';
      const version = m[1] ?? m[3]!;
      const rest = (m[4] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
      if (rest.length === 0) {
        if (!(group === '' || resourceTypes.some((t) => t.group === group) || group === reviewType.group) || version !== 'v1')
          throw failure(404, 'NotFound', 'the server could not find the requested resource');
        return this.json(res, 200, resourceList(group, version));
      }
      if (group === reviewType.group && rest[0] === reviewType.resource) return await this.review(req, res, user);
      const route = this.route(group, version, rest);
      await this.serve(req, res, url.searchParams, route, user);
    } catch (err) {
      this.fail(res, err);
    }
  }

  private route(group: string, version: string, rest: string[]): Route {
    let namespace: string | undefined;
    let parts = rest;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      parts = rest.slice(2);
    }
    const [resource, name, subresource, ...extra] = parts;
    const type = typeByResource(group, version, resource ?? '');
    if (!type || extra.length > 0) throw failure(404, 'NotFound', 'the server could not find the requested resource');
    if (!type.namespaced && namespace !== undefined) throw failure(404, 'NotFound', 'the server could not find the requested resource');
    return { type, namespace, name, subresource };
  }

  private version(): object {
    const [major, minor] = this.gitVersion.replace(/^v/, '').split('.');
    return {
      major,
      minor,
      emulationMajor: major,
      emulationMinor: minor,
      minCompatibilityMajor: major,
      minCompatibilityMinor: String(Number(minor) - 1),
      gitVersion: this.gitVersion,
      gitCommit: '0000000000000000000000000000000000000000',
      gitTreeState: 'clean',
      buildDate: '2026-01-01T00:00:00Z',
      goVersion: 'go1.24.0',
      compiler: 'gc',
      platform: 'linux/amd64',
    };
  }

  private json(res: ServerResponse, code: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
    res.end(text);
  }

  private fail(res: ServerResponse, err: unknown): void {
    const status: Status =
      err instanceof StatusError ? err.status : { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(err), reason: 'InternalError', code: 500 };
    if (res.headersSent) return void res.destroy();
    this.json(res, status.code ?? 500, status);
  }

  private namespaceMustExist(route: Route): void {
    if (!route.type.namespaced || route.namespace === undefined) return;
    if (!this.store.get(typeByKind('Namespace')!, undefined, route.namespace)) throw notFound('namespaces', route.namespace);
  }

  private async serve(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, route: Route, user: StandInUser): Promise<void> {
    const method = req.method ?? 'GET';
    if (route.subresource === 'log' && method === 'GET') {
      this.authorize(user, 'get', route);
      return this.logs(res, q, route);
    }
    if (route.subresource) throw failure(404, 'NotFound', 'the server could not find the requested resource');
    if (method === 'GET' && !route.name) {
      const watching = queryFlag(q, 'watch');
      this.authorize(user, watching ? 'watch' : 'list', route);
      return watching ? this.watch(res, q, route) : this.list(res, q, route);
    }
    if (method === 'GET') {
      this.authorize(user, 'get', route);
      const obj = this.store.get(route.type, route.namespace, route.name!);
      if (!obj) throw notFound(route.type.resource, route.name!);
      return this.json(res, 200, obj);
    }
    if (method === 'PATCH' && route.name) {
      this.authorize(user, 'patch', route);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const body = await readBody(req);
      if (type === 'application/apply-patch+yaml' || type === 'application/apply-patch+cbor') {
        if (type.endsWith('cbor')) throw failure(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {});
        const { code, object } = this.apply(route, body, q, req, user);
        return this.json(res, code, object);
      }
      if (type === 'application/merge-patch+json' || type === 'application/strategic-merge-patch+json') {
        return this.json(res, 200, this.mergePatch(route, body, q, req));
      }
      throw failure(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {});
    }
    if (method === 'POST' && !route.name) {
      this.authorize(user, 'create', route);
      jsonBody(req);
      const { code, object } = this.create(route, await readBody(req), q, req);
      return this.json(res, code, object);
    }
    if (method === 'PUT' && route.name) {
      this.authorize(user, 'update', route);
      jsonBody(req);
      return this.json(res, 200, this.update(route, await readBody(req), q, req));
    }
    if (method === 'DELETE' && route.name) {
      this.authorize(user, 'delete', route);
      const { code, object } = this.delete(route, await readBody(req), q);
      return this.json(res, code, object);
    }
    throw failure(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }

  // ------------------------------------------------------------------ list and watch

  private selectors(q: URLSearchParams): (obj: JsonObject) => boolean {
    const match = matcher({ labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
    if (match instanceof Error) throw badRequest(match.message);
    return match;
  }

  private list(res: ServerResponse, q: URLSearchParams, route: Route): void {
    const rv = q.get('resourceVersion');
    if (rv && rv !== '0') {
      if (!/^\d+$/.test(rv))
        throw badRequest(`invalid resource version: resourceVersion: Invalid value: "${rv}": strconv.ParseUint: parsing "${rv}": invalid syntax`);
      if (Number(rv) > this.store.resourceVersion)
        throw failure(504, 'Timeout', `Timeout: Too large resource version: ${rv}, current: ${this.store.resourceVersion}`, {
          causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
          retryAfterSeconds: 1,
        });
    }
    const items = this.store.list(route.type, route.namespace, this.selectors(q));
    this.json(res, 200, {
      kind: `${route.type.kind}List`,
      apiVersion: apiVersionOf(route.type),
      metadata: { resourceVersion: String(this.store.resourceVersion) },
      items: items.map((o) => {
        delete o.apiVersion;
        delete o.kind;
        return o;
      }),
    });
  }

  private watch(res: ServerResponse, q: URLSearchParams, route: Route): void {
    const rv = q.get('resourceVersion') ?? '';
    if (rv !== '' && !/^\d+$/.test(rv))
      throw failure(500, undefined, `resourceVersion: Invalid value: "${rv}": strconv.ParseUint: parsing "${rv}": invalid syntax`);
    const match = this.selectors(q);
    const wanted = (c: Change): boolean =>
      c.resource === route.type && (route.namespace === undefined || metaOf(c.object).namespace === route.namespace) && match(c.object);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();
    const send = (type: string, object: unknown): boolean => !res.writableEnded && !res.destroyed && res.write(`${JSON.stringify({ type, object })}\n`);
    res.on('error', () => undefined);
    if (rv === '' || rv === '0') {
      for (const obj of this.store.list(route.type, route.namespace, match)) send('ADDED', obj);
    } else {
      const changes = this.store.changesSince(Number(rv));
      if (!changes) {
        send('ERROR', { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rv} (${this.store.oldestResumable + 1})`, reason: 'Expired', code: 410 });
        return void res.end();
      }
      for (const c of changes.filter(wanted)) send(c.type, c.object);
    }
    this.watches.add(res);
    const unsubscribe = this.store.subscribe((c) => {
      if (wanted(c)) send(c.type, c.object);
    });
    const bookmarks = queryFlag(q, 'allowWatchBookmarks')
      ? setInterval(
          () => send('BOOKMARK', { kind: route.type.kind, apiVersion: apiVersionOf(route.type), metadata: { resourceVersion: String(this.store.resourceVersion) } }),
          this.bookmarkMs,
        )
      : undefined;
    const seconds = Number(q.get('timeoutSeconds') ?? '1800');
    const timeout = setTimeout(() => {
      done();
      res.end();
    }, Math.max(1, seconds) * 1000);
    const done = (): void => {
      unsubscribe();
      clearTimeout(timeout);
      if (bookmarks) clearInterval(bookmarks);
      this.watches.delete(res);
    };
    res.on('close', done);
    res.on('finish', done);
  }

  // ------------------------------------------------------------------ writes

  private parseObject(text: string, yaml: boolean): JsonObject {
    let value: unknown;
    try {
      value = yaml ? parseYaml(text) : JSON.parse(text);
    } catch (err) {
      throw badRequest(`error decoding ${yaml ? 'YAML' : 'JSON'}: ${(err as Error).message}`);
    }
    if (!isObject(value)) throw badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml');
    return value;
  }

  private checkIdentity(route: Route, body: JsonObject): void {
    if (body.kind !== route.type.kind || body.apiVersion !== apiVersionOf(route.type)) {
      if (typeof body.kind !== 'string' || typeof body.apiVersion !== 'string' || !typeByKind(body.kind)) throw badRequest(`invalid object type: ${gvkText(body)}`);
      throw badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersionOf(route.type)})`);
    }
    const meta = isObject(body.metadata) ? body.metadata : {};
    if (route.name !== undefined && meta.name !== undefined && meta.name !== route.name)
      throw badRequest(`the name of the object (${String(meta.name)}) does not match the name on the URL (${route.name})`);
    if (route.type.namespaced && meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== route.namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }

  private dryRun(q: URLSearchParams, options: string): boolean {
    const values = q.getAll('dryRun');
    const bad = values.filter((v) => v !== 'All');
    if (bad.length > 0)
      throw invalid(options, 'meta.k8s.io', '', [
        { reason: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(bad)}: supported values: "All"`, field: 'dryRun' },
      ]);
    return values.length > 0;
  }

  /** Admission: the quota and the webhooks the test configured, then validation in the server's words. */
  private admit(route: Route, obj: JsonObject, creating: boolean): void {
    const name = String(metaOf(obj).name ?? '');
    const causes = validateObject(route.type.kind, obj);
    if (causes.length > 0) throw invalid(route.type.kind, route.type.group, name, causes);
    for (const d of this.options.denials ?? []) {
      if (d.kind !== route.type.kind || (d.namespace && d.namespace !== route.namespace)) continue;
      const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `admission webhook "${d.webhook}" denied the request: ${d.message}`, code: d.code ?? 400 };
      throw new StatusError(status);
    }
    if (creating && route.type.kind === 'Pod' && route.namespace) {
      const refusal = this.quotaRefusal(route.namespace, name);
      if (refusal) throw failure(403, 'Forbidden', refusal, { name, kind: 'pods' });
    }
  }

  /** The quota's refusal of one more Pod in `namespace`, in the server's words, or undefined. */
  private quotaRefusal(namespace: string, name: string): string | undefined {
    for (const quota of this.options.quotas ?? []) {
      if (quota.namespace !== namespace) continue;
      const used = this.store.list(typeByKind('Pod')!, namespace).filter((p) => !['Succeeded', 'Failed'].includes(String(isObject(p.status) ? p.status.phase : ''))).length;
      if (used + 1 > quota.pods) return `pods "${name}" is forbidden: exceeded quota: ${quota.name}, requested: pods=1, used: pods=${used}, limited: pods=${quota.pods}`;
    }
    return undefined;
  }

  private managerName(q: URLSearchParams, req: IncomingMessage): string {
    const explicit = q.get('fieldManager');
    if (explicit) return explicit;
    const agent = req.headers['user-agent'] ?? 'unknown';
    return agent.split('/')[0]!.slice(0, 128);
  }

  private apply(route: Route, text: string, q: URLSearchParams, _req: IncomingMessage, _user: StandInUser): { code: number; object: JsonObject } {
    const manager = q.get('fieldManager');
    if (!manager)
      throw invalid('PatchOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }]);
    const dry = this.dryRun(q, 'PatchOptions');
    const force = queryFlag(q, 'force');
    const applied = this.parseObject(text, true);
    this.checkIdentity(route, applied);
    this.namespaceMustExist(route);
    const name = route.name!;
    const live = this.store.get(route.type, route.namespace, name);
    const appliedMeta = metaOf(applied);
    if (appliedMeta.resourceVersion !== undefined && live && appliedMeta.resourceVersion !== metaOf(live).resourceVersion)
      throw failure(409, 'Conflict', `Operation cannot be fulfilled on ${route.type.resource}${route.type.group ? `.${route.type.group}` : ''} "${name}": the object has been modified; please apply your changes to the latest version and try again`, {
        name,
        ...(route.type.group ? { group: route.type.group } : {}),
        kind: route.type.resource,
      });
    delete appliedMeta.managedFields;
    delete appliedMeta.resourceVersion;
    delete applied.status;
    const mine = fieldSet(applied);
    const managers: ManagerEntry[] = this.store.managersOf(route.type, route.namespace, name).map((m) => ({ ...m, fields: new Set(m.fields) }));
    const others = managers.filter((m) => !(m.manager === manager && m.operation === 'Apply'));
    const conflicts: { manager: ManagerEntry; path: string }[] = [];
    if (live) {
      for (const other of others)
        for (const path of mine) {
          if (path.endsWith('\u0000.') || !other.fields.has(path)) continue;
          const { path: p } = decodePath(path);
          if (canonical(valueAt(live, p)) !== canonical(valueAt(applied, p))) conflicts.push({ manager: other, path });
        }
    }
    if (conflicts.length > 0 && !force) throw conflictError(conflicts);
    let result: JsonObject = live ? structuredClone(live) : { apiVersion: applied.apiVersion ?? null, kind: applied.kind ?? null, metadata: { name, ...(route.namespace ? { namespace: route.namespace } : {}) } };
    const previous = managers.find((m) => m.manager === manager && m.operation === 'Apply');
    if (previous) {
      for (const path of previous.fields) {
        if (mine.has(path) || others.some((o) => o.fields.has(path))) continue;
        removeAt(result, decodePath(path).path);
      }
    }
    const { apiVersion: _a, kind: _k, ...body } = applied;
    result = mergeApplied(result, body as JsonObject);
    metaOf(result).name = name;
    if (route.namespace) metaOf(result).namespace = route.namespace;
    for (const c of conflicts) c.manager.fields.delete(c.path);
    const time = nowSeconds();
    const entry: ManagerEntry = { manager, operation: 'Apply', apiVersion: apiVersionOf(route.type), time, fields: mine };
    const next = [...managers.filter((m) => m !== previous && m.fields.size > 0)];
    next.splice(previous ? Math.min(managers.indexOf(previous), next.length) : next.length, 0, entry);
    return this.commit(route, live, result, next, dry);
  }

  private commit(route: Route, live: JsonObject | undefined, result: JsonObject, managers: ManagerEntry[], dry: boolean): { code: number; object: JsonObject } {
    defaultObject(route.type.kind, result);
    if (live) {
      result.status = live.status ?? null;
      if (route.type.kind === 'Pod') {
        const why = forbiddenPodUpdate(live, result);
        if (why) throw invalid('Pod', '', String(metaOf(result).name), [{ reason: 'FieldValueForbidden', message: why, field: 'spec' }]);
      }
    }
    this.admit(route, result, !live);
    const meta = metaOf(result);
    const generation = typeof meta.generation === 'number' ? meta.generation : 0;
    meta.generation = !live ? 1 : canonical(live.spec) !== canonical(result.spec) ? generation + 1 : generation;
    if (dry) {
      // A dry run answers with what would be stored, managedFields and all, and stores nothing.
      const preview = structuredClone(result);
      metaOf(preview).managedFields = managers.map((m) => ({ manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, time: m.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(m.fields) }));
      if (!live) {
        metaOf(preview).uid = randomUUID();
        metaOf(preview).creationTimestamp = nowSeconds();
      }
      preview.apiVersion = apiVersionOf(route.type);
      preview.kind = route.type.kind;
      return { code: live ? 200 : 201, object: preview };
    }
    return { code: live ? 200 : 201, object: this.store.put(route.type, result, managers) };
  }

  private create(route: Route, text: string, q: URLSearchParams, req: IncomingMessage): { code: number; object: JsonObject } {
    const dry = this.dryRun(q, 'CreateOptions');
    const body = this.parseObject(text, false);
    this.checkIdentity(route, body);
    const meta = metaOf(body);
    if (typeof meta.generateName === 'string' && !meta.name) meta.name = `${meta.generateName}${Math.random().toString(36).slice(2, 7)}`;
    const name = String(meta.name ?? '');
    if (route.type.namespaced) meta.namespace = route.namespace ?? 'default';
    this.namespaceMustExist(route.type.namespaced ? { ...route, namespace: String(meta.namespace) } : route);
    if (name && this.store.get(route.type, route.type.namespaced ? String(meta.namespace) : undefined, name)) throw alreadyExists(route.type.resource, route.type.group, name);
    delete meta.managedFields;
    delete meta.resourceVersion;
    const managers: ManagerEntry[] = [{ manager: this.managerName(q, req), operation: 'Update', apiVersion: apiVersionOf(route.type), time: nowSeconds(), fields: fieldSet(body) }];
    return this.commit({ ...route, name, namespace: route.type.namespaced ? String(meta.namespace) : undefined }, undefined, body, managers, dry);
  }

  /** An Update: the writer takes the fields it changed, from whoever owned them. */
  private updateManagers(route: Route, live: JsonObject, next: JsonObject, manager: string): ManagerEntry[] {
    const changed = [...fieldSet(next)].filter((p) => {
      const { path } = decodePath(p);
      return canonical(valueAt(live, path)) !== canonical(valueAt(next, path));
    });
    const managers = this.store.managersOf(route.type, route.namespace, route.name!).map((m) => ({ ...m, fields: new Set(m.fields) }));
    for (const m of managers) for (const p of changed) m.fields.delete(p);
    let mine = managers.find((m) => m.manager === manager && m.operation === 'Update');
    if (!mine) {
      mine = { manager, operation: 'Update', apiVersion: apiVersionOf(route.type), time: nowSeconds(), fields: new Set() };
      managers.push(mine);
    }
    for (const p of changed) mine.fields.add(p);
    mine.time = nowSeconds();
    return managers.filter((m) => m.fields.size > 0);
  }

  private update(route: Route, text: string, q: URLSearchParams, req: IncomingMessage): JsonObject {
    const dry = this.dryRun(q, 'UpdateOptions');
    const body = this.parseObject(text, false);
    this.checkIdentity(route, body);
    const live = this.store.get(route.type, route.namespace, route.name!);
    if (!live) throw notFound(route.type.resource, route.name!);
    const rv = metaOf(body).resourceVersion;
    if (rv !== undefined && rv !== metaOf(live).resourceVersion)
      throw failure(409, 'Conflict', `Operation cannot be fulfilled on ${route.type.resource} "${route.name}": the object has been modified; please apply your changes to the latest version and try again`);
    const managers = this.updateManagers(route, live, body, this.managerName(q, req));
    return this.commit(route, live, body, managers, dry).object;
  }

  private mergePatch(route: Route, text: string, q: URLSearchParams, req: IncomingMessage): JsonObject {
    const dry = this.dryRun(q, 'PatchOptions');
    const patch = this.parseObject(text, false);
    const live = this.store.get(route.type, route.namespace, route.name!);
    if (!live) throw notFound(route.type.resource, route.name!);
    const next = mergePatchInto(structuredClone(live), patch);
    const managers = this.updateManagers(route, live, next, this.managerName(q, req));
    return this.commit(route, live, next, managers, dry).object;
  }

  private delete(route: Route, text: string, q: URLSearchParams): { code: number; object: unknown } {
    let options: JsonObject = {};
    if (text.trim()) options = this.parseObject(text, false);
    const dry = this.dryRun(q, 'DeleteOptions') || (Array.isArray(options.dryRun) && options.dryRun.length > 0);
    const name = route.name!;
    const live = this.store.get(route.type, route.namespace, name);
    if (!live) throw notFound(route.type.resource, name);
    const graceText = q.get('gracePeriodSeconds') ?? (typeof options.gracePeriodSeconds === 'number' ? String(options.gracePeriodSeconds) : undefined);
    const grace = graceText === undefined ? undefined : Number(graceText);
    const policy = q.get('propagationPolicy') ?? (typeof options.propagationPolicy === 'string' ? options.propagationPolicy : 'Background');
    if (!['Background', 'Foreground', 'Orphan'].includes(policy))
      throw invalid('DeleteOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueNotSupported', message: `Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`, field: 'propagationPolicy' }]);
    const details = { name, ...(route.type.group ? { group: route.type.group } : {}), kind: route.type.resource, uid: String(metaOf(live).uid) };
    if (dry) return { code: 200, object: route.type.kind === 'Pod' ? live : success(details) };
    if (policy === 'Orphan') this.orphanDependents(live);
    if (route.type.kind === 'Namespace') return { code: 200, object: this.deleteNamespace(live) };
    this.simulation.deleteObject(route.type.kind, structuredClone(live), grace);
    const after = this.store.get(route.type, route.namespace, name);
    // A Pod that terminates first is answered with its terminating self; anything gone at once with a Status.
    if (after) return { code: 200, object: after };
    if (route.type.kind === 'Pod') return { code: 200, object: { ...live, metadata: { ...metaOf(live), deletionTimestamp: nowSeconds(), deletionGracePeriodSeconds: 0 } } };
    return { code: 200, object: success(details) };
  }

  private orphanDependents(owner: JsonObject): void {
    const uid = metaOf(owner).uid;
    for (const t of resourceTypes)
      for (const o of this.store.list(t, undefined, (x) => Array.isArray(metaOf(x).ownerReferences))) {
        const refs = (metaOf(o).ownerReferences as JsonObject[]).filter((r) => r.uid !== uid);
        if (refs.length === (metaOf(o).ownerReferences as JsonObject[]).length) continue;
        metaOf(o).ownerReferences = refs;
        this.store.put(t, o);
      }
  }

  private deleteNamespace(ns: JsonObject): JsonObject {
    const name = String(metaOf(ns).name);
    const type = typeByKind('Namespace')!;
    const terminating = { ...ns, metadata: { ...metaOf(ns), deletionTimestamp: nowSeconds() }, status: { phase: 'Terminating' } };
    const stored = this.store.put(type, terminating);
    const sweep = (): void => {
      let left = 0;
      for (const t of resourceTypes.filter((x) => x.namespaced))
        for (const o of this.store.list(t, name)) {
          left++;
          this.simulation.deleteObject(t.kind, o);
        }
      if (left === 0) this.store.remove(type, undefined, name);
      else setTimeout(sweep, 50);
    };
    setImmediate(sweep);
    return stored;
  }

  private async review(req: IncomingMessage, res: ServerResponse, user: StandInUser): Promise<void> {
    if (req.method !== 'POST') throw failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const protobuf = (req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf');
    if (!protobuf) jsonBody(req);
    const body = protobuf ? (selfSubjectAccessReview(await readRaw(req)) as JsonObject) : this.parseObject(await readBody(req), false);
    const spec = isObject(body.spec) ? body.spec : {};
    const attrs = isObject(spec.resourceAttributes) ? spec.resourceAttributes : undefined;
    if (!attrs)
      throw invalid('SelfSubjectAccessReview', 'authorization.k8s.io', '', [
        { reason: 'FieldValueRequired', message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified', field: 'spec.resourceAttributes' },
      ]);
    const resource = `${String(attrs.resource ?? '')}${attrs.subresource ? `/${String(attrs.subresource)}` : ''}`;
    const allowed = allows(user.rules, String(attrs.verb ?? ''), resource, typeof attrs.namespace === 'string' && attrs.namespace ? attrs.namespace : undefined);
    this.json(res, 201, {
      kind: reviewType.kind,
      apiVersion: `${reviewType.group}/${reviewType.version}`,
      metadata: { creationTimestamp: null },
      spec,
      status: allowed ? { allowed: true, reason: `allowed by the stand-in's rules for "${user.name}"` } : { allowed: false },
    });
  }

  // ------------------------------------------------------------------ logs

  private logs(res: ServerResponse, q: URLSearchParams, route: Route): void {
    const name = route.name!;
    const namespace = route.namespace!;
    const pod = this.store.get(route.type, namespace, name);
    if (!pod) throw notFound('pods', name);
    const spec = isObject(pod.spec) ? pod.spec : {};
    const names = (list: Json | undefined): string[] => (Array.isArray(list) ? list.filter(isObject).map((c) => String(c.name)) : []);
    const apps = names(spec.containers);
    const inits = names(spec.initContainers);
    let container = q.get('container') ?? '';
    if (!container) {
      if (apps.length !== 1 || inits.length > 0)
        throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${apps.join(' ')}]${inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''}`);
      container = apps[0]!;
    }
    if (!apps.includes(container) && !inits.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
    const run = this.simulation.run(namespace, name);
    if (!run) {
      res.writeHead(204);
      return void res.end();
    }
    const c = run.containers.find((x) => x.name === container)!;
    const previous = queryFlag(q, 'previous');
    const attempt = previous ? c.attempts[c.attempts.length - 2] : c.attempts[c.attempts.length - 1];
    if (!attempt) {
      if (previous) throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
      const reason = 'waiting' in c.state ? c.state.waiting.reason : 'ContainerCreating';
      const words = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
      throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${words}`);
    }
    if (attempt.removed) {
      // The kubelet has already answered 200 (its zero-byte write) when the runtime fails to find the container: its
      // error is the body, without a timestamp or a line end (1.34.2 with containerd).
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
      return void res.end(`unable to retrieve container logs for ${attempt.containerID}`);
    }
    const stamps = queryFlag(q, 'timestamps');
    const sinceTime = q.get('sinceTime');
    const sinceSeconds = q.get('sinceSeconds');
    const since = sinceTime ? Date.parse(sinceTime) : sinceSeconds ? Date.now() - Number(sinceSeconds) * 1000 : undefined;
    if (since !== undefined && Number.isNaN(since)) throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
    let lines = attempt.lines.filter((l) => since === undefined || l.t >= since);
    const tail = q.get('tailLines');
    if (tail !== null) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
    const format = (l: { time: string; text: string }): string => `${stamps ? `${l.time} ` : ''}${l.text}\n`;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
    res.flushHeaders();
    for (const l of lines) res.write(format(l));
    if (!queryFlag(q, 'follow') || attempt.finishedAt) return void res.end();
    res.on('error', () => undefined);
    const listener = (event: { line: { time: string; text: string } } | { end: true }): void => {
      if (res.writableEnded || res.destroyed) return;
      if ('end' in event) res.end();
      else res.write(format(event.line));
    };
    attempt.listeners.add(listener);
    this.watches.add(res);
    res.on('close', () => {
      attempt.listeners.delete(listener);
      this.watches.delete(res);
    });
  }

  // ------------------------------------------------------------------ exec and port-forward (WebSocket)

  private async upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://stand-in');
    if (process.env.STANDIN_DEBUG) console.error('upgrade', req.url, JSON.stringify(req.headers));
    const reject = (status: Status): void => {
      const text = JSON.stringify(status);
      socket.end(`HTTP/1.1 ${status.code ?? 400} ${status.reason ?? 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    };
    try {
      const user = this.authenticate(req);
      this.record(req, url, user);
      if (!user) throw unauthorized();
      const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|portforward)$/.exec(url.pathname);
      if (!m) throw failure(404, 'NotFound', 'the server could not find the requested resource');
      const route: Route = { type: typeByKind('Pod')!, namespace: decodeURIComponent(m[1]!), name: decodeURIComponent(m[2]!), subresource: m[3] };
      this.authorize(user, 'create', route);
      const pod = this.store.get(route.type, route.namespace, route.name!);
      if (!pod) throw notFound('pods', route.name!);
      const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      const supported = channelProtocols(url.pathname);
      const protocol = supported.find((p) => offered.includes(p));
      if (!protocol) throw badRequest(`unable to upgrade connection: none of the offered subprotocols [${offered.join(' ')}] is supported: ${supported.join(', ')}`);
      const run = this.simulation.run(route.namespace!, route.name!);
      if (!run) throw badRequest(`unable to upgrade connection: pod does not exist`);
      if (m[3] === 'exec') {
        const container = url.searchParams.get('container') ?? run.containers.find((c) => c.kind === 'app')?.name ?? '';
        const c = run.containers.find((x) => x.name === container);
        if (!c) throw badRequest(`unable to upgrade connection: container ${container} not found in pod ${route.name}_${route.namespace}`);
        if (!('running' in c.state)) throw badRequest(`unable to upgrade connection: container not found ("${container}")`);
        const command = url.searchParams.getAll('command');
        if (command.length === 0) throw badRequest('you must specify at least 1 command');
        this.wss.handleUpgrade(req, socket, head, (ws) => this.exec(ws, protocol, command, url.searchParams, { hostname: run.name, env: c.env, size: { cols: 80, rows: 24 } }));
      } else {
        const ports = url.searchParams.getAll('ports').flatMap((p) => p.split(',')).map(Number);
        if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw badRequest('at least 1 port must be specified');
        const open = new Set(run.containers.filter((c) => 'running' in c.state).flatMap((c) => c.ports));
        this.wss.handleUpgrade(req, socket, head, (ws) => this.portForward(ws, ports, open, run.name, run.uid));
      }
    } catch (err) {
      reject(err instanceof StatusError ? err.status : { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(err), code: 500 });
    }
  }

  private track(ws: WebSocket): void {
    this.sessions.add(ws);
    ws.on('close', () => this.sessions.delete(ws));
  }

  private exec(ws: WebSocket, protocol: string, argv: string[], q: URLSearchParams, ctx: ShellContext): void {
    this.track(ws);
    const tty = queryFlag(q, 'tty');
    const send = (channel: number, data: string): void => {
      if (data && ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([tty && channel === 2 ? 1 : channel]), Buffer.from(data)]));
    };
    const finish = (code: number, message?: string): void => {
      const status =
        message !== undefined
          ? { metadata: {}, status: 'Failure', message, reason: 'InternalError', details: { causes: [{ message }] } }
          : code === 0
            ? { metadata: {}, status: 'Success' }
            : {
                metadata: {},
                status: 'Failure',
                message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
                reason: 'NonZeroExitCode',
                details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
              };
      send(3, JSON.stringify(status));
      ws.close(1000);
    };
    const script = scriptOf(argv);
    if (!isShell(argv) || !queryFlag(q, 'stdin')) {
      if (script === undefined && !KNOWN_PROGRAMS.has(argv[0]!) && !isShell(argv)) {
        return finish(
          127,
          `failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
        );
      }
      const out = script !== undefined ? runScript(script, ctx) : runCommand(argv, ctx);
      send(1, tty ? out.stdout.replace(/\n/g, '\r\n') : out.stdout);
      send(2, out.stderr);
      return finish(out.exit ?? out.status);
    }
    // An interactive shell: a prompt and key echo on a TTY, a line at a time without one.
    let line = '';
    let status = 0;
    const prompt = (): void => send(1, tty ? '/ # ' : '');
    const runLine = (text: string): boolean => {
      const out = runScript(text, ctx);
      const nl = (s: string): string => (tty ? s.replace(/\n/g, '\r\n') : s);
      send(1, nl(out.stdout));
      send(2, nl(out.stderr));
      status = out.status;
      if (out.exit !== undefined) {
        finish(out.exit);
        return false;
      }
      return true;
    };
    prompt();
    ws.on('message', (data: Buffer) => {
      const channel = data[0];
      const payload = data.subarray(1);
      if (channel === 4) {
        try {
          const size = JSON.parse(payload.toString('utf8')) as Record<string, number>;
          ctx.size = { cols: size.Width ?? size.width ?? ctx.size.cols, rows: size.Height ?? size.height ?? ctx.size.rows };
        } catch {
          // A malformed resize is ignored, as the kubelet logs and ignores it.
        }
        return;
      }
      if (channel === 255 && protocol === 'v5.channel.k8s.io' && payload[0] === 0) {
        // stdin closed: a shell reading it ends with the last command's status.
        if (line.trim()) runLine(line);
        return finish(status);
      }
      if (channel !== 0) return;
      for (const ch of payload.toString('utf8')) {
        if (!tty) {
          if (ch === '\n') {
            const text = line;
            line = '';
            if (!runLine(text)) return;
          } else line += ch;
          continue;
        }
        if (ch === '\r' || ch === '\n') {
          send(1, '\r\n');
          const text = line;
          line = '';
          if (text.trim() && !runLine(text)) return;
          prompt();
        } else if (ch === '\x7f' || ch === '\b') {
          if (line.length > 0) {
            line = line.slice(0, -1);
            send(1, '\b \b');
          }
        } else if (ch === '\x04' && line === '') {
          send(1, 'exit\r\n');
          return finish(0);
        } else if (ch === '\x03') {
          line = '';
          send(1, '^C\r\n');
          prompt();
        } else if (ch >= ' ') {
          line += ch;
          send(1, ch);
        }
      }
    });
  }

  private portForward(ws: WebSocket, ports: number[], open: Set<number>, pod: string, uid: string): void {
    this.track(ws);
    const frame = (channel: number, data: Buffer): void => {
      if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), data]));
    };
    ports.forEach((port, i) => {
      const p = Buffer.alloc(2);
      p.writeUInt16LE(port);
      frame(2 * i, p);
      frame(2 * i + 1, p);
    });
    const requests = new Map<number, string>();
    ws.on('message', (data: Buffer) => {
      const channel = data[0]!;
      if (channel % 2 === 1) return;
      const index = channel / 2;
      const port = ports[index];
      if (port === undefined) return;
      if (!open.has(port)) {
        frame(
          channel + 1,
          Buffer.from(
            `error forwarding port ${port} to pod ${uid}, uid : failed to execute portforward in network namespace: failed to connect to localhost:${port} inside namespace, IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused `,
          ),
        );
        return void ws.close(1000);
      }
      const text = (requests.get(channel) ?? '') + data.subarray(1).toString('latin1');
      requests.set(channel, text);
      if (!text.includes('\r\n\r\n')) return;
      // The simulated program on the port answers one HTTP request and closes, like an HTTP/1.0 server.
      const body = `Hello from ${pod} on port ${port} (simulated)\n`;
      frame(channel, Buffer.from(`HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
      ws.close(1000);
    });
  }
}

/** The stand-in reads JSON bodies only; protobuf (which kubectl tries first) is refused as a server without it would. */
function jsonBody(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0]!.trim();
  if (type !== 'application/json' && type !== 'application/yaml') throw failure(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {});
}

function channelProtocols(path: string): string[] {
  return /\/exec(\?|$)/.test(path) ? ['v5.channel.k8s.io', 'v4.channel.k8s.io'] : ['v4.channel.k8s.io'];
}

/** RFC 7386 merge patch: null deletes, objects merge, everything else replaces. */
function mergePatchInto(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete target[k];
    else if (isObject(v) && isObject(target[k])) target[k] = mergePatchInto(target[k] as JsonObject, v);
    else target[k] = structuredClone(v);
  }
  return target;
}

/** 409 with one cause per field, worded as the API server's field manager words it. */
function conflictError(conflicts: { manager: ManagerEntry; path: string }[]): StatusError {
  const who = (m: ManagerEntry): string => {
    let text = JSON.stringify(m.manager);
    if (m.subresource) text += ` with subresource ${JSON.stringify(m.subresource)}`;
    if (m.operation === 'Update') text += ` using ${m.apiVersion}`;
    return text;
  };
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${who(c.manager)}`, field: describePath(c.path) }));
  let message: string;
  if (conflicts.length === 1) message = `Apply failed with 1 conflict: conflict with ${who(conflicts[0]!.manager)}: ${describePath(conflicts[0]!.path)}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(who(c.manager), [...(byManager.get(who(c.manager)) ?? []), describePath(c.path)]);
    const lines = [...byManager.keys()].sort().flatMap((m) => [`conflicts with ${m}:`, ...byManager.get(m)!.map((p) => `- ${p}`)]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return failure(409, 'Conflict', message, { causes });
}

export type { NodeSetting, SimulationTiming };
export { defaultTiming };
export { typeByKind };
