/**
 * Lowers MetalLB and frr-k8s objects to the frr.conf that MetalLB / frr-k8s render for them
 * (domain.md §2.1, §3.2), recording for every character where it came from.
 */
import { hasFractionalSecond, wholeSecondsTruncated } from '../k8s/duration';
import type {
  BFDProfileView,
  BFDSettingsView,
  BGPPeerView,
  DurationVal,
  FRRBFDProfileView,
  FRRConfigurationView,
  FRRNeighborView,
  FRRRouterView,
  TextVal,
} from '../k8s/types';
import type { Range } from '../text/range';
import type { OffsetMap, SegmentSource } from './docs';
import { RenderBuilder } from './docs';
import { flat } from './texts';

/** Decoded embedded frr.conf text with its offset map into the YAML file. */
export interface DecodedText extends OffsetMap {
  readonly text: string;
}

/** Decodes an embedded scalar (rawConfig, extras); supplied by the caller so rendering stays simple. */
export type DecodeText = (value: TextVal) => DecodedText | undefined;

/** Extra frr.conf text appended to a rendering, in order (bgpextras, raw configs by priority). */
export interface AppendedText {
  readonly value: TextVal;
  readonly detail: string;
  /** The file that holds the text, when it is not the rendered object's file (e.g. a bgpextras ConfigMap). */
  readonly uri?: string;
}

const INDENT = ' ';

/** The lines MetalLB and frr-k8s render in every `router bgp` block, indented. */
const ALWAYS_RENDERED = ['no bgp ebgp-requires-policy', 'no bgp network import-check', 'no bgp default ipv4-unicast'].map((l) => INDENT + l);

/** Timers as MetalLB's `parseTimers` derives them (domain.md §1.4), or why they are not rendered. */
export interface DerivedTimers {
  /** Whole seconds as rendered, when both are known and valid. */
  readonly hold?: number;
  readonly keepalive?: number;
  /** The field each value comes from (a derived value points at the field it was derived from). */
  readonly holdSource?: DurationVal;
  readonly keepaliveSource?: DurationVal;
  readonly holdDerived: boolean;
  readonly keepaliveDerived: boolean;
  /** Set when the object would be rejected (or rendering skipped) because of its timers. */
  readonly invalid?: 'parse' | 'hold-range' | 'keepalive-above-hold' | 'half-specified';
}

const NANOS_PER_SECOND = 1_000_000_000n;

/**
 * MetalLB `parseTimers`: a missing keepalive is hold / 3, a missing hold is keepalive * 3; the hold
 * truncated to whole seconds must be 0 or >= 3; keepalive must not exceed hold. `v1beta1` peers always
 * carry both (a missing one converts to `0s`, §1.3). frr-k8s (`strict`) requires both or neither.
 */
export function deriveTimers(
  hold: DurationVal | undefined,
  keepalive: DurationVal | undefined,
  opts: { v1beta1?: boolean; strict?: boolean },
): DerivedTimers {
  const base = { holdDerived: false, keepaliveDerived: false };
  if (hold && !hold.duration.ok) return { ...base, invalid: 'parse' };
  if (keepalive && !keepalive.duration.ok) return { ...base, invalid: 'parse' };
  let h: bigint | undefined = hold?.duration.ok ? hold.duration.nanos : undefined;
  let k: bigint | undefined = keepalive?.duration.ok ? keepalive.duration.nanos : undefined;
  let holdDerived = false;
  let keepaliveDerived = false;
  if (opts.v1beta1) {
    h ??= 0n;
    k ??= 0n;
  }
  if (h === undefined && k === undefined) return base;
  if (opts.strict && (h === undefined || k === undefined)) return { ...base, invalid: 'half-specified' };
  if (k === undefined) {
    k = h! / 3n;
    keepaliveDerived = true;
  }
  if (h === undefined) {
    h = k * 3n;
    holdDerived = true;
  }
  const holdSeconds = Number(wholeSecondsTruncated(h));
  const out = {
    holdDerived,
    keepaliveDerived,
    ...(hold ? { holdSource: hold } : keepalive ? { holdSource: keepalive } : {}),
    ...(keepalive ? { keepaliveSource: keepalive } : hold ? { keepaliveSource: hold } : {}),
  };
  if (holdSeconds !== 0 && holdSeconds < 3) return { ...out, invalid: 'hold-range' };
  if (k > h) return { ...out, invalid: 'keepalive-above-hold' };
  return { ...out, hold: holdSeconds, keepalive: Number(k / NANOS_PER_SECOND) };
}

/** True when a duration has a fractional second (MetalLB truncates it). */
export function isFractional(d: DurationVal | undefined): boolean {
  return !!d && d.duration.ok && hasFractionalSecond(d.duration.nanos);
}

/** Rendering of one BGPPeer: its text, notes and which neighbor it declares. */
export interface Rendered {
  readonly builder: RenderBuilder;
  /** The neighbor target text(s) the rendering declares, with the object range they stand for. */
  readonly neighbors: readonly { readonly target: string; readonly decl: Range; readonly index: number }[];
}

/**
 * The sources of one rendering, each made once: a template source by its detail (all stand at the
 * object's anchor), a field source by its range and detail. A rendering records each source once
 * (RenderBuilder), so pieces and lines from the same field or template text share one source.
 */
function sourcesAt(anchor: Range): { tpl: (detail: string) => SegmentSource; fld: (range: Range, detail: string) => SegmentSource } {
  const templates = new Map<string, SegmentSource>();
  const fields = new Map<Range, Map<string, SegmentSource>>();
  return {
    tpl: (detail) => {
      let src = templates.get(detail);
      if (!src) templates.set(detail, (src = { kind: 'template', anchor, detail }));
      return src;
    },
    fld: (range, detail) => {
      let byDetail = fields.get(range);
      if (!byDetail) fields.set(range, (byDetail = new Map()));
      let src = byDetail.get(detail);
      if (!src) byDetail.set(detail, (src = { kind: 'field', range, detail }));
      return src;
    },
  };
}

/** The range that stands for a whole object: its name value, else its mapping. */
export function objectAnchor(o: { name?: { range: Range }; range: Range }): Range {
  return o.name?.range ?? { start: o.range.start, end: o.range.start };
}

/** Renders a MetalLB `BGPPeer` (FRR and frr-k8s modes render the same lines). */
export function renderBgpPeer(
  uri: string,
  peer: BGPPeerView,
  bfdProfiles: readonly BFDProfileView[],
  appended: readonly AppendedText[],
  decode: DecodeText,
): Rendered {
  const b = new RenderBuilder(uri);
  const s = peer.spec;
  const anchor = objectAnchor(peer);
  const { tpl, fld } = sourcesAt(anchor);
  const who = `BGPPeer ${peer.name ? `"${peer.name.value}"` : '(unnamed)'}`;
  const neighbors: { target: string; decl: Range; index: number }[] = [];

  const myAsn = s.myASN;
  const header: [string, SegmentSource][] = [['router bgp ', tpl('router bgp <myASN>')]];
  header.push([String(myAsn?.value ?? 0), myAsn ? fld(myAsn.range, 'spec.myASN') : tpl('missing myASN')]);
  if (s.vrf?.value) header.push([' vrf ', tpl('vrf')], [s.vrf.value, fld(s.vrf.range, 'spec.vrf')]);
  b.lineOf(header, header[1]![1]);
  const always = tpl(flat(`rendered by MetalLB for ${who}`));
  for (const line of ALWAYS_RENDERED) b.lineOf([[line, always]], always);
  const pfs = tpl('MetalLB always renders bgp graceful-restart preserve-fw-state');
  b.lineOf([[INDENT + 'bgp graceful-restart preserve-fw-state', pfs]], pfs, {
    detail: 'always rendered by MetalLB',
    loc: { uri, range: anchor },
  });
  if (s.routerID?.value) {
    const src = fld(s.routerID.range, 'spec.routerID');
    b.lineOf([[INDENT + 'bgp router-id ', src], [s.routerID.value, src]], src);
  }

  const target = s.peerAddress?.value ?? s.interface?.value;
  const targetSrc = s.peerAddress ? fld(s.peerAddress.range, 'spec.peerAddress') : s.interface ? fld(s.interface.range, 'spec.interface') : tpl('missing peerAddress');
  const t = target ?? '0.0.0.0';
  const nb = (rest: [string, SegmentSource][], primary: SegmentSource, note?: string): void => {
    const noteLoc = primary.kind === 'field' ? { uri, range: primary.range } : { uri, range: anchor };
    b.lineOf([[INDENT + 'neighbor ', primary], [t, targetSrc], ...rest], primary, note ? { detail: note, loc: noteLoc } : undefined);
  };
  neighbors.push({ target: t, decl: s.peerAddress?.range ?? s.interface?.range ?? anchor, index: 0 });

  const remote = s.peerASN ? String(s.peerASN.value) : s.dynamicASN?.value;
  const remoteSrc = s.peerASN ? fld(s.peerASN.range, 'spec.peerASN') : s.dynamicASN ? fld(s.dynamicASN.range, 'spec.dynamicASN') : tpl('missing peerASN');
  if (s.interface && !s.peerAddress) nb([[' interface remote-as ', remoteSrc], [remote ?? '0', remoteSrc]], targetSrc);
  else nb([[' remote-as ', remoteSrc], [remote ?? '0', remoteSrc]], targetSrc);
  if (s.ebgpMultiHop?.value) nb([[' ebgp-multihop', fld(s.ebgpMultiHop.range, 'spec.ebgpMultiHop')]], fld(s.ebgpMultiHop.range, 'spec.ebgpMultiHop'));
  if (s.localASN) {
    const src = fld(s.localASN.range, 'spec.localASN');
    nb([[' local-as ', src], [String(s.localASN.value), src], [' no-prepend replace-as', src]], src);
  }
  const port = s.peerPort?.value ?? 179;
  const portSrc = s.peerPort ? fld(s.peerPort.range, 'spec.peerPort') : tpl('peerPort defaults to 179');
  if (port !== 0) nb([[' port ', portSrc], [String(port), portSrc]], portSrc);

  const timers = deriveTimers(s.holdTime, s.keepaliveTime, { v1beta1: peer.version === 'v1beta1' });
  renderTimers(nb, timers, tpl, fld, peer.version === 'v1beta1');
  renderConnect(nb, s.connectTime, fld);
  if (s.password) {
    const src = fld(s.password.range, 'spec.password');
    nb([[' password ', src], ['********', src]], src);
  }
  if (s.sourceAddress?.value) {
    const src = fld(s.sourceAddress.range, 'spec.sourceAddress');
    nb([[' update-source ', src], [s.sourceAddress.value, src]], src);
  }
  if (s.enableGracefulRestart?.value) {
    const src = fld(s.enableGracefulRestart.range, 'spec.enableGracefulRestart');
    nb([[' graceful-restart', src]], src, 'spec.enableGracefulRestart: true');
  }
  if (s.bfdProfile?.value) {
    const src = fld(s.bfdProfile.range, 'spec.bfdProfile');
    nb([[' bfd', src]], src, 'spec.bfdProfile');
    nb([[' bfd profile ', src], [s.bfdProfile.value, src]], src);
  }
  b.lineOf([['exit', tpl('end of router')]], tpl('end of router'));

  const used = bfdProfiles.filter((p) => p.name?.value !== undefined && p.name.value === s.bfdProfile?.value);
  renderBfdProfiles(
    b,
    used.map((p) => ({ name: p.name!.value, settings: p.spec, anchor: p.name!.range })),
    tpl('BFD profile'),
  );
  appendTexts(b, appended, decode);
  return { builder: b, neighbors: neighbors.slice() };
}

function renderTimers(
  nb: (rest: [string, SegmentSource][], primary: SegmentSource, note?: string) => void,
  timers: DerivedTimers,
  tpl: (d: string) => SegmentSource,
  fld: (r: Range, d: string) => SegmentSource,
  v1beta1: boolean,
): void {
  if (timers.hold === undefined || timers.keepalive === undefined) return;
  const kaSrc = timers.keepaliveSource
    ? fld(timers.keepaliveSource.range, timers.keepaliveDerived ? 'keepalive derived as holdTime / 3' : 'spec.keepaliveTime')
    : v1beta1
      ? tpl('v1beta1 converts a missing keepaliveTime to 0s')
      : tpl('keepalive');
  const hSrc = timers.holdSource
    ? fld(timers.holdSource.range, timers.holdDerived ? 'hold derived as keepaliveTime * 3' : 'spec.holdTime')
    : v1beta1
      ? tpl('v1beta1 converts a missing holdTime to 0s')
      : tpl('hold');
  const primary: SegmentSource = timers.holdSource ? hSrc : timers.keepaliveSource ? kaSrc : tpl('timers');
  const note = [
    timers.holdDerived ? 'hold derived from keepaliveTime' : 'hold from holdTime',
    timers.keepaliveDerived ? 'keepalive derived from holdTime' : 'keepalive from keepaliveTime',
  ].join(', ');
  nb([[' timers ', primary], [String(timers.keepalive), kaSrc], [' ', primary], [String(timers.hold), hSrc]], primary, v1beta1 && !timers.holdSource ? 'v1beta1 converts missing timers to 0s' : note);
}

function renderConnect(
  nb: (rest: [string, SegmentSource][], primary: SegmentSource, note?: string) => void,
  connect: DurationVal | undefined,
  fld: (r: Range, d: string) => SegmentSource,
): void {
  if (!connect || !connect.duration.ok) return;
  const secs = Number(wholeSecondsTruncated(connect.duration.nanos));
  if (secs === 0) return;
  const src = fld(connect.range, 'connectTime');
  nb([[' timers connect ', src], [String(secs), src]], src, 'connectTime');
}

interface BfdProfileToRender {
  readonly name: string;
  readonly settings: BFDSettingsView;
  readonly anchor: Range;
}

function renderBfdProfiles(b: RenderBuilder, profiles: readonly BfdProfileToRender[], tpl: SegmentSource): void {
  if (profiles.length === 0) return;
  b.lineOf([['bfd', tpl]], tpl);
  for (const p of profiles) {
    const src: SegmentSource = { kind: 'field', range: p.anchor, detail: 'BFD profile' };
    b.lineOf([[INDENT + 'profile ', src], [p.name, src]], src);
    const st = p.settings;
    const set = (cmd: string, v: { value: number | boolean; range: Range } | undefined): void => {
      if (v === undefined) return;
      const vs: SegmentSource = { kind: 'field', range: v.range, detail: cmd };
      if (typeof v.value === 'boolean') {
        if (v.value) b.lineOf([[INDENT + INDENT + cmd, vs]], vs);
      } else b.lineOf([[INDENT + INDENT + cmd + ' ', vs], [String(v.value), vs]], vs);
    };
    set('receive-interval', st.receiveInterval);
    set('transmit-interval', st.transmitInterval);
    set('detect-multiplier', st.detectMultiplier);
    set('echo receive-interval', st.echoInterval);
    set('echo transmit-interval', st.echoInterval);
    set('echo-mode', st.echoMode);
    set('passive-mode', st.passiveMode);
    set('minimum-ttl', st.minimumTtl);
    b.lineOf([[INDENT + 'exit', src]], src);
  }
  b.lineOf([['exit', tpl]], tpl);
}

function appendTexts(b: RenderBuilder, appended: readonly AppendedText[], decode: DecodeText): void {
  for (const a of appended) {
    const d = decode(a.value);
    if (!d) continue;
    const src: SegmentSource = { kind: 'embedded', map: d, offset: 0, detail: a.detail, ...(a.uri ? { uri: a.uri } : {}) };
    b.notes.push({ line: lineCount(b.text), detail: a.detail, loc: { uri: a.uri ?? b.uri, range: a.value.range } });
    b.emit(d.text, src);
    if (!d.text.endsWith('\n')) b.emit('\n', src);
  }
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Renders an `FRRConfiguration` (frr-k8s): its routers, neighbors, BFD profiles and appended raw texts. */
export function renderFrrConfiguration(
  uri: string,
  cfg: FRRConfigurationView,
  appended: readonly AppendedText[],
  decode: DecodeText,
): Rendered & { readonly neighborViews: readonly FRRNeighborView[] } {
  const b = new RenderBuilder(uri);
  const anchor = objectAnchor(cfg);
  const { tpl, fld } = sourcesAt(anchor);
  const who = `FRRConfiguration ${cfg.name ? `"${cfg.name.value}"` : '(unnamed)'}`;
  const neighbors: { target: string; decl: Range; index: number }[] = [];
  const neighborViews: FRRNeighborView[] = [];
  const routers: readonly FRRRouterView[] = cfg.spec.bgp?.value.routers?.value ?? [];

  for (const r of routers) {
    const header: [string, SegmentSource][] = [['router bgp ', tpl('router bgp')]];
    header.push([String(r.asn?.value ?? 0), r.asn ? fld(r.asn.range, 'asn') : tpl('missing asn')]);
    if (r.vrf?.value) header.push([' vrf ', tpl('vrf')], [r.vrf.value, fld(r.vrf.range, 'vrf')]);
    b.lineOf(header, header[1]![1]);
    const always = tpl(flat(`rendered by frr-k8s for ${who}`));
    for (const line of ALWAYS_RENDERED) b.lineOf([[line, always]], always);
    const pfs = tpl('frr-k8s always renders bgp graceful-restart preserve-fw-state');
    b.lineOf([[INDENT + 'bgp graceful-restart preserve-fw-state', pfs]], pfs, { detail: 'always rendered by frr-k8s', loc: { uri, range: anchor } });
    if (r.id?.value) {
      const src = fld(r.id.range, 'id');
      b.lineOf([[INDENT + 'bgp router-id ', src], [r.id.value, src]], src);
    }
    for (const n of r.neighbors?.value ?? []) {
      const target = n.address?.value ?? n.interface?.value ?? '0.0.0.0';
      const targetSrc = n.address ? fld(n.address.range, 'address') : n.interface ? fld(n.interface.range, 'interface') : tpl('missing address');
      const decl = n.address?.range ?? n.interface?.range ?? n.range;
      neighbors.push({ target, decl, index: neighborViews.length });
      neighborViews.push(n);
      const nb = (rest: [string, SegmentSource][], primary: SegmentSource, note?: string): void => {
        const noteLoc = primary.kind === 'field' ? { uri, range: primary.range } : { uri, range: anchor };
        b.lineOf([[INDENT + 'neighbor ', primary], [target, targetSrc], ...rest], primary, note ? { detail: note, loc: noteLoc } : undefined);
      };
      const remote = n.asn ? String(n.asn.value) : n.dynamicASN?.value ?? '0';
      const remoteSrc = n.asn ? fld(n.asn.range, 'asn') : n.dynamicASN ? fld(n.dynamicASN.range, 'dynamicASN') : tpl('missing asn');
      if (n.interface && !n.address) nb([[' interface remote-as ', remoteSrc], [remote, remoteSrc]], targetSrc);
      else nb([[' remote-as ', remoteSrc], [remote, remoteSrc]], targetSrc);
      if (n.ebgpMultiHop?.value) nb([[' ebgp-multihop', fld(n.ebgpMultiHop.range, 'ebgpMultiHop')]], fld(n.ebgpMultiHop.range, 'ebgpMultiHop'));
      if (n.localASN) {
        const src = fld(n.localASN.range, 'localASN');
        nb([[' local-as ', src], [String(n.localASN.value), src], [' no-prepend replace-as', src]], src);
      }
      if (n.port && n.port.value !== 0) {
        const src = fld(n.port.range, 'port');
        nb([[' port ', src], [String(n.port.value), src]], src);
      }
      const timers = deriveTimers(n.holdTime, n.keepaliveTime, { strict: true });
      renderTimers(nb, timers, tpl, fld, false);
      renderConnect(nb, n.connectTime, fld);
      if (n.password) {
        const src = fld(n.password.range, 'password');
        nb([[' password ', src], ['********', src]], src);
      }
      if (n.sourceaddress?.value) {
        const src = fld(n.sourceaddress.range, 'sourceaddress');
        nb([[' update-source ', src], [n.sourceaddress.value, src]], src);
      }
      if (n.enableGracefulRestart?.value) {
        const src = fld(n.enableGracefulRestart.range, 'enableGracefulRestart');
        nb([[' graceful-restart', src]], src, 'enableGracefulRestart: true');
      }
      if (n.bfdProfile?.value) {
        const src = fld(n.bfdProfile.range, 'bfdProfile');
        nb([[' bfd', src]], src, 'bfdProfile');
        nb([[' bfd profile ', src], [n.bfdProfile.value, src]], src);
      }
    }
    b.lineOf([['exit', tpl('end of router')]], tpl('end of router'));
  }
  const profiles: readonly FRRBFDProfileView[] = cfg.spec.bgp?.value.bfdProfiles?.value ?? [];
  renderBfdProfiles(
    b,
    profiles.filter((p) => p.name?.value).map((p) => ({ name: p.name!.value, settings: p, anchor: p.name!.range })),
    tpl('BFD profiles'),
  );
  appendTexts(b, appended, decode);
  return { builder: b, neighbors: neighbors.slice(), neighborViews };
}
