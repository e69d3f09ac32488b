// The lean log-stream GET: chunked bodies split at every possible place, plain bodies, error statuses, cut-offs.
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { rawGet } from './logs-http';

const dir = mkdtempSync(join(tmpdir(), 'pw-http-'));
let n = 0;

/** A one-shot server on a unix socket that writes `pieces` (with a pause between them) and maybe closes early. */
async function serve(pieces: Buffer[]): Promise<{ docker: Docker; server: Server; request: Promise<string> }> {
  const socketPath = join(dir, `s${n++}.sock`);
  let gotRequest!: (r: string) => void;
  const request = new Promise<string>((r) => (gotRequest = r));
  const server = createServer((socket) => {
    socket.once('data', async (d) => {
      gotRequest(d.toString());
      for (const p of pieces) {
        socket.write(p);
        await new Promise((r) => setImmediate(r));
      }
      socket.end();
    });
  });
  await new Promise<void>((r) => server.listen(socketPath, r));
  return { docker: { modem: { socketPath } } as unknown as Docker, server, request };
}

async function get(pieces: Buffer[]): Promise<{ body: string; complete: boolean; request: string }> {
  const { docker, server, request } = await serve(pieces);
  try {
    const chunks: Buffer[] = [];
    const complete = await new Promise<boolean>((resolve, reject) => {
      rawGet(docker, '/containers/abc/logs', { follow: false, since: '1.5', tail: undefined }, {
        onData: (c) => chunks.push(Buffer.from(c)),
        onEnd: resolve,
      }).catch(reject);
    });
    return { body: Buffer.concat(chunks).toString(), complete, request: await request };
  } finally {
    server.close();
  }
}

function chunked(parts: string[]): string {
  return `HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n${parts
    .map((p) => `${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`)
    .join('')}0\r\n\r\n`;
}

function split(text: string, cuts: number[]): Buffer[] {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out.filter((b) => b.length);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rawGet', () => {
  it('sends the path and query, and decodes a chunked body however the bytes are split', async () => {
    const parts = ['first line\n', 'x'.repeat(300), '', 'ünïcödé\n'].filter(Boolean);
    const text = chunked(parts);
    const whole = await get([Buffer.from(text)]);
    expect(whole).toMatchObject({ body: parts.join(''), complete: true });
    expect(whole.request).toMatch(/^GET \/containers\/abc\/logs\?follow=false&since=1\.5 HTTP\/1\.1\r\n/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 10_000 }), { maxLength: 12 }), async (cuts) => {
        const got = await get(split(text, cuts));
        expect(got).toMatchObject({ body: parts.join(''), complete: true });
      }),
      { numRuns: 40 },
    );
  });

  it('reads a body without chunking, and says when a chunked body was cut off', async () => {
    expect(await get([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello')])).toMatchObject({ body: 'hello', complete: true });
    const cut = chunked(['aaaa', 'bbbb']).slice(0, -12);
    expect(await get([Buffer.from(cut)])).toMatchObject({ complete: false });
  });

  it('rejects an error status with the engine message and status code', async () => {
    const body = JSON.stringify({ message: 'No such container: abc' });
    await expect(get([Buffer.from(`HTTP/1.1 404 Not Found\r\nContent-Length: ${body.length}\r\n\r\n${body}`)])).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('No such container: abc'),
    });
  });
});
