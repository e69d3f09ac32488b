// Shared checks for probe and lifecycle handlers (validateHandler and friends).
import { isRecord } from '../context';
import { msg, type RuleMessage } from '../message';
import { isValidPortNum, portNameProblem } from '../syntax';

export interface HandlerProblem {
  path: string;
  message: RuleMessage;
}

/** Port checks for httpGet/tcpSocket: a number 1–65535 or a valid IANA port name (`ValidatePortNumOrName`). */
function portProblem(port: unknown): string | undefined {
  if (typeof port === 'number') return isValidPortNum(port) ? undefined : 'must be between 1 and 65535, inclusive';
  if (typeof port === 'string') {
    if (/^[0-9]+$/.test(port))
      return isValidPortNum(Number(port)) ? undefined : 'must be between 1 and 65535, inclusive';
    const problem = portNameProblem(port);
    return problem;
  }
  return 'Required value';
}

/** Exactly one of `kinds` must be set; each set handler is then checked. */
export function handlerProblems(
  handler: Record<string, unknown>,
  path: string,
  kinds: readonly string[],
): HandlerProblem[] {
  const out: HandlerProblem[] = [];
  const set = kinds.filter((k) => handler[k] !== undefined && handler[k] !== null);
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
    if (!Array.isArray(value.command) || value.command.length === 0)
      out.push({ path: `${at}.command`, message: msg('required', {}, 'Required value') });
  } else if (kind === 'httpGet' || kind === 'tcpSocket') {
    const problem = portProblem(value.port);
    if (problem)
      out.push({
        path: `${at}.port`,
        message:
          problem === 'Required value'
            ? msg('required', {}, problem)
            : msg(
                'invalid',
                { value: JSON.stringify(value.port), problem },
                `Invalid value: ${JSON.stringify(value.port)}: ${problem}`,
              ),
      });
    if (kind === 'httpGet' && value.scheme !== undefined && value.scheme !== 'HTTP' && value.scheme !== 'HTTPS')
      out.push({
        path: `${at}.scheme`,
        message: msg(
          'scheme',
          { value: JSON.stringify(value.scheme) },
          `Unsupported value: ${JSON.stringify(value.scheme)}: supported values: "HTTP", "HTTPS"`,
        ),
      });
  } else if (kind === 'grpc') {
    if (!isValidPortNum(value.port))
      out.push({
        path: `${at}.port`,
        message: msg(
          'invalid',
          { value: JSON.stringify(value.port), problem: 'must be between 1 and 65535, inclusive' },
          `Invalid value: ${JSON.stringify(value.port)}: must be between 1 and 65535, inclusive`,
        ),
      });
  } else if (kind === 'sleep') {
    if (typeof value.seconds !== 'number' || value.seconds < 0)
      out.push({ path: `${at}.seconds`, message: msg('seconds', {}, 'must be greater than or equal to 0') });
  }
  return out;
}
