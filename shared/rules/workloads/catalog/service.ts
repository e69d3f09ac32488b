// A Service's own fields (validateService, validateServicePort, Kubernetes 1.34): ports where they are required
// (SERVICE_PORTS_REQUIRED), each port's number, name, protocol, targetPort and nodePort (SERVICE_PORT_INVALID), the
// type and what it allows (SERVICE_TYPE_INVALID), and the selector's label syntax (SERVICE_SELECTOR_INVALID).
import { isRecord } from '../../context';
import { pointer } from '../../fix';
import { fixTitle, msg } from '../../message';
import { dns1123LabelProblem, dns1123SubdomainProblem, isValidPortNum, portNameProblem } from '../../syntax';
import type { QuickFix } from '../../types';
import type { ObjectContext, ObjectRule } from '../object-rule';
import { plain, shown } from '../read';
import { labelMapProblems } from '../selector';

const serviceTypes = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const protocols = ['SCTP', 'TCP', 'UDP'];
/** The API server's default --service-node-port-range. */
export const nodePortRange = { min: 30000, max: 32767 };

export function isHeadless(spec: Record<string, unknown>): boolean {
  const ips = spec.clusterIPs;
  return spec.clusterIP === 'None' || (Array.isArray(ips) && ips.length === 1 && ips[0] === 'None');
}

/** The type after defaulting (ClusterIP when left out). */
export function serviceType(spec: Record<string, unknown>): unknown {
  return spec.type === undefined || spec.type === null || spec.type === '' ? 'ClusterIP' : spec.type;
}

function portsOf(ctx: ObjectContext): unknown[] {
  return Array.isArray(ctx.spec.ports) ? ctx.spec.ports : [];
}

export const servicePortsRequired: ObjectRule = {
  code: 'SERVICE_PORTS_REQUIRED',
  severity: 'error',
  category: 'kubernetes',
  title: 'Service ports',
  source: 'validateService: spec.ports Required unless headless or ExternalName (1.34)',
  explanation:
    'A Service gives a set of Pods one address; its `ports` say which port of that address leads to which port of the ' +
    'Pods. Without a port there is nothing to connect to, so the API server requires at least one, except for a ' +
    'headless Service (clusterIP: None, which only publishes the Pods’ own addresses in DNS) and an ExternalName ' +
    'Service (a DNS alias).',
  kinds: ['Service'],
  check(ctx, report) {
    if (portsOf(ctx).length > 0 || isHeadless(ctx.spec) || serviceType(ctx.spec) === 'ExternalName') return;
    report('spec.ports', msg('required', {}, 'Required value'), {
      fixes: [
        {
          ...fixTitle('add', {}, 'Add port 80'),
          patch: [{ op: 'add', path: '/spec/ports', value: [{ port: 80, targetPort: 80, protocol: 'TCP' }] }],
        },
      ],
    });
  },
};

export const servicePortInvalid: ObjectRule = {
  code: 'SERVICE_PORT_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Service port',
  source: 'validateServicePort, validateService (nodePort, duplicates), the NodePort allocator’s range (1.34)',
  explanation:
    'Each Service port has a number (1-65535) on the Service’s address, a protocol (TCP, UDP or SCTP), and a ' +
    '`targetPort` on the Pods: a number, or the name of a container port (at most 15 characters, lower-case letters, ' +
    'digits and "-", at least one letter), which lets each Pod use its own number. With more than one port each needs ' +
    'a unique name. A `nodePort` opens the port on every node, only for NodePort and LoadBalancer Services, from the ' +
    'cluster’s node port range (30000-32767 unless the cluster was set up otherwise).',
  kinds: ['Service'],
  check(ctx, report) {
    const ports = portsOf(ctx);
    const type = serviceType(ctx.spec);
    const names = new Set<string>();
    const seen = new Set<string>();
    const nodePorts = new Set<string>();
    ports.forEach((raw, i) => {
      const base = `spec.ports[${i}]`;
      if (!isRecord(raw)) {
        report(base, msg('notMap', {}, 'Invalid value: must be a mapping'));
        return;
      }
      const name = raw.name;
      if (name === undefined || name === null || name === '') {
        if (ports.length > 1) report(`${base}.name`, msg('nameRequired', {}, 'Required value'));
      } else if (typeof name !== 'string' || dns1123LabelProblem(name)) {
        const problem = typeof name === 'string' ? dns1123LabelProblem(name)! : 'must be a string';
        report(
          `${base}.name`,
          msg('invalid', { value: shown(name), problem }, `Invalid value: ${shown(name)}: ${problem}`),
        );
      } else if (names.has(name))
        report(`${base}.name`, msg('duplicateName', { value: shown(name) }, `Duplicate value: ${shown(name)}`));
      else names.add(name);
      if (!isValidPortNum(raw.port)) {
        const problem = 'must be between 1 and 65535, inclusive';
        report(
          `${base}.port`,
          msg(
            'invalid',
            { value: shown(raw.port ?? 0), problem },
            `Invalid value: ${shown(raw.port ?? 0)}: ${problem}`,
          ),
        );
      }
      const protocol =
        raw.protocol === undefined || raw.protocol === null || raw.protocol === '' ? 'TCP' : raw.protocol;
      if (typeof protocol !== 'string' || !protocols.includes(protocol)) {
        const upper = typeof protocol === 'string' ? protocol.toUpperCase() : '';
        const fixes: QuickFix[] = protocols.includes(upper)
          ? [
              {
                ...fixTitle('protocol', { value: upper }, `Use ${upper}`),
                patch: [{ op: 'replace', path: pointer('spec', 'ports', i, 'protocol'), value: upper }],
              },
            ]
          : [];
        report(
          `${base}.protocol`,
          msg(
            'protocol',
            { value: shown(protocol) },
            `Unsupported value: ${shown(protocol)}: supported values: "SCTP", "TCP", "UDP"`,
          ),
          { fixes },
        );
      }
      checkTargetPort(raw.targetPort, `${base}.targetPort`, report);
      const key = `${plain(protocol)}/${plain(raw.port)}`;
      if (seen.has(key))
        report(
          base,
          msg(
            'duplicatePort',
            { port: plain(raw.port), protocol: plain(protocol) },
            `Duplicate value: port ${plain(raw.port)}/${plain(protocol)}`,
          ),
        );
      seen.add(key);
      const nodePort = raw.nodePort;
      if (nodePort === undefined || nodePort === null || nodePort === 0) return;
      if (type === 'ClusterIP') {
        report(
          `${base}.nodePort`,
          msg('nodePortClusterIP', {}, "Forbidden: may not be used when `type` is 'ClusterIP'"),
          {
            fixes: [
              {
                ...fixTitle('removeNodePort', {}, 'Remove nodePort'),
                patch: [{ op: 'remove', path: pointer('spec', 'ports', i, 'nodePort') }],
              },
              {
                ...fixTitle('makeNodePort', {}, 'Make it a NodePort Service'),
                patch: [{ op: 'add', path: '/spec/type', value: 'NodePort' }],
              },
            ],
          },
        );
        return;
      }
      if (type !== 'NodePort' && type !== 'LoadBalancer') return;
      if (
        typeof nodePort !== 'number' ||
        !Number.isInteger(nodePort) ||
        nodePort < nodePortRange.min ||
        nodePort > nodePortRange.max
      )
        report(
          `${base}.nodePort`,
          msg(
            'nodePortRange',
            { value: shown(nodePort), min: nodePortRange.min, max: nodePortRange.max },
            `Invalid value: ${shown(nodePort)}: provided port is not in the valid range. The range of valid ports is ${nodePortRange.min}-${nodePortRange.max}`,
          ),
          {
            fixes: [
              {
                ...fixTitle('removeNodePort', {}, 'Remove nodePort'),
                patch: [{ op: 'remove', path: pointer('spec', 'ports', i, 'nodePort') }],
              },
            ],
          },
        );
      const nodeKey = `${plain(protocol)}/${plain(nodePort)}`;
      if (nodePorts.has(nodeKey))
        report(
          `${base}.nodePort`,
          msg('duplicateNodePort', { value: shown(nodePort) }, `Duplicate value: ${shown(nodePort)}`),
        );
      nodePorts.add(nodeKey);
    });
  },
};

/** targetPort after defaulting: 0 or "" become the port itself; otherwise a port number or an IANA service name. */
function checkTargetPort(value: unknown, path: string, report: Parameters<ObjectRule['check']>[1]): void {
  if (value === undefined || value === null || value === 0 || value === '') return;
  if (typeof value === 'number') {
    if (!isValidPortNum(value)) {
      const problem = 'must be between 1 and 65535, inclusive';
      report(path, msg('invalid', { value: shown(value), problem }, `Invalid value: ${shown(value)}: ${problem}`));
    }
    return;
  }
  const problem = typeof value === 'string' ? portNameProblem(value) : 'must be a string';
  if (problem)
    report(path, msg('invalid', { value: shown(value), problem }, `Invalid value: ${shown(value)}: ${problem}`));
}

export const serviceTypeInvalid: ObjectRule = {
  code: 'SERVICE_TYPE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Service type',
  source: 'validateService: type, clusterIPs, externalName, externalTrafficPolicy, sessionAffinity (1.34)',
  explanation:
    'ClusterIP (the default) gives the Service an address inside the cluster; NodePort also opens its ports on every ' +
    'node; LoadBalancer also asks the cloud for an external address; ExternalName makes the Service a DNS alias for ' +
    '`externalName` and has no address or Pods of its own. A headless Service (clusterIP: None) cannot be a NodePort ' +
    'or LoadBalancer, since there is no address to forward from, and `externalTrafficPolicy` applies only to Services ' +
    'reachable from outside.',
  kinds: ['Service'],
  check(ctx, report) {
    const type = serviceType(ctx.spec);
    if (typeof type !== 'string' || !serviceTypes.includes(type)) {
      report(
        'spec.type',
        msg(
          'unsupported',
          { value: shown(type) },
          `Unsupported value: ${shown(type)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
        ),
        {
          fixes: [
            {
              ...fixTitle('clusterIP', {}, 'Use ClusterIP'),
              patch: [{ op: 'replace', path: '/spec/type', value: 'ClusterIP' }],
            },
          ],
        },
      );
      return;
    }
    if ((type === 'NodePort' || type === 'LoadBalancer') && isHeadless(ctx.spec))
      report(
        'spec.clusterIPs[0]',
        msg('headless', { type }, `Invalid value: "None": may not be set to 'None' for ${type} services`),
      );
    if (type === 'ExternalName') {
      if (typeof ctx.spec.clusterIP === 'string' && ctx.spec.clusterIP !== '')
        report(
          'spec.clusterIPs',
          msg('externalNameClusterIP', {}, 'Forbidden: may not be set for ExternalName services'),
        );
      const cname = typeof ctx.spec.externalName === 'string' ? ctx.spec.externalName.replace(/\.$/, '') : '';
      if (cname === '') report('spec.externalName', msg('externalNameRequired', {}, 'Required value'));
      else {
        const problem = dns1123SubdomainProblem(cname);
        if (problem)
          report(
            'spec.externalName',
            msg('externalNameInvalid', { value: shown(cname), problem }, `Invalid value: ${shown(cname)}: ${problem}`),
          );
      }
    }
    const policy = ctx.spec.externalTrafficPolicy;
    if (policy !== undefined && policy !== null && policy !== '') {
      if (type !== 'NodePort' && type !== 'LoadBalancer')
        report(
          'spec.externalTrafficPolicy',
          msg(
            'trafficPolicyInternal',
            { value: shown(policy) },
            `Invalid value: ${shown(policy)}: may only be set for externally-accessible services`,
          ),
        );
      else if (policy !== 'Cluster' && policy !== 'Local')
        report(
          'spec.externalTrafficPolicy',
          msg(
            'trafficPolicy',
            { value: shown(policy) },
            `Unsupported value: ${shown(policy)}: supported values: "Cluster", "Local"`,
          ),
        );
    }
    const affinity = ctx.spec.sessionAffinity;
    if (
      affinity !== undefined &&
      affinity !== null &&
      affinity !== '' &&
      affinity !== 'None' &&
      affinity !== 'ClientIP'
    )
      report(
        'spec.sessionAffinity',
        msg(
          'affinity',
          { value: shown(affinity) },
          `Unsupported value: ${shown(affinity)}: supported values: "ClientIP", "None"`,
        ),
      );
  },
};

export const serviceSelectorInvalid: ObjectRule = {
  code: 'SERVICE_SELECTOR_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Service selector syntax',
  source: 'validateService: ValidateLabels(spec.selector) (1.34)',
  explanation:
    'A Service’s selector is a plain map of labels: the Service sends traffic to every Pod that has all of them. Keys ' +
    'and values follow the label syntax (a key of at most 63 characters with an optional DNS prefix and "/", a value ' +
    'of at most 63 characters of letters, digits, "-", "_" and ".").',
  kinds: ['Service'],
  check(ctx, report) {
    for (const p of labelMapProblems(ctx.spec.selector)) {
      if (p.id === 'key')
        report(
          'spec.selector',
          msg(
            'key',
            { value: p.value },
            `Invalid value: ${p.value}: not a valid label key (a name of at most 63 characters, with an optional DNS prefix and "/")`,
          ),
        );
      else if (p.id === 'value')
        report(
          'spec.selector',
          msg('value', { value: p.value, problem: p.problem! }, `Invalid value: ${p.value}: ${p.problem}`),
        );
      else report('spec.selector', msg('notMap', {}, 'Invalid value: must be a map of labels'));
    }
  },
};
