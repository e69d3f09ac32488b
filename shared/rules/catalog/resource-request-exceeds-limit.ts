// RESOURCE_REQUEST_EXCEEDS_LIMIT: requests ≤ limits; non-overcommittable resources need request == limit.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import type { ContainerEntry } from '../context';
import type { QuickFix, Rule } from '../types';
import { containerQuantity, isOvercommittable, resourceLists } from './resources';

function setToLimit(c: ContainerEntry, name: string, rawLimit: unknown): QuickFix {
  return {
    ...fixTitle(
      'requestToLimit',
      { resource: name, limit: String(rawLimit) },
      `Set the ${name} request to the limit (${String(rawLimit)})`,
    ),
    patch: [{ op: 'replace', path: pointer('spec', c.list, c.index, 'resources', 'requests', name), value: rawLimit }],
  };
}

export const resourceRequestExceedsLimit: Rule = {
  code: 'RESOURCE_REQUEST_EXCEEDS_LIMIT',
  severity: 'error',
  category: 'kubernetes',
  title: 'Requests and limits',
  source: 'validateResourceRequirements',
  explanation:
    'A request is what the scheduler reserves for the container on a node; a limit is the most it may use. Asking to ' +
    'reserve more than the container may ever use makes no sense, so a request above its limit is refused. For ' +
    'hugepages and extended resources such as GPUs there is no overcommit at all: the request must equal the limit, ' +
    'and a request needs a limit. Kubernetes reports this on `resources.requests` without a key. (A limit without a ' +
    'request is fine: the request then defaults to the limit.)',
  check(ctx, report) {
    for (const c of ctx.containers) {
      const { requests, limits } = resourceLists(c);
      let hugepages = false;
      let cpuOrMemory = false;
      for (const [name, rawRequest] of Object.entries(requests)) {
        const request = containerQuantity(rawRequest ?? 0);
        if (name.startsWith('hugepages-')) hugepages = true;
        if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
        const rawLimit = limits[name];
        const overcommit = isOvercommittable(name);
        if (!Object.hasOwn(limits, name)) {
          if (!overcommit)
            report(
              `${c.path}.resources.limits`,
              msg(
                'limitRequired',
                { resource: name },
                `Required value: Limit must be set for non overcommitable resources (${name})`,
              ),
              {
                fixes: [
                  {
                    ...fixTitle(
                      'limitTo',
                      { resource: name, value: String(rawRequest) },
                      `Set the ${name} limit to ${String(rawRequest)}`,
                    ),
                    patch: [
                      {
                        op: 'add',
                        path: pointer('spec', c.list, c.index, 'resources', 'limits', name),
                        value: rawRequest,
                      },
                    ],
                  },
                ],
              },
            );
          continue;
        }
        const limit = containerQuantity(rawLimit ?? 0);
        // Unreadable amounts refuse the whole Pod (RESOURCE_QUANTITY_INVALID); there is nothing to compare.
        if (request === undefined || limit === undefined) continue;
        if (!overcommit && request !== limit)
          report(
            `${c.path}.resources.requests`,
            msg(
              'notEqual',
              { value: JSON.stringify(String(rawRequest)), resource: name, limit: String(rawLimit) },
              `Invalid value: ${JSON.stringify(String(rawRequest))}: must be equal to ${name} limit of ${String(rawLimit)}`,
            ),
            { related: [`${c.path}.resources.limits[${name}]`], fixes: [setToLimit(c, name, rawLimit)] },
          );
        else if (request > limit)
          report(
            `${c.path}.resources.requests`,
            msg(
              'exceeds',
              { value: JSON.stringify(String(rawRequest)), resource: name, limit: String(rawLimit) },
              `Invalid value: ${JSON.stringify(String(rawRequest))}: must be less than or equal to ${name} limit of ${String(rawLimit)}`,
            ),
            { related: [`${c.path}.resources.limits[${name}]`], fixes: [setToLimit(c, name, rawLimit)] },
          );
      }
      for (const name of Object.keys(limits)) {
        if (name.startsWith('hugepages-')) hugepages = true;
        if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
      }
      if (hugepages && !cpuOrMemory)
        report(`${c.path}.resources`, msg('hugepagesAlone', {}, 'Forbidden: HugePages require cpu or memory'));
    }
  },
};
