// Interpolation against compose-go's own template tests (template/template_test.go): the same inputs, the same results.
import { describe, expect, it } from 'vitest';
import { interpolate, variablesOf } from './interpolate';

const defaults: Record<string, string> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };
const lookup = (name: string): string | undefined => defaults[name];
const sub = (template: string): string => {
  const out = interpolate(template, lookup);
  if (out.error) throw new Error(JSON.stringify(out.error));
  return out.value;
};

describe('interpolation (compose-go template tests)', () => {
  it('escapes $$ and leaves a $ without a name alone', () => {
    expect(sub('$${foo}')).toBe('${foo}');
    expect(sub('foo')).toBe('foo');
    for (const t of ['a $ string', '^REGEX$', '$}', '$', '$1 and $-x']) expect(sub(t)).toBe(t);
  });

  it('refuses invalid templates', () => {
    for (const t of ['${', '${}', '${ }', '${ foo}', '${foo }', '${foo!}']) {
      expect(interpolate(t, lookup).error?.kind, t).toBe('invalid');
    }
  });

  it('reads $VAR and ${VAR}; unset and empty give ""', () => {
    expect(sub('$FOO-bar')).toBe('first-bar');
    expect(sub('This $FOO var')).toBe('This first var');
    expect(sub('This ${FOO} var')).toBe('This first var');
    expect(sub('This ${missing} var')).toBe('This  var');
    expect(sub('This ${BAR} var')).toBe('This  var');
    expect(interpolate('${missing} ${BAR}', lookup).unset).toEqual(['missing']);
  });

  it('applies defaults, alternatives and required variables', () => {
    expect(sub('ok ${missing:-def}')).toBe('ok def');
    expect(sub('ok ${missing-def}')).toBe('ok def');
    expect(sub('ok ${BAR:-def}')).toBe('ok def');
    expect(sub('ok ${FOO:-def}')).toBe('ok first');
    expect(sub('ok ${BAR-def}')).toBe('ok ');
    expect(sub('ok ${UNSET_VAR:+presence_value}')).toBe('ok ');
    expect(sub('ok ${UNSET_VAR+presence_value}')).toBe('ok ');
    expect(sub('ok ${FOO:+presence_value}')).toBe('ok presence_value');
    expect(sub('ok ${FOO+presence_value}')).toBe('ok presence_value');
    expect(sub('ok ${BAR+presence_value}')).toBe('ok presence_value');
    expect(sub('ok ${BAR:+presence_value}')).toBe('ok ');
    expect(sub('ok ${BAR:-/non:-alphanumeric}')).toBe('ok /non:-alphanumeric');
    expect(sub('ok ${FOO:?err}')).toBe('ok first');
    expect(sub('ok ${FOO?err}')).toBe('ok first');
    expect(sub('ok ${BAR?err}')).toBe('ok ');
  });

  it('does not let an operator in the text around a variable interfere', () => {
    expect(sub('-ok ${BAR:-defaultValue}')).toBe('-ok defaultValue');
    expect(sub('+ok ${UNSET:-${BAR-defaultValue}}')).toBe('+ok ');
    expect(sub('-ok ${FOO:-defaultValue}')).toBe('-ok first');
    expect(sub(':-ok ${UNSET-defaultValue}')).toBe(':-ok defaultValue');
    expect(sub(':-ok ${BAR-defaultValue}')).toBe(':-ok ');
    expect(sub(':?ok ${BAR-defaultValue}')).toBe(':?ok ');
    expect(sub(':?ok ${BAR:-defaultValue}')).toBe(':?ok defaultValue');
    expect(sub(':+ok ${BAR:-defaultValue}')).toBe(':+ok defaultValue');
    expect(sub('+ok ${BAR-defaultValue}')).toBe('+ok ');
    expect(sub('?ok ${BAR:-defaultValue}')).toBe('?ok defaultValue');
  });

  it('expands nested variables in defaults', () => {
    expect(sub('ok ${UNSET_VAR-$FOO}')).toBe('ok first');
    expect(sub('ok ${UNSET_VAR-${FOO}}')).toBe('ok first');
    expect(sub('ok ${UNSET_VAR-${FOO} ${FOO}}')).toBe('ok first first');
    expect(sub('ok ${BAR:-$FOO}')).toBe('ok first');
    expect(sub('ok ${BAR:-${FOO}}')).toBe('ok first');
    expect(sub('ok ${BAR:-${FOO} ${FOO}}')).toBe('ok first first');
    expect(sub('ok ${BAR+$FOO}')).toBe('ok first');
    expect(sub('ok ${BAR+$FOO ${FOO:+second}}')).toBe('ok first second');
    expect(sub('${A:+${A},}B')).toBe('B');
    expect(interpolate('${A:+${A},}B', lookup).unset).toEqual([]);
    expect(interpolate('${A:-${B}}', lookup).unset).toEqual(['B']);
  });

  it('reports a missing required variable with its message, interpolated', () => {
    const cases: [string, string, string][] = [
      ['not ok ${UNSET_VAR:?Mandatory Variable Unset}', 'UNSET_VAR', 'Mandatory Variable Unset'],
      ['not ok ${BAR:?Mandatory Variable Empty}', 'BAR', 'Mandatory Variable Empty'],
      ['not ok ${UNSET_VAR:?}', 'UNSET_VAR', ''],
      ['not ok ${UNSET_VAR?Mandatory Variable Unset}', 'UNSET_VAR', 'Mandatory Variable Unset'],
      ['not ok ${UNSET_VAR?}', 'UNSET_VAR', ''],
      ['not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}', 'UNSET_VAR', 'Mandatory Variable first'],
    ];
    for (const [t, variable, reason] of cases) {
      expect(interpolate(t, lookup).error, t).toEqual({ kind: 'required', variable, reason });
    }
  });

  it('lists the variables a string reads', () => {
    expect(variablesOf('${A:-${B}} $C $$D ${E?x}').sort()).toEqual(['A', 'B', 'C', 'E']);
  });
});
