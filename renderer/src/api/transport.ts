// Picks how the UI reaches the back end: Electron's preload bridge, or a WebSocket to the browser host.
import type { ClientMessage } from '../../../shared/api/protocol';
import type { Transport } from '../../../shared/api/client';
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

/** The browser host puts its token in the URL; keep it for reconnects and take it out of the address bar. */
export function takeToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

export function electronTransport(bridge: ElectronBridge, slicer = new FrameSlicer()): Transport {
  return {
    send: (message) => bridge.send(message),
    onMessage: (receiver) => bridge.onMessage((message) => slicer.run(() => receiver(message))),
  };
}

export function webSocketTransport(token: string | undefined, slicer = new FrameSlicer()): Transport {
  const url = new URL('/api/ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) url.searchParams.set('token', token);
  const socket = new WebSocket(url);
  const outbox: string[] = [];
  let closeReceiver: ((reason: string) => void) | undefined;
  socket.addEventListener('open', () => {
    for (const frame of outbox.splice(0)) socket.send(frame);
  });
  socket.addEventListener('close', (event) => {
    closeReceiver?.(
      event.code === 1006 && outbox.length
        ? 'The back end refused the connection (is the token in the URL current?).'
        : 'The connection to the Podwright back end closed. Restart `podwright serve` and reload.',
    );
  });
  return {
    send(message: ClientMessage) {
      const frame = JSON.stringify(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else outbox.push(frame);
    },
    onMessage(receiver) {
      socket.addEventListener('message', (event) => {
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
    },
    onClose(receiver) {
      closeReceiver = receiver;
    },
  };
}

export function defaultTransport(): Transport {
  return window.podwright ? electronTransport(window.podwright) : webSocketTransport(takeToken());
}
