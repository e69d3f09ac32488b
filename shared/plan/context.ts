// What every part of the plan reads and adds to while it is built: the Pod (defaulted and as written), the engine,
// the names, the volumes planned so far, and the engine problems found.
import type { Diagnostic, MessageParams } from '../model/diagnostic';
import { Labels, type Role } from '../model/labels';
import { engineProblemKind, type EngineProblemCode } from './engine-problems';
import { podNames, podSelector, type PodNames } from './names';
import type { Companions, Pod, Volume } from './pod';
import {
  DEFAULT_NETWORK,
  type HostPathCheck,
  type PlanEngine,
  type PlanOptions,
  type VolumeFile,
  type VolumePlan,
} from './types';

export interface PlanContext {
  /** The Pod after Kubernetes defaulting: what the kubelet would run. */
  pod: Pod;
  /** The Pod as written, where defaulting would change what reaches Docker (requests copied from limits). */
  source: Pod;
  engine: PlanEngine;
  options: PlanOptions;
  companions: Companions;
  name: string;
  namespace: string;
  names: PodNames;
  runId: string;
  podLabels: Record<string, string>;
  /** The project network, or undefined on the host's network. */
  networkName: string | undefined;
  volumes: Map<string, Volume>;
  volumePlans: Map<string, VolumePlan>;
  files: VolumeFile[];
  hostPaths: HostPathCheck[];
  problems: Diagnostic[];
}

export function createPlanContext(
  pod: Pod,
  source: Pod,
  engine: PlanEngine,
  options: PlanOptions,
  companions: Companions,
): PlanContext {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace || 'default';
  return {
    pod,
    source,
    engine,
    options,
    companions,
    name,
    namespace,
    names: podNames(name, namespace),
    runId:
      (options.runId ?? 'run')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 12) || 'run',
    podLabels: podSelector(name, namespace, options.design),
    networkName: pod.spec?.hostNetwork ? undefined : options.network || DEFAULT_NETWORK,
    volumes: new Map(),
    volumePlans: new Map(),
    files: [],
    hostPaths: [],
    problems: [],
  };
}

/** The labels of one object of the Pod: the Pod's, its role, and any extra. */
export function labelsFor(ctx: PlanContext, role: Role, extra: Record<string, string> = {}): Record<string, string> {
  return { ...ctx.podLabels, [Labels.role]: role, ...extra };
}

/**
 * Records an engine problem. `message` stays the English the API, CLI and tests read; `params` (and `variant`, when
 * one code has several sentences) name its entry in the catalogue (`rules.<CODE>.messages.<variant>`).
 */
export function report(
  ctx: PlanContext,
  code: EngineProblemCode,
  message: string,
  path: string | undefined,
  params: MessageParams,
  variant = 'main',
): void {
  const kind = engineProblemKind(code);
  ctx.problems.push({
    code,
    severity: kind.severity,
    category: kind.category,
    path: path ?? '',
    message,
    explanation: kind.explanation,
    fixes: [],
    related: [],
    messageId: `rules.${code}.messages.${variant}`,
    params,
  });
}
