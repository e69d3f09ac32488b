// What the design says about its Deployments and Services beyond one Pod: each Deployment's own fields (the workload
// checks on the Deployment put together from the document), each Service's own fields, and the checks only the design
// can make: a Service selector that matches no Pod of it (SERVICE_SELECTS_NOTHING), a targetPort name no selected
// container declares (SERVICE_TARGET_PORT_UNKNOWN) and a numeric one none declares (SERVICE_TARGET_PORT_NOT_DECLARED).
import type { KubeObject } from '../../manifest/read';
import type { Pod } from '../../model/pod';
import { fixTitle } from '../../rules/message';
import type { Diagnostic, QuickFix } from '../../rules/types';
import { checkWorkloadObject, labelText } from '../../rules/workloads';
import type { CanvasDocument } from '../document';
import { deploymentOf, podLabels } from './deployment';
import {
  containerPortsOf,
  portTargets,
  selectedPods,
  servicePorts,
  servicesOf,
  specOf,
  type PortTarget,
} from './services';

export const serviceSelectsNothing = 'SERVICE_SELECTS_NOTHING';
export const serviceTargetPortUnknown = 'SERVICE_TARGET_PORT_UNKNOWN';
export const serviceTargetPortNotDeclared = 'SERVICE_TARGET_PORT_NOT_DECLARED';

export const designRuleTexts: Readonly<Record<string, { title: string; explanation: string }>> = {
  [serviceSelectsNothing]: {
    title: 'Service selects no Pod',
    explanation:
      'A Service finds its Pods by label: it sends traffic to every Pod whose labels include all of its selector’s. No ' +
      'Pod of this design has those labels (or the Service has no selector at all), so the Service would have no ' +
      'endpoints, and connections to it fail until such a Pod appears. Check the labels on both sides for a typo, or ' +
      'connect the Service to a container port, which makes it select that Pod.',
  },
  [serviceTargetPortUnknown]: {
    title: 'targetPort names no container port',
    explanation:
      'A named targetPort lets every Pod choose its own port number: in each selected Pod, Kubernetes looks for a ' +
      'container port with that name and the Service port’s protocol. Where none is declared, the Pod gets no endpoint ' +
      'for this port, so no traffic reaches it. Name the container port in the container’s `ports`, or target one that ' +
      'exists.',
  },
  [serviceTargetPortNotDeclared]: {
    title: 'targetPort no container declares',
    explanation:
      'A numeric targetPort is used as it is: traffic goes to that port of each selected Pod whether a container lists ' +
      'it in `ports` or not (the list is informational). If nothing listens there, connections are refused. None of the ' +
      'selected containers declares this port, which is often a typo or a port that has moved.',
  },
};

function diagnostic(
  code: string,
  severity: Diagnostic['severity'],
  path: string,
  id: string,
  params: Record<string, string | number>,
  message: string,
  fixes: QuickFix[],
): Diagnostic {
  return {
    code,
    severity,
    category: 'runtime',
    path,
    message,
    explanation: designRuleTexts[code]!.explanation,
    fixes: fixes.map((f) => ({ ...f, titleId: `rules.${code}.fixes.${f.titleId}` })),
    related: [],
    messageId: `rules.${code}.messages.${id}`,
    params,
  };
}

function podName(pod: Pod, index: number): string {
  return typeof pod.metadata?.name === 'string' && pod.metadata.name !== '' ? pod.metadata.name : `#${index + 1}`;
}

/** One fix per container port the Service port could target instead (a name where the port has one). */
function retargetFixes(portIndex: number, candidates: readonly PortTarget[]): QuickFix[] {
  const seen = new Set<string>();
  const out: QuickFix[] = [];
  for (const c of candidates) {
    const value = c.name ?? c.containerPort;
    const key = String(value);
    if (seen.has(key) || (typeof value !== 'string' && typeof value !== 'number')) continue;
    seen.add(key);
    const path = `/spec/ports/${portIndex}/targetPort`;
    out.push(
      typeof value === 'string'
        ? {
            ...fixTitle(
              'targetName',
              { name: value, container: c.containerName },
              `Target port "${value}" of ${c.containerName}`,
            ),
            patch: [{ op: 'add', path, value }],
          }
        : {
            ...fixTitle(
              'targetNumber',
              { port: value, container: c.containerName },
              `Target port ${value} of ${c.containerName}`,
            ),
            patch: [{ op: 'add', path, value }],
          },
    );
  }
  return out.slice(0, 4);
}

/** The design's checks of one Service against the design's Pods (its own fields are checkWorkloadObject's). */
export function serviceDesignDiagnostics(service: KubeObject, pods: readonly Pod[]): Diagnostic[] {
  const spec = specOf(service);
  if (spec.type === 'ExternalName') return [];
  const out: Diagnostic[] = [];
  const selected = selectedPods(service, pods);
  if (selected.length === 0) {
    const selector = spec.selector;
    const empty = typeof selector !== 'object' || selector === null || Object.keys(selector).length === 0;
    const fixes: QuickFix[] = pods.flatMap((pod, i) => {
      const labels = podLabels(pod);
      if (Object.keys(labels).length === 0) return [];
      const text = labelText(labels);
      return [
        {
          ...fixTitle('select', { pod: podName(pod, i), labels: text }, `Select Pod ${podName(pod, i)} (${text})`),
          patch: [{ op: 'add', path: '/spec/selector', value: labels }],
        },
      ];
    });
    out.push(
      empty
        ? diagnostic(
            serviceSelectsNothing,
            'warning',
            'spec.selector',
            'noSelector',
            {},
            'no selector: the Service sends its traffic to no Pod of this design',
            fixes,
          )
        : diagnostic(
            serviceSelectsNothing,
            'warning',
            'spec.selector',
            'noMatch',
            { selector: labelText(selector as Record<string, string>) },
            `selector ${labelText(selector as Record<string, string>)} matches no Pod of this design`,
            fixes,
          ),
    );
    return out;
  }
  const candidates = selected.flatMap((i) => containerPortsOf(pods[i]!, i));
  for (const port of servicePorts(service)) {
    if (portTargets(port, pods, selected).length > 0) continue;
    const path = `spec.ports[${port.index}].targetPort`;
    const fixes = retargetFixes(
      port.index,
      candidates.filter((c) => c.protocol === port.protocol),
    );
    if (typeof port.targetPort === 'string' && port.targetPort !== '')
      out.push(
        diagnostic(
          serviceTargetPortUnknown,
          'error',
          path,
          'unknown',
          { name: port.targetPort, protocol: port.protocol },
          `no container the Service selects has a ${port.protocol} port named "${port.targetPort}"`,
          fixes,
        ),
      );
    else if (typeof port.targetPort === 'number')
      out.push(
        diagnostic(
          serviceTargetPortNotDeclared,
          'warning',
          path,
          'notDeclared',
          { port: port.targetPort, protocol: port.protocol },
          `no container the Service selects declares port ${port.targetPort}/${port.protocol}`,
          fixes,
        ),
      );
  }
  return out;
}

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
