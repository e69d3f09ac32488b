// The CLI's one way to the terminal: control characters from a manifest or the engine are shown, not interpreted, and
// no command writes to stdout or stderr around it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerText, keepOnlyPaint, paint, printable, printableLines } from './terminal';

describe("containerText: a container's own line, for a terminal", () => {
  it('shows what would retitle the window, clear the screen, move the cursor, rewrite or reorder the line', () => {
    const hostile =
      'a\x1b]0;PWNED\x07b\x1b]8;;http://x\x1b\\c\x1bPq#0\x1b\\d\x1b[2J\x1b[H\x1b[1A\x1b[?1049h\rOVER\bX\u202eevil\x9b2J\x1bc';
    const shown = containerText(hostile);
    expect(shown).toBe(
      'a\\e]0;PWNED\\ab\\e]8;;http://x\\e\\c\\ePq#0\\e\\d\\e[2J\\e[H\\e[1A\\e[?1049h\\rOVER\\bX\\u202eevil\\x9b2J\\ec',
    );
    // eslint-disable-next-line no-control-regex -- the point
    expect(shown).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
  });

  it("keeps the program's colours and attributes, reset at the line's end, and drops a CRLF's carriage return", () => {
    expect(containerText('\x1b[1;31mERROR\x1b[0m disk \x1b[38;5;208mfull')).toBe(
      '\x1b[1;31mERROR\x1b[0m disk \x1b[38;5;208mfull\x1b[0m',
    );
    expect(containerText('plain line\r')).toBe('plain line');
    // A tab only moves along the line: kept, for the columns programs align with it.
    expect(containerText('a\tb')).toBe('a\tb');
  });
});

describe('printable', () => {
  it('shows escape sequences, bells, carriage returns and C1 controls as text', () => {
    const hostile = 'pod\x1b]0;PWNED\x07\x1b[2J\rOVER\x9b2J\u202eevil\x00';
    const shown = printable(hostile);
    expect(shown).toBe('pod\\e]0;PWNED\\a\\e[2J\\rOVER\\x9b2J\\u202eevil\\x00');
    // eslint-disable-next-line no-control-regex -- the point
    expect(shown).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
  });

  it('keeps line feeds and tabs only where whole messages are printed', () => {
    expect(printable('a\nb\tc')).toBe('a\\nb\\tc');
    expect(printableLines('a\nb\tc\r\n')).toBe('a\nb\tc\\r\n');
  });

  it('leaves ordinary text alone, non-ASCII included', () => {
    expect(printable('spec.containers[0].image: nginx:1.27 — 容器')).toBe(
      'spec.containers[0].image: nginx:1.27 — 容器',
    );
  });

  it('paints only printable text, and keepOnlyPaint lets through nothing but its colour codes', () => {
    expect(paint(31, 'x\x1b[2Jy', true)).toBe('\x1b[31mx\\e[2Jy\x1b[0m');
    expect(paint(31, 'x', false)).toBe('x');
    expect(keepOnlyPaint(`${paint(32, 'ok', true)} \x1b]0;t\x07`)).toBe('\x1b[32mok\x1b[0m \\e]0;t\\a');
  });
});

describe('CLI output paths', () => {
  /** Source files of the CLI, tests aside. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
    });
  }

  it('write to the terminal only through terminal.ts', () => {
    const offenders = sources('electron/cli')
      .filter((file) => !file.endsWith('terminal.ts'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line }))
          .filter(({ text }) => /process\.std(out|err)\.write\(|console\.(log|error|warn|info)\(/.test(text)),
      );
    expect(offenders.map((o) => `${o.file}:${o.line}: ${o.text.trim()}`)).toEqual([]);
  });
});
