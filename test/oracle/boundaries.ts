// Test-only generator of small frr.conf snippets that probe FRR's acceptance of every command grlint models:
// each number range at, below and above its boundaries, right and wrong spellings (including the
// keyword abbreviations FRR's CLI accepts), right and wrong blocks, and the semantic cases that only
// bgpd can judge (undefined neighbor / peer-group, hold time 1-2). Pure: no fs, no process.
//
// Every snippet is a complete file. Context lines are chosen so that FRR 8.4.4 accepts all of them
// (vtysh -C and bgpd -C) except where a case says otherwise; `line` is the line under test.

export type Daemon = 'bgpd' | 'zebra' | 'bfdd' | 'lib';

export type Placement =
  | 'router bgp'
  | 'address-family ipv4 unicast'
  | 'top level'
  | 'interface'
  | 'bfd'
  | 'bfd profile'
  | 'raw';

export interface BoundaryCase {
  /** Stable unique id, used as the key of the expectation table. */
  readonly id: string;
  /** What is probed, e.g. "restart-time", "timers bgp", "placement". */
  readonly group: string;
  /** Catalog rule codes this case bears on. */
  readonly rules: readonly string[];
  /** The line under test, trimmed. */
  readonly command: string;
  readonly placement: Placement;
  /** Which FRR daemon owns the command (bgpd -C rejects every non-bgpd command). */
  readonly daemon: Daemon;
  /** The whole snippet. */
  readonly text: string;
  /** 1-based line of `command` in `text`. */
  readonly line: number;
  /** Short note for the report. */
  readonly note?: string;
}

/** Lines 1-8 of every snippet that has a `router bgp` context. */
export const BGP_HEADER: readonly string[] = [
  'frr version 8.4.4',
  'frr defaults traditional',
  '!',
  'router bgp 64512',
  ' bgp router-id 192.0.2.1',
  ' neighbor PG peer-group',
  ' neighbor PG remote-as external',
  ' neighbor 192.0.2.2 remote-as 64513',
];

/** A defined neighbor, a defined peer-group and an undefined neighbor used by the cases. */
export const DEFINED_PEER = '192.0.2.2';
export const PEER_GROUP = 'PG';
export const UNDEFINED_PEER = '192.0.2.9';

interface Spec {
  id: string;
  group: string;
  rules: readonly string[];
  placement: Placement;
  daemon?: Daemon;
  /** Lines placed in the block (unindented; indentation is added). */
  body: readonly string[];
  /** Index in body of the line under test (default: last). */
  target?: number;
  note?: string;
}

function build(spec: Spec): BoundaryCase {
  const out: string[] = [];
  let first = 0;
  const indent = (n: number, lines: readonly string[]) => lines.map((l) => (l === '' ? l : ' '.repeat(n) + l));
  switch (spec.placement) {
    case 'router bgp':
      out.push(...BGP_HEADER);
      first = out.length;
      out.push(...indent(1, spec.body), 'exit', '!');
      break;
    case 'address-family ipv4 unicast':
      out.push(...BGP_HEADER, ' address-family ipv4 unicast');
      first = out.length;
      out.push(...indent(2, spec.body), ' exit-address-family', 'exit', '!');
      break;
    case 'top level':
      out.push(...BGP_HEADER, 'exit', '!');
      first = out.length;
      out.push(...spec.body, '!');
      break;
    case 'interface':
      out.push('frr version 8.4.4', '!', 'interface eth0');
      first = out.length;
      out.push(...indent(1, spec.body), 'exit', '!');
      break;
    case 'bfd':
      out.push('frr version 8.4.4', '!', 'bfd');
      first = out.length;
      out.push(...indent(1, spec.body), 'exit', '!');
      break;
    case 'bfd profile':
      out.push('frr version 8.4.4', '!', 'bfd', ' profile P');
      first = out.length;
      out.push(...indent(2, spec.body), ' exit', 'exit', '!');
      break;
    case 'raw':
      first = out.length;
      out.push(...spec.body);
      break;
  }
  const target = spec.target ?? spec.body.length - 1;
  const line = first + target + 1;
  const text = `${out.join('\n')}\n`;
  const command = (out[line - 1] ?? '').trim();
  const c: BoundaryCase = {
    id: spec.id,
    group: spec.group,
    rules: spec.rules,
    command,
    placement: spec.placement,
    daemon: spec.daemon ?? 'bgpd',
    text,
    line,
  };
  return spec.note === undefined ? c : { ...c, note: spec.note };
}

const P = DEFINED_PEER;
const U = UNDEFINED_PEER;

function rangeSpecs(): Spec[] {
  const specs: Spec[] = [];
  const single = (group: string, prefix: string, values: readonly string[], rules: readonly string[]) => {
    for (const v of values) specs.push({ id: `${group} ${v}`, group, rules, placement: 'router bgp', body: [`${prefix} ${v}`] });
  };
  single('restart-time', 'bgp graceful-restart restart-time', ['-1', '0', '1', '120', '4095', '4096'], ['FRR501', 'FRR506']);
  single('stalepath-time', 'bgp graceful-restart stalepath-time', ['-1', '0', '1', '360', '4095', '4096'], ['FRR501']);
  single('select-defer-time', 'bgp graceful-restart select-defer-time', ['-1', '0', '1', '3600', '3601'], ['FRR501']);
  single('rib-stale-time', 'bgp graceful-restart rib-stale-time', ['-1', '0', '1', '3600', '3601'], ['FRR501']);
  single('llgr stale-time', 'bgp long-lived-graceful-restart stale-time', ['0', '1', '16777215', '16777216', '4294967295', '4294967296'], ['FRR501', 'FRR506']);
  single('minimum-holdtime', 'bgp minimum-holdtime', ['0', '1', '65535', '65536'], ['FRR501']);
  const nums = ['0', '1', '2', '3', '65535', '65536'];
  for (const k of nums) {
    for (const h of nums) {
      specs.push({ id: `timers bgp ${k} ${h}`, group: 'timers bgp', rules: ['FRR501', 'TMR201', 'TMR202', 'TMR203'], placement: 'router bgp', body: [`timers bgp ${k} ${h}`] });
    }
  }
  for (const k of nums) {
    for (const h of nums) {
      specs.push({ id: `neighbor timers ${k} ${h}`, group: 'neighbor timers', rules: ['FRR501', 'TMR201', 'TMR202', 'TMR203'], placement: 'router bgp', body: [`neighbor ${P} timers ${k} ${h}`] });
    }
  }
  for (const [k, h] of [['3', '2'], ['1', '3'], ['10', '9'], ['3', '9']] as const) {
    specs.push({ id: `peer-group timers ${k} ${h}`, group: 'neighbor timers', rules: ['TMR201', 'TMR202'], placement: 'router bgp', body: [`neighbor PG timers ${k} ${h}`] });
  }
  single('timers connect', `neighbor ${P} timers connect`, ['-1', '0', '1', '65535', '65536'], ['FRR501', 'TMR208']);
  single('timers delayopen', `neighbor ${P} timers delayopen`, ['0', '1', '240', '241'], ['FRR501']);
  single('remote-as', 'neighbor 192.0.2.3 remote-as', ['0', '1', '4294967295', '4294967296', 'external', 'internal', 'externall'], ['FRR501']);
  return specs;
}

function spellingSpecs(): Spec[] {
  const ok = (id: string, line: string, rules: readonly string[], note?: string): Spec => {
    const s: Spec = { id, group: 'spelling', rules, placement: 'router bgp', body: [line] };
    return note === undefined ? s : { ...s, note };
  };
  return [
    ok('bgp graceful-restart', 'bgp graceful-restart', ['FRR504']),
    ok('no bgp graceful-restart', 'no bgp graceful-restart', ['FRR504']),
    ok('bgp graceful-restart-disable', 'bgp graceful-restart-disable', ['FRR504', 'FRR506']),
    ok('bgp graceful-restart preserve-fw-state', 'bgp graceful-restart preserve-fw-state', ['FRR504']),
    ok('bgp graceful-restart notification', 'bgp graceful-restart notification', ['FRR504', 'FRR506']),
    ok('no bgp graceful-restart notification', 'no bgp graceful-restart notification', ['FRR504', 'FRR506']),
    ok('bgp graceful-restart disable-eor', 'bgp graceful-restart disable-eor', ['FRR504']),
    ok('bgp hard-administrative-reset', 'bgp hard-administrative-reset', ['FRR504']),
    ok('bgp long-lived-graceful-restart stale-time 10', 'bgp long-lived-graceful-restart stale-time 10', ['FRR504']),
    ok('typo restart-tme', 'bgp graceful-restart restart-tme 60', ['FRR504']),
    ok('typo stalepath-tme', 'bgp graceful-restart stalepath-tme 360', ['FRR504']),
    ok('typo graceful-restrat', 'bgp graceful-restrat', ['FRR504']),
    ok('typo graceful-restart-disabel', 'bgp graceful-restart-disabel', ['FRR504']),
    ok('typo notificaton', 'bgp graceful-restart notificaton', ['FRR504']),
    ok('typo preserve-fw-sate', 'bgp graceful-restart preserve-fw-sate', ['FRR504']),
    ok('typo llgr stale-tme', 'bgp long-lived-graceful-restart stale-tme 10', ['FRR504']),
    ok('typo timers bgpp', 'timers bgpp 3 9', ['FRR504']),
    ok('typo neighbor timer-s', `neighbor ${P} timerz 3 9`, ['FRR504']),
    ok('typo neighbor graceful-restart-helpr', `neighbor ${P} graceful-restart-helpr`, ['FRR504']),
    ok('typo neighbor bfd chek-control-plane-failure', `neighbor ${P} bfd chek-control-plane-failure`, ['FRR504']),
    ok('typo neighbor peer-gruop', `neighbor 192.0.2.3 peer-gruop PG`, ['FRR504']),
    ok('case BGP graceful-restart', 'BGP graceful-restart', ['FRR504'], 'keywords are case-sensitive?'),
    ok('abbrev graceful-restart restart 60', 'bgp graceful-restart restart 60', ['FRR504'], 'unique keyword prefix'),
    ok('abbrev graceful-restart stale 60', 'bgp graceful-restart stale 60', ['FRR504'], 'unique keyword prefix'),
    ok('abbrev bgp gr', 'bgp gr', ['FRR504'], 'prefix of several keywords'),
    ok('abbrev bgp graceful-restart-d', 'bgp graceful-restart-d', ['FRR504']),
    ok('abbrev nei timer', `nei ${P} timer 3 9`, ['FRR504'], 'unique keyword prefix'),
    ok('abbrev neighbor timers conn', `neighbor ${P} timers conn 10`, ['FRR504']),
    ok('abbrev neighbor graceful-restart-h', `neighbor ${P} graceful-restart-h`, ['FRR504']),
    ok('incomplete restart-time', 'bgp graceful-restart restart-time', ['FRR504']),
    ok('incomplete neighbor timers 3', `neighbor ${P} timers 3`, ['FRR504']),
    ok('extra token restart-time 60 60', 'bgp graceful-restart restart-time 60 60', ['FRR504']),
    ok('neighbor timers 3 9 (peer-group)', 'neighbor PG timers 3 9', ['FRR504']),
  ];
}

function neighborSpecs(): Spec[] {
  const n = (id: string, line: string, rules: readonly string[], group = 'neighbor'): Spec => ({ id, group, rules, placement: 'router bgp', body: [line] });
  return [
    n('neighbor graceful-restart', `neighbor ${P} graceful-restart`, ['FRR506'], 'neighbor gr mode'),
    n('neighbor graceful-restart-helper', `neighbor ${P} graceful-restart-helper`, ['FRR506'], 'neighbor gr mode'),
    n('neighbor graceful-restart-disable', `neighbor ${P} graceful-restart-disable`, ['FRR506'], 'neighbor gr mode'),
    n('no neighbor graceful-restart', `no neighbor ${P} graceful-restart`, ['FRR506'], 'neighbor gr mode'),
    n('peer-group graceful-restart', 'neighbor PG graceful-restart', ['FRR506'], 'neighbor gr mode'),
    n('peer-group graceful-restart-helper', 'neighbor PG graceful-restart-helper', ['FRR506'], 'neighbor gr mode'),
    n('neighbor bfd', `neighbor ${P} bfd`, [], 'bfd'),
    n('neighbor bfd profile P', `neighbor ${P} bfd profile P`, [], 'bfd'),
    n('neighbor bfd check-control-plane-failure', `neighbor ${P} bfd check-control-plane-failure`, ['FRR506'], 'bfd'),
    n('neighbor bfd 3 300 300', `neighbor ${P} bfd 3 300 300`, [], 'bfd'),
    n('neighbor bfd strict', `neighbor ${P} bfd strict`, ['FRR506'], 'bfd'),
    n('peer-group bfd', 'neighbor PG bfd', [], 'bfd'),
    n('neighbor peer-group PG (new peer)', 'neighbor 192.0.2.3 peer-group PG', ['FRR503'], 'peer-group'),
    n('neighbor peer-group PG (peer with remote-as)', `neighbor ${P} peer-group PG`, ['FRR503'], 'peer-group'),
    n('neighbor peer-group undefined', 'neighbor 192.0.2.3 peer-group NOPE', ['FRR503'], 'peer-group'),
    n('define peer-group', 'neighbor PG2 peer-group', ['FRR503'], 'peer-group'),
    n('bgp listen range', 'bgp listen range 192.0.2.128/25 peer-group PG', [], 'listen range'),
    n('bgp listen range undefined peer-group', 'bgp listen range 192.0.2.128/25 peer-group NOPE', ['FRR503'], 'listen range'),
    n('bgp listen range no peer-group', 'bgp listen range 192.0.2.128/25', [], 'listen range'),
    n('bgp listen limit', 'bgp listen limit 10', [], 'listen range'),
    n('neighbor interface remote-as external', 'neighbor eth0 interface remote-as external', [], 'interface neighbor'),
    n('neighbor interface remote-as internal', 'neighbor eth0 interface remote-as internal', [], 'interface neighbor'),
    n('neighbor interface remote-as 64513', 'neighbor eth0 interface remote-as 64513', [], 'interface neighbor'),
    n('neighbor interface v6only remote-as external', 'neighbor eth0 interface v6only remote-as external', [], 'interface neighbor'),
    n('neighbor interface peer-group PG', 'neighbor eth0 interface peer-group PG', [], 'interface neighbor'),
    n('neighbor invalid IPv4 as WORD', 'neighbor 192.0.2.300 remote-as 64513', ['FRR502'], 'neighbor'),
    // semantic: the neighbor is never defined (FRR502)
    n('undefined neighbor timers', `neighbor ${U} timers 3 9`, ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor timers connect', `neighbor ${U} timers connect 10`, ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor graceful-restart', `neighbor ${U} graceful-restart`, ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor graceful-restart-helper', `neighbor ${U} graceful-restart-helper`, ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor bfd', `neighbor ${U} bfd`, ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor WORD timers', 'neighbor NOPE timers 3 9', ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor update-source', `neighbor ${U} update-source 192.0.2.1`, ['FRR502'], 'undefined neighbor'),
    n('undefined neighbor description', `neighbor ${U} description x`, ['FRR502'], 'undefined neighbor'),
    {
      id: 'neighbor used before remote-as',
      group: 'undefined neighbor',
      rules: ['FRR502'],
      placement: 'router bgp',
      body: ['neighbor 192.0.2.4 timers 3 9', 'neighbor 192.0.2.4 remote-as 64513'],
      target: 0,
    },
  ];
}

function placementSpecs(): Spec[] {
  const s = (id: string, placement: Placement, body: readonly string[], rules: readonly string[], target?: number, note?: string, daemon?: Daemon): Spec => {
    let spec: Spec = { id, group: 'placement', rules, placement, body };
    if (target !== undefined) spec = { ...spec, target };
    if (note !== undefined) spec = { ...spec, note };
    if (daemon !== undefined) spec = { ...spec, daemon };
    return spec;
  };
  return [
    s('top level neighbor graceful-restart', 'top level', [`neighbor ${P} graceful-restart`], ['FRR505']),
    s('top level bgp graceful-restart', 'top level', ['bgp graceful-restart'], ['FRR505'], undefined, 'BGP-wide form exists only since 10.2'),
    s('top level bgp graceful-restart restart-time', 'top level', ['bgp graceful-restart restart-time 120'], ['FRR505']),
    s('top level timers bgp', 'top level', ['timers bgp 3 9'], ['FRR505']),
    s('top level neighbor timers', 'top level', [`neighbor ${P} timers 3 9`], ['FRR505']),
    s('top level exit-address-family', 'top level', ['exit-address-family'], ['FRR505']),
    s('top level address-family', 'top level', ['address-family ipv4 unicast'], ['FRR505']),
    s('top level exit', 'top level', ['exit', 'router bgp 64512'], ['FRR505'], 1, 'a stray top-level exit leaves config mode: is the next line rejected?'),
    s('top level exit twice', 'top level', ['exit', 'exit', 'router bgp 64512', ' bgp graceful-restart restart-time 4096'], ['FRR505'], 3, 'the second exit makes vtysh quit with exit code 0; later lines are never checked'),
    s('top level end', 'top level', ['end', 'router bgp 64512'], ['FRR505'], 1, 'end is skipped by vtysh'),
    s('router bgp exit-address-family', 'router bgp', ['exit-address-family'], ['FRR505']),
    s('router bgp address-family ipv4 unicast', 'router bgp', ['address-family ipv4 unicast', ' exit-address-family'], [], 0),
    s('router bgp address-family ipv6 unicast', 'router bgp', ['address-family ipv6 unicast', ' exit-address-family'], [], 0),
    s('router bgp address-family l2vpn evpn', 'router bgp', ['address-family l2vpn evpn', ' exit-address-family'], [], 0),
    s('router bgp address-family ipv4 (no safi)', 'router bgp', ['address-family ipv4', ' exit-address-family'], [], 0),
    s('router bgp address-family ipv4 unicst', 'router bgp', ['address-family ipv4 unicst', ' exit-address-family'], ['FRR504'], 0),
    s('af neighbor graceful-restart', 'address-family ipv4 unicast', [`neighbor ${P} graceful-restart-helper`], ['FRR505']),
    s('af neighbor graceful-restart then exit-address-family', 'raw', [...BGP_HEADER, ' address-family ipv4 unicast', `  neighbor ${P} graceful-restart-helper`, ' exit-address-family', 'exit'], ['FRR505'], 10, 'a router-bgp-level command inside an address family walks up and leaves the address family'),
    s('af bgp graceful-restart', 'address-family ipv4 unicast', ['bgp graceful-restart'], ['FRR505']),
    s('af timers bgp', 'address-family ipv4 unicast', ['timers bgp 3 9'], ['FRR505']),
    s('af neighbor timers', 'address-family ipv4 unicast', [`neighbor ${P} timers 3 9`], ['FRR505']),
    s('af neighbor activate', 'address-family ipv4 unicast', [`neighbor ${P} activate`], []),
    s('af exit-address-family twice', 'raw', [...BGP_HEADER, ' address-family ipv4 unicast', ' exit-address-family', ' exit-address-family', 'exit'], ['FRR505'], 10),
    s('nested router bgp same asn', 'router bgp', ['router bgp 64512'], ['FRR505']),
    s('nested router bgp other asn', 'router bgp', ['router bgp 64599'], ['FRR505']),
    s('router bgp vrf', 'top level', ['router bgp 64512 vrf red', 'exit'], [], 0),
    s('router bgp no asn', 'top level', ['router bgp', 'exit'], [], 0),
    s('router bgp 0', 'raw', ['router bgp 0', 'exit'], ['FRR501'], 0),
    s('router bgp 4294967295', 'raw', ['router bgp 4294967295', 'exit'], ['FRR501'], 0),
    s('router bgp 4294967296', 'raw', ['router bgp 4294967296', 'exit'], ['FRR501'], 0),
    s('router bgp asdot 1.10', 'raw', ['router bgp 1.10', 'exit'], ['FRR501'], 0),
    s('interface in router bgp', 'router bgp', ['interface eth0'], ['FRR505'], undefined, undefined, 'lib'),
    s('bfd in router bgp', 'router bgp', ['bfd'], ['FRR505'], undefined, undefined, 'bfdd'),
    s('neighbor in interface', 'interface', [`neighbor ${P} remote-as 64513`], ['FRR505']),
    s('neighbor bfd in bfd profile', 'bfd profile', [`neighbor ${P} bfd`], ['FRR505']),
  ];
}

function blockSpecs(): Spec[] {
  const z = (id: string, placement: Placement, line: string, daemon: Daemon, rules: readonly string[] = []): Spec => ({ id, group: 'blocks', rules, placement, body: [line], daemon });
  return [
    z('frr version 8.4.4', 'raw', 'frr version 8.4.4', 'lib', ['FRR506']),
    z('frr version 10.3', 'raw', 'frr version 10.3', 'lib', ['FRR506']),
    z('frr version garbage', 'raw', 'frr version not-a-version', 'lib', ['FRR506']),
    z('frr defaults datacenter', 'raw', 'frr defaults datacenter', 'lib'),
    z('frr defaults traditional', 'raw', 'frr defaults traditional', 'lib'),
    z('frr defaults bogus', 'raw', 'frr defaults bogus', 'lib'),
    z('hostname', 'raw', 'hostname r1', 'lib'),
    z('log syslog informational', 'raw', 'log syslog informational', 'lib'),
    z('interface eth0', 'raw', 'interface eth0', 'lib'),
    z('interface eth0 vrf red', 'raw', 'interface eth0 vrf red', 'lib'),
    z('interface ip address', 'interface', 'ip address 192.0.2.1/30', 'zebra'),
    z('interface ip address /32', 'interface', 'ip address 192.0.2.1/32', 'zebra'),
    z('interface ip address /33', 'interface', 'ip address 192.0.2.1/33', 'zebra'),
    z('interface ip address bad octet', 'interface', 'ip address 192.0.2.300/24', 'zebra'),
    z('interface ip address no length', 'interface', 'ip address 192.0.2.1', 'zebra'),
    z('interface ip address with mask', 'interface', 'ip address 192.0.2.1 255.255.255.0', 'zebra'),
    z('interface ip address v6 value', 'interface', 'ip address 2001:db8::1/64', 'zebra'),
    z('interface ipv6 address', 'interface', 'ipv6 address 2001:db8::1/64', 'zebra'),
    z('interface ipv6 address /129', 'interface', 'ipv6 address 2001:db8::1/129', 'zebra'),
    z('interface ipv6 address v4 value', 'interface', 'ipv6 address 192.0.2.1/24', 'zebra'),
    z('top level ip address', 'top level', 'ip address 192.0.2.1/30', 'zebra', ['FRR505']),
    z('top level ipv6 address', 'top level', 'ipv6 address 2001:db8::1/64', 'zebra', ['FRR505']),
    z('bfd block', 'raw', 'bfd', 'bfdd'),
    z('bfd peer', 'bfd', 'peer 192.0.2.2', 'bfdd'),
    z('bfd profile', 'bfd', 'profile P', 'bfdd'),
    z('top level profile', 'top level', 'profile P', 'bfdd', ['FRR505']),
    z('bfd profile detect-multiplier 1', 'bfd profile', 'detect-multiplier 1', 'bfdd', ['FRR501']),
    z('bfd profile detect-multiplier 2', 'bfd profile', 'detect-multiplier 2', 'bfdd', ['FRR501']),
    z('bfd profile detect-multiplier 255', 'bfd profile', 'detect-multiplier 255', 'bfdd', ['FRR501']),
    z('bfd profile detect-multiplier 256', 'bfd profile', 'detect-multiplier 256', 'bfdd', ['FRR501']),
    z('bfd profile receive-interval 9', 'bfd profile', 'receive-interval 9', 'bfdd', ['FRR501']),
    z('bfd profile receive-interval 10', 'bfd profile', 'receive-interval 10', 'bfdd', ['FRR501']),
    z('bfd profile receive-interval 60000', 'bfd profile', 'receive-interval 60000', 'bfdd', ['FRR501']),
    z('bfd profile receive-interval 60001', 'bfd profile', 'receive-interval 60001', 'bfdd', ['FRR501']),
    z('bfd profile transmit-interval 10', 'bfd profile', 'transmit-interval 10', 'bfdd', ['FRR501']),
    z('bfd profile transmit-interval 60001', 'bfd profile', 'transmit-interval 60001', 'bfdd', ['FRR501']),
    z('bfd profile echo-mode', 'bfd profile', 'echo-mode', 'bfdd'),
    z('bfd profile passive-mode', 'bfd profile', 'passive-mode', 'bfdd'),
    z('bfd profile minimum-ttl 254', 'bfd profile', 'minimum-ttl 254', 'bfdd'),
  ];
}

/** All boundary cases, in a stable order, ids unique. */
export function boundaryCases(): BoundaryCase[] {
  return [...rangeSpecs(), ...spellingSpecs(), ...neighborSpecs(), ...placementSpecs(), ...blockSpecs()].map(build);
}
