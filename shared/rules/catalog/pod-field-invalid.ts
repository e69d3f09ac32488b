// POD_FIELD_INVALID: pod-level names (hostname, nodeName...), activeDeadlineSeconds, readiness gates, preemption
// policy, image pull secrets and the Pod securityContext's IDs and policies.
import { msg } from '../message';
import { isRecord, list } from '../context';
import { dns1123LabelProblem, dns1123SubdomainProblem, qualifiedNameProblem } from '../syntax';
import type { Report, Rule } from '../types';
import { isValidId } from './security-context-invalid';

const labelFields = ['hostname', 'subdomain'] as const;
const subdomainFields = ['nodeName', 'serviceAccountName', 'priorityClassName'] as const;
const idFields = ['runAsUser', 'runAsGroup', 'fsGroup'] as const;

/** A field that takes one of a few values, reported as NotSupported. */
function oneOf(report: Report, path: string, value: unknown, values: readonly string[]): void {
  if (value === undefined || values.includes(value as string)) return;
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  report(
    path,
    msg(
      'unsupported',
      { value: JSON.stringify(value), values: list },
      `Unsupported value: ${JSON.stringify(value)}: supported values: ${list}`,
    ),
  );
}

function idProblem(report: Report, path: string, value: unknown): void {
  if (!isValidId(value))
    report(
      path,
      msg(
        'idRange',
        { value: JSON.stringify(value) },
        `Invalid value: ${JSON.stringify(value)}: must be between 0 and 2147483647, inclusive`,
      ),
    );
}

export const podFieldInvalid: Rule = {
  code: 'POD_FIELD_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Pod-level fields',
  source: 'ValidatePodSpec / validatePodSpecSecurityContext',
  explanation:
    'Pod-level names follow DNS rules: `hostname` and `subdomain` are labels (they become the DNS name of the Pod), ' +
    'while `nodeName`, `serviceAccountName`, `priorityClassName` and `runtimeClassName` name other objects and are ' +
    'subdomains. `activeDeadlineSeconds` is between 1 and 2147483647, readiness gates are qualified names, ' +
    '`preemptionPolicy` is PreemptLowerPriority or Never and an image pull secret is only a name. In the Pod ' +
    'securityContext, user and group IDs are between 0 and 2147483647, `fsGroupChangePolicy` is OnRootMismatch or ' +
    'Always, `supplementalGroupsPolicy` Merge or Strict, and `seLinuxChangePolicy` only Recursive (MountOption waits ' +
    'for the SELinuxMount feature, off by default in 1.34).',
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
    // runtimeClassName is a pointer in Go: an empty one is checked too.
    for (const field of [...subdomainFields, 'runtimeClassName'] as const) {
      const value = spec[field];
      if (typeof value !== 'string' || (value === '' && field !== 'runtimeClassName')) continue;
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
    list<unknown>(spec.readinessGates).forEach((gate, i) => {
      const type = isRecord(gate) && typeof gate.conditionType === 'string' ? gate.conditionType : '';
      const problem = qualifiedNameProblem(type);
      if (problem)
        report(
          `spec.readinessGates[${i}].conditionType`,
          msg(
            'invalid',
            { value: JSON.stringify(type), problem },
            `Invalid value: ${JSON.stringify(type)}: ${problem}`,
          ),
        );
    });
    oneOf(report, 'spec.preemptionPolicy', spec.preemptionPolicy, ['Never', 'PreemptLowerPriority']);
    list<unknown>(spec.imagePullSecrets).forEach((secret, i) => {
      if (isRecord(secret) && Object.keys(secret).some((k) => k !== 'name' && secret[k] !== undefined))
        report(`spec.imagePullSecrets[${i}]`, msg('pullSecret', {}, 'Invalid value: only name may be set'));
    });
    const sc = isRecord(spec.securityContext) ? spec.securityContext : undefined;
    if (!sc) return;
    for (const field of idFields) idProblem(report, `spec.securityContext.${field}`, sc[field]);
    list<unknown>(sc.supplementalGroups).forEach((g, i) =>
      idProblem(report, `spec.securityContext.supplementalGroups[${i}]`, g),
    );
    oneOf(report, 'spec.securityContext.fsGroupChangePolicy', sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']);
    oneOf(report, 'spec.securityContext.supplementalGroupsPolicy', sc.supplementalGroupsPolicy, ['Merge', 'Strict']);
    // MountOption needs the SELinuxMount gate (beta, off in 1.34); until then only Recursive is accepted on create.
    oneOf(report, 'spec.securityContext.seLinuxChangePolicy', sc.seLinuxChangePolicy, ['Recursive']);
  },
};
