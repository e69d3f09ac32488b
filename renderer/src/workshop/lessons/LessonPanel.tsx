// The lessons card over the canvas: pick a lesson, read a step, do its actions, prove its claims, step with Next/Back or arrows.
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { containersOf } from '../../../../shared/design';
import { actionKey, highlightIds, lessons, stepKey, summaryKey, titleKey } from '../../../../shared/workshop/lessons';
import { useDocument } from '../../store/document';
import { usePresenter, zoomTo } from '../presenter/presenter';
import { performStep } from './perform';
import { ProofView } from './ProofView';
import { StepOutputView } from './StepOutputView';
import { currentLesson, doneKey, useLessons } from './store';
import { centreElement } from './centre-portal';
import './lessons.css';

/** Highlights nodes with a stylesheet keyed on React Flow's data-id, so the node components need no change. */
function Highlight({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  const selector = ids.map((id) => `.react-flow__node[data-id="${CSS.escape(id)}"] > .pw-node`).join(',\n');
  return (
    <style data-testid="lesson-highlight">{`${selector} { outline: 3px solid var(--lesson-highlight); outline-offset: 3px; box-shadow: 0 0 0 8px var(--lesson-glow); }`}</style>
  );
}

function PodNameField() {
  const { t } = useTranslation();
  const name = useDocument((s) => (typeof s.doc.pod.metadata?.name === 'string' ? s.doc.pod.metadata.name : ''));
  return (
    <label className="lesson-pod-name">
      <span>{t('lessons.podName')}</span>
      <input
        value={name}
        data-testid="lesson-pod-name"
        spellCheck={false}
        onChange={(e) => {
          const value = e.target.value;
          useDocument
            .getState()
            .change((doc) => ({ ...doc, pod: { ...doc.pod, metadata: { ...doc.pod.metadata, name: value } } }), {
              group: 'lesson-pod-name',
            });
        }}
      />
    </label>
  );
}

export function LessonPanel() {
  const { t } = useTranslation();
  const { open, lessonId, stepIndex, busy, error, done } = useLessons();
  const lesson = useLessons(currentLesson);
  const step = lesson?.steps[stepIndex];
  const containers = useDocument((s) => s.doc.pod);
  const names = useMemo(
    () =>
      new Set(
        [...containersOf(containers, 'initContainers'), ...containersOf(containers, 'containers')].map((c) => c.name),
      ),
    [containers],
  );
  const highlighted = useMemo(() => (step && open ? highlightIds(step.highlight, names) : []), [step, open, names]);
  const presenting = usePresenter((s) => s.active);
  const centre = open ? centreElement() : null;

  // Entering a step performs its harmless actions (load the lesson's example, open a view).
  useEffect(() => {
    if (!open || !lesson || !step?.auto) return;
    void performStep(lesson, step, true);
    // Only on entering the step: not again when the document changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, lessonId, stepIndex]);

  // While presenting, the step's nodes fill the screen.
  const highlightKey = highlighted.join(',');
  useEffect(() => {
    if (!presenting || !open) return;
    const timer = window.setTimeout(() => void zoomTo(highlighted.filter((id) => !id.startsWith('ns:'))), 150);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presenting, open, highlightKey]);

  // Presenter mode's arrow keys step through the lesson.
  useEffect(() => {
    if (!open || !lesson) return;
    return usePresenter.getState().registerSteps({
      next: () => useLessons.getState().go(useLessons.getState().stepIndex + 1),
      previous: () => useLessons.getState().go(useLessons.getState().stepIndex - 1),
      position: () => `${useLessons.getState().stepIndex + 1} / ${lesson.steps.length}`,
    });
  }, [open, lesson]);

  if (!open || !centre) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    const target = e.target as HTMLElement;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || presenting) return;
    if (e.key === 'ArrowRight') useLessons.getState().go(stepIndex + 1);
    else if (e.key === 'ArrowLeft') useLessons.getState().go(stepIndex - 1);
    else if (e.key === 'Escape') useLessons.getState().setOpen(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const last = lesson ? stepIndex === lesson.steps.length - 1 : false;
  const stepDone = lesson && step ? done.has(doneKey(lesson, step)) : false;

  return createPortal(
    <aside
      className={`lesson-panel${presenting ? ' presenting' : ''}`}
      aria-label={t('lessons.panel')}
      data-testid="lesson-panel"
      onKeyDown={onKeyDown}
    >
      <Highlight ids={highlighted} />
      <header className="lesson-head">
        <select
          aria-label={t('lessons.pick')}
          data-testid="lesson-picker"
          value={lessonId ?? ''}
          onChange={(e) => useLessons.getState().pick(e.target.value || undefined)}
        >
          <option value="">{t('lessons.pick')}</option>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {t(titleKey(l))}
            </option>
          ))}
        </select>
        <button
          className="tool"
          aria-label={t('lessons.close')}
          title={t('lessons.close')}
          onClick={() => useLessons.getState().setOpen(false)}
        >
          ✕
        </button>
      </header>
      {!lesson && (
        <ul className="lesson-list">
          {lessons.map((l) => (
            <li key={l.id}>
              <button
                className="lesson-choice"
                onClick={() => useLessons.getState().pick(l.id)}
                data-testid={`lesson-${l.id}`}
              >
                <strong>{t(titleKey(l))}</strong>
                <span>{t(summaryKey(l))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {lesson && step && (
        <div className="lesson-body" tabIndex={-1}>
          <h2>{t(titleKey(lesson))}</h2>
          <p className="lesson-progress" data-testid="lesson-progress">
            {t('lessons.progress', { current: stepIndex + 1, total: lesson.steps.length })}
          </p>
          <p className="lesson-text" data-testid="lesson-step-text" data-step={step.id}>
            {t(stepKey(lesson, step))}
          </p>
          {lesson.runsPod && stepIndex === 0 && <PodNameField />}
          {step.actions && step.actions.length > 0 && (
            <div className="lesson-actions">
              <button
                className="primary"
                data-testid="lesson-do-it"
                disabled={busy}
                onClick={() => void performStep(lesson, step)}
              >
                {busy ? t('lessons.doing') : t('lessons.doIt')}
              </button>
              <span>{step.actions.map((a) => t(actionKey(a))).join(' → ')}</span>
              {stepDone && !busy && (
                <span className="lesson-done" data-testid="lesson-step-done">
                  ✓ {t('lessons.done')}
                </span>
              )}
            </div>
          )}
          {error && (
            <p className="lesson-error" role="alert" data-testid="lesson-error">
              {t('lessons.failed', { message: error })}
            </p>
          )}
          <StepOutputView />
          {step.proofs?.map((proof) => (
            <ProofView key={proof.id} lesson={lesson} step={step} proof={proof} />
          ))}
          <footer className="lesson-nav">
            <button
              className="tool"
              onClick={() => useLessons.getState().go(stepIndex - 1)}
              disabled={stepIndex === 0}
              data-testid="lesson-back"
            >
              ← {t('lessons.back')}
            </button>
            <span className="hint">{t('lessons.keys')}</span>
            <button
              className="tool"
              data-testid="lesson-next"
              onClick={() => (last ? useLessons.getState().pick(undefined) : useLessons.getState().go(stepIndex + 1))}
            >
              {last ? t('lessons.finish') : `${t('lessons.next')} →`}
            </button>
          </footer>
        </div>
      )}
    </aside>,
    centre,
  );
}
