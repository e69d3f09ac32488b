// How a page proves to the browser host that it may use the API: the names both sides use on the wire.
//
// The token never travels on its own: no cookie (cookies are not bound to a port, so any server on 127.0.0.1 would get
// it), no query string. The printed link carries it in the URL fragment, which browsers do not send; the page keeps it
// for its tab and presents it with each call.

/** The header an HTTP API call carries the token in. */
export const TOKEN_HEADER = 'x-podwright-token';

/** The WebSocket subprotocol of the API; the host answers with it. */
export const API_PROTOCOL = 'podwright.v1';

/** Offered beside API_PROTOCOL as `podwright.token.<token>`: the one way a page can give a WebSocket a secret. */
export const TOKEN_PROTOCOL_PREFIX = 'podwright.token.';

/** Where a page trades a one-time launch code (`#code=…`) for the token: POST, the code in LAUNCH_CODE_HEADER. */
export const LAUNCH_CODE_PATH = '/api/session';
export const LAUNCH_CODE_HEADER = 'x-podwright-launch-code';
