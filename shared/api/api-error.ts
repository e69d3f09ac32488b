// The typed error that crosses the API boundary: a stable code the UI can branch on, and words for the user. Apart
// from the contract's schemas (errors.ts) so that code which only throws it (the engine's runs) does not load zod.

export const API_ERROR_CODES = [
  'BAD_REQUEST', // the message did not match the contract
  'UNKNOWN_METHOD',
  'UNKNOWN_TOPIC',
  'UNAUTHORIZED',
  'ENGINE_UNREACHABLE',
  'NOT_FOUND',
  'CONFLICT',
  'CANCELLED', // the user cancelled it (pod.cancel): not a failure
  'DISCONNECTED', // the connection to the back end is gone
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An error as it crosses the boundary (errors.ts checks one that arrives against the contract). */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Extra, machine-readable context (which field failed validation, which container...). */
  details?: unknown;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
  static from(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.details);
  }
}
