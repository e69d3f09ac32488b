// Tolerations, host aliases, DNS config, scheduling and readiness gates as ValidatePodSpec checks them (issue 17);
// case names in quotes are upstream's (validation_test.go).
import { describe, expect, it } from 'vitest';
import { codes, found, makePod, paths } from './testing/pods';

const toleration = (t: Record<string, unknown>) => makePod({ tolerations: [t] });

describe('TOLERATION_INVALID (ValidateTolerations)', () => {
  it('accepts an Exists toleration without a key (all taints), Equal with a value, NoExecute with seconds', () => {
    const pod = makePod({
      tolerations: [
        { operator: 'Exists' },
        { key: 'example.com/dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'a', value: '' },
      ],
    });
    expect(codes(pod)).toEqual([]);
  });
  it('"invalid toleration key"', () => {
    expect(
      paths(
        toleration({ key: 'nospecialchars^=@', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }),
        'TOLERATION_INVALID',
      ),
    ).toEqual(['spec.tolerations[0].key']);
  });
  it('"invalid toleration operator", "value must be empty when `operator` is \'Exists\'", "operator must be \'Exists\' when `key` is empty"', () => {
    expect(
      paths(toleration({ key: 'foo', operator: 'In', value: 'bar', effect: 'NoSchedule' }), 'TOLERATION_INVALID'),
    ).toEqual(['spec.tolerations[0].operator']);
    expect(
      found(toleration({ key: 'foo', operator: 'Exists', value: 'bar' }), 'TOLERATION_INVALID')[0]?.message,
    ).toMatch(/value must be empty when `operator` is 'Exists'/);
    expect(
      found(toleration({ operator: 'Equal', value: 'bar', effect: 'NoSchedule' }), 'TOLERATION_INVALID')[0]?.message,
    ).toMatch(/operator must be Exists when `key` is empty/);
  });
  it('"effect must be \'NoExecute\' when `TolerationSeconds` is set"; effects are checked, an empty one matches all', () => {
    expect(
      paths(
        toleration({
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoSchedule',
          tolerationSeconds: 20,
        }),
        'TOLERATION_INVALID',
      ),
    ).toEqual(['spec.tolerations[0].effect']);
    expect(paths(toleration({ key: 'a', effect: 'NoScheduleNoAdmit' }), 'TOLERATION_INVALID')).toEqual([
      'spec.tolerations[0].effect',
    ]);
    // The value of an Equal toleration is a label value, reported on operator.
    expect(paths(toleration({ key: 'a', value: 'a b' }), 'TOLERATION_INVALID')).toEqual([
      'spec.tolerations[0].operator',
    ]);
  });
});

describe('HOST_ALIAS_INVALID (ValidateHostAliases, IsValidIPForLegacyField)', () => {
  it('accepts IPv4 and IPv6, with the legacy leniency (leading zeros, IPv4-mapped) while StrictIPCIDRValidation is off', () => {
    const pod = makePod({
      hostAliases: [
        { ip: '10.0.0.1', hostnames: ['db.local', 'a'] },
        { ip: '::1' },
        { ip: 'FE80:0:0:0:0:0:0:0ABC' },
        { ip: '010.0.0.1' },
        { ip: '::ffff:10.0.0.1' },
      ],
    });
    expect(codes(pod)).toEqual([]);
  });
  it('refuses what is no IP (a prefix, a zone, a short or out-of-range IPv4) and hostnames that are no DNS subdomain', () => {
    const pod = makePod({
      hostAliases: [
        { ip: '10.0.0.1/24' },
        { ip: 'fe80::1%eth0' },
        { ip: '10.0.0' },
        { ip: '256.0.0.1' },
        { ip: '' },
        { ip: '10.0.0.2', hostnames: ['Db.local', 'ok'] },
      ],
    });
    expect(paths(pod, 'HOST_ALIAS_INVALID')).toEqual([
      'spec.hostAliases[0].ip',
      'spec.hostAliases[1].ip',
      'spec.hostAliases[2].ip',
      'spec.hostAliases[3].ip',
      'spec.hostAliases[4].ip',
      'spec.hostAliases[5].hostnames[0]',
    ]);
  });
});

describe('POD_DNS_POLICY_INVALID (TestValidatePodDNSConfig, TestValidatePodDNSConfigWithRelaxedSearchDomain)', () => {
  const dns = (dnsConfig: Record<string, unknown>, dnsPolicy?: string) =>
    paths(makePod({ dnsConfig, ...(dnsPolicy && { dnsPolicy }) }), 'POD_DNS_POLICY_INVALID');
  it('"valid: empty DNSConfig", "valid: 1 option", "valid: 1 nameserver", "valid: DNSNone with 1 nameserver"', () => {
    expect(dns({})).toEqual([]);
    expect(dns({ options: [{ name: 'ndots', value: '2' }] })).toEqual([]);
    expect(dns({ nameservers: ['127.0.0.1'] }, 'None')).toEqual([]);
  });
  it('"invalid: 4 nameservers", "invalid: bad IP address"', () => {
    expect(dns({ nameservers: ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'] })).toEqual(['spec.dnsConfig.nameservers']);
    expect(dns({ nameservers: ['invalid'] })).toEqual(['spec.dnsConfig.nameservers[0]']);
  });
  it('"invalid: 33 search paths", "invalid: search path too long", "invalid: DNSNone with 0 nameserver", "invalid: empty option name"', () => {
    expect(dns({ searches: Array.from({ length: 33 }, (_, i) => `s${i}.example.com`) })).toEqual([
      'spec.dnsConfig.searches',
    ]);
    const long = Array.from({ length: 9 }, () => 'a'.repeat(253));
    expect(dns({ searches: long })).toEqual(['spec.dnsConfig.searches']);
    expect(dns({ searches: ['a'.repeat(254)] })).toEqual(['spec.dnsConfig.searches[0]']);
    expect(dns({}, 'None')).toEqual(['spec.dnsConfig.nameservers']);
    expect(dns({ options: [{ value: '1' }] })).toEqual(['spec.dnsConfig.options[0]']);
  });
  it('search paths may end in a dot, be the root ".", and hold underscores (RelaxedDNSSearchValidation GA in 1.34)', () => {
    expect(dns({ searches: ['example.com.', '.', '_sip._tcp.example.com', 'a_b'] })).toEqual([]);
    expect(dns({ searches: ['Example.com', 'a..b', '-a'] })).toEqual([
      'spec.dnsConfig.searches[0]',
      'spec.dnsConfig.searches[1]',
      'spec.dnsConfig.searches[2]',
    ]);
  });
});

describe('SCHEDULING_GATE_INVALID (TestValidateSchedulingGates, TestValidatePodCreateWithSchedulingGates)', () => {
  const gates = (names: string[], extra = {}) =>
    paths(makePod({ schedulingGates: names.map((name) => ({ name })), ...extra }), 'SCHEDULING_GATE_INVALID');
  it('"nil gates", "legal gates"', () => {
    expect(gates([])).toEqual([]);
    expect(gates(['foo', 'bar', 'example.com/gate'])).toEqual([]);
  });
  it('"empty string in gates", "illegal gates", "duplicated gates (single duplication)"', () => {
    expect(gates(['', 'foo'])).toEqual(['spec.schedulingGates[0]']);
    expect(gates(['foo', 'a/b/c'])).toEqual(['spec.schedulingGates[1]']);
    expect(gates(['foo', 'bar', 'foo'])).toEqual(['spec.schedulingGates[2]']);
  });
  it('nodeName is refused until every gate is cleared ("create a Pod with nodeName and schedulingGates")', () => {
    expect(gates(['foo'], { nodeName: 'node-1' })).toEqual(['spec.nodeName']);
    expect(gates([], { nodeName: 'node-1' })).toEqual([]);
  });
});

describe('POD_FIELD_INVALID: readiness gates and preemption (TestValidatePodReadinessGates)', () => {
  it('readiness gate condition types are qualified names; preemptionPolicy is Never or PreemptLowerPriority', () => {
    const pod = makePod({
      readinessGates: [{ conditionType: 'example.com/ready' }, { conditionType: 'invalid/path/format' }],
      preemptionPolicy: 'never',
    });
    expect(paths(pod, 'POD_FIELD_INVALID')).toEqual(['spec.readinessGates[1].conditionType', 'spec.preemptionPolicy']);
  });
});
