// SECURITY_CONTEXT_INVALID: a container's securityContext that contradicts itself (ValidateSecurityContext).
import { msg } from '../message';
import { isRecord } from '../context';
import type { Rule } from '../types';

export const securityContextInvalid: Rule = {
  code: 'SECURITY_CONTEXT_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Security context',
  source: 'ValidateSecurityContext (allowPrivilegeEscalation with privileged / CAP_SYS_ADMIN)',
  explanation:
    'allowPrivilegeEscalation: false promises that no process in the container can gain more privileges than it ' +
    "started with (the kernel's no_new_privs). A privileged container, or one given CAP_SYS_ADMIN, already holds " +
    'those privileges, so Kubernetes refuses the combination instead of pretending the promise holds.',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const sc = c.source.securityContext;
      if (!isRecord(sc) || sc.allowPrivilegeEscalation !== false) continue;
      // Kubernetes reports on the whole securityContext; related names the fields in conflict, for the inspector.
      const path = `${c.path}.securityContext`;
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
          {
            related: [escalation, `${path}.capabilities.add`],
          },
        );
    }
  },
};
