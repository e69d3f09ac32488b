// Kubernetes resource quantities ("500m", "1.25Gi", "1e3") read into plain numbers, for the rules and the plan alike.

const quantityRe = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

const suffixes: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

// Designs repeat the same few quantities ("100m", "64Mi") in every container; parsing is the hot spot of a pass.
const parsed = new Map<string, number | null>();

/** The value in base units (cores, bytes), or undefined when Kubernetes would not parse it. */
export function parseQuantity(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  const known = parsed.get(input);
  if (known !== undefined) return known ?? undefined;
  if (parsed.size >= 10_000) parsed.clear();
  const value = parseQuantityText(input);
  parsed.set(input, value ?? null);
  return value;
}

function parseQuantityText(input: string): number | undefined {
  const match = quantityRe.exec(input);
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  const scale = suffixes[suffix] ?? (/^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : undefined);
  if (scale === undefined || !Number.isFinite(number)) return undefined;
  const value = number * scale;
  return Number.isFinite(value) ? value : undefined;
}

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
