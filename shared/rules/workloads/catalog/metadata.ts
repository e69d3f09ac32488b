// OBJECT_METADATA_INVALID: the workload's or Service's own name, namespace and labels (ValidateObjectMeta with each
// kind's name rule: a DNS subdomain for most, a DNS label for a StatefulSet, a DNS-1035 label for a Service, and at most
// 52 characters for a CronJob, whose Jobs append a timestamp).
import { isRecord } from '../../context';
import { fixTitle, msg } from '../../message';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../syntax';
import type { QuickFix, Report } from '../../types';
import { checkedKinds } from '../kinds';
import type { ObjectRule } from '../object-rule';
import { labelMapProblems } from '../selector';

type NameRule = 'subdomain' | 'label' | 'dns1035';

const nameRule: Readonly<Record<string, NameRule>> = { StatefulSet: 'label', Service: 'dns1035' };
const dns1035Re = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Text =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

function nameProblem(name: string, rule: NameRule): { id: 'invalid' | 'dns1035'; problem?: string } | undefined {
  if (rule === 'subdomain') {
    const problem = dns1123SubdomainProblem(name);
    return problem ? { id: 'invalid', problem } : undefined;
  }
  if (rule === 'label') {
    const problem = dns1123LabelProblem(name);
    return problem ? { id: 'invalid', problem } : undefined;
  }
  if (name.length > 63) return { id: 'invalid', problem: 'must be no more than 63 characters' };
  return dns1035Re.test(name) ? undefined : { id: 'dns1035' };
}

/** The nearest valid name (lower case, other characters as '-'), or undefined when nothing sensible is left. */
function suggestedName(name: string, rule: NameRule, max: number): string | undefined {
  let out = name.toLowerCase().replace(rule === 'subdomain' ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-');
  if (rule === 'dns1035') out = out.replace(/^[^a-z]+/, '');
  out = out.slice(0, max).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return out !== '' && nameProblem(out, rule) === undefined ? out : undefined;
}

function renameFix(name: string, rule: NameRule, max: number): QuickFix[] {
  const value = suggestedName(name, rule, max);
  if (!value || value === name) return [];
  return [
    {
      ...fixTitle('rename', { value }, `Rename to "${value}"`),
      patch: [{ op: 'replace', path: '/metadata/name', value }],
    },
  ];
}

function checkName(kind: string, meta: Record<string, unknown>, report: Report): void {
  const name = meta.name;
  if (name === undefined || name === null || name === '') {
    if (typeof meta.generateName === 'string' && meta.generateName !== '') return;
    report('metadata.name', msg('required', {}, 'Required value: name or generateName is required'));
    return;
  }
  if (typeof name !== 'string') {
    report(
      'metadata.name',
      msg('notString', { value: JSON.stringify(name) }, `Invalid value: ${JSON.stringify(name)}: must be a string`),
    );
    return;
  }
  const rule = nameRule[kind] ?? 'subdomain';
  const max = kind === 'CronJob' ? 52 : rule === 'subdomain' ? 253 : 63;
  const found = nameProblem(name, rule);
  const value = JSON.stringify(name);
  if (found?.id === 'dns1035')
    report('metadata.name', msg('dns1035', { value }, `Invalid value: ${value}: ${dns1035Text}`), {
      fixes: renameFix(name, rule, max),
    });
  else if (found)
    report(
      'metadata.name',
      msg('invalid', { value, problem: found.problem! }, `Invalid value: ${value}: ${found.problem}`),
      {
        fixes: renameFix(name, rule, max),
      },
    );
  else if (kind === 'CronJob' && name.length > 52)
    report('metadata.name', msg('max52', { value }, `Invalid value: ${value}: must be no more than 52 characters`), {
      fixes: renameFix(name, rule, max),
    });
}

export const objectMetadataInvalid: ObjectRule = {
  code: 'OBJECT_METADATA_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Object name and labels',
  source: 'ValidateObjectMeta with ValidateDeploymentName, ValidateStatefulSetName, ValidateServiceName… (1.34)',
  explanation:
    'Kubernetes names become parts of other names: a Deployment’s name starts its ReplicaSets’ and Pods’ names, a ' +
    'StatefulSet’s becomes each Pod’s host name (so it must be a DNS label, without dots), a Service’s becomes a DNS ' +
    'name in the cluster (so it must also start with a letter), and a CronJob adds an 11-character timestamp to name ' +
    'each Job (so at most 52 characters). Names use lower-case letters, digits and "-". The object’s own labels follow ' +
    'the same rules as a Pod’s.',
  kinds: checkedKinds,
  check(ctx, report) {
    const meta = ctx.raw.metadata;
    if (meta === undefined || meta === null) {
      report('metadata.name', msg('required', {}, 'Required value: name or generateName is required'));
      return;
    }
    if (!isRecord(meta)) return;
    checkName(ctx.kind, meta, report);
    const namespace = meta.namespace;
    if (typeof namespace === 'string' && namespace !== '') {
      const problem = dns1123LabelProblem(namespace);
      const value = JSON.stringify(namespace);
      if (problem)
        report('metadata.namespace', msg('invalid', { value, problem }, `Invalid value: ${value}: ${problem}`));
    }
    for (const p of labelMapProblems(meta.labels, '')) {
      if (p.id === 'key')
        report(
          'metadata.labels',
          msg('labelKey', { value: p.value }, `Invalid value: ${p.value}: not a valid label key`),
        );
      else if (p.id === 'value')
        report(
          'metadata.labels',
          msg('invalid', { value: p.value, problem: p.problem! }, `Invalid value: ${p.value}: ${p.problem}`),
        );
      else report('metadata.labels', msg('labelsNotMap', {}, 'must be a map of strings'));
    }
  },
};
