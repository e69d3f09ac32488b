// Small readers for objects from hostile YAML: values at a path, and what Kubernetes would say about a number field.
import { isRecord } from '../context';

/** The value at `keys` below `value`, or undefined where the path leaves the objects. */
export function valueAt(value: unknown, keys: readonly (string | number)[]): unknown {
  let cur = value;
  for (const key of keys) {
    if (typeof key === 'number') cur = Array.isArray(cur) ? cur[key] : undefined;
    else cur = isRecord(cur) ? cur[key] : undefined;
  }
  return cur;
}

/** The record at `keys`, or undefined when there is none (or it is not a mapping). */
export function recordAt(value: unknown, keys: readonly (string | number)[]): Record<string, unknown> | undefined {
  const found = valueAt(value, keys);
  return isRecord(found) ? found : undefined;
}

export type NumberProblem = 'notInteger' | 'negative' | 'tooLarge';

/**
 * What is wrong with a value for an int32 field that must not be negative (ValidateNonnegativeField after JSON
 * decoding): a string or a fraction does not decode into an integer at all; past 2^31-1 it does not fit.
 */
export function nonNegativeInt32Problem(value: unknown): NumberProblem | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'notInteger';
  if (value < 0) return 'negative';
  if (value > 2147483647) return 'tooLarge';
  return undefined;
}

/**
 * A value as a message names it: strings and numbers as they are, anything else as `shown` writes it. Never `String()` of
 * a hostile object, which throws when the file gives it a `toString` that is not a function.
 */
export function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : shown(value);
}

/** JSON-ish text of a value for a message, the way the API server quotes an invalid value. */
export function shown(value: unknown): string {
  if (value === undefined) return 'null';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}
