// The run bar above the canvas: the engine picker with its status, Run / Stop / Down / Restart, the Pod's phase,
// what a run is doing right now (stage line, pull bars), what went wrong, and the dialogs they open.
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { engineChoiceLabel, useEngine } from '../store/engine';
import { useDocument } from '../store/document';
import { usePanel } from '../components/panel-tabs';
import { graceLeft, podFault, pullPercent, shownPhase } from './model';
import { useClock } from './clock';
import { useRun } from './store';
import { diagnosticText } from '../problems-text';
import { planProblemText, podFaultText, runErrorText } from '../run-errors-text';
import { useRunWords } from './run-words-part';
import { RunDialog } from './RunDialog';
import { HostAccessQuestion } from './HostAccessQuestion';
import { LeftoverPods } from './LeftoverPods';
import { ActionButton } from '../components/ActionButton';
import { runActionEnabled, runActions, type RunActionId } from './actions';
import { clusterOf, useCluster } from '../kube/store';
import { later, laterComponent } from '../lazy';
import './run.css';
import { RecoveryPrompt } from '../recovery/RecoveryPrompt';

// The cluster's bar and its dry-run dialog load when a Kubernetes context is first the engine (or in idle time): a
// design run on Docker or Podman never needs them on its first screen.
const clusterBar = later(() => import('../kube/ClusterBar'));
const ClusterBar = laterComponent(clusterBar, 'ClusterBar');
const ClusterRunState = laterComponent(clusterBar, 'ClusterRunState');
const previewDialog = later(() => import('../kube/PreviewDialog'));
const PreviewDialog = laterComponent(previewDialog, 'PreviewDialog');

function EnginePicker() {
  const { t } = useTranslation();
  const status = useEngine((s) => s.status);
  const choices = useEngine((s) => s.choices);
  const loadChoices = useEngine((s) => s.loadChoices);
  const select = useEngine((s) => s.select);
  const loading = useEngine((s) => s.loading);
  // Kubernetes contexts of the kubeconfig are engines too (issue 18): listed below the container engines.
  const contexts = useCluster((s) => s.contexts);
  const loadContexts = useCluster((s) => s.loadContexts);
  useEffect(() => {
    void loadChoices();
    void loadContexts();
  }, [loadChoices, loadContexts]);
  const state = !status ? 'pending' : status.reachable ? 'ok' : 'down';
  const cluster = clusterOf(status);
  // The engine in use; "" (Automatic) goes back to DOCKER_HOST, the docker context or the default socket.
  const value = cluster ? `kube:${cluster.context}` : (choices.find((c) => c.selected)?.host ?? '');
  return (
    <label className="run-engine" title={status?.reachable ? status.endpoint.host : status?.hint}>
      <span className={`engine-dot ${state}`} role="img" aria-label={t(`run.engineState.${state}`)} />
      <span className="run-engine-label">{t('run.engine')}</span>
      <select
        aria-label={t('run.engine')}
        data-testid="run-engine"
        value={value}
        disabled={loading}
        onChange={(e) => {
          const v = e.target.value;
          if (v.startsWith('kube:')) void useCluster.getState().select(v.slice('kube:'.length));
          else void select(v === '' ? null : v);
        }}
      >
        <option value="">{t('run.engineAuto')}</option>
        {choices.map((c) => (
          <option key={`${c.kind}:${c.host}`} value={c.host}>
            {engineChoiceLabel(c, t)}
            {c.reachable ? (c.version ? ` · ${c.name ?? ''} ${c.version}` : '') : ` · ${t('run.engineDown')}`}
          </option>
        ))}
        {contexts.length > 0 && (
          <optgroup label={t('kube.contexts')}>
            {contexts.map((c) => (
              <option
                key={`kube:${c.context}`}
                value={`kube:${c.context}`}
                data-testid="kube-context-option"
                disabled={Boolean(c.problem)}
              >
                {c.context}
                {c.reachable
                  ? ` · ${t('kube.version', { version: c.version ?? '' })} · ${c.namespace}`
                  : ` · ${t('kube.unreachable')}`}
                {c.mayCreatePods === false ? ` · ${t('kube.mayNotCreate')}` : ''}
                {c.insecure ? ` · ⚠ ${t('kube.insecure')}` : ''}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}

const buttonIcons: Record<RunActionId, string> = { run: '▶', cancel: '✕', stop: '■', down: '⏏', restart: '↻' };
const buttonLabels: Record<RunActionId, [string, string]> = {
  run: ['run.start', 'run.startLabel'],
  cancel: ['run.cancel', 'run.cancelLabel'],
  stop: ['run.stop', 'run.stopLabel'],
  down: ['run.down', 'run.downLabel'],
  restart: ['run.restart', 'run.restartLabel'],
};

/** The registry's run actions as buttons: one definition of what each does and when it applies. */
function RunButtons() {
  const { t } = useTranslation();
  const busy = useRun((s) => s.busy);
  const hasPod = useRun((s) => s.snapshot !== undefined);
  const running = useRun((s) => s.snapshot?.containers.some((c) => c.state.state !== 'terminated') ?? false);
  const cancelling = useRun((s) => s.cancelling);
  // With several Pods in the design, Run says which one it runs: the active one.
  const activePod = useDocument((s) => (s.others.length > 0 ? (s.doc.pod.metadata?.name ?? '') : undefined));
  const state = { busy, hasPod, running };
  // While a run is in progress, Cancel takes Run's place.
  const shown = runActions.filter((a) => a.id in buttonLabels && a.id !== (busy === 'run' ? 'run' : 'cancel'));
  return (
    <div className="run-buttons" role="group" aria-label={t('run.bar')}>
      {shown.map((action) => {
        const id = action.id as RunActionId;
        const [label, aria] = buttonLabels[id];
        return (
          <ActionButton
            // One slot for Run and Cancel: the same button element, so keyboard focus stays on it as they swap.
            key={id === 'cancel' ? 'run' : id}
            action={action}
            className={`run-${id}`}
            testId={`run-${id === 'run' ? 'start' : id}`}
            label={id === 'run' && activePod !== undefined ? t('run.startLabelActive', { name: activePod }) : t(aria)}
            busy={busy === id || (id === 'cancel' && cancelling)}
            disabled={!runActionEnabled(id, state)}
          >
            <span aria-hidden="true">{buttonIcons[id]}</span> {t(label)}
          </ActionButton>
        );
      })}
    </div>
  );
}

function PhaseBadge() {
  const { t } = useTranslation();
  const phase = useRun((s) => (s.snapshot ? shownPhase(s.snapshot) : undefined));
  const fault = useRun((s) => podFault(s.snapshot));
  const text = phase ? t(`run.phase.${phase}`) : t('run.design');
  const shown = fault ? t('run.fault.badge', { phase: text, why: t(`run.fault.short.${fault}`) }) : text;
  return (
    <span
      className={`run-phase ${phase ? `phase-${phase.toLowerCase()}` : 'phase-design'}`}
      data-testid="run-phase"
      data-phase={phase ?? 'design'}
      data-reason={fault}
      title={phase ? undefined : t('run.designHint')}
      aria-label={phase ? t('run.phaseLabel', { phase: shown }) : t('run.designHint')}
    >
      {shown}
    </span>
  );
}

/** Shown while the bar follows a Pod other than the document's own (attached from the leftovers). */
function AttachedNotice() {
  const { t } = useTranslation();
  const name = useRun((s) => (s.attached ? s.pinned?.name : undefined));
  if (!name) return null;
  return (
    <span className="run-attached" data-testid="run-attached">
      {t('run.attached', { name })}
      <button
        type="button"
        className="link"
        onClick={() => useRun.getState().detach()}
        aria-label={t('run.detachLabel')}
      >
        {t('run.detach')}
      </button>
    </span>
  );
}

function StageLine() {
  const { t } = useTranslation();
  const stage = useRun((s) => s.stage);
  const busy = useRun((s) => s.busy);
  const pulls = useRun((s) => s.pulls);
  const cancelling = useRun((s) => s.cancelling);
  const images = Object.values(pulls);
  return (
    <div className="run-progress" aria-live="polite">
      {busy === 'run' && (cancelling || stage) && (
        <span className="run-stage" data-testid="run-stage" data-cancelling={cancelling || undefined}>
          {cancelling ? t('run.busy.cancel') : t(stage!.key, stage!.args)}
        </span>
      )}
      <StopCountdown />
      {busy === 'run' &&
        images.map((pull) => {
          const percent = pullPercent(pull);
          return (
            <label key={pull.image} className="run-pull">
              <span>{pull.image}</span>
              <progress
                max={100}
                value={percent}
                aria-label={t('run.pullLabel', { image: pull.image })}
                data-testid="run-pull"
              />
              <span>{percent}%</span>
            </label>
          );
        })}
    </div>
  );
}

/**
 * While a stop waits out the grace period: what it is doing, the seconds left, and Stop now (grace 0, as
 * `kubectl delete --grace-period=0 --force`), so nobody sits 30 s in front of disabled buttons.
 */
function StopCountdown() {
  const { t } = useTranslation();
  const stopping = useRun((s) => s.stopping);
  const now = useClock();
  if (!stopping) return null;
  const left = graceLeft(stopping, now);
  const what = stopping.kind === 'stop' ? t('run.busy.stop') : t('run.busy.down');
  return (
    <span className="run-stage run-stopping" data-testid="run-stage">
      <span>{what}</span>
      {stopping.now ? (
        <span data-testid="run-stop-left">{t('editing.stop.killing')}</span>
      ) : (
        <>
          <span className="run-countdown" data-testid="run-stop-left" aria-live="off">
            {left !== undefined
              ? t('editing.stop.left', { left, grace: stopping.graceSeconds })
              : t('editing.stop.elapsed', { seconds: Math.floor((now - stopping.startedAt) / 1000) })}
          </span>
          <ActionButton action={stopNowAction} className="run-stop-now" testId="run-stop-now" />
        </>
      )}
    </span>
  );
}

const stopNowAction = runActions.find((a) => a.id === 'stopNow')!;

function RunErrorBox() {
  const { t } = useTranslation();
  const error = useRun((s) => s.error);
  const worded = useRunWords();
  if (!error || !worded) return null;
  return (
    <div className="run-error" role="alert" data-testid="run-error" data-code={error.code}>
      <div className="run-error-head">
        <strong>
          {error.during === 'stop' || error.during === 'down' ? t('run.error.stopTitle') : t('run.error.title')}
        </strong>
        <code>{error.code}</code>
        <button
          type="button"
          className="link"
          onClick={() => useRun.getState().clearError()}
          aria-label={t('run.error.dismiss')}
        >
          ✕
        </button>
      </div>
      <p data-testid="run-error-message">{runErrorText(t, error)}</p>
      {(error.container || error.exitCode !== undefined) && (
        <p className="run-error-meta">
          {error.container && <span>{t('run.error.container', { name: error.container })}</span>}
          {error.exitCode !== undefined && <span>{t('run.error.exitCode', { code: error.exitCode })}</span>}
        </p>
      )}
      {error.container === 'POD' && (error.code === 'IMAGE_PULL_FAILED' || error.code === 'IMAGE_MISSING') && (
        // The infra image is Podwright's choice, not the design's: say how to pick one the engine has (offline).
        <p className="run-error-meta" data-testid="run-error-hint">
          {t('run.error.infraImage')}
        </p>
      )}
      {error.problems && error.problems.length > 0 && (
        <ul>
          {error.problems.map((p, i) => (
            <li key={i}>
              <code>{p.code}</code> {planProblemText(t, p)}
            </li>
          ))}
        </ul>
      )}
      {error.logs && (
        <details open>
          <summary>{t('run.error.logs')}</summary>
          <pre data-testid="run-error-logs">{error.logs}</pre>
        </details>
      )}
    </div>
  );
}

const restartAction = runActions.find((a) => a.id === 'restart')!;
const downAction = runActions.find((a) => a.id === 'down')!;
// The fault box's Remove is the user's answer already: Down there does not ask again whether to remove a running Pod.
const removeFaultedAction = { ...downAction, perform: () => void useRun.getState().down({ confirmed: true }) };

/**
 * A Pod that failed under its containers (its infra killed or removed, a container removed, its run killed): what
 * happened in words, and the recovery there is, since nothing on the engine repairs it (issue 21, finding 11).
 * Recreate is the registry's Restart (Down, then Run of the design); a Pod attached from another design can only go.
 */
function PodFaultBox() {
  const { t } = useTranslation();
  const snapshot = useRun((s) => s.snapshot);
  const busy = useRun((s) => s.busy);
  const attached = useRun((s) => s.attached);
  const worded = useRunWords();
  const fault = podFault(snapshot);
  if (!snapshot || !fault || busy === 'run' || !worded) return null;
  return (
    <div className="run-error run-fault" role="alert" data-testid="pod-fault" data-reason={fault}>
      <div className="run-error-head">
        <strong>{t(`run.fault.title.${fault}`)}</strong>
      </div>
      <p data-testid="pod-fault-message">{podFaultText(t, snapshot)}</p>
      <p>{attached ? t('run.fault.recoverAttached') : t('run.fault.recover')}</p>
      <div className="run-dialog-buttons">
        {!attached && (
          <ActionButton
            action={restartAction}
            className="primary"
            testId="pod-fault-recreate"
            label={t('run.fault.recreateLabel')}
            disabled={busy !== undefined}
          >
            {t('run.fault.recreate')}
          </ActionButton>
        )}
        <ActionButton
          action={removeFaultedAction}
          testId="pod-fault-remove"
          label={t('run.fault.removeLabel')}
          disabled={busy !== undefined}
        >
          {t('run.fault.remove')}
        </ActionButton>
      </div>
    </div>
  );
}

function RunQuestionDialog() {
  const { t } = useTranslation();
  const question = useRun((s) => s.question);
  if (!question) return null;
  const answer = useRun.getState().answer;
  if (question.kind === 'confirm' && question.hostAccess.length > 0)
    return <HostAccessQuestion hostAccess={question.hostAccess} warnings={question.diagnostics} />;
  if (question.kind === 'recreate' || question.kind === 'down') {
    // Re-create keeps Cancel focused (Run was pressed on a Pod that runs, maybe by habit); Down was asked for by name,
    // so Enter confirms it. Cancel comes first either way, and Escape cancels.
    const words = question.kind === 'recreate' ? 'editing.recreate' : 'editing.downRunning';
    return (
      <RunDialog
        title={t(`${words}.title`)}
        onClose={() => answer(false)}
        testId={`run-${question.kind}`}
        initialFocus={question.kind === 'down' ? 'button.primary' : 'button.cancel'}
      >
        <p>{t(`${words}.text`, { name: question.pod })}</p>
        <div className="run-dialog-buttons">
          <button type="button" className="tool cancel" onClick={() => answer(false)}>
            {t('run.confirm.cancel')}
          </button>
          <button
            type="button"
            className="tool primary"
            onClick={() => answer(true)}
            data-testid={`run-${question.kind}-yes`}
          >
            {t(`${words}.yes`)}
          </button>
        </div>
      </RunDialog>
    );
  }
  const refused = question.kind === 'refused';
  return (
    <RunDialog
      title={refused ? t('run.refused.title') : t('run.confirm.title')}
      onClose={() => answer(false)}
      testId={refused ? 'run-refused' : 'run-confirm'}
      initialFocus={refused ? 'button.primary' : 'button.cancel'}
    >
      <p>{refused ? t('run.refused.intro') : t('run.confirm.intro')}</p>
      <ul className="run-reasons">
        {question.diagnostics.map((d, i) => (
          <li key={i} className={`severity-${d.severity}`} data-code={d.code}>
            <code>{d.code}</code> <span className="run-reason-path">{d.path}</span> {diagnosticText(t, d)}
          </li>
        ))}
      </ul>
      <div className="run-dialog-buttons">
        {refused ? (
          <>
            <button
              type="button"
              className="tool"
              onClick={() => {
                answer(false);
                usePanel.getState().setTab('problems');
              }}
            >
              {t('run.refused.showProblems')}
            </button>
            <button type="button" className="tool primary" onClick={() => answer(false)}>
              {t('run.close')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="tool cancel" onClick={() => answer(false)}>
              {t('run.confirm.cancel')}
            </button>
            <button type="button" className="tool primary" onClick={() => answer(true)} data-testid="run-anyway">
              {t('run.confirm.runAnyway')}
            </button>
          </>
        )}
      </div>
    </RunDialog>
  );
}

export function RunBar() {
  const { t } = useTranslation();
  const onCluster = useEngine((s) => clusterOf(s.status) !== undefined);
  const previewing = useCluster((s) => s.preview !== undefined);
  return (
    <section className="run-bar" aria-label={t('run.bar')} data-testid="run-bar">
      <div className="run-row">
        <EnginePicker />
        {onCluster && (
          <Suspense fallback={null}>
            <ClusterBar />
          </Suspense>
        )}
        <RunButtons />
        <PhaseBadge />
        {onCluster && (
          <Suspense fallback={null}>
            <ClusterRunState />
          </Suspense>
        )}
        <AttachedNotice />
        <StageLine />
        <div className="spacer" />
        <LeftoverPods />
      </div>
      <RunErrorBox />
      <PodFaultBox />
      {/* In the band with the run's own messages, not floating over it: it covered the Run button and the error. */}
      <RecoveryPrompt />
      <RunQuestionDialog />
      {previewing && (
        <Suspense fallback={null}>
          <PreviewDialog />
        </Suspense>
      )}
    </section>
  );
}
