// Electron's security switches in one place, free of any `electron` import so tests can check them
// where the Electron binary is absent.

/** Web preferences for every window: the renderer is an untrusted web page with one narrow bridge. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** The CSP for the Electron window: nothing but our own files; no network at all (the API goes over IPC). */
export const ELECTRON_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** The renderer is loaded from one file; anything else is navigation away from the app and is refused. */
export function isAppUrl(url: string, indexUrl: string): boolean {
  try {
    const u = new URL(url);
    const index = new URL(indexUrl);
    return u.protocol === 'file:' && u.pathname === index.pathname;
  } catch {
    return false;
  }
}

/** The IPC channel that carries the API protocol (see shared/api/protocol.ts). */
export const API_CHANNEL = 'podwright:api';
