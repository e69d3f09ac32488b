// A CronJob's schedule as Kubernetes 1.34 reads it: robfig/cron v3's ParseStandard (five fields, or a descriptor
// such as @hourly or @every 1h30m), then validateScheduleFormat's rule that a new CronJob may not carry a TZ= or
// CRON_TZ= prefix (the timeZone field replaced it). Transcribed, not imported: shared/ takes no scheduling library.

/** What is wrong with a schedule: a catalogue id, its placeholders, and Kubernetes' own English. */
export interface ScheduleProblem {
  id: string;
  params: Record<string, string | number>;
  text: string;
}

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const fields: readonly (Bounds & { name: string })[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
  },
  { name: 'day of week', min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } },
];

const descriptors = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Go's time.ParseDuration: a signed sequence of decimal numbers, each with a unit; "0" alone needs none. */
const goDuration = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

const problem = (id: string, params: Record<string, string | number>, text: string): ScheduleProblem => ({
  id,
  params,
  text,
});

/** strconv.Atoi as robfig's mustParseInt uses it: an optional sign and decimal digits, nothing else. */
function parseInt10(expr: string): number | ScheduleProblem {
  if (!/^[-+]?\d+$/.test(expr))
    return problem(
      'notInt',
      { expr },
      `failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`,
    );
  const n = Number(expr);
  if (n < 0) return problem('negative', { n, expr }, `negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, bounds: Bounds): number | ScheduleProblem {
  const named = bounds.names?.[expr.toLowerCase()];
  return named !== undefined ? named : parseInt10(expr);
}

/** One comma-separated part of a field: `*`, `?`, `5`, `1-5`, `mon-fri`, or a step such as `10-50/10`. */
function checkRange(expr: string, bounds: Bounds): ScheduleProblem | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = parseIntOrName(lowAndHigh[0]!, bounds);
    if (typeof low !== 'number') return low;
    start = low;
    end = low;
    if (lowAndHigh.length === 2) {
      const high = parseIntOrName(lowAndHigh[1]!, bounds);
      if (typeof high !== 'number') return high;
      end = high;
    } else if (lowAndHigh.length > 2) return problem('hyphens', { expr }, `too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseInt10(rangeAndStep[1]!);
    if (typeof parsed !== 'number') return parsed;
    step = parsed;
    // `5/15` means from 5 to the end of the range in steps of 15.
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) return problem('slashes', { expr }, `too many slashes: ${expr}`);
  if (start < bounds.min)
    return problem(
      'belowMinimum',
      { start, min: bounds.min, expr },
      `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`,
    );
  if (end > bounds.max)
    return problem(
      'aboveMaximum',
      { end, max: bounds.max, expr },
      `end of range (${end}) above maximum (${bounds.max}): ${expr}`,
    );
  if (start > end)
    return problem(
      'backwards',
      { start, end, expr },
      `beginning of range (${start}) beyond end of range (${end}): ${expr}`,
    );
  if (step === 0) return problem('zeroStep', { expr }, `step of range should be a positive number: ${expr}`);
  return undefined;
}

/** What robfig/cron's ParseStandard would refuse in `schedule`, or undefined when it parses. */
export function cronProblem(schedule: string): ScheduleProblem | undefined {
  if (schedule.length === 0) return problem('empty', {}, 'empty spec string');
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    // The zone itself is for the time zone database; its place in the spec is what matters here.
    const space = spec.indexOf(' ');
    spec = space < 0 ? '' : spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (descriptors.has(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      return goDuration.test(duration)
        ? undefined
        : problem(
            'duration',
            { expr: spec, duration },
            `failed to parse duration ${spec}: time: invalid duration "${duration}"`,
          );
    }
    return problem('descriptor', { expr: spec }, `unrecognized descriptor: ${spec}`);
  }
  const parts = spec.split(/\s+/).filter((s) => s !== '');
  if (parts.length !== 5)
    return problem(
      'fieldCount',
      { count: parts.length, fields: `[${parts.join(' ')}]` },
      `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`,
    );
  for (let i = 0; i < 5; i++) {
    for (const expr of parts[i]!.split(',').filter((s) => s !== '')) {
      const found = checkRange(expr, fields[i]!);
      if (found) return found;
    }
  }
  return undefined;
}

/** The whole check of `spec.schedule` on a new CronJob: the cron syntax, then the TZ rule. */
export function scheduleProblems(schedule: string): ScheduleProblem[] {
  const out: ScheduleProblem[] = [];
  const parse = cronProblem(schedule);
  if (parse) out.push(parse);
  if (schedule.includes('TZ'))
    out.push(problem('timeZonePrefix', {}, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return out;
}
