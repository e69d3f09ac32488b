// The vocabulary of the rule engine: diagnostics, quick fixes and the shape of one rule.
import type { Pod } from '../model/pod';
import type { RuleContext } from './context';
import type { RuleMessage } from './message';

export type Severity = 'error' | 'warning' | 'info';

/**
 * `kubernetes`: the API server rejects (error) or warns (warning). `runtime`: accepted, but it fails or misbehaves
 * once running. `practice`: advice.
 */
export type Category = 'kubernetes' | 'runtime' | 'practice';

/** One JSON-Patch-style step; `path` is a JSON Pointer into the Pod as the user wrote it. */
export type PatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** A fix the user can apply with one click, as data so the UI can preview it and undo it. */
export interface QuickFix {
  title: string;
  patch: PatchOperation[];
  /** Catalogue key of the title (`rules.<CODE>.fixes.<id>`; rules give the short id) and its placeholders. */
  titleId?: string;
  params?: MessageParams;
}

/** Placeholder values for a catalogue text (assets/locales/rules), so the UI can show rule text in any language. */
export type MessageParams = Record<string, string | number>;

export interface Diagnostic {
  code: string;
  severity: Severity;
  category: Category;
  /** Kubernetes' own field path, e.g. `spec.containers[1].ports[0].hostPort`. */
  path: string;
  message: string;
  /** Longer text for a workshop audience: what happens and why. */
  explanation: string;
  fixes: QuickFix[];
  /** Other fields involved (the first of two clashing ports...). */
  related: string[];
  /** Catalogue key of `message` (`rules.<CODE>.messages.<id>`) and its placeholders; absent for untranslated text. */
  messageId?: string;
  params?: MessageParams;
}

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
