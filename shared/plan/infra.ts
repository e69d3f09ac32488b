// The infra container: it owns the Pod's network, IPC and UTS namespaces, publishes every hostPort and carries the
// Pod's DNS settings and sysctls, as the kubelet's sandbox does.
import { Labels } from '../model/labels';
import { labelsFor, report, type PlanContext } from './context';
import type { Pod } from './pod';
import { DEFAULT_INFRA_IMAGE, type ContainerCreateBody, type ContainerPlan } from './types';

export const INFRA_GRACE_SECONDS = 10;

/** The Pod's hostname as the kubelet makes it: spec.hostname or the name, at most 63 characters, no trailing - or . */
export function podHostname(pod: Pod): string {
  const raw = pod.spec?.hostname || pod.metadata?.name || '';
  return raw.slice(0, 63).replace(/[-.]+$/, '');
}

export function planInfra(ctx: PlanContext): ContainerPlan {
  const spec = ctx.pod.spec;
  const image = ctx.options.infraImage || DEFAULT_INFRA_IMAGE;
  const body: ContainerCreateBody = {
    Image: image,
    Labels: labelsFor(ctx, 'infra', {
      [Labels.container]: 'POD',
      [Labels.grace]: String(INFRA_GRACE_SECONDS),
      [Labels.restartPolicy]: spec?.restartPolicy ?? 'Always',
    }),
    StopTimeout: INFRA_GRACE_SECONDS,
    HostConfig: {
      NetworkMode: spec?.hostNetwork ? 'host' : ctx.networkName,
      IpcMode: spec?.hostIPC ? 'host' : 'shareable',
      RestartPolicy: { Name: 'no' },
    },
  };
  if (spec?.hostPID) body.HostConfig.PidMode = 'host';
  if (!spec?.hostNetwork) {
    body.Hostname = podHostname(ctx.pod);
    const aliases = [...new Set([ctx.name, body.Hostname].filter(Boolean))];
    body.NetworkingConfig = { EndpointsConfig: { [ctx.networkName!]: { Aliases: aliases } } };
  } else if (spec.hostname) {
    report(ctx, 'HOSTNAME_IGNORED', "With hostNetwork the Pod uses the host's hostname; spec.hostname is ignored.", 'spec.hostname', {});
  }
  planPorts(ctx, body);
  planDns(ctx, body);
  const sysctls = spec?.securityContext?.sysctls ?? [];
  if (sysctls.length > 0) body.HostConfig.Sysctls = Object.fromEntries(sysctls.map((s) => [s.name, String(s.value)]));
  return {
    role: 'infra',
    container: 'POD',
    name: ctx.names.infra,
    // The infra image is a setting, not part of the Pod: use it when present, pull it only when missing.
    pullPolicy: 'IfNotPresent',
    body,
    needsPodIP: false,
    requireNonRoot: false,
    graceSeconds: INFRA_GRACE_SECONDS,
  };
}

/**
 * hostPorts of every app container, published on the infra only (Docker refuses them on a joined container). The
 * rules refuse duplicates and bad protocols; a port the rules let through twice is still published once.
 */
function planPorts(ctx: PlanContext, body: ContainerCreateBody): void {
  const spec = ctx.pod.spec;
  if (spec?.hostNetwork) return;
  const taken = new Set<string>();
  for (const c of spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      const protocol = (p.protocol ?? 'TCP').toLowerCase();
      const hostIp = p.hostIP ?? '';
      const key = `${hostIp}:${p.hostPort}/${protocol}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const portKey = `${p.containerPort || p.hostPort}/${protocol}`;
      body.ExposedPorts ??= {};
      body.ExposedPorts[portKey] = {};
      body.HostConfig.PortBindings ??= {};
      (body.HostConfig.PortBindings[portKey] ??= []).push({ HostIp: hostIp, HostPort: String(p.hostPort) });
    }
  }
}

function planDns(ctx: PlanContext, body: ContainerCreateBody): void {
  const spec = ctx.pod.spec;
  const dns = spec?.dnsConfig;
  if (dns?.nameservers?.length) body.HostConfig.Dns = [...dns.nameservers];
  if (dns?.searches?.length) body.HostConfig.DnsSearch = [...dns.searches];
  if (dns?.options?.length)
    body.HostConfig.DnsOptions = dns.options.map((o) => (o.value === undefined ? o.name : `${o.name}:${o.value}`));
  const hosts = (spec?.hostAliases ?? []).flatMap((a) => (a.hostnames ?? []).map((h) => `${h}:${a.ip}`));
  if (hosts.length) body.HostConfig.ExtraHosts = hosts;
}
