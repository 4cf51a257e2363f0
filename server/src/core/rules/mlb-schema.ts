/**
 * Validates MetalLB and frr-k8s objects against the CRD table of `k8s/schema.ts` by walking their
 * YAML node tree: wrong types, enums, ranges, lengths, item counts and CEL rules (MLB402), unknown
 * fields (MLB403), required fields (MLB404) and the one-of groups the admission webhooks enforce
 * (MLB404, MLB405), plus the few value checks those webhooks add (IP addresses, aggregation lengths,
 * `myASN: 0`). Every issue carries the exact range it is about.
 *
 * Kubernetes conventions followed: a `null` value counts as absent; `status` is ignored on create and
 * update; a one-of field counts as set when its Go value is not the zero value (`peerASN: 0` and
 * `password: ""` are unset, as MetalLB's and frr-k8s's checks read them).
 */
import { kindSchema, knownVersions, schemaAt, type FieldSchema, type FieldType, type KindSchema, type OneOfGroup } from '../k8s/schema';
import type { K8sObject, YMap, YMapEntry, YNode, YScalar, YSeq } from '../k8s/types';
import { FRRK8S_GROUP } from '../k8s/views';
import { deref, mapEntry, nodeAt, secretIsEmpty } from '../k8s/ynode';
import { objectAnchor } from '../model/render';
import type { Range } from '../text/range';
import type { RuleContext } from './define';
import { goParseIP, k8sEntries, objectLabel, type K8sEntry } from './mlb-common';

/** A path of field names and list indexes from the object root. */
export type PathSegments = readonly (string | number)[];

interface IssueBase {
  /** Where the issue is: the path of the field (or of the mapping, for missing fields). */
  readonly path: PathSegments;
  /** The range the finding goes on. */
  readonly at: Range;
}

/** One problem found by {@link checkObject}. */
export type SchemaIssue =
  | (IssueBase & { readonly kind: 'type'; readonly node: YNode; readonly expected: FieldType })
  | (IssueBase & { readonly kind: 'enum'; readonly node: YScalar; readonly allowed: readonly string[] })
  | (IssueBase & { readonly kind: 'minimum' | 'maximum'; readonly node: YScalar; readonly limit: number; readonly value: number })
  | (IssueBase & { readonly kind: 'admission-maximum'; readonly node: YScalar; readonly limit: number; readonly value: number })
  | (IssueBase & { readonly kind: 'max-length'; readonly node: YScalar; readonly limit: number; readonly length: number })
  | (IssueBase & { readonly kind: 'min-items' | 'max-items'; readonly node: YSeq; readonly limit: number; readonly count: number })
  | (IssueBase & { readonly kind: 'cel'; readonly message: string })
  | (IssueBase & { readonly kind: 'ip'; readonly node: YScalar; readonly value: string })
  | (IssueBase & {
      readonly kind: 'unknown';
      readonly key: string;
      readonly entry: YMapEntry;
      readonly map: YMap;
      /** The known field names of the mapping. */
      readonly known: readonly string[];
      /** Another served version of the kind that has this field here (`v1beta2`). */
      readonly otherVersion?: string;
    })
  | (IssueBase & { readonly kind: 'required'; readonly field: string })
  | (IssueBase & { readonly kind: 'zero'; readonly field: string; readonly entry: YMapEntry })
  | (IssueBase & { readonly kind: 'none-of'; readonly group: OneOfGroup })
  | (IssueBase & { readonly kind: 'both-of'; readonly group: OneOfGroup; readonly entries: readonly YMapEntry[] });

/** The result of validating one object. */
export interface ObjectCheck {
  readonly schema: KindSchema;
  readonly issues: readonly SchemaIssue[];
}

/** The schema an object is validated against: its apiVersion and kind, or frr-k8s v1beta1 for inferred objects. */
export function schemaOf(o: K8sObject): KindSchema | undefined {
  if (o.inferred) return o.kind === 'FRRConfiguration' ? kindSchema(`${FRRK8S_GROUP}/v1beta1`, 'FRRConfiguration') : undefined;
  if (!o.apiVersion || !o.kindField) return undefined;
  return kindSchema(o.apiVersion.value, o.kindField.value);
}

const CACHE = new WeakMap<K8sObject, ObjectCheck | null>();

/** Validates an object against its CRD schema; undefined for kinds and versions grlint has no schema for. Never throws. */
export function checkObject(o: K8sObject): ObjectCheck | undefined {
  const cached = CACHE.get(o);
  if (cached !== undefined) return cached ?? undefined;
  const schema = schemaOf(o);
  if (!schema) {
    CACHE.set(o, null);
    return undefined;
  }
  const w = new Walker(o, schema);
  w.walk(o.node, schema.schema, [], objectAnchor(o), undefined);
  const r: ObjectCheck = { schema, issues: w.issues };
  CACHE.set(o, r);
  return r;
}

/** `spec.bgp.routers[0].neighbors[1].asn`. */
export function pathText(path: PathSegments): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/** Who reads an object: `MetalLB` or `frr-k8s`. */
export function controllerOf(o: K8sObject): 'MetalLB' | 'frr-k8s' {
  return o.kind === 'FRRConfiguration' ? 'frr-k8s' : 'MetalLB';
}

/**
 * How a message names the place of an issue: for an FRRConfiguration neighbor or a field of one, the
 * neighbor (`FRRConfiguration "x" neighbor 192.0.2.1`) and the path below it (`''` for the neighbor
 * itself); else the object and the full path.
 */
export function subjectOf(o: K8sObject, path: PathSegments): { readonly label: string; readonly field: string } {
  if (o.kind === 'FRRConfiguration' && path.length >= 6 && path[0] === 'spec' && path[1] === 'bgp' && path[2] === 'routers' && path[4] === 'neighbors') {
    const n = nodeAt(o.node, path.slice(0, 6));
    if (n?.kind === 'map') {
      const target = [mapEntry(n, 'address'), mapEntry(n, 'interface')].map((e) => deref(e?.value)).find((v) => v?.kind === 'scalar' && typeof v.value === 'string' && v.value !== '');
      // A neighbor without an address or interface is named by its path.
      if (target?.kind === 'scalar') return { label: `${objectLabel(o)} neighbor ${String(target.value)}`, field: pathText(path.slice(6)) };
    }
  }
  return { label: objectLabel(o), field: pathText(path) };
}

/** `a string`, `the string "x"`, `the number 1.5`, `a mapping`... for type messages; secrets are never shown. */
export function describeNode(n: YNode): string {
  const d = deref(n);
  if (!d) return 'an alias';
  if (d.kind === 'map') return 'a mapping';
  if (d.kind === 'seq') return 'a list';
  if (d.kind === 'alias') return 'an alias';
  const v = d.value;
  const shown = !d.redacted && d.source.length <= 40;
  if (typeof v === 'string') return shown ? `the string ${JSON.stringify(v)}` : 'a string';
  if (typeof v === 'number') return shown ? `the number ${d.source}` : 'a number';
  if (typeof v === 'boolean') return shown ? `the boolean ${d.source}` : 'a boolean';
  return 'null';
}

/** `a string`, `an integer`, ... */
export function describeType(t: FieldType): string {
  return t === 'integer' ? 'an integer' : t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`;
}

// ---------------------------------------------------------------------------------------------

/** Visiting more nodes than this stops the walk (aliases can make a small text describe a huge tree). */
const MAX_VISITS = 50_000;

// The one-of groups MetalLB's webhook enforces on a v1beta1 BGPPeer after converting it to v1beta2.
const V1BETA2_PEER_GROUPS: readonly OneOfGroup[] = kindSchema('metallb.io/v1beta2', 'BGPPeer')?.schema.properties?.['spec']?.oneOf ?? [];

// `peerFromCR` (metallb internal/config/config.go) and `neighborToFRR` / `addressFamilyForNeighbor`
// (frr-k8s internal/controller/api_to_config.go) parse these with net.ParseIP; an empty string is unset.
const IP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  BGPPeer: ['spec.peerAddress', 'spec.sourceAddress', 'spec.routerID'],
  FRRConfiguration: ['spec.bgp.routers[].neighbors[].address'],
};

// `bgpAdvertisementFromCR` (metallb internal/config/config.go): `invalid aggregation length %q for IPv4/IPv6`.
const ADMISSION_MAXIMUM: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  BGPAdvertisement: { 'spec.aggregationLength': 32, 'spec.aggregationLengthV6': 128 },
};

const BGPADV_CEL =
  '!has(self.serviceSelectors) || self.serviceSelectors.size() == 0 || ((!has(self.aggregationLength) || self.aggregationLength == 32) && (!has(self.aggregationLengthV6) || self.aggregationLengthV6 == 128))';

/**
 * The CEL rules grlint evaluates, by rule text: undefined when the rule holds or cannot be evaluated,
 * else the range to report. Rules not listed here are not evaluated (connectTime's are TMR208's).
 */
const CEL_RULES: Readonly<Record<string, (m: YMap) => Range | undefined>> = {
  [BGPADV_CEL]: (m) => {
    const sel = deref(mapEntry(m, 'serviceSelectors')?.value);
    if (!sel || (sel.kind === 'scalar' && sel.value === null)) return undefined;
    if (sel.kind !== 'seq' || sel.items.length === 0) return undefined;
    for (const [k, def] of [
      ['aggregationLength', 32],
      ['aggregationLengthV6', 128],
    ] as const) {
      const e = mapEntry(m, k);
      const v = deref(e?.value);
      if (!e || !v || v.kind !== 'scalar' || v.value === null) continue;
      if (typeof v.value !== 'number') return undefined;
      if (v.value !== def) return e.value.range;
    }
    return undefined;
  },
};

function genericPath(path: PathSegments): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? '[]' : s === '' ? p : `.${p}`;
  return s;
}

function isNull(n: YNode | undefined): boolean {
  const d = deref(n);
  return !d || (d.kind === 'scalar' && d.value === null);
}

function typeOk(d: YNode, t: FieldType): boolean {
  switch (t) {
    case 'string':
      return d.kind === 'scalar' && typeof d.value === 'string';
    case 'integer':
      return d.kind === 'scalar' && typeof d.value === 'number' && Number.isInteger(d.value);
    case 'boolean':
      return d.kind === 'scalar' && typeof d.value === 'boolean';
    case 'object':
      return d.kind === 'map';
    case 'array':
      return d.kind === 'seq';
  }
}

/**
 * Whether a one-of field is set, as Go reads it: a non-empty string, a non-zero number, `true`, or a
 * secret reference with a name. Undefined when the value has the wrong type (the group is then not judged).
 */
function goSet(n: YNode | undefined, s: FieldSchema | undefined): boolean | undefined {
  if (isNull(n)) return false;
  const d = deref(n)!;
  if (!s || !typeOk(d, s.type)) return undefined;
  // A password is redacted: only whether it is empty is known.
  if (d.kind === 'scalar' && d.redacted) return !secretIsEmpty(d);
  if (d.kind === 'scalar') return d.value !== '' && d.value !== 0 && d.value !== false;
  if (d.kind === 'map') {
    const name = deref(mapEntry(d, 'name')?.value);
    if (isNull(name)) return false;
    return name?.kind === 'scalar' && typeof name.value === 'string' ? name.value !== '' : undefined;
  }
  return d.kind === 'seq' ? d.items.length > 0 : undefined;
}

class Walker {
  readonly issues: SchemaIssue[] = [];
  private visits = 0;

  constructor(
    private readonly o: K8sObject,
    private readonly ks: KindSchema,
  ) {}

  /**
   * Validates `n` against `s`. `anchor` is where a finding about the mapping as a whole goes (the key
   * that holds it, or the identifying value of a list item); `keyRange` is the key of the field.
   */
  walk(n: YNode, s: FieldSchema, path: PathSegments, anchor: Range, keyRange: Range | undefined): void {
    if (++this.visits > MAX_VISITS || s.open) return;
    const d = deref(n);
    if (!d || (d.kind === 'scalar' && d.value === null)) return;
    if (!typeOk(d, s.type)) {
      // A duration written as a number (`holdTime: 90`) is TMR209's; only other types are reported here.
      if (s.goDuration && d.kind === 'scalar' && typeof d.value === 'number') return;
      this.issues.push({ kind: 'type', path, at: n.range, node: n, expected: s.type });
      return;
    }
    // The value of a duration (its syntax, truncation, range and CEL rules) belongs to the TMR rules.
    if (s.goDuration) return;
    const gp = genericPath(path);
    if (d.kind === 'scalar') this.scalar(n, d, s, path, gp);
    else if (d.kind === 'seq') this.seq(n, d, s, path, anchor, keyRange);
    else if (d.kind === 'map') this.map(d, s, path, anchor);
  }

  private scalar(n: YNode, d: YScalar, s: FieldSchema, path: PathSegments, gp: string): void {
    const at = n.range;
    const v = d.value;
    if (typeof v === 'string') {
      if (s.enum && !s.enum.includes(v)) this.issues.push({ kind: 'enum', path, at, node: d, allowed: s.enum });
      // maxLength counts characters (code points), as Go's validator does.
      const length = [...v].length;
      if (s.maxLength !== undefined && length > s.maxLength) this.issues.push({ kind: 'max-length', path, at, node: d, limit: s.maxLength, length });
      if (v !== '' && IP_FIELDS[this.o.kind]?.includes(gp) && !goParseIP(v)) this.issues.push({ kind: 'ip', path, at, node: d, value: v });
    } else if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) this.issues.push({ kind: 'minimum', path, at, node: d, limit: s.minimum, value: v });
      else if (s.maximum !== undefined && v > s.maximum) this.issues.push({ kind: 'maximum', path, at, node: d, limit: s.maximum, value: v });
      else {
        const max = ADMISSION_MAXIMUM[this.o.kind]?.[gp];
        if (max !== undefined && v > max) this.issues.push({ kind: 'admission-maximum', path, at, node: d, limit: max, value: v });
      }
    }
  }

  private seq(n: YNode, d: YSeq, s: FieldSchema, path: PathSegments, anchor: Range, keyRange: Range | undefined): void {
    const at = keyRange ?? n.range;
    if (s.minItems !== undefined && d.items.length < s.minItems) this.issues.push({ kind: 'min-items', path, at, node: d, limit: s.minItems, count: d.items.length });
    if (s.maxItems !== undefined && d.items.length > s.maxItems) this.issues.push({ kind: 'max-items', path, at, node: d, limit: s.maxItems, count: d.items.length });
    if (!s.items) return;
    d.items.forEach((it, i) => this.walk(it, s.items!, [...path, i], itemAnchor(it) ?? anchor, undefined));
  }

  private map(d: YMap, s: FieldSchema, path: PathSegments, anchor: Range): void {
    const props = s.properties ?? {};
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(props, k);
    for (const e of d.entries) {
      if (e.keyNode && e.keyNode.kind !== 'scalar') continue;
      // `status` is reset by the API server on create and update (status subresource).
      if (path.length === 0 && e.key === 'status') continue;
      const child = has(e.key) ? props[e.key]! : s.additionalProperties;
      if (child) {
        this.walk(e.value, child, [...path, e.key], e.keyRange, e.keyRange);
        continue;
      }
      const other = this.otherVersionWith([...path, e.key]);
      this.issues.push({
        kind: 'unknown',
        path: [...path, e.key],
        at: e.keyRange,
        key: e.key,
        entry: e,
        map: d,
        known: Object.keys(props),
        ...(other ? { otherVersion: other } : {}),
      });
    }
    const reported = new Set<string>();
    for (const r of s.required ?? []) {
      if (!isNull(mapEntry(d, r)?.value)) continue;
      reported.add(r);
      this.issues.push({ kind: 'required', path, at: anchor, field: r });
    }
    this.admission(d, path, reported);
    for (const g of this.groupsAt(path, s)) {
      const states = g.fields.map((f) => goSet(mapEntry(d, f)?.value, has(f) ? props[f] : undefined));
      if (states.some((x) => x === undefined)) continue;
      const set = g.fields.filter((_, i) => states[i]);
      if (set.length === 0 && g.rule === 'exactly-one' && !g.fields.some((f) => reported.has(f))) {
        // A group cut down to one field (v1beta1) is a zero value of that field (`peerASN: 0`).
        const only = g.fields.length === 1 ? mapEntry(d, g.fields[0]!) : undefined;
        if (only) this.issues.push({ kind: 'zero', path: [...path, g.fields[0]!], at: only.value.range, field: g.fields[0]!, entry: only });
        else if (g.fields.length > 1) this.issues.push({ kind: 'none-of', path, at: anchor, group: g });
      } else if (set.length >= 2) {
        const entries = set.map((f) => mapEntry(d, f)!).sort((a, b) => a.keyRange.start - b.keyRange.start);
        this.issues.push({ kind: 'both-of', path, at: entries[entries.length - 1]!.keyRange, group: g, entries });
      }
    }
    for (const rule of s.rules ?? []) {
      const evalRule = CEL_RULES[rule.rule];
      const at = evalRule?.(d);
      if (at) this.issues.push({ kind: 'cel', path, at, message: rule.message });
    }
  }

  /** The one-of groups at a path: the schema's, and v1beta2's for a v1beta1 BGPPeer (MetalLB converts it first). */
  private groupsAt(path: PathSegments, s: FieldSchema): readonly OneOfGroup[] {
    if (this.o.kind === 'BGPPeer' && this.ks.version === 'v1beta1' && path.length === 1 && path[0] === 'spec') {
      // v1beta1 has no dynamicASN, interface or passwordSecret: only the fields it has take part.
      const props = s.properties ?? {};
      return V1BETA2_PEER_GROUPS.map((g) => ({ ...g, fields: g.fields.filter((f) => Object.prototype.hasOwnProperty.call(props, f)) })).filter(
        (g) => g.rule === 'exactly-one' && g.fields.length > 0,
      );
    }
    return s.oneOf ?? [];
  }

  /** Webhook checks of required values beyond the CRD: `myASN: 0` is `missing local ASN` (MetalLB peerFromCR). */
  private admission(d: YMap, path: PathSegments, reported: Set<string>): void {
    if (this.o.kind !== 'BGPPeer') return;
    // A BGPPeer without a spec has myASN 0 for MetalLB: `missing local ASN`.
    if (path.length === 0 && isNull(mapEntry(d, 'spec')?.value)) {
      this.issues.push({ kind: 'required', path: ['spec'], at: objectAnchor(this.o), field: 'myASN' });
      return;
    }
    if (path.length !== 1 || path[0] !== 'spec') return;
    const e = mapEntry(d, 'myASN');
    const v = deref(e?.value);
    if (e && v?.kind === 'scalar' && v.value === 0) {
      reported.add('myASN');
      this.issues.push({ kind: 'zero', path: [...path, 'myASN'], at: e.value.range, field: 'myASN', entry: e });
    }
  }

  /** Another served version of this kind whose schema has a field at `path`. */
  private otherVersionWith(path: PathSegments): string | undefined {
    for (const v of knownVersions(this.ks.group, this.ks.kind)) {
      if (v === this.ks.version) continue;
      const other = kindSchema(`${this.ks.group}/${v}`, this.ks.kind);
      if (other && schemaAt(other.schema, path)) return v;
    }
    return undefined;
  }
}

// Where a finding about a list item as a whole goes: its identifying value (name, address, interface),
// else its first key, else the item.
function itemAnchor(n: YNode): Range | undefined {
  const d = deref(n);
  if (d?.kind !== 'map') return n.range;
  for (const k of ['name', 'address', 'interface']) {
    const e = mapEntry(d, k);
    if (e && !isNull(e.value)) return e.value.range;
  }
  return d.entries[0]?.keyRange ?? d.range;
}

/** An issue of one object, with the object's entry. */
export interface LocatedIssue<K extends SchemaIssue['kind']> {
  readonly entry: K8sEntry;
  readonly issue: Extract<SchemaIssue, { kind: K }>;
}

// Kinds that judge what is missing: silent when the YAML document has errors, since the missing
// part may be in the text the reader could not read.
const COMPLETENESS: ReadonlySet<SchemaIssue['kind']> = new Set(['required', 'none-of']);

function extentEnd(i: SchemaIssue): number {
  if (i.kind === 'unknown') return i.entry.range.end;
  if (i.kind === 'both-of') return Math.max(...i.entries.map((e) => e.range.end));
  if (i.kind === 'zero') return i.entry.range.end;
  return i.at.end;
}

/**
 * The schema issues of the given kinds over every object of the project MetalLB or frr-k8s would
 * read. In a document with YAML errors, only issues that lie wholly before the first error are kept,
 * and completeness issues (missing fields) are dropped.
 */
export function projectIssues<K extends SchemaIssue['kind']>(ctx: RuleContext, kinds: readonly K[]): LocatedIssue<K>[] {
  const want = new Set<SchemaIssue['kind']>(kinds);
  const out: LocatedIssue<K>[] = [];
  for (const entry of k8sEntries(ctx)) {
    const c = checkObject(entry.o);
    if (!c) continue;
    for (const issue of c.issues) {
      if (!want.has(issue.kind)) continue;
      if (entry.o.hasErrors && (COMPLETENESS.has(issue.kind) || extentEnd(issue) > entry.cutoff)) continue;
      out.push({ entry, issue: issue as Extract<SchemaIssue, { kind: K }> });
    }
  }
  return out;
}
