// POD_DNS_POLICY_INVALID: dnsPolicy values and dnsConfig (nameservers, search domains, options), and the
// nameserver that dnsPolicy None needs (validateDNSPolicy / validatePodDNSConfig).
import { msg } from '../message';
import { isRecord, list } from '../context';
import { isLegacyIP } from '../ip';
import type { Rule } from '../types';

const allowed = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
// IsDNS1123SubdomainWithUnderscore: RelaxedDNSSearchValidation is GA in 1.34, so "_srv.example.com" is a search path.
const searchRe = /^_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*$/;

/** Why a search path is refused, after its trailing dot is dropped ("." itself is the root and always fine). */
function searchProblem(search: string): string | undefined {
  if (search === '.') return undefined;
  const name = search.endsWith('.') ? search.slice(0, -1) : search;
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!searchRe.test(name))
    return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
  return undefined;
}

export const podDNSPolicyInvalid: Rule = {
  code: 'POD_DNS_POLICY_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'DNS policy and config',
  source: 'validateDNSPolicy / validatePodDNSConfig',
  explanation:
    '`dnsPolicy` decides which DNS server the containers use: the cluster DNS (ClusterFirst, the default), the ' +
    "node's resolver (Default), or only what `dnsConfig` lists (None). With None, `dnsConfig` needs at least one " +
    'nameserver or no name would ever resolve. `dnsConfig` allows at most 3 nameservers (IP addresses) and 32 search ' +
    'domains of at most 2048 characters together, as libc does; every option needs a name.',
  check(ctx, report) {
    const spec = ctx.spec;
    const policy = spec.dnsPolicy;
    if (policy !== undefined && !allowed.includes(policy as string))
      report(
        'spec.dnsPolicy',
        msg(
          'unsupported',
          { value: JSON.stringify(policy), values: allowed.map((a) => `"${a}"`).join(', ') },
          `Unsupported value: ${JSON.stringify(policy)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`,
        ),
      );
    const config = isRecord(spec.dnsConfig) ? spec.dnsConfig : undefined;
    const nameservers = list<unknown>(config?.nameservers);
    if (policy === 'None' && !config)
      return void report(
        'spec.dnsConfig',
        msg('configRequired', {}, 'Required value: must provide `dnsConfig` when `dnsPolicy` is None'),
      );
    if (policy === 'None' && nameservers.length === 0)
      return void report(
        'spec.dnsConfig.nameservers',
        msg(
          'nameserverRequired',
          {},
          'Required value: must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      );
    if (!config) return;
    if (nameservers.length > 3)
      report(
        'spec.dnsConfig.nameservers',
        msg('tooManyNameservers', {}, 'Invalid value: must not have more than 3 nameservers'),
      );
    nameservers.forEach((ns, i) => {
      const text = typeof ns === 'string' ? ns : '';
      if (!isLegacyIP(text))
        report(
          `spec.dnsConfig.nameservers[${i}]`,
          msg(
            'ip',
            { value: JSON.stringify(text) },
            `Invalid value: ${JSON.stringify(text)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
          ),
        );
    });
    const searches = list<unknown>(config.searches).map((s) => (typeof s === 'string' ? s : ''));
    if (searches.length > 32)
      report(
        'spec.dnsConfig.searches',
        msg('tooManySearches', {}, 'Invalid value: must not have more than 32 search paths'),
      );
    if (searches.join(' ').length > 2048)
      report(
        'spec.dnsConfig.searches',
        msg(
          'searchesTooLong',
          {},
          'Invalid value: must not have more than 2048 characters (including spaces) in the search list',
        ),
      );
    searches.forEach((search, i) => {
      const problem = searchProblem(search);
      if (problem)
        report(
          `spec.dnsConfig.searches[${i}]`,
          msg(
            'search',
            { value: JSON.stringify(search), problem },
            `Invalid value: ${JSON.stringify(search)}: ${problem}`,
          ),
        );
    });
    list<unknown>(config.options).forEach((option, i) => {
      if (!isRecord(option) || typeof option.name !== 'string' || option.name === '')
        report(`spec.dnsConfig.options[${i}]`, msg('optionName', {}, 'Required value: must not be empty'));
    });
  },
};
