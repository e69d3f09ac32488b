// Cluster errors in words: what went wrong (unreachable, a certificate, a credential, Forbidden, a quota, a webhook,
// a conflict, an invalid object), with the context and server they happened on and the API server's Status when it
// answered one.

export type ClusterErrorCode =
  | 'UNREACHABLE'
  | 'CERTIFICATE'
  | 'CREDENTIALS'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'QUOTA'
  | 'WEBHOOK'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID'
  | 'GONE'
  | 'TIMEOUT'
  | 'SERVER'
  | 'CONTEXT';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** A metav1.Status as the API server sends it. */
export interface KubeStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
}

export interface Where {
  context: string;
  server: string;
  user?: string;
}

export class ClusterError extends Error {
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
    readonly where: Where,
    readonly status?: KubeStatus,
    /** Words the UI can fill in its own language: the catalogue key's values. */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

export function isStatus(value: unknown): value is KubeStatus {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}

const certificateCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

/** A failure before any answer: the network, TLS, or reading the credentials. */
export function connectionError(err: unknown, where: Where): ClusterError {
  if (err instanceof ClusterError) return err;
  const e = err as NodeJS.ErrnoException & { code?: string; path?: string };
  const code = e?.code ?? '';
  const at = `the cluster of context "${where.context}" at ${where.server}`;
  if (certificateCodes.has(code))
    return new ClusterError(
      'CERTIFICATE',
      `The server certificate of ${at} is not trusted (${code}: ${e.message}). Check the cluster's certificate-authority in the kubeconfig.`,
      where,
      undefined,
      { context: where.context, server: where.server, reason: `${code}: ${e.message}` },
    );
  if (/ssl|tls|certificate|PEM/i.test(`${code} ${e?.message ?? ''}`) && code !== 'ECONNREFUSED')
    return new ClusterError('CERTIFICATE', `The TLS handshake with ${at} failed: ${e.message}`, where, undefined, {
      context: where.context,
      server: where.server,
      reason: e.message,
    });
  if (code === 'ENOENT' || code === 'EACCES')
    return new ClusterError(
      'CREDENTIALS',
      `A file that the kubeconfig names for context "${where.context}" cannot be read: ${e.path ?? e.message}.`,
      where,
      undefined,
      { context: where.context, reason: e.path ?? e.message },
    );
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE'].includes(code))
    return new ClusterError('UNREACHABLE', `Cannot reach ${at}: ${describeNetwork(code)}.`, where, undefined, {
      context: where.context,
      server: where.server,
      reason: describeNetwork(code),
    });
  if (code === 'ETIMEDOUT' || code === 'TIMEOUT' || e?.name === 'TimeoutError')
    return new ClusterError('UNREACHABLE', `Cannot reach ${at}: no answer in time.`, where, undefined, {
      context: where.context,
      server: where.server,
      reason: 'no answer in time',
    });
  if (e?.name === 'ExecCredentialError' || /exec|credential|plugin/i.test(e?.message ?? ''))
    return new ClusterError('CREDENTIALS', `The credential plugin of user "${where.user ?? ''}" (context "${where.context}") failed: ${e.message.trim()}`, where, undefined, {
      context: where.context,
      user: where.user ?? '',
      reason: e.message.trim(),
    });
  return new ClusterError('UNREACHABLE', `Cannot reach ${at}: ${e?.message ?? String(err)}`, where, undefined, {
    context: where.context,
    server: where.server,
    reason: e?.message ?? String(err),
  });
}

function describeNetwork(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the cluster running?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host';
    default:
      return 'the connection was closed';
  }
}

/** `pods "x" is forbidden: User "u" cannot create resource "pods" in API group "" in the namespace "ns"` */
const forbiddenRe = /User "([^"]*)" cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]*)"| at the cluster scope)?/;

/** An answer that is not 2xx, read from its Status. */
export function statusError(httpStatus: number, body: unknown, where: Where): ClusterError {
  const status: KubeStatus = isStatus(body) ? body : { code: httpStatus, message: typeof body === 'string' && body ? body.slice(0, 500) : `HTTP ${httpStatus}` };
  const message = status.message ?? `HTTP ${httpStatus}`;
  const base = { context: where.context, server: where.server, message };
  if (httpStatus === 401)
    return new ClusterError(
      'UNAUTHORIZED',
      `The cluster of context "${where.context}" at ${where.server} did not accept the credentials of user "${where.user ?? ''}" (401 Unauthorized): the token or certificate is wrong or has expired.`,
      where,
      status,
      { ...base, user: where.user ?? '' },
    );
  if (httpStatus === 403 && /exceeded quota/.test(message))
    return new ClusterError('QUOTA', `A resource quota refused it: ${message}`, where, status, base);
  if (/admission webhook "[^"]*" denied the request/.test(message)) {
    const webhook = /admission webhook "([^"]*)"/.exec(message)![1]!;
    return new ClusterError('WEBHOOK', `The admission webhook "${webhook}" refused it: ${message.replace(/^.*denied the request:\s*/, '')}`, where, status, {
      ...base,
      webhook,
      reason: message.replace(/^.*denied the request:\s*/, ''),
    });
  }
  if (httpStatus === 403) {
    const m = forbiddenRe.exec(message);
    if (m) {
      const [, user, verb, resource, , namespace] = m;
      const scope = namespace ? `in namespace "${namespace}"` : 'at the cluster scope';
      return new ClusterError('FORBIDDEN', `Forbidden: user "${user}" may not ${verb} ${resource} ${scope} (context "${where.context}").`, where, status, {
        ...base,
        user: user!,
        verb: verb!,
        resource: resource!,
        namespace: namespace ?? '',
      });
    }
    return new ClusterError('FORBIDDEN', `Forbidden: ${message}`, where, status, base);
  }
  if (httpStatus === 404) return new ClusterError('NOT_FOUND', message, where, status, base);
  if (httpStatus === 409) return new ClusterError('CONFLICT', message, where, status, base);
  if (httpStatus === 410) return new ClusterError('GONE', message, where, status, base);
  if (httpStatus === 422 || httpStatus === 400) return new ClusterError('INVALID', message, where, status, base);
  if (httpStatus === 504) return new ClusterError('TIMEOUT', message, where, status, base);
  return new ClusterError('SERVER', `The API server answered ${httpStatus}: ${message}`, where, status, base);
}
