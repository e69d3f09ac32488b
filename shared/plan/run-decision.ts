// What refuses a run and what asks first: the gate's one decision (check-run.ts), apart from the rules it runs so the
// app's run bar can decide over problems it already has without loading the rules with its first screen.
import type { Diagnostic } from '../model/diagnostic';

/**
 * A `kubernetes` error is one the API server rejects, so Kubernetes would never run the Pod; an `engine` error is one
 * the chosen engine cannot run. A `runtime` error (POD_PORT_CLASH: two containers on one port) is accepted and fails
 * only once running; showing that failure is the point of running it, so it asks instead.
 */
export function blocksRun(d: Pick<Diagnostic, 'severity' | 'category'>): boolean {
  return d.severity === 'error' && (d.category === 'kubernetes' || d.category === 'engine');
}

export function asksBeforeRun(d: Pick<Diagnostic, 'severity' | 'category'>): boolean {
  return !blocksRun(d) && (d.severity === 'error' || d.severity === 'warning');
}
