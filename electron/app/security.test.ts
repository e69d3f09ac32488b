import { describe, expect, it } from 'vitest';
import { ELECTRON_CSP, isAppUrl, secureWebPreferences } from './security';

describe('Electron security settings', () => {
  it('isolates the renderer and sandboxes it', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP that allows only our own scripts and no network', () => {
    const directives = Object.fromEntries(
      ELECTRON_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(ELECTRON_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });

  it('treats only the app page as the app', () => {
    const index = 'file:///opt/podwright/dist/renderer/index.html';
    expect(isAppUrl('file:///opt/podwright/dist/renderer/index.html#x', index)).toBe(true);
    expect(isAppUrl('https://example.com/', index)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', index)).toBe(false);
    expect(isAppUrl('not a url', index)).toBe(false);
  });
});
