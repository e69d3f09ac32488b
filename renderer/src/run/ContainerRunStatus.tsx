// Live status on the canvas: one container's state (and its published ports as links), and the Pod group's phase.
// Each node selects only its own container's status as a string, so drags and other containers' events skip it; in
// design state a node costs one cheap selector and renders nothing.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphOf, useDocument } from '../store/document';
import {
  containerFault,
  formatUptime,
  podFault,
  shownPhase,
  shownState,
  stoppedByStop,
  type ShownState,
} from './model';
import { useRun } from './store';
import { useClock } from './clock';
import type { Translate } from '../problems-text';
import { podFaultText, runErrorText } from '../run-errors-text';
import { useRunWords } from './run-words-part';
import { ForwardLinks, ReplicaDots } from '../kube/ReplicaStatus';
import './run.css';

/** The container's shown state, serialised so the selector's result compares by value; a failure in the UI language. */
function useShownState(name: string, t: Translate): ShownState | undefined {
  // Drawn again when the run's words arrive: the failure is then told in them (run-words-part.ts).
  useRunWords();
  const text = useRun((s) => {
    const status = s.snapshot?.containers.find((c) => c.name === name);
    // A failed run rolls the Pod back, so the failure it reported is all there is to show on the node.
    const failure = !s.snapshot && s.error?.during === 'run' && s.error.container === name ? s.error : undefined;
    const shown = shownState(status, failure && { ...failure, message: runErrorText(t, failure) });
    return shown ? JSON.stringify(shown) : '';
  });
  return text ? (JSON.parse(text) as ShownState) : undefined;
}

/**
 * "8080,9090": the container's hostPorts, as a string so unrelated edits do not re-render. Looked up through the
 * graph's index (not a scan of every container), since every node runs this on every document change.
 */
function useHostPorts(name: string): number[] {
  const text = useDocument((s) => {
    const node = graphOf(s.doc).byId.get(`container:${name}`);
    if (node?.kind !== 'container') return '';
    const ports = s.doc.pod.spec[node.list]?.[node.index]?.ports;
    if (!Array.isArray(ports)) return '';
    return ports
      .map((p) => p?.hostPort)
      .filter((p): p is number => typeof p === 'number' && p > 0)
      .join(',');
  });
  return text ? text.split(',').map(Number) : [];
}

/** Published ports as links to the app, only while the container runs; on a cluster, its forwarded ports. */
function PortLinks({ name }: { name: string }) {
  const { t } = useTranslation();
  const hostPorts = useHostPorts(name);
  const forwarded = useRun((s) => s.snapshot?.forwards !== undefined || s.snapshot?.replicas !== undefined);
  if (forwarded) return <ForwardLinks name={name} />;
  return (
    <>
      {hostPorts.map((port) => (
        <a
          key={port}
          className="run-port nodrag"
          href={`http://127.0.0.1:${port}/`}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('run.openPort', { port })}
          title={t('run.openPort', { port })}
          data-testid="run-port-link"
        >
          ↗ {port}
        </a>
      ))}
    </>
  );
}

/** "running 4m 05s", ticking once a second from the shared clock. */
function RunningText({ since }: { since: number }) {
  const { t } = useTranslation();
  const now = useClock();
  return <>{t('run.state.running', { uptime: formatUptime(now - since) })}</>;
}

export const ContainerRunStatus = memo(function ContainerRunStatus({ name }: { name: string }) {
  const { t } = useTranslation();
  const shown = useShownState(name, t);
  const phase = useRun((s) => (s.snapshot ? shownPhase(s.snapshot) : undefined));
  // What a fault of the Pod did to this container, in words instead of "exited 137: ContainerStatusUnknown".
  const fault = useRun((s) => containerFault(s.snapshot, name));
  if (!shown) return null;
  const exitCode = shown.state === 'terminated' ? shown.exitCode : undefined;
  // Exited because the user stopped the Pod: that is not a failure, and it is not red.
  const stopped = stoppedByStop(shown, phase);
  const failed = shown.state === 'terminated' && shown.exitCode !== 0 && !stopped;
  return (
    <div
      className={`run-status run-${shown.state}${failed || fault ? ' run-failed' : ''}${stopped ? ' run-stopped' : ''}`}
      data-testid="run-status"
      data-run-state={shown.state}
      data-exit-code={exitCode}
      title={shown.state !== 'running' ? shown.message : undefined}
    >
      <span className="run-dot" aria-hidden="true" />
      <span className="run-text">
        {fault === 'removed' || fault === 'neverStarted' ? (
          <span data-testid="run-fault" data-fault={fault}>
            {t(`run.fault.node.${fault}`)}
          </span>
        ) : (
          <>
            {shown.state === 'waiting' && t('run.state.waiting', { reason: shown.reason })}
            {shown.state === 'running' && <RunningText since={shown.startedAt} />}
            {shown.state === 'terminated' &&
              (stopped
                ? // 137 is 128 + SIGKILL: say so, as users read it as an error otherwise.
                  t('editing.stop.stoppedState', {
                    code: shown.exitCode,
                    ...(shown.exitCode === 137 && { context: 'killed' }),
                  })
                : t('run.state.terminated', { code: shown.exitCode, reason: shown.reason }))}
          </>
        )}
      </span>
      {fault === 'networkGone' && (
        <span className="run-fault-note" data-testid="run-fault" data-fault={fault}>
          {t(`run.fault.node.${fault}`)}
        </span>
      )}
      {shown.restartCount > 0 && (
        <span className="run-restarts" title={t('run.restartsLabel', { count: shown.restartCount })}>
          {t('run.restarts', { count: shown.restartCount })}
        </span>
      )}
      <ReplicaDots name={name} />
      {shown.state === 'running' && !fault && <PortLinks name={name} />}
    </div>
  );
});

/** The Pod group's phase while the Pod exists on the engine. */
export const PodRunPhase = memo(function PodRunPhase() {
  const { t } = useTranslation();
  const phase = useRun((s) => (s.snapshot ? shownPhase(s.snapshot) : undefined));
  const fault = useRun((s) => podFault(s.snapshot));
  useRunWords();
  // The whole sentence as the badge's tooltip: the group says why in a word or two, the run bar says the rest.
  const why = useRun((s) => (s.snapshot && podFault(s.snapshot) ? podFaultText(t, s.snapshot) : undefined));
  if (!phase) return null;
  const text = fault
    ? t('run.fault.badge', { phase: t(`run.phase.${phase}`), why: t(`run.fault.short.${fault}`) })
    : t(`run.phase.${phase}`);
  return (
    <span
      className={`run-phase phase-${phase.toLowerCase()}`}
      data-testid="pod-phase"
      data-phase={phase}
      data-reason={fault}
      title={why}
      aria-label={t('run.phaseLabel', { phase: text })}
    >
      {text}
    </span>
  );
});
