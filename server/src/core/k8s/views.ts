/**
 * Turns a document's generic node tree into the typed views of `types.ts`. A field with the wrong
 * type is left out of its view and listed in `invalid`; nothing here throws.
 */
import type { Range } from '../text/range';
import { parseGoDuration, type DurationResult } from './duration';
import type {
  BFDSettingsView,
  BGPAdvertisementView,
  BGPExtrasView,
  BGPPeerView,
  BFDProfileView,
  CommunityAliasView,
  CommunityView,
  DurationVal,
  FRRBFDProfileView,
  FRRConfigurationView,
  FRRNeighborView,
  FRRRouterView,
  InvalidField,
  IPAddressPoolView,
  K8sKind,
  K8sObject,
  KeyedVal,
  L2AdvertisementView,
  LabelSelectorView,
  MatchExpressionView,
  NodeAddressView,
  NodeView,
  ObjectViewBase,
  SecretRefView,
  SecretView,
  TextVal,
  Val,
  YMap,
  YMapEntry,
  YNode,
  YScalar,
} from './types';
import { deref, mapEntry, sameSecret, secretIsEmpty } from './ynode';

/** API group of MetalLB's CRDs. */
export const METALLB_GROUP = 'metallb.io';
/** API group of frr-k8s's CRDs. */
export const FRRK8S_GROUP = 'frrk8s.metallb.io';

const METALLB_KINDS: ReadonlySet<string> = new Set([
  'BGPPeer',
  'BFDProfile',
  'IPAddressPool',
  'BGPAdvertisement',
  'L2Advertisement',
  'Community',
]);

/** Where an object sits in the stream. */
export interface ObjectPlace {
  readonly docIndex: number;
  readonly docRange: Range;
  readonly hasErrors: boolean;
  readonly listIndex?: number;
}

/** What `classify` found at the root of an object. */
export type Classification =
  | { readonly kind: K8sKind; readonly apiVersion?: Val<string>; readonly kindField?: Val<string>; readonly version: string; readonly inferred?: true }
  | { readonly kind: 'List' }
  | { readonly kind: 'other' }
  | undefined;

/**
 * Decides what a root mapping is: one of the kinds grlint reads, a `List` to unpack, another
 * Kubernetes object (`other`), or not a Kubernetes object at all (`undefined`).
 */
export function classify(root: YMap): Classification {
  const r = new Reader([]);
  const apiVersion = r.str(root, 'apiVersion', 'apiVersion');
  const kindField = r.str(root, 'kind', 'kind');
  if (!apiVersion || !kindField) {
    if (!apiVersion && !kindField && !mapEntry(root, 'apiVersion') && !mapEntry(root, 'kind') && looksLikeFRRConfiguration(root)) {
      return { kind: 'FRRConfiguration', version: '', inferred: true };
    }
    return undefined;
  }
  const av = apiVersion.value;
  const slash = av.indexOf('/');
  const group = slash < 0 ? '' : av.slice(0, slash);
  const version = slash < 0 ? av : av.slice(slash + 1);
  const kind = kindField.value;
  if (group === METALLB_GROUP && METALLB_KINDS.has(kind)) {
    return { kind: kind as K8sKind, apiVersion, kindField, version };
  }
  if (group === FRRK8S_GROUP && kind === 'FRRConfiguration') return { kind: 'FRRConfiguration', apiVersion, kindField, version };
  if (av === 'v1' && kind === 'Node') return { kind: 'Node', apiVersion, kindField, version };
  if (av === 'v1' && kind === 'ConfigMap') {
    const meta = r.obj(root, 'metadata', 'metadata');
    if (meta && r.str(meta, 'name', 'metadata.name')?.value === 'bgpextras') {
      return { kind: 'ConfigMap', apiVersion, kindField, version };
    }
    return { kind: 'other' };
  }
  if (kind === 'List' || (kind.endsWith('List') && mapEntry(root, 'items'))) return { kind: 'List' };
  return { kind: 'other' };
}

// MetalLB's frr-k8s golden files are FRRConfigurations without apiVersion and kind: recognise a
// mapping whose spec has only FRRConfiguration keys, at least one of them `bgp` or `raw`.
function looksLikeFRRConfiguration(root: YMap): boolean {
  const spec = deref(mapEntry(root, 'spec')?.value);
  if (!spec || spec.kind !== 'map') return false;
  const top = new Set(['metadata', 'spec', 'status']);
  if (!root.entries.every((e) => top.has(e.key))) return false;
  const specKeys = new Set(['bgp', 'raw', 'nodeSelector']);
  return spec.entries.length > 0 && spec.entries.every((e) => specKeys.has(e.key)) && spec.entries.some((e) => e.key === 'bgp' || e.key === 'raw');
}

/** Builds the typed view of `root` for a classification returned by {@link classify}. */
export function buildView(root: YMap, c: Exclude<Classification, undefined | { kind: 'List' } | { kind: 'other' }>, place: ObjectPlace): K8sObject {
  const r = new Reader([]);
  const meta = r.obj(root, 'metadata', 'metadata');
  // Views are built property by property (not with object spreads), so that views of the same
  // shape share one hidden class; a spread copy gets a hidden class of its own.
  const base = { kind: c.kind } as Mutable<ObjectViewBase<K8sKind>>;
  put(base, 'apiVersion', c.apiVersion);
  put(base, 'kindField', c.kindField);
  base.version = c.version;
  put(base, 'inferred', c.inferred);
  put(base, 'name', meta && r.str(meta, 'name', 'metadata.name'));
  put(base, 'namespace', meta && r.str(meta, 'namespace', 'metadata.namespace'));
  base.labels = (meta && r.stringMap(meta, 'labels', 'metadata.labels')) ?? [];
  base.docIndex = place.docIndex;
  base.docRange = place.docRange;
  put(base, 'listIndex', place.listIndex);
  base.node = root;
  base.range = root.range;
  base.hasErrors = place.hasErrors;
  base.invalid = r.invalid;
  const view = buildKind(r, root, c.kind, base);
  // Report wrong types in source order, whatever order the fields were read in.
  r.invalid.sort((a, b) => (a.keyRange ?? a.node.range).start - (b.keyRange ?? b.node.range).start);
  return view;
}

// Adds the fields of `kind` to `base` (which becomes the view).
function buildKind(r: Reader, root: YMap, kind: K8sKind, base: Mutable<ObjectViewBase<K8sKind>>): K8sObject {
  const spec = kind === 'ConfigMap' || kind === 'Node' ? undefined : r.obj(root, 'spec', 'spec');
  switch (kind) {
    case 'BGPPeer': {
      const v = base as Mutable<BGPPeerView>;
      v.spec = bgpPeerSpec(r, spec);
      return v;
    }
    case 'BFDProfile': {
      const v = base as Mutable<BFDProfileView>;
      const s: Mutable<BFDProfileView['spec']> = {};
      put(s, 'node', spec);
      bfdSettings(r, spec, 'spec', s);
      v.spec = s;
      return v;
    }
    case 'IPAddressPool': {
      const v = base as Mutable<IPAddressPoolView>;
      const s: Mutable<IPAddressPoolView['spec']> = {};
      put(s, 'node', spec);
      put(s, 'addresses', r.strList(spec, 'addresses', 'spec.addresses'));
      put(s, 'autoAssign', r.bool(spec, 'autoAssign', 'spec.autoAssign'));
      put(s, 'avoidBuggyIPs', r.bool(spec, 'avoidBuggyIPs', 'spec.avoidBuggyIPs'));
      put(s, 'serviceAllocation', r.obj(spec, 'serviceAllocation', 'spec.serviceAllocation'));
      v.spec = s;
      return v;
    }
    case 'BGPAdvertisement': {
      const v = base as Mutable<BGPAdvertisementView>;
      const s: Mutable<BGPAdvertisementView['spec']> = {};
      put(s, 'node', spec);
      put(s, 'aggregationLength', r.int(spec, 'aggregationLength', 'spec.aggregationLength'));
      put(s, 'aggregationLengthV6', r.int(spec, 'aggregationLengthV6', 'spec.aggregationLengthV6'));
      put(s, 'localPref', r.int(spec, 'localPref', 'spec.localPref'));
      put(s, 'communities', r.strList(spec, 'communities', 'spec.communities'));
      put(s, 'ipAddressPools', r.strList(spec, 'ipAddressPools', 'spec.ipAddressPools'));
      put(s, 'ipAddressPoolSelectors', r.selectors(spec, 'ipAddressPoolSelectors', 'spec.ipAddressPoolSelectors'));
      put(s, 'nodeSelectors', r.selectors(spec, 'nodeSelectors', 'spec.nodeSelectors'));
      put(s, 'peers', r.strList(spec, 'peers', 'spec.peers'));
      put(s, 'serviceSelectors', r.selectors(spec, 'serviceSelectors', 'spec.serviceSelectors'));
      v.spec = s;
      return v;
    }
    case 'L2Advertisement': {
      const v = base as Mutable<L2AdvertisementView>;
      const s: Mutable<L2AdvertisementView['spec']> = {};
      put(s, 'node', spec);
      put(s, 'ipAddressPools', r.strList(spec, 'ipAddressPools', 'spec.ipAddressPools'));
      put(s, 'ipAddressPoolSelectors', r.selectors(spec, 'ipAddressPoolSelectors', 'spec.ipAddressPoolSelectors'));
      put(s, 'nodeSelectors', r.selectors(spec, 'nodeSelectors', 'spec.nodeSelectors'));
      put(s, 'interfaces', r.strList(spec, 'interfaces', 'spec.interfaces'));
      put(s, 'serviceSelectors', r.selectors(spec, 'serviceSelectors', 'spec.serviceSelectors'));
      v.spec = s;
      return v;
    }
    case 'Community': {
      const v = base as Mutable<CommunityView>;
      const s: Mutable<CommunityView['spec']> = {};
      put(s, 'node', spec);
      put(
        s,
        'communities',
        r.list(spec, 'communities', 'spec.communities', (n, p): CommunityAliasView | undefined => {
          const m = r.asMap(n, p);
          if (!m) return undefined;
          const a: Mutable<CommunityAliasView> = { range: m.range };
          put(a, 'name', r.str(m, 'name', `${p}.name`));
          put(a, 'value', r.str(m, 'value', `${p}.value`));
          return a;
        }),
      );
      v.spec = s;
      return v;
    }
    case 'FRRConfiguration': {
      const v = base as Mutable<FRRConfigurationView>;
      v.spec = frrSpec(r, spec);
      return v;
    }
    case 'ConfigMap': {
      const v = base as Mutable<BGPExtrasView>;
      const data = r.obj(root, 'data', 'data');
      put(v, 'extras', r.text(data, 'extras', 'data.extras'));
      return v;
    }
    case 'Node': {
      const v = base as Mutable<NodeView>;
      const status = r.obj(root, 'status', 'status');
      const addresses = r.list(status, 'addresses', 'status.addresses', (n, p): NodeAddressView | undefined => {
        const m = r.asMap(n, p);
        if (!m) return undefined;
        const a: Mutable<NodeAddressView> = { range: m.range };
        put(a, 'type', r.str(m, 'type', `${p}.type`));
        put(a, 'address', r.str(m, 'address', `${p}.address`));
        return a;
      });
      put(v, 'addresses', addresses);
      return v;
    }
  }
}

function bgpPeerSpec(r: Reader, spec: YMap | undefined): BGPPeerView['spec'] {
  const p = 'spec';
  const s: Mutable<BGPPeerView['spec']> = {};
  put(s, 'node', spec);
  put(s, 'myASN', r.int(spec, 'myASN', `${p}.myASN`));
  put(s, 'peerASN', r.int(spec, 'peerASN', `${p}.peerASN`));
  put(s, 'dynamicASN', r.str(spec, 'dynamicASN', `${p}.dynamicASN`));
  put(s, 'localASN', r.int(spec, 'localASN', `${p}.localASN`));
  put(s, 'peerAddress', r.str(spec, 'peerAddress', `${p}.peerAddress`));
  put(s, 'interface', r.str(spec, 'interface', `${p}.interface`));
  put(s, 'sourceAddress', r.str(spec, 'sourceAddress', `${p}.sourceAddress`));
  put(s, 'peerPort', r.int(spec, 'peerPort', `${p}.peerPort`));
  put(s, 'holdTime', r.duration(spec, 'holdTime', `${p}.holdTime`));
  put(s, 'keepaliveTime', r.duration(spec, 'keepaliveTime', `${p}.keepaliveTime`));
  put(s, 'connectTime', r.duration(spec, 'connectTime', `${p}.connectTime`));
  put(s, 'routerID', r.str(spec, 'routerID', `${p}.routerID`));
  put(s, 'nodeSelectors', r.selectors(spec, 'nodeSelectors', `${p}.nodeSelectors`));
  put(s, 'password', r.secret(spec, 'password', `${p}.password`));
  put(s, 'passwordSecret', r.secretRef(spec, 'passwordSecret', `${p}.passwordSecret`));
  put(s, 'bfdProfile', r.str(spec, 'bfdProfile', `${p}.bfdProfile`));
  put(s, 'enableGracefulRestart', r.bool(spec, 'enableGracefulRestart', `${p}.enableGracefulRestart`));
  put(s, 'ebgpMultiHop', r.bool(spec, 'ebgpMultiHop', `${p}.ebgpMultiHop`));
  put(s, 'vrf', r.str(spec, 'vrf', `${p}.vrf`));
  put(s, 'disableMP', r.bool(spec, 'disableMP', `${p}.disableMP`));
  put(s, 'dualStackAddressFamily', r.bool(spec, 'dualStackAddressFamily', `${p}.dualStackAddressFamily`));
  return s;
}

// Adds the BFD settings found in `m` to `out`.
function bfdSettings(r: Reader, m: YMap | undefined, p: string, out: Mutable<BFDSettingsView>): void {
  put(out, 'receiveInterval', r.int(m, 'receiveInterval', `${p}.receiveInterval`));
  put(out, 'transmitInterval', r.int(m, 'transmitInterval', `${p}.transmitInterval`));
  put(out, 'detectMultiplier', r.int(m, 'detectMultiplier', `${p}.detectMultiplier`));
  put(out, 'echoInterval', r.int(m, 'echoInterval', `${p}.echoInterval`));
  put(out, 'echoMode', r.bool(m, 'echoMode', `${p}.echoMode`));
  put(out, 'passiveMode', r.bool(m, 'passiveMode', `${p}.passiveMode`));
  put(out, 'minimumTtl', r.int(m, 'minimumTtl', `${p}.minimumTtl`));
}

type FRRSpec = FRRConfigurationView['spec'];
type FRRBgp = NonNullable<FRRSpec['bgp']>['value'];
type FRRRaw = NonNullable<FRRSpec['raw']>['value'];

function frrSpec(r: Reader, spec: YMap | undefined): FRRSpec {
  const bgpE = r.objEntry(spec, 'bgp', 'spec.bgp');
  const rawE = r.objEntry(spec, 'raw', 'spec.raw');
  let bgp: FRRSpec['bgp'];
  if (bgpE) {
    const m = bgpE.map;
    const routers = r.list(m, 'routers', 'spec.bgp.routers', (n, p) => frrRouter(r, n, p));
    const bfdProfiles = r.list(m, 'bfdProfiles', 'spec.bgp.bfdProfiles', (n, p): FRRBFDProfileView | undefined => {
      const pm = r.asMap(n, p);
      if (!pm) return undefined;
      const b: Mutable<FRRBFDProfileView> = { range: pm.range, node: pm };
      put(b, 'name', r.str(pm, 'name', `${p}.name`));
      bfdSettings(r, pm, p, b);
      return b;
    });
    const value: Mutable<FRRBgp> = { node: m };
    put(value, 'routers', routers);
    put(value, 'bfdProfiles', bfdProfiles);
    bgp = { value, range: bgpE.range, keyRange: bgpE.keyRange };
  }
  let raw: FRRSpec['raw'];
  if (rawE) {
    const m = rawE.map;
    const value: Mutable<FRRRaw> = { node: m };
    put(value, 'priority', r.int(m, 'priority', 'spec.raw.priority'));
    put(value, 'rawConfig', r.text(m, 'rawConfig', 'spec.raw.rawConfig'));
    raw = { value, range: rawE.range, keyRange: rawE.keyRange };
  }
  const s: Mutable<FRRSpec> = {};
  put(s, 'node', spec);
  put(s, 'nodeSelector', r.selector(spec, 'nodeSelector', 'spec.nodeSelector'));
  put(s, 'bgp', bgp);
  put(s, 'raw', raw);
  return s;
}

function frrRouter(r: Reader, n: YNode, p: string): FRRRouterView | undefined {
  const m = r.asMap(n, p);
  if (!m) return undefined;
  const v: Mutable<FRRRouterView> = { range: m.range, node: m };
  put(v, 'asn', r.int(m, 'asn', `${p}.asn`));
  put(v, 'id', r.str(m, 'id', `${p}.id`));
  put(v, 'vrf', r.str(m, 'vrf', `${p}.vrf`));
  put(v, 'neighbors', r.list(m, 'neighbors', `${p}.neighbors`, (nn, np) => frrNeighbor(r, nn, np)));
  put(v, 'prefixes', r.strList(m, 'prefixes', `${p}.prefixes`));
  put(
    v,
    'imports',
    r.list(m, 'imports', `${p}.imports`, (nn, np) => {
      const im = r.asMap(nn, np);
      if (!im) return undefined;
      const i: { range: Range; vrf?: Val<string> } = { range: im.range };
      put(i, 'vrf', r.str(im, 'vrf', `${np}.vrf`));
      return i;
    }),
  );
  put(v, 'evpn', r.obj(m, 'evpn', `${p}.evpn`));
  return v;
}

function frrNeighbor(r: Reader, n: YNode, p: string): FRRNeighborView | undefined {
  const m = r.asMap(n, p);
  if (!m) return undefined;
  const v: Mutable<FRRNeighborView> = { range: m.range, node: m };
  put(v, 'asn', r.int(m, 'asn', `${p}.asn`));
  put(v, 'dynamicASN', r.str(m, 'dynamicASN', `${p}.dynamicASN`));
  put(v, 'localASN', r.int(m, 'localASN', `${p}.localASN`));
  put(v, 'address', r.str(m, 'address', `${p}.address`));
  put(v, 'interface', r.str(m, 'interface', `${p}.interface`));
  put(v, 'sourceaddress', r.str(m, 'sourceaddress', `${p}.sourceaddress`));
  put(v, 'port', r.int(m, 'port', `${p}.port`));
  put(v, 'password', r.secret(m, 'password', `${p}.password`));
  put(v, 'passwordSecret', r.secretRef(m, 'passwordSecret', `${p}.passwordSecret`));
  put(v, 'holdTime', r.duration(m, 'holdTime', `${p}.holdTime`));
  put(v, 'keepaliveTime', r.duration(m, 'keepaliveTime', `${p}.keepaliveTime`));
  put(v, 'connectTime', r.duration(m, 'connectTime', `${p}.connectTime`));
  put(v, 'ebgpMultiHop', r.bool(m, 'ebgpMultiHop', `${p}.ebgpMultiHop`));
  put(v, 'bfdProfile', r.str(m, 'bfdProfile', `${p}.bfdProfile`));
  put(v, 'enableGracefulRestart', r.bool(m, 'enableGracefulRestart', `${p}.enableGracefulRestart`));
  put(v, 'disableMP', r.bool(m, 'disableMP', `${p}.disableMP`));
  put(v, 'dualStackAddressFamily', r.bool(m, 'dualStackAddressFamily', `${p}.dualStackAddressFamily`));
  put(v, 'addressFamilies', r.strList(m, 'addressFamilies', `${p}.addressFamilies`));
  put(v, 'toAdvertise', r.obj(m, 'toAdvertise', `${p}.toAdvertise`));
  put(v, 'toReceive', r.obj(m, 'toReceive', `${p}.toReceive`));
  return v;
}

/**
 * `a` without spare capacity: an array grown by `push` keeps room for at least 16 more elements,
 * and a parse result holds one such list per label map and list field.
 */
function exact<T>(a: T[]): T[] {
  return a.length === 0 ? [] : a.slice();
}

// Durations repeat (`90s`, `3s`): views share one immutable result per distinct text. Bounded, so a
// long-running server does not keep every text it has seen.
const DURATIONS = new Map<string, DurationResult>();
const MAX_DURATIONS = 1024;

function durationOf(text: string): DurationResult {
  const known = DURATIONS.get(text);
  if (known) return known;
  const d = parseGoDuration(text);
  if (DURATIONS.size >= MAX_DURATIONS) DURATIONS.clear();
  DURATIONS.set(text, d);
  return d;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Sets `o[k] = v` when `v` is defined (not `undefined`, `null` or `false`): optional properties stay absent. */
function put<T, K extends keyof T>(o: Mutable<T>, k: K, v: T[K] | undefined | null | false): void {
  if (v !== undefined && v !== null && v !== false) o[k] = v as T[K];
}

/** A password kept as presence and ranges; the value is only reachable through comparison. */
class Secret implements SecretView {
  readonly present = true as const;
  readonly empty: boolean;
  readonly #node: YScalar;

  constructor(
    node: YScalar,
    readonly range: Range,
    readonly keyRange: Range,
  ) {
    this.#node = node;
    this.empty = secretIsEmpty(node);
  }

  sameValueAs(other: SecretView): boolean {
    return other instanceof Secret && sameSecret(this.#node, other.#node);
  }

  toJSON(): object {
    return { present: true, empty: this.empty, range: this.range, keyRange: this.keyRange };
  }
}

/** Reads typed fields out of mappings, recording wrong types in `invalid`. */
class Reader {
  constructor(readonly invalid: InvalidField[]) {}

  private bad(path: string, expected: InvalidField['expected'], node: YNode, keyRange?: Range): undefined {
    this.invalid.push(keyRange ? { path, expected, node, keyRange } : { path, expected, node });
    return undefined;
  }

  /** The entry and its dereferenced value, or undefined when missing or null (null means unset in Kubernetes). */
  private get(map: YMap | undefined, key: string): { e: YMapEntry; n: YNode } | undefined {
    const e = mapEntry(map, key);
    if (!e) return undefined;
    const n = deref(e.value);
    if (!n || (n.kind === 'scalar' && n.value === null)) return undefined;
    return { e, n };
  }

  private scalarOf<T>(map: YMap | undefined, key: string, path: string, expected: InvalidField['expected'], ok: (v: unknown) => v is T): Val<T> | undefined {
    const g = this.get(map, key);
    if (!g) return undefined;
    if (g.n.kind === 'scalar' && ok(g.n.value)) return { value: g.n.value, range: g.e.value.range, keyRange: g.e.keyRange };
    return this.bad(path, expected, g.e.value, g.e.keyRange);
  }

  str(map: YMap | undefined, key: string, path: string): Val<string> | undefined {
    return this.scalarOf(map, key, path, 'string', (v): v is string => typeof v === 'string');
  }

  int(map: YMap | undefined, key: string, path: string): Val<number> | undefined {
    return this.scalarOf(map, key, path, 'integer', (v): v is number => typeof v === 'number' && Number.isInteger(v));
  }

  bool(map: YMap | undefined, key: string, path: string): Val<boolean> | undefined {
    return this.scalarOf(map, key, path, 'boolean', (v): v is boolean => typeof v === 'boolean');
  }

  duration(map: YMap | undefined, key: string, path: string): DurationVal | undefined {
    const v = this.str(map, key, path);
    return v && { value: v.value, range: v.range, keyRange: v.keyRange, duration: durationOf(v.value) };
  }

  text(map: YMap | undefined, key: string, path: string): TextVal | undefined {
    const v = this.str(map, key, path);
    if (!v) return undefined;
    const node = deref(mapEntry(map, key)?.value);
    return node?.kind === 'scalar' ? { value: v.value, range: v.range, keyRange: v.keyRange, node } : undefined;
  }

  secret(map: YMap | undefined, key: string, path: string): SecretView | undefined {
    const g = this.get(map, key);
    if (!g) return undefined;
    if (g.n.kind === 'scalar' && typeof g.n.value === 'string') return new Secret(g.n, g.e.value.range, g.e.keyRange);
    return this.bad(path, 'string', g.e.value, g.e.keyRange);
  }

  asMap(n: YNode, path: string, keyRange?: Range): YMap | undefined {
    const d = deref(n);
    if (d?.kind === 'map') return d;
    if (d?.kind === 'scalar' && d.value === null) return undefined;
    return this.bad(path, 'object', n, keyRange);
  }

  obj(map: YMap | undefined, key: string, path: string): YMap | undefined {
    return this.objEntry(map, key, path)?.map;
  }

  objEntry(map: YMap | undefined, key: string, path: string): { map: YMap; range: Range; keyRange: Range } | undefined {
    const g = this.get(map, key);
    if (!g) return undefined;
    const m = this.asMap(g.e.value, path, g.e.keyRange);
    return m && { map: m, range: g.e.value.range, keyRange: g.e.keyRange };
  }

  list<T>(map: YMap | undefined, key: string, path: string, item: (n: YNode, path: string) => T | undefined): Val<readonly T[]> | undefined {
    const g = this.get(map, key);
    if (!g) return undefined;
    if (g.n.kind !== 'seq') return this.bad(path, 'array', g.e.value, g.e.keyRange);
    const out: T[] = [];
    g.n.items.forEach((n, i) => {
      const v = item(n, `${path}[${i}]`);
      if (v !== undefined) out.push(v);
    });
    return { value: exact(out), range: g.e.value.range, keyRange: g.e.keyRange };
  }

  strList(map: YMap | undefined, key: string, path: string): Val<readonly Val<string>[]> | undefined {
    return this.list(map, key, path, (n, p) => {
      const d = deref(n);
      if (d?.kind === 'scalar' && typeof d.value === 'string') return { value: d.value, range: n.range };
      return this.bad(p, 'string', n);
    });
  }

  stringMap(map: YMap | undefined, key: string, path: string): KeyedVal<string>[] | undefined {
    const g = this.get(map, key);
    if (!g) return undefined;
    const m = this.asMap(g.e.value, path, g.e.keyRange);
    if (!m) return undefined;
    const out: KeyedVal<string>[] = [];
    for (const e of m.entries) {
      const d = deref(e.value);
      if (d?.kind === 'scalar' && typeof d.value === 'string') out.push({ key: e.key, keyRange: e.keyRange, value: d.value, range: e.value.range });
      else this.bad(`${path}.${e.key}`, 'string', e.value, e.keyRange);
    }
    return exact(out);
  }

  selectorOf(n: YNode, path: string, keyRange?: Range): LabelSelectorView | undefined {
    const m = this.asMap(n, path, keyRange);
    if (!m) return undefined;
    const exprs = this.list(m, 'matchExpressions', `${path}.matchExpressions`, (en, ep): MatchExpressionView | undefined => {
      const em = this.asMap(en, ep);
      if (!em) return undefined;
      const x: Mutable<MatchExpressionView> = { range: em.range };
      put(x, 'key', this.str(em, 'key', `${ep}.key`));
      put(x, 'operator', this.str(em, 'operator', `${ep}.operator`));
      put(x, 'values', this.strList(em, 'values', `${ep}.values`));
      return x;
    });
    // The list's own array: the Val around it is not kept.
    const matchExpressions = exprs ? exprs.value : [];
    return { range: m.range, node: m, matchLabels: this.stringMap(m, 'matchLabels', `${path}.matchLabels`) ?? [], matchExpressions };
  }

  selector(map: YMap | undefined, key: string, path: string): Val<LabelSelectorView> | undefined {
    const g = this.get(map, key);
    if (!g) return undefined;
    const s = this.selectorOf(g.e.value, path, g.e.keyRange);
    return s && { value: s, range: g.e.value.range, keyRange: g.e.keyRange };
  }

  selectors(map: YMap | undefined, key: string, path: string): Val<readonly LabelSelectorView[]> | undefined {
    return this.list(map, key, path, (n, p) => this.selectorOf(n, p));
  }

  secretRef(map: YMap | undefined, key: string, path: string): Val<SecretRefView> | undefined {
    const e = this.objEntry(map, key, path);
    if (!e) return undefined;
    const value: Mutable<SecretRefView> = { range: e.map.range };
    put(value, 'name', this.str(e.map, 'name', `${path}.name`));
    put(value, 'namespace', this.str(e.map, 'namespace', `${path}.namespace`));
    return { value, range: e.range, keyRange: e.keyRange };
  }
}
