// SYSCTL_INVALID: Pod sysctls are valid unique names, and namespaced ones are refused when the Pod shares that
// namespace with the host (validateSysctls / ValidateHostSysctl).
import { msg } from '../message';
import { isRecord, list } from '../context';
import type { Rule } from '../types';

// SysctlContainSlashFmt: dot- or slash-separated segments of lower-case letters, digits, "-" and "_".
const sysctlRe = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const ipcNames = new Set([
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
  'kernel.shm',
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.msg',
]);

/** NormalizeName: a name whose first separator is "/" is written with "/" and "." swapped. */
function normalized(name: string): string {
  const first = name.search(/[./]/);
  if (first < 0 || name[first] === '.') return name;
  return name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
}

/** The Linux namespace a sysctl belongs to (component-helpers' GetNamespace), if it is namespaced. */
export function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  let n = normalized(name);
  const star = n.indexOf('*');
  if (star >= 0) n = n.slice(0, star);
  if (ipcNames.has(n) || n.startsWith('fs.mqueue.')) return 'ipc';
  return n.startsWith('net.') ? 'net' : undefined;
}

export const sysctlInvalid: Rule = {
  code: 'SYSCTL_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Sysctls',
  source: 'validateSysctls / ValidateHostSysctl',
  explanation:
    '`securityContext.sysctls` sets kernel parameters for the Pod. A name is at most 253 characters of lower-case ' +
    'letters, digits, "-" and "_" in segments joined by "." or "/", and each name appears once. Parameters of the ' +
    'network namespace (`net.*`) would change the node itself when the Pod uses `hostNetwork`, and IPC parameters ' +
    '(`kernel.shm*`, `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`) would with `hostIPC`, so Kubernetes refuses them there.',
  check(ctx, report) {
    const sc = isRecord(ctx.spec.securityContext) ? ctx.spec.securityContext : undefined;
    const seen = new Set<string>();
    list<unknown>(sc?.sysctls).forEach((s, i) => {
      const name = isRecord(s) && typeof s.name === 'string' ? s.name : '';
      const path = `spec.securityContext.sysctls[${i}].name`;
      const value = JSON.stringify(name);
      if (name === '') report(path, msg('required', {}, 'Required value'));
      else if (name.length > 253 || !sysctlRe.test(name))
        report(
          path,
          msg(
            'name',
            { value },
            `Invalid value: ${value}: must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$`,
          ),
        );
      else if (seen.has(name)) report(path, msg('duplicate', { value }, `Duplicate value: ${value}`));
      const namespace = sysctlNamespace(name);
      if (namespace === 'net' && ctx.spec.hostNetwork === true)
        report(
          path,
          msg('hostNetwork', { value }, `Invalid value: ${value}: may not be specified when 'hostNetwork' is true`),
        );
      else if (namespace === 'ipc' && ctx.spec.hostIPC === true)
        report(path, msg('hostIPC', { value }, `Invalid value: ${value}: may not be specified when 'hostIPC' is true`));
      seen.add(name);
    });
  },
};
