// The one gate before any run, on any engine and from any entrance (the app's Run, `podwright run`, pod.run): the
// Pod rules, plus only what the engine adds (an old engine, a ConfigMap the design does not hold...), in one
// vocabulary, and the one decision of what refuses a run and what asks first.
import type { Diagnostic } from '../model/diagnostic';
import type { Pod as ModelPod } from '../model/pod';
import { validatePod } from '../rules/validate';
import type { ValidateOptions } from '../rules/types';
import { asksBeforeRun, blocksRun } from './run-decision';
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
  /**
   * Problems the user is asked about once before the run ("Run anyway", `--force`), what hands the host to a container
   * (the host-access family, `isHostAccess`) among them: the question names it first, but it is the same one answer.
   */
  questions: Diagnostic[];
  /** The plan, when an engine was given. */
  plan?: Plan;
}

export { asksBeforeRun, blocksRun };

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
