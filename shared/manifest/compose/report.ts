// What the Compose reader says besides the Pods: notes (catalogued, in both languages through `compose.notes.<code>`)
// and problems in the rules' vocabulary (codes COMPOSE_*, catalogued under `rules.<CODE>.messages.<id>`), each pinned
// to a place in the Compose file when there is one.
import type { Diagnostic, DiagnosticLocation, MessageParams } from '../../model/diagnostic';
import type { DesignNote } from '../read';
import { NOTE_TEXT, PROBLEM_TEXT, type NoteCode, type ProblemCode } from './catalogue';

export type { DesignNote };
export type SourceAt = DiagnosticLocation;

/** A reader problem: a Diagnostic whose `path` is the place in the Compose file (`services.web.build`). */
export type DesignProblem = Diagnostic;

/** Fills `{{name}}` placeholders the way i18next does, so the English text and the catalogue read the same. */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function note(code: NoteCode, params: MessageParams = {}, path?: string): DesignNote {
  const out: DesignNote = { code, message: fill(NOTE_TEXT[code], params), params, document: 0 };
  if (path !== undefined) out.path = path;
  return out;
}

export function problem(
  code: ProblemCode,
  id: string,
  params: MessageParams,
  path: string,
  at?: SourceAt,
): DesignProblem {
  const entry = PROBLEM_TEXT[code];
  const template = (entry.messages as Record<string, string>)[id] ?? id;
  const out: DesignProblem = {
    code,
    severity: entry.severity,
    category: entry.category,
    path,
    message: fill(template, params),
    explanation: entry.explanation,
    fixes: [],
    related: [],
    messageId: `rules.${code}.messages.${id}`,
    params,
  };
  if (at) out.at = at;
  return out;
}
