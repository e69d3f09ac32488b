// What lessons do to the live Pod: run, re-create, down through the run store; exec, logs and status through the API.
import type { ExecResult, PodLogEvent, PodSnapshot } from '../../../../shared/api/contract';
import { api } from '../../api';
import { useRun } from '../../run/store';
import { podRefOf } from '../../run/model';
import { useDocument } from '../../store/document';
import i18next from 'i18next';
import { diagnosticText } from '../../problems-text';

function currentRef(): { name: string; namespace: string } {
  return podRefOf(useDocument.getState().doc);
}

function failIfRunFailed(): void {
  const error = useRun.getState().error;
  if (error) throw new Error(error.message);
}

/** The run store ignores actions while another runs: say so instead of silently doing nothing. */
function failIfBusy(): void {
  if (useRun.getState().busy) throw new Error(i18next.t('lessons.runBusy'));
}

/**
 * Runs the design as it is; warnings such as a port clash are passed over (not remembered for the user's own runs),
 * because the lesson wants to show them fail.
 */
export async function runPod(): Promise<void> {
  failIfBusy();
  await useRun.getState().run({ force: true, recreate: true });
  const question = useRun.getState().question;
  if (question?.kind === 'refused')
    throw new Error(question.diagnostics.map((d) => diagnosticText(i18next.t, d)).join('; '));
  failIfRunFailed();
}

/** Removes the design's Pod (idempotent) through the run store, which unpins it if followed; no other Pod is touched. */
export async function downPod(): Promise<void> {
  const ref = currentRef();
  if (!ref.name) return;
  failIfBusy();
  await useRun.getState().remove(ref);
  failIfRunFailed();
}

/** A running Pod's spec cannot change: take it down and run it again from the current design. */
export async function recreatePod(): Promise<void> {
  await downPod();
  await runPod();
}

export async function execIn(container: string, command: string[]): Promise<ExecResult> {
  return api().call('pod.exec', { ...currentRef(), container, command, timeoutMs: 15_000 });
}

export interface LogLine {
  container: string;
  stream: string;
  text: string;
}

/** The last lines of the Pod's logs (not following), at most `tail` per container. */
export function recentLogs(containers: string[] | undefined, tail = 40): Promise<LogLine[]> {
  const lines: LogLine[] = [];
  return new Promise((resolve, reject) => {
    const stop = api().subscribe(
      'pod.logs',
      { ...currentRef(), ...(containers ? { containers } : {}), tail, follow: false },
      {
        onEvents: (events: PodLogEvent[]) => {
          for (const e of events)
            if (e.kind === 'line') lines.push({ container: e.container, stream: e.stream, text: e.text });
        },
        onEnd: (error) => {
          stop();
          if (error) reject(error);
          else resolve(lines);
        },
      },
    );
  });
}

/** The Pod as the engine reports it now, the infra included; undefined when it does not exist. */
export async function podStatus(): Promise<PodSnapshot | undefined> {
  const ref = currentRef();
  const pods = await api().call('pod.list', {});
  return pods.find((p) => p.name === ref.name && p.namespace === ref.namespace);
}
