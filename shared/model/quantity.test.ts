// Quantities read exactly as the API server reads them (apimachinery's TestQuantityParse cases, plus what the JSON
// decoder adds), since a quantity the server reads differently is a false error or a miss (issue 17).
import { describe, expect, it } from 'vitest';
import { parseQuantity, readQuantity, roundUpToMilli, wholeValue } from './quantity';

const nanos = (input: unknown) => {
  const q = readQuantity(input);
  return typeof q === 'string' ? q : q.nanos;
};

describe('readQuantity (resource.ParseQuantity behind the JSON decoder)', () => {
  it('reads every suffix form: SI, binary, exponents, milli and smaller (TestQuantityParse)', () => {
    expect(nanos('0')).toBe(0n);
    expect(nanos('0Mi')).toBe(0n);
    expect(nanos('1')).toBe(1_000_000_000n);
    expect(nanos('7Mi')).toBe(7n * 2n ** 20n * 1_000_000_000n);
    expect(nanos('3Ei')).toBe(3n * 2n ** 60n * 1_000_000_000n);
    expect(nanos('5n')).toBe(5n);
    expect(nanos('4u')).toBe(4000n);
    expect(nanos('3m')).toBe(3_000_000n);
    expect(nanos('1.5Gi')).toBe(1536n * 2n ** 20n * 1_000_000_000n);
    expect(nanos('1e3')).toBe(1000n * 1_000_000_000n);
    expect(nanos('1E-3')).toBe(1_000_000n);
    expect(nanos('1e+3')).toBe(nanos('1k'));
    expect(nanos('8E')).toBe(8n * 10n ** 18n * 1_000_000_000n);
    expect(nanos('99999999999999999999')).toBe(99999999999999999999n * 1_000_000_000n);
  });

  it('keeps the parser quirks: "1.", ".5", "+1", "e3" (zero) and a lone sign are all valid', () => {
    expect(nanos('1.')).toBe(1_000_000_000n);
    expect(nanos('.5')).toBe(500_000_000n);
    expect(nanos('+1')).toBe(1_000_000_000n);
    expect(nanos('e3')).toBe(0n);
    expect(nanos('-')).toBe(0n);
    expect(nanos('-500m')).toBe(-500_000_000n);
  });

  it('rounds a value below a nano up, away from zero, and caps binary values at the largest int64', () => {
    expect(nanos('0.1n')).toBe(1n);
    expect(nanos('-0.1n')).toBe(-1n);
    expect(nanos('99999Ei')).toBe((2n ** 63n - 1n) * 1_000_000_000n);
  });

  it('takes JSON numbers as their text and trims spaces as the JSON decoder does', () => {
    expect(nanos(0.5)).toBe(500_000_000n);
    expect(nanos(2048)).toBe(2048n * 1_000_000_000n);
    expect(nanos(1e21)).toBe(10n ** 21n * 1_000_000_000n);
    expect(nanos(' 1 ')).toBe(1_000_000_000n);
  });

  it('refuses what the decoder refuses, telling a bad format from a bad suffix (TestQuantityParse invalid)', () => {
    for (const bad of ['', '1.1.M', '1+1.0M', 'aoeu', '0.1am', '1 Gi', '0x10', '1_000', '1e3m', '1Gb', '1KiB'])
      expect(nanos(bad), bad).toBe('format');
    for (const bad of ['0.1mi', '.5i', '1i', '-3.01i', '-3.01e-', '1K', '1e', '1EE'])
      expect(nanos(bad), bad).toBe('suffix');
    expect(nanos(Number.NaN)).toBe('format');
    expect(nanos({})).toBe('format');
  });

  it('rounds to thousandths as SetDefaults_ResourceList does, and reads whole values as Quantity.Value()', () => {
    expect(roundUpToMilli(nanos('100n') as bigint)).toBe(1_000_000n);
    expect(roundUpToMilli(nanos('-1n') as bigint)).toBe(-1_000_000n);
    expect(roundUpToMilli(nanos('2m') as bigint)).toBe(2_000_000n);
    expect(wholeValue(nanos('1500m') as bigint)).toBe(2n);
    expect(parseQuantity('1.25Gi')).toBe(1.25 * 2 ** 30);
    expect(parseQuantity('1 Gi')).toBeUndefined();
  });
});
