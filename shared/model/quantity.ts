// Kubernetes resource quantities ("500m", "1.25Gi", "1e3") read exactly as the API server reads them, and as plain
// numbers for the plan and the workshop.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A quantity exactly as the API server holds it: billionths of the unit, rounded away from zero as it does. */
export interface ExactQuantity {
  nanos: bigint;
  format: QuantityFormat;
}

/** Why the API server refuses a quantity: the whole Pod then fails to decode (400, no field path). */
export type QuantityError = 'format' | 'suffix';

const NANO = 1_000_000_000n;
const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const suffixChars = 'eEinumkKMGTP';
const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
// A BinarySI quantity is capped at the largest int64 (resource.maxAllowed).
const maxBinaryNanos = (2n ** 63n - 1n) * NANO;
// Far beyond any limit a rule compares with; keeps 1e999999 from building a million-digit number.
const maxPowerOfTen = 400;

const pow10 = (n: number) => 10n ** BigInt(Math.min(n, maxPowerOfTen));

/** `a / b` rounded away from zero for positive `a` and `b`. */
const divideUp = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * resource.ParseQuantity, after the JSON decoder's TrimSpace: the sign, digits, an optional fraction and a suffix
 * (n u m k M G T P E, Ki…Ei, or an exponent e3 / E-3). Quirks kept: "1." and ".5" are valid, and so is "e3" (zero).
 */
export function readQuantityText(text: string): ExactQuantity | QuantityError {
  const str = text.trim();
  if (str === '') return 'format';
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (str[pos] === '0') pos++;
  let start = pos;
  while (digit(str[pos])) pos++;
  const whole = str.slice(start, pos);
  let fraction = '';
  if (str[pos] === '.') {
    start = ++pos;
    while (digit(str[pos])) pos++;
    fraction = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && suffixChars.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (digit(str[pos])) pos++;
  if (pos < str.length) return 'format';
  const suffix = str.slice(suffixStart);
  let format: QuantityFormat;
  let exponent10 = 0;
  let exponent2 = 0;
  if (Object.hasOwn(decimalSuffixes, suffix)) {
    format = 'DecimalSI';
    exponent10 = decimalSuffixes[suffix]!;
  } else if (Object.hasOwn(binarySuffixes, suffix)) {
    format = 'BinarySI';
    exponent2 = binarySuffixes[suffix]!;
  } else if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    format = 'DecimalExponent';
    exponent10 = Number(suffix.slice(1));
  } else return 'suffix';
  const digits = BigInt((whole + fraction).replace(/^0+/, '') || '0');
  // value = digits × 10^(exponent10 − |fraction|) × 2^exponent2, in nanos: × 10^9.
  const shift = exponent10 - fraction.length + 9;
  const scaled = digits * 2n ** BigInt(exponent2);
  let nanos = shift >= 0 ? scaled * pow10(shift) : divideUp(scaled, pow10(-shift));
  if (format === 'BinarySI') {
    if (nanos > maxBinaryNanos) nanos = maxBinaryNanos;
    // A binary quantity below one is shown (and compared as a divisor) in decimal.
    if (nanos < NANO && nanos > 0n) format = 'DecimalSI';
  }
  return { nanos: negative ? -nanos : nanos, format };
}

// Designs repeat the same few quantities ("100m", "64Mi") in every container; parsing is the hot spot of a pass.
const parsed = new Map<string, ExactQuantity | QuantityError>();

/** A quantity from a Pod (a YAML string or number), as the API server reads it, or why it refuses it. */
export function readQuantity(input: unknown): ExactQuantity | QuantityError {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return 'format';
    // A JSON number reaches the decoder as its text, "1e+21" included.
    input = JSON.stringify(input);
  }
  if (typeof input !== 'string') return 'format';
  const known = parsed.get(input);
  if (known !== undefined) return known;
  if (parsed.size >= 10_000) parsed.clear();
  const value = readQuantityText(input);
  parsed.set(input, value);
  return value;
}

/** The exact quantity, or undefined when the API server would refuse it. */
export function exactQuantity(input: unknown): ExactQuantity | undefined {
  const q = readQuantity(input);
  return typeof q === 'string' ? undefined : q;
}

/** The value in base units (cores, bytes), or undefined when Kubernetes would not parse it. */
export function parseQuantity(input: unknown): number | undefined {
  const q = exactQuantity(input);
  return q === undefined ? undefined : Number(q.nanos) / 1e9;
}

/** SetDefaults_ResourceList: container requests and limits are rounded up to thousandths before validation. */
export function roundUpToMilli(nanos: bigint): bigint {
  const milli = 1_000_000n;
  const rest = nanos % milli;
  if (rest === 0n) return nanos;
  return nanos > 0n ? nanos - rest + milli : nanos - rest - milli;
}

/** Quantity.Value(): the whole number, rounded away from zero. */
export function wholeValue(nanos: bigint): bigint {
  return nanos >= 0n ? divideUp(nanos, NANO) : -divideUp(-nanos, NANO);
}

export const nanosPerUnit = NANO;

/** A quantity for people: bytes in binary units, cores as plain or milli. */
export function formatQuantity(resource: string, value: number): string {
  if (resource === 'cpu') return value < 1 ? `${Math.round(value * 1000)}m` : `${+value.toFixed(3)}`;
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
    let v = value;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return `${+v.toFixed(2)}${units[i]}`;
  }
  return String(+value.toFixed(3));
}

/** CPU as millicores for the engine, rounded up the way the kubelet does (a request of 0.0001 is 1m). */
export function milliCpu(input: unknown): number | undefined {
  const cores = parseQuantity(input);
  return cores === undefined || cores < 0 ? undefined : Math.ceil(Math.round(cores * 1e6) / 1e3);
}

/** Memory as whole bytes for the engine, rounded up. */
export function memoryBytes(input: unknown): number | undefined {
  const bytes = parseQuantity(input);
  return bytes === undefined || bytes < 0 ? undefined : Math.ceil(bytes);
}
