// Presenter mode's page effects and controls: marks the page (CSS hides the chrome), handles Escape and the step
// keys, leaves when full screen ends, and shows a small control bar.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { usePresenter, zoomTo } from './presenter';
import './presenter.css';

const nextKeys = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const previousKeys = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A terminal (exec in a lesson) and form fields keep their keys.
  return (
    target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('.xterm')
  );
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('[role=dialog], [role=alertdialog], dialog');
}

export function PresenterLayer() {
  const { t } = useTranslation();
  const active = usePresenter((s) => s.active);
  const steps = usePresenter((s) => s.steps);
  usePresenter((s) => s.stepped); // redraw the position after each step

  useEffect(() => {
    if (!active) return;
    const root = document.documentElement;
    root.dataset.presenter = 'on';
    // Arrow keys would move selected nodes; nothing is selected while presenting.
    useDocument.getState().select([]);
    // Fit once the chrome is gone and React Flow has seen its new size.
    // A lesson frames its own steps beside its card.
    const timer = window.setTimeout(() => void (usePresenter.getState().steps ? undefined : zoomTo([])), 120);
    const onKey = (e: KeyboardEvent): void => {
      // A terminal, a form field or an open dialog keeps its keys, Escape included (it closes the dialog).
      if (typingIn(e.target) || inDialog(e.target)) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        usePresenter.getState().exit();
        return;
      }
      if (!usePresenter.getState().steps || e.altKey || e.ctrlKey || e.metaKey) return;
      if (nextKeys.has(e.key)) usePresenter.getState().step(1);
      else if (previousKeys.has(e.key)) usePresenter.getState().step(-1);
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    // Leaving full screen with the browser's own Escape (which pages never see) leaves presenter mode too.
    const onFullscreen = (): void => {
      if (!document.fullscreenElement && usePresenter.getState().fullscreen) usePresenter.getState().exit();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.clearTimeout(timer);
      delete root.dataset.presenter;
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
      window.setTimeout(() => void zoomTo([], { duration: 0 }), 120);
    };
  }, [active]);

  if (!active) return null;
  return (
    <div
      className="presenter-controls"
      role="toolbar"
      aria-label={t('presenter.controls')}
      data-testid="presenter-controls"
    >
      {steps && (
        <>
          <button
            className="tool"
            onClick={() => usePresenter.getState().step(-1)}
            aria-label={t('presenter.previous')}
          >
            ◀ {t('presenter.previous')}
          </button>
          {steps.position && <span className="presenter-position">{steps.position()}</span>}
          <button className="tool" onClick={() => usePresenter.getState().step(1)} aria-label={t('presenter.next')}>
            {t('presenter.next')} ▶
          </button>
        </>
      )}
      <button className="tool" onClick={() => usePresenter.getState().exit()} data-testid="presenter-exit">
        {t('presenter.exit')}
      </button>
    </div>
  );
}
