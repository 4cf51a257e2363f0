import ipaddr from 'ipaddr.js';

/**
 * Canonical text of an IPv4 or IPv6 address (IPv6 compressed, lower case, zone dropped), or undefined
 * when `text` is not an address.
 */
export function normalizeAddress(text: string): string | undefined {
  const base = text.split('%')[0]!;
  if (!ipaddr.isValid(base)) return undefined;
  try {
    const a = ipaddr.parse(base);
    if (a.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(base)) return undefined;
    return a.toString();
  } catch {
    return undefined;
  }
}

/** True when `address` lies inside `prefix` (CIDR); false for anything unparsable. */
export function prefixContains(prefix: string, address: string): boolean {
  try {
    const [net, len] = ipaddr.parseCIDR(prefix);
    const a = ipaddr.parse(address.split('%')[0]!);
    if (a.kind() !== net.kind()) return false;
    return (a as ipaddr.IPv4).match([net as ipaddr.IPv4, len]);
  } catch {
    return false;
  }
}
