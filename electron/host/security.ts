// The browser host's gatekeeping: loopback-only Host and Origin, a random token that only the page holds, one-time
// launch codes, and the page's CSP.
//
// The token is never ambient: not a cookie (cookies are not bound to a port, so every server on 127.0.0.1, a Pod's
// hostPort included, would receive it), not in a URL the server sees (the printed link carries it in the fragment,
// which browsers never send). The page keeps it in its own tab's storage, which is bound to this origin and port, and
// sends it with each API call (a header) or WebSocket (a subprotocol): a page elsewhere has nothing to send.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER, TOKEN_PROTOCOL_PREFIX } from '../../shared/api/browser-host';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The only origins a page of ours can have: the loopback address we bound, by IP or by name. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface Verdict {
  ok: boolean;
  /** Why a request was refused (logged, and sent as the 403 body); never holds a secret. */
  reason?: string;
}

/**
 * Checks where a request comes from: Host guards against DNS rebinding, Origin against other sites' pages (and other
 * ports' pages: an origin includes the port). Browsers send Origin on every POST and WebSocket; `requireOrigin` refuses
 * requests without one where only a page of ours may ask.
 */
export function checkPlace(req: IncomingMessage, port: number, requireOrigin: boolean): Verdict {
  const origins = allowedOrigins(port);
  const host = req.headers.host;
  if (!host || !origins.includes(`http://${host}`)) return { ok: false, reason: 'bad Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) return { ok: false, reason: 'bad Origin' };
  if (requireOrigin && origin === undefined) return { ok: false, reason: 'missing Origin' };
  return { ok: true };
}

/** The token a request carries: the header (HTTP calls, programs) or the offered WebSocket subprotocol (pages). */
export function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  const offered = req.headers['sec-websocket-protocol'];
  if (typeof offered !== 'string') return undefined;
  for (const protocol of offered.split(',')) {
    const p = protocol.trim();
    if (p.startsWith(TOKEN_PROTOCOL_PREFIX)) return p.slice(TOKEN_PROTOCOL_PREFIX.length);
  }
  return undefined;
}

/** Checks an API request: from one of our places, with the token. */
export function checkRequest(req: IncomingMessage, port: number, token: string, requireOrigin: boolean): Verdict {
  const place = checkPlace(req, port, requireOrigin);
  if (!place.ok) return place;
  if (!sameToken(tokenOf(req), token)) return { ok: false, reason: 'missing or wrong token' };
  return { ok: true };
}

/**
 * One-time launch codes: what `serve --open` hands a browser instead of the token. A code is good once and for a short
 * while, so a copy read later (from a command line, a history entry or a file left behind) opens nothing.
 */
export class LaunchCodes {
  private readonly codes = new Map<string, { expires: number; used: () => void }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new code valid for `ttlMs`; `used` runs when it is exchanged (or never). */
  issue(ttlMs: number, used: () => void = () => {}): string {
    for (const [known, entry] of this.codes) if (entry.expires < this.now()) this.codes.delete(known);
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, { expires: this.now() + ttlMs, used });
    return code;
  }

  /** Whether `code` is a live code; either way it is spent. */
  redeem(code: string | undefined): boolean {
    if (!code) return false;
    for (const [known, entry] of this.codes) {
      if (!sameToken(code, known)) continue;
      this.codes.delete(known);
      if (entry.expires < this.now()) return false;
      entry.used();
      return true;
    }
    return false;
  }
}

/** The page's Content Security Policy: our own scripts and styles only, API traffic to ourselves only. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow and CodeMirror set inline style attributes; no inline scripts are allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
