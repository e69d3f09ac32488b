// How the CLI writes a Pod's log lines (`podwright logs`, a foreground `podwright run`): in large writes, holding the
// merge while the pipe is full, with one colour per container.
import type { LogFlow } from '../engines/docker';
import { containerText, type Colour } from './terminal';

const COLOURS: Colour[] = [36, 32, 33, 35, 34, 91, 96, 92, 93, 95];

/** One colour per container, in the order they are first seen, as `docker compose` gives them. */
export class ContainerColours {
  private readonly given = new Map<string, Colour>();

  of(container: string): Colour {
    let colour = this.given.get(container);
    if (colour === undefined) {
      colour = COLOURS[this.given.size % COLOURS.length]!;
      this.given.set(container, colour);
    }
    return colour;
  }
}

/** Writes lines in large writes (one per turn of the event loop), and tells the merge when the pipe is full. */
export class LineWriter implements LogFlow {
  private pending: string[] = [];
  private scheduled = false;
  closed = false;

  constructor(private readonly out: NodeJS.WriteStream) {}

  push(line: string): void {
    if (this.closed) return;
    this.pending.push(line);
    if (this.pending.length >= 2000) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || this.closed) return;
    this.out.write(this.pending.join(''));
    this.pending = [];
  }

  ready(): boolean {
    return this.closed || !this.out.writableNeedDrain;
  }

  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.out.once('drain', resolve);
      this.out.once('close', resolve);
    });
  }
}

/** A log event as the engines give it (a cluster's also names the replica). */
type LogEvent =
  | { kind: 'line'; text: string; truncated: boolean }
  | { kind: 'attempt'; attempt: number }
  | { kind: 'stopped'; exitCode: number }
  | { kind: 'unavailable' };

/** How a container's own text is written: unchanged to a pipe, through containerText() to a terminal. */
export function containerOutput(stream: NodeJS.WriteStream): (text: string) => string {
  return stream.isTTY ? containerText : (text) => text;
}

/**
 * One event as a line: `prefix` (the container, made printable and painted by the caller) before the container's own
 * text, as `own` writes it (containerOutput()), or before a note of ours about a restart or an exit, painted with
 * `note`.
 */
export function logLine(
  event: LogEvent,
  prefix: string,
  note: (text: string) => string,
  stamp = '',
  own: (text: string) => string = (text) => text,
): string {
  switch (event.kind) {
    case 'line':
      return `${prefix}${stamp}${own(event.text)}${event.truncated ? note(' [truncated]') : ''}\n`;
    case 'attempt':
      return `${prefix}${stamp}${note(`--- restarted (attempt ${event.attempt + 1}) ---`)}\n`;
    case 'stopped':
      return `${prefix}${stamp}${note(`--- exited with code ${event.exitCode} ---`)}\n`;
    case 'unavailable':
      return `${prefix}${stamp}${note("--- this run's log is gone (its node removed the container) ---")}\n`;
  }
}
