import { describe, expect, it } from 'vitest';
import { judge, mainCommandLine, normalizeText, processCommands, type ProofOutput } from './prove';

const out = (container: string, stdout: string, exitCode: number | null = 0): ProofOutput => ({
  container,
  stdout,
  stderr: '',
  exitCode,
});

// Listings as busybox `ps -o pid,args` prints them.
const apiAlone = 'PID   COMMAND\n    1 httpd -f -p 80 -h /www\n   13 ps -o pid,args\n';
const mainAlone = 'PID   COMMAND\n    1 sh -c while true; do echo hello world; sleep 5; done\n   40 sleep 5\n   41 ps -o pid,args\n';
const shared = (ps: number) =>
  `PID   COMMAND\n    1 /pause\n    7 httpd -f -p 80 -h /www\n   12 sh -c while true; do echo hello world; sleep 5; done\n   50 sleep 5\n   ${ps} ps -o pid,args\n`;
const mains = { api: 'httpd -f -p 80 -h /www', main: 'sh -c while true; do echo hello world; sleep 5; done' };

describe('judge', () => {
  it('calls identical text the same, ignoring trailing blanks and NULs', () => {
    expect(judge([out('a', 'pod-1\n'), out('b', 'pod-1')], 'text').verdict).toBe('same');
    expect(judge([out('a', '/pause\0'), out('b', '/pause\0\n')], 'text').verdict).toBe('same');
    expect(judge([out('a', 'bin\nlogs\n'), out('b', 'bin\ndata\n')], 'text').verdict).toBe('different');
  });

  it('fails when a command failed or there is only one output', () => {
    expect(judge([out('a', 'x'), out('b', '', 1)], 'text').verdict).toBe('failed');
    expect(judge([out('a', 'x')], 'text').verdict).toBe('failed');
  });

  it('sees separate process lists without a shared PID namespace', () => {
    const r = judge([out('api', apiAlone), out('main', mainAlone)], 'processes', mains);
    expect(r.verdict).toBe('different');
    expect(r.sees).toEqual({ api: [], main: [] });
  });

  it('sees each other’s processes with a shared PID namespace, whatever ps itself is numbered', () => {
    const r = judge([out('api', shared(60)), out('main', shared(61))], 'processes', mains);
    expect(r.verdict).toBe('same');
    expect(r.sees).toEqual({ api: ['main'], main: ['api'] });
  });

  it('cannot judge processes without the main commands', () => {
    expect(judge([out('api', apiAlone), out('main', mainAlone)], 'processes', {}).verdict).toBe('failed');
  });
});

describe('helpers', () => {
  it('reads process commands without header or ps', () => {
    expect(processCommands(mainAlone)).toEqual(['sh -c while true; do echo hello world; sleep 5; done', 'sleep 5']);
  });
  it('joins command and args as ps prints them', () => {
    expect(mainCommandLine({ command: ['httpd', '-f'], args: ['-p', '80'] })).toBe('httpd -f -p 80');
    expect(mainCommandLine({})).toBeUndefined();
  });
  it('normalizes blank lines away', () => {
    expect(normalizeText('a  \n\n b\n')).toBe('a\n b');
  });
});
