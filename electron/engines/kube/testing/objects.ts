// What the stand-in's API server does to an object before storing it: defaulting (the fields a real server fills in,
// so a diff against the live object shows them as a real one would) and a small strict validation in the real
// server's words (checked against kube-apiserver 1.34; see README.md).
import { canonical, isObject, type Json, type JsonObject } from './fields';
import type { StatusCause } from './status';
import { memoryBytes, milliCpu } from '../../../../shared/model/quantity';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** Go's %q-ish rendering of a value in "Invalid value: ..." messages. */
function shown(value: Json | undefined): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
}

const arr = (v: Json | undefined): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : []);

// ------------------------------------------------------------------ defaulting

function defaultContainer(c: JsonObject): void {
  const image = typeof c.image === 'string' ? c.image : '';
  const tag = image.includes('@') ? 'digest' : (/:([^/:]+)$/.exec(image)?.[1] ?? 'latest');
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.imagePullPolicy ??= tag === 'latest' ? 'Always' : 'IfNotPresent';
  for (const p of arr(c.ports)) p.protocol ??= 'TCP';
}

export function defaultPodSpec(spec: JsonObject): void {
  for (const c of [...arr(spec.initContainers), ...arr(spec.containers)]) defaultContainer(c);
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  for (const v of arr(spec.volumes)) if (isObject(v.emptyDir)) v.emptyDir = { ...v.emptyDir };
}

export function defaultObject(kind: string, obj: JsonObject): void {
  const spec = isObject(obj.spec) ? obj.spec : undefined;
  switch (kind) {
    case 'Pod':
      if (spec) {
        defaultPodSpec(spec);
        spec.tolerations ??= [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ];
      }
      obj.status ??= { phase: 'Pending', qosClass: qosClass(spec) };
      break;
    case 'Deployment':
      if (spec) {
        spec.replicas ??= 1;
        spec.revisionHistoryLimit ??= 10;
        spec.progressDeadlineSeconds ??= 600;
        spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } };
        const template = isObject(spec.template) ? spec.template : undefined;
        if (template && isObject(template.spec)) defaultPodSpec(template.spec);
      }
      obj.status ??= {};
      break;
    case 'Service':
      if (spec) {
        spec.type ??= 'ClusterIP';
        spec.sessionAffinity ??= 'None';
        spec.ipFamilies ??= ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
        spec.internalTrafficPolicy ??= 'Cluster';
        for (const p of arr(spec.ports)) {
          p.protocol ??= 'TCP';
          p.targetPort ??= p.port ?? null;
        }
      }
      obj.status ??= { loadBalancer: {} };
      break;
    case 'Secret':
      obj.type ??= 'Opaque';
      if (isObject(obj.stringData)) {
        const data = isObject(obj.data) ? obj.data : {};
        for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v)).toString('base64');
        obj.data = data;
        delete obj.stringData;
      }
      break;
    case 'Namespace':
      obj.spec ??= { finalizers: ['kubernetes'] };
      obj.status ??= { phase: 'Active' };
      break;
  }
}

function qosClass(spec: JsonObject | undefined): string {
  const containers = spec ? arr(spec.containers) : [];
  const any = containers.some((c) => isObject(c.resources) && (isObject(c.resources.requests) || isObject(c.resources.limits)));
  return any ? 'Burstable' : 'BestEffort';
}

// ------------------------------------------------------------------ validation

function validateName(name: Json | undefined, causes: StatusCause[], kind: string): void {
  if (typeof name !== 'string' || name === '') {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' });
    return;
  }
  const rule = kind === 'Namespace' || kind === 'Service' ? LABEL : SUBDOMAIN;
  if (!rule.test(name) || name.length > (rule === LABEL ? 63 : 253))
    causes.push({
      reason: 'FieldValueInvalid',
      message: `Invalid value: ${shown(name)}: ${rule === LABEL ? LABEL_MESSAGE : SUBDOMAIN_MESSAGE}`,
      field: 'metadata.name',
    });
}

/** A port name's faults (IANA_SVC_NAME), each in the real server's words (validation.IsValidPortName). */
function portNameFaults(name: string): string[] {
  const faults: string[] = [];
  if (name.length > 15) faults.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) faults.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) faults.push('must contain at least one letter (a-z)');
  if (name.includes('--')) faults.push('must not contain consecutive hyphens (-)');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) faults.push('must not begin or end with a hyphen (-)');
  return faults;
}

function validatePortName(name: unknown, field: string, causes: StatusCause[]): void {
  if (typeof name !== 'string') return;
  for (const fault of portNameFaults(name)) causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${shown(name)}: ${fault}`, field });
}

/** A request above its limit, as the real server words it (one cause for the container's requests). */
function validateResources(resources: unknown, field: string, causes: StatusCause[]): void {
  if (!isObject(resources) || !isObject(resources.requests) || !isObject(resources.limits)) return;
  const { requests, limits } = resources;
  for (const [name, read] of [['cpu', milliCpu], ['memory', memoryBytes]] as const) {
    const want = typeof requests[name] === 'string' ? read(requests[name]) : undefined;
    const cap = typeof limits[name] === 'string' ? read(limits[name]) : undefined;
    if (want !== undefined && cap !== undefined && want > cap)
      causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${shown(requests[name])}: must be less than or equal to ${name} limit of ${String(limits[name])}`, field: `${field}.requests` });
  }
}

function validatePodSpec(spec: Json | undefined, at: string, causes: StatusCause[]): void {
  if (!isObject(spec)) {
    causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.containers` });
    return;
  }
  const volumes = new Set<string>();
  arr(spec.volumes).forEach((v, i) => {
    const name = v.name;
    if (typeof name !== 'string' || !LABEL.test(name))
      causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${shown(name)}: ${LABEL_MESSAGE}`, field: `${at}.volumes[${i}].name` });
    else if (volumes.has(name)) causes.push({ reason: 'FieldValueDuplicate', message: `Duplicate value: ${shown(name)}`, field: `${at}.volumes[${i}].name` });
    else volumes.add(name);
  });
  const names = new Set<string>();
  const lists: ['initContainers' | 'containers', JsonObject[]][] = [
    ['initContainers', arr(spec.initContainers)],
    ['containers', arr(spec.containers)],
  ];
  if (arr(spec.containers).length === 0) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.containers` });
  for (const [list, containers] of lists) {
    containers.forEach((c, i) => {
      const here = `${at}.${list}[${i}]`;
      if (typeof c.name !== 'string' || c.name === '') causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${here}.name` });
      else if (!LABEL.test(c.name)) causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${shown(c.name)}: ${LABEL_MESSAGE}`, field: `${here}.name` });
      else if (names.has(c.name)) causes.push({ reason: 'FieldValueDuplicate', message: `Duplicate value: ${shown(c.name)}`, field: `${here}.name` });
      else names.add(c.name);
      if (typeof c.image !== 'string' || c.image.trim() === '') causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${here}.image` });
      arr(c.ports).forEach((p, j) => {
        validatePortName(p.name, `${here}.ports[${j}].name`, causes);
        for (const key of ['containerPort', 'hostPort'] as const) {
          const v = p[key];
          if (key === 'hostPort' && (v === undefined || v === 0)) continue;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65535)
            causes.push({
              reason: 'FieldValueInvalid',
              message: `Invalid value: ${shown(v)}: must be between 1 and 65535, inclusive`,
              field: `${here}.ports[${j}].${key}`,
            });
        }
      });
      validateResources(c.resources, `${here}.resources`, causes);
      arr(c.volumeMounts).forEach((m, j) => {
        if (typeof m.name === 'string' && !volumes.has(m.name))
          causes.push({ reason: 'FieldValueNotFound', message: `Not found: ${shown(m.name)}`, field: `${here}.volumeMounts[${j}].name` });
      });
    });
  }
  const policy = spec.restartPolicy;
  if (policy !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(policy)))
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${shown(policy)}: supported values: "Always", "OnFailure", "Never"`,
      field: `${at}.restartPolicy`,
    });
}

function sameLabels(selector: Json | undefined, labels: Json | undefined): boolean {
  if (!isObject(selector) || !isObject(selector.matchLabels)) return false;
  const have = isObject(labels) ? labels : {};
  return Object.entries(selector.matchLabels).every(([k, v]) => have[k] === v);
}

/** The causes that make the server refuse the object (empty when it is valid). */
export function validateObject(kind: string, obj: JsonObject): StatusCause[] {
  const causes: StatusCause[] = [];
  const meta = isObject(obj.metadata) ? obj.metadata : {};
  validateName(meta.name, causes, kind);
  if (isObject(meta.labels))
    for (const [, v] of Object.entries(meta.labels))
      if (typeof v !== 'string' || (v !== '' && !/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(v)))
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${shown(v)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
          field: `metadata.labels`,
        });
  const spec = obj.spec;
  switch (kind) {
    case 'Pod':
      validatePodSpec(spec, 'spec', causes);
      break;
    case 'Deployment': {
      if (!isObject(spec)) {
        causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
        break;
      }
      if (typeof spec.replicas === 'number' && spec.replicas < 0)
        causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${spec.replicas}: must be greater than or equal to 0`, field: 'spec.replicas' });
      const template = isObject(spec.template) ? spec.template : {};
      const templateLabels = isObject(template.metadata) ? template.metadata.labels : undefined;
      if (!isObject(spec.selector)) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
      else if (!sameLabels(spec.selector, templateLabels))
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(templateLabels ?? {})}: \`selector\` does not match template \`labels\``,
          field: 'spec.template.metadata.labels',
        });
      validatePodSpec(template.spec, 'spec.template.spec', causes);
      const policy = isObject(template.spec) ? template.spec.restartPolicy : undefined;
      if (policy !== undefined && policy !== 'Always')
        causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: ${shown(policy)}: supported values: "Always"`, field: 'spec.template.spec.restartPolicy' });
      break;
    }
    case 'Service': {
      const ports = isObject(spec) ? arr(spec.ports) : [];
      const type = isObject(spec) ? spec.type : undefined;
      if (ports.length === 0 && type !== 'ExternalName') causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' });
      ports.forEach((p, i) => {
        if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535)
          causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${shown(p.port)}: must be between 1 and 65535, inclusive`, field: `spec.ports[${i}].port` });
        if (ports.length > 1 && (typeof p.name !== 'string' || p.name === ''))
          causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `spec.ports[${i}].name` });
        validatePortName(p.targetPort, `spec.ports[${i}].targetPort`, causes);
      });
      break;
    }
  }
  return causes;
}

/**
 * A Pod's spec is fixed once created but for images and a few fields: the change the server refuses, as its
 * message words it, or undefined.
 */
export function forbiddenPodUpdate(before: JsonObject, after: JsonObject): string | undefined {
  const strip = (spec: Json | undefined): Json => {
    const copy = structuredClone(isObject(spec) ? spec : {});
    for (const list of ['containers', 'initContainers'] as const) for (const c of arr(copy[list])) delete c.image;
    delete copy.activeDeadlineSeconds;
    delete copy.tolerations;
    delete copy.terminationGracePeriodSeconds;
    delete copy.nodeName;
    return copy;
  };
  if (canonical(strip(before.spec)) === canonical(strip(after.spec))) return undefined;
  return 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
}
