// The one problem vocabulary: every check (the reader, the Pod rules, workload checks, the run gate) reports
// Diagnostics, so every entrance shows, translates and counts problems the same way.

export type Severity = 'error' | 'warning' | 'info';

/**
 * `kubernetes`: the API server rejects (error) or warns (warning). `runtime`: accepted, but it fails or misbehaves
 * once running. `engine`: the engine chosen to run it cannot (an old Docker, a ConfigMap the design does not hold).
 * `practice`: advice.
 */
export type Category = 'kubernetes' | 'runtime' | 'engine' | 'practice';

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
  /** Where it is in the file it was read from (set by the design reader's checks; absent for a Pod on its own). */
  at?: DiagnosticLocation;
}

/** A place in a file: the 0-based document of a multi-document file and the 1-based line and column. */
export interface DiagnosticLocation {
  document: number;
  line: number;
  column: number;
}

