// HOST_ALIAS_INVALID: each hostAliases entry is an IP address and DNS-subdomain hostnames (ValidateHostAliases).
import { msg } from '../message';
import { isRecord, list } from '../context';
import { isLegacyIP } from '../ip';
import { dns1123SubdomainProblem } from '../syntax';
import type { Rule } from '../types';

export const hostAliasInvalid: Rule = {
  code: 'HOST_ALIAS_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Host aliases',
  source: 'ValidateHostAliases (IsValidIPForLegacyField, ValidateDNS1123Subdomain)',
  explanation:
    "`hostAliases` adds lines to every container's /etc/hosts: an IP address (IPv4 or IPv6, without a prefix length " +
    'or a zone) and the host names that resolve to it, each a lower-case DNS name.',
  check(ctx, report) {
    list<unknown>(ctx.spec.hostAliases).forEach((alias, i) => {
      if (!isRecord(alias)) return;
      const path = `spec.hostAliases[${i}]`;
      const ip = typeof alias.ip === 'string' ? alias.ip : '';
      if (!isLegacyIP(ip))
        report(
          `${path}.ip`,
          msg(
            'ip',
            { value: JSON.stringify(ip) },
            `Invalid value: ${JSON.stringify(ip)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
          ),
        );
      list<unknown>(alias.hostnames).forEach((name, j) => {
        const text = typeof name === 'string' ? name : '';
        const problem = dns1123SubdomainProblem(text);
        if (problem)
          report(
            `${path}.hostnames[${j}]`,
            msg(
              'hostname',
              { value: JSON.stringify(text), problem },
              `Invalid value: ${JSON.stringify(text)}: ${problem}`,
            ),
          );
      });
    });
  },
};
