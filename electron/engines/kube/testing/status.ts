// The API server's error shape (a metav1.Status) and the messages the stand-in answers with, worded as a real
// kube-apiserver 1.34 words them (checked against one; see README.md, "Checked against the real server").

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  /** Absent on a Success (a real DELETE's answer has none). */
  code?: number;
}

/** A Status to answer with: thrown inside a handler, written by the server. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? `HTTP ${status.code}`);
  }
}

export function failure(code: number, reason: string | undefined, message: string, details?: Status['details']): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code };
  if (reason) status.reason = reason;
  if (details) status.details = details;
  return new StatusError(status);
}

/** `pods "x" not found` */
export function notFound(resource: string, name: string): StatusError {
  return failure(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });
}

export function alreadyExists(resource: string, group: string, name: string): StatusError {
  return failure(409, 'AlreadyExists', `${resource}${group ? `.${group}` : ''} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/** `Pod "x" is invalid: [a, b]` with one cause per field, as the API server's validation reports. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): StatusError {
  const parts = causes.map((c) => `${c.field ? `${c.field}: ` : ''}${c.message}`);
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const qualified = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualified} "${name}" is invalid: ${joined}`, {
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

export function forbidden(user: string, verb: string, resource: string, group: string, namespace: string | undefined, name?: string): StatusError {
  const where = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
  const what = `${resource}${name ? ` "${name}"` : ''}`;
  return failure(
    403,
    'Forbidden',
    `${what} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${where}`,
    { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource },
  );
}

export function unauthorized(): StatusError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

export function success(details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? { details } : {}) };
}
