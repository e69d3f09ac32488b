// Unit tests for the log stream decoder: frames, partial lines, long lines, timestamps, TTY, `since`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTime, LogDecoder, parseSince, parseTimestamp, type DecodedLine } from './logs-parse';

function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

function decode(chunks: Buffer[], options: { tty?: boolean; timestamps?: boolean; max?: number } = {}): DecodedLine[] {
  const lines: DecodedLine[] = [];
  const decoder = new LogDecoder({
    tty: options.tty ?? false,
    timestamps: options.timestamps ?? true,
    maxLineBytes: options.max,
    onLine: (l) => lines.push(l),
  });
  for (const c of chunks) decoder.write(c);
  decoder.end();
  return lines;
}

const T1 = '2026-11-23T10:00:00.000000001Z';
const T2 = '2026-11-23T10:00:00.5Z';

describe('LogDecoder', () => {
  it('demultiplexes stdout and stderr and reads the timestamps', () => {
    const lines = decode([frame(1, `${T1} hello\n`), frame(2, `${T2} oops\n`)]);
    expect(lines.map((l) => [l.stream, l.text, l.time])).toEqual([
      ['stdout', 'hello', T1],
      ['stderr', 'oops', T2],
    ]);
    expect(lines[0]!.nano).toBe(1);
    expect(lines[1]!.nano).toBe(500_000_000);
    expect(lines[1]!.sec - lines[0]!.sec).toBe(0);
  });

  it('rebuilds lines split across frames and across chunks, headers included', () => {
    const bytes = Buffer.concat([frame(1, `${T1} hel`), frame(1, `lo\n${T2} wor`), frame(1, 'ld\n')]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(bytes.subarray(prev, p));
          prev = p;
        }
        chunks.push(bytes.subarray(prev));
        expect(decode(chunks).map((l) => l.text)).toEqual(['hello', 'world']);
      }),
    );
  });

  it('emits a last line without a newline when the stream ends', () => {
    expect(decode([frame(1, `${T1} no newline`)]).map((l) => l.text)).toEqual(['no newline']);
  });

  it('reads a raw TTY stream and drops the carriage return', () => {
    const lines = decode([Buffer.from(`${T1} prompt\r\n${T2} more\r\n`)], { tty: true });
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ['tty', 'prompt'],
      ['tty', 'more'],
    ]);
  });

  it('caps a very long line, marks it truncated, and keeps the lines after it', () => {
    const long = 'x'.repeat(100_000);
    const lines = decode([frame(1, `${T1} ${long.slice(0, 30_000)}`), frame(1, `${long.slice(30_000)}\n${T2} next\n`)], { max: 1000 });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.truncated).toBe(true);
    expect(lines[0]!.text).toBe('x'.repeat(1000));
    expect(lines[0]!.time).toBe(T1);
    expect(lines[1]).toMatchObject({ text: 'next', truncated: false });
  });

  it('never cuts a UTF-8 character in half', () => {
    const lines = decode([frame(1, `${T1} ${'é'.repeat(10)}\n`)], { max: 5 });
    expect(lines[0]!.text).toBe('éé');
    expect(lines[0]!.truncated).toBe(true);
  });

  it('keeps text that has no timestamp', () => {
    expect(decode([frame(1, 'plain line\n')]).map((l) => [l.text, l.time])).toEqual([['plain line', '']]);
    expect(decode([frame(1, 'plain line\n')], { timestamps: false })[0]!.text).toBe('plain line');
  });
});

describe('timestamps and since', () => {
  it('orders by seconds then nanoseconds, with offsets', () => {
    const a = parseTimestamp('2026-11-23T10:00:00.999999999Z');
    const b = parseTimestamp('2026-11-23T11:00:01.000000001+01:00');
    expect(compareTime(a, b)).toBeLessThan(0);
    expect(b.nano).toBe(1);
  });

  it('reads durations, RFC 3339 and Unix seconds, and refuses the rest', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseSince('5m', now)).toBe(`${now / 1000 - 300}.000000000`);
    expect(parseSince('1h30m', now)).toBe(`${now / 1000 - 5400}.000000000`);
    expect(parseSince('2026-11-23T09:00:00.25Z', now)).toBe(`${now / 1000 - 3600}.250000000`);
    expect(parseSince('1700000000', now)).toBe('1700000000');
    expect(() => parseSince('yesterday', now)).toThrow(/not a duration/);
    expect(() => parseSince('5m; rm -rf /', now)).toThrow();
  });
});
