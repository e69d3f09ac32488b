// The CLI's one way to the terminal: control characters from a manifest or the engine are shown, not interpreted, and
// no command writes to stdout or stderr around it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOnlyPaint, paint, printable, printableLines } from './terminal';

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
