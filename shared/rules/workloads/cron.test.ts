// A CronJob schedule read the way Kubernetes 1.34 reads it (robfig/cron v3 ParseStandard, then the TZ rule).
import { describe, expect, it } from 'vitest';
import { cronProblem, scheduleProblems } from './cron';

describe('cron schedules', () => {
  it.each([
    '0 * * * *',
    '*/15 * * * *',
    '* * * * ?',
    '0 0 * * mon-fri',
    '30 9 1,15 jan,JUL *',
    '5/15 * * * *',
    '0 0 1-31/2 * sun',
    '  0   3 * * *  ',
    '@hourly',
    '@yearly',
    '@annually',
    '@midnight',
    '@every 1h30m',
    '@every 1.5h',
    '@every 0',
    '*-5 * * * *',
  ])('accepts %j', (schedule) => {
    expect(cronProblem(schedule)).toBeUndefined();
  });

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['0 0 * * funday', 'failed to parse int from funday: strconv.Atoi: parsing "funday": invalid syntax'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@every soon', 'failed to parse duration @every soon: time: invalid duration "soon"'],
  ])('refuses %j: %s', (schedule, text) => {
    expect(cronProblem(schedule)?.text).toBe(text);
  });

  it('refuses a TZ prefix on a new CronJob even when the schedule parses', () => {
    expect(scheduleProblems('TZ=UTC 0 * * * *').map((p) => p.text)).toEqual([
      'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
    expect(scheduleProblems('CRON_TZ=Europe/Paris 99 * * * *').map((p) => p.id)).toEqual([
      'aboveMaximum',
      'timeZonePrefix',
    ]);
  });
});
