// The Electron shell: one window running the renderer, the API served over IPC with every message
// validated by the same ApiSession the browser host uses.
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiSession } from '../../shared/api';
import { createHandlers, type BackendContext } from '../api/handlers';
import { createSelectedCluster, rememberCluster } from '../engines/choice/clusters';
import { createSelectedEngine } from '../engines/choice/engines';
import { nativeFileDialogs } from './file-dialogs';
import { API_CHANNEL, ELECTRON_CSP, isAppUrl, secureWebPreferences } from './security';

// The bundle lives in dist/electron/; the renderer build sits beside it in dist/renderer/.
const indexFile = join(__dirname, '..', 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexFile).toString();
// The back end stays free of Electron: it gets the native file dialogs as a capability.
const dialogs = nativeFileDialogs(dialog, () => BrowserWindow.getFocusedWindow());
const backend: BackendContext = {
  host: 'electron',
  engine: createSelectedEngine(),
  remember: (choice) => rememberCluster(choice),
  files: { dialogs },
};
const handlers = createHandlers(backend);
// A Kubernetes context chosen earlier is the engine again once its engine has loaded (the handlers read it per call).
void createSelectedCluster().then((cluster) => {
  if (cluster && !backend.cluster) backend.cluster = cluster;
});
const sessions = new Map<number, ApiSession>();

function sessionFor(contents: WebContents): ApiSession {
  let s = sessions.get(contents.id);
  if (!s) {
    s = new ApiSession(handlers, (message) => {
      if (!contents.isDestroyed()) contents.send(API_CHANNEL, message);
    });
    sessions.set(contents.id, s);
    contents.once('destroyed', () => {
      sessions.get(contents.id)?.close();
      sessions.delete(contents.id);
    });
  }
  return s;
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Podwright',
    show: false,
    webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexFile);
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to a running Pod's published port open in the user's browser, never inside the app.
    if (/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, indexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

ipcMain.on(API_CHANNEL, (event, message: unknown) => {
  // Only our own page may speak the API; the session validates the message itself against the contract.
  if (!isAppUrl(event.senderFrame?.url ?? '', indexUrl)) return;
  sessionFor(event.sender).receive(message);
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] } });
  });
  // No remote content: every request that is not one of our files is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !/^(file|devtools|data|blob):/.test(details.url) });
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
