// Picks how the UI reaches the back end: Electron's preload bridge, or a WebSocket to the browser host.
import type { ClientMessage } from '../../../shared/api/protocol';
import type { Transport } from '../../../shared/api/client';
import {
  API_PROTOCOL,
  LAUNCH_CODE_HEADER,
  LAUNCH_CODE_PATH,
  TOKEN_PROTOCOL_PREFIX,
} from '../../../shared/api/browser-host';
import { FrameSlicer } from './frame-slicer';

interface ElectronBridge {
  send(message: unknown): void;
  onMessage(receiver: (message: unknown) => void): void;
}

declare global {
  interface Window {
    podwright?: ElectronBridge;
  }
}

const TOKEN_KEY = 'podwright.token';

/** Where the page gets the token: the address, its tab's storage, and the host (to trade a launch code). */
export interface TokenSources {
  location: Pick<Location, 'href' | 'hash'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** Rewrites the address without reloading (history.replaceState). */
  replaceUrl: (url: string) => void;
  /** Trades a one-time launch code for the token, or answers undefined. */
  exchange: (code: string) => Promise<string | undefined>;
}

/** The browser's own sources. */
export function browserTokenSources(): TokenSources {
  return {
    location: window.location,
    storage: sessionStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
    exchange: async (code) => {
      const response = await fetch(LAUNCH_CODE_PATH, { method: 'POST', headers: { [LAUNCH_CODE_HEADER]: code } });
      if (!response.ok) return undefined;
      const body = (await response.json()) as { token?: unknown };
      return typeof body.token === 'string' ? body.token : undefined;
    },
  };
}

/**
 * The browser host's token. The printed link carries it in the fragment (`#token=…`), which the browser never sends
 * anywhere; `serve --open` hands the browser a one-time code instead (`#code=…`), traded here once. Either is taken out
 * of the address bar at once, and the token kept in this tab's sessionStorage: bound to this origin (port included),
 * so a reload reconnects and no page on another port can read it. Never a cookie, which every port would receive.
 */
export async function takeToken(sources: TokenSources = browserTokenSources()): Promise<string | undefined> {
  const fragment = new URLSearchParams(sources.location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  const code = fragment.get('code');
  if (token !== null || code !== null) {
    const url = new URL(sources.location.href);
    url.hash = '';
    sources.replaceUrl(url.toString());
  }
  const taken = token ?? (code !== null ? await sources.exchange(code).catch(() => undefined) : undefined);
  if (taken) sources.storage.setItem(TOKEN_KEY, taken);
  return taken ?? sources.storage.getItem(TOKEN_KEY) ?? undefined;
}

export function electronTransport(bridge: ElectronBridge, slicer = new FrameSlicer()): Transport {
  return {
    send: (message) => bridge.send(message),
    onMessage: (receiver) => bridge.onMessage((message) => slicer.run(() => receiver(message))),
  };
}

export function webSocketTransport(token: Promise<string | undefined>, slicer = new FrameSlicer()): Transport {
  const url = new URL('/api/ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let socket: WebSocket | undefined;
  const outbox: string[] = [];
  const receivers: ((message: unknown) => void)[] = [];
  let closeReceiver: ((reason: string) => void) | undefined;
  void token.then((value) => {
    // The token rides as a subprotocol: the only secret a page can give a WebSocket, and not a URL anyone logs.
    socket = new WebSocket(url, value ? [API_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${value}`] : [API_PROTOCOL]);
    socket.addEventListener('open', () => {
      for (const frame of outbox.splice(0)) socket!.send(frame);
    });
    socket.addEventListener('close', (event) => {
      closeReceiver?.(
        event.code === 1006 && outbox.length
          ? value
            ? 'The back end refused the connection: open the link `podwright serve` printed again.'
            : 'This page has no access key: open the link `podwright serve` printed (it carries one for this tab).'
          : 'The connection to the Podwright back end closed. Restart `podwright serve` and reload.',
      );
    });
    for (const receiver of receivers) listen(socket, receiver);
  });
  const listen = (ws: WebSocket, receiver: (message: unknown) => void): void =>
    ws.addEventListener('message', (event) => {
      // Parsing is part of the handling the slicer spreads over frames (a flood's batches are ~100 KB each).
      slicer.run(() => {
        let message: unknown;
        try {
          message = JSON.parse(String(event.data));
        } catch {
          return; // A frame that is not JSON is not from our back end; ignore it.
        }
        receiver(message);
      });
    });
  return {
    send(message: ClientMessage) {
      const frame = JSON.stringify(message);
      if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
      else outbox.push(frame);
    },
    onMessage(receiver) {
      receivers.push(receiver);
      if (socket) listen(socket, receiver);
    },
    onClose(receiver) {
      closeReceiver = receiver;
    },
  };
}

export function defaultTransport(): Transport {
  if (window.podwright) return electronTransport(window.podwright);
  // A new link pasted into this tab (a restarted host on the same port) changes only the fragment: start again with it.
  window.addEventListener('hashchange', () => {
    if (/^#(token|code)=/.test(window.location.hash)) window.location.reload();
  });
  return webSocketTransport(takeToken());
}
