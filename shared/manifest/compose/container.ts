// One service as one container: image, entrypoint → command and command → args, environment, ports and expose,
// resources, the healthcheck as probes, user and capabilities, hooks. Pod-wide fields (restart, namespaces, hostname,
// DNS, sysctls) are the Pod's business (pods.ts).
import type { Container, ContainerPort, Probe } from '../../model/pod';
import type { MapContext } from './context';
import type { HealthModel, ServiceModel } from './model';
import { dnsLabel, portName } from './names';
import { problem } from './report';
import { cpuQuantity, memoryQuantity, wholeSeconds } from './units';

/** Above this many variables, the environment goes into a ConfigMap read with envFrom. */
export const ENV_CONFIGMAP_THRESHOLD = 30;

/**
 * Kubernetes expands `$(VAR)` and turns `$$` into `$` in command, args and env values; Compose already resolved its
 * own variables, so every `$` that Kubernetes would read is doubled to stay literal.
 */
export function kubeLiteral(value: string): string {
  return value.replace(/\$(?=[$(])/g, '$$$$');
}

/** The image Compose gives a service it builds: `<project>-<service>` (Compose v2). */
export function builtImageName(project: string, service: string): string {
  return `${project}-${service}`.toLowerCase();
}

export function containerOf(s: ServiceModel, name: string, ctx: MapContext): Container {
  const c: Container = { name, image: image(s, ctx) };
  if (s.entrypoint) {
    if (s.entrypoint.length === 0) ctx.say('emptyCommand', { service: s.name, field: 'entrypoint' });
    else c.command = s.entrypoint.map(kubeLiteral);
  }
  if (s.command) {
    if (s.command.length === 0) ctx.say('emptyCommand', { service: s.name, field: 'command' });
    else c.args = s.command.map(kubeLiteral);
  }
  for (const d of s.droppedShell ?? []) ctx.say('shellOperator', { service: s.name, field: d.field, text: d.text });
  if (s.workingDir) c.workingDir = s.workingDir;
  environment(c, s, ctx);
  ports(c, s, ctx);
  resources(c, s);
  probes(c, s, ctx);
  security(c, s, ctx);
  if (s.tty) c.tty = true;
  if (s.stdinOpen) c.stdin = true;
  if (s.postStart || s.preStop) {
    c.lifecycle = {};
    if (s.postStart) c.lifecycle.postStart = { exec: { command: s.postStart } };
    if (s.preStop) c.lifecycle.preStop = { exec: { command: s.preStop } };
  }
  const pull = s.pullPolicy?.toLowerCase();
  if (pull === 'always') c.imagePullPolicy = 'Always';
  else if (pull === 'never') c.imagePullPolicy = 'Never';
  else if (pull === 'missing' || pull === 'if_not_present') c.imagePullPolicy = 'IfNotPresent';
  else if (pull) ctx.gather('fieldIgnored', { field: 'pull_policy' }, `${s.name} (${s.pullPolicy})`);
  if (s.stopSignal) ctx.gather('fieldIgnored', { field: 'stop_signal' }, `${s.name} (${s.stopSignal})`);
  return c;
}

function image(s: ServiceModel, ctx: MapContext): string {
  if (s.image) {
    if (s.build) ctx.say('buildIgnored', { service: s.name, image: s.image });
    return s.image;
  }
  const built = builtImageName(ctx.project.name, s.name);
  if (s.build) {
    ctx.problems.push(
      problem('COMPOSE_BUILD_ONLY', 'buildOnly', { service: s.name, image: built }, `services.${s.name}.build`),
    );
  }
  return built;
}

function environment(c: Container, s: ServiceModel, ctx: MapContext): void {
  if (s.environment.length === 0) return;
  if (s.environment.length > ENV_CONFIGMAP_THRESHOLD) {
    const name = dnsLabel(`${ctx.project.name}-${s.name}-env`);
    ctx.add({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name },
      data: Object.fromEntries(s.environment),
    });
    c.envFrom = [{ configMapRef: { name } }];
    ctx.say('envConfigMap', { service: s.name, count: s.environment.length, name });
    return;
  }
  c.env = s.environment.map(([k, v]) => ({ name: k, value: kubeLiteral(v) }));
}

function ports(c: Container, s: ServiceModel, ctx: MapContext): void {
  const out: ContainerPort[] = [];
  const same = (a: ContainerPort, b: ContainerPort): boolean =>
    a.containerPort === b.containerPort &&
    a.protocol === b.protocol &&
    a.hostPort === b.hostPort &&
    (a.hostIP ?? '') === (b.hostIP ?? '');
  const random: string[] = [];
  for (const p of s.ports) {
    const port: ContainerPort = { containerPort: p.target, protocol: p.protocol.toUpperCase() };
    if (p.published !== undefined) {
      const [first, last] = p.published.split('-');
      port.hostPort = Number(first);
      if (last !== undefined && last !== first)
        ctx.say('portHostRange', { service: s.name, range: p.published, port: Number(first) });
    } else random.push(`${p.target}/${p.protocol}`);
    // 0.0.0.0 is what Docker binds when no address is given; the Pod says nothing in that case either.
    if (p.hostIp && p.hostIp !== '0.0.0.0') port.hostIP = p.hostIp;
    if (p.name) {
      const n = portName(p.name);
      if (n) port.name = n;
    }
    if (!out.some((o) => same(o, port))) out.push(port);
  }
  if (random.length > 0) ctx.say('portRandomHost', { service: s.name, ports: random.join(', ') });
  for (const e of s.expose) {
    const protocol = e.protocol.toUpperCase();
    if (!out.some((o) => o.containerPort === e.port && o.protocol === protocol))
      out.push({ containerPort: e.port, protocol });
  }
  if (out.length > 0) c.ports = out;
}

function resources(c: Container, s: ServiceModel): void {
  const limits: Record<string, string> = {};
  const requests: Record<string, string> = {};
  if (s.limits.cpus !== undefined && s.limits.cpus > 0) limits.cpu = cpuQuantity(s.limits.cpus)!;
  if (s.limits.memoryBytes !== undefined && s.limits.memoryBytes > 0)
    limits.memory = memoryQuantity(s.limits.memoryBytes);
  if (s.reservations.cpus !== undefined && s.reservations.cpus > 0) requests.cpu = cpuQuantity(s.reservations.cpus)!;
  if (s.reservations.memoryBytes !== undefined && s.reservations.memoryBytes > 0) {
    requests.memory = memoryQuantity(s.reservations.memoryBytes);
  }
  if (Object.keys(limits).length + Object.keys(requests).length === 0) return;
  c.resources = {};
  if (Object.keys(limits).length > 0) c.resources.limits = limits;
  if (Object.keys(requests).length > 0) c.resources.requests = requests;
}

/** Docker's healthcheck defaults (an unset field means these, not Kubernetes' own). */
const DOCKER_INTERVAL = 30;
const DOCKER_TIMEOUT = 30;
const DOCKER_RETRIES = 3;
const DOCKER_START_INTERVAL = 5;

/** The healthcheck as the probe Kubernetes would run: the same command, period, timeout and retries. */
export function probeOf(h: HealthModel): { readiness?: Probe; startup?: Probe } {
  if (h.disabled || !h.test) return {};
  const exec = h.test.kind === 'exec' ? { command: h.test.command } : { command: ['/bin/sh', '-c', h.test.command] };
  const period = Math.max(1, wholeSeconds(h.intervalSeconds || DOCKER_INTERVAL));
  const timeout = Math.max(1, wholeSeconds(h.timeoutSeconds || DOCKER_TIMEOUT));
  const retries = Math.max(1, h.retries ?? DOCKER_RETRIES);
  const readiness: Probe = { exec, periodSeconds: period, timeoutSeconds: timeout, failureThreshold: retries };
  if (!h.startPeriodSeconds) return { readiness };
  // Docker does not count failures during start_period but checks every start_interval; a startup probe that may
  // fail for that long (plus the usual retries) keeps the container from being marked failed too early.
  const startPeriod = Math.max(1, wholeSeconds(h.startIntervalSeconds || DOCKER_START_INTERVAL));
  const startup: Probe = {
    exec,
    periodSeconds: startPeriod,
    timeoutSeconds: timeout,
    failureThreshold: Math.ceil(h.startPeriodSeconds / startPeriod) + retries,
  };
  return { readiness, startup };
}

function probes(c: Container, s: ServiceModel, ctx: MapContext): void {
  const h = s.healthcheck;
  if (!h) return;
  if (h.disabled) {
    ctx.say('healthcheckDisabled', { service: s.name });
    return;
  }
  const { readiness, startup } = probeOf(h);
  if (readiness) c.readinessProbe = readiness;
  if (startup) c.startupProbe = startup;
  if (readiness) ctx.gather('healthcheckProbe', {}, s.name);
}

function security(c: Container, s: ServiceModel, ctx: MapContext): void {
  const sc: NonNullable<Container['securityContext']> = {};
  if (s.user) {
    const m = /^(\d+)(?::(\d+))?$/.exec(s.user);
    if (m) {
      sc.runAsUser = Number(m[1]);
      if (m[2] !== undefined) sc.runAsGroup = Number(m[2]);
    } else ctx.say('userName', { service: s.name, user: s.user });
  }
  const caps = (list: string[]): string[] => list.map((cap) => cap.toUpperCase().replace(/^CAP_/, ''));
  if (s.capAdd.length > 0 || s.capDrop.length > 0) {
    sc.capabilities = {};
    if (s.capAdd.length > 0) sc.capabilities.add = caps(s.capAdd);
    if (s.capDrop.length > 0) sc.capabilities.drop = caps(s.capDrop);
  }
  if (s.privileged) sc.privileged = true;
  if (s.readOnly) sc.readOnlyRootFilesystem = true;
  if (Object.keys(sc).length > 0) c.securityContext = sc;
}
