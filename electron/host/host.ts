// The browser host: serves the built renderer and the API (HTTP calls + a WebSocket for calls and
// subscriptions) on 127.0.0.1 only. The page is public (it is the app's own bundle); every API request must carry the
// per-start token, which only the page holds (see security.ts).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ApiSession,
  fitsInFrame,
  MAX_MESSAGE_BYTES,
  tooLargeError,
  type ApiHandlers,
  type ServerMessage,
} from '../../shared/api';
import { API_PROTOCOL, LAUNCH_CODE_HEADER, LAUNCH_CODE_PATH } from '../../shared/api/browser-host';
import { checkPlace, checkRequest, contentSecurityPolicy, LaunchCodes, newToken } from './security';
import { SocketFlow, type FlowLimits } from './socket-flow';

export interface BrowserHostOptions {
  handlers: ApiHandlers;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** How much one WebSocket may have waiting, and how long it may stall; tests shrink these. */
  flow?: Partial<FlowLimits>;
}

export interface BrowserHost {
  /** The link to open: the token rides in the fragment, which the browser keeps to itself. */
  url: string;
  port: number;
  token: string;
  server: Server;
  /**
   * A link that opens the app once, within `ttlMs`, without the token in it: for handing to another program (a
   * browser started on a command line every local user can read). `used` runs when the page has exchanged it.
   */
  launchUrl(ttlMs?: number, used?: () => void): string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** A request body this much over the limit is not read to its end: the connection is dropped instead. */
const DRAIN_LIMIT = 4 * MAX_MESSAGE_BYTES;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  const log = options.log ?? (() => {});
  const root = resolve(options.staticDir);
  const launchCodes = new LaunchCodes();
  let port = 0;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((err: unknown) => {
      log(`request failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  function baseHeaders(): Record<string, string> {
    return {
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = baseHeaders();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Host and Origin for everything; the token only where the API is (the page itself holds no secret).
    const place = checkPlace(req, port, false);
    if (!place.ok) return refuse(req, res, headers, place.reason!);
    if (path === LAUNCH_CODE_PATH) return exchangeLaunchCode(req, res, headers);
    if (path.startsWith('/api/')) {
      const verdict = checkRequest(req, port, token, false);
      if (!verdict.ok) return refuse(req, res, headers, verdict.reason!);
      return handleApiCall(req, res, headers);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    await serveStatic(req, res, headers);
  }

  function refuse(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, reason: string): void {
    log(`refused ${req.method} ${(req.url ?? '').split('?')[0]}: ${reason}`);
    res.writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(`Forbidden: ${reason}\n`);
  }

  /** The page trades a launch code (from a launchUrl) for the token, once; only a page of ours may ask. */
  function exchangeLaunchCode(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
    const place = checkPlace(req, port, true);
    if (!place.ok) return refuse(req, res, headers, place.reason!);
    const code = req.headers[LAUNCH_CODE_HEADER];
    if (req.method !== 'POST' || !launchCodes.redeem(typeof code === 'string' ? code : undefined))
      return refuse(req, res, headers, 'unknown, used or expired launch code');
    res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify({ token }));
  }

  async function handleApiCall(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    const match = /^\/api\/call\/([a-zA-Z0-9.]{1,64})$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, headers).end();
      return;
    }
    const body = await readJson(req, MAX_MESSAGE_BYTES);
    if (!body.ok) {
      if (body.drop) {
        req.destroy();
        return;
      }
      res.writeHead(400, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'result', id: 'http', ok: false, error: body.error }));
      return;
    }
    const reply = await new Promise<ServerMessage>((done) => {
      const session = new ApiSession(options.handlers, done);
      session.receive({ type: 'call', id: 'http', method: match[1], input: body.value });
    });
    res.writeHead(reply.type === 'result' && reply.ok ? 200 : 400, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // `GET /%`: a path that is not valid percent-encoding is the client's mistake.
      res
        .writeHead(400, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
        .end('Bad request: malformed path\n');
      return;
    }
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
    const file = join(root, relative);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
    });
    if (req.method === 'HEAD') res.end();
    else
      createReadStream(file)
        // Gone or unreadable since the stat (a rebuild replaces the renderer's files): the length is promised, so this
        // response can only be cut; the host itself goes on (an unheard stream error would end the process).
        .on('error', () => res.destroy())
        .pipe(res);
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Answer with the API's protocol, never echo the token protocol the page offered beside it.
    handleProtocols: (offered) => (offered.has(API_PROTOCOL) ? API_PROTOCOL : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkRequest(req, port, token, true);
    if (!verdict.ok || (req.url ?? '').split('?')[0] !== '/api/ws') {
      log(`refused WebSocket: ${verdict.reason ?? 'wrong path'}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const flow = new SocketFlow(
      ws,
      (message) => session.receive(message),
      options.flow,
      () => {
        log('closed a WebSocket whose client stopped reading');
        session.close();
      },
    );
    const session = new ApiSession(options.handlers, (message) => {
      if (ws.readyState !== ws.OPEN) return;
      const frame = JSON.stringify(message);
      // The page's side holds frames to the same limit: an answer too large for it becomes a typed error.
      if (fitsInFrame(frame) || message.type !== 'result') flow.send(frame, message.type === 'result');
      else
        flow.send(JSON.stringify({ type: 'result', id: message.id, ok: false, error: tooLargeError('answer') }), true);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        return ws.close(1007, 'invalid JSON');
      }
      flow.receive(parsed);
    });
    ws.on('close', () => {
      flow.close();
      session.close();
    });
    ws.on('error', () => session.close());
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    // Loopback only: the browser host is never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    launchUrl: (ttlMs = 60_000, used) => `http://127.0.0.1:${port}/#code=${launchCodes.issue(ttlMs, used)}`,
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

type Body = { ok: true; value: unknown } | { ok: false; drop: boolean; error: ServerErrorBody };
type ServerErrorBody = Extract<ServerMessage, { ok: false }>['error'];

/**
 * Reads a JSON request body of at most `limit` bytes. A larger one is read to its end and thrown away, so the client
 * gets a 400 it can read instead of a reset connection; one far larger (or a declared length far larger) is dropped.
 */
function readJson(req: IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > DRAIN_LIMIT) return Promise.resolve({ ok: false, drop: true, error: tooLargeError('request') });
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) {
        req.removeAllListeners('data');
        done({ ok: false, drop: true, error: tooLargeError('request') });
      } else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) return done({ ok: false, drop: false, error: tooLargeError('request') });
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        done({ ok: true, value: text ? JSON.parse(text) : {} });
      } catch {
        done({ ok: false, drop: false, error: { code: 'BAD_REQUEST', message: 'The request body is not JSON.' } });
      }
    });
    req.on('error', () => done({ ok: false, drop: true, error: tooLargeError('request') }));
  });
}
