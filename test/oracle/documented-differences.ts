// Documented differences between FRR 8.4.4 (vtysh -C / bgpd -C) and grlint's FRR rules judged as 8.4.4:
// the only disagreements `npm run test:oracle` allows. Each entry must still occur (the run fails when one
// explains no line any more), so the list stays true. Keep it small: a real grlint error is fixed in the
// rule, not listed here.
//
// An entry matches a disagreement by tool, direction, the line's text and optionally the file name.

export interface DocumentedDifference {
  readonly id: string;
  readonly tool: 'vtysh' | 'bgpd';
  /** 'missed rejection': FRR rejects, grlint is silent; 'false positive': FRR accepts, grlint reports. */
  readonly direction: 'missed rejection' | 'false positive';
  /** The line's text (untrimmed) must match. */
  readonly text: RegExp;
  /** The oracle name of the text (corpus-relative path, `boundary:<id>`) must match, when given. */
  readonly file?: RegExp;
  /** Why FRR and grlint differ here. */
  readonly reason: string;
  /** The FRR commit / version the difference comes from. */
  readonly source: string;
}

export const DOCUMENTED_DIFFERENCES: readonly DocumentedDifference[] = [
  {
    id: 'asdot router bgp: the block is read at the top level',
    tool: 'vtysh',
    direction: 'missed rejection',
    text: /^\s+(address-family ipv4 unicast|exit-address-family|neighbor \S+ timers \d+ \d+)\s*$/,
    file: /^frr\/tests\/topotests\/(bgp_asdot_regex|bgp_local_as_dotplus_private_remove)\//,
    reason:
      'FRR 8.4.4 has no asdot AS numbers: it rejects `router bgp 1.1` / `router bgp 0.65000 as-notation dot+`, stays at the top level ' +
      'and rejects the lines of the block there (CONFIG_NODE). grlint reports the `router bgp` line (FRR506 needs 9.0) and, on ' +
      'purpose, not every line of the block after it.',
    source: 'asdot and as-notation since FRR 9.0: 8079a4138d (lib, bgp: add initial support for asdot format), e55b088399 (bgpd: add as-notation keyword to router bgp)',
  },
  {
    id: 'newer address family: its exit-address-family is stray',
    tool: 'vtysh',
    direction: 'missed rejection',
    text: /^\s*exit-address-family\s*$/,
    file: /^frr\/tests\/topotests\/(bgp_link_state[\w-]*|bgp_unreachability)\//,
    reason:
      'FRR 8.4.4 rejects `address-family link-state` and `address-family ipv4|ipv6 unreachability`, so vtysh never enters the ' +
      'address family and rejects its `exit-address-family` (BGP_NODE). grlint reports the address-family line (FRR506) only.',
    source: 'address-family link-state: d4f914528b, FRR 10.7; address-family unreachability: 4154e91508, FRR master (10.8)',
  },
  {
    id: 'EVPN command newer than 8.4.4 leaves the address family',
    tool: 'vtysh',
    direction: 'missed rejection',
    text: /^\s*exit-address-family\s*$/,
    file: /^frr\/tests\/topotests\/(bgp_evpn_maximum_prefix|bgp_evpn_rt5_addpath)\//,
    reason:
      '`neighbor X maximum-prefix` and `neighbor X addpath-tx-all-paths` are not commands of address-family l2vpn evpn in 8.4.4; ' +
      'vtysh runs them at the router bgp level instead (walk-up), which leaves the address family, so the `exit-address-family` ' +
      'is stray for 8.4.4. grlint does not model the address-family commands per version.',
    source: 'EVPN maximum-prefix: 0c54dfde69, FRR 10.1; EVPN addpath-tx-all-paths: b602de2f43, FRR 10.5',
  },
];
