import ipaddr from 'ipaddr.js';

/**
 * Canonical text of an IPv4 or IPv6 address (IPv6 compressed, lower case, zone dropped), or undefined
 * when `text` is not an address.
 */
export function normalizeAddress(text: string): string | undefined {
  const zone = text.indexOf('%');
  const base = zone < 0 ? text : text.slice(0, zone);
  // Fast path: a dotted-decimal IPv4 address without leading zeros is already canonical. ipaddr.js
  // takes microseconds per call, and pairing and rules normalize every neighbor address many times.
  if (isCanonicalIpv4(base)) return base;
  // Without a colon only IPv4 is possible, and ipaddr.js accepts no other IPv4 text here (four-part
  // decimal only). Words (peer-group and interface names) cost ipaddr.js about 20 microseconds.
  if (!base.includes(':')) return undefined;
  if (!ipaddr.isValid(base)) return undefined;
  try {
    const a = ipaddr.parse(base);
    if (a.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(base)) return undefined;
    return a.toString();
  } catch {
    return undefined;
  }
}

/** True for `a.b.c.d` with each part 0-255 written without leading zeros (ipaddr.js prints these as they are). */
function isCanonicalIpv4(s: string): boolean {
  const n = s.length;
  if (n < 7 || n > 15) return false;
  let parts = 0;
  let i = 0;
  while (i <= n) {
    const start = i;
    let v = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3 || v > 255 || (len > 1 && s.charCodeAt(start) === 48)) return false;
    parts++;
    if (i === n) return parts === 4;
    if (s.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return false;
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
