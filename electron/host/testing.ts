// For tests and benchmarks: a WebSocket to a browser host opened the way its page opens one.
import WebSocket, { type ClientOptions } from 'ws';
import { API_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../shared/api/browser-host';
import type { BrowserHost } from './host';

/** A WebSocket to `host`'s API with the page's Origin and the token offered as a subprotocol (not yet open). */
export function hostSocket(host: Pick<BrowserHost, 'port' | 'token'>, options: ClientOptions = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${host.port}/api/ws`, [API_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${host.token}`], {
    ...options,
    headers: { origin: `http://127.0.0.1:${host.port}`, ...options.headers },
  });
}
