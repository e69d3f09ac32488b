// A unix-socket proxy in front of the real Docker socket, for fault tests: it can lose the engine (cut every
// connection and refuse new ones), bring it back, cut the connection when a given request goes by, or answer slowly.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EngineProxyOptions {
  /** The engine's socket (default: the main engine's). */
  target?: string;
  /** Milliseconds each request waits before it reaches the engine: an engine on a busy machine. */
  latencyMs?: number;
}

/** A request line ("POST /v1.41/containers/abc/wait?condition=not-running HTTP/1.1") that went through. */
export type RequestLine = string;

export class EngineProxy {
  private readonly dir = mkdtempSync(join(tmpdir(), 'pw-proxy-'));
  readonly path = join(this.dir, 'engine.sock');
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly target: string;
  private latencyMs: number;
  private trigger: { pattern: RegExp; then: (line: RequestLine) => void } | undefined;
  private slowed: { pattern: RegExp; ms: number } | undefined;
  /** Frozen: connections are accepted, and nothing goes through (an engine that hangs, not one that died). */
  private frozen = false;
  /** Every request line seen, in order. */
  readonly requests: RequestLine[] = [];

  constructor(options: EngineProxyOptions = {}) {
    this.target = options.target ?? '/var/run/docker.sock';
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** The proxy as a DOCKER_HOST-style host for `new Engine({ host })`. */
  get host(): string {
    return `unix://${this.path}`;
  }

  /** Listens (again): the engine is reachable. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.relay(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.path, resolve));
  }

  /** The engine goes away: every open connection is cut and new ones are refused until start(). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    this.cut();
    await closed;
  }

  /** Cuts every open connection (the engine's side closes), leaving the proxy listening. */
  cut(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Once a request line matches `pattern`, calls `then` (once) right after forwarding it. */
  when(pattern: RegExp, then: (line: RequestLine) => void): void {
    this.trigger = { pattern, then };
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Requests matching `pattern` reach the engine `ms` later (others as usual): one slow operation, a live engine. */
  slow(pattern: RegExp, ms: number): void {
    this.slowed = { pattern, ms };
  }

  /** The engine hangs: open connections and new ones stay open, and no byte goes either way until thaw(). */
  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private relay(client: Socket): void {
    const upstream = connect(this.target);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => {
        this.sockets.delete(s);
        // One side gone is the whole connection gone, as when the engine dies.
        client.destroy();
        upstream.destroy();
      });
      s.on('error', () => undefined);
    }
    upstream.on('data', (chunk: Buffer) => {
      if (!this.frozen) client.write(chunk);
    });
    // Requests go through in order, each after the latency; the request lines are read as they pass.
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      const lines = chunk
        .toString('latin1')
        .split('\r\n')
        .filter((l) => /^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.[01]$/.test(l));
      const slowed = this.slowed && lines.some((l) => this.slowed!.pattern.test(l)) ? this.slowed.ms : 0;
      const delay = lines.length > 0 ? this.latencyMs + slowed : 0;
      queue = queue.then(async () => {
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        if (upstream.destroyed || this.frozen) return;
        upstream.write(chunk);
        for (const line of lines) {
          this.requests.push(line);
          const trigger = this.trigger;
          if (trigger && trigger.pattern.test(line)) {
            this.trigger = undefined;
            trigger.then(line);
          }
        }
      });
    });
  }
}
