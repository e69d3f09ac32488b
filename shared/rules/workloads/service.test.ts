// A Service's own fields as Kubernetes 1.34 validates them: ports, names, protocols, targetPorts, nodePorts, types.
import { describe, expect, it } from 'vitest';
import { applyFix } from '../fix';
import type { Pod } from '../types';
import { checkWorkloadObject } from './index';

const service = (spec: Record<string, unknown>, name = 'web') => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: 'web' }, ...spec },
});

const found = (spec: Record<string, unknown>) =>
  checkWorkloadObject(service(spec)).map((d) => `${d.code} ${d.path}: ${d.message}`);

describe('Service ports', () => {
  it('accepts the usual Services', () => {
    expect(found({ ports: [{ port: 80, targetPort: 'http' }] })).toEqual([]);
    expect(found({ type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] })).toEqual(
      [],
    );
    expect(found({ clusterIP: 'None' })).toEqual([]);
    expect(found({ type: 'ExternalName', externalName: 'db.example.com.' })).toEqual([]);
    expect(found({ ports: [{ port: 53, protocol: 'UDP', targetPort: 0 }] })).toEqual([]);
  });

  it('requires ports, except headless and ExternalName Services', () => {
    expect(found({})).toEqual(['SERVICE_PORTS_REQUIRED spec.ports: Required value']);
    const fixed = applyFix(service({}) as unknown as Pod, checkWorkloadObject(service({}))[0]!.fixes[0]!);
    expect(checkWorkloadObject(fixed)).toEqual([]);
  });

  it('checks each port', () => {
    expect(
      found({
        ports: [
          { port: 0, targetPort: 'HTTP' },
          { name: 'web', port: 80, protocol: 'tcp', targetPort: 70000 },
          { name: 'web', port: 80, targetPort: '8080' },
        ],
      }),
    ).toEqual([
      'SERVICE_PORT_INVALID spec.ports[0].name: Required value',
      'SERVICE_PORT_INVALID spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'SERVICE_PORT_INVALID spec.ports[0].targetPort: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'SERVICE_PORT_INVALID spec.ports[1].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
      'SERVICE_PORT_INVALID spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'SERVICE_PORT_INVALID spec.ports[2].name: Duplicate value: "web"',
      'SERVICE_PORT_INVALID spec.ports[2].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
    ]);
  });

  it('keeps nodePorts to NodePort and LoadBalancer Services, inside the node port range', () => {
    expect(found({ ports: [{ port: 80, nodePort: 30080 }] })).toEqual([
      "SERVICE_PORT_INVALID spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    expect(found({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 8080 }] })).toEqual([
      'SERVICE_PORT_INVALID spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    const clusterIP = service({ ports: [{ port: 80, nodePort: 30080 }] });
    const [d] = checkWorkloadObject(clusterIP);
    expect(d!.fixes.map((f) => f.title)).toEqual(['Remove nodePort', 'Make it a NodePort Service']);
    for (const fix of d!.fixes) expect(checkWorkloadObject(applyFix(clusterIP as unknown as Pod, fix))).toEqual([]);
  });
});

describe('Service types and selectors', () => {
  it('checks the type and what it allows', () => {
    expect(found({ type: 'Internal', ports: [{ port: 80 }] })).toEqual([
      'SERVICE_TYPE_INVALID spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(found({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] })).toEqual([
      'SERVICE_TYPE_INVALID spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ]);
    expect(found({ type: 'ExternalName' })).toEqual(['SERVICE_TYPE_INVALID spec.externalName: Required value']);
    expect(found({ ports: [{ port: 80 }], externalTrafficPolicy: 'Local' })).toEqual([
      'SERVICE_TYPE_INVALID spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    ]);
  });

  it('checks the selector’s label syntax and the Service’s DNS-1035 name', () => {
    expect(found({ ports: [{ port: 80 }], selector: { app: 'web server' } })).toEqual([
      "SERVICE_SELECTOR_INVALID spec.selector: Invalid value: \"web server\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    ]);
    const named = checkWorkloadObject(service({ ports: [{ port: 80 }] }, '8-ball'));
    expect(named.map((d) => d.message)).toEqual([
      'Invalid value: "8-ball": a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character',
    ]);
    expect(named[0]!.fixes.map((f) => f.title)).toEqual(['Rename to "ball"']);
  });
});
