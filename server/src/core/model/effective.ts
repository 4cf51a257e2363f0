import type {
  BgpStatement,
  FrrConfigView,
  GrStatement,
  GrTimerName,
  ListenRangeStatement,
  NeighborStatement,
  RemoteAs,
  RouterBgpView,
  TimersBgpStatement,
} from '../frr/views';
import { isIpv4, isIpv6 } from '../frr/views';
import type {
  BfdSettings,
  BgpInstance,
  Effective,
  End,
  EndSide,
  EndTarget,
  GrMode,
  GrSettings,
  ModelDoc,
  Origin,
  Scope,
  TimerSettings,
} from './types';
import { normalizeAddress } from './address';
import { flat, TextMemo } from './texts';
import { versionInRange } from './version';

/** FRR's graceful-restart defaults (domain.md §4.1). */
export const FRR_DEFAULTS = {
  restartTime: 120,
  stalepathTime: 360,
  selectDeferTime: 360,
  llgrStaleTime: 0,
} as const;

/**
 * FRR releases in [from, to) do not apply `neighbor <peer-group> graceful-restart[-helper|-disable]` to the
 * group's members: from 7.5 a member's GR flags are recomputed from its own (inherit) state when it binds
 * (`bgp_peer_gr_flags_update` in `peer_group2peer_config_copy`), and only 10.2.1 / 10.3 make members
 * inherit the group's GR state (`0a85b1ba04`). Measured on FRR 8.4.4 (docs/lab/measurements.md §3.4);
 * 10.2.0 refuses the line. With an unknown version the line is applied.
 */
export const FRR_PEER_GROUP_GR_MODE_IGNORED = { from: '7.5', to: '10.2.1' } as const;

/** Hold, keepalive and connect defaults per `frr defaults` profile (domain.md §4.1, §4.3). */
export const TIMER_PROFILES: Record<string, { hold: number; keepalive: number; connect: number }> = {
  // FRR's bgpd/bgp_vty.c defaults: DFLT_BGP_TIMERS_CONNECT is 120 (traditional) and 10 (datacenter);
  // domain.md §4.1 gives 30 for traditional, which the lab checks (docs/lab/measurements.md).
  traditional: { hold: 180, keepalive: 60, connect: 120 },
  datacenter: { hold: 9, keepalive: 3, connect: 10 },
};

/** Valid ranges of the instance GR timers: a line outside them is rejected by FRR and has no effect. */
const GR_TIMER_RANGES: Record<GrTimerName, [number, number]> = {
  'restart-time': [0, 4095],
  'stalepath-time': [1, 4095],
  'select-defer-time': [0, 3600],
  'rib-stale-time': [1, 3600],
};

/** Options that come from outside the document (hints, rendering facts). */
export interface EndOptions {
  readonly side: EndSide;
  /** Extra addresses of this document's router (topology hints). */
  readonly extraAddresses?: readonly string[];
}

/**
 * Groups a document's `router bgp` blocks into instances: blocks with the same ASN and VRF merge, as in
 * FRR. A block without an ASN joins the first instance of its VRF. Computed once per document (documents
 * are immutable): the ends of a document and the rules that read its instances share the same objects.
 */
export function instancesOf(doc: ModelDoc): BgpInstance[] {
  let out = INSTANCES.get(doc);
  if (!out) INSTANCES.set(doc, (out = groupInstances(doc)));
  return out;
}

const INSTANCES = new WeakMap<ModelDoc, BgpInstance[]>();

/** An instance as the tree alone gives it (no document): shared by the documents with the same tree. */
type InstanceGroup = Omit<BgpInstance, 'doc'>;

/**
 * The instance groups of each parse tree. Renderings with the same text share one tree (project.ts),
 * and so their instances share blocks, and the statement lists kept by blocks (instanceStatements).
 */
const GROUPS = new WeakMap<FrrConfigView, readonly InstanceGroup[]>();

function groupInstances(doc: ModelDoc): BgpInstance[] {
  let groups = GROUPS.get(doc.frr);
  if (!groups) GROUPS.set(doc.frr, (groups = groupBlocks(doc.frr)));
  return groups.map((g) => ({ doc, asn: g.asn, vrf: g.vrf, blocks: g.blocks, routerId: g.routerId }));
}

function groupBlocks(frr: FrrConfigView): InstanceGroup[] {
  const byKey = new Map<string, { asn: number | undefined; vrf: string | undefined; blocks: RouterBgpView[] }>();
  for (const r of frr.routers) {
    const vrf = r.vrf?.value;
    let asn = r.asn?.value;
    if (asn === undefined && r.asnText === undefined) {
      const first = [...byKey.values()].find((g) => g.vrf === vrf);
      asn = first?.asn;
    }
    const key = `${asn ?? '?'}|${vrf ?? ''}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { asn, vrf, blocks: [] }));
    g.blocks.push(r);
  }
  return [...byKey.values()].map((g) => {
    let routerId: string | undefined;
    for (const b of g.blocks) {
      for (const s of b.statements) {
        if (s.kind === 'router-id' && s.value && isIpv4(s.value.value)) routerId = s.negated ? undefined : s.value.value;
      }
    }
    return { asn: g.asn, vrf: g.vrf, blocks: g.blocks, routerId };
  });
}

/** All statements of an instance's blocks, in file order. */
export function statementsOf(blocks: readonly RouterBgpView[]): BgpStatement[] {
  const out: BgpStatement[] = [];
  for (const b of blocks) out.push(...b.statements);
  return out;
}

/** Target keys are compared normalized (IPv6 compressed, lower case). */
function targetKey(text: string): string {
  return normalizeAddress(text) ?? text;
}

/**
 * The ends a document declares: every neighbor (address or interface) and every listen range.
 *
 * What ends share is computed once: the document's facts (router name, timer profile, whether peer-group
 * GR mode lines apply), each instance's own settings, and what each peer-group's lines give its members.
 * An end then only reads its own lines. Ends share those values as objects (they are immutable).
 */
export function endsOf(doc: ModelDoc, opts: EndOptions): End[] {
  const ends: End[] = [];
  const facts = docFacts(doc);
  const docAddresses = [
    ...doc.frr.interfaces.flatMap((i) => i.addresses.map((a) => normalizeAddress(a.address) ?? a.address)),
    ...(opts.extraAddresses ?? []),
  ];
  for (const inst of instancesOf(doc)) {
    const statements = instanceStatements(inst);
    const instance = instanceFacts(doc, facts, statements);
    const groups = statements.peerGroups;
    const { updateSources, order, byTarget, listenRanges } = statements.neighbors;
    const localAddresses = unique([...(inst.routerId ? [inst.routerId] : []), ...docAddresses, ...updateSources]);
    // What each peer-group's lines give its members, by the group's line list.
    const groupLayers = new Map<readonly NeighborStatement[], LayerValues>();
    const groupLayer = (pgStmts: readonly NeighborStatement[]): LayerValues => {
      let l = groupLayers.get(pgStmts);
      if (!l) groupLayers.set(pgStmts, (l = layerValues(doc, pgStmts, 'peer-group', EMPTY_BFD)));
      return l;
    };
    const part: EndContext = { shared: { gr: new Map(), timers: new Map() }, doc, inst, opts, facts, instance, localAddresses };
    const idPrefix = flat(`${doc.id}#${inst.asn ?? '?'}|${inst.vrf ?? ''}|`);
    // A real file's ends are built again on every edit of it; renderings' are kept with their objects.
    const ids = doc.kind === 'frr' ? idsOf(idPrefix) : undefined;

    for (const k of order) {
      const own = byTarget.get(k)!;
      const first = own[0]!;
      if (groups.has(first.target.value)) continue;
      // A neighbor exists once it has a remote-as (directly, through an interface line or its peer-group).
      const pg = peerGroupOf(own);
      if (!definesNeighbor(own)) continue;
      const isInterface = isInterfaceNeighbor(own);
      const target: EndTarget =
        first.targetKind === 'word' || isInterface
          ? { kind: 'interface', name: first.target.value }
          : { kind: 'address', address: targetKey(first.target.value) };
      const group = groupLayer(pg ? (byTarget.get(targetKey(pg)) ?? NO_STATEMENTS) : NO_STATEMENTS);
      ends.push(
        buildEnd(part, {
          id: ids ? ids.get(k) : flat(idPrefix + k),
          label: NEIGHBOR_LABELS.get(first.target.value),
          declRange: first.target.range,
          target,
          own,
          pg,
          ownLayer: layerValues(doc, own, 'neighbor', group.bfd),
          group,
        }),
      );
    }
    for (const s of listenRanges) {
      const pg = s.peerGroup!.value;
      const group = groupLayer(byTarget.get(targetKey(pg)) ?? NO_STATEMENTS);
      ends.push(
        buildEnd(part, {
          id: flat(`${idPrefix}listen:${s.prefix!.value}`),
          label: flat(`bgp listen range ${s.prefix!.value} (peer-group ${pg})`),
          declRange: s.prefix!.range,
          target: { kind: 'listen-range', prefix: s.prefix!.value },
          own: [],
          pg,
          ownLayer: layerValues(doc, NO_STATEMENTS, 'neighbor', group.bfd),
          group,
          listenRange: s,
        }),
      );
    }
  }
  // Kept as long as the document (the model's memos): at exactly its length.
  return ends.slice();
}

const NO_STATEMENTS: readonly NeighborStatement[] = [];

/**
 * End ids and labels are kept by what they are made of (TextMemo), so that the ends of an edited file
 * get the same strings as before: pairing, rules and message caches look them up in maps for every
 * end, and a kept string is hashed once. (The words they are made of are shared by the versions of an
 * unchanged line.)
 */
const NEIGHBOR_LABELS = new TextMemo((target: string) => `neighbor ${target}`);
const IDS = new Map<string, TextMemo<string>>();

function idsOf(prefix: string): TextMemo<string> {
  let ids = IDS.get(prefix);
  if (!ids) {
    if (IDS.size >= 256) IDS.clear();
    IDS.set(prefix, (ids = new TextMemo((key: string) => prefix + key)));
  }
  return ids;
}

/** A router's name: its `hostname`, else the folder of a file named like an frr.conf, else the file name. */
export function routerName(doc: ModelDoc): string {
  if (doc.frr.hostname) return doc.frr.hostname.value;
  const parts = doc.uri.replace(/[?#].*$/, '').split(/[\\/]/).filter((x) => x.length > 0);
  const base = parts[parts.length - 1] ?? doc.uri;
  const dir = parts[parts.length - 2];
  if (dir && /^(frr\.conf|bgpd\.conf)(\..*)?$/.test(base)) return decodeURIComponent(dir);
  return decodeURIComponent(base);
}

/** True when a `remote-as`, `interface` or `peer-group` line (not negated) makes the neighbor exist. */
function definesNeighbor(own: readonly NeighborStatement[]): boolean {
  for (const s of own) {
    if (!s.negated && (s.command.kind === 'remote-as' || s.command.kind === 'interface' || s.command.kind === 'peer-group')) return true;
  }
  return false;
}

/** True for a neighbor named by an interface (`neighbor X interface`, `neighbor X interface remote-as`). */
function isInterfaceNeighbor(own: readonly NeighborStatement[]): boolean {
  for (const s of own) if (s.command.kind === 'interface' || (s.command.kind === 'remote-as' && s.command.interface)) return true;
  return false;
}

function peerGroupOf(own: readonly NeighborStatement[]): string | undefined {
  let pg: string | undefined;
  for (const s of own) {
    if (s.command.kind === 'peer-group') pg = s.negated ? undefined : s.command.group?.value;
    if (s.command.kind === 'interface' && s.command.peerGroup) pg = s.negated ? undefined : s.command.peerGroup.value;
  }
  return pg;
}

/** What every end of a document shares. */
interface DocFacts {
  readonly speaker: string;
  /** From 7.5 up to 10.2.0 a peer-group's mode line does not reach its members (FRR_PEER_GROUP_GR_MODE_IGNORED). */
  readonly groupModeApplies: boolean;
  /** The `frr defaults` profile's hold, keepalive and connect, as defaults. */
  readonly hold: Effective<number>;
  readonly keepalive: Effective<number>;
  readonly connect: Effective<number>;
}

function docFacts(doc: ModelDoc): DocFacts {
  const profileName = doc.frr.defaults?.value ?? 'traditional';
  const profile = TIMER_PROFILES[profileName] ?? TIMER_PROFILES['traditional']!;
  const byProfile = (what: string, v: number): Effective<number> =>
    defaultValue(v, doc.frr.defaults ? `frr defaults ${profileName}: ${what} ${v} s` : `FRR default ${what} ${v} s`);
  return {
    speaker: routerName(doc),
    groupModeApplies: !doc.frrVersion || !versionInRange(doc.frrVersion.value, FRR_PEER_GROUP_GR_MODE_IGNORED.from, FRR_PEER_GROUP_GR_MODE_IGNORED.to),
    hold: byProfile('hold time', profile.hold),
    keepalive: byProfile('keepalive', profile.keepalive),
    connect: byProfile('connect retry', profile.connect),
  };
}

/**
 * Defaults, by detail: the same value and origin for every document and instance that takes them
 * (effective values are immutable). Bounded by the details there are (a few per `frr defaults` profile).
 */
const DEFAULTS = new Map<string, Effective<number>>();

function defaultValue(value: number, detail: string): Effective<number> {
  let e = DEFAULTS.get(detail);
  if (!e) {
    if (DEFAULTS.size >= 256) DEFAULTS.clear();
    DEFAULTS.set(detail, (e = { value, origin: { kind: 'default', detail } }));
  }
  return e;
}

const DEFAULT_MODE: Effective<GrMode> = { value: 'helper', origin: { kind: 'default', detail: 'FRR default: global mode helper' } };
const DEFAULT_LLGR: Effective<number> = { value: 0, origin: { kind: 'default', detail: 'FRR default: LLGR off' } };
const DEFAULT_FLAGS: Readonly<Record<'gr-preserve-fw-state' | 'gr-notification', Effective<boolean>>> = {
  'gr-preserve-fw-state': { value: false, origin: { kind: 'default', detail: 'FRR default: preserve-fw-state off' } },
  'gr-notification': { value: true, origin: { kind: 'default', detail: 'FRR default: notification (N bit) on' } },
};

/** What every end of an instance shares: the instance's GR mode and timers, its other GR settings. */
interface InstanceFacts {
  /** The mode from the instance (global FSM), else the BGP-wide setting, else the default (helper). */
  readonly mode: Effective<GrMode>;
  /** Everything but the mode, which FRR only sets per instance (or BGP-wide). */
  readonly gr: Omit<GrSettings, 'mode'>;
  /** `timers bgp`, else the profile's defaults. */
  readonly hold: Effective<number>;
  readonly keepalive: Effective<number>;
}

function instanceFacts(doc: ModelDoc, facts: DocFacts, stmts: InstanceStatements): InstanceFacts {
  const cfg = (range: { start: number; end: number }, scope: Scope): Origin => doc.origin(range, scope);
  const instGr = stmts.gr;
  const wideGr = doc.frr.globalGr;

  const mode: Effective<GrMode> = globalMode(instGr, 'instance', cfg) ?? globalMode(wideGr, 'bgp-wide', cfg) ?? DEFAULT_MODE;

  const timer = (name: GrTimerName, def: number): Effective<number> =>
    lastTimer(instGr, name, 'instance', cfg) ?? lastTimer(wideGr, name, 'bgp-wide', cfg) ?? defaultValue(def, `FRR default ${def} s`);

  const flag = (kind: 'gr-preserve-fw-state' | 'gr-notification'): Effective<boolean> =>
    lastFlag(instGr, kind, 'instance', cfg) ?? lastFlag(wideGr, kind, 'bgp-wide', cfg) ?? DEFAULT_FLAGS[kind];

  const preserveFwState = flag('gr-preserve-fw-state');

  let llgr: Effective<number> | undefined;
  for (const s of [...wideGr, ...instGr]) {
    if (s.kind !== 'llgr-stale-time') continue;
    if (s.negated) llgr = undefined;
    else if (s.value?.value !== undefined && s.value.value >= 1 && s.value.value <= 16777215) {
      llgr = { value: s.value.value, origin: cfg(s.range, 'instance') };
    }
  }

  let hold: Effective<number> | undefined;
  let keepalive: Effective<number> | undefined;
  for (const s of stmts.timersBgp) {
    if (s.negated) {
      hold = keepalive = undefined;
      continue;
    }
    const k = s.keepalive?.value;
    const h = s.hold?.value;
    if (validTimers(k, h)) {
      hold = { value: h!, origin: cfg(s.range, 'instance') };
      keepalive = { value: k!, origin: cfg(s.range, 'instance') };
    }
  }

  return {
    mode,
    gr: {
      restartTime: timer('restart-time', FRR_DEFAULTS.restartTime),
      stalepathTime: timer('stalepath-time', FRR_DEFAULTS.stalepathTime),
      selectDeferTime: timer('select-defer-time', FRR_DEFAULTS.selectDeferTime),
      preserveFwState,
      notification: flag('gr-notification'),
      llgrStaleTime: llgr ?? DEFAULT_LLGR,
    },
    hold: hold ?? facts.hold,
    keepalive: keepalive ?? facts.keepalive,
  };
}

/** BFD state after a list of lines (a peer-group's, then a neighbor's own on top of it). */
interface BfdState {
  readonly enabled: Effective<boolean> | undefined;
  readonly profile: Effective<string> | undefined;
  readonly cpf: Effective<boolean> | undefined;
}

const EMPTY_BFD: BfdState = { enabled: undefined, profile: undefined, cpf: undefined };

/**
 * What one layer of lines (a neighbor's own, or its peer-group's) sets, each undefined when the layer
 * does not set it. Every setting replays its own lines in order: the last line wins, and a `no` line
 * returns to unset (GR mode: only the `no` of the current mode). BFD continues from `bfd`, the state
 * the layer below left (FRR applies a peer-group's BFD lines to its members, then the member's own).
 */
interface LayerValues {
  readonly remoteAs: Effective<RemoteAs> | undefined;
  readonly mode: Effective<GrMode> | undefined;
  /** Set together (one `timers K H` line). */
  readonly hold: Effective<number> | undefined;
  readonly keepalive: Effective<number> | undefined;
  readonly connect: Effective<number> | undefined;
  readonly bfd: BfdState;
}

function layerValues(doc: ModelDoc, list: readonly NeighborStatement[], scope: Scope, below: BfdState): LayerValues {
  let remoteAs: Effective<RemoteAs> | undefined;
  let mode: Effective<GrMode> | undefined;
  let hold: Effective<number> | undefined;
  let keepalive: Effective<number> | undefined;
  let connect: Effective<number> | undefined;
  let { enabled, profile, cpf } = below;
  for (const s of list) {
    const c = s.command;
    switch (c.kind) {
      case 'remote-as':
        if (s.negated) remoteAs = undefined;
        else if (c.value) remoteAs = { value: c.value.value, origin: doc.origin(s.range, scope) };
        break;
      // Peer FSM: a mode line sets it, the matching `no` returns to inherit.
      case 'gr-mode':
        if (!s.negated) mode = { value: c.mode, origin: doc.origin(s.range, scope) };
        else if (mode && mode.value === c.mode) mode = undefined;
        break;
      case 'timers':
        if (s.negated) hold = keepalive = undefined;
        else if (validTimers(c.keepalive?.value, c.hold?.value)) {
          hold = { value: c.hold!.value!, origin: doc.origin(s.range, scope) };
          keepalive = { value: c.keepalive!.value!, origin: doc.origin(s.range, scope) };
        }
        break;
      case 'timers-connect':
        if (s.negated) connect = undefined;
        else if (c.value?.value !== undefined && c.value.value >= 1 && c.value.value <= 65535) {
          connect = { value: c.value.value, origin: doc.origin(s.range, scope) };
        }
        break;
      case 'bfd':
      case 'bfd-other':
        enabled = { value: !s.negated, origin: doc.origin(s.range, scope) };
        if (s.negated) {
          profile = undefined;
          cpf = undefined;
        }
        break;
      case 'bfd-profile':
        if (s.negated) profile = undefined;
        else if (c.profile) {
          profile = { value: c.profile.value, origin: doc.origin(s.range, scope) };
          enabled = { value: true, origin: doc.origin(s.range, scope) };
        }
        break;
      case 'bfd-check-control-plane-failure':
        cpf = { value: !s.negated, origin: doc.origin(s.range, scope) };
        if (!s.negated && !enabled?.value) enabled = { value: true, origin: doc.origin(s.range, scope) };
        break;
    }
  }
  if (enabled === below.enabled && profile === below.profile && cpf === below.cpf) {
    if (!remoteAs && !mode && !hold && !keepalive && !connect) return nothingOver(below);
    return { remoteAs, mode, hold, keepalive, connect, bfd: below };
  }
  return { remoteAs, mode, hold, keepalive, connect, bfd: { enabled, profile, cpf } };
}

/** A layer that sets nothing, over a BFD state (shared: most neighbors' own lines set nothing of these). */
function nothingOver(below: BfdState): LayerValues {
  let l = NOTHING.get(below);
  if (!l) NOTHING.set(below, (l = { remoteAs: undefined, mode: undefined, hold: undefined, keepalive: undefined, connect: undefined, bfd: below }));
  return l;
}

const NOTHING = new WeakMap<BfdState, LayerValues>();

/** What `buildEnd` needs of the document and instance (shared by all their ends). */
interface EndContext {
  readonly shared: SharedSettings;
  readonly doc: ModelDoc;
  readonly inst: BgpInstance;
  readonly opts: EndOptions;
  readonly facts: DocFacts;
  readonly instance: InstanceFacts;
  readonly localAddresses: readonly string[];
}

interface EndParts {
  id: string;
  label: string;
  declRange: { start: number; end: number };
  target: EndTarget;
  own: readonly NeighborStatement[];
  pg: string | undefined;
  /** The end's own lines (BFD on top of its peer-group's). */
  ownLayer: LayerValues;
  /** Its peer-group's lines (empty without a group). */
  group: LayerValues;
  listenRange?: ListenRangeStatement;
}

/**
 * FRR's precedence: the neighbor's own lines, then its peer-group's (GR mode only where the FRR version
 * applies them), then the instance, then BGP-wide settings, then the default.
 */
function buildEnd(c: EndContext, p: EndParts): End {
  const { doc, inst, facts, instance } = c;
  const own = p.ownLayer;
  const group = p.group;
  const mode = own.mode ?? (facts.groupModeApplies ? group.mode : undefined) ?? instance.mode;
  const timersFrom = own.hold ? own : group.hold ? group : instance;
  const end: End = {
    id: p.id,
    side: c.opts.side,
    label: p.label,
    speaker: facts.speaker,
    decl: doc.resolve(p.declRange),
    instance: inst,
    localAsn: inst.asn,
    vrf: inst.vrf,
    remoteAs: own.remoteAs ?? group.remoteAs,
    target: p.target,
    peerGroup: p.pg,
    localAddresses: c.localAddresses,
    gr: grSettings(c.shared, instance, mode),
    timers: timerSettings(c.shared, timersFrom.hold!, timersFrom.keepalive!, own.connect ?? group.connect ?? facts.connect),
    bfd: bfdSettings(own.bfd),
    frrVersion: doc.frrVersion,
    statements: p.own,
  };
  return p.listenRange ? { ...end, listenRange: p.listenRange } : end;
}

/**
 * Settings objects shared by the ends of an instance that have the same values (most neighbors take
 * them all from their instance or peer-group): the same objects, since ends are immutable.
 */
interface SharedSettings {
  readonly gr: Map<Effective<GrMode>, GrSettings>;
  readonly timers: Map<Effective<number>, Map<Effective<number>, TimerSettings>>;
}

function grSettings(shared: SharedSettings, instance: InstanceFacts, mode: Effective<GrMode>): GrSettings {
  let gr = shared.gr.get(mode);
  if (!gr) {
    const g = instance.gr;
    gr = {
      mode,
      restartTime: g.restartTime,
      stalepathTime: g.stalepathTime,
      selectDeferTime: g.selectDeferTime,
      preserveFwState: g.preserveFwState,
      notification: g.notification,
      llgrStaleTime: g.llgrStaleTime,
    };
    shared.gr.set(mode, gr);
  }
  return gr;
}

/** `hold` and `keepalive` come from one line (or default) together. */
function timerSettings(shared: SharedSettings, hold: Effective<number>, keepalive: Effective<number>, connect: Effective<number>): TimerSettings {
  let byConnect = shared.timers.get(hold);
  if (!byConnect) shared.timers.set(hold, (byConnect = new Map()));
  let t = byConnect.get(connect);
  if (!t || t.keepalive !== keepalive) {
    t = {
      hold,
      keepalive,
      keepaliveClamped: hold.value === 0 ? 0 : Math.min(keepalive.value, Math.floor(hold.value / 3)),
      connect,
    };
    byConnect.set(connect, t);
  }
  return t;
}

function bfdSettings(state: BfdState): BfdSettings {
  let b = BFD_SETTINGS.get(state);
  if (!b) {
    b = { enabled: state.enabled ?? BFD_OFF, profile: state.profile, checkControlPlaneFailure: state.cpf ?? CPF_OFF };
    BFD_SETTINGS.set(state, b);
  }
  return b;
}

/** The BFD settings of each BFD state (states are shared by the ends that add no BFD lines of their own). */
const BFD_SETTINGS = new WeakMap<BfdState, BfdSettings>();

const BFD_OFF: Effective<boolean> = { value: false, origin: { kind: 'default', detail: 'BFD not configured' } };
const CPF_OFF: Effective<boolean> = { value: false, origin: { kind: 'default', detail: 'FRR default: check-control-plane-failure off' } };

/** An instance's statements, and the lists of them that the model and the rules read. */
export interface InstanceStatements {
  /** Every statement of the instance's blocks, in file order. */
  readonly all: readonly BgpStatement[];
  /** The instance-level graceful-restart statements, in file order. */
  readonly gr: readonly GrStatement[];
  /** The `timers bgp` lines, in file order. */
  readonly timersBgp: readonly TimersBgpStatement[];
  /** The names the instance defines as peer-groups (`neighbor NAME peer-group`, not negated). */
  readonly peerGroups: ReadonlySet<string>;
  /** The `neighbor X graceful-restart[-helper|-disable]` lines (negated ones too), in file order. */
  readonly neighborGrModes: readonly NeighborStatement[];
  /** The lines the ends are made of. */
  readonly neighbors: NeighborLines;
}

/** What `endsOf` reads of an instance's statements. */
export interface NeighborLines {
  /** `neighbor X update-source ADDRESS` addresses (not negated), normalized, in file order. */
  readonly updateSources: readonly string[];
  /** The neighbor lines of each target (normalized), and the targets in order of first line. */
  readonly byTarget: ReadonlyMap<string, readonly NeighborStatement[]>;
  readonly order: readonly string[];
  /** Listen ranges with a prefix and a peer-group (not negated), in file order. */
  readonly listenRanges: readonly ListenRangeStatement[];
}

/**
 * The statements of an instance, sorted into the lists above once per instance's blocks (instances
 * are immutable, and the instances of documents with the same parse tree share their blocks): every
 * end of the instance and several rules read them, and a router may have thousands of statements.
 */
export function instanceStatements(inst: BgpInstance): InstanceStatements {
  let l = INSTANCE_STATEMENTS.get(inst.blocks);
  if (!l) INSTANCE_STATEMENTS.set(inst.blocks, (l = sortStatements(inst.blocks)));
  return l;
}

const INSTANCE_STATEMENTS = new WeakMap<readonly RouterBgpView[], InstanceStatements>();

function sortStatements(blocks: readonly RouterBgpView[]): InstanceStatements {
  const all = statementsOf(blocks);
  const gr: GrStatement[] = [];
  const timersBgp: TimersBgpStatement[] = [];
  const peerGroups = new Set<string>();
  const neighborGrModes: NeighborStatement[] = [];
  const updateSources: string[] = [];
  const order: string[] = [];
  const byTarget = new Map<string, NeighborStatement[]>();
  const listenRanges: ListenRangeStatement[] = [];
  // Index loops over statements: these run on every edit over every statement of the file.
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    if (isGr(s)) gr.push(s);
    else if (s.kind === 'timers-bgp') timersBgp.push(s);
    else if (s.kind === 'listen-range') {
      if (!s.negated && s.prefix && s.peerGroup) listenRanges.push(s);
    } else if (s.kind === 'neighbor') {
      const c = s.command;
      if (c.kind === 'peer-group-define' && !s.negated) peerGroups.add(s.target.value);
      else if (c.kind === 'gr-mode') neighborGrModes.push(s);
      else if (c.kind === 'update-source' && !s.negated) {
        const a = c.source?.value;
        if (a !== undefined && (isIpv4(a) || isIpv6(a))) updateSources.push(normalizeAddress(a) ?? a);
      }
      const k = targetKey(s.target.value);
      const list = byTarget.get(k);
      if (list) list.push(s);
      else {
        byTarget.set(k, [s]);
        order.push(k);
      }
    }
  }
  // The ends keep their lists (End.statements): at exactly their length (a list grown by push keeps room
  // for 16 more).
  for (const [k, list] of byTarget) if (list.length > 1) byTarget.set(k, list.slice());
  return { all, gr, timersBgp, peerGroups, neighborGrModes, neighbors: { updateSources, order, byTarget, listenRanges } };
}

function isGr(s: BgpStatement): s is GrStatement {
  return (
    s.kind === 'gr-mode' ||
    s.kind === 'gr-timer' ||
    s.kind === 'gr-preserve-fw-state' ||
    s.kind === 'gr-notification' ||
    s.kind === 'gr-disable-eor' ||
    s.kind === 'llgr-stale-time'
  );
}

/** FRR's global GR FSM: last line wins; `no` returns to helper only from the matching mode. */
function globalMode(
  list: readonly GrStatement[],
  scope: Scope,
  cfg: (r: { start: number; end: number }, s: Scope) => Origin,
): Effective<GrMode> | undefined {
  let m: Effective<GrMode> | undefined;
  for (const s of list) {
    if (s.kind !== 'gr-mode') continue;
    if (!s.negated) m = { value: s.mode, origin: cfg(s.range, scope) };
    else if ((m?.value ?? 'helper') === s.mode) m = { value: 'helper', origin: cfg(s.range, scope) };
  }
  return m;
}

function lastTimer(
  list: readonly GrStatement[],
  name: GrTimerName,
  scope: Scope,
  cfg: (r: { start: number; end: number }, s: Scope) => Origin,
): Effective<number> | undefined {
  let v: Effective<number> | undefined;
  const [lo, hi] = GR_TIMER_RANGES[name];
  for (const s of list) {
    if (s.kind !== 'gr-timer' || s.name !== name) continue;
    if (s.negated) v = undefined;
    else if (s.value?.value !== undefined && s.value.value >= lo && s.value.value <= hi) {
      v = { value: s.value.value, origin: cfg(s.range, scope) };
    }
  }
  return v;
}

function lastFlag(
  list: readonly GrStatement[],
  kind: 'gr-preserve-fw-state' | 'gr-notification',
  scope: Scope,
  cfg: (r: { start: number; end: number }, s: Scope) => Origin,
): Effective<boolean> | undefined {
  let v: Effective<boolean> | undefined;
  for (const s of list) if (s.kind === kind) v = { value: !s.negated, origin: cfg(s.range, scope) };
  return v;
}

/** FRR rejects a hold of 1 or 2 and values above 65535; such a line leaves the timers unchanged. */
function validTimers(k: number | undefined, h: number | undefined): boolean {
  if (k === undefined || h === undefined) return false;
  if (k > 65535 || h > 65535) return false;
  return !(h > 0 && h < 3);
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Convenience for tests: the FRR view of a model document. */
export type { FrrConfigView };
