// WORKLOAD_FIELD_INVALID: the workload's other fields that the API server checks: counts and durations that must be
// whole numbers from 0, strategy and policy values from a fixed list, rolling-update budgets, Job completion modes, a
// CronJob's time zone, and template fields the kind forbids.
import { isRecord } from '../../context';
import { pointer } from '../../fix';
import { fixTitle, msg } from '../../message';
import type { QuickFix, Report } from '../../types';
import { longRunningKinds, workloadKinds } from '../kinds';
import type { ObjectContext, ObjectRule } from '../object-rule';
import { nonNegativeInt32Problem, plain, shown, valueAt } from '../read';
import { numberTexts } from './replicas';
import { jobSpecKeys, templateKeys, templatePrefix, templateSpec } from '../workload';

type Keys = readonly string[];
const dotted = (keys: Keys): string => keys.join('.');

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function nonNegative(ctx: ObjectContext, report: Report, keys: Keys): void {
  const value = valueAt(ctx.raw, keys);
  if (!present(value)) return;
  const problem = nonNegativeInt32Problem(value);
  if (problem)
    report(
      dotted(keys),
      msg(problem, { value: shown(value) }, `Invalid value: ${shown(value)}: ${numberTexts[problem]}`),
    );
}

function oneOf(ctx: ObjectContext, report: Report, keys: Keys, allowed: readonly string[]): unknown {
  const value = valueAt(ctx.raw, keys);
  if (!present(value) || value === '') return undefined;
  if (typeof value === 'string' && allowed.includes(value)) return value;
  const supported = allowed.map((v) => `"${v}"`).join(', ');
  report(
    dotted(keys),
    msg(
      'unsupported',
      { value: shown(value), supported },
      `Unsupported value: ${shown(value)}: supported values: ${supported}`,
    ),
    {
      fixes: [
        {
          ...fixTitle('use', { value: allowed[0]! }, `Use ${allowed[0]}`),
          patch: [{ op: 'add', path: pointer(...keys), value: allowed[0] }],
        },
      ],
    },
  );
  return undefined;
}

const percentRe = /^[0-9]+%$/;

/** ValidatePositiveIntOrPercent, then the value it stands for (a percentage as its number), or undefined if invalid. */
function intOrPercent(report: Report, keys: Keys, value: unknown): number | undefined {
  if (typeof value === 'string') {
    if (percentRe.test(value)) return Number(value.slice(0, -1));
    report(
      dotted(keys),
      msg(
        'percent',
        { value: shown(value) },
        `Invalid value: ${shown(value)}: a valid percent string must be a numeric string followed by an ending '%'`,
      ),
    );
    return undefined;
  }
  const problem = nonNegativeInt32Problem(value);
  if (problem) {
    report(
      dotted(keys),
      msg(problem, { value: shown(value) }, `Invalid value: ${shown(value)}: ${numberTexts[problem]}`),
    );
    return undefined;
  }
  return value as number;
}

function over100(report: Report, keys: Keys, value: unknown): void {
  if (typeof value === 'string' && percentRe.test(value) && Number(value.slice(0, -1)) > 100)
    report(
      dotted(keys),
      msg('over100', { value: shown(value) }, `Invalid value: ${shown(value)}: must not be greater than 100%`),
    );
}

function deploymentStrategy(ctx: ObjectContext, report: Report): void {
  const type =
    oneOf(ctx, report, ['spec', 'strategy', 'type'], ['RollingUpdate', 'Recreate']) ??
    valueAt(ctx.raw, ['spec', 'strategy', 'type']);
  const rolling = valueAt(ctx.raw, ['spec', 'strategy', 'rollingUpdate']);
  if (type === 'Recreate') {
    if (present(rolling))
      report(
        'spec.strategy.rollingUpdate',
        msg('recreateRolling', {}, "Forbidden: may not be specified when strategy `type` is 'Recreate'"),
        {
          fixes: [
            {
              ...fixTitle('removeRolling', {}, 'Remove rollingUpdate'),
              patch: [{ op: 'remove', path: '/spec/strategy/rollingUpdate' }],
            },
          ],
        },
      );
    return;
  }
  if (present(type) && type !== 'RollingUpdate') return;
  const r = isRecord(rolling) ? rolling : {};
  const keysOf = (name: string) => ['spec', 'strategy', 'rollingUpdate', name];
  // SetDefaults_Deployment: both budgets default to 25%.
  const unavailable = present(r.maxUnavailable) ? intOrPercent(report, keysOf('maxUnavailable'), r.maxUnavailable) : 25;
  const surge = present(r.maxSurge) ? intOrPercent(report, keysOf('maxSurge'), r.maxSurge) : 25;
  if (unavailable === 0 && surge === 0)
    report(
      'spec.strategy.rollingUpdate.maxUnavailable',
      msg(
        'bothZero',
        { value: shown(r.maxUnavailable) },
        `Invalid value: ${shown(r.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
      ),
    );
  over100(report, keysOf('maxUnavailable'), r.maxUnavailable);
}

function daemonSetStrategy(ctx: ObjectContext, report: Report): void {
  const type =
    oneOf(ctx, report, ['spec', 'updateStrategy', 'type'], ['RollingUpdate', 'OnDelete']) ??
    valueAt(ctx.raw, ['spec', 'updateStrategy', 'type']);
  if (present(type) && type !== 'RollingUpdate') return;
  const rolling = valueAt(ctx.raw, ['spec', 'updateStrategy', 'rollingUpdate']);
  const r = isRecord(rolling) ? rolling : {};
  const keysOf = (name: string) => ['spec', 'updateStrategy', 'rollingUpdate', name];
  // SetDefaults_DaemonSet: maxUnavailable 1, maxSurge 0.
  const unavailable = present(r.maxUnavailable) ? intOrPercent(report, keysOf('maxUnavailable'), r.maxUnavailable) : 1;
  const surge = present(r.maxSurge) ? intOrPercent(report, keysOf('maxSurge'), r.maxSurge) : 0;
  over100(report, keysOf('maxUnavailable'), r.maxUnavailable);
  over100(report, keysOf('maxSurge'), r.maxSurge);
  if (unavailable === undefined || surge === undefined) return;
  if (unavailable !== 0 && surge !== 0)
    report(
      'spec.updateStrategy.rollingUpdate.maxSurge',
      msg(
        'surgeWithUnavailable',
        { value: shown(r.maxSurge) },
        `Invalid value: ${shown(r.maxSurge)}: may not be set when maxUnavailable is non-zero`,
      ),
    );
  else if (unavailable === 0 && surge === 0)
    report(
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
      msg('unavailableZero', {}, 'Required value: cannot be 0 when maxSurge is 0'),
    );
}

function statefulSetFields(ctx: ObjectContext, report: Report): void {
  oneOf(ctx, report, ['spec', 'podManagementPolicy'], ['OrderedReady', 'Parallel']);
  const type = oneOf(ctx, report, ['spec', 'updateStrategy', 'type'], ['RollingUpdate', 'OnDelete']);
  if (type === 'OnDelete' && present(valueAt(ctx.raw, ['spec', 'updateStrategy', 'rollingUpdate'])))
    report(
      'spec.updateStrategy.rollingUpdate',
      msg('onDeleteRolling', {}, "Invalid value: only allowed for updateStrategy 'RollingUpdate'"),
      {
        fixes: [
          {
            ...fixTitle('removeRolling', {}, 'Remove rollingUpdate'),
            patch: [{ op: 'remove', path: '/spec/updateStrategy/rollingUpdate' }],
          },
        ],
      },
    );
  nonNegative(ctx, report, ['spec', 'updateStrategy', 'rollingUpdate', 'partition']);
  nonNegative(ctx, report, ['spec', 'ordinals', 'start']);
  for (const when of ['whenDeleted', 'whenScaled'])
    oneOf(ctx, report, ['spec', 'persistentVolumeClaimRetentionPolicy', when], ['Retain', 'Delete']);
}

function deploymentFields(ctx: ObjectContext, report: Report): void {
  nonNegative(ctx, report, ['spec', 'revisionHistoryLimit']);
  nonNegative(ctx, report, ['spec', 'progressDeadlineSeconds']);
  deploymentStrategy(ctx, report);
  const progress = valueAt(ctx.raw, ['spec', 'progressDeadlineSeconds']);
  const minReady = valueAt(ctx.raw, ['spec', 'minReadySeconds']);
  const min = typeof minReady === 'number' ? minReady : 0;
  if (typeof progress === 'number' && Number.isInteger(progress) && progress >= 0 && progress <= min)
    report(
      'spec.progressDeadlineSeconds',
      msg(
        'progressDeadline',
        { value: shown(progress) },
        `Invalid value: ${shown(progress)}: must be greater than minReadySeconds`,
      ),
    );
}

function jobFields(ctx: ObjectContext, report: Report): void {
  const keys = jobSpecKeys(ctx.kind);
  const spec = valueAt(ctx.raw, keys);
  if (!isRecord(spec)) return;
  for (const name of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ])
    nonNegative(ctx, report, [...keys, name]);
  const base = dotted(keys);
  if (present(spec.maxFailedIndexes) && !present(spec.backoffLimitPerIndex))
    report(
      `${base}.backoffLimitPerIndex`,
      msg('perIndexRequired', {}, 'Required value: when maxFailedIndexes is specified'),
    );
  const mode = oneOf(ctx, report, [...keys, 'completionMode'], ['NonIndexed', 'Indexed']);
  if (mode === 'Indexed') {
    if (!present(spec.completions))
      report(`${base}.completions`, msg('completionsRequired', {}, 'Required value: when completion mode is Indexed'));
  } else if (!present(spec.completionMode) || mode === 'NonIndexed') {
    for (const name of ['backoffLimitPerIndex', 'maxFailedIndexes'])
      if (present(spec[name]))
        report(
          `${base}.${name}`,
          msg(
            'requiresIndexed',
            { value: shown(spec[name]) },
            `Invalid value: ${shown(spec[name])}: requires indexed completion mode`,
          ),
        );
  }
}

const zonePart = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone: IANA name syntax, not "Local", and a zone the time zone database knows (Intl's, here). */
function timeZone(ctx: ObjectContext, report: Report): void {
  const zone = ctx.spec.timeZone;
  if (!present(zone)) return;
  const value = shown(zone);
  if (zone === '') {
    report('spec.timeZone', msg('zoneEmpty', {}, 'Invalid value: "": timeZone must be nil or non-empty string'));
    return;
  }
  const unknown = () =>
    report(
      'spec.timeZone',
      msg('zoneUnknown', { value, zone: plain(zone) }, `Invalid value: ${value}: unknown time zone ${plain(zone)}`),
    );
  if (
    typeof zone !== 'string' ||
    zone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !zonePart.test(p))
  ) {
    unknown();
    return;
  }
  if (zone.toLowerCase() === 'local') {
    report(
      'spec.timeZone',
      msg(
        'zoneLocal',
        { value },
        `Invalid value: ${value}: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones`,
      ),
    );
    return;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    unknown();
  }
}

function cronJobFields(ctx: ObjectContext, report: Report): void {
  for (const name of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'])
    nonNegative(ctx, report, ['spec', name]);
  oneOf(ctx, report, ['spec', 'concurrencyPolicy'], ['Allow', 'Forbid', 'Replace']);
  timeZone(ctx, report);
}

/** activeDeadlineSeconds limits one run of a Pod; Pods kept running by a controller may not have one. */
function templateDeadline(ctx: ObjectContext, report: Report): void {
  const spec = templateSpec(ctx);
  if (!spec || !present(spec.activeDeadlineSeconds)) return;
  const fix: QuickFix = {
    ...fixTitle('removeDeadline', {}, 'Remove activeDeadlineSeconds'),
    patch: [{ op: 'remove', path: pointer(...templateKeys(ctx.kind), 'spec', 'activeDeadlineSeconds') }],
  };
  report(
    `${templatePrefix(ctx.kind)}.spec.activeDeadlineSeconds`,
    msg('deadlineForbidden', { kind: ctx.kind }, `Forbidden: activeDeadlineSeconds in ${ctx.kind} is not Supported`),
    { fixes: [fix] },
  );
}

export const workloadFieldInvalid: ObjectRule = {
  code: 'WORKLOAD_FIELD_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Workload field',
  source:
    'ValidateDeploymentSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec, validateJobSpec, validateCronJobSpec (1.34)',
  explanation:
    'Besides the Pod template and the selector, each kind has its own settings: how long a new Pod must be ready ' +
    '(`minReadySeconds`), how many old versions to keep, how a rollout replaces Pods (`strategy`: at most ' +
    '`maxUnavailable` Pods down and `maxSurge` extra at a time, not both 0), how many completions a Job needs and how ' +
    'many retries it gets, and when a CronJob may start late. Counts are whole numbers from 0, and the policy fields ' +
    'take only the values listed.',
  kinds: workloadKinds,
  check(ctx, report) {
    if (ctx.kind !== 'Job' && ctx.kind !== 'CronJob') nonNegative(ctx, report, ['spec', 'minReadySeconds']);
    if (longRunningKinds.includes(ctx.kind)) templateDeadline(ctx, report);
    if (ctx.kind === 'Deployment') deploymentFields(ctx, report);
    if (ctx.kind === 'DaemonSet') {
      nonNegative(ctx, report, ['spec', 'revisionHistoryLimit']);
      daemonSetStrategy(ctx, report);
    }
    if (ctx.kind === 'StatefulSet') statefulSetFields(ctx, report);
    if (ctx.kind === 'Job' || ctx.kind === 'CronJob') jobFields(ctx, report);
    if (ctx.kind === 'CronJob') cronJobFields(ctx, report);
  },
};
