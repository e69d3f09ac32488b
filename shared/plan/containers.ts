// One init or app container as a Docker create body: it joins the infra's namespaces, and gets its command, the
// environment in Kubernetes order, its mounts, resources and security settings the way the kubelet would set them.
import { Labels } from '../model/labels';
import { memoryBytes, milliCpu } from '../model/quantity';
import { labelsFor, report, type PlanContext } from './context';
import { expand } from './expand';
import { resourceField, staticFieldRef } from './field-refs';
import type { Container, EnvVar, VolumeMount } from './pod';
import { decodeBase64Text, secretEntries } from './volumes';
import { API_SUBPATH_ON_VOLUMES, compareApiVersions } from './engine-api';
import {
  HOST_IP_PLACEHOLDER,
  POD_IP_PLACEHOLDER,
  type ContainerCreateBody,
  type ContainerPlan,
  type DockerMount,
  type Plan,
  type PullPolicy,
} from './types';

export const DEFAULT_GRACE_SECONDS = 30;
const CPU_PERIOD = 100_000;
/** Docker refuses a memory limit under 6 MiB. */
const DOCKER_MIN_MEMORY = 6 * 1024 * 1024;

export function planContainer(
  ctx: PlanContext,
  c: Container,
  index: number,
  kind: 'init' | 'app',
  podRestart: Plan['restartPolicy'],
): ContainerPlan {
  const spec = ctx.pod.spec!;
  const path = `spec.${kind === 'init' ? 'initContainers' : 'containers'}[${index}]`;
  const sidecar = kind === 'init' && c.restartPolicy === 'Always';
  const role: ContainerPlan['role'] = sidecar ? 'sidecar' : kind;
  // Defaulting gave every container its pull policy (Always for :latest or no tag); the rules refuse any other value.
  const pullPolicy = (c.imagePullPolicy as PullPolicy | undefined) ?? 'IfNotPresent';
  const { env, needsPodIP } = planEnv(ctx, c, path);
  const lookup = envLookup(env);
  const grace = spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const body: ContainerCreateBody = {
    Image: c.image ?? '',
    // The Pod's own labels ride along for `docker ps --filter`, but never override Podwright's.
    Labels: {
      ...withoutOwnLabels(ctx.pod.metadata?.labels),
      ...labelsFor(ctx, role, { [Labels.container]: c.name, [Labels.index]: String(index), [Labels.grace]: String(grace) }),
    },
    StopTimeout: grace,
    HostConfig: {},
  };
  // Kubernetes semantics fall out of moby's merge(): an Entrypoint given clears the image's Cmd. A null item decodes
  // as "" on the API server (Go's zero string), so it is an empty argument here too.
  if (c.command) body.Entrypoint = c.command.map((s) => expand(s ?? '', lookup));
  if (c.args) body.Cmd = c.args.map((s) => expand(s ?? '', lookup));
  if (c.command && !c.args) body.Cmd = [];
  if (env.length) body.Env = env.map(([k, v]) => `${k}=${v}`);
  if (c.workingDir) body.WorkingDir = c.workingDir;
  if (c.tty) body.Tty = true;
  if (c.stdin) body.OpenStdin = true;
  if (c.lifecycle?.stopSignal) body.StopSignal = c.lifecycle.stopSignal;

  const hc = body.HostConfig;
  const infra = `container:${ctx.names.infra}`;
  hc.NetworkMode = spec.hostNetwork ? 'host' : infra;
  hc.IpcMode = spec.hostIPC ? 'host' : infra;
  if (spec.hostPID) hc.PidMode = 'host';
  else if (spec.shareProcessNamespace) hc.PidMode = infra;
  // Podman does not copy the network donor's hostname the way Docker does; join its UTS namespace instead.
  if (ctx.engine.name === 'Podman' && !spec.hostNetwork) hc.UTSMode = infra;
  hc.RestartPolicy =
    kind === 'init' && !sidecar
      ? { Name: 'no' }
      : sidecar || podRestart === 'Always'
        ? { Name: 'always' }
        : podRestart === 'OnFailure'
          ? { Name: 'on-failure' }
          : { Name: 'no' };
  const mounts = planMounts(ctx, c, path, lookup);
  if (mounts.length) hc.Mounts = mounts;
  planResources(ctx, c, index, kind, path, hc);
  const requireNonRoot = planSecurity(ctx, c, path, body);

  const exprs = [...(body.Env ?? []), ...(body.Entrypoint ?? []), ...(body.Cmd ?? [])];
  return {
    role,
    container: c.name,
    name: ctx.names.container(c.name),
    pullPolicy,
    body,
    needsPodIP: needsPodIP || exprs.some((s) => s.includes(POD_IP_PLACEHOLDER) || s.includes(HOST_IP_PLACEHOLDER)),
    requireNonRoot,
    graceSeconds: grace,
  };
}

/** The container's environment in Kubernetes order: envFrom, then env, each value expanded against what came before. */
function planEnv(ctx: PlanContext, c: Container, path: string): { env: [string, string][]; needsPodIP: boolean } {
  const env = new Map<string, string>();
  let needsPodIP = false;
  (c.envFrom ?? []).forEach((source, i) => {
    const ref = source.configMapRef ?? source.secretRef;
    if (!ref) return;
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    const values = kind === 'ConfigMap' ? configMapValues(ctx, ref.name) : secretValues(ctx, ref.name);
    if (!values) {
      if (!ref.optional)
        report(
          ctx,
          kind === 'ConfigMap' ? 'CONFIGMAP_NOT_FOUND' : 'SECRET_NOT_FOUND',
          `Container "${c.name}" reads env from ${kind} "${ref.name}", which is not in the document.`,
          `${path}.envFrom[${i}]`,
          { container: c.name, name: String(ref.name) },
          'env',
        );
      return;
    }
    for (const [k, v] of values) env.set((source.prefix ?? '') + k, v);
  });
  (c.env ?? []).forEach((e: EnvVar, i) => {
    let value = envValue(ctx, c, e, `${path}.env[${i}]`);
    if (value === undefined) return;
    // Only literal values expand, against what is defined so far (kubelet makeEnvironmentVariables).
    if (e.valueFrom === undefined) value = expand(value, (n) => env.get(n));
    if (value.includes(POD_IP_PLACEHOLDER) || value.includes(HOST_IP_PLACEHOLDER)) needsPodIP = true;
    env.set(e.name, value);
  });
  return { env: [...env], needsPodIP };
}

/** A design ConfigMap's data as env values, or undefined when the design does not hold it. */
function configMapValues(ctx: PlanContext, name: string | undefined): [string, string][] | undefined {
  const cm = ctx.companions.configMaps?.find((x) => x.metadata?.name === name);
  return cm && Object.entries(cm.data ?? {}).map(([k, v]) => [k, String(v)]);
}

/** A design Secret's entries decoded as env values, or undefined when the design does not hold it. */
function secretValues(ctx: PlanContext, name: string | undefined): [string, string][] | undefined {
  const secret = ctx.companions.secrets?.find((x) => x.metadata?.name === name);
  return secret && [...secretEntries(secret, () => {})].map(([k, v]) => [k, v.encoding === 'base64' ? decodeBase64Text(v.content) : v.content]);
}

function envValue(ctx: PlanContext, c: Container, e: EnvVar, path: string): string | undefined {
  if (e.valueFrom === undefined) return e.value ?? '';
  const from = e.valueFrom;
  if (from.fieldRef) {
    const v = staticFieldRef(ctx, from.fieldRef.fieldPath);
    if (v === undefined)
      report(ctx, 'ENV_FIELD_UNSUPPORTED', `env "${e.name}": fieldRef "${from.fieldRef.fieldPath}" is not supported.`, `${path}.valueFrom.fieldRef.fieldPath`, {
        env: e.name,
        field: from.fieldRef.fieldPath,
      });
    return v;
  }
  if (from.resourceFieldRef) return resourceField(ctx, from.resourceFieldRef, c, `${path}.valueFrom.resourceFieldRef`);
  if (from.configMapKeyRef) {
    const ref = from.configMapKeyRef;
    const v = ctx.companions.configMaps?.find((x) => x.metadata?.name === ref.name)?.data?.[ref.key];
    if (v === undefined && !ref.optional)
      report(
        ctx,
        'CONFIGMAP_KEY_NOT_FOUND',
        `env "${e.name}" reads key "${ref.key}" of ConfigMap "${ref.name}", which is not in the document.`,
        `${path}.valueFrom.configMapKeyRef`,
        { env: e.name, key: ref.key, name: String(ref.name) },
      );
    return v;
  }
  if (from.secretKeyRef) {
    const ref = from.secretKeyRef;
    const secret = ctx.companions.secrets?.find((x) => x.metadata?.name === ref.name);
    const entry = secret ? secretEntries(secret, () => {}).get(ref.key) : undefined;
    if (entry === undefined) {
      if (!ref.optional)
        report(
          ctx,
          'SECRET_KEY_NOT_FOUND',
          `env "${e.name}" reads key "${ref.key}" of Secret "${ref.name}", which is not in the document.`,
          `${path}.valueFrom.secretKeyRef`,
          { env: e.name, key: ref.key, name: String(ref.name) },
        );
      return undefined;
    }
    return entry.encoding === 'base64' ? decodeBase64Text(entry.content) : entry.content;
  }
  return e.value ?? '';
}

const propagations: Record<string, string> = { None: 'rprivate', HostToContainer: 'rslave', Bidirectional: 'rshared' };

/** Whether a subPath stays inside its volume: relative, and no step climbs out. */
function insideVolume(subPath: string): boolean {
  return !subPath.startsWith('/') && !subPath.split('/').includes('..');
}

function planMounts(ctx: PlanContext, c: Container, path: string, lookup: (name: string) => string | undefined): DockerMount[] {
  const mounts: DockerMount[] = [];
  (c.volumeMounts ?? []).forEach((m: VolumeMount, i) => {
    const at = `${path}.volumeMounts[${i}]`;
    // A mount of an undeclared volume is refused by the rules.
    const v = ctx.volumes.get(m.name);
    if (!v) return;
    if (!m.mountPath?.startsWith('/')) {
      report(ctx, 'MOUNT_NOT_ABSOLUTE', `mountPath must be absolute, not "${m.mountPath}".`, `${at}.mountPath`, { value: m.mountPath });
      return;
    }
    let subPath = m.subPath;
    if (m.subPathExpr !== undefined) {
      // Only known when the container starts, so no rule can check it; the kubelet refuses a result that escapes.
      subPath = expand(m.subPathExpr, lookup);
      if (subPath && !insideVolume(subPath)) {
        report(ctx, 'MOUNT_BAD_SUBPATH', `subPathExpr gives "${subPath}", which must be relative and must not contain "..".`, `${at}.subPathExpr`, {
          value: subPath,
        });
        return;
      }
    }
    // A written subPath that escapes is refused by the rules; it is never mounted, whatever let it by.
    if (subPath && !insideVolume(subPath)) return;
    if (v.hostPath) {
      const mount: DockerMount = {
        Type: 'bind',
        Source: subPath ? `${v.hostPath.path.replace(/\/+$/, '')}/${subPath}` : v.hostPath.path,
        Target: m.mountPath,
        ReadOnly: Boolean(m.readOnly),
      };
      const propagation = propagations[m.mountPropagation ?? 'None'];
      if (propagation && propagation !== 'rprivate') mount.BindOptions = { Propagation: propagation };
      mounts.push(mount);
      return;
    }
    const vp = ctx.volumePlans.get(m.name);
    if (!vp) return;
    const readOnly = Boolean(m.readOnly) || vp.kind === 'configMap' || vp.kind === 'secret' || vp.kind === 'downwardAPI';
    const mount: DockerMount = { Type: 'volume', Source: vp.body.Name, Target: m.mountPath, ReadOnly: readOnly };
    mount.VolumeOptions = vp.persistent ? {} : { NoCopy: true };
    if (subPath) {
      if (compareApiVersions(ctx.engine.apiVersion, API_SUBPATH_ON_VOLUMES) < 0) {
        report(
          ctx,
          'ENGINE_NO_SUBPATH',
          `Container "${c.name}" mounts subPath "${subPath}" of volume "${m.name}". Docker can mount part of a volume only from Engine API ${API_SUBPATH_ON_VOLUMES} (Docker 26); this ${ctx.engine.name} speaks ${ctx.engine.apiVersion}. Update the engine, or mount the whole volume.`,
          `${at}.subPath`,
          {
            container: c.name,
            subPath,
            volume: m.name,
            minimum: API_SUBPATH_ON_VOLUMES,
            engine: ctx.engine.name,
            apiVersion: ctx.engine.apiVersion,
          },
        );
        return;
      }
      mount.VolumeOptions.Subpath = subPath;
    }
    if (Object.keys(mount.VolumeOptions).length === 0) delete mount.VolumeOptions;
    mounts.push(mount);
  });
  return mounts;
}

/**
 * Limits become cgroup limits; requests become shares and a memory reservation. Requests are read as written: a
 * request that defaulting copied from the limit would reserve memory Docker was never asked to reserve.
 */
function planResources(
  ctx: PlanContext,
  c: Container,
  index: number,
  kind: 'init' | 'app',
  path: string,
  hc: ContainerCreateBody['HostConfig'],
): void {
  const written = (kind === 'init' ? ctx.source.spec?.initContainers : ctx.source.spec?.containers)?.[index];
  const limits = c.resources?.limits ?? {};
  const requests = written?.resources?.requests ?? {};
  const memLimit = memoryBytes(limits.memory);
  const memRequest = memoryBytes(requests.memory);
  const cpuLimit = milliCpu(limits.cpu);
  const cpuRequest = milliCpu(requests.cpu);
  if (memLimit !== undefined) {
    if (memLimit < DOCKER_MIN_MEMORY) {
      report(ctx, 'RESOURCE_MEMORY_TOO_SMALL', `Docker needs a memory limit of at least 6Mi; "${c.name}" asks for ${limits.memory}.`, `${path}.resources.limits.memory`, {
        name: c.name,
        value: String(limits.memory),
      });
    }
    hc.Memory = memLimit;
    hc.MemorySwap = memLimit; // no swap, as the kubelet does
  }
  if (memRequest !== undefined) hc.MemoryReservation = memRequest;
  if (cpuLimit !== undefined) {
    hc.CpuPeriod = CPU_PERIOD;
    hc.CpuQuota = Math.max(1000, Math.floor((cpuLimit * CPU_PERIOD) / 1000));
  }
  const shares = cpuRequest ?? cpuLimit;
  if (shares !== undefined) hc.CpuShares = Math.max(2, Math.floor((shares * 1024) / 1000));
}

/** Returns whether the runtime must check that the image does not run as root. */
function planSecurity(ctx: PlanContext, c: Container, path: string, body: ContainerCreateBody): boolean {
  const pod = ctx.pod.spec?.securityContext ?? {};
  const sc = c.securityContext ?? {};
  const hc = body.HostConfig;
  const user = sc.runAsUser ?? pod.runAsUser;
  const group = sc.runAsGroup ?? pod.runAsGroup;
  if (user !== undefined) body.User = group !== undefined ? `${user}:${group}` : String(user);
  else if (group !== undefined) {
    report(
      ctx,
      'RUN_AS_GROUP_WITHOUT_USER',
      `runAsGroup without runAsUser: Docker cannot set only the group, so "${c.name}" keeps its image's user and group.`,
      `${path}.securityContext.runAsGroup`,
      { name: c.name },
    );
  }
  if (pod.supplementalGroups?.length) hc.GroupAdd = pod.supplementalGroups.map(String);
  const nonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
  if (nonRoot && user === 0) {
    report(ctx, 'RUN_AS_NON_ROOT', `"${c.name}" must not run as root (runAsNonRoot) but runAsUser is 0.`, `${path}.securityContext.runAsUser`, {
      name: c.name,
    });
  }
  if (sc.privileged) hc.Privileged = true;
  if (sc.capabilities?.add?.length) hc.CapAdd = [...sc.capabilities.add];
  if (sc.capabilities?.drop?.length) hc.CapDrop = [...sc.capabilities.drop];
  if (sc.readOnlyRootFilesystem) hc.ReadonlyRootfs = true;
  if (sc.allowPrivilegeEscalation === false) hc.SecurityOpt = ['no-new-privileges'];
  if (sc.procMount === 'Unmasked') {
    hc.MaskedPaths = [];
    hc.ReadonlyPaths = [];
  }
  return Boolean(nonRoot) && user === undefined;
}

function withoutOwnLabels(labels: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(labels ?? {}).filter(([k]) => !k.startsWith('dev.podwright.')));
}

function envLookup(env: [string, string][]): (name: string) => string | undefined {
  const map = new Map(env);
  return (name) => map.get(name);
}
