// ANNOTATION_INVALID: annotation keys and their total size (ValidateAnnotations), and the annotations a Pod gives a
// meaning to: pod-deletion-cost, the mirror-Pod marker, and the deprecated seccomp and AppArmor annotations.
import { msg } from '../message';
import { isRecord } from '../context';
import { annotationProblems } from '../annotations';
import { hasBackstep } from '../syntax';
import type { Rule } from '../types';

const deletionCost = 'controller.kubernetes.io/pod-deletion-cost';
const mirror = 'kubernetes.io/config.mirror';
const seccompPod = 'seccomp.security.alpha.kubernetes.io/pod';
const seccompContainer = 'container.seccomp.security.alpha.kubernetes.io/';
const appArmorContainer = 'container.apparmor.security.beta.kubernetes.io/';

/** GetDeletionCostFromPodAnnotations: a base-10 int32 with no plus sign and no leading zero. */
function isDeletionCost(value: string): boolean {
  if (!/^(0|-?[1-9][0-9]*|-0[0-9]*)$/.test(value)) return false;
  const n = Number(value);
  return n >= -(2 ** 31) && n <= 2 ** 31 - 1;
}

/** ValidateSeccompProfile: the reason an annotation's profile is refused, or undefined. */
function seccompProblem(value: string): string | undefined {
  if (value === 'runtime/default' || value === 'docker/default' || value === 'unconfined') return undefined;
  if (value.startsWith('localhost/')) {
    const file = value.slice('localhost/'.length);
    if (file.startsWith('/')) return 'must be a relative path';
    return hasBackstep(file) ? "must not contain '..'" : undefined;
  }
  return 'must be a valid seccomp profile';
}

export const annotationInvalid: Rule = {
  code: 'ANNOTATION_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Annotations',
  source: 'ValidateAnnotations / ValidatePodSpecificAnnotations',
  explanation:
    'Annotations carry free-form notes for tools, but their keys follow the label-key rule (an optional DNS prefix ' +
    'and "/", then a name of at most 63 characters; upper case is allowed), and all keys and values of one object ' +
    'together may not pass 256 KiB. A few keys mean something to Kubernetes and are checked: ' +
    '`controller.kubernetes.io/pod-deletion-cost` is a 32-bit integer, a mirror Pod needs `spec.nodeName`, and the ' +
    'old seccomp and AppArmor annotations must name a known profile (and, for AppArmor, a container of the Pod).',
  check(ctx, report) {
    const meta = isRecord(ctx.pod.metadata) ? ctx.pod.metadata : {};
    for (const p of annotationProblems(meta.annotations, 'metadata.annotations'))
      report(p.path, msg(p.id, p.params ?? {}, p.message));
    const annotations = isRecord(meta.annotations) ? meta.annotations : {};
    const text = (key: string) => (typeof annotations[key] === 'string' ? (annotations[key] as string) : '');
    if (deletionCost in annotations && !isDeletionCost(text(deletionCost)))
      report(
        `metadata.annotations[${deletionCost}]`,
        msg(
          'deletionCost',
          { value: JSON.stringify(text(deletionCost)) },
          `Invalid value: ${JSON.stringify(text(deletionCost))}: must be a 32bit integer`,
        ),
      );
    if (mirror in annotations && !(typeof ctx.spec.nodeName === 'string' && ctx.spec.nodeName !== ''))
      report(
        `metadata.annotations[${mirror}]`,
        msg(
          'mirror',
          { value: JSON.stringify(text(mirror)) },
          `Invalid value: ${JSON.stringify(text(mirror))}: must set spec.nodeName if mirror pod annotation is set`,
        ),
      );
    const names = new Set(ctx.containers.map((c) => c.name));
    for (const c of ctx.raw.spec && Array.isArray(ctx.raw.spec.ephemeralContainers)
      ? ctx.raw.spec.ephemeralContainers
      : [])
      if (isRecord(c) && typeof c.name === 'string') names.add(c.name);
    for (const key of Object.keys(annotations)) {
      const value = text(key);
      if (key === seccompPod || key.startsWith(seccompContainer)) {
        // The seccomp annotations are reported with a dot, not a [key]: fldPath.Child(key).
        const problem = seccompProblem(value);
        if (problem)
          report(
            `metadata.annotations.${key}`,
            msg(
              'seccomp',
              { value: JSON.stringify(value), problem },
              `Invalid value: ${JSON.stringify(value)}: ${problem}`,
            ),
          );
      }
      if (!key.startsWith(appArmorContainer)) continue;
      const container = key.slice(appArmorContainer.length);
      if (!names.has(container))
        report(
          `metadata.annotations[${key}]`,
          msg(
            'appArmorContainer',
            { value: JSON.stringify(container) },
            `Invalid value: ${JSON.stringify(container)}: container not found`,
          ),
        );
      if (value !== '' && value !== 'runtime/default' && value !== 'unconfined' && !value.startsWith('localhost/'))
        report(
          `metadata.annotations[${key}]`,
          msg(
            'appArmorProfile',
            { value: JSON.stringify(value) },
            `Invalid value: ${JSON.stringify(value)}: invalid AppArmor profile name: ${JSON.stringify(value)}`,
          ),
        );
    }
  },
};
