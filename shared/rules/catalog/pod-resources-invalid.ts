// POD_RESOURCES_INVALID: Pod-level resources (PodLevelResources, beta and on in 1.34): cpu, memory and hugepages
// only, requests within limits, and room for what the containers ask (validatePodResources after defaultPodRequests).
import { msg } from '../message';
import { isRecord, type ContainerEntry } from '../context';
import { qualifiedNameProblem } from '../syntax';
import type { Report, Rule } from '../types';
import { amountProblems, containerQuantity } from './resources';

type Amounts = Map<string, bigint>;

const supported = (name: string) => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

function amounts(list: unknown): Amounts {
  const out: Amounts = new Map();
  if (!isRecord(list)) return out;
  for (const [name, raw] of Object.entries(list)) {
    const value = containerQuantity(raw ?? 0);
    if (value !== undefined) out.set(name, value);
  }
  return out;
}

const add = (into: Amounts, from: Amounts) => {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0n) + v);
};
const maxInto = (into: Amounts, from: Amounts) => {
  for (const [k, v] of from) if (!into.has(k) || v > into.get(k)!) into.set(k, v);
};

/**
 * AggregateContainerRequests / AggregateContainerLimits: the app containers and sidecars add up; each plain init
 * container runs alone beside the sidecars started before it, and the Pod needs the larger of the two.
 */
function aggregate(containers: ContainerEntry[], list: 'requests' | 'limits'): Amounts {
  const total: Amounts = new Map();
  const sidecars: Amounts = new Map();
  const init: Amounts = new Map();
  const of = (c: ContainerEntry) => amounts(isRecord(c.container.resources) ? c.container.resources[list] : undefined);
  for (const c of containers) if (c.list === 'containers') add(total, of(c));
  for (const c of containers) {
    if (c.list !== 'initContainers') continue;
    if (c.sidecar) {
      add(total, of(c));
      add(sidecars, of(c));
      maxInto(init, sidecars);
    } else {
      const running: Amounts = new Map();
      add(running, of(c));
      add(running, sidecars);
      maxInto(init, running);
    }
  }
  maxInto(total, init);
  return total;
}

function nameProblem(name: string): string | undefined {
  return qualifiedNameProblem(name) ?? (supported(name) ? undefined : 'unsupported');
}

function checkList(report: Report, path: string, list: Record<string, unknown>): void {
  for (const [name, raw] of Object.entries(list)) {
    const at = `${path}[${name}]`;
    const problem = nameProblem(name);
    const value = JSON.stringify(name);
    if (problem === 'unsupported')
      report(
        at,
        msg('name', { value }, `Unsupported value: ${value}: supported values: "cpu", "hugepages-", "memory"`),
      );
    else if (problem) report(at, msg('qualifiedName', { value, problem }, `Invalid value: ${value}: ${problem}`));
    const amount = containerQuantity(raw ?? 0);
    if (amount !== undefined) for (const m of amountProblems(name, raw, amount)) report(at, m);
  }
}

export const podResourcesInvalid: Rule = {
  code: 'POD_RESOURCES_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Pod-level resources',
  source: 'validatePodResources / validatePodResourceConsistency / defaultPodRequests',
  explanation:
    '`spec.resources` sets a budget for the whole Pod (cpu, memory and hugepages only). Its requests may not exceed ' +
    'its limits, and it must leave room for the containers: their requests together (app containers and sidecars, ' +
    'or the largest init container) may not exceed the Pod request, and no container may have a higher limit than ' +
    'the Pod. A Pod request left out is filled from the containers, or from the Pod limit.',
  check(ctx, report) {
    const res = ctx.spec.resources;
    if (!isRecord(res) || (isRecord(ctx.spec.os) && ctx.spec.os.name === 'windows')) return;
    if (res.claims !== undefined)
      report('spec.resources.claims', msg('claims', {}, 'Forbidden: claims may not be set for Resources at pod-level'));
    const rawLimits = isRecord(res.limits) ? res.limits : {};
    const rawRequests = isRecord(res.requests) ? res.requests : {};
    checkList(report, 'spec.resources.limits', rawLimits);
    checkList(report, 'spec.resources.requests', rawRequests);
    const limits = amounts(rawLimits);
    const requests = amounts(rawRequests);
    const containerRequests = aggregate(ctx.containers, 'requests');
    const containerLimits = aggregate(ctx.containers, 'limits');
    // defaultHugePagePodLimits, then defaultPodRequests (only when the Pod sets limits).
    for (const [name, v] of containerLimits)
      if (name.startsWith('hugepages-') && !requests.has(name) && !limits.has(name)) limits.set(name, v);
    if (Object.keys(rawLimits).length > 0) {
      for (const [name, v] of containerRequests)
        if (!requests.has(name) && (name === 'cpu' || name === 'memory')) requests.set(name, v);
      for (const [name, v] of limits) if (!requests.has(name) && supported(name)) requests.set(name, v);
    }
    let cpuOrMemory = false;
    let hugepages = false;
    for (const name of [...limits.keys(), ...requests.keys()]) {
      if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
      if (name.startsWith('hugepages-')) hugepages = true;
    }
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      const overcommit = !name.startsWith('hugepages-');
      if (limit === undefined) {
        if (!overcommit)
          report(
            'spec.resources.limits',
            msg(
              'limitRequired',
              { resource: name },
              `Required value: Limit must be set for non overcommitable resources (${name})`,
            ),
          );
      } else if (!overcommit && request !== limit)
        report(
          'spec.resources.requests',
          msg('notEqual', { resource: name }, `Invalid value: must be equal to ${name} limit`),
        );
      else if (request > limit)
        report(
          'spec.resources.requests',
          msg('exceeds', { resource: name }, `Invalid value: must be less than or equal to ${name} limit`),
        );
    }
    if (hugepages && !cpuOrMemory)
      report('spec.resources', msg('hugepagesAlone', {}, 'Forbidden: HugePages require cpu or memory'));
    for (const [name, total] of containerRequests) {
      const pod = requests.get(name);
      if (pod !== undefined && total > pod)
        report(
          `spec.resources.requests[${name}]`,
          msg(
            'belowContainers',
            { resource: name },
            `Invalid value: must be greater than or equal to aggregate container requests of ${name}`,
          ),
        );
    }
    for (const [name, total] of containerLimits) {
      const pod = limits.get(name);
      if (name.startsWith('hugepages-') && pod !== undefined && total > pod)
        report(
          `spec.resources.limits[${name}]`,
          msg(
            'belowHugepages',
            { resource: name },
            `Invalid value: must be greater than or equal to aggregate container limits of ${name}`,
          ),
        );
    }
    for (const c of ctx.containers) {
      if (c.list !== 'containers') continue;
      for (const [name, limit] of amounts(isRecord(c.container.resources) ? c.container.resources.limits : undefined)) {
        const pod = limits.get(name);
        // The API server's path: spec.resources.containers[i][cpu].limits.
        if (pod !== undefined && limit > pod)
          report(
            `spec.resources.containers[${c.index}][${name}].limits`,
            msg('aboveLimit', { resource: name }, `Invalid value: must be less than or equal to pod limits of ${name}`),
          );
      }
    }
  },
};
