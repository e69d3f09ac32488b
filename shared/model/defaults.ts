// Kubernetes v1 defaulting that changes a verdict, applied as the API server does before it validates: JSON nulls
// read as absent, then SetDefaults_* (pkg/apis/core/v1/defaults.go).
import type { Container, ContainerPort, EnvVar, LifecycleHandler, Pod, Probe, Quantity, Volume } from './pod';
import { allVolumeSources } from './pod';

/** Only plain objects are defaulted; arrays and scalars in the wrong place are left for the rules to report. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A shallow copy to add defaults to. Object.assign, not spread: V8 makes objects built by spread slow to extend
 * (measured 10× slower per container), and this runs on every keystroke for every container.
 */
function copy<T extends object>(value: T): T {
  return Object.assign({}, value);
}

// Maps whose values are strings or quantities: there a null is the zero value ("" or 0), not an absent entry.
const mapFields = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'overhead', 'matchLabels']);

/**
 * The value with every `field: null` of an object removed, as Go's JSON decoder leaves a null field at its zero
 * value (so `imagePullPolicy:` with nothing after it is unset, not invalid). Unchanged parts are shared.
 */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const clean = withoutNulls(item);
      if (clean !== item) (out ??= value.slice())[i] = clean;
    }
    return (out ?? value) as T;
  }
  if (!isObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    const item = value[key];
    if (item === null) {
      out ??= copy(value);
      delete out[key];
    } else if (typeof item === 'object' && !mapFields.has(key)) {
      const clean = withoutNulls(item);
      if (clean !== item) (out ??= copy(value))[key] = clean;
    }
  }
  return (out ?? value) as T;
}

/** Go reads an empty string and a missing field alike: both are the zero value that defaulting fills. */
function unset(value: unknown): boolean {
  return value === undefined || value === '';
}

/** Tag of an image reference, or undefined when it has none (a digest counts as none). */
function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > lastSlash ? image.slice(colon + 1) : undefined;
}

function defaultHandler<T extends LifecycleHandler | Probe>(handler: T): T {
  if (!handler || typeof handler !== 'object' || !handler.httpGet || typeof handler.httpGet !== 'object')
    return handler;
  if (!unset(handler.httpGet.path) && !unset(handler.httpGet.scheme)) return handler;
  const out = copy(handler);
  const httpGet = copy(handler.httpGet);
  if (unset(httpGet.path)) httpGet.path = '/';
  if (unset(httpGet.scheme)) httpGet.scheme = 'HTTP';
  out.httpGet = httpGet;
  return out;
}

// Zero means "unset" for the probe timings in v1 (ints, not pointers), so the defaults replace 0 too.
function withDefault(v: number | undefined, d: number): number {
  return v === undefined || v === 0 ? d : v;
}

function defaultPort(port: ContainerPort, hostNetwork: boolean): ContainerPort {
  if (!isObject(port)) return port;
  const needsProtocol = unset(port.protocol);
  const needsHostPort = hostNetwork && (port.hostPort === undefined || port.hostPort === 0);
  // Unchanged objects are shared with the input: fewer copies, less garbage on every keystroke.
  if (!needsProtocol && !needsHostPort) return port;
  const p = copy(port);
  if (unset(p.protocol)) p.protocol = 'TCP';
  // defaultHostNetworkPorts: with hostNetwork the container port *is* a host port.
  if (hostNetwork && (p.hostPort === undefined || p.hostPort === 0)) p.hostPort = p.containerPort;
  return p;
}

function defaultProbe(probe: Probe | undefined): Probe | undefined {
  if (!isObject(probe)) return probe;
  if (probe.timeoutSeconds && probe.periodSeconds && probe.successThreshold && probe.failureThreshold)
    return defaultHandler(probe);
  const out = copy(probe);
  out.timeoutSeconds = withDefault(probe.timeoutSeconds, 1);
  out.periodSeconds = withDefault(probe.periodSeconds, 10);
  out.successThreshold = withDefault(probe.successThreshold, 1);
  out.failureThreshold = withDefault(probe.failureThreshold, 3);
  return defaultHandler(out);
}

function coveredByRequests(limits: Record<string, unknown>, requests: unknown): boolean {
  if (!isObject(requests)) return Object.keys(limits).length === 0;
  for (const key in limits) if (!Object.hasOwn(requests, key)) return false;
  return true;
}

function defaultContainer(container: Container, hostNetwork: boolean): Container {
  if (!isObject(container)) return container;
  const out: Container = copy(container);
  if (unset(out.imagePullPolicy)) {
    // ParseImageName reads a missing or unparsable image as untagged, so it is ":latest" too.
    const image = typeof out.image === 'string' ? out.image : '';
    // A digest pins the image, so it is never re-pulled; no tag means ":latest".
    const tag = imageTag(image);
    const floating = !image.includes('@') && (tag === undefined || tag === 'latest');
    out.imagePullPolicy = floating ? 'Always' : 'IfNotPresent';
  }
  if (unset(out.terminationMessagePolicy)) out.terminationMessagePolicy = 'File';
  if (unset(out.terminationMessagePath)) out.terminationMessagePath = '/dev/termination-log';
  if (Array.isArray(out.ports)) {
    let ports: ContainerPort[] | undefined;
    for (let i = 0; i < out.ports.length; i++) {
      const port = out.ports[i]!;
      const defaulted = defaultPort(port, hostNetwork);
      if (defaulted !== port) (ports ??= out.ports.slice())[i] = defaulted;
    }
    if (ports) out.ports = ports;
  }
  const res = out.resources;
  if (isObject(res) && isObject(res.limits) && !coveredByRequests(res.limits, res.requests)) {
    // SetDefaults_Pod: a limit without a request implies a request of the same size.
    const requests: Record<string, Quantity> = isObject(res.requests) ? copy(res.requests) : {};
    for (const [key, value] of Object.entries(res.limits)) if (!Object.hasOwn(requests, key)) requests[key] = value;
    const resources = copy(res);
    resources.requests = requests;
    out.resources = resources;
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (out[key] !== undefined) out[key] = defaultProbe(out[key]);
  }
  if (isObject(out.lifecycle) && (isObject(out.lifecycle.postStart) || isObject(out.lifecycle.preStop))) {
    const lc = copy(out.lifecycle);
    if (lc.postStart) lc.postStart = defaultHandler(lc.postStart);
    if (lc.preStop) lc.preStop = defaultHandler(lc.preStop);
    out.lifecycle = lc;
  }
  if (Array.isArray(out.env)) {
    let env: EnvVar[] | undefined;
    for (let i = 0; i < out.env.length; i++) {
      const e = out.env[i];
      if (!isObject(e) || !isObject(e.valueFrom) || !isObject(e.valueFrom.fieldRef)) continue;
      if (!unset(e.valueFrom.fieldRef.apiVersion)) continue;
      const fieldRef = copy(e.valueFrom.fieldRef);
      fieldRef.apiVersion = 'v1';
      const valueFrom = copy(e.valueFrom);
      valueFrom.fieldRef = fieldRef;
      const entry = copy(e);
      entry.valueFrom = valueFrom;
      (env ??= out.env.slice())[i] = entry;
    }
    if (env) out.env = env;
  }
  return out;
}

/** Downward API files whose fieldRef has no apiVersion get v1 (SetDefaults_ObjectFieldSelector). */
function defaultDownwardItems(items: unknown): unknown {
  if (!Array.isArray(items)) return items;
  let out: unknown[] | undefined;
  items.forEach((item: unknown, i) => {
    if (!isObject(item) || !isObject(item.fieldRef) || !unset(item.fieldRef.apiVersion)) return;
    (out ??= items.slice())[i] = { ...item, fieldRef: { ...item.fieldRef, apiVersion: 'v1' } };
  });
  return out ?? items;
}

function defaultVolume(volume: Volume): Volume {
  if (!isObject(volume)) return volume;
  const record = volume as Record<string, unknown>;
  const hasSource = allVolumeSources.some((s) => record[s] != null);
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (!hasSource) return { ...volume, emptyDir: {} };
  const downward = record.downwardAPI;
  if (isObject(downward) && defaultDownwardItems(downward.items) !== downward.items)
    return { ...record, downwardAPI: { ...downward, items: defaultDownwardItems(downward.items) } } as Volume;
  const projected = record.projected;
  if (isObject(projected) && Array.isArray(projected.sources)) {
    const sources: unknown[] = projected.sources.map((source: unknown) => {
      if (!isObject(source) || !isObject(source.downwardAPI)) return source;
      const items = defaultDownwardItems(source.downwardAPI.items);
      return items === source.downwardAPI.items ? source : { ...source, downwardAPI: { ...source.downwardAPI, items } };
    });
    if (sources.some((source, i) => source !== (projected.sources as unknown[])[i]))
      return { ...record, projected: { ...projected, sources } } as Volume;
  }
  return volume;
}

function defaultContainers(containers: Container[], hostNetwork: boolean): Container[] {
  const out: Container[] = [];
  // A null in a list of containers decodes to a zero-valued container (no name, no image), which is then defaulted.
  for (const c of containers) out.push(defaultContainer(c === null ? ({} as Container) : c, hostNetwork));
  return out;
}

/**
 * The Pod as the API server sees it after v1 defaulting. Pure: the input is never changed, and fields the
 * model does not know are carried over. Malformed parts are left as they are for the rules to report.
 */
export function withDefaults(input: Pod): Pod {
  const pod = withoutNulls(input);
  if (!isObject(pod) || !isObject(pod.spec)) return pod;
  const spec = copy(pod.spec);
  const hostNetwork = spec.hostNetwork === true;
  if (unset(spec.restartPolicy)) spec.restartPolicy = 'Always';
  if (unset(spec.dnsPolicy)) spec.dnsPolicy = 'ClusterFirst';
  if (spec.terminationGracePeriodSeconds === undefined) spec.terminationGracePeriodSeconds = 30;
  // Conversion to the internal type reads the deprecated serviceAccount when serviceAccountName is empty.
  if (unset(spec.serviceAccountName) && typeof spec.serviceAccount === 'string')
    spec.serviceAccountName = spec.serviceAccount;
  if (Array.isArray(spec.containers)) spec.containers = defaultContainers(spec.containers, hostNetwork);
  if (Array.isArray(spec.initContainers)) spec.initContainers = defaultContainers(spec.initContainers, hostNetwork);
  if (Array.isArray(spec.volumes))
    spec.volumes = spec.volumes.map((v) => defaultVolume(v === null ? ({} as typeof v) : v));
  const out = copy(pod);
  out.spec = spec;
  return out;
}
