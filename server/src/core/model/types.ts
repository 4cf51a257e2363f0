import type { FrrConfigView, NeighborStatement, RouterBgpView, ListenRangeStatement } from '../frr/views';
import type { Range } from '../text/range';

/** A range in a real file of the project (an frr.conf or a YAML file). */
export interface Location {
  readonly uri: string;
  readonly range: Range;
}

/**
 * Where an effective value comes from:
 * - `config`: a line or field the user wrote (in an frr.conf, in embedded frr.conf text, or a CR field);
 * - `rendered`: a line MetalLB / frr-k8s always renders (e.g. `bgp graceful-restart preserve-fw-state`),
 *   located at the object that produced it;
 * - `default`: FRR's default (or the `frr defaults` profile's), not written anywhere.
 */
export type Origin =
  | { readonly kind: 'config'; readonly loc: Location; readonly scope: Scope }
  | { readonly kind: 'rendered'; readonly loc: Location; readonly detail: string }
  | { readonly kind: 'default'; readonly detail: string };

/** The scope a setting was read from, most specific first. */
export type Scope = 'neighbor' | 'peer-group' | 'instance' | 'bgp-wide' | 'field';

export interface Effective<T> {
  readonly value: T;
  readonly origin: Origin;
}

export type GrMode = 'restart' | 'helper' | 'disable';

/** The graceful-restart settings of one end, after FRR's precedence rules. */
export interface GrSettings {
  readonly mode: Effective<GrMode>;
  /** Advertised Restart Time (s). */
  readonly restartTime: Effective<number>;
  /** Local upper bound on keeping a restarting peer's stale paths (s). */
  readonly stalepathTime: Effective<number>;
  readonly selectDeferTime: Effective<number>;
  /** F bit: `bgp graceful-restart preserve-fw-state` (or bgpd -K). */
  readonly preserveFwState: Effective<boolean>;
  /** N bit (RFC 8538). */
  readonly notification: Effective<boolean>;
  /** LLGR stale-time (s); 0 = LLGR off. */
  readonly llgrStaleTime: Effective<number>;
}

export interface TimerSettings {
  /** Configured hold time (s). */
  readonly hold: Effective<number>;
  /** Configured keepalive (s), before FRR's clamp. */
  readonly keepalive: Effective<number>;
  /** What FRR uses: min(keepalive, hold / 3) (0 when hold is 0). */
  readonly keepaliveClamped: number;
  readonly connect: Effective<number>;
}

export interface BfdSettings {
  readonly enabled: Effective<boolean>;
  readonly profile: Effective<string> | undefined;
  readonly checkControlPlaneFailure: Effective<boolean>;
}

/** A document the model reads: a real frr.conf, embedded frr.conf text, or a rendering of CRs. */
export interface ModelDoc {
  /** Unique id: the file uri for real files; `<yaml uri>#...` for embedded or rendered text. */
  readonly id: string;
  /** The real file this document lives in or was rendered from. */
  readonly uri: string;
  readonly kind: 'frr' | 'embedded' | 'rendered';
  readonly text: string;
  readonly frr: FrrConfigView;
  /** Maps a range of `text` to a range of the real file `uri`. */
  resolve(range: Range): Location;
  /** The origin of a setting written at `range` of `text` (rendered template lines are `rendered`). */
  origin(range: Range, scope: Scope): Origin;
  /**
   * The edit of the real file that replaces `range` of `text` with `newText`, or undefined when that text
   * cannot be edited in place (rendered template lines, CR fields, or a scalar style that cannot take it).
   */
  edit(range: Range, newText: string): { readonly uri: string; readonly range: Range; readonly newText: string } | undefined;
  /** FRR version stated in the file or configured for it, if known. */
  readonly frrVersion: Effective<string> | undefined;
  /** For renderings: where the GR and timer lines came from, by 0-based line of `text`. */
  readonly notes?: readonly { readonly line: number; readonly detail: string; readonly loc: Location }[];
  /** For renderings: the object rendered. */
  readonly renderedFrom?: { readonly kind: string; readonly name: string | undefined; readonly loc: Location };
}

/** One `router bgp ASN [vrf V]` instance of a document, with its blocks merged as FRR merges them. */
export interface BgpInstance {
  readonly doc: ModelDoc;
  readonly asn: number | undefined;
  readonly vrf: string | undefined;
  readonly blocks: readonly RouterBgpView[];
  /** The instance's own addresses: router-id, update-source addresses (interface addresses are per doc). */
  readonly routerId: string | undefined;
}

export type EndSide = 'frr' | 'metallb' | 'frrk8s';

/** One side's configuration of a BGP session. */
export interface End {
  readonly id: string;
  readonly side: EndSide;
  /** Human label of this end's configuration, e.g. `neighbor 192.0.2.1` or `BGPPeer "tor1"`. */
  readonly label: string;
  /**
   * Who runs this end: the router (its `hostname`, else the file's folder or name) for an frr.conf
   * neighbor, the object for a cluster-side end. Verdicts say "if <speaker> restarts".
   */
  readonly speaker: string;
  /** Where the end is declared (neighbor target, BGPPeer name, FRRConfiguration neighbor address). */
  readonly decl: Location;
  readonly instance: BgpInstance;
  readonly localAsn: number | undefined;
  readonly vrf: string | undefined;
  /** The neighbor's remote-as, after peer-group inheritance. */
  readonly remoteAs: Effective<number | 'internal' | 'external' | 'auto'> | undefined;
  /** Address, interface name, or listen-range prefix the end points at. */
  readonly target: EndTarget;
  /** The neighbor's peer-group, if any. */
  readonly peerGroup: string | undefined;
  /** Addresses that identify this end's router (router-id, interface addresses, update-source, hints). */
  readonly localAddresses: readonly string[];
  readonly gr: GrSettings;
  readonly timers: TimerSettings;
  readonly bfd: BfdSettings;
  readonly frrVersion: Effective<string> | undefined;
  /** The neighbor statements that define this end (in the end's document). */
  readonly statements: readonly NeighborStatement[];
  /** The listen-range statement of a dynamic-neighbor end. */
  readonly listenRange?: ListenRangeStatement;
  /** For cluster-side ends: which nodes it stands for. */
  readonly nodes?: NodeSelection;
  /** The Kubernetes object behind a cluster-side end. */
  readonly object?: { readonly kind: string; readonly name: string | undefined; readonly namespace: string | undefined; readonly loc: Location };
}

export type EndTarget =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'interface'; readonly name: string }
  | { readonly kind: 'listen-range'; readonly prefix: string }
  | { readonly kind: 'unknown' };

/** The nodes a cluster-side end stands for: `all`, or the addresses of the selected nodes if known. */
export interface NodeSelection {
  readonly all: boolean;
  /** Addresses of the selected nodes, when Node objects or topology hints tell them. */
  readonly addresses: readonly string[] | undefined;
  /** Names of the selected nodes, when known. */
  readonly names: readonly string[] | undefined;
}

export type VerdictReasonCode =
  | 'not-restart-mode'
  | 'helper-disabled'
  | 'no-preserve-fw-state'
  | 'bfd-tears-down'
  | 'frr-sends-cease'
  | 'restart-time-zero';

/**
 * Something about the way the restarting end goes away, which no config shows, that a reason depends on.
 * `bfd-down-while-established`: BFD Down reaches the helper while its session is still Established
 * (docs/lab/measurements.md §3.6); once the helper has seen the TCP close, a later BFD Down changes nothing.
 */
export type VerdictConditionCode = 'bfd-down-while-established';

export interface VerdictCondition {
  readonly code: VerdictConditionCode;
  /** When the reason holds (one line, lower case, no final period). */
  readonly holds: string;
  /** When it does not hold, so that `Verdict.otherwise` applies. */
  readonly fails: string;
  /** When the outcome is a race between the two. */
  readonly race: string;
}

export interface VerdictReason {
  readonly code: VerdictReasonCode;
  /** One line, lower case, no final period. */
  readonly message: string;
  /** Where the cause is written (or the end it concerns). */
  readonly loc: Location;
  /**
   * Set when the reason holds only for some ways of going away (kill order, hang, link failure). The verdict
   * still counts it (the safe side); `Verdict.otherwise` says what happens when the condition does not hold.
   */
  readonly condition?: VerdictCondition;
}

/** The outcome part of a verdict: kept for how long, or lost and why. */
export interface VerdictOutcome {
  readonly kept: boolean;
  /** Seconds the routes are kept while the restarting end is away; null when lost. */
  readonly seconds: number | null;
  /** Why routes are lost, first cause first; empty when kept. */
  readonly reasons: readonly VerdictReason[];
  /** min(restart-time, stalepath-time) and which side bounds it, when kept. */
  readonly boundBy?: 'restart-time' | 'stalepath-time' | 'llgr';
}

/** What the helper does with the restarting end's routes while it restarts. */
export interface Verdict extends VerdictOutcome {
  readonly restarting: End;
  readonly helper: End;
  /** The outcome when no reason's condition holds; set only when some reason has a condition. */
  readonly otherwise?: VerdictOutcome;
}

export interface Session {
  readonly id: string;
  readonly a: End;
  readonly b: End;
  /** [a restarts while b helps, b restarts while a helps]. */
  readonly verdicts: readonly [Verdict, Verdict];
}

export interface PairingNote {
  readonly end: End;
  readonly kind: 'unpaired' | 'ambiguous';
  readonly candidates: readonly End[];
}

/** The whole project model. */
export interface Model {
  readonly docs: readonly ModelDoc[];
  readonly ends: readonly End[];
  readonly sessions: readonly Session[];
  readonly pairing: readonly PairingNote[];
}
