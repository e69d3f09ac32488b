import { describe, expect, it } from 'vitest';
import type { ApiClient, SubscriptionHandlers } from '../../../shared/api/client';
import { parseCommand, TerminalSession } from './session';

/** A client that records calls and lets the test play the back end's session events. */
function fakeClient() {
  const calls: Array<[string, unknown]> = [];
  let handlers: SubscriptionHandlers<unknown> | undefined;
  let params: unknown;
  let unsubscribed = false;
  const client = {
    call: (method: string, input: unknown) => {
      calls.push([method, input]);
      return Promise.resolve({});
    },
    subscribe: (_topic: string, p: unknown, h: SubscriptionHandlers<unknown>) => {
      params = p;
      handlers = h;
      return () => (unsubscribed = true);
    },
  } as unknown as ApiClient;
  return {
    client,
    calls,
    params: () => params,
    emit: (...events: unknown[]) => handlers!.onEvents(events, 0),
    end: () => handlers!.onEnd?.(),
    unsubscribed: () => unsubscribed,
  };
}

describe('parseCommand', () => {
  it('splits on spaces and defaults to sh', () => {
    expect(parseCommand('  ')).toEqual(['sh']);
    expect(parseCommand('bash -l')).toEqual(['bash', '-l']);
  });
});

describe('TerminalSession', () => {
  it('opens a TTY session, queues keys until started, then forwards input, resizes and output', () => {
    const fake = fakeClient();
    const output: string[] = [];
    const ended: unknown[] = [];
    const session = new TerminalSession(
      fake.client,
      { pod: 'p', namespace: 'default', container: 'app', command: ['sh'] },
      { cols: 80, rows: 24 },
      { output: (d) => output.push(d), ended: (r) => ended.push(r) },
    );
    expect(fake.params()).toMatchObject({
      name: 'p',
      container: 'app',
      command: ['sh'],
      tty: true,
      cols: 80,
      rows: 24,
    });
    session.input('ls\r');
    session.resize(100, 30);
    expect(fake.calls).toEqual([]);
    void fake.emit({ kind: 'started', session: 's1' }, { kind: 'output', stream: 'tty', data: 'hello' });
    expect(fake.calls).toEqual([
      ['pod.exec.input', { session: 's1', data: 'ls\r' }],
      ['pod.exec.resize', { session: 's1', cols: 100, rows: 30 }],
    ]);
    expect(output).toEqual(['hello']);
    session.resize(100, 30); // same size: nothing to send
    session.input('x');
    expect(fake.calls.at(-1)).toEqual(['pod.exec.input', { session: 's1', data: 'x' }]);
    void fake.emit({ kind: 'exit', exitCode: 3 });
    expect(ended).toEqual([{ exitCode: 3 }]);
    session.input('ignored');
    expect(fake.calls.at(-1)).toEqual(['pod.exec.input', { session: 's1', data: 'x' }]);
  });

  it('close unsubscribes (the back end hangs up the shell)', () => {
    const fake = fakeClient();
    const session = new TerminalSession(
      fake.client,
      { pod: 'p', namespace: 'default', container: 'app', command: ['sh'] },
      { cols: 80, rows: 24 },
      { output: () => {}, ended: () => {} },
    );
    session.close();
    expect(fake.unsubscribed()).toBe(true);
  });

  it('ignores a batch the client delivers after close', () => {
    const fake = fakeClient();
    const output: string[] = [];
    const session = new TerminalSession(
      fake.client,
      { pod: 'p', namespace: 'default', container: 'app', command: ['sh'] },
      { cols: 80, rows: 24 },
      { output: (d) => output.push(d), ended: () => {} },
    );
    session.input('ls\r');
    session.close();
    void fake.emit({ kind: 'started', session: 's1' }, { kind: 'output', stream: 'tty', data: 'late' });
    expect(output).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});
