// The reader's own problems (the text cannot be read, an object has no kind...) in the rules' vocabulary, each with
// a stable code, an English message, an explanation, and where the sentence is built from known values its catalogue
// id and params (`rules.<CODE>.messages.main` in assets/locales/reader), so the UI can say it in the user's language.
import type { Category, Diagnostic, DiagnosticLocation, MessageParams, Severity } from '../model/diagnostic';
import type { ManifestProblemCode } from './parse';

interface ReaderProblemKind {
  severity: Severity;
  category: Category;
  explanation: string;
}

/** Every code the reader reports; the catalogue test checks each has text in every language. */
export const readerProblemKinds = {
  FILE_TOO_LARGE: {
    severity: 'error',
    category: 'kubernetes',
    explanation:
      'Podwright reads at most 10 MiB of text, far more than any Pod needs; a larger file is refused before it is parsed so a mistake or a hostile file cannot use up memory.',
  },
  FILE_NOT_TEXT: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'YAML and JSON are text. A control character means the file is binary or damaged.',
  },
  YAML_SYNTAX: {
    severity: 'error',
    category: 'kubernetes',
    explanation:
      'The text is not valid YAML, so neither kubectl nor the API server can read it. The line and column point at where the parser gave up; the mistake is often just before it (indentation, a missing colon, an unclosed quote).',
  },
  YAML_TOO_DEEP: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'A Pod is about a dozen levels deep; nesting far beyond that is refused so a hostile file cannot exhaust the stack.',
  },
  YAML_TOO_MANY_DOCUMENTS: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'The file has more `---` documents than Podwright reads at once.',
  },
  YAML_ALIASES: {
    severity: 'error',
    category: 'kubernetes',
    explanation:
      'YAML aliases (`*name`) repeat an anchored value. Too many, or too much text through them, is how "billion laughs" files blow up memory, so the reader stops.',
  },
  YAML_NUMBER_OUT_OF_RANGE: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'Numbers beyond 2^53 cannot be kept exactly; quote the value if it is meant as text.',
  },
  OBJECT_NOT_A_MAPPING: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'Each document of a manifest is one Kubernetes object: a mapping with apiVersion, kind, metadata and spec.',
  },
  OBJECT_KIND_MISSING: {
    severity: 'error',
    category: 'kubernetes',
    explanation: 'Without `kind` nothing can say what the object is; kubectl refuses it with "Object \'Kind\' is missing".',
  },
  OBJECT_API_VERSION_MISSING: {
    severity: 'error',
    category: 'kubernetes',
    explanation:
      'Every object names the API group and version it belongs to (`v1` for a Pod, `apps/v1` for a Deployment); kubectl refuses an object without `apiVersion`.',
  },
  WORKLOAD_TEMPLATE_MISSING: {
    severity: 'error',
    category: 'kubernetes',
    explanation:
      'A workload (Deployment, StatefulSet, Job...) makes its Pods from its Pod template; without one there is no Pod to run and the API server refuses the object.',
  },
  NOTHING_TO_CHECK: {
    severity: 'error',
    category: 'practice',
    explanation:
      'Podwright checks Pods and the Pod templates of workloads. This file holds neither, so nothing in it was checked; a clean result would be a false promise.',
  },
} as const satisfies Record<string, ReaderProblemKind>;

export type ReaderProblemCode = keyof typeof readerProblemKinds;

/**
 * One reader problem as a Diagnostic; `message` is the English text. `params` fill the catalogue's sentence; without
 * them (the YAML parser's own words) the English is shown whole, never half translated.
 */
export function readerProblem(
  code: ReaderProblemCode,
  message: string,
  params: MessageParams | undefined,
  where: { path?: string; at?: DiagnosticLocation } = {},
): Diagnostic {
  const kind: ReaderProblemKind = readerProblemKinds[code];
  const d: Diagnostic = {
    code,
    severity: kind.severity,
    category: kind.category,
    path: where.path ?? '',
    message,
    explanation: kind.explanation,
    fixes: [],
    related: [],
  };
  if (params) {
    d.messageId = `rules.${code}.messages.main`;
    d.params = params;
  }
  if (where.at) d.at = where.at;
  return d;
}

const parseCodes: Record<ManifestProblemCode, ReaderProblemCode> = {
  'too-large': 'FILE_TOO_LARGE',
  binary: 'FILE_NOT_TEXT',
  yaml: 'YAML_SYNTAX',
  'too-deep': 'YAML_TOO_DEEP',
  'too-many-documents': 'YAML_TOO_MANY_DOCUMENTS',
  aliases: 'YAML_ALIASES',
  'number-out-of-range': 'YAML_NUMBER_OUT_OF_RANGE',
  'not-an-object': 'OBJECT_NOT_A_MAPPING',
};

/** The parser's problem in the shared vocabulary; the parser's words are the message (the catalogue adds the place). */
export function parseProblemCode(code: ManifestProblemCode): ReaderProblemCode {
  return parseCodes[code];
}

/** A problem that stops a text from being read, in words: where (line and column) and what. */
export function readingProblemText(d: Diagnostic): string {
  const where = d.at
    ? `line ${d.at.line}, column ${d.at.column}${d.at.document > 0 ? ` (document ${d.at.document + 1})` : ''}: `
    : '';
  return `${where}${d.message}`;
}
