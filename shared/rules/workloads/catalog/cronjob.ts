// CRONJOB_SCHEDULE_INVALID: a CronJob's schedule that Kubernetes 1.34 would refuse: missing, not five cron fields or
// a known @descriptor, a value out of its field's range, or a TZ=/CRON_TZ= prefix (use spec.timeZone instead).
import { fixTitle, msg } from '../../message';
import type { QuickFix } from '../../types';
import { scheduleProblems } from '../cron';
import type { ObjectRule } from '../object-rule';

export const cronJobScheduleInvalid: ObjectRule = {
  code: 'CRONJOB_SCHEDULE_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'CronJob schedule',
  source: 'validateCronJobSpec → validateScheduleFormat (robfig/cron v3 ParseStandard) (1.34)',
  explanation:
    'A schedule is five fields, minute (0-59), hour (0-23), day of the month (1-31), month (1-12 or jan-dec) and day ' +
    'of the week (0-6 or sun-sat), each `*`, a number, a range `1-5`, a list `1,15` or a step `*/10`; or one of ' +
    '@yearly, @monthly, @weekly, @daily, @hourly or @every 1h30m. The time zone is `spec.timeZone` (an IANA name such ' +
    'as Europe/Paris), not a TZ= prefix in the schedule: new CronJobs with one are refused.',
  kinds: ['CronJob'],
  check(ctx, report) {
    const schedule = ctx.spec.schedule;
    if (schedule === undefined || schedule === null || schedule === '') {
      report('spec.schedule', msg('required', {}, 'Required value'), {
        fixes: [
          {
            ...fixTitle('hourly', {}, 'Run every hour (@hourly)'),
            patch: [{ op: 'add', path: '/spec/schedule', value: '@hourly' }],
          },
        ],
      });
      return;
    }
    if (typeof schedule !== 'string') {
      report(
        'spec.schedule',
        msg(
          'notString',
          { value: JSON.stringify(schedule) },
          `Invalid value: ${JSON.stringify(schedule)}: must be a string`,
        ),
      );
      return;
    }
    const value = JSON.stringify(schedule);
    for (const problem of scheduleProblems(schedule)) {
      const fixes: QuickFix[] = [];
      const prefix = /^(CRON_)?TZ=(\S+)\s+(.*)$/.exec(schedule);
      if (problem.id === 'timeZonePrefix' && prefix)
        fixes.push({
          ...fixTitle('moveZone', { zone: prefix[2]! }, `Move ${prefix[2]} to spec.timeZone`),
          patch: [
            { op: 'replace', path: '/spec/schedule', value: prefix[3]!.trim() },
            { op: 'add', path: '/spec/timeZone', value: prefix[2]! },
          ],
        });
      report(
        'spec.schedule',
        msg(problem.id, { ...problem.params, value }, `Invalid value: ${value}: ${problem.text}`),
        { fixes },
      );
    }
  },
};
