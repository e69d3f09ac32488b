// The checks of a Service that need the design around it (pure, and light: no schema library, so `podwright validate`
// runs them too): a selector that matches no Pod of the design (SERVICE_SELECTS_NOTHING), a targetPort name no selected
// container declares (SERVICE_TARGET_PORT_UNKNOWN) and a numeric one none declares (SERVICE_TARGET_PORT_NOT_DECLARED).
// The canvas (shared/design/workloads) and checkDesign (every file entrance) both call serviceDesignDiagnostics.
import type { KubeObject } from '../../manifest/read';
import type { Container, ContainerList, Pod } from '../../model/pod';
import type { ObjectChecker } from '../check-design';
import { isRecord } from '../../model/record';
import { fixTitle } from '../message';
import type { Diagnostic, QuickFix } from '../types';
import { labelText } from './label-text';
import { labelsOf, mapSelectorMatches } from './selector';

export interface ServicePortView {
  index: number;
  name?: string;
  port: unknown;
  /** After defaulting: the port itself when left out. */
  targetPort: unknown;
  protocol: string;
  nodePort?: unknown;
}

/** The Pod's labels as a plain map (strings only). */
export function podLabels(pod: Pod): Record<string, string> {
  return labelsOf(pod.metadata?.labels);
}

function containersOf(pod: Pod, list: ContainerList): Container[] {
  const items = pod.spec?.[list];
  return Array.isArray(items) ? items : [];
}

export function specOf(service: KubeObject): Record<string, unknown> {
  return isRecord(service.spec) ? service.spec : {};
}

/** The Service's ports as the canvas shows them, targetPort defaulted the way the API server defaults it. */
export function servicePorts(service: KubeObject): ServicePortView[] {
  const ports = specOf(service).ports;
  if (!Array.isArray(ports)) return [];
  return ports.map((raw, index) => {
    const p = isRecord(raw) ? raw : {};
    const target =
      p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === ''
        ? p.port
        : p.targetPort;
    return {
      index,
      ...(typeof p.name === 'string' && p.name !== '' && { name: p.name }),
      port: p.port,
      targetPort: target,
      protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP',
      ...(p.nodePort !== undefined && { nodePort: p.nodePort }),
    };
  });
}

/** The Pods (by design index) whose labels the Service's selector matches. */
export function selectedPods(service: KubeObject, pods: readonly Pod[]): number[] {
  const selector = specOf(service).selector;
  const out: number[] = [];
  pods.forEach((pod, i) => {
    if (mapSelectorMatches(selector, podLabels(pod))) out.push(i);
  });
  return out;
}

/** A container port a Service port reaches: which Pod, container and port. */
export interface PortTarget {
  pod: number;
  list: ContainerList;
  container: number;
  containerName: string;
  port: number;
  containerPort: unknown;
  name?: string;
  /** TCP when the container port leaves it out. */
  protocol: string;
}

/** The container ports of `pod` that run beside the app (regular containers and init sidecars). */
export function containerPortsOf(pod: Pod, podIndex: number): PortTarget[] {
  const out: PortTarget[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    containersOf(pod, list).forEach((c, container) => {
      if (list === 'initContainers' && c?.restartPolicy !== 'Always') return;
      const ports = Array.isArray(c?.ports) ? c.ports : [];
      ports.forEach((p, port) => {
        if (!isRecord(p)) return;
        out.push({
          pod: podIndex,
          list,
          container,
          containerName: typeof c.name === 'string' ? c.name : '',
          port,
          containerPort: p.containerPort,
          ...(typeof p.name === 'string' && p.name !== '' && { name: p.name }),
          protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP',
        });
      });
    });
  }
  return out;
}

/**
 * The container ports a Service port sends to, as the endpoints controller finds them (podutil.FindPort): by name and
 * protocol for a named targetPort, by number and protocol for a numeric one (a number is used even when no container
 * declares it; only declared ports are drawn).
 */
export function portTargets(port: ServicePortView, pods: readonly Pod[], selected: readonly number[]): PortTarget[] {
  return selected.flatMap((i) =>
    containerPortsOf(pods[i]!, i).filter(
      (t) =>
        t.protocol === port.protocol &&
        (typeof port.targetPort === 'string' ? t.name === port.targetPort : t.containerPort === port.targetPort),
    ),
  );
}

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
    if (typeof value !== 'string' && typeof value !== 'number') continue; // before String(): a hostile object throws
    const key = String(value);
    if (seen.has(key)) continue;
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

/**
 * The design checks of every Service in a file, against the file's Pods and Pod templates, in the shape checkDesign
 * takes (registerObjectChecker); checkDesign places them at their lines. A file without a Pod has nothing to check them
 * against.
 */
export const serviceDesignChecker: ObjectChecker = (read) => {
  const pods = read.pods.map((p) => p.pod);
  // A file of Services alone (one file per object, as many repositories keep them) says nothing of the Pods they select.
  if (pods.length === 0) return [];
  return read.objects
    .filter((o) => o.object.kind === 'Service')
    .map((object) => ({ object, diagnostics: serviceDesignDiagnostics(object.object, pods) }));
};
