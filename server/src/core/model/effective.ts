import type {
  BgpStatement,
  FrrConfigView,
  GrStatement,
  GrTimerName,
  ListenRangeStatement,
  NeighborStatement,
  RemoteAs,
  RouterBgpView,
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
 * FRR. A block without an ASN joins the first instance of its VRF.
 */
export function instancesOf(doc: ModelDoc): BgpInstance[] {
  const byKey = new Map<string, { asn: number | undefined; vrf: string | undefined; blocks: RouterBgpView[] }>();
  for (const r of doc.frr.routers) {
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
    for (const s of statementsOf(g.blocks)) {
      if (s.kind === 'router-id' && s.value && isIpv4(s.value.value)) routerId = s.negated ? undefined : s.value.value;
    }
    return { doc, asn: g.asn, vrf: g.vrf, blocks: g.blocks, routerId };
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

/** The ends a document declares: every neighbor (address or interface) and every listen range. */
export function endsOf(doc: ModelDoc, opts: EndOptions): End[] {
  const ends: End[] = [];
  const docAddresses = [
    ...doc.frr.interfaces.flatMap((i) => i.addresses.map((a) => normalizeAddress(a.address) ?? a.address)),
    ...(opts.extraAddresses ?? []),
  ];
  for (const inst of instancesOf(doc)) {
    const stmts = statementsOf(inst.blocks);
    const neighborStmts = stmts.filter((s): s is NeighborStatement => s.kind === 'neighbor');
    const groups = new Set<string>();
    for (const s of neighborStmts) if (s.command.kind === 'peer-group-define' && !s.negated) groups.add(s.target.value);
    const updateSources = neighborStmts
      .filter((s) => s.command.kind === 'update-source' && !s.negated)
      .map((s) => (s.command.kind === 'update-source' ? s.command.source?.value : undefined))
      .filter((a): a is string => a !== undefined && (isIpv4(a) || isIpv6(a)))
      .map((a) => normalizeAddress(a) ?? a);
    const localAddresses = unique([...(inst.routerId ? [inst.routerId] : []), ...docAddresses, ...updateSources]);

    const order: string[] = [];
    const byTarget = new Map<string, NeighborStatement[]>();
    for (const s of neighborStmts) {
      const k = targetKey(s.target.value);
      if (!byTarget.has(k)) {
        byTarget.set(k, []);
        order.push(k);
      }
      byTarget.get(k)!.push(s);
    }
    for (const k of order) {
      const own = byTarget.get(k)!;
      const first = own[0]!;
      if (groups.has(first.target.value)) continue;
      // A neighbor exists once it has a remote-as (directly, through an interface line or its peer-group).
      const pg = peerGroupOf(own);
      const defining = own.some(
        (s) => !s.negated && (s.command.kind === 'remote-as' || s.command.kind === 'interface' || s.command.kind === 'peer-group'),
      );
      if (!defining) continue;
      const isInterface = own.some((s) => s.command.kind === 'interface' || (s.command.kind === 'remote-as' && s.command.interface));
      const target: EndTarget =
        first.targetKind === 'word' || isInterface
          ? { kind: 'interface', name: first.target.value }
          : { kind: 'address', address: targetKey(first.target.value) };
      const pgStmts = pg ? byTarget.get(targetKey(pg)) ?? [] : [];
      ends.push(
        buildEnd(doc, inst, opts, {
          id: `${doc.id}#${inst.asn ?? '?'}|${inst.vrf ?? ''}|${k}`,
          label: `neighbor ${first.target.value}`,
          declRange: first.target.range,
          target,
          own,
          pg,
          pgStmts,
          stmts,
          localAddresses,
        }),
      );
    }
    for (const s of stmts) {
      if (s.kind !== 'listen-range' || s.negated || !s.prefix || !s.peerGroup) continue;
      const pg = s.peerGroup.value;
      const pgStmts = byTarget.get(targetKey(pg)) ?? [];
      ends.push(
        buildEnd(doc, inst, opts, {
          id: `${doc.id}#${inst.asn ?? '?'}|${inst.vrf ?? ''}|listen:${s.prefix.value}`,
          label: `bgp listen range ${s.prefix.value} (peer-group ${pg})`,
          declRange: s.prefix.range,
          target: { kind: 'listen-range', prefix: s.prefix.value },
          own: [],
          pg,
          pgStmts,
          stmts,
          localAddresses,
          listenRange: s,
        }),
      );
    }
  }
  return ends;
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

function peerGroupOf(own: readonly NeighborStatement[]): string | undefined {
  let pg: string | undefined;
  for (const s of own) {
    if (s.command.kind === 'peer-group') pg = s.negated ? undefined : s.command.group?.value;
    if (s.command.kind === 'interface' && s.command.peerGroup) pg = s.negated ? undefined : s.command.peerGroup.value;
  }
  return pg;
}

interface EndParts {
  id: string;
  label: string;
  declRange: { start: number; end: number };
  target: EndTarget;
  own: readonly NeighborStatement[];
  pg: string | undefined;
  pgStmts: readonly NeighborStatement[];
  stmts: readonly BgpStatement[];
  localAddresses: readonly string[];
  listenRange?: ListenRangeStatement;
}

function buildEnd(doc: ModelDoc, inst: BgpInstance, opts: EndOptions, p: EndParts): End {
  const cfg = (range: { start: number; end: number }, scope: Scope): Origin => doc.origin(range, scope);
  const layers: [readonly NeighborStatement[], Scope][] = [
    [p.own, 'neighbor'],
    [p.pgStmts, 'peer-group'],
  ];

  // remote-as: neighbor, then peer-group.
  let remoteAs: Effective<RemoteAs> | undefined;
  for (const [list, scope] of layers) {
    for (const s of list) {
      if (s.command.kind !== 'remote-as') continue;
      if (s.negated) remoteAs = undefined;
      else if (s.command.value) remoteAs = { value: s.command.value.value, origin: cfg(s.range, scope) };
    }
    if (remoteAs) break;
  }

  const gr = grSettings(doc, layers, p.stmts);
  const timers = timerSettings(doc, layers, p.stmts);
  const bfd = bfdSettings(doc, layers);

  return {
    id: p.id,
    side: opts.side,
    label: p.label,
    speaker: routerName(doc),
    decl: doc.resolve(p.declRange),
    instance: inst,
    localAsn: inst.asn,
    vrf: inst.vrf,
    remoteAs,
    target: p.target,
    peerGroup: p.pg,
    localAddresses: p.localAddresses,
    gr,
    timers,
    bfd,
    frrVersion: doc.frrVersion,
    statements: p.own,
    ...(p.listenRange ? { listenRange: p.listenRange } : {}),
  };
}

function grSettings(
  doc: ModelDoc,
  layers: [readonly NeighborStatement[], Scope][],
  stmts: readonly BgpStatement[],
): GrSettings {
  const cfg = (range: { start: number; end: number }, scope: Scope): Origin => doc.origin(range, scope);
  const instGr = instanceLists(stmts).gr;
  const wideGr = doc.frr.globalGr;

  // Mode: neighbor > peer-group (peer FSM: a mode line sets it, the matching `no` returns to inherit).
  // From 7.5 up to 10.2.0 a peer-group's mode line does not reach its members (FRR_PEER_GROUP_GR_MODE_IGNORED).
  const groupModeApplies = !doc.frrVersion || !versionInRange(doc.frrVersion.value, FRR_PEER_GROUP_GR_MODE_IGNORED.from, FRR_PEER_GROUP_GR_MODE_IGNORED.to);
  let mode: Effective<GrMode> | undefined;
  for (const [list, scope] of layers) {
    if (scope === 'peer-group' && !groupModeApplies) continue;
    let m: Effective<GrMode> | undefined;
    for (const s of list) {
      if (s.command.kind !== 'gr-mode') continue;
      if (!s.negated) m = { value: s.command.mode, origin: cfg(s.range, scope) };
      else if (m && m.value === s.command.mode) m = undefined;
    }
    if (m) {
      mode = m;
      break;
    }
  }
  // Then the instance (global FSM), then the BGP-wide setting, then the default (helper).
  if (!mode) mode = globalMode(instGr, 'instance', cfg) ?? globalMode(wideGr, 'bgp-wide', cfg);
  if (!mode) mode = { value: 'helper', origin: { kind: 'default', detail: 'FRR default: global mode helper' } };

  const timer = (name: GrTimerName, def: number): Effective<number> =>
    lastTimer(instGr, name, 'instance', cfg) ??
    lastTimer(wideGr, name, 'bgp-wide', cfg) ?? { value: def, origin: { kind: 'default', detail: `FRR default ${def} s` } };

  const flag = (kind: 'gr-preserve-fw-state' | 'gr-notification', def: boolean, what: string): Effective<boolean> => {
    const found = lastFlag(instGr, kind, 'instance', cfg) ?? lastFlag(wideGr, kind, 'bgp-wide', cfg);
    if (found) return found;
    return { value: def, origin: { kind: 'default', detail: `FRR default: ${what} ${def ? 'on' : 'off'}` } };
  };

  const preserveFwState = flag('gr-preserve-fw-state', false, 'preserve-fw-state');

  let llgr: Effective<number> | undefined;
  for (const s of [...wideGr, ...instGr]) {
    if (s.kind !== 'llgr-stale-time') continue;
    if (s.negated) llgr = undefined;
    else if (s.value?.value !== undefined && s.value.value >= 1 && s.value.value <= 16777215) {
      llgr = { value: s.value.value, origin: cfg(s.range, 'instance') };
    }
  }

  return {
    mode,
    restartTime: timer('restart-time', FRR_DEFAULTS.restartTime),
    stalepathTime: timer('stalepath-time', FRR_DEFAULTS.stalepathTime),
    selectDeferTime: timer('select-defer-time', FRR_DEFAULTS.selectDeferTime),
    preserveFwState,
    notification: flag('gr-notification', true, 'notification (N bit)'),
    llgrStaleTime: llgr ?? { value: 0, origin: { kind: 'default', detail: 'FRR default: LLGR off' } },
  };
}

/**
 * The instance-wide statements every end of an instance reads (its GR lines, its `timers bgp` lines), in
 * file order, computed once per instance statement list: filtering the instance's statements for each
 * of its ends cost O(neighbors x statements).
 */
const INSTANCE_LISTS = new WeakMap<readonly BgpStatement[], { readonly gr: readonly GrStatement[]; readonly timersBgp: readonly BgpStatement[] }>();

function instanceLists(stmts: readonly BgpStatement[]): { readonly gr: readonly GrStatement[]; readonly timersBgp: readonly BgpStatement[] } {
  let l = INSTANCE_LISTS.get(stmts);
  if (!l) INSTANCE_LISTS.set(stmts, (l = { gr: stmts.filter((s): s is GrStatement => isGr(s)), timersBgp: stmts.filter((s) => s.kind === 'timers-bgp') }));
  return l;
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

function timerSettings(doc: ModelDoc, layers: [readonly NeighborStatement[], Scope][], stmts: readonly BgpStatement[]): TimerSettings {
  const cfg = (range: { start: number; end: number }, scope: Scope): Origin => doc.origin(range, scope);
  const profileName = doc.frr.defaults?.value ?? 'traditional';
  const profile = TIMER_PROFILES[profileName] ?? TIMER_PROFILES['traditional']!;
  const profileOrigin = (what: string, v: number): Origin => ({
    kind: 'default',
    detail: doc.frr.defaults ? `frr defaults ${profileName}: ${what} ${v} s` : `FRR default ${what} ${v} s`,
  });

  let hold: Effective<number> | undefined;
  let keepalive: Effective<number> | undefined;
  for (const [list, scope] of layers) {
    for (const s of list) {
      if (s.command.kind !== 'timers') continue;
      if (s.negated) {
        hold = keepalive = undefined;
        continue;
      }
      const k = s.command.keepalive?.value;
      const h = s.command.hold?.value;
      if (validTimers(k, h)) {
        hold = { value: h!, origin: cfg(s.range, scope) };
        keepalive = { value: k!, origin: cfg(s.range, scope) };
      }
    }
    if (hold) break;
  }
  if (!hold) {
    for (const s of instanceLists(stmts).timersBgp) {
      if (s.kind !== 'timers-bgp') continue;
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
  }
  hold ??= { value: profile.hold, origin: profileOrigin('hold time', profile.hold) };
  keepalive ??= { value: profile.keepalive, origin: profileOrigin('keepalive', profile.keepalive) };

  let connect: Effective<number> | undefined;
  for (const [list, scope] of layers) {
    for (const s of list) {
      if (s.command.kind !== 'timers-connect') continue;
      if (s.negated) connect = undefined;
      else if (s.command.value?.value !== undefined && s.command.value.value >= 1 && s.command.value.value <= 65535) {
        connect = { value: s.command.value.value, origin: cfg(s.range, scope) };
      }
    }
    if (connect) break;
  }
  connect ??= { value: profile.connect, origin: profileOrigin('connect retry', profile.connect) };

  const keepaliveClamped = hold.value === 0 ? 0 : Math.min(keepalive.value, Math.floor(hold.value / 3));
  return { hold, keepalive, keepaliveClamped, connect };
}

/** FRR rejects a hold of 1 or 2 and values above 65535; such a line leaves the timers unchanged. */
function validTimers(k: number | undefined, h: number | undefined): boolean {
  if (k === undefined || h === undefined) return false;
  if (k > 65535 || h > 65535) return false;
  return !(h > 0 && h < 3);
}

function bfdSettings(doc: ModelDoc, layers: [readonly NeighborStatement[], Scope][]): BfdSettings {
  const cfg = (range: { start: number; end: number }, scope: Scope): Origin => doc.origin(range, scope);
  let enabled: Effective<boolean> | undefined;
  let profile: Effective<string> | undefined;
  let cpf: Effective<boolean> | undefined;
  for (const [list, scope] of [...layers].reverse()) {
    // Peer-group first, then the neighbor, so that the neighbor's own lines win.
    for (const s of list) {
      const c = s.command;
      if (c.kind === 'bfd' || c.kind === 'bfd-other') {
        enabled = { value: !s.negated, origin: cfg(s.range, scope) };
        if (s.negated) {
          profile = undefined;
          cpf = undefined;
        }
      } else if (c.kind === 'bfd-profile') {
        if (s.negated) profile = undefined;
        else if (c.profile) {
          profile = { value: c.profile.value, origin: cfg(s.range, scope) };
          enabled = { value: true, origin: cfg(s.range, scope) };
        }
      } else if (c.kind === 'bfd-check-control-plane-failure') {
        cpf = { value: !s.negated, origin: cfg(s.range, scope) };
        if (!s.negated && !enabled?.value) enabled = { value: true, origin: cfg(s.range, scope) };
      }
    }
  }
  return {
    enabled: enabled ?? { value: false, origin: { kind: 'default', detail: 'BFD not configured' } },
    profile,
    checkControlPlaneFailure: cpf ?? { value: false, origin: { kind: 'default', detail: 'FRR default: check-control-plane-failure off' } },
  };
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** Convenience for tests: the FRR view of a model document. */
export type { FrrConfigView };
