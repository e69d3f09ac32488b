// Command strings split as Compose splits them (mattn/go-shellwords' own test cases), including where it stops.
import { describe, expect, it } from 'vitest';
import { shellWords } from './shell-words';

const words = (line: string): string[] => {
  const out = shellWords(line);
  if (!out.ok) throw new Error(out.message);
  return out.words;
};

describe('shell words (go-shellwords cases)', () => {
  it('splits like go-shellwords', () => {
    const cases: [string, string[]][] = [
      ['', []],
      ['""', ['']],
      ["''", ['']],
      ['var --bar=baz', ['var', '--bar=baz']],
      ['var --bar="baz"', ['var', '--bar=baz']],
      ['var "--bar=baz"', ['var', '--bar=baz']],
      [`var "--bar='baz'"`, ['var', "--bar='baz'"]],
      ['var --bar=`baz`', ['var', '--bar=`baz`']],
      ['var "--bar=\\"baz\'"', ['var', '--bar="baz\'']],
      ['var "--bar=\\\'baz\\\'"', ['var', "--bar='baz'"]],
      ["var --bar='\\'", ['var', '--bar=\\']],
      ['var "--bar baz"', ['var', '--bar baz']],
      ['var --"bar baz"', ['var', '--bar baz']],
      ['var  --"bar baz"', ['var', '--bar baz']],
      ['a " b "', ['a', ' b ']],
      ["a '   '", ['a', '   ']],
      ['foo bar\\  ', ['foo', 'bar ']],
      ['foo "" bar \'\'', ['foo', '', 'bar', '']],
      ['foo \\\\', ['foo', '\\']],
      ['foo \\& bar', ['foo', '&', 'bar']],
      ['sh -c "printf \'Hello\\tworld\\n\'"', ['sh', '-c', "printf 'Hello\tworld\n'"]],
      ['echo $(date)', ['echo', '$(date)']],
      ['bundle exec thin -p 3000', ['bundle', 'exec', 'thin', '-p', '3000']],
    ];
    for (const [line, expected] of cases) expect(words(line), line).toEqual(expected);
  });

  it('stops at an unquoted shell operator and says what it dropped', () => {
    expect(shellWords('sh -c "a && b"')).toEqual({ ok: true, words: ['sh', '-c', 'a && b'] });
    expect(shellWords('make build && make run')).toEqual({
      ok: true,
      words: ['make', 'build'],
      dropped: '&& make run',
    });
    expect(shellWords('echo hi > /tmp/x')).toEqual({ ok: true, words: ['echo', 'hi'], dropped: '> /tmp/x' });
    expect(shellWords('cmd 2>/dev/null')).toEqual({ ok: true, words: ['cmd'], dropped: '2>/dev/null' });
  });

  it('refuses unclosed quotes, a trailing backslash and a bare parenthesis', () => {
    for (const line of ["foo '", 'foo "', 'foo `', 'foo \\', 'foo (bar)', 'foo )'])
      expect(shellWords(line).ok, line).toBe(false);
  });
});
