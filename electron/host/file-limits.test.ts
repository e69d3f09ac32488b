// Design files at the size limits cross the browser host's WebSocket as answers or typed errors, never as a dropped
// connection: control characters (six bytes each in JSON) are refused, the worst escaping that is left fits a frame,
// and a request or answer that still would not fit is refused on its own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../shared/api/client';
import { ApiError } from '../../shared/api/errors';
import { MAX_FILE_BYTES } from '../../shared/api/files';
import { MAX_MESSAGE_BYTES } from '../../shared/api/protocol';
import { handlersFor } from '../../shared/api/testing';
import { fileHandlers } from '../files/files-api';
import { startBrowserHost, type BrowserHost } from './host';
import { hostSocket } from './testing';

let root: string;
let host: BrowserHost;
/** Reads files up to three times the limit, so an answer can outgrow a frame. */
let lenient: BrowserHost;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pw-limits-'));
  const settings = join(root, '.settings.json');
  host = await startBrowserHost({
    handlers: handlersFor({ calls: fileHandlers({ root, settings }) }),
    staticDir: root,
  });
  lenient = await startBrowserHost({
    handlers: handlersFor({ calls: fileHandlers({ root, settings, maxBytes: 3 * MAX_FILE_BYTES }) }),
    staticDir: root,
  });
});
afterAll(async () => {
  await host.close();
  await lenient.close();
  rmSync(root, { recursive: true, force: true });
});

interface Connection {
  api: ApiClient;
  /** The close code once the socket is gone. */
  closed: () => number | undefined;
  end: () => void;
}

/** The UI's API client over a WebSocket that, like the page, accepts frames up to MAX_MESSAGE_BYTES. */
async function connect(to: BrowserHost): Promise<Connection> {
  const ws = hostSocket(to, { maxPayload: MAX_MESSAGE_BYTES });
  let closed: number | undefined;
  ws.on('close', (code) => (closed = code));
  ws.on('error', () => undefined); // a frame over maxPayload errors, then closes; the close code is what we check
  await new Promise((done, fail) => {
    ws.once('open', done);
    ws.once('error', fail);
  });
  const api = createApiClient({
    send: (message) => ws.send(JSON.stringify(message)),
    onMessage: (receiver) => ws.on('message', (data) => receiver(JSON.parse(String(data)))),
    onClose: (receiver) => ws.on('close', (code) => receiver(`closed ${code}`)),
  });
  return { api, closed: () => closed, end: () => ws.close() };
}

/** Why the call was refused: a typed BAD_REQUEST with a reason, not a dropped connection (DISCONNECTED). */
async function refusedBecause(promise: Promise<unknown>): Promise<string | undefined> {
  const err = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe('BAD_REQUEST');
  return ((err as ApiError).details as { reason?: string } | undefined)?.reason;
}

/** The connection still answers after whatever went before. */
async function stillConnected(c: Connection): Promise<void> {
  expect(await c.api.call('file.recent', {})).toBeInstanceOf(Array);
  expect(c.closed()).toBeUndefined();
}

describe('design files at the size limits over the WebSocket', () => {
  it('refuses to open a file at the limit made of control characters, and stays connected', async () => {
    const c = await connect(host);
    const path = join(root, 'control.pod.yaml');
    writeFileSync(path, Buffer.alloc(MAX_FILE_BYTES, 0x01)); // valid UTF-8, 12 MiB once JSON-escaped
    expect(await refusedBecause(c.api.call('file.open', { path }))).toBe('NOT_TEXT');
    await stillConnected(c);
    c.end();
  });

  it('refuses to save control characters: typed, whether or not the request fits a frame', async () => {
    const c = await connect(host);
    const path = join(root, 'saved-control.pod.yaml');
    // Small enough to reach the back end, which refuses the characters.
    const some = `${'a: 1\n'.repeat(10)}\x01\n`;
    expect(await refusedBecause(c.api.call('file.save', { path, text: some }))).toBe('NOT_TEXT');
    // At the limit the request is 12 MiB of JSON: the client refuses it rather than have the socket closed.
    const full = '\x01'.repeat(MAX_FILE_BYTES);
    expect(await refusedBecause(c.api.call('file.save', { path, text: full }))).toBe('TOO_LARGE');
    await stillConnected(c);
    c.end();
  });

  it('saves and opens a file at the limit that escapes to twice its size (quotes and backslashes)', async () => {
    const c = await connect(host);
    const path = join(root, 'quotes.pod.yaml');
    const text = '"\\'.repeat(MAX_FILE_BYTES / 2);
    expect(await c.api.call('file.save', { path, text })).toMatchObject({ path });
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect((await c.api.call('file.open', { path })).text).toBe(text);
    await stillConnected(c);
    c.end();
  });

  it('refuses text over the limit in bytes (multibyte characters) with a typed error, and stays connected', async () => {
    const c = await connect(host);
    const path = join(root, 'euro.pod.yaml');
    // 2 Mi characters, 6 MiB of UTF-8: within the contract's character count, over the frame limit.
    expect(await refusedBecause(c.api.call('file.save', { path, text: '€'.repeat(MAX_FILE_BYTES) }))).toBe('TOO_LARGE');
    // Just over the byte limit but within a frame: the back end refuses it.
    expect(await refusedBecause(c.api.call('file.save', { path, text: '€'.repeat(MAX_FILE_BYTES / 3 + 1) }))).toBe(
      'TOO_LARGE',
    );
    await stillConnected(c);
    c.end();
  });

  it('answers a typed error instead of a frame the page would refuse', async () => {
    const c = await connect(lenient);
    const path = join(root, 'huge.pod.yaml');
    writeFileSync(path, '"'.repeat(2.5 * MAX_FILE_BYTES)); // 5 MiB, 10 MiB escaped
    expect(await refusedBecause(c.api.call('file.open', { path }))).toBe('TOO_LARGE');
    await stillConnected(c);
    c.end();
  });
});
