// The workload's selector: present where the API requires it (WORKLOAD_SELECTOR_REQUIRED), well formed
// (WORKLOAD_SELECTOR_INVALID), selecting its own template (WORKLOAD_SELECTOR_MISMATCH), and left to Kubernetes where it
// generates one (JOB_SELECTOR_GENERATED).
import { isRecord } from '../../context';
import { pointer } from '../../fix';
import { fixTitle, msg } from '../../message';
import type { PatchOperation, QuickFix, Report } from '../../types';
import { appsKinds } from '../kinds';
import type { ObjectContext, ObjectRule } from '../object-rule';
import { shown } from '../read';
import {
  isEmptyLabelSelector,
  labelMapProblems,
  labelSelectorMatches,
  labelSelectorProblems,
  mapSelectorMatches,
  type SelectorProblem,
} from '../selector';
import { jobSpecKeys, templateKeys, templateLabels, templateOf, templatePrefix } from '../workload';
import { labelText } from '../label-text';

export { labelText };

/** True when the kind's selector is a map (`selector: {app: web}`) rather than a LabelSelector. */
const mapSelector = (kind: string): boolean => kind === 'ReplicationController';

/** The selector the API server validates for the kind, after its defaulting; undefined when there is none. */
function effectiveSelector(ctx: ObjectContext): unknown {
  const selector = ctx.spec.selector;
  if (ctx.kind === 'ReplicationController') {
    // SetDefaults_ReplicationController copies the template's labels into an empty selector.
    const written = isRecord(selector) && Object.keys(selector).length > 0;
    if (written) return selector;
    const labels = isRecord(templateOf(ctx)?.metadata)
      ? (templateOf(ctx)!.metadata as Record<string, unknown>).labels
      : undefined;
    return isRecord(labels) ? labels : undefined;
  }
  return selector === null ? undefined : selector;
}

function manualSelector(ctx: ObjectContext): boolean {
  return ctx.spec.manualSelector === true;
}

/** The patch that makes the selector select exactly `labels`. */
function selectOps(kind: string, labels: Readonly<Record<string, string>>): PatchOperation[] {
  const value = mapSelector(kind) ? { ...labels } : { matchLabels: { ...labels } };
  return [{ op: 'add', path: '/spec/selector', value }];
}

function labelTemplateOps(kind: string, labels: Readonly<Record<string, string>>): PatchOperation[] {
  return Object.entries(labels).map(([key, value]) => ({
    op: 'add',
    path: pointer(...templateKeys(kind), 'metadata', 'labels', key),
    value,
  }));
}

/** The kinds and selectors whose presence the API requires. */
function requiresSelector(ctx: ObjectContext): boolean {
  if (appsKinds.includes(ctx.kind) || ctx.kind === 'ReplicationController') return true;
  return ctx.kind === 'Job' && manualSelector(ctx);
}

export const workloadSelectorRequired: ObjectRule = {
  code: 'WORKLOAD_SELECTOR_REQUIRED',
  severity: 'error',
  category: 'kubernetes',
  title: 'Selector required',
  source:
    'ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateStatefulSetSpec, ValidateNonEmptySelector (RC), ValidateJobSpec with manualSelector (1.34)',
  explanation:
    'A controller finds the Pods it owns by their labels: `spec.selector` says which labels. The apps/v1 kinds ' +
    '(Deployment, ReplicaSet, StatefulSet, DaemonSet) require it to be written out, and it must select the labels of ' +
    'the Pod template, so the controller recognises the Pods it creates. A ReplicationController takes the template’s ' +
    'labels when its selector is empty, so it needs one or the other. A Job makes its own selector unless ' +
    '`manualSelector` is true.',
  kinds: [...appsKinds, 'ReplicationController', 'Job'],
  check(ctx, report) {
    if (!requiresSelector(ctx)) return;
    const selector = effectiveSelector(ctx);
    const missing =
      selector === undefined || (mapSelector(ctx.kind) && isRecord(selector) && Object.keys(selector).length === 0);
    if (!missing) return;
    const labels = templateLabels(ctx);
    const name =
      typeof (ctx.raw.metadata as Record<string, unknown> | undefined)?.name === 'string'
        ? ((ctx.raw.metadata as Record<string, unknown>).name as string)
        : 'app';
    const fixes: QuickFix[] =
      Object.keys(labels).length > 0
        ? [
            {
              ...fixTitle(
                'selectTemplate',
                { labels: labelText(labels) },
                `Select the template's labels (${labelText(labels)})`,
              ),
              patch: selectOps(ctx.kind, labels),
            },
          ]
        : [
            {
              ...fixTitle('labelAndSelect', { labels: `app=${name}` }, `Label the template app=${name} and select it`),
              patch: [...labelTemplateOps(ctx.kind, { app: name }), ...selectOps(ctx.kind, { app: name })],
            },
          ];
    report('spec.selector', msg('required', {}, 'Required value'), { fixes });
  },
};

function reportSelectorProblem(report: Report, base: string, p: SelectorProblem): void {
  const path = `${base}${p.at}`;
  switch (p.id) {
    case 'key':
      report(
        path,
        msg(
          'key',
          { value: p.value },
          `Invalid value: ${p.value}: not a valid label key (a name of at most 63 characters, with an optional DNS prefix and "/")`,
        ),
      );
      break;
    case 'value':
      report(path, msg('value', { value: p.value, problem: p.problem! }, `Invalid value: ${p.value}: ${p.problem}`));
      break;
    case 'operator':
      report(path, msg('operator', { value: p.value }, `Invalid value: ${p.value}: not a valid selector operator`));
      break;
    case 'valuesRequired':
      report(path, msg('valuesRequired', {}, "Required value: must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'valuesForbidden':
      report(
        path,
        msg('valuesForbidden', {}, "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
      );
      break;
    default:
      report(path, msg('notMap', {}, 'Invalid value: must be a mapping'));
  }
}

export const workloadSelectorInvalid: ObjectRule = {
  code: 'WORKLOAD_SELECTOR_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Selector syntax',
  source: 'ValidateLabelSelector / ValidateLabelSelectorRequirement, ValidateLabels (1.34)',
  explanation:
    'A selector is `matchLabels` (labels that must all be there, with these values) and `matchExpressions` (each a key, ' +
    'an operator In, NotIn, Exists or DoesNotExist, and values for In and NotIn). Keys and values follow the label ' +
    'syntax. An empty selector would select every Pod in the namespace, so the apps/v1 kinds refuse it.',
  kinds: [...appsKinds, 'ReplicationController', 'Job'],
  check(ctx, report) {
    const selector = ctx.spec.selector;
    if (selector === undefined || selector === null) return;
    if (mapSelector(ctx.kind)) {
      for (const p of labelMapProblems(selector)) reportSelectorProblem(report, 'spec.selector', p);
      return;
    }
    const problems = labelSelectorProblems(selector);
    for (const p of problems) reportSelectorProblem(report, 'spec.selector', p);
    if (problems.length === 0 && appsKinds.includes(ctx.kind) && isRecord(selector) && isEmptyLabelSelector(selector))
      report(
        'spec.selector',
        msg(
          'empty',
          { kind: ctx.kind.toLowerCase() },
          `Invalid value: {}: empty selector is invalid for ${ctx.kind.toLowerCase()}`,
        ),
      );
  },
};

export const workloadSelectorMismatch: ObjectRule = {
  code: 'WORKLOAD_SELECTOR_MISMATCH',
  severity: 'error',
  category: 'kubernetes',
  title: 'Selector does not match the template',
  source:
    'ValidatePodTemplateSpecForReplicaSet / ForStatefulSet / ForRC, ValidateDaemonSetSpec, ValidateJobSpec (1.34)',
  explanation:
    'The controller creates Pods from the template and then counts the Pods its selector finds. If the template’s ' +
    'labels do not satisfy the selector, the new Pods would not be counted, and the controller would create more ' +
    'without end, so the API server refuses the object. Either give the template the labels the selector asks for, or ' +
    'select the labels the template has.',
  kinds: [...appsKinds, 'ReplicationController', 'Job'],
  check(ctx, report) {
    if (ctx.kind === 'Job' && !manualSelector(ctx)) return;
    // A ReplicationController without a template is refused for that alone (ValidatePodTemplateSpecForRC).
    if (ctx.kind === 'ReplicationController' && templateOf(ctx) === undefined) return;
    const selector = effectiveSelector(ctx);
    if (selector === undefined || !isRecord(selector)) return;
    if (mapSelector(ctx.kind) ? labelMapProblems(selector).length > 0 : labelSelectorProblems(selector).length > 0)
      return;
    const labels = templateLabels(ctx);
    const empty = mapSelector(ctx.kind) ? Object.keys(selector).length === 0 : isEmptyLabelSelector(selector);
    if (empty) return;
    const matches = mapSelector(ctx.kind)
      ? mapSelectorMatches(selector, labels)
      : labelSelectorMatches(selector, labels);
    if (matches) return;
    const wanted = mapSelector(ctx.kind)
      ? (selector as Record<string, string>)
      : isRecord(selector.matchLabels)
        ? (selector.matchLabels as Record<string, string>)
        : {};
    const missing = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => labels[k] !== v));
    const fixes: QuickFix[] = [];
    if (
      Object.keys(missing).length > 0 &&
      (mapSelector(ctx.kind) || !Array.isArray(selector.matchExpressions) || selector.matchExpressions.length === 0)
    )
      fixes.push({
        ...fixTitle('labelTemplate', { labels: labelText(missing) }, `Label the template ${labelText(missing)}`),
        patch: labelTemplateOps(ctx.kind, missing),
      });
    if (Object.keys(labels).length > 0)
      fixes.push({
        ...fixTitle(
          'selectTemplate',
          { labels: labelText(labels) },
          `Select the template's labels (${labelText(labels)})`,
        ),
        patch: selectOps(ctx.kind, labels),
      });
    const shownLabels = shown(
      templateOf(ctx) && isRecord(templateOf(ctx)!.metadata)
        ? (templateOf(ctx)!.metadata as Record<string, unknown>).labels
        : undefined,
    );
    report(
      `${templatePrefix(ctx.kind)}.metadata.labels`,
      msg(
        'mismatch',
        { value: shownLabels },
        `Invalid value: ${shownLabels}: \`selector\` does not match template \`labels\``,
      ),
      { fixes, related: ['spec.selector'] },
    );
  },
};

export const jobSelectorGenerated: ObjectRule = {
  code: 'JOB_SELECTOR_GENERATED',
  severity: 'error',
  category: 'kubernetes',
  title: 'Job selector is generated',
  source: 'validateGeneratedSelector (Job), ValidateJobTemplateSpec (CronJob) (1.34)',
  explanation:
    'A Job finds its Pods by a label holding its own unique id, which Kubernetes writes into both the selector and the ' +
    'template when the Job is created. A selector written by hand does not hold that id, so the API server refuses it ' +
    'unless `manualSelector: true` says you take over (and then it must select the template’s labels). A CronJob’s Job ' +
    'template may not carry a selector at all: each Job it creates gets its own.',
  kinds: ['Job', 'CronJob'],
  check(ctx, report) {
    const keys = jobSpecKeys(ctx.kind);
    const base = keys.join('.');
    const pointerBase = pointer(...keys);
    const jobSpec = keys.slice(1).reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), ctx.spec);
    if (!isRecord(jobSpec)) return;
    const selector = jobSpec.selector;
    const remove: QuickFix = {
      ...fixTitle('remove', {}, 'Remove the selector (Kubernetes generates one)'),
      patch: [{ op: 'remove', path: `${pointerBase}/selector` }],
    };
    if (ctx.kind === 'CronJob') {
      if (selector !== undefined && selector !== null)
        report(
          `${base}.selector`,
          msg(
            'willGenerate',
            { value: shown(selector) },
            `Invalid value: ${shown(selector)}: \`selector\` will be auto-generated`,
          ),
          { fixes: [remove] },
        );
      if (jobSpec.manualSelector === true)
        report(
          `${base}.manualSelector`,
          msg('manualUnsupported', {}, 'Unsupported value: true: supported values: "nil", "false"'),
          {
            fixes: [
              {
                ...fixTitle('removeManual', {}, 'Remove manualSelector'),
                patch: [{ op: 'remove', path: `${pointerBase}/manualSelector` }],
              },
            ],
          },
        );
      return;
    }
    if (manualSelector(ctx) || selector === undefined || selector === null) return;
    report(
      `${base}.selector`,
      msg(
        'notGenerated',
        { value: shown(selector) },
        `Invalid value: ${shown(selector)}: \`selector\` not auto-generated`,
      ),
      {
        fixes: [
          remove,
          {
            ...fixTitle('manual', {}, 'Set manualSelector: true'),
            patch: [{ op: 'add', path: '/spec/manualSelector', value: true }],
          },
        ],
      },
    );
  },
};
