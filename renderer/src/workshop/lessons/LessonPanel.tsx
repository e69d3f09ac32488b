// The lessons card over the canvas: pick a lesson, read a step, do its actions, prove its claims, step with Next/Back or arrows.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { containersOf } from '../../../../shared/design';
import {
  actionKey,
  exampleStepFor,
  highlightIds,
  lessons,
  missingForStep,
  stepKey,
  summaryKey,
  titleKey,
  type Lesson,
} from '../../../../shared/workshop/lessons';
import { frameAfterLayout } from '../../canvas/fit-after-layout';
import { useDocument } from '../../store/document';
import { keepClearOf, usePresenter, zoomTo } from '../presenter/presenter';
import { designNames, openLessonExample, performStep } from './perform';
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

/**
 * The step names containers or volumes the design does not have (a lesson resumed, or a step reached, on another
 * design): say so, and offer the lesson's example or the step that opens it. The step's actions and proofs wait.
 */
function OffDesign({ lesson, stepIndex, missing }: { lesson: Lesson; stepIndex: number; missing: string[] }) {
  const { t } = useTranslation();
  const busy = useLessons((s) => s.busy);
  const opens = exampleStepFor(lesson, stepIndex);
  const example = lesson.example ? t(`examples.names.${lesson.example}`, { defaultValue: lesson.example }) : '';
  return (
    <div className="lesson-off-design" role="status" data-testid="lesson-off-design">
      <p>{t('lessons.offDesign.text', { names: missing.join(t('lessons.offDesign.separator')), example })}</p>
      <div className="lesson-off-design-buttons">
        {lesson.example && (
          <button
            className="primary"
            disabled={busy}
            onClick={() => void openLessonExample(lesson)}
            data-testid="lesson-open-example"
          >
            {t('lessons.offDesign.open')}
          </button>
        )}
        {opens !== undefined && opens !== stepIndex && (
          <button disabled={busy} onClick={() => useLessons.getState().go(opens)} data-testid="lesson-go-build">
            {t('lessons.offDesign.back', { step: opens + 1 })}
          </button>
        )}
      </div>
    </div>
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
  const { open, lessonId, stepIndex, busy, error, done, question, kept } = useLessons();
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
  const missing = useMemo(() => (step ? missingForStep(step, designNames(containers)) : []), [step, containers]);
  const presenting = usePresenter((s) => s.active);
  const centre = open ? centreElement() : null;

  // Entering a step performs its harmless actions (load the lesson's example, open a view).
  useEffect(() => {
    if (!open || !lesson || !step?.auto) return;
    void performStep(lesson, step, true);
    // Only on entering the step: not again when the document changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, lessonId, stepIndex]);

  // While presenting, the step's nodes fill the screen; in both modes they are moved out from under the card.
  const highlightKey = highlighted.join(',');
  const panel = useRef<HTMLElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | undefined>();
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    if (!open) return;
    const ids = highlighted.filter((id) => !id.startsWith('ns:'));
    // A step about every container is about the Pod: its whole box is framed, not cut at the containers' edges.
    const wholePod = names.size > 0 && [...names].every((n) => ids.includes(`container:${n}`));
    const frame = (): void => {
      const card = panel.current?.getBoundingClientRect();
      // Presenting, the step's nodes fill what the card leaves of the screen, in one fit; else they only move out
      // from under the card.
      if (presenting) void zoomTo(wholePod ? ['pod'] : ids, { cover: card });
      else if (card) void keepClearOf(ids, card, 1);
    };
    let timer = window.setTimeout(frame, 150);
    // A layout that lands later (the example's, once ELK has loaded) frames the step again instead of fitting it all.
    const released = frameAfterLayout(frame);
    // Entering presenter mode resizes the canvas as the chrome goes: frame again once it has its new size.
    const canvas = document.querySelector('.canvas .react-flow');
    const resized = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(frame, 150);
    });
    if (presenting && canvas) resized.observe(canvas);
    return () => {
      window.clearTimeout(timer);
      resized.disconnect();
      released();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presenting, open, highlightKey, moves]);

  // The card moves by its grip: dragged with the pointer, or with the arrow keys when the grip has the focus.
  const grab = useRef<{ x: number; y: number; left: number; top: number; pointer: number } | null>(null);
  const place = (left: number, top: number) => {
    const card = panel.current;
    const parent = card?.parentElement;
    if (!card || !parent) return;
    const maxLeft = Math.max(0, parent.clientWidth - card.offsetWidth);
    const maxTop = Math.max(0, parent.clientHeight - 40);
    setAt({ x: Math.min(maxLeft, Math.max(0, left)), y: Math.min(maxTop, Math.max(0, top)) });
  };
  const onGripDown = (e: PointerEvent<HTMLButtonElement>) => {
    const card = panel.current;
    if (!card || e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    grab.current = { x: e.clientX, y: e.clientY, left: card.offsetLeft, top: card.offsetTop, pointer: e.pointerId };
  };
  const onGripMove = (e: PointerEvent<HTMLButtonElement>) => {
    const g = grab.current;
    if (!g || g.pointer !== e.pointerId) return;
    place(g.left + e.clientX - g.x, g.top + e.clientY - g.y);
  };
  const onGripUp = (e: PointerEvent<HTMLButtonElement>) => {
    if (!grab.current || grab.current.pointer !== e.pointerId) return;
    grab.current = null;
    setMoves((n) => n + 1);
  };
  const onGripKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const card = panel.current;
    const step = e.shiftKey ? 96 : 24;
    const by: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = by[e.key];
    if (!card || !d) return;
    e.preventDefault();
    e.stopPropagation();
    place(card.offsetLeft + d[0], card.offsetTop + d[1]);
    setMoves((n) => n + 1);
  };

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
      className={`lesson-panel${presenting ? ' presenting' : ''}${at ? ' moved' : ''}`}
      aria-label={t('lessons.panel')}
      data-testid="lesson-panel"
      onKeyDown={onKeyDown}
      ref={panel}
      style={at ? { left: at.x, top: at.y, right: 'auto' } : undefined}
    >
      <Highlight ids={highlighted} />
      <header className="lesson-head">
        <button
          type="button"
          className="tool lesson-grip"
          aria-label={t('chrome.lessonMove')}
          title={t('chrome.lessonMove')}
          data-testid="lesson-grip"
          onPointerDown={onGripDown}
          onPointerMove={onGripMove}
          onPointerUp={onGripUp}
          onPointerCancel={onGripUp}
          onKeyDown={onGripKey}
        >
          <span aria-hidden="true">⠿</span>
        </button>
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
          {missing.length > 0 && <OffDesign lesson={lesson} stepIndex={stepIndex} missing={missing} />}
          {step.actions && step.actions.length > 0 && (
            <div className="lesson-actions">
              <button
                className="primary"
                data-testid="lesson-do-it"
                disabled={busy || missing.length > 0}
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
          {question && (
            <div className="lesson-question" role="alertdialog" aria-label={t('lessons.replace.title')}>
              <p>
                {t(question.unsaved ? 'lessons.replace.unsaved' : 'lessons.replace.text', {
                  design: question.design,
                  example: t(`examples.names.${question.example}`, { defaultValue: question.example }),
                })}
              </p>
              <button className="primary" onClick={() => question.answer(true)} data-testid="lesson-replace">
                {t('lessons.replace.open')}
              </button>
              <button onClick={() => question.answer(false)} data-testid="lesson-keep">
                {t('lessons.replace.keep')}
              </button>
            </div>
          )}
          {kept && (
            <p className="lesson-kept" role="status" data-testid="lesson-kept">
              {t('lessons.replace.kept')}
            </p>
          )}
          {error && (
            <p className="lesson-error" role="alert" data-testid="lesson-error">
              {t('lessons.failed', { message: error })}
            </p>
          )}
          <StepOutputView />
          {step.proofs?.map((proof) => (
            <ProofView key={proof.id} lesson={lesson} step={step} proof={proof} offDesign={missing.length > 0} />
          ))}
          <footer className="lesson-nav">
            <button
              className="tool"
              onClick={() => useLessons.getState().go(stepIndex - 1)}
              disabled={stepIndex === 0 || busy}
              data-testid="lesson-back"
            >
              ← {t('lessons.back')}
            </button>
            <span className="hint">{t('lessons.keys')}</span>
            <button
              className="tool"
              data-testid="lesson-next"
              disabled={busy}
              title={busy ? t('lessons.wait') : undefined}
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
