// Windows security options of a Pod or container (validateWindowsSecurityContextOptions): the GMSA credential spec
// and `runAsUserName` as DOMAIN\USER.
import { isRecord } from './context';
import { msg, type RuleMessage } from './message';
import { dns1123SubdomainProblem } from './syntax';

export interface OptionProblem {
  path: string;
  message: RuleMessage;
}

const netBiosRe = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const domainDnsRe =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/** Go's [[:cntrl:]]: the ASCII control characters. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

const userCharsRe = /["/\\:;|=,+*?<>@[\]]/;

/** The reasons runAsUserName is refused, as [message id, Kubernetes' words]. */
function userNameReasons(name: string): [string, string][] {
  if (name.length === 0) return [['userNameEmpty', 'runAsUserName cannot be an empty string']];
  if (hasControl(name)) return [['userNameControl', 'runAsUserName cannot contain control characters']];
  const parts = name.split('\\');
  if (parts.length > 2) return [['userNameBackslash', 'runAsUserName cannot contain more than one backslash']];
  const [domain, user] = parts.length === 2 ? [parts[0]!, parts[1]!] : ['', parts[0]!];
  const out: [string, string][] = [];
  if (domain.length >= 256) out.push(['domainLength', "runAsUserName's Domain length must be under 256 characters"]);
  if (parts.length === 2 && !netBiosRe.test(domain) && !domainDnsRe.test(domain))
    out.push(['domainFormat', "runAsUserName's Domain doesn't match the NetBios nor the DNS format"]);
  if (user.length === 0) out.push(['userEmpty', "runAsUserName's User cannot be empty"]);
  else if (user.length > 104)
    out.push(['userLength', "runAsUserName's User length must not be longer than 104 characters"]);
  if (/^[. ]+$/.test(user)) out.push(['userDots', "runAsUserName's User cannot contain only periods or spaces"]);
  if (userCharsRe.test(user))
    out.push(['userChars', 'runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]']);
  return out;
}

export function windowsOptionsProblems(options: unknown, path: string): OptionProblem[] {
  if (!isRecord(options)) return [];
  const out: OptionProblem[] = [];
  if (typeof options.gmsaCredentialSpecName === 'string') {
    const problem = dns1123SubdomainProblem(options.gmsaCredentialSpecName);
    const value = JSON.stringify(options.gmsaCredentialSpecName);
    if (problem)
      out.push({
        path: `${path}.gmsaCredentialSpecName`,
        message: msg('gmsaName', { value, problem }, `Invalid value: ${value}: ${problem}`),
      });
  }
  if (typeof options.gmsaCredentialSpec === 'string') {
    const length = options.gmsaCredentialSpec.length;
    if (length === 0)
      out.push({
        path: `${path}.gmsaCredentialSpec`,
        message: msg('gmsaEmpty', {}, 'Invalid value: gmsaCredentialSpec cannot be an empty string'),
      });
    else if (length > 64 * 1024)
      out.push({
        path: `${path}.gmsaCredentialSpec`,
        message: msg('gmsaTooLong', {}, 'Invalid value: gmsaCredentialSpec size must be under 64 KiB'),
      });
  }
  if (typeof options.runAsUserName === 'string') {
    const value = JSON.stringify(options.runAsUserName);
    for (const [id, reason] of userNameReasons(options.runAsUserName))
      out.push({ path: `${path}.runAsUserName`, message: msg(id, { value }, `Invalid value: ${value}: ${reason}`) });
  }
  return out;
}
