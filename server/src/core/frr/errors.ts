import type { Range } from '../text/range';

/**
 * Codes of frr.conf parse errors, each documented in one line. Parse errors describe structure only;
 * what FRR would accept or reject command by command is the job of the FRR rule family.
 */
export const FRR_PARSE_ERRORS = {
  'stray-closer': 'a block closer (exit-address-family, exit-vrf, exit-vni, exit-link-params, exit-vnc, exit-vrf-policy) with no matching open block',
  'misplaced-address-family': 'an address-family line outside a router bgp block',
  'top-level-exit': 'exit or quit at the top level with commands after it: vtysh stops reading there (9.0+) or rejects every later line (8.x)',
  'byte-order-mark': 'a UTF-8 byte order mark at the start: FRR reads it as part of the first line, which it rejects',
  'lone-carriage-return': 'a CR not followed by LF between two non-blank lines: FRR ends lines only at LF and joins them (reported once, at the first)',
  'router-bgp-asn': 'router bgp with an AS number that is not a number 1-4294967295 or asdot',
} as const;

export type FrrParseErrorCode = keyof typeof FRR_PARSE_ERRORS;

export interface FrrParseError {
  readonly code: FrrParseErrorCode;
  readonly message: string;
  readonly range: Range;
}
