// Compose variable interpolation (`${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`, `${VAR:+x}`, `${VAR+x}`,
// `$VAR`, `$$`), with the exact rules of compose-go's template package: the same pattern, the same choice of operator,
// nested defaults, and a `$` not followed by a name left as it is.

/** Looks a variable up; undefined when it is not set at all (set but empty is ''). */
export type Lookup = (name: string) => string | undefined;

export type InterpolationError =
  { kind: 'invalid'; template: string } | { kind: 'required'; variable: string; reason: string };

export interface Interpolated {
  value: string;
  /** The first error, as Compose reports only the first one; the value then holds '' in its place. */
  error?: InterpolationError;
  /** Variables read while unset, which Compose replaces with '' (and warns about). */
  unset: string[];
}

// compose-go: \$(?i:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|{(?:(?P<braced>[_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|(?P<invalid>)))
const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)\}|()))/gi;
const PATTERN_AT_START = new RegExp(`^${PATTERN.source}`, 'i');

/** Interpolates one string the way Compose does. */
export function interpolate(template: string, lookup: Lookup): Interpolated {
  const state: State = { lookup, unset: [] };
  const value = substitute(template, state);
  return state.error ? { value, error: state.error, unset: state.unset } : { value, unset: state.unset };
}

/** The variable names a string reads (for handing a reader only the environment it needs). */
export function variablesOf(template: string): string[] {
  const names = new Set<string>();
  const state: State = {
    lookup: (name) => {
      names.add(name);
      return undefined;
    },
    unset: [],
  };
  substitute(template, state);
  return [...names];
}

interface State {
  lookup: Lookup;
  unset: string[];
  error?: InterpolationError;
}

function substitute(template: string, state: State): string {
  // Depth is bounded by the text itself: each nested call works on a strictly shorter string.
  return template.replace(new RegExp(PATTERN.source, 'gi'), (match) => replacement(match, template, state));
}

function replacement(whole: string, template: string, state: State): string {
  const operator = firstOperator(whole);
  let substring = whole;
  let rest = '';
  const closing = firstBraceClosingIndex(whole);
  if (closing > -1) {
    rest = whole.slice(closing + 1);
    substring = whole.slice(0, closing + 1);
  }
  const m = PATTERN_AT_START.exec(substring);
  if (!m) return fail(state, { kind: 'invalid', template });
  if (m[1] !== undefined) return '$';
  const named = m[2];
  const braced = m[3];
  const substitution = named ?? braced ?? '';
  if (substitution === '') return fail(state, { kind: 'invalid', template });
  if (braced !== undefined && operator) {
    const applied = operator(substitution, state);
    if (applied !== undefined) return applied + (rest ? substitute(rest, state) : '');
  }
  return read(substitution, state);
}

function read(name: string, state: State): string {
  const value = state.lookup(name);
  if (value === undefined) {
    if (!state.unset.includes(name)) state.unset.push(name);
    return '';
  }
  return value;
}

function fail(state: State, error: InterpolationError): string {
  state.error ??= error;
  return '';
}

type Operator = (substitution: string, state: State) => string | undefined;

/** compose-go sorts the operators by where they first occur in the whole match and takes the earliest. */
function firstOperator(match: string): Operator | undefined {
  const candidates: [string, Operator][] = [
    [':?', (s, st) => required(s, st, ':?', (v) => v !== '')],
    ['?', (s, st) => required(s, st, '?', () => true)],
    [':-', (s, st) => whenAbsent(s, st, ':-', true)],
    ['-', (s, st) => whenAbsent(s, st, '-', false)],
    [':+', (s, st) => whenPresent(s, st, ':+', true)],
    ['+', (s, st) => whenPresent(s, st, '+', false)],
  ];
  let best: [number, Operator] | undefined;
  for (const [sep, op] of candidates) {
    const at = match.indexOf(sep);
    if (at >= 0 && (best === undefined || at < best[0])) best = [at, op];
  }
  return best?.[1];
}

function partition(s: string, sep: string): [string, string] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + sep.length)];
}

function whenAbsent(substitution: string, state: State, sep: string, emptyToo: boolean): string | undefined {
  if (!substitution.includes(sep)) return undefined;
  const [name, fallback] = partition(substitution, sep);
  const value = state.lookup(name);
  if (value === undefined || (emptyToo && value === '')) return substitute(fallback, state);
  return value;
}

function whenPresent(substitution: string, state: State, sep: string, nonEmpty: boolean): string | undefined {
  if (!substitution.includes(sep)) return undefined;
  const [name, alternative] = partition(substitution, sep);
  const value = state.lookup(name);
  if (value !== undefined && (!nonEmpty || value !== '')) return substitute(alternative, state);
  return value ?? '';
}

function required(substitution: string, state: State, sep: string, valid: (v: string) => boolean): string | undefined {
  if (!substitution.includes(sep)) return undefined;
  const [name, message] = partition(substitution, sep);
  const value = state.lookup(name);
  if (value === undefined || !valid(value)) {
    const reason = substitute(message, state);
    return fail(state, { kind: 'required', variable: name, reason });
  }
  return value;
}

/** compose-go's getFirstBraceClosingIndex: the `}` that closes the first `{`, skipping the character after each `{`. */
function firstBraceClosingIndex(s: string): number {
  let open = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '}') {
      open--;
      if (open === 0) return i;
    }
    if (s[i] === '{') {
      open++;
      i++;
    }
  }
  return -1;
}

/** The message Compose prints for an interpolation error, in its own words. */
export function interpolationMessage(error: InterpolationError, where: string): string {
  if (error.kind === 'invalid') {
    return `invalid interpolation format for ${where}: "${error.template}"; you may need to escape any $ with another $`;
  }
  return error.reason
    ? `required variable ${error.variable} is missing a value: ${error.reason}`
    : `required variable ${error.variable} is missing a value`;
}
