// SECURITY_PROFILE_INVALID: seccomp and AppArmor profiles (type, localhostProfile) of the Pod and its containers,
// and their agreement with the deprecated annotations (validateSeccompProfileField / ValidateAppArmorProfileField /
// validateSeccompAnnotationsAndFields / validateAppArmorAnnotationsAndFieldsMatchOnCreate).
import { msg, type RuleMessage } from '../message';
import { isRecord } from '../context';
import { hasBackstep } from '../syntax';
import type { Report, Rule } from '../types';

type Kind = 'seccomp' | 'appArmor';
const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const quoted = types.map((t) => JSON.stringify(t)).join(', ');

function typeProblem(kind: Kind, type: unknown): RuleMessage | undefined {
  if (typeof type === 'string' && types.includes(type)) return undefined;
  if (type === undefined || type === '')
    return msg(`${kind}TypeRequired`, {}, `Required value: type is required when ${kind}Profile is set`);
  return msg(
    'type',
    { value: JSON.stringify(type), values: quoted },
    `Unsupported value: ${JSON.stringify(type)}: supported values: ${quoted}`,
  );
}

function checkProfile(kind: Kind, profile: unknown, path: string, report: Report): void {
  if (profile === undefined) return;
  if (!isRecord(profile)) return void report(path, msg('object', {}, 'must be an object'));
  const typeMessage = typeProblem(kind, profile.type);
  if (typeMessage) report(`${path}.type`, typeMessage);
  const local = profile.localhostProfile;
  const at = `${path}.localhostProfile`;
  const label = kind === 'seccomp' ? 'seccomp' : 'AppArmor';
  if (profile.type === 'Localhost') {
    if (typeof local !== 'string')
      return void report(
        at,
        msg('localhostRequired', { kind: label }, `Required value: must be set when ${label} type is Localhost`),
      );
    const value = JSON.stringify(local);
    if (kind === 'seccomp') {
      // validateLocalDescendingPath: a path below the kubelet's seccomp directory.
      if (local.startsWith('/'))
        report(
          at,
          msg(
            'localhostPath',
            { value, problem: 'must be a relative path' },
            `Invalid value: ${value}: must be a relative path`,
          ),
        );
      if (hasBackstep(local))
        report(
          at,
          msg(
            'localhostPath',
            { value, problem: "must not contain '..'" },
            `Invalid value: ${value}: must not contain '..'`,
          ),
        );
    } else {
      if (local.trim() !== local)
        report(at, msg('padded', { value }, `Invalid value: ${value}: must not be padded with whitespace`));
      else if (local === '')
        report(
          at,
          msg('localhostRequired', { kind: label }, `Required value: must be set when ${label} type is Localhost`),
        );
      if (local.length > 4095) report(at, msg('tooLong', {}, 'Too long: may not be more than 4095 bytes'));
    }
  } else if (
    (profile.type === 'RuntimeDefault' || profile.type === 'Unconfined' || kind === 'seccomp') &&
    local !== undefined
  )
    report(at, msg('localhostOnly', { kind: label }, `Invalid value: can only be set when ${label} type is Localhost`));
}

/** The AppArmor field an annotation stands for (ApparmorFieldForAnnotation), when it is a valid one. */
function appArmorFromAnnotation(value: string): Record<string, unknown> | undefined {
  if (value === 'runtime/default') return { type: 'RuntimeDefault' };
  if (value === 'unconfined') return { type: 'Unconfined' };
  const local = value.startsWith('localhost/') ? value.slice('localhost/'.length) : '';
  return local !== '' && local.trim() === local && local.length <= 4095
    ? { type: 'Localhost', localhostProfile: local }
    : undefined;
}

/** validateSeccompAnnotationsAndFieldsMatch and its AppArmor twin: which part of the field disagrees, if any. */
function mismatch(
  kind: Kind,
  annotation: string,
  field: Record<string, unknown>,
): 'type' | 'localhostProfile' | undefined {
  const runtimeDefault = kind === 'seccomp' ? ['runtime/default', 'docker/default'] : ['runtime/default'];
  switch (field.type) {
    case 'Unconfined':
      return annotation === 'unconfined' ? undefined : 'type';
    case 'RuntimeDefault':
      return runtimeDefault.includes(annotation) ? undefined : 'type';
    case 'Localhost':
      if (!annotation.startsWith('localhost/')) return 'type';
      return annotation.slice('localhost/'.length) === field.localhostProfile ? undefined : 'localhostProfile';
  }
  return undefined;
}

export const securityProfileInvalid: Rule = {
  code: 'SECURITY_PROFILE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Seccomp and AppArmor profiles',
  source: 'validateSeccompProfileField / ValidateAppArmorProfileField / ValidatePodCreate (annotations)',
  explanation:
    "A seccomp or AppArmor profile is `RuntimeDefault` (the container runtime's), `Unconfined` (none) or `Localhost`, " +
    "a profile file on the node named by `localhostProfile` (for seccomp a relative path below the kubelet's " +
    'seccomp directory). `localhostProfile` belongs only to `Localhost`. The older annotations for the same thing ' +
    'may stay beside the fields, but then they must say the same.',
  check(ctx, report) {
    const sc = isRecord(ctx.spec.securityContext) ? ctx.spec.securityContext : {};
    checkProfile('seccomp', sc.seccompProfile, 'spec.securityContext.seccompProfile', report);
    checkProfile('appArmor', sc.appArmorProfile, 'spec.securityContext.appArmorProfile', report);
    for (const c of ctx.containers) {
      if (!isRecord(c.container.securityContext)) continue;
      const csc = c.container.securityContext;
      checkProfile('seccomp', csc.seccompProfile, `${c.path}.securityContext.seccompProfile`, report);
      checkProfile('appArmor', csc.appArmorProfile, `${c.path}.securityContext.appArmorProfile`, report);
    }
    const meta = isRecord(ctx.pod.metadata) ? ctx.pod.metadata : {};
    const annotations = isRecord(meta.annotations) ? meta.annotations : {};
    // Most Pods carry none of the old annotations: then there is nothing to compare.
    if (!Object.keys(annotations).some((k) => k.startsWith('seccomp.') || k.startsWith('container.'))) return;
    const annotation = (key: string) =>
      typeof annotations[key] === 'string' ? (annotations[key] as string) : undefined;
    const disagree = (kind: Kind, value: string | undefined, field: unknown, path: string) => {
      if (value === undefined || !isRecord(field)) return;
      const part = mismatch(kind, value, field);
      const label = kind === 'seccomp' ? 'seccomp' : 'apparmor';
      if (part === 'type')
        report(
          `${path}.type`,
          msg('annotationType', { kind: label }, `Forbidden: ${label} type in annotation and field must match`),
        );
      else if (part)
        report(
          `${path}.localhostProfile`,
          msg('annotationProfile', { kind: label }, `Forbidden: ${label} profile in annotation and field must match`),
        );
    };
    disagree(
      'seccomp',
      annotation('seccomp.security.alpha.kubernetes.io/pod'),
      sc.seccompProfile,
      'spec.securityContext.seccompProfile',
    );
    const windows = isRecord(ctx.spec.os) && ctx.spec.os.name === 'windows';
    for (const c of ctx.containers) {
      const csc = isRecord(c.container.securityContext) ? c.container.securityContext : {};
      const path = `${c.path}.securityContext`;
      disagree(
        'seccomp',
        annotation(`container.seccomp.security.alpha.kubernetes.io/${c.name}`),
        csc.seccompProfile,
        `${path}.seccompProfile`,
      );
      if (windows) continue;
      const value = annotation(`container.apparmor.security.beta.kubernetes.io/${c.name}`);
      // On create the API server first copies a valid annotation into a container without its own profile.
      const field =
        csc.appArmorProfile ?? (value === undefined ? undefined : appArmorFromAnnotation(value)) ?? sc.appArmorProfile;
      disagree('appArmor', value, field, `${path}.appArmorProfile`);
    }
  },
};
