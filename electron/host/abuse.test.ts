// The browser host under abuse from a client that holds the token: one that never reads its answers, a request body
// over the limit, a path that is not valid percent-encoding. Each gets a bounded, worded answer; the host stays up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/api/files';
import { MAX_MESSAGE_BYTES } from '../../shared/api/protocol';
import { handlersFor } from '../../shared/api/testing';
import { fileHandlers } from '../files/files-api';
import { startBrowserHost, type BrowserHost } from './host';
import { hostSocket } from './testing';

let root: string;
let host: BrowserHost;
/** How many file.open calls the host has started reading a file for. */
let opened = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pw-abuse-'));
  writeFileSync(join(root, 'big.pod.yaml'), `# ${'x'.repeat(MAX_FILE_BYTES - 10)}\n`);
  const files = fileHandlers({ root, settings: join(root, '.settings.json') });
  host = await startBrowserHost({
    handlers: handlersFor({
      calls: {
        ...files,
        'file.open': (input) => {
          opened++;
          return files['file.open'](input);
        },
      },
    }),
    staticDir: root,
    flow: { stallMs: 1500 },
  });
});
afterAll(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

function post(path: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: { 'x-podwright-token': host.token, origin: `http://127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

function get(path: string) {
  return new Promise<number>((done, fail) => {
    request({ host: '127.0.0.1', port: host.port, path }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    })
      .on('error', fail)
      .end();
  });
}

describe('a client that never reads', () => {
  it('gets only a bounded number of calls answered, then is dropped; the host goes on serving others', async () => {
    const path = join(root, 'big.pod.yaml');
    const ws = hostSocket(host);
    await new Promise((done, fail) => ws.once('open', done).once('error', fail));
    // Stop reading: the answers (2 MB each) pile up in the host unless it holds back.
    ws.pause();
    for (let i = 0; i < 300; i++)
      ws.send(JSON.stringify({ type: 'call', id: `c${i}`, method: 'file.open', input: { path } }));
    await new Promise((done) => setTimeout(done, 4000));
    // Without back-pressure every one of the 300 calls read its 2 MB file and queued the answer (600 MB and more).
    expect(opened).toBeLessThanOrEqual(32);
    const closed = new Promise<void>((done) => ws.once('close', () => done()));
    ws.resume();
    await closed;
    // Others are served as before.
    const other = hostSocket(host);
    await new Promise((done, fail) => other.once('open', done).once('error', fail));
    const answer = new Promise<{ ok: boolean }>((done) => other.once('message', (m) => done(JSON.parse(String(m)))));
    other.send(JSON.stringify({ type: 'call', id: 'x', method: 'file.recent', input: {} }));
    expect(await answer).toMatchObject({ ok: true });
    other.close();
  }, 30_000);
});

describe('HTTP requests out of bounds', () => {
  it('an over-size POST body gets a 400 saying so, not a reset connection', async () => {
    const body = Buffer.alloc(MAX_MESSAGE_BYTES + 1024 * 1024, 0x20);
    const r = await post('/api/call/file.recent', body, { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', details: { reason: 'TOO_LARGE' } },
    });
  });

  it('a body that is not JSON gets a 400 in words', async () => {
    const r = await post('/api/call/file.recent', '{not json');
    expect(r.status).toBe(400);
    expect(r.body).toContain('not JSON');
  });

  it('GET /% (not valid percent-encoding) gets 400, not 500', async () => {
    expect(await get('/%')).toBe(400);
    expect(await get('/%E0%A4%A')).toBe(400);
    expect(await get('/nothing-here')).toBe(404);
  });
});
