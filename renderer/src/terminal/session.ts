// One terminal session over the exec API: subscribes pod.exec.session with a TTY, queues keystrokes until the
// back end names the session, and forwards input and resizes. No DOM here: the panel wires it to xterm.js.
import type { ApiClient } from '../../../shared/api/client';

export interface SessionTarget {
  pod: string;
  namespace: string;
  container: string;
  command: string[];
}

export interface SessionEvents {
  output(data: string): void;
  /** The command ended: its exit code (null when the engine could not say), or the error that ended it. */
  ended(result: { exitCode: number | null } | { error: string }): void;
}

/** Splits what the user typed in the command box into an argument vector; empty means `sh`. */
export function parseCommand(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length ? words : ['sh'];
}

export class TerminalSession {
  private id: string | undefined;
  private queued: string[] = [];
  private size: { cols: number; rows: number };
  /** The size the back end knows, so a resize before `started` is sent once the session has an id. */
  private sent: { cols: number; rows: number };
  private unsubscribe: (() => void) | undefined;
  private done = false;

  constructor(
    private readonly client: ApiClient,
    target: SessionTarget,
    size: { cols: number; rows: number },
    private readonly events: SessionEvents,
  ) {
    this.size = size;
    this.sent = size;
    this.unsubscribe = client.subscribe(
      'pod.exec.session',
      {
        name: target.pod,
        namespace: target.namespace,
        container: target.container,
        command: target.command,
        tty: true,
        cols: size.cols,
        rows: size.rows,
      },
      {
        onEvents: (batch) => {
          // The client may deliver a batch it queued before close() or the exit: the session is over.
          if (this.done) return;
          for (const event of batch) {
            if (event.kind === 'started') {
              this.id = event.session;
              const pending = this.queued.join('');
              this.queued = [];
              if (pending) this.input(pending);
              this.sendSize();
            } else if (event.kind === 'output') events.output(event.data);
            else this.finish({ exitCode: event.exitCode });
          }
        },
        onEnd: (error) => this.finish(error ? { error: error.message } : { exitCode: null }),
      },
    );
  }

  get started(): boolean {
    return this.id !== undefined;
  }

  input(data: string): void {
    if (this.done) return;
    if (!this.id) {
      this.queued.push(data);
      return;
    }
    this.client.call('pod.exec.input', { session: this.id, data }).catch(() => undefined);
  }

  resize(cols: number, rows: number): void {
    if (this.done || (cols === this.size.cols && rows === this.size.rows)) return;
    this.size = { cols, rows };
    this.sendSize();
  }

  private sendSize(): void {
    if (!this.id || (this.size.cols === this.sent.cols && this.size.rows === this.sent.rows)) return;
    this.sent = this.size;
    this.client.call('pod.exec.resize', { session: this.id, ...this.size }).catch(() => undefined);
  }

  /** Hangs up: the shell gets SIGHUP on the back end when the subscription goes. */
  close(): void {
    this.done = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private finish(result: { exitCode: number | null } | { error: string }): void {
    if (this.done) return;
    this.done = true;
    this.unsubscribe = undefined;
    this.events.ended(result);
  }
}
