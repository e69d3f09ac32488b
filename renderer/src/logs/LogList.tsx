// The virtualised list of log lines: only the rows in view are in the DOM, so 50,000 lines cost the same to
// paint as 30. Rows are one fixed height (or, wrapped, a whole number of them computed from the monospace width).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRanges, type LogLine } from './buffer';
import { clockTime, wrappedRows } from './format';
import { logBuffer, useLogView } from './store';

/** Row height in px; the CSS uses the same number (logs.css --log-row). */
export const ROW = 18;
const OVERSCAN = 10;
const TIME_CH = 13;

interface LogListProps {
  colourOf: (container: string) => number;
  /** Width of the container column, in characters. */
  nameCh: number;
}

function Highlighted({ text, query }: { text: string; query: string }): ReactNode {
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="log-match">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function useCharWidth(): [number, (el: HTMLElement | null) => void] {
  const [width, setWidth] = useState(7.2);
  const measure = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    const w = el.getBoundingClientRect().width / 100;
    if (w > 0) setWidth(w);
  }, []);
  return [width, measure];
}

export function LogList({ colourOf, nameCh }: LogListProps) {
  const { t } = useTranslation();
  const version = useLogView((s) => s.version);
  const follow = useLogView((s) => s.follow);
  const wrap = useLogView((s) => s.wrap);
  const timestamps = useLogView((s) => s.timestamps);
  const query = useLogView((s) => s.query);
  const reveal = useLogView((s) => s.reveal);
  const matchCursor = useLogView((s) => s.matchCursor);
  const scroller = useRef<HTMLDivElement>(null);
  const autoTop = useRef(-1);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 800, height: 200 });
  const [charWidth, measureRef] = useCharWidth();

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const count = logBuffer.visibleCount;
  // Characters of text that fit on one row beside the time and container columns (wrap mode only).
  const cols = Math.floor((size.width - 24) / charWidth) - nameCh - 2 - (timestamps ? TIME_CH : 0);

  // Row offsets in wrap mode: a prefix sum over the view (O(lines) per change, cheap next to painting).
  const offsets = useMemo(() => {
    if (!wrap) return undefined;
    const out = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) out[i + 1] = out[i]! + wrappedRows(logBuffer.visible(i)!.text, cols) * ROW;
    return out;
    // version: the buffer changed under the same count (a clear then as many new lines).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wrap, count, cols, version]);

  const total = offsets ? offsets[count]! : count * ROW;
  const indexAt = (y: number): number => {
    if (!offsets) return Math.min(count, Math.max(0, Math.floor(y / ROW)));
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offsets[mid + 1]! <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const top = (i: number): number => (offsets ? offsets[i]! : i * ROW);

  // Follow: stay pinned to the newest line after every change. The window is computed from where the view is
  // about to be, so following costs one render per repaint (a scrollTop state set here would cost a second).
  const bottom = Math.max(0, total - size.height);
  const viewTop = follow ? bottom : scrollTop;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !follow) return;
    // Only writes to the DOM here: reading scrollTop or clientHeight mid-flood would force a layout per frame.
    el.scrollTop = bottom;
    autoTop.current = bottom;
  }, [follow, bottom]);
  // Follow paused (by the button, a search step, a click on a node): the window continues from where the view is.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && !follow) setScrollTop(el.scrollTop);
  }, [follow]);

  // Search next/prev: bring the match into the middle of the view.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !reveal) return;
    el.scrollTop = Math.max(0, top(reveal.index) - el.clientHeight / 2);
    autoTop.current = el.scrollTop;
    setScrollTop(el.scrollTop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  const onScroll = (): void => {
    const el = scroller.current;
    if (!el) return;
    // The scroll follow just made: nothing changed for the user, and reading the sizes below would force a layout.
    if (follow && Math.abs(el.scrollTop - autoTop.current) <= 1) return;
    setScrollTop(el.scrollTop);
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW / 2;
    const byUs = Math.abs(el.scrollTop - autoTop.current) <= 1;
    const { setFollow } = useLogView.getState();
    // Scrolling up pauses follow; scrolling back to the end resumes it.
    if (atBottom) setFollow(true);
    else if (!byUs) setFollow(false);
  };

  const first = Math.max(0, indexAt(viewTop) - OVERSCAN);
  const last = Math.min(count, indexAt(viewTop + size.height) + 1 + OVERSCAN);
  const currentMatch = query && logBuffer.matchCount ? logBuffer.matchIndex(matchCursor) : undefined;
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const line = logBuffer.visible(i);
    if (line) rows.push(row(line, i, i === currentMatch));
  }

  // A plain render function, not a component: a component declared here would remount every row on each render.
  function row(line: LogLine, index: number, current: boolean): ReactNode {
    const height = offsets ? offsets[index + 1]! - offsets[index]! : ROW;
    const slot = colourOf(line.container);
    return (
      <div
        // Keyed by position in the window, not by line: while following, every frame shows new lines, and
        // reusing the row elements (new text) is far cheaper than unmounting and mounting ~40 of them.
        key={index - first}
        className={`log-line log-c${slot} log-${line.stream}${current ? ' current' : ''}`}
        data-testid="log-line"
        data-container={line.container}
        data-replica={line.replica}
        data-stream={line.stream}
        style={{ height }}
      >
        {timestamps && (
          <span className="log-time" title={line.time}>
            {clockTime(line.t)}
          </span>
        )}
        <span className="log-container" title={line.replica ? `${line.container} · ${line.replica}` : line.container}>
          {line.container}
          {/* A cluster run's replicas share container names: the end of the Pod's name tells them apart. */}
          {line.replica && <span className="log-replica"> {line.replica.slice(-5)}</span>}
        </span>
        <span className="log-text">
          {line.meta ? (
            line.meta.kind === 'stopped' ? (
              t('logs.stopped', { code: line.meta.exitCode })
            ) : line.meta.kind === 'attempt' ? (
              t('logs.restarted', { attempt: line.meta.attempt })
            ) : (
              t('logs.unavailable')
            )
          ) : (
            <Highlighted text={line.text} query={query} />
          )}
          {line.truncated && <span className="log-truncated">{t('logs.truncated')}</span>}
        </span>
      </div>
    );
  }

  return (
    <div
      ref={scroller}
      className={`log-scroll${wrap ? ' wrap' : ''}`}
      style={{ ['--log-name' as string]: `${nameCh}ch` }}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label={t('logs.lines')}
    >
      <span ref={measureRef} className="log-measure" aria-hidden="true">
        {'0'.repeat(100)}
      </span>
      <div className="log-spacer" style={{ height: total }}>
        <div className="log-window" style={{ transform: `translateY(${top(first)}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
