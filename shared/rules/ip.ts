// IP addresses as legacy Pod fields accept them (hostAliases, dnsConfig nameservers): IsValidIPForLegacyField with
// StrictIPCIDRValidation off in 1.34, i.e. netutils.ParseIPSloppy, which allows leading zeros in IPv4 octets and
// IPv4-mapped IPv6 addresses but no zone ("%eth0") and no prefix ("/24").

function isIPv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^[0-9]+$/.test(p) && Number(p) <= 255);
}

function isIPv6(value: string): boolean {
  let text = value;
  let groups = 8;
  // A dotted IPv4 tail stands for the last two groups.
  const tail = text.lastIndexOf(':');
  if (tail >= 0 && text.slice(tail + 1).includes('.')) {
    if (!isIPv4(text.slice(tail + 1))) return false;
    text = `${text.slice(0, tail + 1)}0`;
    groups = 7;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const hex = (part: string) => (part === '' ? [] : part.split(':'));
  const head = hex(halves[0] ?? '');
  const rest = halves.length === 2 ? hex(halves[1] ?? '') : [];
  const all = [...head, ...rest];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length < groups : all.length === groups;
}

/** ParseIPSloppy's verdict: a dotted IPv4 address or an IPv6 address. */
export function isLegacyIP(value: string): boolean {
  return value.includes(':') ? isIPv6(value) : isIPv4(value);
}
