// The shape of a check on a Kubernetes object's own fields (a workload or a Service, not the Pod inside it) and the
// runner that turns its reports into diagnostics in the rules' vocabulary, with catalogue ids for both languages.
import { applyFix } from '../fix';
import type { Category, Diagnostic, Pod, QuickFix, Report, Severity } from '../types';

/** One object of a file, as the reader hands it over: where it sits and what it holds. */
export interface ObjectRecord {
  /** 0-based document index in the file. */
  document: number;
  /** Where the object sits in its document: [] for a top-level object, ['items', 2] inside a List. */
  path: readonly (string | number)[];
  object: unknown;
}

/** What a check reads: the object as written, its kind and apiVersion, and its spec (an empty object when absent). */
export interface ObjectContext {
  raw: Record<string, unknown>;
  kind: string;
  apiVersion: unknown;
  spec: Record<string, unknown>;
  /** True when the file holds `spec` as a mapping; checks of required spec fields say so once, not per field. */
  hasSpec: boolean;
}

export interface ObjectRule {
  code: string;
  severity: Severity;
  category: Category;
  title: string;
  explanation: string;
  /** Where the behaviour comes from (the validation function of Kubernetes 1.34 it follows). */
  source: string;
  /** The kinds the rule looks at. */
  kinds: readonly string[];
  check(ctx: ObjectContext, report: Report): void;
}

/** A diagnostic on one object of a file: its document and where the object sits, for lines and for fixes. */
export interface ObjectDiagnostic extends Diagnostic {
  document: number;
  objectPath: readonly (string | number)[];
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs `rules` on one object; paths are the API server's field paths inside the object (`spec.replicas`). */
export function runObjectRules(ctx: ObjectContext, rules: readonly ObjectRule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(ctx.kind)) continue;
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
        fixes: (details?.fixes ?? [])
          .filter((fix) => applies(ctx.raw, fix))
          .map((fix) => withFullTitleId(rule.code, fix)),
        related: details?.related ?? [],
        ...(id !== undefined && { messageId: `rules.${rule.code}.messages.${id}`, params: params ?? {} }),
      });
    });
  }
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** A fix is offered only if it applies to the object as written (hostile YAML may hold a string where a map belongs). */
function applies(raw: Record<string, unknown>, fix: QuickFix): boolean {
  try {
    applyFix(raw as unknown as Pod, fix);
    return true;
  } catch {
    return false;
  }
}

function withFullTitleId(code: string, fix: QuickFix): QuickFix {
  if (fix.titleId === undefined || fix.titleId.startsWith('rules.')) return fix;
  return { ...fix, titleId: `rules.${code}.fixes.${fix.titleId}`, params: fix.params ?? {} };
}
