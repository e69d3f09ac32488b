// Compose's units: durations (`1m30s`, `500ms`, `2d`, as go-str2duration reads them), byte sizes (`512m`, `1.5g`, as
// go-units' RAMInBytes reads them: 1024-based) and CPUs, turned into Kubernetes' seconds and quantities.

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

/** Seconds in a duration (`1m30s`, `10s`, `0.5h`, a bare number of seconds); undefined when it does not parse. */
export function durationSeconds(value: unknown): number | undefined {
  // compose-go reads a bare number as text too, and Go refuses a duration without a unit (except 0).
  if (typeof value === 'number') return value === 0 ? 0 : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '0') return 0;
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '');
  if (body === '') return undefined;
  let total = 0;
  let rest = body;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** Whole seconds for a Kubernetes field, rounded up so a probe never runs more often than Compose's. */
export function wholeSeconds(seconds: number): number {
  return Math.max(0, Math.ceil(seconds - 1e-9));
}

const BINARY: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** Bytes in a size (`512m`, `1.5gb`, `1024`, 1024); undefined when it does not parse. */
export function bytesOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (/^-?\d+$/.test(s)) return Number(s);
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  return Math.floor(n * BINARY[(m[2] ?? '').toLowerCase()]!);
}

/** A byte count as the shortest exact Kubernetes quantity: 536870912 → "512Mi", 1000 → "1000". */
export function memoryQuantity(bytes: number): string {
  for (const [suffix, size] of [
    ['Ti', 1024 ** 4],
    ['Gi', 1024 ** 3],
    ['Mi', 1024 ** 2],
    ['Ki', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}

/** CPUs (`0.5`, "1.5", 2) as a Kubernetes quantity in millicores ("500m", "2"); undefined when not a number. */
export function cpuQuantity(value: unknown): string | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) return undefined;
  const milli = Math.round(n * 1000);
  // Kubernetes refuses a CPU below 1m; a tiny Compose value becomes the smallest one.
  if (milli === 0 && n > 0) return '1m';
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}
