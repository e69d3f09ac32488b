// The engine connection's HTTP agent: a request is given up when the engine stops making progress, not after a fixed
// time, and a request whose connection closes always settles.
//
// docker-modem gave every request a fixed 10 s socket timeout: a create or start that Docker needs 13 s for under load
// was cut ("socket hang up") while the engine was working. And once the response head was in, it waited for the body's
// 'end' only, so a connection that closed mid-body (the engine going away during an init container's wait) left the
// call pending forever. Here a request quiet for `idleMs` (no byte either way) makes the agent ask the engine whether
// it is still there (a ping on a fresh connection, shared by all quiet requests): an engine that answers is working and
// the request waits on; one that does not answer loses the request. A body cut short fails the request.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { inspect } from 'node:util';
import type { ResolvedEndpoint } from './endpoint';

export interface ProgressWatch {
  /** Milliseconds without a byte either way before the engine is asked whether it is still there. */
  idleMs: number;
  /** Whether the engine answers now. */
  alive: () => Promise<boolean>;
}

/** A connection error: the engine closed it (ECONNRESET) or stopped answering (ETIMEDOUT). */
function connectionError(why: 'cut' | 'silent'): NodeJS.ErrnoException {
  return why === 'cut'
    ? Object.assign(new Error('the engine closed the connection before its answer was complete'), {
        code: 'ECONNRESET',
      })
    : Object.assign(new Error('the engine stopped answering (no progress, and no answer to a ping)'), {
        code: 'ETIMEDOUT',
      });
}

/** Watches one request until it ends: progress or a live engine keeps it, silence from a dead engine fails it. */
function watchRequest(req: http.ClientRequest, watch: ProgressWatch): void {
  let socket: Socket | undefined;
  let seen = -1;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  let response: http.IncomingMessage | undefined;
  const stop = (): void => {
    done = true;
    clearTimeout(timer);
  };
  const fail = (err: Error): void => {
    if (done) return;
    stop();
    // Before the head, destroying the request makes it emit the error; after it, docker-modem listens to the request's
    // 'error' and the body's 'end' only, so the error goes to the request.
    if (!response) req.destroy(err);
    else if (req.listenerCount('error') > 0) req.emit('error', err);
  };
  const check = (): void => {
    if (done || !socket) return;
    const bytes = socket.bytesRead + socket.bytesWritten;
    if (bytes !== seen) {
      seen = bytes;
      return arm();
    }
    void watch.alive().then((alive) => {
      if (done) return;
      if (alive) arm();
      else fail(connectionError('silent'));
    });
  };
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(check, watch.idleMs);
    timer.unref();
  };
  req.once('socket', (s: Socket) => {
    socket = s;
    seen = s.bytesRead + s.bytesWritten;
    arm();
  });
  req.once('response', (res: http.IncomingMessage) => {
    response = res;
    res.once('end', stop);
    res.once('close', () => (res.complete ? stop() : fail(connectionError('cut'))));
  });
  // A hijacked connection (exec) belongs to its session from here: an idle terminal is not a dead engine.
  req.once('upgrade', stop);
  req.once('error', stop);
  req.once('close', () => {
    if (!response) stop();
  });
}

/** docker-modem's HTTP(S) agent for one engine, with `watch` on every request. */
export function engineAgent(protocol: 'http' | 'https', watch: ProgressWatch): http.Agent {
  // The same pooling as Node's global agent, which docker-modem used before.
  const options = { keepAlive: true, scheduling: 'lifo' as const };
  const Base = protocol === 'https' ? https.Agent : http.Agent;
  const agent = new Base(options);
  const addRequest = (agent as unknown as { addRequest: (req: http.ClientRequest, o: unknown) => void }).addRequest;
  // Agent.addRequest is where Node hands every request to its agent (it is how proxy agents hook in).
  Object.assign(agent, {
    addRequest(this: http.Agent, req: http.ClientRequest, requestOptions: unknown) {
      watchRequest(req, watch);
      addRequest.call(this, req, requestOptions);
    },
    // docker-modem formats every request's options for its debug log before it knows whether the log is on
    // (util.inspect with showHidden and no depth limit), and the options hold this agent: its sockets, their parsers
    // and queues, some 20 kB of text, 1.5-3 ms of CPU per call; a 2-app `podwright run` makes a dozen calls, each
    // delayed by the one before. Shown as its name, the agent costs nothing to format.
    [inspect.custom]: () => `EngineAgent(${protocol})`,
  });
  return agent;
}

/** Whether the engine answers GET /_ping within `timeoutMs`, on a connection of its own (never queued). */
export function pingEngine(target: ResolvedEndpoint['modem'], timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const client = target.protocol === 'https' ? https : http;
    const req = client.request(
      {
        ...(target.socketPath ? { socketPath: target.socketPath } : { host: target.host, port: target.port }),
        ca: target.ca,
        cert: target.cert,
        key: target.key,
        path: '/_ping',
        method: 'GET',
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve((res.statusCode ?? 500) < 500));
        res.once('error', () => resolve(false));
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}

/**
 * One engine's liveness check for all its quiet requests: at most one ping in flight, and an answer stands for a
 * while, so a hundred quiet log streams cost one ping per period, not a hundred.
 */
export function sharedLiveness(ping: () => Promise<boolean>, freshMs: number): () => Promise<boolean> {
  let pending: Promise<boolean> | undefined;
  let answeredAt = 0;
  return () => {
    if (Date.now() - answeredAt < freshMs) return Promise.resolve(true);
    pending ??= ping().then((alive) => {
      pending = undefined;
      if (alive) answeredAt = Date.now();
      return alive;
    });
    return pending;
  };
}
