// The browser host's gatekeeping: a random token, loopback-only Host and Origin, and the page's CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'podwright_token';
export const TOKEN_HEADER = 'x-podwright-token';

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

function cookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export interface Verdict {
  ok: boolean;
  /** Why a request was refused (logged, and sent as the 403 body). */
  reason?: string;
  /** The token came in the URL: the response should set the cookie so assets load without it. */
  tokenFromQuery?: boolean;
}

/**
 * Checks one HTTP request or WebSocket upgrade. Host guards against DNS rebinding, Origin against other
 * sites' pages, the token against other local users and programs.
 */
export function checkRequest(req: IncomingMessage, port: number, token: string, requireOrigin: boolean): Verdict {
  const origins = allowedOrigins(port);
  const host = req.headers.host;
  if (!host || !origins.includes(`http://${host}`)) return { ok: false, reason: 'bad Host header' };
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.includes(origin)) return { ok: false, reason: 'bad Origin' };
  if (requireOrigin && origin === undefined) return { ok: false, reason: 'missing Origin' };
  const url = new URL(req.url ?? '/', `http://${host}`);
  const fromQuery = url.searchParams.get('token') ?? undefined;
  const fromHeader = req.headers[TOKEN_HEADER];
  const given = fromQuery ?? (typeof fromHeader === 'string' ? fromHeader : undefined) ?? cookie(req, TOKEN_COOKIE);
  if (!sameToken(given, token)) return { ok: false, reason: 'missing or wrong token' };
  return { ok: true, tokenFromQuery: fromQuery !== undefined };
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
