// The .env parser against compose-go's dotenv fixtures (dotenv/fixtures/*.env and godotenv_test.go's expectations).
import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv';

const read = (text: string, env: Record<string, string> = {}): Record<string, string> => {
  const out = parseDotenv(text, (n) => env[n]);
  if (out.error) throw new Error(`${out.error.line}: ${out.error.message}`);
  return Object.fromEntries(out.values);
};

describe('.env files (compose-go dotenv fixtures)', () => {
  it('reads plain values, spaces around "=", inline comments and empty values', () => {
    const text =
      'OPTION_A=1\nOPTION_B=2\nOPTION_C= 3\nOPTION_D =4\nOPTION_E = 5\n456 = ABC\nOPTION_F = \nOPTION_G=\nOPTION_H = my string # Inline comment';
    expect(read(text)).toEqual({
      OPTION_A: '1',
      OPTION_B: '2',
      OPTION_C: '3',
      OPTION_D: '4',
      OPTION_E: '5',
      '456': 'ABC',
      OPTION_F: '',
      OPTION_G: '',
      OPTION_H: 'my string',
    });
  });

  it('reads single and double quotes, escapes and multi-line values', () => {
    const text = [
      "OPTION_A='1'",
      "OPTION_B='2'",
      "OPTION_C=''",
      "OPTION_D='\\n'",
      'OPTION_E="1"',
      'OPTION_F="2"',
      'OPTION_G=""',
      'OPTION_H="\\n"',
      'OPTION_I = "echo \'asd\'" # Inline comment',
      "OPTION_J = 'first line\nsecond line\nthird line\nand so on'",
      "OPTION_K='Let\\'s go!'",
      'OPTION_Z = "last value"',
    ].join('\n');
    expect(read(text)).toEqual({
      OPTION_A: '1',
      OPTION_B: '2',
      OPTION_C: '',
      OPTION_D: '\\n',
      OPTION_E: '1',
      OPTION_F: '2',
      OPTION_G: '',
      OPTION_H: '\n',
      OPTION_I: "echo 'asd'",
      OPTION_J: 'first line\nsecond line\nthird line\nand so on',
      OPTION_K: "Let's go!",
      OPTION_Z: 'last value',
    });
  });

  it('expands variables from the environment first, then from earlier lines', () => {
    const text =
      'OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}';
    expect(read(text)).toEqual({ OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' });
    expect(read('A=x\nB=${A}', { A: 'from-env' })).toEqual({ A: 'x', B: 'from-env' });
    expect(read('A=1\nB=\'${A}\'\nC="\\$A"')).toEqual({ A: '1', B: '${A}', C: '$A' });
  });

  it('reads export, YAML-style "KEY: value", a byte order mark, and bare keys from the environment', () => {
    expect(read("export OPTION_A=2\nexport OPTION_B='\\n'")).toEqual({ OPTION_A: '2', OPTION_B: '\\n' });
    expect(read('\uFEFFKEY: value\n')).toEqual({ KEY: 'value' });
    expect(read('SET\nUNSET\nLAST=1\n', { SET: 'yes' })).toEqual({ SET: 'yes', LAST: '1' });
  });

  it('reports the line of an error and keeps what came before', () => {
    const out = parseDotenv('A=1\nB="open\n');
    expect(out.error?.message).toMatch(/unterminated quoted value/);
    expect(Object.fromEntries(out.values)).toEqual({ A: '1' });
    expect(parseDotenv('A=1\nB C=2\n').error).toEqual({ line: 2, message: 'key cannot contain a space' });
    expect(parseDotenv('A=1\nB$=2\n').error?.line).toBe(2);
  });
});
