// validatePod: runs every rule over one Pod and returns its diagnostics in a stable order.
import type { Pod } from '../model/pod';
import { createContext, isRecord } from './context';
import { rules as allRules } from './registry';
import type { Diagnostic, QuickFix, Rule, Severity, ValidateOptions } from './types';

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
        messageId: 'rules.POD_NOT_AN_OBJECT.messages.notObject',
        params: {},
      },
    ];
  }
  const ctx = createContext(pod, options);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check(ctx, (path, message, details) => {
      const text = typeof message === 'string' ? message : message.text;
      const id = typeof message === 'string' ? details?.messageId : message.id;
      const params = typeof message === 'string' ? details?.params : message.params;
      out.push({
        code: rule.code,
        severity: rule.severity,
        category: rule.category,
        path,
        message: text,
        explanation: rule.explanation,
        fixes: (details?.fixes ?? []).map((fix) => catalogued(rule.code, fix)),
        related: details?.related ?? [],
        ...(id !== undefined && { messageId: `rules.${rule.code}.messages.${id}`, params: params ?? {} }),
      });
    });
  }
  // Array.prototype.sort is stable, so the rule and field order survives within a severity.
  return out.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

/** A fix whose short `titleId` becomes its full catalogue key, so the UI can translate the title. */
function catalogued(code: string, fix: QuickFix): QuickFix {
  if (fix.titleId === undefined || fix.titleId.startsWith('rules.')) return fix;
  return { ...fix, titleId: `rules.${code}.fixes.${fix.titleId}`, params: fix.params ?? {} };
}

/** True when the API server would accept the Pod: no error in the `kubernetes` category. */
export function acceptedByKubernetes(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((d) => d.category === 'kubernetes' && d.severity === 'error');
}
