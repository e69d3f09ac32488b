// What the design says about its Deployments and Services beyond one Pod: each Deployment's own fields (the workload
// checks on the Deployment put together from the document), each Service's own fields, and the checks only the design
// can make: a Service selector that matches no Pod of it (SERVICE_SELECTS_NOTHING), a targetPort name no selected
// container declares (SERVICE_TARGET_PORT_UNKNOWN) and a numeric one none declares (SERVICE_TARGET_PORT_NOT_DECLARED).
import type { KubeObject } from '../../manifest/read';
import type { Pod } from '../../model/pod';
import type { Diagnostic } from '../../rules/types';
import { checkWorkloadObject } from '../../rules/workloads';
import { serviceDesignDiagnostics } from '../../rules/workloads/service-design';
import type { CanvasDocument } from '../document';
import { deploymentOf } from './deployment';
import { servicesOf } from './services';

// The design checks of a Service are the rules' own, so `podwright validate` runs the same ones as the canvas.
export {
  designRuleTexts,
  serviceDesignDiagnostics,
  serviceSelectsNothing,
  serviceTargetPortNotDeclared,
  serviceTargetPortUnknown,
} from '../../rules/workloads/service-design';

const severityRank = { error: 0, warning: 1, info: 2 };
const bySeverity = (a: Diagnostic, b: Diagnostic): number => severityRank[a.severity] - severityRank[b.severity];

/** A Service's diagnostics: its own fields, then what the design says about it; errors first. */
export function serviceDiagnostics(service: KubeObject, pods: readonly Pod[]): Diagnostic[] {
  return [...checkWorkloadObject(service), ...serviceDesignDiagnostics(service, pods)].sort(bySeverity);
}

/**
 * A wrapped Pod's Deployment diagnostics (paths in the Deployment: `spec.replicas`, `spec.template.metadata.labels`).
 * Its name and namespace are the Pod's, which the Pod rules already check.
 */
export function deploymentDiagnostics(doc: CanvasDocument): Diagnostic[] {
  const deployment = deploymentOf(doc);
  if (!deployment) return [];
  return checkWorkloadObject(deployment).filter(
    (d) => !d.path.startsWith('metadata.name') && !d.path.startsWith('metadata.namespace'),
  );
}

export interface DesignObjectDiagnostics {
  /** By design index of the Pod; empty for a bare Pod. */
  deployments: Diagnostic[][];
  /** By the Service's index among the design's other objects. */
  services: Map<number, Diagnostic[]>;
}

/** Every Deployment's and Service's diagnostics in the design. Pure. */
export function designObjectDiagnostics(
  pods: readonly CanvasDocument[],
  companions: readonly KubeObject[],
): DesignObjectDiagnostics {
  const podSpecs = pods.map((d) => d.pod);
  return {
    deployments: pods.map(deploymentDiagnostics),
    services: new Map(servicesOf(companions).map((s) => [s.index, serviceDiagnostics(s.service, podSpecs)])),
  };
}
