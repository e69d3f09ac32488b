// The Logs tab: the merged, colour-coded log of every container of the running Pod, with filter chips, search,
// follow/pause, timestamps, wrap, copy, save and clear.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PodSnapshot } from '../../../shared/api/contract';
import { downloadText } from '../download';
import { useDocument } from '../store/document';
import { useNotice } from '../store/notice';
import { colourSlots } from './colours';
import { linesText, logFileName } from './format';
import { LogList, ROW } from './LogList';
import { logBuffer, useLogView } from './store';
import { useLogStream } from './stream';
import './logs.css';

/** The Pod's container names in spec order (init containers first): the snapshot's, else the document's. */
function useContainerNames(snapshot: PodSnapshot | undefined): string[] {
  const init = useDocument((s) => s.doc.pod.spec.initContainers);
  const app = useDocument((s) => s.doc.pod.spec.containers);
  return useMemo(() => {
    if (snapshot) return snapshot.containers.filter((c) => c.role !== 'infra').map((c) => c.name);
    return [...(init ?? []), ...app].map((c) => c.name);
  }, [snapshot, init, app]);
}

/**
 * `visible`: whether the Logs tab is shown. The panel stays mounted behind other tabs (its stream keeps the buffer), but
 * its container chips are drawn only while it shows: a design of 5,000 containers made 5,000 hidden buttons on open.
 */
export function LogPanel({ snapshot, visible = true }: { snapshot: PodSnapshot | undefined; visible?: boolean }) {
  const { t } = useTranslation();
  useLogStream(snapshot);
  const names = useContainerNames(snapshot);
  const view = useLogView();
  const body = useRef<HTMLDivElement>(null);
  const podName = useDocument((s) => s.doc.pod.metadata?.name ?? '');
  const notice = useNotice((s) => s.show);
  const colourOf = useMemo(() => colourSlots(names), [names]);
  // A cluster run's lines also name their replica (the last 5 characters of its Pod's name).
  const replicaCh = (snapshot?.replicas?.length ?? 0) > 1 ? 6 : 0;
  const nameCh = Math.min(18, Math.max(4, ...names.map((n) => n.length))) + 1 + replicaCh;
  const matchCount = view.query ? logBuffer.matchCount : 0;

  /** The view index of the top line on screen, where search steps start from. */
  const topIndex = (): number => Math.floor((body.current?.querySelector('.log-scroll')?.scrollTop ?? 0) / ROW);

  const copy = async (): Promise<void> => {
    const selection = window.getSelection();
    const scroller = body.current?.querySelector('.log-scroll');
    let text = '';
    if (selection && !selection.isCollapsed && scroller?.contains(selection.anchorNode)) text = selection.toString();
    else {
      const first = topIndex();
      const rows = Math.ceil((scroller?.clientHeight ?? 0) / ROW);
      text = linesText(logBuffer.lines(first, Math.min(logBuffer.visibleCount, first + rows)), view.timestamps);
    }
    try {
      await navigator.clipboard.writeText(text);
      notice(t('logs.copied', { count: text ? text.split('\n').filter(Boolean).length : 0 }));
    } catch {
      notice(t('logs.copyFailed'));
    }
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      view.stepMatch(e.shiftKey ? -1 : 1, topIndex());
    } else if (e.key === 'Escape' && view.query) {
      e.preventDefault();
      view.setQuery('');
    }
  };

  const streamText =
    view.stream === 'live'
      ? t('logs.live')
      : view.stream === 'reconnecting'
        ? t('logs.reconnecting')
        : view.stream === 'ended'
          ? t('logs.ended')
          : view.stream === 'error'
            ? t('logs.failed', { reason: view.streamError ?? '' })
            : snapshot
              ? t('logs.connecting')
              : t('logs.notRunning');

  return (
    <div
      className="log-panel"
      ref={body}
      onKeyDown={(e) => {
        // Ctrl+F inside the panel searches the log, not the page.
        if ((e.ctrlKey || e.metaKey) && e.key === 'f') {
          e.preventDefault();
          body.current?.querySelector<HTMLInputElement>('[data-testid="log-search"]')?.focus();
        }
      }}
    >
      <div className="log-toolbar" role="toolbar" aria-label={t('logs.toolbar')}>
        <div className="log-chips" role="group" aria-label={t('logs.containers')}>
          <button
            type="button"
            className="log-chip"
            aria-pressed={view.containers.size === 0}
            data-testid="log-chip-all"
            onClick={() => view.showAllContainers()}
          >
            {t('logs.all')}
          </button>
          {visible &&
            names.map((name) => (
              <button
                type="button"
                key={name}
                className={`log-chip log-c${colourOf(name)}`}
                aria-pressed={view.containers.has(name)}
                data-testid={`log-chip-${name}`}
                onClick={() => view.toggleContainer(name)}
              >
                <span className="log-swatch" aria-hidden="true" />
                {name}
              </button>
            ))}
          <button
            type="button"
            className="log-chip stderr"
            aria-pressed={view.stderrOnly}
            data-testid="log-chip-stderr"
            onClick={() => view.toggleStderrOnly()}
          >
            {t('logs.stderrOnly')}
          </button>
        </div>
        <div className="log-search" role="search">
          <input
            type="search"
            data-testid="log-search"
            placeholder={t('logs.search')}
            aria-label={t('logs.search')}
            value={view.query}
            onChange={(e) => view.setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          {view.query && (
            <span className="log-count" data-testid="log-match-count" aria-live="polite">
              {matchCount === 0
                ? t('logs.noMatches')
                : t('logs.matchOf', { current: Math.min(view.matchCursor + 1, matchCount), count: matchCount })}
            </span>
          )}
          <button
            type="button"
            className="log-tool"
            aria-label={t('logs.previousMatch')}
            title={t('logs.previousMatch')}
            disabled={matchCount === 0}
            onClick={() => view.stepMatch(-1, topIndex())}
          >
            ↑
          </button>
          <button
            type="button"
            className="log-tool"
            aria-label={t('logs.nextMatch')}
            title={t('logs.nextMatch')}
            disabled={matchCount === 0}
            onClick={() => view.stepMatch(1, topIndex())}
          >
            ↓
          </button>
        </div>
        <div className="log-actions">
          <button
            type="button"
            className="log-tool"
            aria-pressed={view.follow}
            data-testid="log-follow"
            onClick={() => view.setFollow(!view.follow)}
          >
            {view.follow ? t('logs.following') : t('logs.paused')}
          </button>
          <button type="button" className="log-tool" aria-pressed={view.timestamps} onClick={view.toggleTimestamps}>
            {t('logs.timestamps')}
          </button>
          <button type="button" className="log-tool" aria-pressed={view.wrap} onClick={view.toggleWrap}>
            {t('logs.wrap')}
          </button>
          <button type="button" className="log-tool" onClick={() => void copy()} title={t('logs.copyHint')}>
            {t('logs.copy')}
          </button>
          <button
            type="button"
            className="log-tool"
            onClick={() =>
              downloadText(linesText(logBuffer.lines(), true), logFileName(podName), 'text/plain;charset=utf-8')
            }
            disabled={logBuffer.visibleCount === 0}
          >
            {t('logs.save')}
          </button>
          <button type="button" className="log-tool" onClick={view.clear}>
            {t('logs.clear')}
          </button>
        </div>
      </div>
      <div className="log-status">
        {/* Only the stream state is announced: the line count changes every frame in a flood. */}
        <span className={`log-state ${view.stream}`} aria-live="polite">
          {streamText}
        </span>
        <span>{t('logs.lineCount', { count: logBuffer.visibleCount })}</span>
        {view.skipped > 0 && (
          <span className="log-skipped" data-testid="log-skipped" title={t('logs.skippedHint')}>
            {t('logs.skipped', { count: view.skipped })}
          </span>
        )}
        {logBuffer.dropped > 0 && (
          <span className="log-dropped" data-testid="log-dropped">
            {t('logs.dropped', { count: logBuffer.dropped, capacity: logBuffer.capacity })}
          </span>
        )}
      </div>
      {logBuffer.size === 0 && view.stream !== 'live' ? (
        <p className="hint log-empty">{snapshot ? t('logs.waiting') : t('logs.runToSee')}</p>
      ) : null}
      <LogList colourOf={colourOf} nameCh={nameCh} />
    </div>
  );
}
