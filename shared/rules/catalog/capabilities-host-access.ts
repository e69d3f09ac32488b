// CAPABILITIES_HOST_ACCESS: capabilities a container adds that, alone or with the host's namespaces or privilege
// escalation, reach the host (host-access family).
import { isRecord, list } from '../context';
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { Rule } from '../types';

/** What the container runtimes grant every container anyway (Docker's and containerd's default set). */
const DEFAULT_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capabilities that reach the host's kernel or files from any namespace. */
const KERNEL_CAPABILITIES = new Set(['SYS_MODULE', 'SYS_RAWIO', 'BPF', 'DAC_READ_SEARCH']);

const HOST_NAMESPACES = ['hostPID', 'hostNetwork', 'hostIPC'] as const;

/** `CAP_SYS_ADMIN` and `sys_admin` are the same capability as `SYS_ADMIN` to the runtimes. */
function capabilityName(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toUpperCase().replace(/^CAP_/, '') : undefined;
}

export const capabilitiesHostAccess: Rule = {
  code: 'CAPABILITIES_HOST_ACCESS',
  severity: 'warning',
  category: 'security',
  title: 'Capabilities that reach the host',
  source: 'advice (host-access family; Pod Security Standards "baseline" forbids capabilities beyond the default set)',
  explanation:
    "A capability is one piece of root's power (SYS_ADMIN: mounts and much else; SYS_PTRACE: reading other " +
    "processes; NET_ADMIN: the network's configuration). Inside the container's own namespaces most of them act on " +
    "the container only. With the host's namespaces (hostPID, hostNetwork, hostIPC) they act on the host's own " +
    "processes, network and shared memory; SYS_MODULE, SYS_RAWIO, BPF and DAC_READ_SEARCH reach the host's kernel or " +
    'files from anywhere; ALL is nearly a privileged container; and with privilege escalation allowed, any setuid ' +
    'program in the image can take what was added. Podwright runs Pods on your own computer, so the host is yours.',
  check(ctx, report) {
    const namespaces = HOST_NAMESPACES.filter((ns) => ctx.spec[ns] === true);
    for (const c of ctx.containers) {
      const sc = c.source.securityContext;
      if (!isRecord(sc) || !isRecord(sc.capabilities)) continue;
      const added = [
        ...new Set(
          list<unknown>(sc.capabilities.add)
            .map(capabilityName)
            .filter((name): name is string => name !== undefined && !DEFAULT_CAPABILITIES.has(name)),
        ),
      ];
      if (added.length === 0) continue;
      const capabilities = added.join(', ');
      const params = { container: c.name, capabilities, namespaces: namespaces.join(', ') };
      let message;
      if (added.includes('ALL'))
        message = msg(
          'all',
          params,
          `container "${c.name}" adds every capability (ALL): it is nearly as powerful as a privileged container`,
        );
      else if (added.some((name) => KERNEL_CAPABILITIES.has(name)))
        message = msg(
          'kernel',
          params,
          `container "${c.name}" adds ${capabilities}, which reach the host's kernel itself (modules, raw devices and memory, any file by its handle)`,
        );
      else if (namespaces.length > 0)
        message = msg(
          'hostNamespace',
          params,
          `container "${c.name}" adds ${capabilities} while sharing the host's namespaces (${params.namespaces}): it can act on the host's own processes, network or shared memory`,
        );
      else if (sc.allowPrivilegeEscalation === true)
        message = msg(
          'escalation',
          params,
          `container "${c.name}" allows privilege escalation with ${capabilities} added: any setuid program in its image can take them`,
        );
      else continue;
      report(`${c.path}.securityContext.capabilities.add`, message, {
        fixes: [
          {
            ...fixTitle('remove', { container: c.name }, `Add no capabilities to ${c.name}`),
            patch: [{ op: 'remove', path: pointer('spec', c.list, c.index, 'securityContext', 'capabilities', 'add') }],
          },
        ],
      });
    }
  },
};
