// Pods from an earlier run (or left by a crash) that are not this design's: a small notice in the run bar that opens
// a list with Attach (follow its status and logs) and Clean up (pod.down). Non-modal until asked, so it never blocks.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { podKey } from './model';
import { leftoverPods, useRun } from './store';
import { RunDialog } from './RunDialog';

/** Where focus goes when the list closes after its Review button is gone: Run, else any enabled run bar button. */
function runBarFocus(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('[data-testid="run-start"]:not(:disabled)') ??
    document.querySelector<HTMLElement>('[data-testid="run-bar"] button:not(:disabled)')
  );
}

export function LeftoverPods() {
  const { t } = useTranslation();
  const keys = useRun((s) => s.leftovers);
  const pods = useRun((s) => s.pods);
  // Read through `pods`: phases and containers stay current as status events arrive.
  const leftovers = leftoverPods(keys, pods);
  const dismissed = useRun((s) => s.leftoversDismissed);
  const busy = useRun((s) => s.busy);
  const [open, setOpen] = useState(false);
  // The last leftover was cleaned up with the list open: close it for good, so it does not reopen uninvited when new
  // leftovers appear (adjusting state while rendering, as React recommends over an effect).
  if (open && leftovers.length === 0) setOpen(false);
  if (leftovers.length === 0 || (dismissed && !open)) return null;
  const close = () => setOpen(false);
  return (
    <>
      <span className="run-leftovers" data-testid="run-leftovers">
        <span>{t('run.leftovers.notice', { count: leftovers.length })}</span>
        <button type="button" className="tool" onClick={() => setOpen(true)}>
          {t('run.leftovers.review')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => useRun.getState().dismissLeftovers()}
          aria-label={t('run.leftovers.dismiss')}
          title={t('run.leftovers.dismiss')}
        >
          ✕
        </button>
      </span>
      {open && (
        <RunDialog
          title={t('run.leftovers.title')}
          onClose={close}
          testId="run-leftovers-dialog"
          returnFocus={runBarFocus}
        >
          <p>{t('run.leftovers.intro')}</p>
          <ul className="run-leftover-list">
            {leftovers.map((pod) => (
              <li key={podKey(pod)} data-pod={pod.name}>
                <span className={`run-phase phase-${pod.phase.toLowerCase()}`}>{t(`run.phase.${pod.phase}`)}</span>
                <strong>{pod.namespace === 'default' ? pod.name : podKey(pod)}</strong>
                <span className="hint">
                  {t('run.leftovers.containers', { count: pod.containers.filter((c) => c.role !== 'infra').length })}
                </span>
                <span className="spacer" />
                <button
                  type="button"
                  className="tool"
                  aria-label={t('run.leftovers.attachLabel', { name: pod.name })}
                  onClick={() => {
                    useRun.getState().attach(pod);
                    close();
                  }}
                >
                  {t('run.leftovers.attach')}
                </button>
                <button
                  type="button"
                  className="tool"
                  disabled={busy !== undefined}
                  aria-label={t('run.leftovers.cleanUpLabel', { name: pod.name })}
                  onClick={() => void useRun.getState().cleanUp(pod)}
                >
                  {t('run.leftovers.cleanUp')}
                </button>
              </li>
            ))}
          </ul>
          <div className="run-dialog-buttons">
            <button
              type="button"
              className="tool primary"
              onClick={() => {
                useRun.getState().dismissLeftovers();
                close();
              }}
            >
              {t('run.leftovers.dismiss')}
            </button>
          </div>
        </RunDialog>
      )}
    </>
  );
}
