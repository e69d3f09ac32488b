// validatePod: runs every rule over one Pod and returns its diagnostics in a stable order.
import type { Pod } from '../model/pod';
import { createContext, isRecord } from './context';
import { rules as allRules } from './registry';
import type { Diagnostic, Rule, Severity, ValidateOptions } from './types';

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * All diagnostics for a Pod: errors first, then warnings, then info; within a severity by rule order and then in
 * the order of the Pod's own fields. Pure and deterministic; never throws on malformed input.
 */
export function validatePod(pod: Pod, options: ValidateOptions = {}, rules: readonly Rule[] = allRules): Diagnostic[] {
  if (!isRecord(pod)) {
    return [
      {
        code: 'POD_NOT_AN_OBJECT',
        severity: 'error',
        category: 'kubernetes',
        path: '',
        message: 'a Pod must be an object',
        explanation: 'A Kubernetes object is a mapping with apiVersion, kind, metadata and spec.',
        fixes: [],
        related: [],
      },
    ];
  }
  const ctx = createContext(pod, options);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check(ctx, (path, message, details) =>
      out.push({
        code: rule.code,
        severity: rule.severity,
        category: rule.category,
        path,
        message,
        explanation: rule.explanation,
        fixes: details?.fixes ?? [],
        related: details?.related ?? [],
      }),
    );
  }
  // Array.prototype.sort is stable, so the rule and field order survives within a severity.
  return out.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

/** True when the API server would accept the Pod: no error in the `kubernetes` category. */
export function acceptedByKubernetes(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((d) => d.category === 'kubernetes' && d.severity === 'error');
}
