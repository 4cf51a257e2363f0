/**
 * Turns a document's generic node tree into the typed views of `types.ts`. A field with the wrong
 * type is left out of its view and listed in `invalid`; nothing here throws.
 */
import type { Range } from '../text/range';
import { parseGoDuration } from './duration';
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
  const base: ObjectViewBase<K8sKind> = {
    kind: c.kind,
    ...(c.apiVersion ? { apiVersion: c.apiVersion } : {}),
    ...(c.kindField ? { kindField: c.kindField } : {}),
    version: c.version,
    ...(c.inferred ? { inferred: true as const } : {}),
    ...opt('name', meta && r.str(meta, 'name', 'metadata.name')),
    ...opt('namespace', meta && r.str(meta, 'namespace', 'metadata.namespace')),
    labels: (meta && r.stringMap(meta, 'labels', 'metadata.labels')) ?? [],
    docIndex: place.docIndex,
    docRange: place.docRange,
    ...(place.listIndex !== undefined ? { listIndex: place.listIndex } : {}),
    node: root,
    range: root.range,
    hasErrors: place.hasErrors,
    invalid: r.invalid,
  };
  const view = buildKind(r, root, c.kind, base);
  // Report wrong types in source order, whatever order the fields were read in.
  r.invalid.sort((a, b) => (a.keyRange ?? a.node.range).start - (b.keyRange ?? b.node.range).start);
  return view;
}

function buildKind(r: Reader, root: YMap, kind: K8sKind, base: ObjectViewBase<K8sKind>): K8sObject {
  const spec = kind === 'ConfigMap' || kind === 'Node' ? undefined : r.obj(root, 'spec', 'spec');
  switch (kind) {
    case 'BGPPeer':
      return { ...base, kind: 'BGPPeer', spec: bgpPeerSpec(r, spec) } satisfies BGPPeerView;
    case 'BFDProfile':
      return { ...base, kind: 'BFDProfile', spec: { ...opt('node', spec), ...bfdSettings(r, spec, 'spec') } } satisfies BFDProfileView;
    case 'IPAddressPool':
      return {
        ...base,
        kind: 'IPAddressPool',
        spec: {
          ...opt('node', spec),
          ...opt('addresses', r.strList(spec, 'addresses', 'spec.addresses')),
          ...opt('autoAssign', r.bool(spec, 'autoAssign', 'spec.autoAssign')),
          ...opt('avoidBuggyIPs', r.bool(spec, 'avoidBuggyIPs', 'spec.avoidBuggyIPs')),
          ...opt('serviceAllocation', r.obj(spec, 'serviceAllocation', 'spec.serviceAllocation')),
        },
      } satisfies IPAddressPoolView;
    case 'BGPAdvertisement':
      return {
        ...base,
        kind: 'BGPAdvertisement',
        spec: {
          ...opt('node', spec),
          ...opt('aggregationLength', r.int(spec, 'aggregationLength', 'spec.aggregationLength')),
          ...opt('aggregationLengthV6', r.int(spec, 'aggregationLengthV6', 'spec.aggregationLengthV6')),
          ...opt('localPref', r.int(spec, 'localPref', 'spec.localPref')),
          ...opt('communities', r.strList(spec, 'communities', 'spec.communities')),
          ...opt('ipAddressPools', r.strList(spec, 'ipAddressPools', 'spec.ipAddressPools')),
          ...opt('ipAddressPoolSelectors', r.selectors(spec, 'ipAddressPoolSelectors', 'spec.ipAddressPoolSelectors')),
          ...opt('nodeSelectors', r.selectors(spec, 'nodeSelectors', 'spec.nodeSelectors')),
          ...opt('peers', r.strList(spec, 'peers', 'spec.peers')),
          ...opt('serviceSelectors', r.selectors(spec, 'serviceSelectors', 'spec.serviceSelectors')),
        },
      } satisfies BGPAdvertisementView;
    case 'L2Advertisement':
      return {
        ...base,
        kind: 'L2Advertisement',
        spec: {
          ...opt('node', spec),
          ...opt('ipAddressPools', r.strList(spec, 'ipAddressPools', 'spec.ipAddressPools')),
          ...opt('ipAddressPoolSelectors', r.selectors(spec, 'ipAddressPoolSelectors', 'spec.ipAddressPoolSelectors')),
          ...opt('nodeSelectors', r.selectors(spec, 'nodeSelectors', 'spec.nodeSelectors')),
          ...opt('interfaces', r.strList(spec, 'interfaces', 'spec.interfaces')),
          ...opt('serviceSelectors', r.selectors(spec, 'serviceSelectors', 'spec.serviceSelectors')),
        },
      } satisfies L2AdvertisementView;
    case 'Community':
      return {
        ...base,
        kind: 'Community',
        spec: {
          ...opt('node', spec),
          ...opt(
            'communities',
            r.list(spec, 'communities', 'spec.communities', (n, p): CommunityAliasView | undefined => {
              const m = r.asMap(n, p);
              if (!m) return undefined;
              return { range: m.range, ...opt('name', r.str(m, 'name', `${p}.name`)), ...opt('value', r.str(m, 'value', `${p}.value`)) };
            }),
          ),
        },
      } satisfies CommunityView;
    case 'FRRConfiguration':
      return { ...base, kind: 'FRRConfiguration', spec: frrSpec(r, spec) } satisfies FRRConfigurationView;
    case 'ConfigMap': {
      const data = r.obj(root, 'data', 'data');
      return { ...base, kind: 'ConfigMap', ...opt('extras', r.text(data, 'extras', 'data.extras')) } satisfies BGPExtrasView;
    }
    case 'Node': {
      const status = r.obj(root, 'status', 'status');
      const addresses = r.list(status, 'addresses', 'status.addresses', (n, p): NodeAddressView | undefined => {
        const m = r.asMap(n, p);
        if (!m) return undefined;
        return { range: m.range, ...opt('type', r.str(m, 'type', `${p}.type`)), ...opt('address', r.str(m, 'address', `${p}.address`)) };
      });
      return { ...base, kind: 'Node', ...opt('addresses', addresses) } satisfies NodeView;
    }
  }
}

function bgpPeerSpec(r: Reader, spec: YMap | undefined): BGPPeerView['spec'] {
  const p = 'spec';
  return {
    ...opt('node', spec),
    ...opt('myASN', r.int(spec, 'myASN', `${p}.myASN`)),
    ...opt('peerASN', r.int(spec, 'peerASN', `${p}.peerASN`)),
    ...opt('dynamicASN', r.str(spec, 'dynamicASN', `${p}.dynamicASN`)),
    ...opt('localASN', r.int(spec, 'localASN', `${p}.localASN`)),
    ...opt('peerAddress', r.str(spec, 'peerAddress', `${p}.peerAddress`)),
    ...opt('interface', r.str(spec, 'interface', `${p}.interface`)),
    ...opt('sourceAddress', r.str(spec, 'sourceAddress', `${p}.sourceAddress`)),
    ...opt('peerPort', r.int(spec, 'peerPort', `${p}.peerPort`)),
    ...opt('holdTime', r.duration(spec, 'holdTime', `${p}.holdTime`)),
    ...opt('keepaliveTime', r.duration(spec, 'keepaliveTime', `${p}.keepaliveTime`)),
    ...opt('connectTime', r.duration(spec, 'connectTime', `${p}.connectTime`)),
    ...opt('routerID', r.str(spec, 'routerID', `${p}.routerID`)),
    ...opt('nodeSelectors', r.selectors(spec, 'nodeSelectors', `${p}.nodeSelectors`)),
    ...opt('password', r.secret(spec, 'password', `${p}.password`)),
    ...opt('passwordSecret', r.secretRef(spec, 'passwordSecret', `${p}.passwordSecret`)),
    ...opt('bfdProfile', r.str(spec, 'bfdProfile', `${p}.bfdProfile`)),
    ...opt('enableGracefulRestart', r.bool(spec, 'enableGracefulRestart', `${p}.enableGracefulRestart`)),
    ...opt('ebgpMultiHop', r.bool(spec, 'ebgpMultiHop', `${p}.ebgpMultiHop`)),
    ...opt('vrf', r.str(spec, 'vrf', `${p}.vrf`)),
    ...opt('disableMP', r.bool(spec, 'disableMP', `${p}.disableMP`)),
    ...opt('dualStackAddressFamily', r.bool(spec, 'dualStackAddressFamily', `${p}.dualStackAddressFamily`)),
  };
}

function bfdSettings(r: Reader, m: YMap | undefined, p: string): BFDSettingsView {
  return {
    ...opt('receiveInterval', r.int(m, 'receiveInterval', `${p}.receiveInterval`)),
    ...opt('transmitInterval', r.int(m, 'transmitInterval', `${p}.transmitInterval`)),
    ...opt('detectMultiplier', r.int(m, 'detectMultiplier', `${p}.detectMultiplier`)),
    ...opt('echoInterval', r.int(m, 'echoInterval', `${p}.echoInterval`)),
    ...opt('echoMode', r.bool(m, 'echoMode', `${p}.echoMode`)),
    ...opt('passiveMode', r.bool(m, 'passiveMode', `${p}.passiveMode`)),
    ...opt('minimumTtl', r.int(m, 'minimumTtl', `${p}.minimumTtl`)),
  };
}

function frrSpec(r: Reader, spec: YMap | undefined): FRRConfigurationView['spec'] {
  const bgpE = r.objEntry(spec, 'bgp', 'spec.bgp');
  const rawE = r.objEntry(spec, 'raw', 'spec.raw');
  let bgp: FRRConfigurationView['spec']['bgp'];
  if (bgpE) {
    const m = bgpE.map;
    const routers = r.list(m, 'routers', 'spec.bgp.routers', (n, p) => frrRouter(r, n, p));
    const bfdProfiles = r.list(m, 'bfdProfiles', 'spec.bgp.bfdProfiles', (n, p): FRRBFDProfileView | undefined => {
      const pm = r.asMap(n, p);
      if (!pm) return undefined;
      return { range: pm.range, node: pm, ...opt('name', r.str(pm, 'name', `${p}.name`)), ...bfdSettings(r, pm, p) };
    });
    bgp = {
      value: { node: m, ...opt('routers', routers), ...opt('bfdProfiles', bfdProfiles) },
      range: bgpE.range,
      keyRange: bgpE.keyRange,
    };
  }
  let raw: FRRConfigurationView['spec']['raw'];
  if (rawE) {
    const m = rawE.map;
    raw = {
      value: { node: m, ...opt('priority', r.int(m, 'priority', 'spec.raw.priority')), ...opt('rawConfig', r.text(m, 'rawConfig', 'spec.raw.rawConfig')) },
      range: rawE.range,
      keyRange: rawE.keyRange,
    };
  }
  return {
    ...opt('node', spec),
    ...opt('nodeSelector', r.selector(spec, 'nodeSelector', 'spec.nodeSelector')),
    ...opt('bgp', bgp),
    ...opt('raw', raw),
  };
}

function frrRouter(r: Reader, n: YNode, p: string): FRRRouterView | undefined {
  const m = r.asMap(n, p);
  if (!m) return undefined;
  return {
    range: m.range,
    node: m,
    ...opt('asn', r.int(m, 'asn', `${p}.asn`)),
    ...opt('id', r.str(m, 'id', `${p}.id`)),
    ...opt('vrf', r.str(m, 'vrf', `${p}.vrf`)),
    ...opt('neighbors', r.list(m, 'neighbors', `${p}.neighbors`, (nn, np) => frrNeighbor(r, nn, np))),
    ...opt('prefixes', r.strList(m, 'prefixes', `${p}.prefixes`)),
    ...opt(
      'imports',
      r.list(m, 'imports', `${p}.imports`, (nn, np) => {
        const im = r.asMap(nn, np);
        return im ? { range: im.range, ...opt('vrf', r.str(im, 'vrf', `${np}.vrf`)) } : undefined;
      }),
    ),
    ...opt('evpn', r.obj(m, 'evpn', `${p}.evpn`)),
  };
}

function frrNeighbor(r: Reader, n: YNode, p: string): FRRNeighborView | undefined {
  const m = r.asMap(n, p);
  if (!m) return undefined;
  return {
    range: m.range,
    node: m,
    ...opt('asn', r.int(m, 'asn', `${p}.asn`)),
    ...opt('dynamicASN', r.str(m, 'dynamicASN', `${p}.dynamicASN`)),
    ...opt('localASN', r.int(m, 'localASN', `${p}.localASN`)),
    ...opt('address', r.str(m, 'address', `${p}.address`)),
    ...opt('interface', r.str(m, 'interface', `${p}.interface`)),
    ...opt('sourceaddress', r.str(m, 'sourceaddress', `${p}.sourceaddress`)),
    ...opt('port', r.int(m, 'port', `${p}.port`)),
    ...opt('password', r.secret(m, 'password', `${p}.password`)),
    ...opt('passwordSecret', r.secretRef(m, 'passwordSecret', `${p}.passwordSecret`)),
    ...opt('holdTime', r.duration(m, 'holdTime', `${p}.holdTime`)),
    ...opt('keepaliveTime', r.duration(m, 'keepaliveTime', `${p}.keepaliveTime`)),
    ...opt('connectTime', r.duration(m, 'connectTime', `${p}.connectTime`)),
    ...opt('ebgpMultiHop', r.bool(m, 'ebgpMultiHop', `${p}.ebgpMultiHop`)),
    ...opt('bfdProfile', r.str(m, 'bfdProfile', `${p}.bfdProfile`)),
    ...opt('enableGracefulRestart', r.bool(m, 'enableGracefulRestart', `${p}.enableGracefulRestart`)),
    ...opt('disableMP', r.bool(m, 'disableMP', `${p}.disableMP`)),
    ...opt('dualStackAddressFamily', r.bool(m, 'dualStackAddressFamily', `${p}.dualStackAddressFamily`)),
    ...opt('addressFamilies', r.strList(m, 'addressFamilies', `${p}.addressFamilies`)),
    ...opt('toAdvertise', r.obj(m, 'toAdvertise', `${p}.toAdvertise`)),
    ...opt('toReceive', r.obj(m, 'toReceive', `${p}.toReceive`)),
  };
}

/** `{ [k]: v }` when `v` is defined, else `{}`: keeps optional properties absent (exactOptionalPropertyTypes). */
function opt<K extends string, V>(k: K, v: V | undefined | null | false): { [P in K]?: V } {
  return v === undefined || v === null || v === false ? {} : ({ [k]: v } as { [P in K]?: V });
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
    return v && { ...v, duration: parseGoDuration(v.value) };
  }

  text(map: YMap | undefined, key: string, path: string): TextVal | undefined {
    const v = this.str(map, key, path);
    if (!v) return undefined;
    const node = deref(mapEntry(map, key)?.value);
    return node?.kind === 'scalar' ? { ...v, node } : undefined;
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
    return { value: out, range: g.e.value.range, keyRange: g.e.keyRange };
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
    return out;
  }

  selectorOf(n: YNode, path: string, keyRange?: Range): LabelSelectorView | undefined {
    const m = this.asMap(n, path, keyRange);
    if (!m) return undefined;
    const matchExpressions: MatchExpressionView[] = [];
    const exprs = this.list(m, 'matchExpressions', `${path}.matchExpressions`, (en, ep): MatchExpressionView | undefined => {
      const em = this.asMap(en, ep);
      if (!em) return undefined;
      return {
        range: em.range,
        ...opt('key', this.str(em, 'key', `${ep}.key`)),
        ...opt('operator', this.str(em, 'operator', `${ep}.operator`)),
        ...opt('values', this.strList(em, 'values', `${ep}.values`)),
      };
    });
    if (exprs) matchExpressions.push(...exprs.value);
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
    const value: SecretRefView = {
      range: e.map.range,
      ...opt('name', this.str(e.map, 'name', `${path}.name`)),
      ...opt('namespace', this.str(e.map, 'namespace', `${path}.namespace`)),
    };
    return { value, range: e.range, keyRange: e.keyRange };
  }
}
