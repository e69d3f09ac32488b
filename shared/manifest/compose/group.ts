// Which services become one Pod. `auto`: services that share a network namespace (network_mode service:/container:),
// IPC or PID, or a project volume that more than one of them writes, belong together; the rest get a Pod each.
// `one`: every service in one Pod (podman-compose's in_pod reading). `per-service`: a Pod each. A service others wait
// for with `service_completed_successfully` runs once to completion: it becomes an init container of their Pods.
import type { ProjectModel, ServiceModel } from './model';

export type PodsMode = 'auto' | 'one' | 'per-service';

export type TieKind = 'network' | 'ipc' | 'pid' | 'volume';

/** Why two services must share a Pod to keep what Compose gives them. */
export interface Tie {
  kind: TieKind;
  /** The service that asks (network_mode: service:db is asked by app) and the one it names. */
  from: string;
  to: string;
  /** The volume name, for a shared volume. */
  volume?: string;
}

export interface ServiceGroup {
  /** Regular containers, in start order (dependencies first, else file order). */
  services: string[];
  /** Init containers (run-to-completion services), dependencies first. */
  init: string[];
  /** The service the Pod is named after: the one others join, else the first. */
  root: string;
  /** Ties inside this group (what the grouping kept). */
  ties: Tie[];
}

export interface Grouping {
  groups: ServiceGroup[];
  /** Ties the grouping could not keep (the services landed in different Pods). */
  broken: Tie[];
  /** Services that run to completion before others (service_completed_successfully). */
  runOnce: string[];
}

/** Every tie between the project's services that a Pod can keep. */
export function ties(project: ProjectModel): Tie[] {
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const byContainer = new Map(project.services.filter((s) => s.containerName).map((s) => [s.containerName!, s]));
  const out: Tie[] = [];
  const target = (value: string | undefined): ServiceModel | undefined => {
    if (!value) return undefined;
    if (value.startsWith('service:')) return byName.get(value.slice(8));
    if (value.startsWith('container:')) return byContainer.get(value.slice(10));
    return undefined;
  };
  for (const s of project.services) {
    for (const [kind, value] of [
      ['network', s.networkMode],
      ['ipc', s.ipc],
      ['pid', s.pid],
    ] as const) {
      const t = target(value);
      if (t && t !== s) out.push({ kind, from: s.name, to: t.name });
    }
  }
  const writers = new Map<string, string[]>();
  for (const s of project.services) {
    for (const m of s.volumes) {
      if (m.type !== 'volume' || !m.source || m.readOnly) continue;
      if (project.volumes.get(m.source)?.external) continue;
      const list = writers.get(m.source) ?? [];
      if (!list.includes(s.name)) list.push(s.name);
      writers.set(m.source, list);
    }
  }
  for (const [volume, list] of writers) {
    for (let i = 1; i < list.length; i++) out.push({ kind: 'volume', from: list[i]!, to: list[0]!, volume });
  }
  return out;
}

/** Services some enabled service waits for with service_completed_successfully. */
export function runOnceServices(project: ProjectModel): string[] {
  const names = new Set(project.services.map((s) => s.name));
  const once = new Set<string>();
  for (const s of project.services) {
    for (const d of s.dependsOn)
      if (d.condition === 'service_completed_successfully' && names.has(d.service)) once.add(d.service);
  }
  return project.services.map((s) => s.name).filter((n) => once.has(n));
}

/**
 * Groups the project's services into Pods. `chosen` (the user's own grouping, by service name) wins over `mode`;
 * services it leaves out get a Pod each.
 */
export function groupServices(
  project: ProjectModel,
  mode: PodsMode,
  chosen?: readonly (readonly string[])[],
): Grouping {
  const runOnce = runOnceServices(project);
  const once = new Set(runOnce);
  const regular = project.services.filter((s) => !once.has(s.name));
  const all = ties(project).filter((t) => !once.has(t.from) && !once.has(t.to));
  const parent = new Map(regular.map((s) => [s.name, s.name]));
  const find = (n: string): string => {
    let root = n;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short on large projects.
    for (let cur = n; parent.get(cur) !== root;) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  if (chosen) {
    const known = new Set(regular.map((s) => s.name));
    for (const group of chosen) {
      const members = group.filter((n) => known.has(n));
      for (let i = 1; i < members.length; i++) union(members[0]!, members[i]!);
    }
  } else if (mode === 'one') {
    for (const s of regular.slice(1)) union(regular[0]!.name, s.name);
  } else if (mode === 'auto') {
    for (const t of all) union(t.from, t.to);
  }
  const members = new Map<string, string[]>();
  for (const s of regular) {
    const r = find(s.name);
    members.set(r, [...(members.get(r) ?? []), s.name]);
  }
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const groups: ServiceGroup[] = [...members.values()].map((names) => {
    const inside = new Set(names);
    const kept = all.filter((t) => inside.has(t.from) && inside.has(t.to));
    // The Pod is named after a service others join (a namespace donor) that joins nobody itself.
    const donors = kept.filter((t) => t.kind !== 'volume').map((t) => t.to);
    const joiners = new Set(kept.filter((t) => t.kind !== 'volume').map((t) => t.from));
    const root = names.find((n) => donors.includes(n) && !joiners.has(n)) ?? names[0]!;
    return { services: startOrder(names, byName, kept), init: initFor(names, byName, once), root, ties: kept };
  });
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.services.forEach((n) => groupOf.set(n, i)));
  const broken = all.filter((t) => groupOf.get(t.from) !== groupOf.get(t.to));
  return { groups, broken, runOnce };
}

/**
 * Dependencies first (depends_on inside the group, and a namespace's owner before those who join it, as Compose
 * starts them), file order otherwise: Kubernetes starts containers in list order.
 */
function startOrder(names: string[], byName: Map<string, ServiceModel>, ties: readonly Tie[]): string[] {
  const inside = new Set(names);
  const out: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (n: string): void => {
    if (placed.has(n) || visiting.has(n)) return;
    visiting.add(n);
    for (const d of byName.get(n)?.dependsOn ?? []) if (inside.has(d.service)) place(d.service);
    for (const t of ties) if (t.from === n && t.kind !== 'volume') place(t.to);
    visiting.delete(n);
    placed.add(n);
    out.push(n);
  };
  for (const n of names) place(n);
  return out;
}

/** The run-once services the group's services wait for, directly or through each other, dependencies first. */
function initFor(names: string[], byName: Map<string, ServiceModel>, once: Set<string>): string[] {
  const needed: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string): void => {
    for (const d of byName.get(n)?.dependsOn ?? []) {
      if (!once.has(d.service) || seen.has(d.service)) continue;
      seen.add(d.service);
      visit(d.service);
      needed.push(d.service);
    }
  };
  for (const n of names) visit(n);
  return needed;
}
