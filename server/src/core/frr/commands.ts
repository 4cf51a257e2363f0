/**
 * The frr.conf commands grlint models, as a declarative table: FRR-style syntax, the block (CLI node) each
 * runs in, the FRR version that introduced it, number ranges per FRR version, the default, and a short doc
 * for hover and completion. One matcher over the table serves the FRR rules (FRR501-FRR506) and the
 * language server (hover, completion).
 *
 * Syntax strings follow FRR's DEFUN notation (lib/command_graph.c): `keyword`, `(min-max)$name`,
 * `A.B.C.D`, `X:X::X:X`, `A.B.C.D/M`, `X:X::X:X/M`, `ASNUM`, upper-case words for one word of any text
 * (`WORD`, `PGNAME`, `LINE`, ...), `NAME...` for the rest of the line, `<a|b>` for a choice and `[a]` for an
 * optional part.
 * `PEER` stands for FRR's `<A.B.C.D|X:X::X:X|WORD>`. A keyword may carry `@VERSION` when it appeared later
 * than its command (`auto@10.2`).
 *
 * Matching follows FRR's CLI: keywords may be abbreviated to any prefix, an exact keyword beats an
 * abbreviation, and two equally good matches are ambiguous. Ranges and versions were read from
 * FRRouting/frr `bgpd/bgp_vty.c`, `bgpd/bgp_bfd.c`, `bfdd/bfdd_cli.c` and `zebra/interface.c` at the tags
 * frr-7.0 ... frr-10.6.1 and master (fbfc8222da), and checked against `vtysh -C` of FRR 8.4.4.
 *
 * Pure: no IO, never throws.
 */
import { compareVersions } from '../model/version';
import type { FrrBlockKind } from './syntax';
import { isIpv4 } from './views';

/** A number range of an argument, valid from `since` (inclusive) until the next entry's `since`. */
export interface VersionedRange {
  /** First FRR version with this range; undefined = every version grlint knows (7.0 and later). */
  readonly since?: string;
  readonly min: number;
  readonly max: number;
}

/** One modelled frr.conf command. */
export interface CommandSpec {
  /** Stable id, e.g. `bgp-gr-restart-time`. */
  readonly id: string;
  /** FRR-style syntax (see the module comment); the newest ranges are written in it. */
  readonly syntax: string;
  /** Short title for hover and completion, e.g. `bgp graceful-restart restart-time`. */
  readonly title: string;
  /** Blocks (CLI nodes) the command runs in. FRR also runs it from a child block by leaving that block. */
  readonly blocks: readonly FrrBlockKind[];
  /** First FRR version that has the command; undefined = 7.0 or older. */
  readonly since?: string;
  /** A later `since` for some blocks (BGP-wide graceful restart at the top level: 10.2). */
  readonly sinceIn?: Partial<Record<FrrBlockKind, string>>;
  /** Range history of numeric arguments by name, oldest first (the last entry is the newest range). */
  readonly ranges?: Readonly<Record<string, readonly VersionedRange[]>>;
  /** Human-readable default (what FRR does without the line). */
  readonly default?: string;
  /** One paragraph: what it does, its range and its default. Markdown-free plain text. */
  readonly doc: string;
  /** The block the command opens, if any. */
  readonly opens?: FrrBlockKind;
  /**
   * True when no FRR version has a longer command that starts with this one, so extra words are an
   * error. Commands that take options grlint does not model are open.
   */
  readonly closed: boolean;
  /** Hidden in FRR (`disable-eor`): matched, never offered in completion. */
  readonly hidden?: boolean;
  /** Argument names whose values must never be shown (passwords). */
  readonly sensitive?: readonly string[];
  /**
   * How many leading words identify the command (default: its leading keywords and peer argument); a
   * line that matches them "starts like" this command.
   */
  readonly anchor?: number;
}

/** The kinds of value an argument token takes. */
export type ArgType = 'number' | 'ipv4' | 'ipv6' | 'ipv4-prefix' | 'ipv6-prefix' | 'asn' | 'word' | 'peer' | 'line';

/** One token of a command, after choices and optional parts are expanded. */
export type CommandToken =
  | { readonly kind: 'keyword'; readonly word: string; readonly since?: string }
  | { readonly kind: 'arg'; readonly name: string; readonly type: ArgType; readonly placeholder: string };

/** An argument of a matched command. */
export interface MatchedArg {
  readonly name: string;
  readonly text: string;
  /** Index of the word in the line (counting a leading `no`). */
  readonly wordIndex: number;
  /** Numeric value of a number argument (may exceed Number.MAX_SAFE_INTEGER precision for huge inputs). */
  readonly value?: number;
}

/** What a word of a line stands for in the matched command. */
export type WordRole =
  | { readonly kind: 'no' }
  | { readonly kind: 'keyword'; readonly keyword: string; readonly abbreviated: boolean }
  | { readonly kind: 'arg'; readonly name: string; readonly type: ArgType; readonly placeholder: string };

export interface MatchOptions {
  /** The file's FRR version; undefined = unknown (the newest ranges and commands apply). */
  readonly version?: string;
  /**
   * For lines whose first word matches no modelled command: true when some FRR command of the block
   * (or an enclosing block) starts with that word, so it must not be reported as misspelled. Without
   * it, first words are never reported as misspelled.
   */
  readonly knownFirstWord?: (word: string) => boolean;
}

/** A line that is the modelled command `spec`. */
export interface CommandMatch {
  readonly kind: 'match';
  readonly spec: CommandSpec;
  readonly block: FrrBlockKind;
  readonly negated: boolean;
  readonly args: Readonly<Record<string, MatchedArg>>;
  /** One role per word of the line (a leading `no` included). */
  readonly roles: readonly WordRole[];
  /** True for a `no` form that leaves out trailing values (FRR's `no` forms make them optional). */
  readonly partial: boolean;
}

export type NearMissProblem = 'out-of-range' | 'invalid-value' | 'unknown-keyword' | 'ambiguous' | 'incomplete' | 'extra';

/** A line that starts like the modelled command `spec` but is not valid as written. */
export interface CommandNearMiss {
  readonly kind: 'near-miss';
  readonly problem: NearMissProblem;
  readonly spec: CommandSpec;
  readonly block: FrrBlockKind;
  readonly negated: boolean;
  /** The word at fault (`words.length` when words are missing). */
  readonly wordIndex: number;
  /** Roles of the words that did match, in order. */
  readonly roles: readonly WordRole[];
  readonly args: Readonly<Record<string, MatchedArg>>;
  /** What would fit at `wordIndex`: keywords, or placeholders such as `(0-4095)`. */
  readonly expected: readonly string[];
  /** `unknown-keyword`: the nearest modelled keyword; replacing the word with it makes the line valid. */
  readonly suggestion?: string;
  /** `ambiguous`: the keywords the word abbreviates. */
  readonly candidates?: readonly string[];
  /** `out-of-range` / `invalid-value`: the argument. */
  readonly arg?: string;
  /** `out-of-range`: the range for the file's version (the newest when unknown). */
  readonly range?: { readonly min: number; readonly max: number };
  /** `out-of-range`: the first later FRR version whose range holds the value, if any. */
  readonly validSince?: string;
}

/** A line that grlint does not model (or that it cannot judge). */
export interface CommandNoMatch {
  readonly kind: 'none';
}

export type CommandMatchResult = CommandMatch | CommandNearMiss | CommandNoMatch;

/** A completion candidate for the next word of a line. */
export interface CommandCompletion {
  /** The keyword, or a placeholder such as `(0-4095)` or `A.B.C.D` for a value. */
  readonly label: string;
  readonly kind: 'keyword' | 'value';
  /** One line: the command title, and for values the range and default. */
  readonly detail: string;
  /** The doc paragraph of the command (of the first one when several share the word). */
  readonly documentation: string;
  readonly specIds: readonly string[];
}

/**
 * Every modelled command. Order matters only for ties in documentation lookups (the first spec wins).
 */
export const COMMANDS: readonly CommandSpec[] = [
  // --- Top level -------------------------------------------------------------------------------------
  {
    id: 'frr-version',
    syntax: 'frr version VERSION...$version',
    title: 'frr version',
    blocks: ['root'],
    closed: true,
    doc:
      'Records the FRR version that wrote the file. FRR accepts any text here and does not check it; grlint reads it to apply ' +
      'the ranges and commands of that version (version-gated rules stay silent when neither this line nor .grlint.yaml gives a version).',
  },
  {
    id: 'frr-defaults',
    syntax: 'frr defaults PROFILE...$profile',
    title: 'frr defaults',
    blocks: ['root'],
    closed: true,
    default: 'traditional',
    doc:
      'Selects the profile of default values: "traditional" (hold 180 s, keepalive 60 s, connect retry 30 s) or "datacenter" ' +
      '(hold 9 s, keepalive 3 s, connect retry 10 s). Must come before the commands it affects. FRR accepts an unknown profile name with a warning.',
  },
  {
    id: 'router-bgp',
    syntax: 'router bgp [ASNUM$asn [<view|vrf> WORD$name] [as-notation@9.0 <dot|dot+|plain>]]',
    title: 'router bgp',
    blocks: ['root'],
    opens: 'router-bgp',
    closed: true,
    ranges: { asn: [{ min: 1, max: 4294967295 }] },
    doc:
      'Opens the BGP instance of AS ASNUM (1-4294967295; asdot notation such as 1.10 since FRR 9.0), optionally in a VRF or view. ' +
      'Blocks with the same AS and VRF are merged into one instance. Without an AS number it enters the only existing instance.',
  },
  {
    id: 'interface',
    syntax: 'interface WORD$ifname [vrf WORD$vrf]',
    title: 'interface',
    blocks: ['root'],
    opens: 'interface',
    closed: true,
    doc: 'Opens the configuration of a network interface (zebra). grlint reads the addresses configured here as the router\'s own addresses for pairing sessions.',
  },
  {
    id: 'bfd',
    syntax: 'bfd',
    title: 'bfd',
    blocks: ['root'],
    opens: 'bfd',
    closed: true,
    doc: 'Opens the BFD daemon\'s configuration (bfdd): BFD peers and profiles.',
  },
  // --- Block closers -----------------------------------------------------------------------------------
  {
    id: 'exit',
    syntax: 'exit',
    title: 'exit',
    blocks: ['router-bgp', 'address-family', 'vni', 'interface', 'link-params', 'vrf', 'bfd', 'bfd-peer', 'bfd-profile', 'route-map', 'router-other', 'bgp-other', 'other'],
    closed: true,
    doc: 'Leaves the current block and returns to the enclosing one. At the top level it ends the configuration: FRR ignores every line after it.',
  },
  {
    id: 'exit-address-family',
    syntax: 'exit-address-family',
    title: 'exit-address-family',
    blocks: ['address-family'],
    closed: true,
    doc: 'Leaves an address-family block and returns to router bgp. Outside an address family FRR rejects it.',
  },
  {
    id: 'exit-vrf',
    syntax: 'exit-vrf',
    title: 'exit-vrf',
    blocks: ['vrf'],
    closed: true,
    doc: 'Leaves a vrf block and returns to the top level. Outside a vrf block FRR rejects it.',
  },
  {
    id: 'end',
    syntax: 'end',
    title: 'end',
    blocks: ['root', 'router-bgp', 'address-family', 'vni', 'interface', 'link-params', 'vrf', 'bfd', 'bfd-peer', 'bfd-profile', 'route-map', 'router-other', 'bgp-other', 'other'],
    closed: true,
    doc: 'Ends configuration mode in an interactive session. When FRR reads frr.conf it skips end lines (FRR 8.4 and later), so end closes no block.',
  },
  // --- router bgp -------------------------------------------------------------------------------------------
  {
    id: 'address-family',
    syntax: 'address-family <ipv4|ipv6> [<unicast|multicast|vpn|labeled-unicast|flowspec|unreachability@10.8>]',
    title: 'address-family',
    blocks: ['router-bgp'],
    opens: 'address-family',
    closed: true,
    anchor: 1,
    doc:
      'Opens the configuration of one address family of the BGP instance (neighbor activation, networks, route maps). ' +
      'Without a SAFI it means unicast. Close it with exit-address-family.',
  },
  {
    id: 'address-family-vpn',
    syntax: 'address-family <vpnv4|vpnv6> [unicast]',
    title: 'address-family',
    blocks: ['router-bgp'],
    opens: 'address-family',
    closed: true,
    anchor: 1,
    doc: 'Opens the configuration of the VPNv4 or VPNv6 address family. Close it with exit-address-family.',
  },
  {
    id: 'address-family-evpn',
    syntax: 'address-family l2vpn evpn',
    title: 'address-family l2vpn evpn',
    blocks: ['router-bgp'],
    opens: 'address-family',
    closed: true,
    anchor: 1,
    doc: 'Opens the configuration of the L2VPN EVPN address family. Close it with exit-address-family.',
  },
  {
    id: 'address-family-link-state',
    syntax: 'address-family link-state [link-state]',
    title: 'address-family link-state',
    blocks: ['router-bgp'],
    opens: 'address-family',
    closed: true,
    since: '10.7',
    anchor: 1,
    doc: 'Opens the configuration of the BGP link-state address family. Close it with exit-address-family.',
  },
  {
    id: 'bgp-router-id',
    syntax: 'bgp router-id A.B.C.D$id',
    title: 'bgp router-id',
    blocks: ['router-bgp'],
    closed: true,
    default: 'the highest IPv4 address of the router (from zebra)',
    doc: 'Sets the BGP identifier of the instance. grlint also treats it as one of the router\'s own addresses when it pairs sessions.',
  },
  {
    id: 'timers-bgp',
    syntax: 'timers bgp (0-65535)$keepalive (0-65535)$hold',
    title: 'timers bgp',
    blocks: ['router-bgp'],
    closed: true,
    default: 'keepalive 60 s, hold 180 s (frr defaults datacenter: 3 s and 9 s)',
    doc:
      'Sets the keepalive interval and hold time (0-65535 s each) of every neighbor of the instance that sets none itself. ' +
      'A hold time of 1 or 2 s is rejected (it must be 0 or at least 3), and FRR uses at most hold/3 as the keepalive.',
  },
  {
    id: 'bgp-listen-range',
    syntax: 'bgp listen range <A.B.C.D/M|X:X::X:X/M>$prefix peer-group WORD$group',
    title: 'bgp listen range',
    blocks: ['router-bgp'],
    closed: true,
    doc:
      'Accepts BGP sessions from any address in the prefix (dynamic neighbors) and configures them from the peer-group, ' +
      'which must be defined before this line.',
  },
  {
    id: 'bgp-minimum-holdtime',
    syntax: 'bgp minimum-holdtime (1-65535)$seconds',
    title: 'bgp minimum-holdtime',
    blocks: ['router-bgp'],
    since: '8.1',
    closed: true,
    default: 'off',
    doc: 'Refuses peers that propose a hold time below this value (1-65535 s) with an Unacceptable Hold Time notification. Off by default.',
  },
  {
    id: 'bgp-gr',
    syntax: 'bgp graceful-restart',
    title: 'bgp graceful-restart',
    blocks: ['router-bgp', 'root'],
    sinceIn: { root: '10.2' },
    closed: true,
    default: 'off: the global mode is helper',
    doc:
      'Puts the instance in graceful-restart (restart) mode: it advertises its address families in the GR capability, so its peers keep ' +
      'its routes as stale while it restarts. A neighbor or peer-group mode line overrides it. At the top level (BGP-wide, FRR 10.2 and later) it applies to every instance.',
  },
  {
    id: 'bgp-gr-disable',
    syntax: 'bgp graceful-restart-disable',
    title: 'bgp graceful-restart-disable',
    blocks: ['router-bgp', 'root'],
    since: '7.4',
    sinceIn: { root: '10.2' },
    closed: true,
    default: 'off: the global mode is helper',
    doc:
      'Disables graceful restart for the instance: no GR capability is sent, so this router neither restarts gracefully nor keeps the routes ' +
      'of a restarting peer. A neighbor or peer-group mode line overrides it. Since FRR 7.4; BGP-wide at the top level since 10.2.',
  },
  {
    id: 'bgp-gr-restart-time',
    syntax: 'bgp graceful-restart restart-time (0-4095)$seconds',
    title: 'bgp graceful-restart restart-time',
    blocks: ['router-bgp', 'root'],
    sinceIn: { root: '10.2' },
    closed: true,
    ranges: { seconds: [{ min: 1, max: 3600 }, { since: '7.1', min: 1, max: 4095 }, { since: '8.2', min: 0, max: 4095 }] },
    default: '120 s',
    doc:
      'The Restart Time this router advertises in its GR capability: how long its peers keep its routes as stale while it restarts ' +
      '(the helper also bounds it by its own stalepath-time). Range 0-4095 s (1-4095 before FRR 8.2, 1-3600 in 7.0); 0 is meant for use with long-lived graceful restart.',
  },
  {
    id: 'bgp-gr-stalepath-time',
    syntax: 'bgp graceful-restart stalepath-time (1-4095)$seconds',
    title: 'bgp graceful-restart stalepath-time',
    blocks: ['router-bgp', 'root'],
    sinceIn: { root: '10.2' },
    closed: true,
    ranges: { seconds: [{ min: 1, max: 3600 }, { since: '7.1', min: 1, max: 4095 }] },
    default: '360 s',
    doc:
      'Upper bound on how long this router, as helper, keeps the stale routes of a restarting peer: routes are kept for ' +
      'min(peer restart-time, local stalepath-time). Range 1-4095 s (1-3600 in FRR 7.0).',
  },
  {
    id: 'bgp-gr-select-defer-time',
    syntax: 'bgp graceful-restart select-defer-time (0-3600)$seconds',
    title: 'bgp graceful-restart select-defer-time',
    blocks: ['router-bgp', 'root'],
    since: '7.4',
    sinceIn: { root: '10.2' },
    closed: true,
    ranges: { seconds: [{ min: 0, max: 3600 }] },
    default: '360 s (240 s in FRR 10.5, 120 s from 10.6)',
    doc:
      'On the restarting side: how long best-path selection waits for End-of-RIB from the peers after a restart. Range 0-3600 s; 0 disables the wait. Since FRR 7.4.',
  },
  {
    id: 'bgp-gr-rib-stale-time',
    syntax: 'bgp graceful-restart rib-stale-time (1-3600)$seconds',
    title: 'bgp graceful-restart rib-stale-time',
    blocks: ['router-bgp', 'root'],
    since: '7.4',
    sinceIn: { root: '10.2' },
    closed: true,
    ranges: { seconds: [{ min: 1, max: 3600 }] },
    default: '500 s',
    doc: 'How long zebra keeps the routes of a restarting bgpd as stale in the RIB. Range 1-3600 s. Since FRR 7.4.',
  },
  {
    id: 'bgp-gr-preserve-fw-state',
    syntax: 'bgp graceful-restart preserve-fw-state',
    title: 'bgp graceful-restart preserve-fw-state',
    blocks: ['router-bgp', 'root'],
    sinceIn: { root: '10.2' },
    closed: true,
    default: 'off (MetalLB and frr-k8s always render it)',
    doc:
      'Sets the F bit (forwarding state preserved) for every address family in the GR capability. Without it a helper removes all of ' +
      'this router\'s stale routes as soon as the session comes back, before they are re-advertised. There is no per-neighbor form.',
  },
  {
    id: 'bgp-gr-notification',
    syntax: 'bgp graceful-restart notification',
    title: 'bgp graceful-restart notification',
    blocks: ['router-bgp'],
    since: '8.3',
    closed: true,
    default: 'on',
    doc:
      'Sets the N bit (RFC 8538): graceful restart then also applies when the session ends with a NOTIFICATION or a hold-timer expiry, ' +
      'not only a TCP close. On by default since FRR 8.3; "no bgp graceful-restart notification" turns it off.',
  },
  {
    id: 'bgp-gr-disable-eor',
    syntax: 'bgp graceful-restart disable-eor',
    title: 'bgp graceful-restart disable-eor',
    blocks: ['router-bgp'],
    since: '7.4',
    closed: true,
    hidden: true,
    default: 'off',
    doc: 'Hidden testing command: stops sending End-of-RIB markers. Not meant for production.',
  },
  {
    id: 'bgp-hard-administrative-reset',
    syntax: 'bgp hard-administrative-reset',
    title: 'bgp hard-administrative-reset',
    blocks: ['router-bgp'],
    since: '8.3',
    closed: true,
    default: 'on',
    doc:
      'Sends an administrative reset (clear bgp) as a Hard Reset, so the peer does not keep the routes. On by default since FRR 8.3.',
  },
  {
    id: 'bgp-llgr-stale-time',
    syntax: 'bgp long-lived-graceful-restart stale-time (1-16777215)$seconds',
    title: 'bgp long-lived-graceful-restart stale-time',
    blocks: ['router-bgp'],
    since: '8.2',
    closed: true,
    ranges: { seconds: [{ since: '8.2', min: 1, max: 4294967295 }, { since: '8.5', min: 1, max: 16777215 }] },
    default: '0 (long-lived graceful restart off)',
    doc:
      'Long-lived graceful restart (RFC 9494): after the restart time, peers keep this router\'s routes for this many more seconds at the ' +
      'lowest preference. Range 1-16777215 s (1-4294967295 in FRR 8.2-8.4). Since FRR 8.2.',
  },
  // --- neighbor ---------------------------------------------------------------------------------------------
  {
    id: 'neighbor-remote-as',
    syntax: 'neighbor PEER$peer remote-as <ASNUM$asn|internal|external|auto@10.2>',
    title: 'neighbor remote-as',
    blocks: ['router-bgp'],
    closed: true,
    ranges: { asn: [{ min: 1, max: 4294967295 }] },
    doc:
      'Defines the neighbor (an address) with its AS: a number, internal (the local AS), external (any other AS) or auto (FRR 10.2). ' +
      'For a name, the peer-group or interface neighbor of that name must be defined first. Every other neighbor command needs this line or a peer-group membership before it.',
  },
  {
    id: 'neighbor-interface',
    syntax: 'neighbor WORD$peer interface [v6only] [peer-group WORD$group]',
    title: 'neighbor interface',
    blocks: ['router-bgp'],
    closed: true,
    doc: 'Defines an unnumbered BGP neighbor on an interface, optionally as a member of a peer-group that must be defined first.',
  },
  {
    id: 'neighbor-interface-remote-as',
    syntax: 'neighbor WORD$peer interface [v6only] remote-as <ASNUM$asn|internal|external|auto@10.2>',
    title: 'neighbor interface remote-as',
    blocks: ['router-bgp'],
    closed: true,
    ranges: { asn: [{ min: 1, max: 4294967295 }] },
    doc: 'Defines an unnumbered BGP neighbor on an interface with its AS (a number, internal, external, or auto since FRR 10.2).',
  },
  {
    id: 'neighbor-address-interface',
    syntax: 'neighbor <A.B.C.D|X:X::X:X>$peer interface WORD$ifname',
    title: 'neighbor interface',
    blocks: ['router-bgp'],
    closed: true,
    doc: 'Binds an already defined neighbor address to an interface (for link-local peers).',
  },
  {
    id: 'neighbor-peer-group-define',
    syntax: 'neighbor WORD$group peer-group',
    title: 'neighbor peer-group',
    blocks: ['router-bgp'],
    closed: true,
    doc: 'Defines a peer-group: a template whose settings its members inherit unless they set their own.',
  },
  {
    id: 'neighbor-peer-group',
    syntax: 'neighbor PEER$peer peer-group WORD$group',
    title: 'neighbor peer-group',
    blocks: ['router-bgp', 'address-family'],
    closed: true,
    doc:
      'Makes the neighbor a member of the peer-group, which must be defined before this line. A new address becomes a neighbor ' +
      'with the group\'s remote-as; a name must be an interface neighbor defined before.',
  },
  {
    id: 'neighbor-gr',
    syntax: 'neighbor PEER$peer graceful-restart',
    title: 'neighbor graceful-restart',
    blocks: ['router-bgp'],
    since: '7.4',
    closed: true,
    default: 'inherit the instance mode (helper)',
    doc:
      'Puts this neighbor (or peer-group) in graceful-restart (restart) mode, overriding the instance mode. Since FRR 7.4; on FRR 10.2 and later a change resets the session.',
  },
  {
    id: 'neighbor-gr-helper',
    syntax: 'neighbor PEER$peer graceful-restart-helper',
    title: 'neighbor graceful-restart-helper',
    blocks: ['router-bgp'],
    since: '7.4',
    closed: true,
    default: 'inherit the instance mode (helper)',
    doc:
      'Puts this neighbor (or peer-group) in helper mode: it keeps the routes of the neighbor while the neighbor restarts, but does not ask ' +
      'the neighbor to keep its own. Overrides the instance mode. Since FRR 7.4.',
  },
  {
    id: 'neighbor-gr-disable',
    syntax: 'neighbor PEER$peer graceful-restart-disable',
    title: 'neighbor graceful-restart-disable',
    blocks: ['router-bgp'],
    since: '7.4',
    closed: true,
    default: 'inherit the instance mode (helper)',
    doc:
      'Disables graceful restart with this neighbor (or peer-group): no GR capability is exchanged and its routes are flushed when the session drops. Since FRR 7.4.',
  },
  {
    id: 'neighbor-timers',
    syntax: 'neighbor PEER$peer timers (0-65535)$keepalive (0-65535)$hold',
    title: 'neighbor timers',
    blocks: ['router-bgp'],
    closed: true,
    default: 'timers bgp of the instance (keepalive 60 s, hold 180 s)',
    doc:
      'Sets the keepalive interval and hold time of the neighbor (0-65535 s each). A hold time of 1 or 2 s is rejected (it must be 0 or at least 3); ' +
      'the session uses the smaller hold time of both ends and at most a third of it as keepalive.',
  },
  {
    id: 'neighbor-timers-connect',
    syntax: 'neighbor PEER$peer timers connect (1-65535)$seconds',
    title: 'neighbor timers connect',
    blocks: ['router-bgp'],
    closed: true,
    default: '30 s (frr defaults datacenter: 10 s)',
    doc: 'Seconds between attempts to open the TCP connection to the neighbor. Range 1-65535 s.',
  },
  {
    id: 'neighbor-timers-delayopen',
    syntax: 'neighbor PEER$peer timers delayopen (1-240)$seconds',
    title: 'neighbor timers delayopen',
    blocks: ['router-bgp'],
    since: '8.0',
    closed: true,
    default: 'off',
    doc: 'Waits this many seconds (1-240) after the TCP connection is up before sending OPEN. Since FRR 8.0.',
  },
  {
    id: 'neighbor-bfd',
    syntax: 'neighbor PEER$peer bfd',
    title: 'neighbor bfd',
    blocks: ['router-bgp'],
    closed: true,
    default: 'off',
    doc:
      'Registers the neighbor with BFD: when BFD reports the path down, bgpd resets the session, which also ends graceful restart unless ' +
      'check-control-plane-failure lets it ride through.',
  },
  {
    id: 'neighbor-bfd-params',
    syntax: 'neighbor PEER$peer bfd (2-255)$multiplier (50-60000)$rx (50-60000)$tx',
    title: 'neighbor bfd',
    blocks: ['router-bgp'],
    closed: true,
    doc: 'Registers the neighbor with BFD using this detect multiplier (2-255) and receive/transmit intervals (50-60000 ms).',
  },
  {
    id: 'neighbor-bfd-profile',
    syntax: 'neighbor PEER$peer bfd profile WORD$profile',
    title: 'neighbor bfd profile',
    blocks: ['router-bgp'],
    since: '7.5',
    closed: true,
    doc: 'Registers the neighbor with BFD using the timers of a profile defined in the bfd block (bfdd). Since FRR 7.5.',
  },
  {
    id: 'neighbor-bfd-check-control-plane-failure',
    syntax: 'neighbor PEER$peer bfd check-control-plane-failure',
    title: 'neighbor bfd check-control-plane-failure',
    blocks: ['router-bgp'],
    since: '7.2',
    closed: true,
    default: 'off',
    doc:
      'Sets the C bit in BFD packets to this neighbor and lets bgpd ignore a BFD down event during graceful restart when the neighbor\'s C bit is clear, ' +
      'so a restarting peer whose BFD restarts with it keeps its routes. Since FRR 7.2.',
  },
  {
    id: 'neighbor-bfd-strict',
    syntax: 'neighbor PEER$peer bfd strict [hold-time (1-4294967295)$holdtime]',
    title: 'neighbor bfd strict',
    blocks: ['router-bgp'],
    since: '10.4',
    closed: true,
    ranges: { holdtime: [{ min: 1, max: 4294967295 }] },
    default: 'off',
    doc: 'Keeps the BGP session down until BFD is up (RFC 9384 context). Since FRR 10.4.',
  },
  {
    id: 'neighbor-update-source',
    syntax: 'neighbor PEER$peer update-source <A.B.C.D|X:X::X:X|WORD>$source',
    title: 'neighbor update-source',
    blocks: ['router-bgp'],
    closed: true,
    doc: 'Uses this address (or the address of this interface) as the source of the BGP session. grlint treats the address as one of the router\'s own addresses.',
  },
  {
    id: 'neighbor-password',
    syntax: 'neighbor PEER$peer password LINE$password',
    title: 'neighbor password',
    blocks: ['router-bgp'],
    closed: true,
    sensitive: ['password'],
    doc: 'Protects the session with a TCP MD5 signature using this password. grlint never shows the value.',
  },
  // --- interface ---------------------------------------------------------------------------------------------
  {
    id: 'ip-address',
    syntax: 'ip address A.B.C.D/M$prefix [label LINE$label]',
    title: 'ip address',
    blocks: ['interface'],
    closed: true,
    doc: 'Adds an IPv4 address with its prefix length (0-32) to the interface. grlint reads it as one of the router\'s own addresses.',
  },
  {
    id: 'ip-address-peer',
    syntax: 'ip address A.B.C.D$address peer A.B.C.D/M$peerprefix [label LINE$label]',
    title: 'ip address peer',
    blocks: ['interface'],
    closed: true,
    doc: 'Adds a point-to-point IPv4 address with the prefix of the remote end.',
  },
  {
    id: 'ip-address-v6',
    syntax: 'ip address X:X::X:X/M$prefix',
    title: 'ip address',
    blocks: ['interface'],
    // FRR 8.4.4's vtysh accepts an IPv6 prefix after `ip address`; grlint does not know every form, so it is open.
    closed: false,
    hidden: true,
    doc: 'Accepted by vtysh with an IPv6 prefix; use ipv6 address for IPv6 addresses.',
  },
  {
    id: 'ipv6-address',
    syntax: 'ipv6 address X:X::X:X/M$prefix',
    title: 'ipv6 address',
    blocks: ['interface'],
    closed: true,
    doc: 'Adds an IPv6 address with its prefix length (0-128) to the interface. grlint reads it as one of the router\'s own addresses.',
  },
  // --- bfd ------------------------------------------------------------------------------------------------------
  {
    id: 'bfd-peer',
    syntax: 'peer <A.B.C.D|X:X::X:X>$address',
    title: 'peer',
    blocks: ['bfd'],
    opens: 'bfd-peer',
    // `peer` takes options (multihop, local-address, interface, vrf) that grlint does not model.
    closed: false,
    anchor: 1,
    doc: 'Opens the configuration of a BFD session with this address (bfdd). BGP neighbors with neighbor bfd use sessions that bfdd creates on its own.',
  },
  {
    id: 'bfd-profile',
    syntax: 'profile WORD$name',
    title: 'profile',
    blocks: ['bfd'],
    opens: 'bfd-profile',
    since: '7.5',
    closed: true,
    doc: 'Opens a named BFD profile: timers that neighbor bfd profile and BFD peers can refer to. Since FRR 7.5.',
  },
  {
    id: 'bfd-peer-profile',
    syntax: 'profile WORD$name',
    title: 'profile',
    blocks: ['bfd-peer'],
    since: '7.5',
    closed: true,
    doc: 'Applies a BFD profile to this BFD peer. Since FRR 7.5.',
  },
  {
    id: 'bfd-detect-multiplier',
    syntax: 'detect-multiplier (1-255)$multiplier',
    title: 'detect-multiplier',
    blocks: ['bfd-profile', 'bfd-peer'],
    closed: true,
    ranges: { multiplier: [{ min: 2, max: 255 }, { since: '10.3', min: 1, max: 255 }] },
    default: '3',
    doc: 'How many BFD packets may be missed before the session is declared down. Range 2-255 (1-255 since FRR 10.3).',
  },
  {
    id: 'bfd-receive-interval',
    syntax: 'receive-interval (10-4294967)$ms',
    title: 'receive-interval',
    blocks: ['bfd-profile', 'bfd-peer'],
    closed: true,
    ranges: { ms: [{ min: 10, max: 60000 }, { since: '10.3', min: 10, max: 4294967 }] },
    default: '300 ms',
    doc: 'The minimum interval between received BFD packets this system supports. Range 10-60000 ms (10-4294967 since FRR 10.3).',
  },
  {
    id: 'bfd-transmit-interval',
    syntax: 'transmit-interval (10-4294967)$ms',
    title: 'transmit-interval',
    blocks: ['bfd-profile', 'bfd-peer'],
    closed: true,
    ranges: { ms: [{ min: 10, max: 60000 }, { since: '10.3', min: 10, max: 4294967 }] },
    default: '300 ms',
    doc: 'The desired interval between transmitted BFD packets. Range 10-60000 ms (10-4294967 since FRR 10.3).',
  },
  {
    id: 'bfd-echo-interval',
    syntax: 'echo-interval (10-4294967)$ms',
    title: 'echo-interval',
    blocks: ['bfd-profile', 'bfd-peer'],
    closed: true,
    ranges: { ms: [{ min: 10, max: 60000 }, { since: '10.3', min: 10, max: 4294967 }] },
    default: '50 ms',
    doc: 'The interval of BFD echo packets, for both directions. Range 10-60000 ms (10-4294967 since FRR 10.3).',
  },
  {
    id: 'bfd-echo-receive-interval',
    syntax: 'echo receive-interval <disabled|(10-4294967)$ms>',
    title: 'echo receive-interval',
    blocks: ['bfd-profile', 'bfd-peer'],
    since: '8.0',
    closed: true,
    ranges: { ms: [{ min: 10, max: 60000 }, { since: '10.3', min: 10, max: 4294967 }] },
    default: '50 ms',
    doc: 'The minimum interval between received BFD echo packets, or disabled. Range 10-60000 ms (10-4294967 since FRR 10.3). Since FRR 8.0.',
  },
  {
    id: 'bfd-echo-transmit-interval',
    syntax: 'echo transmit-interval (10-4294967)$ms',
    title: 'echo transmit-interval',
    blocks: ['bfd-profile', 'bfd-peer'],
    since: '8.0',
    closed: true,
    ranges: { ms: [{ min: 10, max: 60000 }, { since: '10.3', min: 10, max: 4294967 }] },
    default: '50 ms',
    doc: 'The interval between transmitted BFD echo packets. Range 10-60000 ms (10-4294967 since FRR 10.3). Since FRR 8.0.',
  },
  {
    id: 'bfd-echo-mode',
    syntax: 'echo-mode',
    title: 'echo-mode',
    blocks: ['bfd-profile', 'bfd-peer'],
    closed: true,
    default: 'off',
    doc: 'Enables BFD echo mode (single-hop sessions only).',
  },
  {
    id: 'bfd-passive-mode',
    syntax: 'passive-mode',
    title: 'passive-mode',
    blocks: ['bfd-profile', 'bfd-peer'],
    since: '7.5',
    closed: true,
    default: 'off',
    doc: 'Waits for the peer to start the BFD session instead of sending first. Since FRR 7.5.',
  },
  {
    id: 'bfd-minimum-ttl',
    syntax: 'minimum-ttl (1-254)$ttl',
    title: 'minimum-ttl',
    blocks: ['bfd-profile', 'bfd-peer'],
    since: '7.5',
    closed: true,
    ranges: { ttl: [{ min: 1, max: 254 }] },
    default: '254',
    doc: 'The minimum TTL accepted on multi-hop BFD packets. Range 1-254. Since FRR 7.5.',
  },
  {
    id: 'bfd-log-session-changes',
    syntax: 'log-session-changes',
    title: 'log-session-changes',
    blocks: ['bfd-profile', 'bfd-peer'],
    since: '10.4',
    closed: true,
    default: 'off',
    doc: 'Logs every Up/Down change of the BFD session(s). Since FRR 10.4.',
  },
  {
    id: 'bfd-shutdown',
    syntax: 'shutdown',
    title: 'shutdown',
    blocks: ['bfd-profile', 'bfd-peer'],
    closed: true,
    default: 'off',
    doc: 'Administratively disables the BFD session(s).',
  },
];

/**
 * Every keyword FRR (7.0 to master) accepts after a keyword path, whether grlint models the command or not
 * (`*` stands for an argument). A word that is one of these, or a prefix of one, is never reported as a
 * misspelling: it is a real command (or an abbreviation FRR accepts). Extracted from the DEFUN strings of
 * bgpd, bfdd, zebra and lib of every release tag; paths that are absent here are never judged.
 */
export const KNOWN_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'neighbor *': (
    'accept-own activate addpath-rx-paths-limit addpath-tx-all-paths addpath-tx-best-selected addpath-tx-bestpath-per-AS ' +
    'advertise-map advertisement-interval aigp allowas-in as-override attribute-unchanged bfd capability dampening ' +
    'default-originate description disable-addpath-rx disable-connected-check disable-link-bw-encoding-ieee distribute-list ' +
    'dont-capability-negotiate ebgp-multihop encapsulation-mpls encapsulation-srv6 encapsulation-srv6-relax enforce-first-as ' +
    'enforce-multihop extended-link-bandwidth extended-optional-parameters filter-list graceful-restart graceful-restart-disable ' +
    'graceful-restart-helper graceful-shutdown interface ip-transparent local-as local-link-id local-role maximum-prefix ' +
    'maximum-prefix-out next-hop-self nexthop-local oad override-capability passive password path-attribute peer-group port ' +
    'prefix-list remote-as remote-link-id remove-private-AS route-map route-reflector-client route-server-client rpki ' +
    'send-community send-nexthop-characteristics sender-as-path-loop-detection shutdown soft-reconfiguration solo soo ' +
    'strict-capability-match tcp-mss timers ttl-security unsuppress-map upa update-source weight'
  ).split(' '),
  'neighbor * timers': ['connect', 'delayopen'],
  'neighbor * bfd': ['check-control-plane-failure', 'multihop', 'profile', 'singlehop', 'strict'],
  'neighbor * bfd strict': ['hold-time'],
  'neighbor * interface': ['peer-group', 'remote-as', 'v6only'],
  'neighbor * interface v6only': ['peer-group', 'remote-as'],
  'neighbor * remote-as': ['auto', 'external', 'internal'],
  'neighbor * interface remote-as': ['auto', 'external', 'internal'],
  'neighbor * interface v6only remote-as': ['auto', 'external', 'internal'],
  bgp: (
    'advertisement-delay always-compare-med as-path bestpath client-to-client cluster-id community community-list ' +
    'conditional-advertisement confederation config-type dampening default default-originate deterministic-med ' +
    'disable-ebgp-connected-route-check ebgp-requires-policy enforce-first-as evpn extcommunity-list fast-convergence ' +
    'fast-external-failover graceful-restart graceful-restart-disable graceful-shutdown hard-administrative-reset inject ' +
    'input-queue-limit ipv4 ipv6 ipv6-auto-ra l3_nhg labeled-unicast large-community-list link-state listen local-mac ' +
    'log-neighbor-changes long-lived-graceful-restart max-med minimum-holdtime multiple-instance network nhg no-rib ' +
    'output-queue-limit reject-as-sets retain route-map route-reflector router-id send-extra-data session-dscp shutdown snmp ' +
    'srv6 suppress-duplicates suppress-fib-pending tcp-keepalive update-delay vnc vpnv4 vpnv6 vrf'
  ).split(' '),
  'bgp graceful-restart': ['disable-eor', 'mode', 'notification', 'preserve-fw-state', 'restart-time', 'rib-stale-time', 'select-defer-time', 'stalepath-time'],
  'bgp long-lived-graceful-restart': ['stale-time'],
  'bgp listen': ['limit', 'range'],
  'bgp listen range *': ['peer-group'],
  timers: ['bgp'],
  'address-family': ['evpn', 'ipv4', 'ipv6', 'l2vpn', 'link-state', 'vpnv4', 'vpnv6'],
  'address-family ipv4': ['flowspec', 'labeled-unicast', 'multicast', 'unicast', 'unreachability', 'vpn'],
  'address-family ipv6': ['flowspec', 'labeled-unicast', 'multicast', 'unicast', 'unreachability', 'vpn'],
  'address-family vpnv4': ['unicast'],
  'address-family vpnv6': ['unicast'],
  'address-family l2vpn': ['evpn'],
  'address-family link-state': ['link-state'],
  'router bgp *': ['as-notation', 'view', 'vrf'],
  frr: ['defaults', 'version'],
  echo: ['receive-interval', 'transmit-interval'],
  'ip address *': ['label', 'peer'],
  'ip address * peer *': ['label'],
};

/**
 * Keyword paths after which no FRR version takes a value, only the keywords of KNOWN_KEYWORDS: a number or
 * an address there is an error for sure.
 */
const KEYWORD_ONLY_PATHS: ReadonlySet<string> = new Set([
  'ip address *',
  'ip address * peer *',
  'bgp listen range *',
  'bgp graceful-restart',
  'bgp long-lived-graceful-restart',
  'neighbor * interface',
  'neighbor * interface v6only',
  'address-family',
  'address-family ipv4',
  'address-family ipv6',
  'address-family vpnv4',
  'address-family vpnv6',
  'address-family l2vpn',
  'frr',
  'echo',
]);

// ------------------------------------------------------------------------------------------------------------
// Compilation of syntax strings.

interface Compiled {
  readonly spec: CommandSpec;
  /** Every expansion of the syntax's choices and optional parts. */
  readonly seqs: readonly (readonly CommandToken[])[];
  readonly anchor: number;
}

type SyntaxNode =
  | { readonly t: 'tok'; readonly tok: CommandToken }
  | { readonly t: 'seq'; readonly items: readonly SyntaxNode[] }
  | { readonly t: 'alt'; readonly options: readonly SyntaxNode[] }
  | { readonly t: 'opt'; readonly item: SyntaxNode };

/** Splits `s` at top-level occurrences of `sep` (outside <>, [] and ()). */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '<' || ch === '[' || ch === '(') depth++;
    if (ch === '>' || ch === ']' || ch === ')') depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseSyntax(s: string): SyntaxNode {
  const parts = splitTop(s.trim(), ' ').filter((p) => p !== '');
  const items = parts.map(parseItem);
  return items.length === 1 ? items[0]! : { t: 'seq', items };
}

function parseItem(p: string): SyntaxNode {
  const [body, name] = splitName(p);
  if (body.startsWith('<') && body.endsWith('>')) {
    const options = splitTop(body.slice(1, -1), '|').map((o) => parseSyntax(name ? `${o}$${name}` : o));
    return { t: 'alt', options };
  }
  if (body.startsWith('[') && body.endsWith(']')) return { t: 'opt', item: parseSyntax(body.slice(1, -1)) };
  return { t: 'tok', tok: parseToken(body, name) };
}

/** `(0-4095)$seconds` → [`(0-4095)`, `seconds`]; a `$` inside brackets belongs to the inner items. */
function splitName(p: string): [string, string | undefined] {
  const last = p.lastIndexOf('$');
  if (last < 0) return [p, undefined];
  const tail = p.slice(last + 1);
  if (/^[a-z][a-z0-9_]*$/i.test(tail) && !/[>\])]/.test(tail)) {
    const head = p.slice(0, last);
    // Only a name after the whole item counts (`<a|b>$x`, `(1-2)$x`, `WORD$x`).
    if (!/^[<[]/.test(head) || /[>\]]$/.test(head)) return [head, tail];
  }
  return [p, undefined];
}

function parseToken(body: string, name: string | undefined): CommandToken {
  const range = /^\((\d+)-(\d+)\)$/.exec(body);
  if (range) return { kind: 'arg', name: name ?? 'value', type: 'number', placeholder: body };
  const arg = (type: ArgType, placeholder: string): CommandToken => ({ kind: 'arg', name: name ?? placeholder.toLowerCase(), type, placeholder });
  switch (body) {
    case 'A.B.C.D':
      return arg('ipv4', body);
    case 'X:X::X:X':
      return arg('ipv6', body);
    case 'A.B.C.D/M':
      return arg('ipv4-prefix', body);
    case 'X:X::X:X/M':
      return arg('ipv6-prefix', body);
    case 'ASNUM':
      return arg('asn', body);
    case 'PEER':
      return arg('peer', '<A.B.C.D|X:X::X:X|WORD>');
    default:
      break;
  }
  // `NAME...` takes the rest of the line; a bare `LINE` is one word, as in FRR.
  if (/^[A-Z][A-Z0-9_]*\.\.\.$/.test(body)) return arg('line', body);
  if (/^[A-Z][A-Z0-9_]*$/.test(body)) return arg('word', body);
  const at = body.indexOf('@');
  return at > 0 ? { kind: 'keyword', word: body.slice(0, at), since: body.slice(at + 1) } : { kind: 'keyword', word: body };
}

/** Numeric placeholders carry no bounds of their own: `(0-4095)` is rewritten from the range table. */
function expand(node: SyntaxNode): CommandToken[][] {
  switch (node.t) {
    case 'tok':
      return [[node.tok]];
    case 'seq': {
      let acc: CommandToken[][] = [[]];
      for (const item of node.items) {
        const next: CommandToken[][] = [];
        for (const a of acc) for (const b of expand(item)) next.push([...a, ...b]);
        acc = next;
      }
      return acc;
    }
    case 'alt':
      return node.options.flatMap(expand);
    case 'opt':
      return [[], ...expand(node.item)];
  }
}

/**
 * Alternatives of one argument (`<A.B.C.D|X:X::X:X|WORD>$source`) share the argument's name; choices
 * between arguments and keywords (`<ASNUM$asn|internal|...>`) keep theirs.
 */
function compile(spec: CommandSpec): Compiled {
  const seqs = expand(parseSyntax(spec.syntax));
  const first = seqs[0] ?? [];
  let anchor = spec.anchor ?? 0;
  if (spec.anchor === undefined) {
    // Leading keywords, plus a leading neighbor argument and the keyword after it.
    for (const t of first) {
      if (t.kind === 'keyword') anchor++;
      else if (t.type === 'peer' || (anchor === 1 && first[0]?.kind === 'keyword' && first[0].word === 'neighbor')) anchor++;
      else break;
    }
  }
  return { spec, seqs, anchor: Math.max(1, anchor) };
}

const COMPILED: readonly Compiled[] = COMMANDS.map(compile);

/** One syntax expansion of a command, with the keyword it starts with (undefined: it starts with a value). */
interface BlockSeq {
  readonly c: Compiled;
  readonly seq: readonly CommandToken[];
  readonly first: string | undefined;
  /** The keyword of each position up to the first `line` argument (undefined for a value). */
  readonly keywords: readonly (string | undefined)[];
}

/** False when some keyword of the sequence is neither the word at its position nor abbreviated by it. */
function keywordsFit(e: BlockSeq, words: readonly string[]): boolean {
  const n = Math.min(e.keywords.length, words.length);
  for (let j = 0; j < n; j++) {
    const k = e.keywords[j];
    if (k === undefined) continue;
    const w = words[j]!;
    if (w !== k && !(w.length > 0 && k.startsWith(w))) return false;
  }
  return true;
}

/** A block's expansions in table order, and their positions by first keyword. */
interface BlockSeqs {
  readonly list: readonly BlockSeq[];
  readonly byFirst: ReadonlyMap<string, readonly number[]>;
  /** Positions of the expansions that start with a value. */
  readonly valueFirst: readonly number[];
}

const BLOCK_SEQS = new Map<FrrBlockKind, BlockSeqs>();

/** The expansions whose first keyword is `w` or abbreviated by it, or that start with a value, in table order. */
function startingWith(b: BlockSeqs, w: string): BlockSeq[] {
  const at: number[] = [...b.valueFirst];
  for (const [k, list] of b.byFirst) if (k === w || k.startsWith(w)) at.push(...list);
  return at.sort((x, y) => x - y).map((i) => b.list[i]!);
}

/**
 * The expansions of the commands a block runs, in table order (matchWith tried every command of the
 * table, and every expansion, for every line; most are ruled out by their first keyword).
 */
function blockSeqs(block: FrrBlockKind): BlockSeqs {
  let seqs = BLOCK_SEQS.get(block);
  if (!seqs) {
    const list = COMPILED.filter((c) => c.spec.blocks.includes(block)).flatMap((c) =>
      c.seqs.map((seq) => {
        const line = seq.findIndex((t) => t.kind !== 'keyword' && t.type === 'line');
        const keywords = (line < 0 ? seq : seq.slice(0, line)).map((t) => (t.kind === 'keyword' ? t.word : undefined));
        return { c, seq, first: seq[0]?.kind === 'keyword' ? seq[0].word : undefined, keywords };
      }),
    );
    const byFirst = new Map<string, number[]>();
    const valueFirst: number[] = [];
    list.forEach((e, i) => {
      if (e.first === undefined) valueFirst.push(i);
      else (byFirst.get(e.first) ?? byFirst.set(e.first, []).get(e.first)!).push(i);
    });
    seqs = { list, byFirst, valueFirst };
    BLOCK_SEQS.set(block, seqs);
  }
  return seqs;
}
const BY_ID = new Map(COMMANDS.map((s) => [s.id, s]));

// ------------------------------------------------------------------------------------------------------------
// Public lookups.

/** The spec with this id. */
export function specFor(id: string): CommandSpec | undefined {
  return BY_ID.get(id);
}

/** The specs that run in a block, in table order (hidden ones included). */
export function specsFor(block: FrrBlockKind): CommandSpec[] {
  return COMMANDS.filter((s) => s.blocks.includes(block));
}

/** The first FRR version that has `spec` in `block` (undefined = every version grlint knows). */
export function sinceIn(spec: CommandSpec, block: FrrBlockKind): string | undefined {
  const a = spec.since;
  const b = spec.sinceIn?.[block];
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

/** The range of a numeric argument for an FRR version (the newest when the version is unknown). */
export function rangeFor(spec: CommandSpec, arg: string, version?: string): { min: number; max: number } | undefined {
  const history = spec.ranges?.[arg];
  if (history && history.length > 0) {
    if (version === undefined) return history[history.length - 1]!;
    let found: VersionedRange | undefined;
    for (const r of history) if (r.since === undefined || compareVersions(version, r.since) >= 0) found = r;
    return found ?? history[0]!;
  }
  const tok = tokenOf(spec, arg);
  if (tok && tok.kind === 'arg' && tok.type === 'number') {
    const m = /^\((\d+)-(\d+)\)$/.exec(tok.placeholder);
    if (m) return { min: Number(m[1]), max: Number(m[2]) };
  }
  return undefined;
}

function tokenOf(spec: CommandSpec, arg: string): CommandToken | undefined {
  const c = COMPILED.find((x) => x.spec === spec);
  for (const seq of c?.seqs ?? []) for (const t of seq) if (t.kind === 'arg' && t.name === arg) return t;
  return undefined;
}

/** The placeholder of an argument with the range of `version`, e.g. `(1-4095)`. */
function placeholderOf(spec: CommandSpec, tok: CommandToken, version: string | undefined): string {
  if (tok.kind === 'keyword') return tok.word;
  if (tok.type === 'number' || tok.type === 'asn') {
    const r = rangeFor(spec, tok.name, version);
    if (r && tok.type === 'number') return `(${r.min}-${r.max})`;
  }
  return tok.placeholder;
}

/** The syntax of a spec with the ranges of `version` (the newest when unknown). */
export function syntaxFor(spec: CommandSpec, version?: string): string {
  return spec.syntax
    .replace(/\((\d+)-(\d+)\)\$(\w+)/g, (m, _a: string, _b: string, name: string) => {
      const r = rangeFor(spec, name, version);
      return r ? `(${r.min}-${r.max})$${name}` : m;
    })
    .replace(/PEER/g, '<A.B.C.D|X:X::X:X|WORD>')
    .replace(/\$\w+/g, '')
    .replace(/@[\d.]+/g, '');
}

// ------------------------------------------------------------------------------------------------------------
// Matching.

type Exactness = 2 | 1 | 0; // 2 exact keyword, 1 abbreviated keyword, 0 argument

interface SeqOk {
  readonly ok: true;
  readonly c: Compiled;
  readonly roles: WordRole[];
  readonly args: Record<string, MatchedArg>;
  readonly exact: Exactness[];
  /** True for a `no` form that stops before its trailing values. */
  readonly partial: boolean;
}

interface SeqFail {
  readonly ok: false;
  readonly c: Compiled;
  readonly kind: 'keyword' | 'value' | 'range' | 'incomplete' | 'extra';
  readonly index: number;
  readonly tok?: CommandToken;
  readonly roles: WordRole[];
  readonly args: Record<string, MatchedArg>;
  /** Keyword path before the failure (`neighbor * timers`). */
  readonly path: string;
  readonly valueError?: { arg: string; range?: { min: number; max: number }; validSince?: string };
}

type SeqResult = SeqOk | SeqFail;

const NUMBER_RE = /^[+-]?\d+$/;

/** Matches `words` (without a leading `no`) against one expansion. `offset` is 1 after a `no`. */
function matchSeq(c: Compiled, seq: readonly CommandToken[], words: readonly string[], offset: number, negated: boolean, version: string | undefined): SeqResult {
  const roles: WordRole[] = [];
  const args: Record<string, MatchedArg> = {};
  const exact: Exactness[] = [];
  const path: string[] = [];
  let i = 0;
  for (let j = 0; j < seq.length; j++) {
    const tok = seq[j]!;
    if (i >= words.length) {
      // FRR's `no` forms leave trailing values out; keywords are still needed.
      if (negated && j >= c.anchor) return { ok: true, c, roles, args, exact, partial: true };
      return { ok: false, c, kind: 'incomplete', index: i + offset, tok, roles, args, path: path.join(' ') };
    }
    const w = words[i]!;
    if (tok.kind === 'keyword') {
      if (w === tok.word) exact.push(2);
      else if (w.length > 0 && tok.word.startsWith(w)) exact.push(1);
      else return { ok: false, c, kind: 'keyword', index: i + offset, tok, roles, args, path: path.join(' ') };
      roles.push({ kind: 'keyword', keyword: tok.word, abbreviated: w !== tok.word });
      path.push(tok.word);
      i++;
      continue;
    }
    if (tok.type === 'line') {
      const text = words.slice(i).join(' ');
      args[tok.name] = { name: tok.name, text, wordIndex: i + offset };
      for (; i < words.length; i++) {
        roles.push({ kind: 'arg', name: tok.name, type: tok.type, placeholder: tok.placeholder });
        exact.push(0);
      }
      path.push('*');
      continue;
    }
    const check = checkArg(c.spec, tok, w, version);
    // Out-of-range values of `no` forms are not judged (FRR's no forms often take wider ranges or none).
    if (!check.ok && !(check.outOfRange && negated)) {
      return {
        ok: false,
        c,
        kind: check.outOfRange ? 'range' : 'value',
        index: i + offset,
        tok,
        roles,
        args,
        path: path.join(' '),
        valueError: { arg: tok.name, ...(check.range ? { range: check.range } : {}), ...(check.validSince ? { validSince: check.validSince } : {}) },
      };
    }
    const value = tok.type === 'number' && NUMBER_RE.test(w) ? Number(w) : undefined;
    args[tok.name] = { name: tok.name, text: w, wordIndex: i + offset, ...(value !== undefined ? { value } : {}) };
    roles.push({ kind: 'arg', name: tok.name, type: tok.type, placeholder: tok.placeholder });
    exact.push(0);
    path.push('*');
    i++;
  }
  if (i < words.length) return { ok: false, c, kind: 'extra', index: i + offset, roles, args, path: path.join(' ') };
  return { ok: true, c, roles, args, exact, partial: false };
}

const FAIL_KINDS: readonly SeqFail['kind'][] = ['keyword', 'value', 'range', 'incomplete', 'extra'];
/** The token index a probe records for a failure without a token (`extra`). */
const NO_TOKEN = 1023;

/** The parts of a failure `probeSeq` packs into one number. */
const failIndex = (p: number): number => Math.floor(p / 8192);
const failToken = (p: number): number => Math.floor(p / 8) % 1024;
const failKind = (p: number): SeqFail['kind'] => FAIL_KINDS[p % 8]!;
const failAt = (index: number, token: number, kind: number): number => (index * 1024 + token) * 8 + kind;

/**
 * Where `matchSeq` with the same arguments fails, without building its result: -1 when it matches, else
 * the word index, the index of the failing token in `seq` (NO_TOKEN for `extra`) and the kind
 * (FAIL_KINDS), packed (read them with failIndex, failToken, failKind). Most lines of a configuration
 * that no modelled command matches are tried against every command starting with their first word, and
 * only the deepest failures are read; this finds them without allocating.
 */
function probeSeq(c: Compiled, seq: readonly CommandToken[], words: readonly string[], offset: number, negated: boolean, version: string | undefined): number {
  let i = 0;
  for (let j = 0; j < seq.length; j++) {
    const tok = seq[j]!;
    if (i >= words.length) {
      if (negated && j >= c.anchor) return -1;
      return failAt(i + offset, j, 3);
    }
    const w = words[i]!;
    if (tok.kind === 'keyword') {
      if (w === tok.word || (w.length > 0 && tok.word.startsWith(w))) {
        i++;
        continue;
      }
      return failAt(i + offset, j, 0);
    }
    if (tok.type === 'line') {
      i = words.length;
      continue;
    }
    const check = checkArg(c.spec, tok, w, version);
    if (!check.ok && !(check.outOfRange && negated)) return failAt(i + offset, j, check.outOfRange ? 2 : 1);
    i++;
  }
  return i < words.length ? failAt(i + offset, NO_TOKEN, 4) : -1;
}

interface ArgCheck {
  readonly ok: boolean;
  readonly outOfRange?: boolean;
  readonly range?: { min: number; max: number };
  readonly validSince?: string;
}

function checkArg(spec: CommandSpec, tok: CommandToken & { kind: 'arg' }, w: string, version: string | undefined): ArgCheck {
  switch (tok.type) {
    case 'number': {
      if (!NUMBER_RE.test(w)) return { ok: false };
      return checkNumber(spec, tok.name, BigInt(w), version);
    }
    case 'asn': {
      if (/^\d+$/.test(w)) return checkNumber(spec, tok.name, BigInt(w), version);
      const m = /^(\d+)\.(\d+)$/.exec(w);
      if (m && m[1]!.length <= 5 && m[2]!.length <= 5 && Number(m[1]) <= 65535 && Number(m[2]) <= 65535 && Number(m[1]) * 65536 + Number(m[2]) >= 1) {
        // asdot notation exists since FRR 9.0 (ASNUM tokens).
        if (version !== undefined && compareVersions(version, '9.0') < 0) return { ok: false, outOfRange: true, range: { min: 1, max: 4294967295 }, validSince: '9.0' };
        return { ok: true };
      }
      return { ok: false };
    }
    case 'ipv4':
      return { ok: isIpv4(w) };
    case 'ipv6':
      return { ok: isStrictIpv6(w) };
    case 'ipv4-prefix':
      return checkPrefix(w, 4);
    case 'ipv6-prefix':
      return checkPrefix(w, 6);
    case 'word':
    case 'peer':
    case 'line':
      return { ok: true };
  }
}

function checkNumber(spec: CommandSpec, arg: string, v: bigint, version: string | undefined): ArgCheck {
  const r = rangeFor(spec, arg, version);
  if (!r) return { ok: true };
  if (v >= BigInt(r.min) && v <= BigInt(r.max)) return { ok: true };
  let validSince: string | undefined;
  if (version !== undefined) {
    for (const h of spec.ranges?.[arg] ?? []) {
      if (h.since !== undefined && compareVersions(h.since, version) > 0 && v >= BigInt(h.min) && v <= BigInt(h.max)) {
        validSince = h.since;
        break;
      }
    }
  }
  return { ok: false, outOfRange: true, range: r, ...(validSince ? { validSince } : {}) };
}

/** An IPv4 (`A.B.C.D/M`, M 0-32) or IPv6 (`X:X::X:X/M`, M 0-128) prefix as FRR's CLI reads it. */
function checkPrefix(w: string, family: 4 | 6): ArgCheck {
  const slash = w.indexOf('/');
  if (slash < 0) return { ok: false };
  const addr = w.slice(0, slash);
  const len = w.slice(slash + 1);
  if (!(family === 4 ? isIpv4(addr) : isStrictIpv6(addr)) || !/^\d{1,3}$/.test(len)) return { ok: false };
  const max = family === 4 ? 32 : 128;
  return Number(len) <= max ? { ok: true } : { ok: false, outOfRange: true, range: { min: 0, max } };
}

/** An IPv6 address as inet_pton reads it (no zone). */
function isStrictIpv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || !s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const all = [...groups(halves[0]!), ...(halves.length === 2 ? groups(halves[1]!) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    if (i === all.length - 1 && g.includes('.')) {
      if (!isIpv4(g)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True when the command (or a keyword it uses) exists in `version` in `block` (unknown version: yes). */
function availableIn(r: SeqOk, block: FrrBlockKind, version: string | undefined): boolean {
  if (version === undefined) return true;
  return tooNewIn(r, block, version) === undefined;
}

/** The first version that has what `r` uses, when that is later than `version`. */
function tooNewIn(r: { c: Compiled; roles: readonly WordRole[] }, block: FrrBlockKind, version: string): string | undefined {
  let need = sinceIn(r.c.spec, block);
  for (const seq of r.c.seqs) {
    for (const t of seq) {
      if (t.kind !== 'keyword' || t.since === undefined) continue;
      if (r.roles.some((x) => x.kind === 'keyword' && x.keyword === t.word)) {
        if (need === undefined || compareVersions(t.since, need) > 0) need = t.since;
      }
    }
  }
  return need !== undefined && compareVersions(version, need) < 0 ? need : undefined;
}

/** The FRR version a matched command needs, when the file's version is older; undefined otherwise. */
export function versionNeeded(m: CommandMatch, version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  const c = COMPILED.find((x) => x.spec === m.spec);
  return c ? tooNewIn({ c, roles: m.roles }, m.block, version) : undefined;
}

/** Where two equally good matches of different commands abbreviate different keywords (FRR: ambiguous). */
function ambiguityOf(best: SeqOk, rivals: readonly SeqOk[]): { at: number; candidates: string[] } | undefined {
  for (let k = 0; k < best.exact.length; k++) {
    if (best.exact[k] !== 1) continue;
    const kw = (r: SeqOk): string | undefined => {
      const role = r.roles[k];
      return role?.kind === 'keyword' ? role.keyword : undefined;
    };
    const candidates = [...new Set([best, ...rivals].map(kw).filter((x): x is string => x !== undefined))].sort();
    if (candidates.length > 1) return { at: k, candidates };
  }
  return undefined;
}

function compareExact(a: readonly Exactness[], b: readonly Exactness[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Damerau-Levenshtein (optimal string alignment) distance. */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The keyword `w` most likely misspells, if it is close to exactly one candidate. */
function nearestKeyword(w: string, candidates: readonly string[]): string | undefined {
  const lw = w.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const c of new Set(candidates)) {
    const d = typoDistance(lw, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
      tie = false;
    } else if (d === bestD && c !== best) tie = true;
  }
  if (best === undefined || tie) return undefined;
  const limit = Math.min(2, Math.max(1, Math.floor(best.length / 3)));
  return bestD <= limit ? best : undefined;
}

/** True when `w` is a keyword FRR knows after `path`, or a prefix of one (FRR accepts abbreviations). */
function isKnownAfter(path: string, w: string, modelled: readonly string[]): boolean | undefined {
  const known = KNOWN_KEYWORDS[path];
  if (known === undefined) return undefined;
  for (const k of [...known, ...modelled]) if (k === w || (w.length > 0 && k.startsWith(w))) return true;
  return false;
}

/**
 * Matches the words of one line against the commands of `block`. Returns the command (`match`), how the
 * line fails a command it starts like (`near-miss`), or `none` for lines grlint does not model or cannot
 * judge. Near misses are conservative: a word is only `unknown-keyword` when no FRR version has a keyword
 * it spells or abbreviates there and replacing it with the suggestion makes the line valid; `extra` is
 * only reported for commands that no FRR version extends. Never throws.
 */
export function matchCommand(words: readonly string[], block: FrrBlockKind, opts: MatchOptions = {}): CommandMatchResult {
  return matchWith(words, block, opts, true);
}

/**
 * For tests: how many expansions of the commands of `block` `probeSeq` judges differently from `matchSeq`
 * for `words` (a line without its leading `no` when `negated`): 0 when the probe is right.
 */
export function probeMismatches(words: readonly string[], block: FrrBlockKind, negated: boolean, version?: string): number {
  let n = 0;
  const offset = negated ? 1 : 0;
  for (const { c, seq } of blockSeqs(block).list) {
    const r = matchSeq(c, seq, words, offset, negated, version);
    const p = probeSeq(c, seq, words, offset, negated, version);
    if (r.ok ? p !== -1 : p < 0 || failIndex(p) !== r.index || failKind(p) !== r.kind || (failToken(p) === NO_TOKEN ? undefined : seq[failToken(p)]) !== r.tok) n++;
  }
  return n;
}

/** What the failure pass of matchWith reads of a failure besides the one it builds in full. */
interface DeepFailure {
  readonly c: Compiled;
  readonly seq: readonly CommandToken[];
  readonly kind: SeqFail['kind'];
  readonly index: number;
  readonly tok: CommandToken | undefined;
}

/** A failure the line got into: past its first word, or at its first word on a value. */
function isStarted(index: number, kind: SeqFail['kind'], offset: number): boolean {
  return index - offset >= 1 || (kind !== 'keyword' && index - offset >= 0);
}

function matchWith(words: readonly string[], block: FrrBlockKind, opts: MatchOptions, suggest: boolean): CommandMatchResult {
  if (words.length === 0) return { kind: 'none' };
  const negated = words[0] === 'no' && words.length > 1;
  const body = negated ? words.slice(1) : words;
  const offset = negated ? 1 : 0;
  const version = opts.version;
  const noRole: WordRole[] = negated ? [{ kind: 'no' }] : [];

  const oks: SeqOk[] = [];
  // The sequences that do not start with a keyword the first word neither is nor abbreviates (those fail
  // right there with a 'keyword' failure, which only firstWordTypo reads: below, from a full pass).
  const all = blockSeqs(block);
  const entries = startingWith(all, body[0]!);
  // First only the sequences whose keywords the words spell (each token before a `line` argument takes
  // one word, so keyword j meets word j): the others cannot match. When one matches, the failures are
  // not read, and the matches are the same, in the same order, as from trying every sequence.
  for (const e of entries) {
    if (!keywordsFit(e, body) || probeSeq(e.c, e.seq, body, offset, negated, version) !== -1) continue;
    const r = matchSeq(e.c, e.seq, body, offset, negated, version);
    if (r.ok) oks.push(r);
  }
  // No sequence matches: where each fails (probeSeq), and the deepest failures among those the line starts
  // like (past its first word, or at it on a value), in the order of the sequences. Only the failure that
  // describes the line is built in full (below); of the others, their kind and token are read.
  const atDepth: DeepFailure[] = [];
  if (oks.length === 0) {
    let depth = -1;
    const probes = new Array<number>(entries.length);
    for (let k = 0; k < entries.length; k++) {
      const p = probeSeq(entries[k]!.c, entries[k]!.seq, body, offset, negated, version);
      probes[k] = p;
      if (p >= 0 && isStarted(failIndex(p), failKind(p), offset)) depth = Math.max(depth, failIndex(p));
    }
    for (let k = 0; k < entries.length; k++) {
      const p = probes[k]!;
      if (p < 0 || failIndex(p) !== depth || !isStarted(depth, failKind(p), offset)) continue;
      const e = entries[k]!;
      const t = failToken(p);
      atDepth.push({ c: e.c, seq: e.seq, kind: failKind(p), index: depth, tok: t === NO_TOKEN ? undefined : e.seq[t] });
    }
  }

  if (oks.length > 0) {
    // Prefer commands that exist in the file's version, then FRR's exact-over-abbreviated rule.
    const avail = oks.filter((r) => availableIn(r, block, version));
    const pool = avail.length > 0 ? avail : [...oks];
    pool.sort((a, b) => compareExact(b.exact, a.exact));
    const best = pool[0]!;
    const rivals = pool.filter((r) => r.c.spec !== best.c.spec && compareExact(r.exact, best.exact) === 0);
    const amb = rivals.length > 0 ? ambiguityOf(best, rivals) : undefined;
    if (amb) {
      const index = amb.at + offset;
      return {
        kind: 'near-miss',
        problem: 'ambiguous',
        spec: best.c.spec,
        block,
        negated,
        wordIndex: index,
        roles: [...noRole, ...best.roles.slice(0, amb.at)],
        args: {},
        expected: amb.candidates,
        candidates: amb.candidates,
      };
    }
    return { kind: 'match', spec: best.c.spec, block, negated, args: best.args, roles: [...noRole, ...best.roles], partial: best.partial };
  }

  // The deepest failure among the commands the line starts like.
  if (atDepth.length === 0) {
    if (!suggest) return { kind: 'none' };
    // Every sequence failed (none matched): the first keywords of those that fail at the first word on
    // it, which is what trying all of them gives (probed, and only when a suggestion is looked for).
    return firstWordTypo(words, block, opts, () => {
      const firsts: string[] = [];
      for (const { c, seq } of all.list) {
        const p = probeSeq(c, seq, body, offset, negated, version);
        if (p >= 0 && failIndex(p) === offset && failKind(p) === 'keyword') firsts.push((seq[0] as { word: string }).word);
      }
      return firsts;
    });
  }
  const depth = atDepth[0]!.index;
  // A word where both a keyword and a value fit is read as a keyword when it starts with a letter.
  const word = words[depth];
  const keywordFirst = word !== undefined && /^[A-Za-z]/.test(word) && atDepth.some((x) => x.kind === 'keyword');
  const order = keywordFirst ? { range: 0, keyword: 1, value: 2, incomplete: 3, extra: 4 } : { range: 0, value: 1, keyword: 2, incomplete: 3, extra: 4 };
  atDepth.sort((a, b) => order[a.kind] - order[b.kind]);
  const first = atDepth[0]!;
  const f = matchSeq(first.c, first.seq, body, offset, negated, version) as SeqFail;
  const base = { kind: 'near-miss' as const, spec: f.c.spec, block, negated, wordIndex: f.index, roles: [...noRole, ...f.roles], args: f.args };
  const expectedHere = [...new Set(atDepth.filter((x) => x.tok).map((x) => placeholderOf(x.c.spec, x.tok!, version)))];

  switch (f.kind) {
    case 'range': {
      const ve = f.valueError!;
      return {
        ...base,
        problem: 'out-of-range',
        expected: ve.range ? [`(${ve.range.min}-${ve.range.max})`] : expectedHere,
        arg: ve.arg,
        ...(ve.range ? { range: ve.range } : {}),
        ...(ve.validSince ? { validSince: ve.validSince } : {}),
      };
    }
    case 'value': {
      if (negated) return { kind: 'none' };
      const ve = f.valueError!;
      return { ...base, problem: 'invalid-value', expected: expectedHere, arg: ve.arg };
    }
    case 'keyword': {
      if (!suggest) return { kind: 'none' };
      const w = words[f.index]!;
      const modelled = atDepth.filter((x) => x.kind === 'keyword' && x.tok?.kind === 'keyword').map((x) => (x.tok as { word: string }).word);
      const known = isKnownAfter(f.path, w, modelled);
      if (known !== false) return { kind: 'none' };
      if (!/^[A-Za-z]/.test(w)) {
        // A number or an address where FRR takes only keywords (`ip address 192.0.2.1 255.255.255.0`).
        if (!KEYWORD_ONLY_PATHS.has(f.path) || atDepth.some((x) => x.tok?.kind === 'arg')) return { kind: 'none' };
        return { ...base, problem: 'unknown-keyword', expected: [...new Set(modelled)].sort() };
      }
      if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(w)) return { kind: 'none' };
      const suggestion = nearestKeyword(w, modelled);
      const fixed = suggestion ? corrected(words, f.index, suggestion, block, opts) : undefined;
      if (suggestion && fixed) {
        return { ...base, spec: fixed, problem: 'unknown-keyword', expected: [...new Set(modelled)].sort(), suggestion };
      }
      // Without a suggestion, only where FRR's keywords are known completely and no value fits.
      if (!KEYWORD_ONLY_PATHS.has(f.path) || atDepth.some((x) => x.tok?.kind === 'arg')) return { kind: 'none' };
      return { ...base, problem: 'unknown-keyword', expected: [...new Set(modelled)].sort() };
    }
    case 'incomplete': {
      if (negated || f.index - offset < f.c.anchor) return { kind: 'none' };
      return { ...base, problem: 'incomplete', expected: expectedHere };
    }
    case 'extra': {
      if (negated || !f.c.spec.closed) return { kind: 'none' };
      const w = words[f.index]!;
      if (isKnownAfter(f.path, w, []) === true) return { kind: 'none' };
      return { ...base, problem: 'extra', expected: [] };
    }
  }
}

/**
 * The command the line is when word `index` is replaced with `keyword`, if that gives a valid line (or one
 * whose only fault is a later value).
 */
function corrected(words: readonly string[], index: number, keyword: string, block: FrrBlockKind, opts: MatchOptions): CommandSpec | undefined {
  const fixed = [...words];
  fixed[index] = keyword;
  const r = matchWith(fixed, block, opts, false);
  if (r.kind === 'match') return r.spec;
  if (r.kind === 'near-miss' && (r.problem === 'out-of-range' || r.problem === 'invalid-value') && r.wordIndex > index) return r.spec;
  return undefined;
}

/**
 * A misspelled first word (`neighbour`, `BGP`): only when the block does not know the word at all.
 * `firstsOf()` gives the first keyword of every command of the block that fails at the line's first word.
 */
function firstWordTypo(words: readonly string[], block: FrrBlockKind, opts: MatchOptions, firstsOf: () => string[]): CommandMatchResult {
  const negated = words[0] === 'no' && words.length > 1;
  const index = negated ? 1 : 0;
  const w = words[index]!;
  if (!opts.knownFirstWord || opts.knownFirstWord(w) || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(w)) return { kind: 'none' };
  const firsts = firstsOf();
  const suggestion = nearestKeyword(w, firsts);
  const spec = suggestion ? corrected(words, index, suggestion, block, opts) : undefined;
  if (!suggestion || !spec) return { kind: 'none' };
  return {
    kind: 'near-miss',
    problem: 'unknown-keyword',
    spec,
    block,
    negated,
    wordIndex: index,
    roles: negated ? [{ kind: 'no' }] : [],
    args: {},
    expected: [...new Set(firsts)].sort(),
    suggestion,
  };
}

/**
 * Matches a line in `chain`, innermost block first, as FRR does: the first block whose command matches
 * runs the line; otherwise the deepest near miss (the innermost on ties) describes the failure.
 */
export function matchInChain(words: readonly string[], chain: readonly FrrBlockKind[], opts: MatchOptions = {}): CommandMatchResult {
  let best: CommandNearMiss | undefined;
  for (const block of chain) {
    const r = matchCommand(words, block, opts);
    if (r.kind === 'match') return r;
    if (r.kind === 'near-miss' && (!best || r.wordIndex > best.wordIndex)) best = r;
  }
  return best ?? { kind: 'none' };
}

/** Every block kind some modelled command runs in. */
export const COMMAND_BLOCKS: readonly FrrBlockKind[] = [...new Set(COMMANDS.flatMap((s) => s.blocks))];

// ------------------------------------------------------------------------------------------------------------
// Completion.

/**
 * What may come next on a line of `block` after `preceding` (the complete words before the cursor; a
 * leading `no` is allowed). Keywords and value placeholders, deduplicated, with the command's doc. Commands
 * that the file's FRR version lacks and hidden commands are left out.
 */
export function completionsFor(block: FrrBlockKind, preceding: readonly string[], opts: { readonly version?: string } = {}): CommandCompletion[] {
  const negated = preceding[0] === 'no';
  const body = negated ? preceding.slice(1) : preceding;
  const out = new Map<string, { kind: 'keyword' | 'value'; detail: string; documentation: string; specIds: string[] }>();
  for (const c of COMPILED) {
    const spec = c.spec;
    if (!spec.blocks.includes(block) || spec.hidden) continue;
    const since = sinceIn(spec, block);
    if (opts.version !== undefined && since !== undefined && compareVersions(opts.version, since) < 0) continue;
    for (const seq of c.seqs) {
      if (seq.length <= body.length) continue;
      let ok = true;
      for (let i = 0; i < body.length && ok; i++) {
        const tok = seq[i]!;
        const w = body[i]!;
        if (tok.kind === 'keyword') ok = w === tok.word || (w.length > 0 && tok.word.startsWith(w));
        else if (tok.type === 'line') ok = false;
        else ok = w.length > 0 && (tok.type !== 'number' || NUMBER_RE.test(w));
      }
      if (!ok) continue;
      const next = seq[body.length]!;
      if (next.kind === 'keyword' && next.since !== undefined && opts.version !== undefined && compareVersions(opts.version, next.since) < 0) continue;
      const label = placeholderOf(spec, next, opts.version);
      const kind = next.kind === 'keyword' ? 'keyword' : 'value';
      let detail = spec.title;
      if (next.kind === 'arg') {
        detail = `${spec.title}: ${next.name}${spec.default && next.type === 'number' ? `, default ${spec.default}` : ''}`;
      }
      const prev = out.get(label);
      if (prev) {
        if (!prev.specIds.includes(spec.id)) prev.specIds.push(spec.id);
      } else out.set(label, { kind, detail, documentation: spec.doc, specIds: [spec.id] });
    }
  }
  return [...out.entries()].map(([label, v]) => ({ label, ...v }));
}

// ------------------------------------------------------------------------------------------------------------
// Hover.

/** What the language server shows for a word of a modelled command. */
export interface CommandHover {
  readonly spec: CommandSpec;
  /** The block the command runs in (an enclosing one when FRR leaves the current block for it). */
  readonly block: FrrBlockKind;
  /** The syntax with the ranges of the version (the newest when unknown). */
  readonly syntax: string;
  /** What the hovered word stands for, when the line matched that far. */
  readonly role: WordRole | undefined;
  /** For a number argument: its range for the version. */
  readonly range?: { readonly min: number; readonly max: number };
  /** The first FRR version with the command in this block, if grlint knows one. */
  readonly since?: string;
}

/**
 * Hover information for word `wordIndex` of a line whose blocks are `chain` (innermost first): the
 * command the line is (or starts like), its syntax for the version, and what the word stands for.
 * Undefined for lines grlint does not model.
 */
export function hoverFor(words: readonly string[], chain: readonly FrrBlockKind[], wordIndex: number, opts: MatchOptions = {}): CommandHover | undefined {
  const r = matchInChain(words, chain, opts);
  if (r.kind === 'none') return undefined;
  const role = r.roles[wordIndex];
  const range = role?.kind === 'arg' && role.type === 'number' ? rangeFor(r.spec, role.name, opts.version) : undefined;
  const since = sinceIn(r.spec, r.block);
  return {
    spec: r.spec,
    block: r.block,
    syntax: syntaxFor(r.spec, opts.version),
    role,
    ...(range ? { range: { min: range.min, max: range.max } } : {}),
    ...(since !== undefined ? { since } : {}),
  };
}
