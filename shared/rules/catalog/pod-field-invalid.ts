// POD_FIELD_INVALID: pod-level names (hostname, nodeName...), activeDeadlineSeconds and security-context IDs.
import { msg } from '../message';
import { isRecord } from '../context';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../syntax';
import type { Rule } from '../types';

const labelFields = ['hostname', 'subdomain'] as const;
const subdomainFields = ['nodeName', 'serviceAccountName', 'priorityClassName', 'runtimeClassName'] as const;
const idFields = ['runAsUser', 'runAsGroup', 'fsGroup'] as const;

export const podFieldInvalid: Rule = {
  code: 'POD_FIELD_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Pod-level fields',
  source: 'ValidatePodSpec / validatePodSpecSecurityContext',
  explanation:
    'Pod-level names follow DNS rules: `hostname` and `subdomain` are labels (they become the DNS name of the Pod), ' +
    'while `nodeName`, `serviceAccountName`, `priorityClassName` and `runtimeClassName` name other objects and are ' +
    'subdomains. `activeDeadlineSeconds` must be positive, user and group IDs cannot be negative, and ' +
    '`fsGroupChangePolicy` is OnRootMismatch or Always.',
  check(ctx, report) {
    const spec = ctx.spec;
    for (const field of labelFields) {
      const value = spec[field];
      if (typeof value !== 'string' || value === '') continue;
      const problem = dns1123LabelProblem(value);
      if (problem)
        report(
          `spec.${field}`,
          msg(
            'invalid',
            { value: JSON.stringify(value), problem },
            `Invalid value: ${JSON.stringify(value)}: ${problem}`,
          ),
        );
    }
    for (const field of subdomainFields) {
      const value = spec[field];
      if (typeof value !== 'string' || value === '') continue;
      const problem = dns1123SubdomainProblem(value);
      if (problem)
        report(
          `spec.${field}`,
          msg(
            'invalid',
            { value: JSON.stringify(value), problem },
            `Invalid value: ${JSON.stringify(value)}: ${problem}`,
          ),
        );
    }
    const deadline = spec.activeDeadlineSeconds;
    if (
      deadline !== undefined &&
      (typeof deadline !== 'number' || !Number.isInteger(deadline) || deadline < 1 || deadline > 2147483647)
    )
      report(
        'spec.activeDeadlineSeconds',
        msg(
          'deadline',
          { value: JSON.stringify(deadline) },
          `Invalid value: ${JSON.stringify(deadline)}: must be between 1 and 2147483647, inclusive`,
        ),
      );
    const sc = isRecord(spec.securityContext) ? spec.securityContext : undefined;
    if (sc) {
      for (const field of idFields) {
        const value = sc[field];
        if (typeof value === 'number' && value < 0)
          report(
            `spec.securityContext.${field}`,
            msg('idRange', { value }, `Invalid value: ${value}: must be between 0 and 2147483647, inclusive`),
          );
      }
      if (Array.isArray(sc.supplementalGroups))
        sc.supplementalGroups.forEach((g: unknown, i: number) => {
          if (typeof g === 'number' && g < 0)
            report(
              `spec.securityContext.supplementalGroups[${i}]`,
              msg('idRange', { value: g }, `Invalid value: ${g}: must be between 0 and 2147483647, inclusive`),
            );
        });
      const policy = sc.fsGroupChangePolicy;
      if (policy !== undefined && policy !== 'OnRootMismatch' && policy !== 'Always')
        report(
          'spec.securityContext.fsGroupChangePolicy',
          msg(
            'fsGroupChangePolicy',
            { value: JSON.stringify(policy) },
            `Unsupported value: ${JSON.stringify(policy)}: supported values: "OnRootMismatch", "Always"`,
          ),
        );
    }
    for (const c of ctx.containers) {
      const csc = c.container.securityContext;
      if (!isRecord(csc)) continue;
      for (const field of ['runAsUser', 'runAsGroup'] as const) {
        const value = csc[field];
        if (typeof value === 'number' && value < 0)
          report(
            `${c.path}.securityContext.${field}`,
            msg('idRange', { value }, `Invalid value: ${value}: must be between 0 and 2147483647, inclusive`),
          );
      }
    }
  },
};
