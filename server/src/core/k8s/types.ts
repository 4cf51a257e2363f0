/**
 * Typed views of the Kubernetes objects grlint reads (MetalLB, frr-k8s, the `bgpextras` ConfigMap
 * and `Node`), plus the generic YAML node tree they are built from.
 *
 * Invariant: every `Range` here is a half-open UTF-16 offset range into the text that was parsed.
 * Invariant: no view and no node stores a `password` value; see {@link SecretView}.
 */
import type { Range } from '../text/range';
import type { DurationResult } from './duration';
import type { K8sErrorCode } from './errors';

// ---------------------------------------------------------------------------------------------
// Generic node tree
// ---------------------------------------------------------------------------------------------

/** How a scalar is written in the source. */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

/**
 * The JS value of a scalar, resolved with the YAML 1.1 rules that Kubernetes clients use
 * (sigs.k8s.io/yaml over go-yaml v2): `yes`/`on` are `true`, `010` is 8, `0x1F` is 31, `~` is `null`.
 * Timestamps and sexagesimal numbers stay strings, as in go-yaml v2.
 */
export type ScalarValue = string | number | boolean | null;

/** A scalar node. */
export interface YScalar {
  readonly kind: 'scalar';
  /** The resolved value; a same-typed placeholder (`''`, `0`, `false`) when {@link redacted}. */
  readonly value: ScalarValue;
  /** The source text of the value (quotes and block header included); `''` when redacted. */
  readonly source: string;
  readonly style: ScalarStyle;
  /**
   * The value in the source. Quotes are included; for block scalars the range starts at the
   * `|`/`>` header and ends after the last non-blank content character (no trailing line break).
   * An empty value (`key:`) has an empty range where the value would be.
   */
  readonly range: Range;
  /** An explicit tag such as `tag:yaml.org,2002:str` (from `!!str`), if any. */
  readonly tag?: string;
  /** The anchor name (`&name`), if any. */
  readonly anchor?: string;
  /**
   * Block scalars only: the indentation of the enclosing block (`n` of the YAML spec), and the
   * end of the scalar's source including its trailing line breaks. Needed to decode the text.
   */
  readonly block?: { readonly parentIndent: number; readonly sourceEnd: number };
  /** True when the value was a secret (a `password` field) and has been replaced by a placeholder. */
  readonly redacted?: true;
}

/** One `key: value` entry of a mapping. */
export interface YMapEntry {
  /** The key as a string: a string key's value, else its source text (`''` for an empty key). */
  readonly key: string;
  /** The key node (a scalar in every Kubernetes object; a collection for `? [a, b]`). */
  readonly keyNode: YNode | null;
  readonly keyRange: Range;
  /** The value; an empty value (`key:`) is a null plain scalar with an empty range. */
  readonly value: YNode;
  /** From the start of the key to the end of the value. */
  readonly range: Range;
}

/** A mapping. Duplicate keys are kept in order (and reported as `yaml-duplicate-key`). */
export interface YMap {
  readonly kind: 'map';
  readonly entries: readonly YMapEntry[];
  /** From the first key (or `{`) to the end of the last value (or `}`). */
  readonly range: Range;
  readonly flow: boolean;
  readonly tag?: string;
  readonly anchor?: string;
  /** True when the nesting limit cut this collection short. */
  readonly truncated?: true;
}

/** A sequence. */
export interface YSeq {
  readonly kind: 'seq';
  readonly items: readonly YNode[];
  readonly range: Range;
  readonly flow: boolean;
  readonly tag?: string;
  readonly anchor?: string;
  readonly truncated?: true;
}

/**
 * An alias (`*name`). `target` is the node of the most recent anchor of that name earlier in the
 * same document, if there is one. Walkers must not follow `target` recursively without a bound:
 * aliases can make a small text describe an exponentially large tree.
 */
export interface YAlias {
  readonly kind: 'alias';
  readonly name: string;
  readonly range: Range;
  readonly target?: YNode;
}

/** A node of the generic tree that every object view carries, for generic (schema) validation. */
export type YNode = YMap | YSeq | YScalar | YAlias;

// ---------------------------------------------------------------------------------------------
// Typed values
// ---------------------------------------------------------------------------------------------

/** A typed field value with the range of its value and of its key. */
export interface Val<T> {
  readonly value: T;
  /** The value's range (for an alias, the alias's own range). */
  readonly range: Range;
  /** The key's range; absent for list items. */
  readonly keyRange?: Range;
}

/** A string field whose value is a Go duration (`holdTime: 90s`). */
export interface DurationVal extends Val<string> {
  /** `time.ParseDuration` of the value. */
  readonly duration: DurationResult;
}

/** A string field that holds embedded frr.conf text; `node` is what `embedded.ts` decodes. */
export interface TextVal extends Val<string> {
  readonly node: YScalar;
}

/** A `key: value` entry of a string map (`labels`, `matchLabels`). */
export interface KeyedVal<T> extends Val<T> {
  readonly key: string;
  readonly keyRange: Range;
}

/**
 * A secret field (`password`). Only its presence and ranges are kept; the value itself is held in
 * a private field that neither `JSON.stringify` nor `util.inspect` shows, and can only be compared.
 */
export interface SecretView {
  readonly present: true;
  /** True when the value is the empty string (MetalLB treats that as no password). */
  readonly empty: boolean;
  readonly range: Range;
  readonly keyRange: Range;
  /** True when both secrets hold the same value. */
  sameValueAs(other: SecretView): boolean;
}

/** A field that is present but does not have the type its typed view expects. */
export interface InvalidField {
  /** Dotted path from the object root, with list indexes: `spec.bgp.routers[0].asn`. */
  readonly path: string;
  /** The type the view expected. */
  readonly expected: 'string' | 'integer' | 'boolean' | 'object' | 'array';
  readonly node: YNode;
  readonly keyRange?: Range;
}

// ---------------------------------------------------------------------------------------------
// Shared sub-views
// ---------------------------------------------------------------------------------------------

/** `metav1.LabelSelectorRequirement`. */
export interface MatchExpressionView {
  readonly range: Range;
  readonly key?: Val<string>;
  readonly operator?: Val<string>;
  readonly values?: Val<readonly Val<string>[]>;
}

/** `metav1.LabelSelector`. An empty selector selects everything. */
export interface LabelSelectorView {
  readonly range: Range;
  readonly node: YMap;
  readonly matchLabels: readonly KeyedVal<string>[];
  readonly matchExpressions: readonly MatchExpressionView[];
}

/** `v1.SecretReference` (`passwordSecret`). */
export interface SecretRefView {
  readonly range: Range;
  readonly name?: Val<string>;
  readonly namespace?: Val<string>;
}

/** BFD profile settings shared by MetalLB's `BFDProfile.spec` and frr-k8s `bgp.bfdProfiles[]`. */
export interface BFDSettingsView {
  /** Milliseconds, 10-60000 per the CRD. */
  readonly receiveInterval?: Val<number>;
  readonly transmitInterval?: Val<number>;
  /** 2-255. */
  readonly detectMultiplier?: Val<number>;
  /** Milliseconds, 10-60000. */
  readonly echoInterval?: Val<number>;
  readonly echoMode?: Val<boolean>;
  readonly passiveMode?: Val<boolean>;
  /** 1-254, multi-hop only. */
  readonly minimumTtl?: Val<number>;
}

// ---------------------------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------------------------

/** The `kind` discriminant of the views. */
export type K8sKind =
  | 'BGPPeer'
  | 'BFDProfile'
  | 'IPAddressPool'
  | 'BGPAdvertisement'
  | 'L2Advertisement'
  | 'Community'
  | 'FRRConfiguration'
  | 'ConfigMap'
  | 'Node';

/** What every object view carries. */
export interface ObjectViewBase<K extends K8sKind> {
  readonly kind: K;
  /** The `apiVersion` field; absent only when the kind was {@link inferred}. */
  readonly apiVersion?: Val<string>;
  /** The `kind` field; absent only when the kind was {@link inferred}. */
  readonly kindField?: Val<string>;
  /** The version part of `apiVersion` (`v1beta2` of `metallb.io/v1beta2`); `''` when inferred. */
  readonly version: string;
  /**
   * True when the object has no `apiVersion`/`kind` and its kind was recognised from its shape
   * (the JSON FRRConfigurations MetalLB writes as golden files).
   */
  readonly inferred?: true;
  readonly name?: Val<string>;
  readonly namespace?: Val<string>;
  readonly labels: readonly KeyedVal<string>[];
  /** 0-based index of the YAML document in the stream. */
  readonly docIndex: number;
  /** The document's range, from its `---` (if any) to the start of the next document. */
  readonly docRange: Range;
  /** Index in the `items` of a `kind: List` document, when the object came from one. */
  readonly listIndex?: number;
  /** The object's own mapping (the document root, or the List item). */
  readonly node: YMap;
  /** The object's mapping range. */
  readonly range: Range;
  /** True when its YAML document had syntax errors: rules that judge completeness should stay silent. */
  readonly hasErrors: boolean;
  /** Fields present with a type the typed view cannot use (they are left out of the view). */
  readonly invalid: readonly InvalidField[];
}

/** The `spec` of a MetalLB `BGPPeer` (v1beta1 and v1beta2 fields; which are allowed is the schema's job). */
export interface BGPPeerSpecView {
  readonly node?: YMap;
  readonly myASN?: Val<number>;
  readonly peerASN?: Val<number>;
  /** `internal` | `external` per the CRD; any string is kept. */
  readonly dynamicASN?: Val<string>;
  readonly localASN?: Val<number>;
  readonly peerAddress?: Val<string>;
  readonly interface?: Val<string>;
  readonly sourceAddress?: Val<string>;
  readonly peerPort?: Val<number>;
  readonly holdTime?: DurationVal;
  readonly keepaliveTime?: DurationVal;
  readonly connectTime?: DurationVal;
  readonly routerID?: Val<string>;
  readonly nodeSelectors?: Val<readonly LabelSelectorView[]>;
  readonly password?: SecretView;
  readonly passwordSecret?: Val<SecretRefView>;
  readonly bfdProfile?: Val<string>;
  readonly enableGracefulRestart?: Val<boolean>;
  readonly ebgpMultiHop?: Val<boolean>;
  readonly vrf?: Val<string>;
  readonly disableMP?: Val<boolean>;
  readonly dualStackAddressFamily?: Val<boolean>;
}

/** `metallb.io/v1beta1` or `v1beta2` `BGPPeer`. */
export interface BGPPeerView extends ObjectViewBase<'BGPPeer'> {
  readonly spec: BGPPeerSpecView;
}

/** `metallb.io/v1beta1` `BFDProfile`. */
export interface BFDProfileView extends ObjectViewBase<'BFDProfile'> {
  readonly spec: BFDSettingsView & { readonly node?: YMap };
}

/** `metallb.io/v1beta1` `IPAddressPool`. */
export interface IPAddressPoolView extends ObjectViewBase<'IPAddressPool'> {
  readonly spec: {
    readonly node?: YMap;
    readonly addresses?: Val<readonly Val<string>[]>;
    readonly autoAssign?: Val<boolean>;
    readonly avoidBuggyIPs?: Val<boolean>;
    /** Kept as a node; grlint does not model service allocation. */
    readonly serviceAllocation?: YMap;
  };
}

/** `metallb.io/v1beta1` `BGPAdvertisement`. */
export interface BGPAdvertisementView extends ObjectViewBase<'BGPAdvertisement'> {
  readonly spec: {
    readonly node?: YMap;
    readonly aggregationLength?: Val<number>;
    readonly aggregationLengthV6?: Val<number>;
    readonly localPref?: Val<number>;
    /** `1234:1234`, `large:1:2:3`, or a Community alias name. */
    readonly communities?: Val<readonly Val<string>[]>;
    readonly ipAddressPools?: Val<readonly Val<string>[]>;
    readonly ipAddressPoolSelectors?: Val<readonly LabelSelectorView[]>;
    readonly nodeSelectors?: Val<readonly LabelSelectorView[]>;
    /** BGPPeer names. */
    readonly peers?: Val<readonly Val<string>[]>;
    readonly serviceSelectors?: Val<readonly LabelSelectorView[]>;
  };
}

/** `metallb.io/v1beta1` `L2Advertisement`. */
export interface L2AdvertisementView extends ObjectViewBase<'L2Advertisement'> {
  readonly spec: {
    readonly node?: YMap;
    readonly ipAddressPools?: Val<readonly Val<string>[]>;
    readonly ipAddressPoolSelectors?: Val<readonly LabelSelectorView[]>;
    readonly nodeSelectors?: Val<readonly LabelSelectorView[]>;
    readonly interfaces?: Val<readonly Val<string>[]>;
    readonly serviceSelectors?: Val<readonly LabelSelectorView[]>;
  };
}

/** One alias of a `Community`. */
export interface CommunityAliasView {
  readonly range: Range;
  readonly name?: Val<string>;
  readonly value?: Val<string>;
}

/** `metallb.io/v1beta1` `Community`. */
export interface CommunityView extends ObjectViewBase<'Community'> {
  readonly spec: {
    readonly node?: YMap;
    readonly communities?: Val<readonly CommunityAliasView[]>;
  };
}

/** One `spec.bgp.routers[].neighbors[]` entry of an FRRConfiguration. */
export interface FRRNeighborView {
  readonly range: Range;
  readonly node: YMap;
  readonly asn?: Val<number>;
  readonly dynamicASN?: Val<string>;
  readonly localASN?: Val<number>;
  readonly address?: Val<string>;
  readonly interface?: Val<string>;
  /** Note the lowercase JSON name `sourceaddress` (frr-k8s API). */
  readonly sourceaddress?: Val<string>;
  readonly port?: Val<number>;
  readonly password?: SecretView;
  readonly passwordSecret?: Val<SecretRefView>;
  readonly holdTime?: DurationVal;
  readonly keepaliveTime?: DurationVal;
  readonly connectTime?: DurationVal;
  readonly ebgpMultiHop?: Val<boolean>;
  readonly bfdProfile?: Val<string>;
  readonly enableGracefulRestart?: Val<boolean>;
  readonly disableMP?: Val<boolean>;
  readonly dualStackAddressFamily?: Val<boolean>;
  readonly addressFamilies?: Val<readonly Val<string>[]>;
  /** Kept as nodes; grlint does not model prefix filtering. */
  readonly toAdvertise?: YMap;
  readonly toReceive?: YMap;
}

/** One `spec.bgp.routers[]` entry of an FRRConfiguration. */
export interface FRRRouterView {
  readonly range: Range;
  readonly node: YMap;
  readonly asn?: Val<number>;
  /** The router-id. */
  readonly id?: Val<string>;
  readonly vrf?: Val<string>;
  readonly neighbors?: Val<readonly FRRNeighborView[]>;
  readonly prefixes?: Val<readonly Val<string>[]>;
  readonly imports?: Val<readonly { readonly range: Range; readonly vrf?: Val<string> }[]>;
  readonly evpn?: YMap;
}

/** One `spec.bgp.bfdProfiles[]` entry of an FRRConfiguration. */
export interface FRRBFDProfileView extends BFDSettingsView {
  readonly range: Range;
  readonly node: YMap;
  readonly name?: Val<string>;
}

/** `frrk8s.metallb.io/v1beta1` `FRRConfiguration`. */
export interface FRRConfigurationView extends ObjectViewBase<'FRRConfiguration'> {
  readonly spec: {
    readonly node?: YMap;
    readonly nodeSelector?: Val<LabelSelectorView>;
    readonly bgp?: Val<{
      readonly node: YMap;
      readonly routers?: Val<readonly FRRRouterView[]>;
      readonly bfdProfiles?: Val<readonly FRRBFDProfileView[]>;
    }>;
    readonly raw?: Val<{
      readonly node: YMap;
      readonly priority?: Val<number>;
      /** frr.conf text appended to what frr-k8s renders. */
      readonly rawConfig?: TextVal;
    }>;
  };
}

/** The MetalLB `bgpextras` ConfigMap (`v1` `ConfigMap` named `bgpextras`). */
export interface BGPExtrasView extends ObjectViewBase<'ConfigMap'> {
  /** `data.extras`: frr.conf text appended to what MetalLB renders. */
  readonly extras?: TextVal;
}

/** One `status.addresses[]` entry of a Node. */
export interface NodeAddressView {
  readonly range: Range;
  /** `InternalIP`, `ExternalIP`, `Hostname`, ... */
  readonly type?: Val<string>;
  readonly address?: Val<string>;
}

/** A `v1` `Node`. */
export interface NodeView extends ObjectViewBase<'Node'> {
  readonly addresses?: Val<readonly NodeAddressView[]>;
}

/** Every object view, discriminated by `kind`. */
export type K8sObject =
  | BGPPeerView
  | BFDProfileView
  | IPAddressPoolView
  | BGPAdvertisementView
  | L2AdvertisementView
  | CommunityView
  | FRRConfigurationView
  | BGPExtrasView
  | NodeView;

/** A problem found while reading the YAML stream. */
export interface K8sParseError {
  readonly code: K8sErrorCode;
  readonly message: string;
  readonly range: Range;
  readonly severity: 'error' | 'warning';
  /** The `yaml` package's own code (`BAD_INDENT`, `MISSING_CHAR`, ...), for `yaml-syntax` errors. */
  readonly yamlCode?: string;
}

/** The result of `parseK8sYaml`. */
export interface K8sParseResult {
  /** The recognised objects, in document order. */
  readonly objects: readonly K8sObject[];
  readonly errors: readonly K8sParseError[];
  /**
   * True when some document is a Kubernetes object of any kind (a mapping with string `apiVersion`
   * and `kind`), or an FRRConfiguration recognised from its shape.
   */
  readonly isK8s: boolean;
}
