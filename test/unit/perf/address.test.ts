/** normalizeAddress's IPv4 fast path gives what ipaddr.js gives, for any string. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { normalizeAddress } from '../../../server/src/core/model/address';

/** The definition before the fast path: ipaddr.js alone. */
function reference(text: string): string | undefined {
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

describe('normalizeAddress', () => {
  it('agrees with ipaddr.js on edge cases of dotted quads', () => {
    const cases = [
      '10.1.2.3', '0.0.0.0', '255.255.255.255', '256.1.1.1', '01.2.3.4', '1.2.3.04', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3',
      '1.2.3.', '1.2.3.4%eth0', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.1000', '0x1.2.3.4', '1.2.3.-4', '', '%', '192.0.2.1%', '::ffff:1.2.3.4',
      '2001:DB8::1', 'fe80::1%eth0', '1.2.3.4/24', '00.0.0.0', '0.0.0.00', '9.99.199.249',
      'K8S', 'swp1', 'eth0.100', '2130706433', '0x7f000001', '127.1', '1.2.3.4:80', '::', '::1%lo', 'fe80::1%', '1::2::3', '::ffff:01.2.3.4',
    ];
    for (const c of cases) assert.equal(normalizeAddress(c), reference(c), c);
  });

  it('agrees with ipaddr.js on random dotted strings', () => {
    const part = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^[0-9]{1,4}$/), fc.constantFrom('', 'x', '0x1f', '-1'));
    const quad = fc.array(part, { minLength: 1, maxLength: 6 }).map((ps) => ps.join('.'));
    const text = fc.tuple(quad, fc.constantFrom('', '%eth0', '%', ' ')).map(([q, z]) => q + z);
    fc.assert(fc.property(text, (t) => normalizeAddress(t) === reference(t)), { numRuns: 20000 });
  });

  it('agrees with ipaddr.js on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (t) => normalizeAddress(t) === reference(t)), { numRuns: 5000 });
    const hexish = fc.stringMatching(/^[0-9a-fA-F:.%x]{0,24}$/);
    fc.assert(fc.property(hexish, (t) => normalizeAddress(t) === reference(t)), { numRuns: 20000 });
  });
});
