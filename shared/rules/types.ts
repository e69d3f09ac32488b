// The vocabulary of the rule engine: diagnostics, quick fixes and the shape of one rule.
import type { Pod } from '../model/pod';
import type { RuleContext } from './context';
import type { RuleMessage } from './message';

export type { Category, Diagnostic, DiagnosticLocation, MessageParams, PatchOperation, QuickFix, Severity } from '../model/diagnostic';
import type { Category, MessageParams, QuickFix, Severity } from '../model/diagnostic';

export interface ReportDetails {
  fixes?: QuickFix[];
  related?: string[];
  /** Short id of the message variant within the rule (`clash` → `rules.<CODE>.messages.clash`). */
  messageId?: string;
  params?: MessageParams;
}

/** `message` is plain English, or a catalogued message (see message.ts) the UI can show in any language. */
export type Report = (path: string, message: string | RuleMessage, details?: ReportDetails) => void;

export interface Rule {
  code: string;
  severity: Severity;
  category: Category;
  /** A short name for lists and settings. */
  title: string;
  explanation: string;
  /** Where the behaviour comes from (a Kubernetes function, warnings.go, the kernel...). */
  source: string;
  check(ctx: RuleContext, report: Report): void;
}

/** What the canvas knows beyond the Pod spec. */
export interface ValidateOptions {
  /** The node the Pod should fit on; quantities as in Kubernetes (`cpu: '2'`, `memory: '1.25Gi'`). */
  nodeCapacity?: Record<string, string | number>;
  /**
   * Containers the user joined to a namespace node on the canvas, by container name. Kubernetes cannot express a
   * namespace shared by only some containers, so a partial set becomes a diagnostic.
   */
  namespaces?: Partial<Record<'pid' | 'network' | 'ipc' | 'uts', string[]>>;
}

export type { Pod };
