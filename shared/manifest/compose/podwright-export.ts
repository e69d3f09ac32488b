// Reading back a Compose file Podwright exported (compose-export.ts): its infra service stands for the Pod itself (it
// owns the network and IPC namespaces and publishes the Pod's ports), so it is folded away: the first container that
// joins it takes its place as the namespace owner, with its ports and hostname, and the Pod keeps its name.
import { Labels } from '../../model/labels';
import type { ProjectModel, ServiceModel } from './model';

export function isPodwrightInfra(s: ServiceModel): boolean {
  return s.labels[Labels.role] === 'infra';
}

/** The project without Podwright infra services; `folded` names each one taken out. */
export function foldInfra(project: ProjectModel): { project: ProjectModel; folded: string[] } {
  const folded: string[] = [];
  let services = project.services;
  for (const infra of project.services.filter(isPodwrightInfra)) {
    const ref = `service:${infra.name}`;
    const joiners = services.filter((s) => s !== infra && s.networkMode === ref);
    if (joiners.length === 0) continue;
    // The donor is the first app container (init containers run before it and leave).
    const donor = joiners.find((s) => s.labels[Labels.role] !== 'init') ?? joiners[0]!;
    const to = `service:${donor.name}`;
    const rewire = (s: ServiceModel): ServiceModel => {
      if (s === infra) return s;
      const next: ServiceModel = { ...s, dependsOn: s.dependsOn.filter((d) => d.service !== infra.name) };
      for (const field of ['networkMode', 'ipc', 'pid'] as const) {
        if (next[field] === ref) {
          if (s === donor) delete next[field];
          else next[field] = to;
        }
      }
      if (s === donor) {
        next.ports = [...infra.ports, ...s.ports];
        next.expose = [...infra.expose, ...s.expose];
        if (infra.hostname && !s.hostname) next.hostname = infra.hostname;
        if (infra.networkMode === 'host') next.networkMode = 'host';
        if (infra.pid === 'host') next.pid = 'host';
        if (infra.ipc === 'host') next.ipc = 'host';
        const podName = infra.labels[Labels.pod];
        if (podName) next.labels = { ...s.labels, [Labels.pod]: podName };
      }
      return next;
    };
    services = services.filter((s) => s !== infra).map(rewire);
    folded.push(infra.name);
  }
  return { project: { ...project, services }, folded };
}
