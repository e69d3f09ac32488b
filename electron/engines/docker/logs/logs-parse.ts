// Decodes the Engine's log and exec streams: the 8-byte multiplex frames (or a raw TTY stream), lines split
// across frames and chunks, the RFC 3339 timestamp Docker puts before each line, and over-long lines.

export type LogStream = 'stdout' | 'stderr' | 'tty';

/** One decoded log line, still without its container tag. */
export interface DecodedLine {
  stream: LogStream;
  /** The engine's timestamp as it sent it (RFC 3339 with nanoseconds), or '' when it sent none. */
  time: string;
  /** Seconds and nanoseconds of `time`, for exact ordering and de-duplication (NaN when there is none). */
  sec: number;
  nano: number;
  text: string;
  /** The line was longer than the cap; `text` is its beginning. */
  truncated: boolean;
}

/**
 * Longest line kept, in bytes. Docker itself splits lines longer than 16 KiB into partial messages, each with
 * its own timestamp, so a cap below that also keeps those inner timestamps out of the text.
 */
export const DEFAULT_MAX_LINE_BYTES = 8 * 1024;
/** Room for the timestamp prefix on top of the line cap. */
const PREFIX_BYTES = 64;

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Splits one byte stream into lines, holding at most one capped partial line. */
class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the current line were thrown away past the cap. */
  private overflowed = false;

  constructor(
    private readonly limit: number,
    private readonly onLine: (raw: Buffer, truncated: boolean) => void,
  ) {}

  write(chunk: Buffer, start: number, end: number): void {
    let pos = start;
    while (pos < end) {
      const newline = chunk.indexOf(NEWLINE, pos);
      if (newline < 0 || newline >= end) {
        this.hold(chunk, pos, end);
        return;
      }
      if (this.pendingBytes === 0 && !this.overflowed) {
        const len = newline - pos;
        if (len <= this.limit) this.onLine(chunk.subarray(pos, newline), false);
        else this.onLine(chunk.subarray(pos, pos + this.limit), true);
      } else {
        this.hold(chunk, pos, newline);
        this.flush();
      }
      pos = newline + 1;
    }
  }

  /** Emits a last line that had no newline (the stream ended mid-line). */
  flush(): void {
    if (this.pendingBytes === 0 && !this.overflowed) return;
    const raw = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const truncated = this.overflowed;
    this.pending = [];
    this.pendingBytes = 0;
    this.overflowed = false;
    this.onLine(raw, truncated);
  }

  private hold(chunk: Buffer, start: number, end: number): void {
    const room = this.limit - this.pendingBytes;
    const take = Math.min(room, end - start);
    if (take > 0) {
      // Copy: the engine's chunk may be large, and holding a slice would pin all of it.
      this.pending.push(Buffer.from(chunk.subarray(start, start + take)));
      this.pendingBytes += take;
    }
    if (end - start > take) this.overflowed = true;
  }
}

/** A cache of the last whole-second prefix parsed: consecutive lines almost always share it. */
let cachedSecondKey = '';
let cachedSecond = NaN;

/** Parses `2024-05-01T10:00:00.123456789Z` (or with a ±hh:mm offset) into seconds and nanoseconds. */
export function parseTimestamp(time: string): { sec: number; nano: number } {
  const dot = time.indexOf('.', 19);
  let key = time;
  let nano = 0;
  if (dot === 19) {
    let end = dot + 1;
    while (end < time.length && time.charCodeAt(end) >= 48 && time.charCodeAt(end) <= 57) end++;
    const digits = time.slice(dot + 1, Math.min(end, dot + 10));
    nano = Number(digits.padEnd(9, '0'));
    key = time.slice(0, dot) + time.slice(end);
  }
  if (key !== cachedSecondKey) {
    cachedSecondKey = key;
    cachedSecond = Date.parse(key) / 1000;
  }
  return Number.isFinite(cachedSecond) ? { sec: cachedSecond, nano } : { sec: NaN, nano: 0 };
}

/** Orders two lines by engine time; lines without a time sort as equal (arrival order decides). */
export function compareTime(a: { sec: number; nano: number }, b: { sec: number; nano: number }): number {
  if (Number.isNaN(a.sec) || Number.isNaN(b.sec)) return 0;
  return a.sec - b.sec || a.nano - b.nano;
}

/** Formats seconds + nanoseconds the way the Engine's `since` parameter takes them. */
export function toSinceParam(t: { sec: number; nano: number }): string {
  return `${t.sec}.${String(t.nano).padStart(9, '0')}`;
}

export interface LogDecoderOptions {
  /** The container was created with a TTY: its stream is raw, not multiplexed. */
  tty: boolean;
  /** Each line starts with the engine's timestamp (the request asked for timestamps=true). */
  timestamps: boolean;
  maxLineBytes?: number;
  onLine: (line: DecodedLine) => void;
}

/**
 * Splits the Engine's multiplexed stream (an 8-byte header per frame: stream type, 3 zero bytes, big-endian
 * length) into payload slices, across any chunk boundaries.
 */
export class FrameReader {
  private readonly header = Buffer.alloc(8);
  private headerBytes = 0;
  private frameLeft = 0;
  private frameStream: 'stdout' | 'stderr' = 'stdout';

  constructor(private readonly onPayload: (stream: 'stdout' | 'stderr', chunk: Buffer, start: number, end: number) => void) {}

  write(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.frameLeft === 0) {
        const take = Math.min(8 - this.headerBytes, chunk.length - pos);
        chunk.copy(this.header, this.headerBytes, pos, pos + take);
        this.headerBytes += take;
        pos += take;
        if (this.headerBytes < 8) return;
        this.headerBytes = 0;
        // Stream type 2 is stderr; 0 (stdin) and 1 are shown as stdout, as the docker CLI does.
        this.frameStream = this.header[0] === 2 ? 'stderr' : 'stdout';
        this.frameLeft = this.header.readUInt32BE(4);
        continue;
      }
      const end = Math.min(chunk.length, pos + this.frameLeft);
      this.onPayload(this.frameStream, chunk, pos, end);
      this.frameLeft -= end - pos;
      pos = end;
    }
  }
}

/**
 * Decodes one logs response body. Feed it chunks as they come; call end() when the body ends.
 * Memory held: one partial frame header and at most one capped partial line per stream.
 */
export class LogDecoder {
  private readonly frames: FrameReader;
  private readonly splitters: Record<LogStream, LineSplitter>;

  constructor(private readonly options: LogDecoderOptions) {
    const limit = (options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES) + (options.timestamps ? PREFIX_BYTES : 0);
    const make = (stream: LogStream): LineSplitter =>
      new LineSplitter(limit, (raw, truncated) => this.line(stream, raw, truncated));
    this.splitters = { stdout: make('stdout'), stderr: make('stderr'), tty: make('tty') };
    this.frames = new FrameReader((stream, chunk, start, end) => this.splitters[stream].write(chunk, start, end));
  }

  write(chunk: Buffer): void {
    if (this.options.tty) this.splitters.tty.write(chunk, 0, chunk.length);
    else this.frames.write(chunk);
  }

  end(): void {
    this.splitters.stdout.flush();
    this.splitters.stderr.flush();
    this.splitters.tty.flush();
  }

  private line(stream: LogStream, raw: Buffer, truncated: boolean): void {
    let start = 0;
    let time = '';
    let sec = NaN;
    let nano = 0;
    if (this.options.timestamps) {
      const space = raw.indexOf(SPACE);
      if (space > 0 && space < PREFIX_BYTES) {
        time = raw.toString('latin1', 0, space);
        ({ sec, nano } = parseTimestamp(time));
        if (Number.isNaN(sec)) time = '';
        else start = space + 1;
      }
    }
    let end = raw.length;
    const max = this.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (end - start > max) truncated = true;
    if (truncated) end = utf8Boundary(raw, start, Math.min(end, start + max));
    if (end > start && raw[end - 1] === 0x0d) end--;
    this.options.onLine({ stream, time, sec, nano, text: raw.toString('utf8', start, end), truncated });
  }
}

/** Never cut a UTF-8 sequence in half: backs `end` up to the start of a character that does not fit. */
function utf8Boundary(raw: Buffer, start: number, end: number): number {
  let lead = end - 1;
  while (lead > start && (raw[lead]! & 0xc0) === 0x80) lead--;
  const byte = raw[lead] ?? 0;
  const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead + size > end ? lead : end;
}

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Reads a `since` value: a Go-style duration back from now (`90s`, `5m`, `1h30m`), an RFC 3339 time, or Unix
 * seconds. Returns the Engine's `since` parameter (Unix seconds with a fraction), or throws on nonsense.
 */
export function parseSince(value: string, now = Date.now()): string {
  const text = value.trim();
  if (/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(text)) {
    let seconds = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) seconds += Number(amount) * UNITS[unit!]!;
    const ms = now - seconds * 1000;
    return toSinceParam({ sec: Math.floor(ms / 1000), nano: Math.round((ms % 1000) * 1e6) });
  }
  if (/^\d+(\.\d{1,9})?$/.test(text)) return text;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/.test(text)) {
    const t = parseTimestamp(text);
    if (!Number.isNaN(t.sec)) return toSinceParam(t);
  }
  throw new Error(`"${value}" is not a duration (5m, 1h30m), an RFC 3339 time or Unix seconds.`);
}
