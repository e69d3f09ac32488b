// The engine facts the namespace model can use, read from the engine status without trusting optional fields.
import type { NamespaceEngine } from '../../../../shared/namespaces';
import type { EngineStatus } from '../../../../shared/api/contract';

/** Name, cgroup version and security options when the engine reported them; nothing when it is unreachable. */
export function namespaceEngine(status: EngineStatus | undefined): NamespaceEngine | undefined {
  if (!status?.reachable) return undefined;
  // cgroupVersion and securityOptions are optional in the contract: older back ends do not send them.
  const extra = status as { cgroupVersion?: unknown; securityOptions?: unknown };
  const facts: NamespaceEngine = { name: status.name };
  if (typeof extra.cgroupVersion === 'string' && extra.cgroupVersion !== '') facts.cgroupVersion = extra.cgroupVersion;
  if (Array.isArray(extra.securityOptions) && extra.securityOptions.every((o) => typeof o === 'string')) {
    facts.securityOptions = extra.securityOptions as string[];
  }
  return facts;
}
