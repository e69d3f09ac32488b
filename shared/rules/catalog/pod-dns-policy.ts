// POD_DNS_POLICY_INVALID: dnsPolicy values, and dnsPolicy None needs nameservers (validatePodDNSConfig).
import { msg } from '../message';
import { isRecord } from '../context';
import type { Rule } from '../types';

const allowed = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

export const podDNSPolicyInvalid: Rule = {
  code: 'POD_DNS_POLICY_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'DNS policy',
  source: 'validateDNSPolicy / validatePodDNSConfig',
  explanation:
    '`dnsPolicy` decides which DNS server the containers use: the cluster DNS (ClusterFirst, the default), the ' +
    "node's resolver (Default), or only what `dnsConfig` lists (None). With None, at least one nameserver is needed " +
    'or no name would ever resolve; at most 3 nameservers and 32 search domains are allowed.',
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
    const nameservers = Array.isArray(config?.nameservers) ? config.nameservers : [];
    const searches = Array.isArray(config?.searches) ? config.searches : [];
    if (policy === 'None' && nameservers.length === 0)
      report(
        'spec.dnsConfig.nameservers',
        msg(
          'nameserverRequired',
          {},
          'Required value: must provide at least one DNS nameserver when DNSPolicy is set to None',
        ),
      );
    if (nameservers.length > 3)
      report(
        'spec.dnsConfig.nameservers',
        msg('tooManyNameservers', {}, `Invalid value: must not have more than 3 nameservers`),
      );
    if (searches.length > 32)
      report(
        'spec.dnsConfig.searches',
        msg('tooManySearches', {}, `Invalid value: must not have more than 32 search paths`),
      );
  },
};
