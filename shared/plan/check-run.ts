// The one gate before any run, on any engine and from any entrance (the app's Run, `podwright run`, pod.run): the
// Pod rules, plus only what the engine adds (an old engine, a ConfigMap the design does not hold...), in one
// vocabulary, and the one decision of what refuses a run and what asks first.
import type { Diagnostic } from '../model/diagnostic';
import type { Pod as ModelPod } from '../model/pod';
import { validatePod } from '../rules/validate';
import type { ValidateOptions } from '../rules/types';
import { plan } from './plan';
import type { Companions, Pod } from './pod';
import type { Plan, PlanEngine, PlanOptions } from './types';

export interface RunCheckOptions {
  companions?: Companions;
  planOptions?: PlanOptions;
  /** What the canvas knows beyond the Pod (partial namespace joins, node capacity). */
  validateOptions?: ValidateOptions;
  /**
   * The rules' problems when the caller already has them for this very Pod (the app computes them on every edit, with
   * what only the canvas knows); else the rules run here.
   */
  ruleProblems?: readonly Diagnostic[];
}

export interface RunCheck {
  /** The rules' problems, then the engine's (none repeated where a rule already refuses the same field). */
  problems: Diagnostic[];
  /** Problems that refuse the run. */
  blockers: Diagnostic[];
  /** Problems the user is asked about once before the run ("Run anyway", `--force`). */
  questions: Diagnostic[];
  /** The plan, when an engine was given. */
  plan?: Plan;
}

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

/** Checks a Pod for a run on `engine` (or on no engine yet: the rules alone). */
export function checkRun(pod: Pod, engine: PlanEngine | undefined, options: RunCheckOptions = {}): RunCheck {
  const rules = options.ruleProblems ?? validatePod(pod as unknown as ModelPod, options.validateOptions ?? {});
  let built: Plan | undefined;
  let engineProblems: Diagnostic[] = [];
  if (engine) {
    const refused = rules.filter((d) => d.severity === 'error').map((d) => d.path);
    try {
      built = plan(pod, engine, options.planOptions ?? {}, options.companions ?? {});
      engineProblems = built.problems.filter((d) => !refused.some((path) => covers(path, d.path)));
    } catch (err) {
      // The plan assumes a Pod the rules accept; one they refuse (a null where a string goes) may not plan at all,
      // and is refused for what the rules say. A Pod they accept must always plan.
      if (!rules.some(blocksRun)) throw err;
    }
  }
  const problems = [...rules, ...engineProblems];
  const result: RunCheck = {
    problems,
    blockers: problems.filter(blocksRun),
    questions: problems.filter(asksBeforeRun),
  };
  if (built) result.plan = built;
  return result;
}

/** Whether a problem at `outer` already speaks for `inner` (the same field, or one inside it). */
function covers(outer: string, inner: string): boolean {
  if (!outer || !inner) return false;
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}
