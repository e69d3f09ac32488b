import { describe, expect, it } from 'vitest';
import type { PodLogEvent } from '../../../shared/api/contract';
import { logBuffer, toLine, useLogView } from './store';

const line = (container: string, text: string): PodLogEvent => ({
  kind: 'line',
  container,
  stream: 'stdout',
  time: '2026-01-01T00:00:00.000000001Z',
  t: 1,
  text,
  truncated: false,
  attempt: 0,
});

describe('log view store', () => {
  it('turns stops and restarts into meta lines', () => {
    const stopped = toLine({ kind: 'stopped', container: 'app', attempt: 0, exitCode: 2, time: 'x', t: 5 });
    expect(stopped).toMatchObject({ stream: 'meta', container: 'app', meta: { kind: 'stopped', exitCode: 2 } });
    const restarted = toLine({ kind: 'attempt', container: 'app', attempt: 1, time: 'x', t: 6 });
    expect(restarted).toMatchObject({ stream: 'meta', meta: { kind: 'attempt', attempt: 1 } });
  });

  it('focusContainer shows only that container, and turns follow back on', () => {
    const store = useLogView.getState();
    store.clear();
    store.append([line('app', 'a'), line('web', 'w'), line('app', 'b')], 0);
    store.setFollow(false);
    useLogView.getState().focusContainer('web');
    expect([...logBuffer.lines()].map((l) => l.text)).toEqual(['w']);
    expect(useLogView.getState().follow).toBe(true);
    useLogView.getState().showAllContainers();
    expect(logBuffer.visibleCount).toBe(3);
  });

  it('counts what the back end skipped, and clear resets it', () => {
    useLogView.getState().append([line('app', 'x')], 7);
    expect(useLogView.getState().skipped).toBe(7);
    useLogView.getState().clear();
    expect(useLogView.getState().skipped).toBe(0);
    expect(logBuffer.visibleCount).toBe(0);
  });

  it('search steps through matches from the top of the view and wraps around', () => {
    const store = useLogView.getState();
    store.clear();
    store.append(['GET /', 'x', 'GET /a', 'y', 'GET /b'].map((t) => line('app', t)), 0);
    useLogView.getState().setQuery('get');
    useLogView.getState().stepMatch(1, 1);
    expect(useLogView.getState().reveal?.index).toBe(2);
    useLogView.getState().stepMatch(1, 1);
    expect(useLogView.getState().reveal?.index).toBe(4);
    useLogView.getState().stepMatch(1, 1);
    expect(useLogView.getState().reveal?.index).toBe(0);
    useLogView.getState().stepMatch(-1, 1);
    expect(useLogView.getState().reveal?.index).toBe(4);
    expect(useLogView.getState().follow).toBe(false);
  });
});
