// The one way the CLI writes to the terminal: text from a manifest or the engine is shown, never interpreted.
//
// A Pod, container or volume name, a path, an image or an engine's error can hold escape sequences that retitle the
// window, clear the screen, move the cursor or (with a bare CR) overwrite an earlier line. Every human-readable line
// goes through say()/warn(), which make control characters visible; colour codes are made here, by paint(), around
// text that has been made printable first. Data meant for pipes (export's YAML, --json, an exec session) is written
// with writeData(), unchanged. A container's own log lines are data too when piped; on a terminal they go through
// containerText(), which keeps their colours and shows the rest.

/**
 * Characters a terminal interprets: C0 controls but tab and line feed, DEL, C1 controls (0x9B is a one-byte CSI in
 * some terminals), and the Unicode line separators and bidirectional overrides that reorder or split what is shown.
 */
const INTERPRETED =
  // eslint-disable-next-line no-control-regex -- finding them is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, plus tab and line feed: a single value (a name) must not start a line of its own either. */
const INTERPRETED_OR_LINE_BREAK =
  // eslint-disable-next-line no-control-regex -- finding them is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = {
  '\x1b': '\\e',
  '\r': '\\r',
  '\n': '\\n',
  '\t': '\\t',
  '\x07': '\\a',
  '\b': '\\b',
};

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/**
 * `text` made safe to print as part of a line: every control character (line breaks and tabs too) is written as an
 * escape (`\e`, `\r`, `\x07`, `\u202e`) the user can read, so the terminal never acts on it.
 */
export function printable(text: string): string {
  return text.replace(INTERPRETED_OR_LINE_BREAK, visible);
}

/** Like printable(), but keeps line feeds and tabs: for whole messages, whose lines are ours. */
export function printableLines(text: string): string {
  return text.replace(INTERPRETED, visible);
}

/** SGR colour codes paint() may use (bold, dim, and the foreground colours). */
export type Colour = 1 | 2 | 31 | 32 | 33 | 34 | 35 | 36 | 91 | 92 | 93 | 95 | 96;

/** `text`, made printable, in a colour when `enabled`: the only place the CLI makes escape sequences. */
export function paint(colour: Colour, text: string, enabled: boolean): string {
  const safe = printableLines(text);
  return enabled ? `\x1b[${colour}m${safe}\x1b[0m` : safe;
}

/** Writes one line (or several) of human-readable output to stdout, with control characters made visible. */
export function say(text: string): void {
  process.stdout.write(`${printableLines(text)}\n`);
}

/** Writes one line (or several) of messages, warnings and errors to stderr, with control characters made visible. */
export function warn(text: string): void {
  process.stderr.write(`${printableLines(text)}\n`);
}

/**
 * A line on stderr that redraws itself in place (a countdown), on a terminal only: where `live` is false the caller
 * writes plain lines instead. Its text is made printable like every other line and cut to the terminal's width (a
 * wrapped line could not be redrawn); the carriage return and erase-line sequence are this module's own.
 */
export class StatusLine {
  private shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get live(): boolean {
    return Boolean(this.stream.isTTY) && process.env.TERM !== 'dumb';
  }

  show(text: string): void {
    const width = this.stream.columns > 1 ? this.stream.columns - 1 : 79;
    const safe = printable(text);
    this.stream.write(`\r\x1b[2K${safe.length > width ? `${safe.slice(0, width - 1)}…` : safe}`);
    this.shown = true;
  }

  /** Takes the line away, so that a plain line can be written where it was. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}

/**
 * Writes text that was already made printable piece by piece (painted output such as validate's report) to stdout.
 * Only paint()'s own colour codes may be left in it; anything else interpreted is made visible here too.
 */
export function sayPainted(text: string): void {
  process.stdout.write(keepOnlyPaint(text));
}

/** Like sayPainted(), to stderr: painted problems and messages. */
export function warnPainted(text: string): void {
  process.stderr.write(`${keepOnlyPaint(text)}\n`);
}

/** Writes data for a pipe or a program (YAML, JSON, a container's own output) unchanged. */
export function writeData(text: string | Uint8Array, stream: 'stdout' | 'stderr' = 'stdout'): void {
  (stream === 'stderr' ? process.stderr : process.stdout).write(text);
}

// eslint-disable-next-line no-control-regex -- paint()'s own sequences: ESC [ digits m
const PAINT = /\x1b\[(?:1|2|0|3[1-6]|9[1-6])m/g;

/** Text whose only escape sequences are colour codes paint() makes; every other control is made visible. */
export function keepOnlyPaint(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PAINT)) {
    out += printableLines(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + printableLines(text.slice(last));
}

// eslint-disable-next-line no-control-regex -- a program's own colours: SGR, ESC [ parameters m
const SGR = /\x1b\[[0-9;:]*m/g;

/**
 * A line a container wrote, for a terminal. docker and kubectl pass a container's output through as it is; but what
 * runs in a Pod is not always the user's own program, and its output can retitle the window (OSC), clear the screen
 * or move the cursor (CSI), send a terminal control string (DCS), rewrite the line before it with a carriage return
 * or backspace, or reorder the text (bidi overrides). Those are shown as text, as every name the CLI prints is; the
 * program's colours and text attributes (SGR) are kept, and reset at the line's end so they cannot paint our next
 * prefix. Tabs stay; a carriage return ending the line (CRLF output) is dropped: it does nothing there. Piped, the line is not
 * passed through here, so its bytes are kept for whatever reads them.
 */
export function containerText(text: string): string {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  let out = '';
  let last = 0;
  let painted = false;
  for (const match of line.matchAll(SGR)) {
    out += printableLines(line.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
    painted = true;
  }
  out += printableLines(line.slice(last));
  return painted ? `${out}\x1b[0m` : out;
}
