// The browser host: serves the built renderer and the API (HTTP calls + a WebSocket for calls and
// subscriptions) on 127.0.0.1 only, behind a per-start token.
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
import { checkRequest, contentSecurityPolicy, newToken, TOKEN_COOKIE } from './security';

export interface BrowserHostOptions {
  handlers: ApiHandlers;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  server: Server;
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

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? newToken();
  const log = options.log ?? (() => {});
  const root = resolve(options.staticDir);
  let port = 0;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((err: unknown) => {
      log(`request failed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // API calls are cross-origin-sensitive: a page elsewhere must never be able to POST to us.
    const isApi = (req.url ?? '').startsWith('/api/');
    const verdict = checkRequest(req, port, token, false);
    if (!verdict.ok) {
      log(`refused ${req.method} ${req.url?.split('?')[0]}: ${verdict.reason}`);
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`Forbidden: ${verdict.reason}\n`);
      return;
    }
    const headers: Record<string, string> = {
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (verdict.tokenFromQuery) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    }
    if (isApi) return handleApiCall(req, res, headers);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    await serveStatic(req, res, headers);
  }

  async function handleApiCall(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    const match = /^\/api\/call\/([a-zA-Z0-9.]{1,64})$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, headers).end();
      return;
    }
    let body: unknown = {};
    try {
      body = await readJson(req, MAX_MESSAGE_BYTES);
    } catch (err) {
      res.writeHead(400, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: String((err as Error).message) } }));
      return;
    }
    const reply = await new Promise<ServerMessage>((done) => {
      const session = new ApiSession(options.handlers, done);
      session.receive({ type: 'call', id: 'http', method: match[1], input: body });
    });
    res.writeHead(reply.type === 'result' && reply.ok ? 200 : 400, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(reply));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
    else createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
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
    const session = new ApiSession(options.handlers, (message) => {
      if (ws.readyState !== ws.OPEN) return;
      const frame = JSON.stringify(message);
      // The page's side holds frames to the same limit: an answer too large for it becomes a typed error.
      if (fitsInFrame(frame) || message.type !== 'result') ws.send(frame);
      else ws.send(JSON.stringify({ type: 'result', id: message.id, ok: false, error: tooLargeError('answer') }));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only');
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        return ws.close(1007, 'invalid JSON');
      }
      session.receive(parsed);
    });
    ws.on('close', () => session.close());
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
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        fail(new Error(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        done(text ? JSON.parse(text) : {});
      } catch {
        fail(new Error('request body is not JSON'));
      }
    });
    req.on('error', fail);
  });
}
