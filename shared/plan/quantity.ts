// Kubernetes resource quantities ("200m", "1.5", "128Mi", "1e3") as plain numbers.

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = {
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
};

/** The quantity's value in base units (cores, bytes), or undefined when it is not a Kubernetes quantity. */
export function parseQuantity(input: string | number | undefined): number | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  const m = /^([+]?[0-9]+(?:\.[0-9]*)?|[+]?\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?[0-9]+))?$/.exec(
    input.trim(),
  );
  if (!m) return undefined;
  const number = Number(m[1]);
  if (m[3] !== undefined) return number * 10 ** Number(m[3]);
  const suffix = m[2] ?? '';
  const factor = binary[suffix] ?? decimal[suffix];
  return factor === undefined ? undefined : number * factor;
}

/** CPU as millicores, rounded up the way the kubelet does (a request of 0.0001 is 1m). */
export function milliCpu(input: string | number | undefined): number | undefined {
  const cores = parseQuantity(input);
  return cores === undefined ? undefined : Math.ceil(Math.round(cores * 1e6) / 1e3);
}

/** Memory as whole bytes, rounded up. */
export function memoryBytes(input: string | number | undefined): number | undefined {
  const bytes = parseQuantity(input);
  return bytes === undefined ? undefined : Math.ceil(bytes);
}
