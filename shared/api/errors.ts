// Typed errors that cross the API boundary: a stable code the UI can branch on, and words for the user.
import { z } from 'zod';

import { API_ERROR_CODES, ApiError } from './api-error';

export { ApiError } from './api-error';

export const ApiErrorCode = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorBody = z.object({
  code: ApiErrorCode,
  message: z.string(),
  /** Extra, machine-readable context (which field failed validation, which container...). */
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Turns anything thrown by a handler into a body that is safe to send (no stack traces cross the boundary). */
export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiError) return err.toBody();
  if (err instanceof z.ZodError) {
    return { code: 'BAD_REQUEST', message: z.prettifyError(err), details: err.issues.slice(0, 20) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

/** A message's values; one may be a phrase of the catalogue itself (who, which action, why), translated on its own. */
export const MessageParams = z.record(
  z.string(),
  z.union([
    z.string(),
    z.number(),
    z.object({ id: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
  ]),
);
export type MessageParams = z.infer<typeof MessageParams>;

/**
 * One problem of a refused run, in the shared problem vocabulary: code, severity, category, path, the English
 * `message`, and its catalogue key and values (the UI shows it in the user's language, like any rule's problem).
 */
export const PlanProblemBody = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  category: z.enum(['kubernetes', 'runtime', 'engine', 'practice', 'security']).optional(),
  message: z.string(),
  path: z.string().optional(),
  messageId: z.string().optional(),
  params: MessageParams.optional(),
});

/** `details` of a failed pod.run (and stop, down): the Pod runtime's code and context, and the message's catalogue key. */
export const PodErrorDetails = z.object({
  pod: z.object({
    code: z.string(),
    container: z.string().optional(),
    exitCode: z.number().int().optional(),
    logs: z.string().optional(),
    problems: z.array(PlanProblemBody).optional(),
    messageId: z.string().optional(),
    params: MessageParams.optional(),
    /** Faults (issue 21): ENGINE_LOST, the Docker names of what the run created and could not remove. */
    left: z.array(z.string()).optional(),
  }),
});
export type PodErrorDetails = z.infer<typeof PodErrorDetails>;
