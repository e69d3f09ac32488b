// SECURITY_CONTEXT_INVALID: a container's securityContext (ValidateSecurityContext): user and group IDs, procMount,
// Windows options, and allowPrivilegeEscalation: false beside privileges it cannot keep; the Pod's Windows options.
import { msg } from '../message';
import { isRecord } from '../context';
import type { Rule } from '../types';
import { windowsOptionsProblems } from '../windows-options';

/** IsValidUserID / IsValidGroupID: 0 to MaxInt32. */
export function isValidId(value: unknown): boolean {
  return typeof value !== 'number' || (Number.isInteger(value) && value >= 0 && value <= 2147483647);
}

export const securityContextInvalid: Rule = {
  code: 'SECURITY_CONTEXT_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Security context',
  source: 'ValidateSecurityContext / validateWindowsSecurityContextOptions',
  explanation:
    "A container runs as a user and group ID between 0 and 2147483647. `procMount: Unmasked` shows the host's " +
    '/proc unmasked, so it needs a user namespace (`hostUsers: false`). allowPrivilegeEscalation: false promises that ' +
    "no process in the container can gain more privileges than it started with (the kernel's no_new_privs); a " +
    'privileged container, or one given CAP_SYS_ADMIN, already holds those privileges, so Kubernetes refuses the ' +
    'combination instead of pretending the promise holds. Windows options name a GMSA credential spec and a ' +
    '`runAsUserName` of the form DOMAIN\\USER.',
  check(ctx, report) {
    const podSc = isRecord(ctx.spec.securityContext) ? ctx.spec.securityContext : {};
    for (const p of windowsOptionsProblems(podSc.windowsOptions, 'spec.securityContext.windowsOptions'))
      report(p.path, p.message);
    // The default for hostUsers is true: the Pod shares the host's user namespace.
    const hostUsers = ctx.spec.hostUsers !== false;
    for (const c of ctx.containers) {
      const sc = c.source.securityContext;
      if (!isRecord(sc)) continue;
      const path = `${c.path}.securityContext`;
      for (const field of ['runAsUser', 'runAsGroup'] as const)
        if (!isValidId(sc[field]))
          report(
            `${path}.${field}`,
            msg(
              'idRange',
              { value: JSON.stringify(sc[field]) },
              `Invalid value: ${JSON.stringify(sc[field])}: must be between 0 and 2147483647, inclusive`,
            ),
          );
      const procMount = sc.procMount;
      if (procMount !== undefined && procMount !== 'Default' && procMount !== 'Unmasked')
        report(
          `${path}.procMount`,
          msg(
            'procMount',
            { value: JSON.stringify(procMount) },
            `Unsupported value: ${JSON.stringify(procMount)}: supported values: "Default", "Unmasked"`,
          ),
        );
      if (procMount === 'Unmasked' && hostUsers)
        report(
          `${path}.procMount`,
          msg('unmasked', {}, 'Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`'),
        );
      for (const p of windowsOptionsProblems(sc.windowsOptions, `${path}.windowsOptions`)) report(p.path, p.message);
      if (sc.allowPrivilegeEscalation !== false) continue;
      // Kubernetes reports on the whole securityContext; related names the fields in conflict, for the inspector.
      const escalation = `${path}.allowPrivilegeEscalation`;
      if (sc.privileged === true)
        report(
          path,
          msg(
            'privileged',
            {},
            'Invalid value: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
          ),
          {
            related: [escalation, `${path}.privileged`],
          },
        );
      const caps = isRecord(sc.capabilities) ? sc.capabilities : undefined;
      if (Array.isArray(caps?.add) && caps.add.includes('CAP_SYS_ADMIN'))
        report(
          path,
          msg(
            'sysAdmin',
            {},
            'Invalid value: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          ),
          { related: [escalation, `${path}.capabilities.add`] },
        );
    }
  },
};
