// What the 1.34 API server's create strategy drops before it validates a Pod, because the fields' feature gates are
// off by default (pkg/api/pod DropDisabledPodFields): only validation sees the Pod this way; a plan keeps what the
// user wrote.
import type { Container, ContainerList, Pod } from './pod';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * ContainerRestartRules drops a restartPolicy other than an init container's Always (and restartPolicyRules),
 * ContainerStopSignals drops lifecycle.stopSignal (and a lifecycle left empty by that), EnvFiles drops env
 * valueFrom.fileKeyRef. Returns the same container when nothing is dropped.
 */
function withoutDisabled(c: Container, list: ContainerList): Container {
  const restart = c.restartPolicy !== undefined && (list === 'containers' || c.restartPolicy !== 'Always');
  const rules = 'restartPolicyRules' in c;
  const stop = isObject(c.lifecycle) && 'stopSignal' in c.lifecycle;
  const fileKey =
    Array.isArray(c.env) && c.env.some((e) => isObject(e) && isObject(e.valueFrom) && 'fileKeyRef' in e.valueFrom);
  if (!restart && !rules && !stop && !fileKey) return c;
  const out: Container = { ...c };
  if (restart) delete out.restartPolicy;
  if (rules) delete out.restartPolicyRules;
  if (stop && isObject(c.lifecycle)) {
    const { stopSignal: _, ...rest } = c.lifecycle;
    if (rest.postStart === undefined && rest.preStop === undefined) delete out.lifecycle;
    else out.lifecycle = rest;
  }
  if (fileKey && Array.isArray(c.env))
    out.env = c.env.map((e) => {
      if (!isObject(e) || !isObject(e.valueFrom) || !('fileKeyRef' in e.valueFrom)) return e;
      const { fileKeyRef: _, ...valueFrom } = e.valueFrom;
      return { ...e, valueFrom };
    });
  return out;
}

/** The (defaulted) Pod without the fields the 1.34 create strategy drops. Unchanged parts are shared. */
export function withoutDisabledFields(pod: Pod): Pod {
  if (!isObject(pod) || !isObject(pod.spec)) return pod;
  let spec: Pod['spec'] | undefined;
  for (const list of ['initContainers', 'containers'] as const) {
    const containers = pod.spec[list];
    if (!Array.isArray(containers)) continue;
    const next = containers.map((c) => (isObject(c) ? withoutDisabled(c, list) : c));
    if (next.some((c, i) => c !== containers[i])) (spec ??= { ...pod.spec })[list] = next;
  }
  return spec ? { ...pod, spec } : pod;
}
