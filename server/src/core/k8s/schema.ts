/**
 * The OpenAPI schemas of the MetalLB and frr-k8s CRDs grlint reads, as a compact table, plus the
 * admission rules that live outside the CRD (one-of groups enforced by MetalLB's and frr-k8s's
 * webhooks). Rules MLB402 (wrong type, range, enum), MLB403 (unknown field) and MLB404 (required)
 * validate objects against it.
 *
 * Transcribed by hand from `config/crd/bases/*.yaml` of metallb/metallb@7938d3f8 and
 * metallb/frr-k8s@43dd6d6b (domain.md §0); a test compares it with those files field by field.
 * Conventions the validators must follow, as Kubernetes does: a `null` value counts as absent
 * (the API server prunes it), and `status` is ignored on create and update (status subresource).
 */

/** An OpenAPI type as the CRDs use them. */
export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'array';

/** A CEL validation rule (`x-kubernetes-validations`), verbatim. */
export interface CelRule {
  readonly rule: string;
  readonly message: string;
}

/** Fields of one object that the admission webhook wants exactly one of, or at most one of. */
export interface OneOfGroup {
  readonly fields: readonly string[];
  /** `exactly-one`: one and only one must be set; `at-most-one`: setting two is an error. */
  readonly rule: 'exactly-one' | 'at-most-one';
  /** The admission error when none is set (Go format verbs kept), for `exactly-one`. */
  readonly noneMessage?: string;
  /** The admission error when several are set (Go format verbs kept). */
  readonly bothMessage: string;
  /** Where upstream enforces it. */
  readonly source: string;
}

/** The schema of one field (or of the object root). */
export interface FieldSchema {
  readonly type: FieldType;
  /** OpenAPI format: `int32`, `int64`, `ipv4`, `ipv6`, `cidr`. */
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly maxLength?: number;
  /** The value the API server fills in when the field is absent. */
  readonly default?: unknown;
  /** Object fields. An object with neither `properties` nor `additionalProperties` takes no fields. */
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  /** Fields the CRD requires. */
  readonly required?: readonly string[];
  /** Array items. */
  readonly items?: FieldSchema;
  /** Map values (`matchLabels`, `labels`): any key is allowed. */
  readonly additionalProperties?: FieldSchema;
  /** CEL rules, verbatim from the CRD. */
  readonly rules?: readonly CelRule[];
  /** Admission (webhook) rules over this object's fields; not part of the CRD. */
  readonly oneOf?: readonly OneOfGroup[];
  /** The value is a Go duration string (`metav1.Duration`), parsed with `time.ParseDuration`. */
  readonly goDuration?: true;
  /** The field cannot change after creation; the admission error, verbatim. */
  readonly immutable?: string;
  /** The field is deprecated; what upstream says about it. */
  readonly deprecated?: string;
  /** Any content is accepted and not validated (Kubernetes `managedFields`, CRD `status`). */
  readonly open?: true;
  /** The schema is Kubernetes' own (ObjectMeta), not the CRD's (which only says `type: object`). */
  readonly fromKubernetes?: true;
}

/** One served version of one kind. */
export interface KindSchema {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The version is the storage version. */
  readonly storage: boolean;
  /** The warning the API server returns for a deprecated version, verbatim. */
  readonly deprecationWarning?: string;
  /** The object root: `apiVersion`, `kind`, `metadata`, `spec`, `status`. */
  readonly schema: FieldSchema;
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

type Opts = Omit<FieldSchema, 'type'>;
const str = (o: Opts = {}): FieldSchema => ({ type: 'string', ...o });
const int = (o: Opts = {}): FieldSchema => ({ type: 'integer', ...o });
const bool = (o: Opts = {}): FieldSchema => ({ type: 'boolean', ...o });
const obj = (properties: Record<string, FieldSchema>, o: Opts = {}): FieldSchema => ({ type: 'object', properties, ...o });
const arr = (items: FieldSchema, o: Opts = {}): FieldSchema => ({ type: 'array', items, ...o });
const stringMap = (o: Opts = {}): FieldSchema => ({ type: 'object', additionalProperties: str(), ...o });
const strings = (o: Opts = {}): FieldSchema => arr(str(), o);

const ASN = int({ format: 'int64', minimum: 0, maximum: 4294967295 });
const LOCAL_ASN = int({ format: 'int64', minimum: 1, maximum: 4294967295 });
const int32 = (minimum: number, maximum: number): FieldSchema => int({ format: 'int32', minimum, maximum });

/** `metav1.LabelSelector`. */
const LABEL_SELECTOR = obj({
  matchExpressions: arr(obj({ key: str(), operator: str(), values: strings() }, { required: ['key', 'operator'] })),
  matchLabels: stringMap(),
});

/** The legacy selector of `metallb.io/v1beta1` BGPPeer: `values` is required and non-empty. */
const LEGACY_SELECTOR = obj({
  matchExpressions: arr(obj({ key: str(), operator: str(), values: strings({ minItems: 1 }) }, { required: ['key', 'operator', 'values'] })),
  matchLabels: stringMap(),
});

const CONNECT_TIME_RULES: readonly CelRule[] = [
  { rule: 'duration(self).getSeconds() >= 1 && duration(self).getSeconds() <= 65535', message: 'connect time should be between 1 seconds to 65535' },
  { rule: 'duration(self).getMilliseconds() % 1000 == 0', message: 'connect time should contain a whole number of seconds' },
];
const CONNECT_TIME = str({ goDuration: true, rules: CONNECT_TIME_RULES });
const DURATION = str({ goDuration: true });

/** Kubernetes `ObjectMeta` (json names), which strict field validation checks. */
const OBJECT_META: FieldSchema = obj(
  {
    name: str(),
    generateName: str(),
    namespace: str(),
    selfLink: str(),
    uid: str(),
    resourceVersion: str(),
    generation: int({ format: 'int64' }),
    creationTimestamp: str(),
    deletionTimestamp: str(),
    deletionGracePeriodSeconds: int({ format: 'int64' }),
    labels: stringMap(),
    annotations: stringMap(),
    ownerReferences: arr(
      obj({ apiVersion: str(), kind: str(), name: str(), uid: str(), controller: bool(), blockOwnerDeletion: bool() }, { required: ['apiVersion', 'kind', 'name', 'uid'] }),
    ),
    finalizers: strings(),
    managedFields: arr(obj({}, { open: true })),
  },
  { fromKubernetes: true },
);

function root(spec: FieldSchema, status: FieldSchema = obj({}, { open: true }), required?: readonly string[]): FieldSchema {
  return obj({ apiVersion: str(), kind: str(), metadata: OBJECT_META, spec, status }, required ? { required } : {});
}

// ---------------------------------------------------------------------------------------------
// MetalLB (metallb.io)
// ---------------------------------------------------------------------------------------------

const METALLB_CONFIG = 'metallb internal/config/config.go (peerFromCR)';

const BGPPEER_V1BETA1_SPEC = obj(
  {
    bfdProfile: str(),
    ebgpMultiHop: bool(),
    holdTime: DURATION,
    keepaliveTime: DURATION,
    myASN: ASN,
    nodeSelectors: arr(LEGACY_SELECTOR),
    password: str(),
    peerASN: ASN,
    peerAddress: str(),
    peerPort: int({ minimum: 0, maximum: 16384 }),
    routerID: str(),
    sourceAddress: str(),
  },
  { required: ['myASN', 'peerASN', 'peerAddress'] },
);

const BGPPEER_V1BETA2_SPEC = obj(
  {
    bfdProfile: str(),
    connectTime: CONNECT_TIME,
    disableMP: bool({ default: false, deprecated: 'DisableMP is deprecated in favor of dualStackAddressFamily; the webhook warns "disable mp is deprecated and has no effect"' }),
    dualStackAddressFamily: bool({ default: false }),
    dynamicASN: str({ enum: ['internal', 'external'] }),
    ebgpMultiHop: bool(),
    enableGracefulRestart: bool({
      rules: [{ rule: 'self == oldSelf', message: 'EnableGracefulRestart cannot be changed after creation' }],
      immutable: 'EnableGracefulRestart cannot be changed after creation',
    }),
    holdTime: DURATION,
    interface: str(),
    keepaliveTime: DURATION,
    localASN: LOCAL_ASN,
    myASN: ASN,
    nodeSelectors: arr(LABEL_SELECTOR),
    password: str(),
    passwordSecret: obj({ name: str(), namespace: str() }),
    peerASN: ASN,
    peerAddress: str(),
    peerPort: int({ default: 179, minimum: 1, maximum: 16384 }),
    routerID: str(),
    sourceAddress: str(),
    vrf: str(),
  },
  {
    required: ['myASN'],
    oneOf: [
      { fields: ['peerASN', 'dynamicASN'], rule: 'exactly-one', noneMessage: 'missing peer ASN and dynamicASN', bothMessage: 'both peer ASN and dynamicASN specified', source: METALLB_CONFIG },
      { fields: ['peerAddress', 'interface'], rule: 'exactly-one', noneMessage: 'peer has no Address or Interface specified', bothMessage: 'peer has both Address and Interface specified', source: METALLB_CONFIG },
      { fields: ['password', 'passwordSecret'], rule: 'at-most-one', bothMessage: 'can not have both password and secret ref set in peer config', source: METALLB_CONFIG },
    ],
  },
);

const BFD_SETTINGS: Record<string, FieldSchema> = {
  detectMultiplier: int32(2, 255),
  echoInterval: int32(10, 60000),
  echoMode: bool(),
  minimumTtl: int32(1, 254),
  passiveMode: bool(),
  receiveInterval: int32(10, 60000),
  transmitInterval: int32(10, 60000),
};

const IPADDRESSPOOL_SPEC = obj(
  {
    addresses: strings(),
    autoAssign: bool({ default: true }),
    avoidBuggyIPs: bool({ default: false }),
    serviceAllocation: obj({
      namespaceSelectors: arr(LABEL_SELECTOR),
      namespaces: strings(),
      priority: int(),
      serviceSelectors: arr(LABEL_SELECTOR),
    }),
  },
  { required: ['addresses'] },
);

const IPADDRESSPOOL_STATUS = obj(
  {
    assignedIPv4: int({ format: 'int64' }),
    assignedIPv6: int({ format: 'int64' }),
    availableIPv4: int({ format: 'int64' }),
    availableIPv6: int({ format: 'int64' }),
  },
  { required: ['assignedIPv4', 'assignedIPv6', 'availableIPv4', 'availableIPv6'] },
);

const BGPADVERTISEMENT_SPEC = obj(
  {
    aggregationLength: int({ default: 32, format: 'int32', minimum: 1 }),
    aggregationLengthV6: int({ default: 128, format: 'int32' }),
    communities: strings(),
    ipAddressPoolSelectors: arr(LABEL_SELECTOR),
    ipAddressPools: strings(),
    localPref: int({ format: 'int32' }),
    nodeSelectors: arr(LABEL_SELECTOR),
    peers: strings(),
    serviceSelectors: arr(LABEL_SELECTOR),
  },
  {
    rules: [
      {
        rule: '!has(self.serviceSelectors) || self.serviceSelectors.size() == 0 || ((!has(self.aggregationLength) || self.aggregationLength == 32) && (!has(self.aggregationLengthV6) || self.aggregationLengthV6 == 128))',
        message: 'serviceSelectors and aggregationLength are mutually exclusive, can only be used together with default aggregationLength (32) and aggregationLengthV6 (128)',
      },
    ],
  },
);

const L2ADVERTISEMENT_SPEC = obj({
  interfaces: strings(),
  ipAddressPoolSelectors: arr(LABEL_SELECTOR),
  ipAddressPools: strings(),
  nodeSelectors: arr(LABEL_SELECTOR),
  preferredNodeSelectors: arr(obj({ preference: LABEL_SELECTOR, weight: int32(1, 100) }, { required: ['preference', 'weight'] })),
  serviceSelectors: arr(LABEL_SELECTOR),
});

const COMMUNITY_SPEC = obj({ communities: arr(obj({ name: str(), value: str() })) });

// ---------------------------------------------------------------------------------------------
// frr-k8s (frrk8s.metallb.io)
// ---------------------------------------------------------------------------------------------

const FRRK8S_CONFIG = 'frr-k8s internal/controller/api_to_config.go (neighborToFRR, passwordForNeighbor)';

const RT_EXPORT_RULES: readonly CelRule[] = [
  { rule: "self.split(':').size() == 2", message: 'RT must contain exactly one colon' },
  { rule: "self.split(':').size() != 2 || (isIP(self.split(':')[0]) || self.split(':')[0].matches('[0-9]+'))", message: 'RT global administrator must be either an IPv4 address or a number' },
  { rule: "self.split(':').size() != 2 || self.split(':')[1].matches('[0-9]+')", message: 'RT local administrator must be a number' },
  {
    rule: "self.split(':').size() != 2 || !self.split(':')[0].contains('.') || (self.split(':')[1].matches('[0-9]+') && uint(self.split(':')[1]) <= 65535u)",
    message: 'RT with IPv4 global administrator must have format A.B.C.D:MN where MN <= 65535',
  },
  {
    rule: "self.split(':').size() != 2 || self.split(':')[0].contains('.') || !self.split(':')[0].matches('[0-9]+') || !self.split(':')[1].matches('[0-9]+') || uint(self.split(':')[0]) <= 65535u || uint(self.split(':')[1]) <= 65535u",
    message: 'RT with 4-byte ASN global administrator must have format GHJK:MN where GHJK <= 4294967295 and MN <= 65535',
  },
  {
    rule: "self.split(':').size() != 2 || self.split(':')[0].contains('.') || !self.split(':')[0].matches('[0-9]+') || !self.split(':')[1].matches('[0-9]+') || uint(self.split(':')[0]) > 65535u || uint(self.split(':')[1]) <= 4294967295u",
    message: 'RT with 2-byte ASN global administrator must have format EF:OPQR where EF <= 65535 and OPQR <= 4294967295',
  },
];

const RT_IMPORT_RULES: readonly CelRule[] = [
  { rule: "self.split(':').size() == 2", message: 'RT must contain exactly one colon' },
  {
    rule: "self.split(':').size() != 2 || (self.startsWith('*:') || isIP(self.split(':')[0]) || self.split(':')[0].matches('[0-9]+'))",
    message: "RT global administrator must be either '*', an IPv4 address, or a number",
  },
  { rule: "self.split(':').size() != 2 || self.split(':')[1].matches('[0-9]+')", message: 'RT local administrator must be a number' },
  {
    rule: "self.split(':').size() != 2 || !self.startsWith('*:') || (self.split(':')[1].matches('[0-9]+') && uint(self.split(':')[1]) <= 4294967295u)",
    message: 'RT with wildcard global administrator must have format *:OPQR where OPQR <= 4294967295',
  },
  {
    rule: "self.split(':').size() != 2 || !self.split(':')[0].contains('.') || (self.split(':')[1].matches('[0-9]+') && uint(self.split(':')[1]) <= 65535u)",
    message: 'RT with IPv4 global administrator must have format A.B.C.D:MN where MN <= 65535',
  },
  {
    rule: "self.split(':').size() != 2 || self.startsWith('*:') || self.split(':')[0].contains('.') || !self.split(':')[0].matches('[0-9]+') || !self.split(':')[1].matches('[0-9]+') || uint(self.split(':')[0]) <= 65535u || uint(self.split(':')[1]) <= 65535u",
    message: 'RT with 4-byte ASN global administrator must have format GHJK:MN where GHJK <= 4294967295 and MN <= 65535',
  },
  {
    rule: "self.split(':').size() != 2 || self.startsWith('*:') || self.split(':')[0].contains('.') || !self.split(':')[0].matches('[0-9]+') || !self.split(':')[1].matches('[0-9]+') || uint(self.split(':')[0]) > 65535u || uint(self.split(':')[1]) <= 4294967295u",
    message: 'RT with 2-byte ASN global administrator must have format EF:OPQR where EF <= 65535 and OPQR <= 4294967295',
  },
];

const RD_RULES: readonly CelRule[] = RT_EXPORT_RULES.map((r) => ({ rule: r.rule, message: r.message.replace(/^RT/, 'RD') }));

const VNI = int32(1, 16777215);
const EXPORT_RTS = arr(str({ maxLength: 21, rules: RT_EXPORT_RULES }), { maxItems: 100 });
const IMPORT_RTS = arr(str({ maxLength: 21, rules: RT_IMPORT_RULES }), { maxItems: 100 });
const RD = str({ maxLength: 21, rules: RD_RULES });

const FRR_NEIGHBOR = obj(
  {
    address: str(),
    addressFamilies: arr(str({ enum: ['unicast', 'evpn'] }), { default: ['unicast'], maxItems: 2 }),
    asn: ASN,
    bfdProfile: str(),
    connectTime: CONNECT_TIME,
    disableMP: bool({ default: false, deprecated: 'the webhook warns "disableMP is deprecated, is ignored and will be removed in a future release"' }),
    dualStackAddressFamily: bool({ default: false }),
    dynamicASN: str({ enum: ['internal', 'external'] }),
    ebgpMultiHop: bool(),
    enableGracefulRestart: bool(),
    holdTime: DURATION,
    interface: str(),
    keepaliveTime: DURATION,
    localASN: LOCAL_ASN,
    password: str(),
    passwordSecret: obj({ name: str(), namespace: str() }),
    port: int({ minimum: 0, maximum: 16384 }),
    sourceaddress: str(),
    toAdvertise: obj({
      allowed: obj({ mode: str({ default: 'filtered', enum: ['all', 'filtered'] }), prefixes: strings() }),
      nextHop: obj({ ipv4: str({ format: 'ipv4' }), ipv6: str({ format: 'ipv6' }) }),
      withCommunity: arr(obj({ community: str(), prefixes: strings({ format: 'cidr', minItems: 1 }) })),
      withLocalPref: arr(obj({ localPref: int({ format: 'int32' }), prefixes: strings({ format: 'cidr', minItems: 1 }) })),
    }),
    toReceive: obj({
      allowed: obj({
        mode: str({ default: 'filtered', enum: ['all', 'filtered'] }),
        prefixes: arr(obj({ ge: int32(1, 128), le: int32(1, 128), prefix: str({ format: 'cidr' }) })),
      }),
    }),
  },
  {
    oneOf: [
      { fields: ['asn', 'dynamicASN'], rule: 'exactly-one', noneMessage: 'neighbor %s has no ASN or DynamicASN specified', bothMessage: 'neighbor %s has both ASN and DynamicASN specified', source: FRRK8S_CONFIG },
      { fields: ['address', 'interface'], rule: 'exactly-one', noneMessage: 'neighbor with ASN %s has no address and no interface', bothMessage: 'neighbor %s has both Address and Interface specified', source: FRRK8S_CONFIG },
      { fields: ['password', 'passwordSecret'], rule: 'at-most-one', bothMessage: 'neighbor %s specifies both cleartext password and secret ref', source: FRRK8S_CONFIG },
    ],
  },
);

const FRR_ROUTER = obj(
  {
    asn: ASN,
    evpn: obj({
      advertiseSVI: bool(),
      advertiseVNIs: str({ enum: ['Disabled', 'All'] }),
      l2vnis: arr(obj({ exportRTs: EXPORT_RTS, importRTs: IMPORT_RTS, rd: RD, vni: VNI }, { required: ['vni'] }), { maxItems: 10 }),
      l3vni: obj(
        { advertisePrefixes: arr(str({ enum: ['unicast'] }), { minItems: 1, maxItems: 1 }), exportRTs: EXPORT_RTS, importRTs: IMPORT_RTS, rd: RD, vni: VNI },
        { required: ['advertisePrefixes', 'vni'] },
      ),
    }),
    id: str(),
    imports: arr(obj({ vrf: str() })),
    neighbors: arr(FRR_NEIGHBOR),
    prefixes: strings(),
    vrf: str(),
  },
  { required: ['asn'] },
);

const FRRCONFIGURATION_SPEC = obj({
  bgp: obj({
    bfdProfiles: arr(obj({ name: str(), ...BFD_SETTINGS }, { required: ['name'] })),
    routers: arr(FRR_ROUTER, { maxItems: 50 }),
  }),
  nodeSelector: LABEL_SELECTOR,
  raw: obj({ priority: int(), rawConfig: str() }),
});

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/** Every kind and version grlint validates. */
export const CRD_SCHEMAS: readonly KindSchema[] = [
  {
    group: 'metallb.io',
    version: 'v1beta1',
    kind: 'BGPPeer',
    storage: false,
    deprecationWarning: 'v1beta1 is deprecated, please use v1beta2',
    schema: root(BGPPEER_V1BETA1_SPEC),
  },
  { group: 'metallb.io', version: 'v1beta2', kind: 'BGPPeer', storage: true, schema: root(BGPPEER_V1BETA2_SPEC) },
  { group: 'metallb.io', version: 'v1beta1', kind: 'BFDProfile', storage: true, schema: root(obj(BFD_SETTINGS)) },
  { group: 'metallb.io', version: 'v1beta1', kind: 'IPAddressPool', storage: true, schema: root(IPADDRESSPOOL_SPEC, IPADDRESSPOOL_STATUS, ['spec']) },
  { group: 'metallb.io', version: 'v1beta1', kind: 'BGPAdvertisement', storage: true, schema: root(BGPADVERTISEMENT_SPEC) },
  { group: 'metallb.io', version: 'v1beta1', kind: 'L2Advertisement', storage: true, schema: root(L2ADVERTISEMENT_SPEC) },
  { group: 'metallb.io', version: 'v1beta1', kind: 'Community', storage: true, schema: root(COMMUNITY_SPEC) },
  { group: 'frrk8s.metallb.io', version: 'v1beta1', kind: 'FRRConfiguration', storage: true, schema: root(FRRCONFIGURATION_SPEC) },
];

/** The schema for `apiVersion` (`group/version`) and `kind`, if grlint has one. */
export function kindSchema(apiVersion: string, kind: string): KindSchema | undefined {
  return CRD_SCHEMAS.find((k) => `${k.group}/${k.version}` === apiVersion && k.kind === kind);
}

/** The versions grlint knows for a group and kind (to tell an unknown version from an unknown kind). */
export function knownVersions(group: string, kind: string): readonly string[] {
  return CRD_SCHEMAS.filter((k) => k.group === group && k.kind === kind).map((k) => k.version);
}

/**
 * The schema at a path of field names and list indexes (any number stands for "an item"), or
 * `undefined` when the path leaves the schema (an unknown field) or enters an `open` object.
 */
export function schemaAt(schema: FieldSchema, path: readonly (string | number)[]): FieldSchema | undefined {
  let cur: FieldSchema | undefined = schema;
  for (const step of path) {
    if (!cur || cur.open) return undefined;
    if (typeof step === 'number') cur = cur.type === 'array' ? cur.items : undefined;
    else if (cur.type !== 'object') return undefined;
    else cur = Object.prototype.hasOwnProperty.call(cur.properties ?? {}, step) ? cur.properties![step] : cur.additionalProperties;
  }
  return cur;
}

/**
 * The candidate nearest to `name` for a "did you mean" suggestion: a case-insensitive match first,
 * else the smallest optimal-string-alignment distance if it is at most a third of the name's length
 * (at least 1, at most 3). Ties go to the first candidate. `undefined` when nothing is close.
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = name.toLowerCase();
  const ci = list.find((c) => c.toLowerCase() === lower);
  if (ci !== undefined) return ci;
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of list) {
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = osaDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
function osaDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}
