// Kubernetes names from Compose names: Compose allows `my_service.v2` and capitals, a container name must be a DNS
// label (a-z, 0-9, "-", at most 63), a Service name a DNS-1035 label (starting with a letter).

/** A DNS-1123 label made from `name`: lower case, other characters as "-", trimmed to 63. */
export function dnsLabel(name: string, fallback = 'x'): string {
  const label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return label || fallback;
}

export function isDnsLabel(name: string): boolean {
  return /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}

/** A Service name must also start with a letter (DNS-1035). */
export function isDns1035Label(name: string): boolean {
  return /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}

/** `base`, or `base-2`, `base-3`... whichever `taken` does not hold yet; the choice is added to `taken`. */
export function uniqueIn(taken: Set<string>, base: string): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) {
    const suffix = `-${i}`;
    name = `${base.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(name);
  return name;
}

/** A ConfigMap / Secret key: letters, digits, "-", "_" and ".". */
export function dataKey(name: string): string {
  return name.replace(/[^-._a-zA-Z0-9]+/g, '_') || 'data';
}

/** A port name (IANA service name): at most 15 of a-z, 0-9 and "-", with a letter, no "--", no "-" at either end. */
export function portName(name: string): string | undefined {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 15)
    .replace(/-$/, '');
  return /[a-z]/.test(cleaned) ? cleaned : undefined;
}
