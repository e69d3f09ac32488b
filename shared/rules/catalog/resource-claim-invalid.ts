// RESOURCE_CLAIM_INVALID: dynamic resource claims: the Pod's spec.resourceClaims, and the claims a container or the
// Pod's resources refer to, which must be names listed there (validatePodResourceClaims / validateResourceClaimNames).
import { msg } from '../message';
import { isRecord, list } from '../context';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../syntax';
import type { Report, Rule } from '../types';

function podClaims(spec: Record<string, unknown>, mirror: boolean, report: Report): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  list<unknown>(spec.resourceClaims).forEach((claim, i) => {
    const path = `spec.resourceClaims[${i}]`;
    // Static (mirror) Pods get one error with an empty path for each claim.
    if (mirror) return void report('', msg('static', {}, 'Forbidden: static pods do not support resource claims'));
    const c = isRecord(claim) ? claim : {};
    const name = typeof c.name === 'string' ? c.name : '';
    if (name !== '') names.add(name);
    if (name === '') report(`${path}.name`, msg('required', {}, 'Required value'));
    else if (seen.has(name))
      report(
        `${path}.name`,
        msg('duplicate', { value: JSON.stringify(name) }, `Duplicate value: ${JSON.stringify(name)}`),
      );
    else {
      const problem = dns1123LabelProblem(name);
      if (problem)
        report(
          `${path}.name`,
          msg('name', { value: JSON.stringify(name), problem }, `Invalid value: ${JSON.stringify(name)}: ${problem}`),
        );
      seen.add(name);
    }
    const sources = ['resourceClaimName', 'resourceClaimTemplateName'].filter((k) => typeof c[k] === 'string');
    if (sources.length !== 1)
      report(
        path,
        sources.length === 0
          ? msg(
              'sourceMissing',
              {},
              'Invalid value: must specify one of: `resourceClaimName`, `resourceClaimTemplateName`',
            )
          : msg(
              'sourceMany',
              {},
              'Invalid value: at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified',
            ),
      );
    for (const key of sources) {
      const value = c[key] as string;
      const problem = dns1123SubdomainProblem(value);
      if (problem)
        report(
          `${path}.${key}`,
          msg('name', { value: JSON.stringify(value), problem }, `Invalid value: ${JSON.stringify(value)}: ${problem}`),
        );
    }
  });
  return names;
}

/** validateResourceClaimNames for one `resources.claims` list. */
function claimRefs(claims: unknown, path: string, podNames: Set<string>, report: Report): void {
  const names = new Set<string>();
  list<unknown>(claims).forEach((claim, i) => {
    const at = `${path}[${i}]`;
    const c = isRecord(claim) ? claim : {};
    const name = typeof c.name === 'string' ? c.name : '';
    const request = typeof c.request === 'string' ? c.request : '';
    if (name === '') return void report(at, msg('required', {}, 'Required value'));
    if (names.has(name))
      report(at, msg('duplicate', { value: JSON.stringify(name) }, `Duplicate value: ${JSON.stringify(name)}`));
    else {
      let key = name;
      if (request !== '') {
        const problem = dns1123LabelProblem(request);
        if (problem)
          report(
            `${at}.request`,
            msg(
              'name',
              { value: JSON.stringify(request), problem },
              `Invalid value: ${JSON.stringify(request)}: ${problem}`,
            ),
          );
        key = `${name}/${request}`;
      }
      if (names.has(key))
        report(at, msg('duplicate', { value: JSON.stringify(key) }, `Duplicate value: ${JSON.stringify(key)}`));
      else if (request === '' && [...names].some((k) => k.startsWith(`${name}/`)))
        report(at, msg('duplicate', { value: JSON.stringify(name) }, `Duplicate value: ${JSON.stringify(name)}`));
      names.add(key);
    }
    if (!podNames.has(name)) {
      const listed = [...podNames].sort().join(', ');
      report(
        at,
        podNames.size === 0
          ? msg(
              'notFoundEmpty',
              { value: JSON.stringify(name) },
              `Not found: ${JSON.stringify(name)}: must be one of the names in pod.spec.resourceClaims which is empty`,
            )
          : msg(
              'notFound',
              { value: JSON.stringify(name), names: listed },
              `Not found: ${JSON.stringify(name)}: must be one of the names in pod.spec.resourceClaims: ${listed}`,
            ),
      );
    }
  });
}

export const resourceClaimInvalid: Rule = {
  code: 'RESOURCE_CLAIM_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Resource claims',
  source: 'validatePodResourceClaims / validateResourceClaimNames',
  explanation:
    'A Pod lists the devices it claims (dynamic resource allocation) in `spec.resourceClaims`: each entry has a ' +
    'unique DNS-label name and points at exactly one ResourceClaim or ResourceClaimTemplate. A container, or the ' +
    "Pod's own `resources`, uses a claim by that name in `resources.claims`, once each; a name that the Pod does not " +
    'list cannot be found.',
  check(ctx, report) {
    const meta = isRecord(ctx.pod.metadata) ? ctx.pod.metadata : {};
    const mirror = isRecord(meta.annotations) && 'kubernetes.io/config.mirror' in meta.annotations;
    const names = podClaims(ctx.spec, mirror, report);
    for (const c of ctx.containers)
      if (isRecord(c.container.resources))
        claimRefs(c.container.resources.claims, `${c.path}.resources.claims`, names, report);
    if (isRecord(ctx.spec.resources) && !(isRecord(ctx.spec.os) && ctx.spec.os.name === 'windows'))
      claimRefs(ctx.spec.resources.claims, 'spec.resources.claims', names, report);
  },
};
