import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PodLogEvent } from '../../../shared/api/contract';
import { logBuffer, MIN_REPAINT_MS, toLine, useLogView } from './store';

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
    // A run whose log its node no longer has (on a cluster) is said as ours, not shown as the container's text.
    const gone = toLine({ kind: 'unavailable', container: 'app', attempt: 0, time: 'x', t: 4, replica: 'web-1' });
    expect(gone).toMatchObject({ stream: 'meta', replica: 'web-1', meta: { kind: 'unavailable' } });
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

  it('a filter chosen for one Pod does not hide the next Pod’s lines', () => {
    const store = useLogView.getState();
    store.showPod('default/first');
    store.append([line('app', 'a'), line('web', 'w')], 0);
    // Clicking the "web" node of the first Pod filters to it.
    useLogView.getState().focusContainer('web');
    expect(logBuffer.visibleCount).toBe(1);
    // The next Pod has no "web": its lines must show, and no chip of the old Pod stays pressed.
    useLogView.getState().showPod('default/second');
    useLogView.getState().append([line('api', 'x'), line('db', 'y')], 0);
    expect([...logBuffer.lines()].map((l) => l.text)).toEqual(['x', 'y']);
    expect(useLogView.getState().containers.size).toBe(0);
    // The same Pod again (a reconnect) keeps the user's filter and lines.
    useLogView.getState().focusContainer('db');
    useLogView.getState().showPod('default/second');
    expect([...logBuffer.lines()].map((l) => l.text)).toEqual(['y']);
    useLogView.getState().showAllContainers();
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

  describe('repaints under a flood', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    });

    it('bumps the view at most once per MIN_REPAINT_MS while lines keep coming, and at once after a quiet spell', async () => {
      // Let the repaint the earlier tests scheduled (on real timers) happen first.
      await new Promise((resolve) => setTimeout(resolve, 150));
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
      vi.stubGlobal('document', { visibilityState: 'visible' });
      // The node environment has no frames: one every 16 ms on the fake clock.
      vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(performance.now()), 16));
      vi.advanceTimersByTime(1000);
      const store = useLogView.getState();
      const start = useLogView.getState().version;
      // One batch every 5 ms for one second: 200 batches.
      for (let i = 0; i < 200; i++) {
        store.append([line('app', `line ${i}`)], 0);
        vi.advanceTimersByTime(5);
      }
      vi.advanceTimersByTime(MIN_REPAINT_MS + 20);
      const bumps = useLogView.getState().version - start;
      expect(bumps).toBeGreaterThanOrEqual(5);
      expect(bumps).toBeLessThanOrEqual(1000 / MIN_REPAINT_MS + 2);
      // Quiet for a while, then one line: it shows on the next frame, not after a repaint interval.
      vi.advanceTimersByTime(1000);
      const before = useLogView.getState().version;
      store.append([line('app', 'late')], 0);
      vi.advanceTimersByTime(20);
      expect(useLogView.getState().version).toBe(before + 1);
    });
  });
});
