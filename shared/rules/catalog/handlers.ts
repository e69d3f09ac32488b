// Shared checks for probe and lifecycle handlers (validateHandler and friends), in upstream order: the first handler
// set is checked, every later one is refused.
import { isRecord, list } from '../context';
import { msg, type RuleMessage } from '../message';
import { isValidPortNum, portNameProblem } from '../syntax';

export interface HandlerProblem {
  path: string;
  message: RuleMessage;
}

const headerNameRe = /^[-A-Za-z0-9]+$/;

/** ValidatePortNumOrName: a number 1–65535, or a string that is an IANA port name (a string of digits is not). */
function portProblem(port: unknown): string | undefined {
  if (typeof port === 'number') return isValidPortNum(port) ? undefined : 'must be between 1 and 65535, inclusive';
  if (typeof port === 'string') return portNameProblem(port);
  return 'must be between 1 and 65535, inclusive';
}

function portReport(port: unknown, path: string): HandlerProblem[] {
  const problem = portProblem(port);
  return problem
    ? [
        {
          path,
          message: msg(
            'invalid',
            { value: JSON.stringify(port ?? 0), problem },
            `Invalid value: ${JSON.stringify(port ?? 0)}: ${problem}`,
          ),
        },
      ]
    : [];
}

/**
 * Exactly one of `kinds` must be set; the first is checked and each later one is Forbidden. `grace` is the Pod's
 * terminationGracePeriodSeconds, which a sleep handler may not outlast.
 */
export function handlerProblems(
  handler: Record<string, unknown>,
  path: string,
  kinds: readonly string[],
  grace?: number,
): HandlerProblem[] {
  const out: HandlerProblem[] = [];
  const set = kinds.filter((k) => handler[k] !== undefined);
  if (set.length === 0)
    out.push({
      path,
      message: msg(
        'handlerRequired',
        { kinds: kinds.join(', ') },
        `Required value: must specify a handler type (one of ${kinds.join(', ')})`,
      ),
    });
  for (const extra of set.slice(1))
    out.push({
      path: `${path}.${extra}`,
      message: msg('handlerMany', {}, 'Forbidden: may not specify more than 1 handler type'),
    });
  const kind = set[0];
  if (kind === undefined) return out;
  const value = handler[kind];
  const at = `${path}.${kind}`;
  if (!isRecord(value)) return [...out, { path: at, message: msg('object', {}, 'must be an object') }];
  if (kind === 'exec') {
    if (list(value.command).length === 0)
      out.push({ path: `${at}.command`, message: msg('required', {}, 'Required value') });
  } else if (kind === 'httpGet') {
    // Defaulting gives a missing path "/" and a missing scheme HTTP.
    if (typeof value.path !== 'string' || value.path === '')
      out.push({ path: `${at}.path`, message: msg('required', {}, 'Required value') });
    out.push(...portReport(value.port, `${at}.port`));
    if (value.scheme !== 'HTTP' && value.scheme !== 'HTTPS')
      out.push({
        path: `${at}.scheme`,
        message: msg(
          'scheme',
          { value: JSON.stringify(value.scheme) },
          `Unsupported value: ${JSON.stringify(value.scheme)}: supported values: "HTTP", "HTTPS"`,
        ),
      });
    for (const header of list<unknown>(value.httpHeaders)) {
      const name = isRecord(header) && typeof header.name === 'string' ? header.name : '';
      if (!headerNameRe.test(name))
        out.push({
          path: `${at}.httpHeaders`,
          message: msg(
            'header',
            { value: JSON.stringify(name) },
            `Invalid value: ${JSON.stringify(name)}: a valid HTTP header must consist of alphanumeric characters or '-'`,
          ),
        });
    }
  } else if (kind === 'tcpSocket') out.push(...portReport(value.port, `${at}.port`));
  // A gRPC port is an int32: a name does not even decode.
  else if (kind === 'grpc') out.push(...portReport(typeof value.port === 'number' ? value.port : -1, `${at}.port`));
  else if (kind === 'sleep') {
    const seconds = value.seconds;
    if (grace !== undefined && (typeof seconds !== 'number' || seconds < 0 || seconds > grace))
      out.push({
        path: at,
        message: msg(
          'sleep',
          { value: JSON.stringify(seconds ?? 0), grace },
          `Invalid value: ${JSON.stringify(seconds ?? 0)}: must be non-negative and less than terminationGracePeriodSeconds (${grace})`,
        ),
      });
  }
  return out;
}
