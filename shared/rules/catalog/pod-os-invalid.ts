// POD_OS_INVALID: spec.os.name is linux or windows, and each forbids the other's security fields (validateOS /
// validateLinux / validateWindows); Windows HostProcess containers come all together and with hostNetwork.
import { msg } from '../message';
import { isRecord } from '../context';
import type { Report, Rule } from '../types';

const forbidden = () => msg('windows', {}, 'Forbidden: cannot be set for a windows pod');

/** Pod-level fields validateWindows refuses, by their path (a few live outside securityContext in v1). */
const windowsPodFields: readonly [string, string][] = [
  ['securityContext', 'appArmorProfile'],
  ['securityContext', 'seLinuxOptions'],
  ['', 'hostUsers'],
  ['', 'hostPID'],
  ['', 'hostIPC'],
  ['securityContext', 'seccompProfile'],
  ['securityContext', 'fsGroup'],
  ['securityContext', 'fsGroupChangePolicy'],
  ['securityContext', 'sysctls'],
  ['', 'shareProcessNamespace'],
  ['securityContext', 'runAsUser'],
  ['securityContext', 'runAsGroup'],
  ['securityContext', 'supplementalGroups'],
  ['securityContext', 'supplementalGroupsPolicy'],
  ['securityContext', 'seLinuxChangePolicy'],
];

const windowsContainerFields = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
];

/** validateWindows: what a field being "set" means in Go (a pointer that is not nil, a list that is not empty…). */
function isSet(field: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (field === 'hostPID' || field === 'hostIPC') return value === true;
  if (field === 'sysctls') return Array.isArray(value) && value.length > 0;
  return true;
}

function hostProcess(ctx: Parameters<Rule['check']>[0], report: Report): void {
  const sc = isRecord(ctx.spec.securityContext) ? ctx.spec.securityContext : {};
  const pod =
    isRecord(sc.windowsOptions) && typeof sc.windowsOptions.hostProcess === 'boolean'
      ? sc.windowsOptions.hostProcess
      : undefined;
  let hostProcesses = 0;
  for (const c of ctx.containers) {
    const csc = isRecord(c.container.securityContext) ? c.container.securityContext : {};
    const own =
      isRecord(csc.windowsOptions) && typeof csc.windowsOptions.hostProcess === 'boolean'
        ? csc.windowsOptions.hostProcess
        : undefined;
    if (pod !== undefined && own !== undefined && pod !== own)
      report(
        `${c.path}.securityContext.windowsOptions.hostProcess`,
        msg(
          'hostProcessMismatch',
          { value: String(pod) },
          `Invalid value: pod hostProcess value must be identical if both are specified, was ${String(pod)}`,
        ),
      );
    if (own === true || (own === undefined && pod === true)) hostProcesses++;
  }
  if (hostProcesses === 0) return;
  if (hostProcesses !== ctx.containers.length)
    report(
      'spec',
      msg(
        'hostProcessAll',
        {},
        'Invalid value: If pod contains any hostProcess containers then all containers must be HostProcess containers',
      ),
    );
  if (ctx.spec.hostNetwork !== true)
    report(
      'spec.hostNetwork',
      msg(
        'hostProcessNetwork',
        {},
        'Invalid value: hostNetwork must be true if pod contains any hostProcess containers',
      ),
    );
}

export const podOSInvalid: Rule = {
  code: 'POD_OS_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Pod OS',
  source: 'validateOS / validateLinux / validateWindows / validateWindowsHostProcessPod',
  explanation:
    '`spec.os.name` says which operating system the Pod needs: `linux` or `windows`. It also decides which security ' +
    'settings make sense. A Linux Pod may not carry `windowsOptions`. A Windows Pod may not use Linux-only settings: ' +
    'host PID/IPC namespaces, user namespaces, seccomp, AppArmor, SELinux, sysctls, fsGroup, user and group IDs, ' +
    'capabilities, privileged mode, a read-only root filesystem or procMount. Windows HostProcess containers run on ' +
    'the host, so all containers must be HostProcess containers and the Pod must use the host network.',
  check(ctx, report) {
    hostProcess(ctx, report);
    const os = ctx.spec.os;
    if (!isRecord(os)) return;
    const name = os.name;
    if (typeof name !== 'string' || name === '')
      return void report('spec.os.name', msg('required', {}, 'Required value'));
    if (name !== 'linux' && name !== 'windows')
      return void report(
        'spec.os',
        msg(
          'unsupported',
          { value: JSON.stringify(name) },
          `Unsupported value: ${JSON.stringify(name)}: supported values: "linux", "windows"`,
        ),
      );
    const sc = isRecord(ctx.spec.securityContext) ? ctx.spec.securityContext : {};
    if (name === 'linux') {
      if (sc.windowsOptions !== undefined)
        report(
          'spec.securityContext.windowsOptions',
          msg('linux', {}, 'Forbidden: windows options cannot be set for a linux pod'),
        );
      for (const c of ctx.containers)
        if (isRecord(c.container.securityContext) && c.container.securityContext.windowsOptions !== undefined)
          report(
            `${c.path}.securityContext.windowsOptions`,
            msg('linux', {}, 'Forbidden: windows options cannot be set for a linux pod'),
          );
      return;
    }
    for (const [parent, field] of windowsPodFields) {
      const value = parent === '' ? ctx.spec[field] : sc[field];
      if (isSet(field, value)) report(parent === '' ? `spec.${field}` : `spec.${parent}.${field}`, forbidden());
    }
    for (const c of ctx.containers) {
      const csc = c.container.securityContext;
      if (!isRecord(csc)) continue;
      for (const field of windowsContainerFields)
        if (csc[field] !== undefined) report(`${c.path}.securityContext.${field}`, forbidden());
    }
    // validatePodResources: PodLevelResources is on in 1.34, and not for Windows.
    if (ctx.spec.resources !== undefined)
      report('spec.resources', msg('resources', {}, 'Forbidden: may not be set for a windows pod'));
  },
};
