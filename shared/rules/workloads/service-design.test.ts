// The design checks of a Service in every file entrance: checkDesign (what `podwright validate` prints) finds a Service
// that selects no Pod of the file and a targetPort name no selected container declares, at their lines, as the canvas
// does; a file of Services alone has no Pods to check them against.
import { describe, expect, it } from 'vitest';
import { readDesign } from '../../manifest/read';
import { checkDesign } from '../index';

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 3',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: busybox:1.36',
  "          command: ['sh', '-c', 'sleep 3600']",
  '          ports: [{name: http, containerPort: 80}]',
].join('\n');

const services = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: lost}',
  'spec:',
  '  selector: {app: nothing}',
  '  ports: [{port: 80, targetPort: http}]',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: typo}',
  'spec:',
  '  selector: {app: web}',
  '  ports: [{port: 80, targetPort: htt}]',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: good}',
  'spec:',
  '  selector: {app: web}',
  '  ports: [{port: 80, targetPort: http}]',
].join('\n');

const codes = ['SERVICE_SELECTS_NOTHING', 'SERVICE_TARGET_PORT_UNKNOWN', 'SERVICE_TARGET_PORT_NOT_DECLARED'];

describe("a Service's design checks in checkDesign", () => {
  it('finds a selector that matches no Pod and a targetPort name no container declares, at their lines', () => {
    const check = checkDesign(readDesign(`${deployment}\n---\n${services}\n`, { name: 'web.yaml' }));
    const found = check.problems
      .filter((d) => codes.includes(d.code))
      .map((d) => ({ code: d.code, severity: d.severity, path: d.path, line: d.at?.line, message: d.message }));
    expect(found).toEqual([
      {
        code: 'SERVICE_SELECTS_NOTHING',
        severity: 'warning',
        path: 'spec.selector',
        line: 23,
        message: 'selector app=nothing matches no Pod of this design',
      },
      {
        code: 'SERVICE_TARGET_PORT_UNKNOWN',
        severity: 'error',
        path: 'spec.ports[0].targetPort',
        line: 31,
        message: 'no container the Service selects has a TCP port named "htt"',
      },
    ]);
    // Runtime trouble, not a refusal: the API server stores such a Service.
    expect(check.accepted).toBe(true);
  });

  it('keeps quiet about a file of Services alone', () => {
    const check = checkDesign(readDesign(`${services}\n`, { name: 'services.yaml' }));
    expect(check.problems.filter((d) => codes.includes(d.code))).toEqual([]);
  });
});
