// A lean HTTP GET for the Engine's log stream. Docker writes each log line as its own HTTP chunk, and Node's HTTP
// client raises one 'data' event per chunk, which costs more than everything else per line; reading the socket
// and undoing the chunked encoding here hands the decoder large buffers instead.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type Docker from 'dockerode';

export interface RawBody {
  pause(): void;
  resume(): void;
  destroy(): void;
}

export interface RawBodyHandlers {
  onData: (chunk: Buffer) => void;
  /** `complete` is false when the connection ended before the body did (the engine went away). */
  onEnd: (complete: boolean) => void;
}

interface ModemOptions {
  socketPath?: string | (() => Promise<string>);
  host?: string;
  port?: number | string;
  protocol?: string;
  ca?: Buffer | string;
  cert?: Buffer | string;
  key?: Buffer | string;
  version?: string;
}

const MAX_HEAD_BYTES = 64 * 1024;

function encodeQuery(query: Record<string, unknown>): string {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

/**
 * GET `path?query` on the engine `docker` talks to. Resolves once the response head is in (rejecting on a non-2xx
 * status with the engine's message and `statusCode`), then streams the body into `handlers`.
 */
export async function rawGet(docker: Docker, path: string, query: Record<string, unknown>, handlers: RawBodyHandlers): Promise<RawBody> {
  const modem = docker.modem as ModemOptions;
  // docker-modem's default socket is a function that finds the platform's socket.
  const socketPath = typeof modem.socketPath === 'function' ? await (modem.socketPath as () => Promise<string>)() : modem.socketPath;
  const socket: Socket = socketPath
    ? netConnect(socketPath)
    : modem.protocol === 'https'
      ? tlsConnect({ host: modem.host, port: Number(modem.port), ca: modem.ca, cert: modem.cert, key: modem.key, servername: modem.host })
      : netConnect({ host: modem.host ?? 'localhost', port: Number(modem.port ?? 2375) });
  const prefix = modem.version ? `/${modem.version}` : '';
  const target = `${prefix}${path}?${encodeQuery(query)}`;
  socket.write(`GET ${target} HTTP/1.1\r\nHost: docker\r\nUser-Agent: podwright\r\nConnection: close\r\n\r\n`);

  return new Promise<RawBody>((resolve, reject) => {
    let head: Buffer = Buffer.alloc(0);
    let headDone = false;
    let status = 0;
    let chunked = false;
    let errorBody = '';
    // Chunked decoding state: in 'size', `remaining` accumulates the hex size being read.
    let sizeDigits = 0;
    let remaining = 0;
    let phase: 'size' | 'extension' | 'data' | 'crlf' | 'trailer' | 'done' = 'size';
    let settled = false;
    const body: RawBody = {
      pause: () => socket.pause(),
      resume: () => socket.resume(),
      destroy: () => socket.destroy(),
    };

    const deliver = (chunk: Buffer): void => {
      if (status >= 200 && status < 300) handlers.onData(chunk);
      else if (errorBody.length < 4096) errorBody += chunk.toString('utf8');
    };

    // One log line is one chunk, so the chunk sizes are read straight from the bytes and the data of one socket
    // read is handed on as one buffer.
    const dechunk = (buf: Buffer): void => {
      const pieces: Buffer[] = [];
      let pos = 0;
      while (pos < buf.length && phase !== 'done') {
        if (phase === 'size') {
          let i = pos;
          let size = remaining;
          let digits = sizeDigits;
          for (; i < buf.length; i++) {
            const c = buf[i]!;
            const v = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
            if (v < 0) break;
            size = size * 16 + v;
            digits++;
          }
          if (digits > 8) return void socket.destroy(new Error('malformed chunked response'));
          if (i === buf.length) {
            remaining = size;
            sizeDigits = digits;
            break;
          }
          // Skip any chunk extension up to the line's end.
          const nl = buf.indexOf(0x0a, i);
          if (nl < 0) {
            remaining = size;
            sizeDigits = digits;
            phase = 'extension';
            break;
          }
          pos = nl + 1;
          sizeDigits = 0;
          remaining = size;
          phase = size === 0 ? 'trailer' : 'data';
        } else if (phase === 'extension' || phase === 'crlf' || phase === 'trailer') {
          const nl = buf.indexOf(0x0a, pos);
          if (nl < 0) break;
          const blank = nl === pos || (nl === pos + 1 && buf[pos] === 0x0d);
          pos = nl + 1;
          if (phase === 'extension') {
            sizeDigits = 0;
            phase = remaining === 0 ? 'trailer' : 'data';
          } else if (phase === 'crlf') {
            phase = 'size';
            remaining = 0;
          } else if (blank) phase = 'done';
        } else {
          const end = Math.min(buf.length, pos + remaining);
          pieces.push(buf.subarray(pos, end));
          remaining -= end - pos;
          pos = end;
          if (remaining === 0) phase = 'crlf';
        }
      }
      if (pieces.length === 1) deliver(pieces[0]!);
      else if (pieces.length > 1) deliver(Buffer.concat(pieces));
    };

    const onHead = (text: string): void => {
      const [statusLine, ...headers] = text.split('\r\n');
      status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
      chunked = headers.some((h) => /^transfer-encoding:\s*chunked/i.test(h));
      if (status >= 200 && status < 300) {
        settled = true;
        resolve(body);
      }
    };

    socket.on('data', (buf: Buffer) => {
      if (!headDone) {
        head = head.length ? Buffer.concat([head, buf]) : buf;
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > MAX_HEAD_BYTES) socket.destroy(new Error('response head too large'));
          return;
        }
        headDone = true;
        onHead(head.toString('latin1', 0, end));
        buf = head.subarray(end + 4);
        head = Buffer.alloc(0);
        if (buf.length === 0) return;
      }
      if (chunked) dechunk(buf);
      else deliver(buf);
    });
    socket.on('error', (err) => {
      if (!settled) {
        settled = true;
        reject(err);
      }
    });
    socket.on('close', () => {
      if (!settled) {
        settled = true;
        const message = errorBody ? ((): string => {
          try {
            return (JSON.parse(errorBody) as { message?: string }).message ?? errorBody;
          } catch {
            return errorBody;
          }
        })() : `no response from the engine`;
        const err = status
          ? Object.assign(new Error(`(HTTP code ${status}) ${message}`), { statusCode: status })
          : Object.assign(new Error('the engine closed the connection'), { code: 'ECONNRESET' });
        reject(err);
        return;
      }
      handlers.onEnd(chunked ? phase === 'done' : true);
    });
  });
}
