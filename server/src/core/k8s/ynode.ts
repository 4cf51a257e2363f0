/**
 * Builds the generic {@link YNode} tree from the `yaml` package's document nodes, and small helpers
 * to read it. The tree is plain data with half-open offset ranges into the parsed text.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Range } from '../text/range';
import { StringTable } from '../text/strings';
import type { K8sParseError } from './types';
import type { ScalarStyle, ScalarValue, YAlias, YMap, YMapEntry, YNode, YScalar, YSeq } from './types';

/** Collections nested deeper than this are cut off (Kubernetes objects nest about 15 levels). */
export const MAX_DEPTH = 200;

/** Mapping keys whose values are secrets and never stored. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['password']);

/** The index in {@link STYLES} of each `yaml` scalar type. */
const STYLE_OF: Readonly<Record<string, number>> = {
  [Scalar.PLAIN]: 0,
  [Scalar.QUOTE_SINGLE]: 1,
  [Scalar.QUOTE_DOUBLE]: 2,
  [Scalar.BLOCK_LITERAL]: 3,
  [Scalar.BLOCK_FOLDED]: 4,
};

/** Converts one document's contents. Duplicate keys and cut-off nesting are added to `errors`. */
export function buildTree(text: string, contents: unknown, errors: K8sParseError[]): YNode | null {
  if (contents === null || contents === undefined) return null;
  const b = new TreeBuilder(text, errors);
  return b.node(contents, 0, false, 0);
}

// ---------------------------------------------------------------------------------------------
// Node classes
//
// The tree holds several hundred thousand nodes for a large fabric, so each node keeps its offsets
// inline: `range` (and an entry's `keyRange` and `range`) is computed on each read and returns a new
// object. Constant and rarely present properties (`kind`, `style`, `tag`, ...) live on the prototype
// or behind a getter, so an instance holds only what varies.
// ---------------------------------------------------------------------------------------------

/** Inline offsets of every node built here. */
interface Span {
  readonly start: number;
  readonly end: number;
}

const STYLES: readonly ScalarStyle[] = ['plain', 'single', 'double', 'literal', 'folded'];
const REDACTED = 8;
const FLOW = 1;
const TRUNCATED = 2;

/** Tag, anchor and block layout of a scalar, when it has any. */
interface ScalarMore {
  readonly tag?: string;
  readonly anchor?: string;
  readonly block?: { readonly parentIndent: number; readonly sourceEnd: number };
}

/** A plain scalar whose string value is its source text, without tag or anchor: most keys and values. */
class TextScalar implements YScalar, Span {
  declare readonly kind: 'scalar';
  constructor(
    readonly value: string,
    readonly start: number,
  ) {}
  get end(): number {
    return this.start + this.value.length;
  }
  get source(): string {
    return this.value;
  }
  get style(): ScalarStyle {
    return 'plain';
  }
  get range(): Range {
    return { start: this.start, end: this.start + this.value.length };
  }
  get tag(): string | undefined {
    return undefined;
  }
  get anchor(): string | undefined {
    return undefined;
  }
  get block(): YScalar['block'] {
    return undefined;
  }
  get redacted(): true | undefined {
    return undefined;
  }
}

/** Any other scalar. */
class FullScalar implements YScalar, Span {
  declare readonly kind: 'scalar';
  constructor(
    readonly value: ScalarValue,
    readonly source: string,
    readonly start: number,
    readonly end: number,
    private readonly bits: number,
    private readonly more: ScalarMore | undefined,
  ) {}
  get style(): ScalarStyle {
    return STYLES[this.bits & 7] ?? 'plain';
  }
  get range(): Range {
    return { start: this.start, end: this.end };
  }
  get tag(): string | undefined {
    return this.more?.tag;
  }
  get anchor(): string | undefined {
    return this.more?.anchor;
  }
  get block(): YScalar['block'] {
    return this.more?.block;
  }
  get redacted(): true | undefined {
    return this.bits & REDACTED ? true : undefined;
  }
}

/** Tag and anchor of a collection, when it has any. */
interface Props {
  readonly tag?: string;
  readonly anchor?: string;
}

/** What a block collection without tag or anchor reads like, whether a mapping or a sequence. */
abstract class PlainCollection implements Span {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
  get range(): Range {
    return { start: this.start, end: this.end };
  }
  get flow(): boolean {
    return false;
  }
  get truncated(): true | undefined {
    return undefined;
  }
  get tag(): string | undefined {
    return undefined;
  }
  get anchor(): string | undefined {
    return undefined;
  }
}

/**
 * The getters of any other collection (flow, cut short, tagged or anchored), read from its `bits` and
 * `props`; FullMapNode and FullSeqNode both take them (below the classes).
 */
interface FullCollection {
  readonly bits: number;
  readonly props: Props | undefined;
}

const FULL_GETTERS: PropertyDescriptorMap = {
  flow: {
    get(this: FullCollection): boolean {
      return (this.bits & FLOW) !== 0;
    },
  },
  truncated: {
    get(this: FullCollection): true | undefined {
      return this.bits & TRUNCATED ? true : undefined;
    },
  },
  tag: {
    get(this: FullCollection): string | undefined {
      return this.props?.tag;
    },
  },
  anchor: {
    get(this: FullCollection): string | undefined {
      return this.props?.anchor;
    },
  },
};

/** A block mapping without tag or anchor. */
class MapNode extends PlainCollection implements YMap {
  declare readonly kind: 'map';
  constructor(
    readonly entries: readonly YMapEntry[],
    start: number,
    end: number,
  ) {
    super(start, end);
  }
}

/** Any other mapping: flow, cut short, tagged or anchored (FULL_GETTERS). */
class FullMapNode extends MapNode implements FullCollection {
  constructor(
    entries: readonly YMapEntry[],
    start: number,
    end: number,
    readonly bits: number,
    readonly props: Props | undefined,
  ) {
    super(entries, start, end);
  }
}

function newMap(entries: readonly YMapEntry[], start: number, end: number, bits: number, props: Props | undefined): YMap {
  return bits === 0 && !props ? new MapNode(entries, start, end) : new FullMapNode(entries, start, end, bits, props);
}

/** A block sequence without tag or anchor. */
class SeqNode extends PlainCollection implements YSeq {
  declare readonly kind: 'seq';
  constructor(
    readonly items: readonly YNode[],
    start: number,
    end: number,
  ) {
    super(start, end);
  }
}

/** Any other sequence (FULL_GETTERS). */
class FullSeqNode extends SeqNode implements FullCollection {
  constructor(
    items: readonly YNode[],
    start: number,
    end: number,
    readonly bits: number,
    readonly props: Props | undefined,
  ) {
    super(items, start, end);
  }
}

for (const c of [FullMapNode, FullSeqNode]) Object.defineProperties(c.prototype, FULL_GETTERS);

function newSeq(items: readonly YNode[], start: number, end: number, bits: number, props: Props | undefined): YSeq {
  return bits === 0 && !props ? new SeqNode(items, start, end) : new FullSeqNode(items, start, end, bits, props);
}

class AliasNode implements YAlias, Span {
  declare readonly kind: 'alias';
  constructor(
    readonly name: string,
    readonly start: number,
    readonly end: number,
    readonly target: YNode | undefined,
  ) {}
  get range(): Range {
    return { start: this.start, end: this.end };
  }
}

for (const [c, kind] of [
  [TextScalar, 'scalar'],
  [FullScalar, 'scalar'],
  [MapNode, 'map'],
  [SeqNode, 'seq'],
  [AliasNode, 'alias'],
] as const) {
  Object.defineProperty(c.prototype, 'kind', { value: kind, enumerable: true });
}

/**
 * A mapping entry: its ranges come from the key and value nodes. A key that is a {@link TextScalar}
 * (nearly every key) is not kept as a node: `k` holds its start, and `keyNode` builds a new node on
 * each read. `k` is the key node for other keys, and `-1 - at` for an entry without a key, whose key
 * range is empty at `at`. The value is kept the same way by {@link TextValueEntry}.
 */
class Entry implements YMapEntry {
  constructor(
    readonly key: string,
    private readonly k: number | YNode,
    protected readonly v: YNode | string,
  ) {}
  get value(): YNode {
    return this.v as YNode;
  }
  /** Where the value ends. */
  get valueEnd(): number {
    return spanOf(this.v as YNode).end;
  }
  get keyNode(): YNode | null {
    const k = this.k;
    if (typeof k !== 'number') return k;
    return k >= 0 ? new TextScalar(this.key, k) : null;
  }
  /** True when the key is a scalar (false for a collection or alias key, or no key). */
  get hasScalarKey(): boolean {
    const k = this.k;
    return typeof k === 'number' ? k >= 0 : k.kind === 'scalar';
  }
  /** True when the key is a mapping or a sequence. */
  get hasCollectionKey(): boolean {
    const k = this.k;
    return typeof k !== 'number' && (k.kind === 'map' || k.kind === 'seq');
  }
  /** Where the key starts (a key-less entry: where its value starts). */
  get keyStart(): number {
    const k = this.k;
    return typeof k === 'number' ? (k >= 0 ? k : -1 - k) : spanOf(k).start;
  }
  get keyEnd(): number {
    const k = this.k;
    return typeof k === 'number' ? (k >= 0 ? k + this.key.length : -1 - k) : spanOf(k).end;
  }
  get keyRange(): Range {
    return { start: this.keyStart, end: this.keyEnd };
  }
  get end(): number {
    return Math.max(this.keyEnd, this.valueEnd);
  }
  get range(): Range {
    return { start: this.keyStart, end: this.end };
  }
}

/** An entry whose value is a {@link TextScalar}, kept as its text and start; `value` builds the node on each read. */
class TextValueEntry extends Entry {
  constructor(
    key: string,
    k: number | YNode,
    v: string,
    private readonly vs: number,
  ) {
    super(key, k, v);
  }
  override get value(): YNode {
    return new TextScalar(this.v as string, this.vs);
  }
  override get valueEnd(): number {
    return this.vs + (this.v as string).length;
  }
}

function spanOf(n: YNode): Span {
  return n as unknown as Span;
}

class TreeBuilder {
  private readonly anchors = new Map<string, YNode>();
  private tooDeepReported = false;

  constructor(
    private readonly text: string,
    private readonly errors: K8sParseError[],
  ) {}

  private intern(s: string): string {
    return intern(s);
  }

  private clamp(n: unknown, fallback: number): number {
    if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
    return Math.max(0, Math.min(Math.trunc(n), this.text.length));
  }

  private rangeOf(node: { range?: unknown }, fallback: number): Range {
    const r = Array.isArray(node.range) ? node.range : [];
    const start = this.clamp(r[0], fallback);
    const end = Math.max(start, this.clamp(r[1], start));
    return { start, end };
  }

  node(n: unknown, depth: number, redact: boolean, fallback: number): YNode {
    const built = this.build(n, depth, redact, fallback);
    const anchor = (n as { anchor?: unknown }).anchor;
    if (typeof anchor === 'string' && anchor !== '') this.anchors.set(anchor, built);
    return built;
  }

  private build(n: unknown, depth: number, redact: boolean, fallback: number): YNode {
    if (isScalar(n)) return this.scalar(n, redact, fallback);
    if (isAlias(n)) {
      const range = this.rangeOf(n, fallback);
      const name = String(n.source);
      return new AliasNode(name, range.start, range.end, this.anchors.get(name));
    }
    if (isMap(n) || isSeq(n)) {
      const range = this.rangeOf(n, fallback);
      const props = propsOf(n);
      const flow = n.flow ? FLOW : 0;
      if (depth >= MAX_DEPTH) {
        if (!this.tooDeepReported) {
          this.tooDeepReported = true;
          this.errors.push({ code: 'yaml-too-deep', message: `collections nested deeper than ${MAX_DEPTH} levels are not read`, range, severity: 'warning' });
        }
        return isMap(n) ? newMap([], range.start, range.end, flow | TRUNCATED, props) : newSeq([], range.start, range.end, flow | TRUNCATED, props);
      }
      if (isMap(n)) return this.map(n.items, !!n.flow, range, props, depth, redact);
      const items: YNode[] = [];
      for (const it of n.items) {
        if (isPair(it)) {
          // `[a: 1]`: a single-pair mapping inside a flow sequence.
          const e = this.entry(it, depth + 1, redact, range.start);
          items.push(newMap([e], e.keyStart, e.end, FLOW, undefined));
        } else {
          items.push(this.node(it, depth + 1, redact, range.start));
        }
      }
      const end = !n.flow && items.length > 0 ? Math.max(range.start, spanOf(items[items.length - 1]!).end) : range.end;
      return newSeq(exactSize(items), range.start, end, flow, props);
    }
    // A null node or something unexpected: an empty null scalar.
    return nullScalar(fallback);
  }

  private map(pairs: readonly unknown[], flow: boolean, range: Range, props: Props | undefined, depth: number, redact: boolean): YMap {
    const entries: Entry[] = [];
    const seen = new Set<string>();
    for (const p of pairs) {
      if (!isPair(p)) continue;
      const e = this.entry(p, depth + 1, redact, range.start);
      if (e.hasScalarKey) {
        if (seen.has(e.key)) {
          this.errors.push({ code: 'yaml-duplicate-key', message: `duplicate key "${e.key}"`, range: e.keyRange, severity: 'error' });
        }
        seen.add(e.key);
      }
      entries.push(e);
    }
    // A block mapping's range from `yaml` runs to the next line; end it at its last value instead.
    const end = !flow && entries.length > 0 ? Math.max(range.start, entries[entries.length - 1]!.end) : range.end;
    return newMap(exactSize(entries), range.start, end, flow ? FLOW : 0, props);
  }

  private entry(p: { key: unknown; value: unknown }, depth: number, redact: boolean, fallback: number): Entry {
    // Keys are never secret; only values under a secret key are redacted.
    const keyNode = p.key === null || p.key === undefined ? null : this.node(p.key, depth, false, fallback);
    let keyEnd: number;
    let key = '';
    let k: number | YNode;
    if (keyNode instanceof TextScalar) {
      key = keyNode.value;
      k = keyNode.start;
      keyEnd = keyNode.end;
    } else if (keyNode) {
      const ks = spanOf(keyNode);
      keyEnd = ks.end;
      if (keyNode.kind === 'scalar') {
        key = typeof keyNode.value === 'string' ? keyNode.value : this.intern(this.text.slice(ks.start, ks.end));
      }
      k = keyNode;
    } else {
      const at = isNodeLike(p.value) ? this.rangeOf(p.value, fallback).start : fallback;
      keyEnd = at;
      k = -1 - at;
    }
    const secret = redact || SECRET_KEYS.has(key);
    const value = p.value === null || p.value === undefined ? nullScalar(keyEnd) : this.node(p.value, depth, secret, keyEnd);
    return value instanceof TextScalar ? new TextValueEntry(key, k, value.value, value.start) : new Entry(key, k, value);
  }

  private scalar(n: Scalar, redact: boolean, fallback: number): YScalar {
    const raw = this.rangeOf(n, fallback);
    const style = STYLE_OF[String(n.type)] ?? 0;
    const styleName = STYLES[style];
    let end = raw.end;
    let block: ScalarMore['block'];
    if (styleName === 'literal' || styleName === 'folded') {
      // End the range after the last content character; trailing line breaks belong to the layout.
      while (end > raw.start + 1 && /[\s]/.test(this.text[end - 1]!)) end--;
      const tok = n.srcToken as { type?: unknown; indent?: unknown } | undefined;
      if (tok && tok.type === 'block-scalar' && typeof tok.indent === 'number') {
        block = { parentIndent: tok.indent, sourceEnd: raw.end };
      }
    }
    const start = raw.start;
    const source = this.text.slice(start, end);
    let value: ScalarValue;
    const v: unknown = n.value;
    // A string value equal to its source text is kept as one string (most keys and plain scalars).
    if (typeof v === 'string') value = v === source ? source : v;
    else if (typeof v === 'boolean' || v === null) value = v;
    else if (typeof v === 'number') value = v;
    else if (typeof v === 'bigint') value = Number(v);
    else value = source; // !!binary and other exotic tags: keep the text.
    const props = propsOf(n);
    if (redact) {
      const placeholder: ScalarValue = typeof value === 'string' ? '' : typeof value === 'number' ? 0 : typeof value === 'boolean' ? false : null;
      const r = new FullScalar(placeholder, '', start, end, style | REDACTED, moreOf(props, block));
      SECRETS.set(r, value);
      return r;
    }
    if (typeof value === 'string') value = this.intern(value);
    if (value === source && style === 0 && !props && !block) return new TextScalar(value, start);
    return new FullScalar(value, value === source ? value : this.intern(source), start, end, style, moreOf(props, block));
  }
}

function moreOf(props: Props | undefined, block: ScalarMore['block']): ScalarMore | undefined {
  if (!block) return props;
  return { ...props, block };
}

// Keys and values repeat within a file and across the files of a project (`apiVersion`, label keys,
// namespaces): short strings are kept once (see StringTable: bounded, and detached from the document).
// Secrets are never interned.
const STRINGS = new StringTable(1 << 16);
const MAX_INTERNED_LENGTH = 64;

function intern(s: string): string {
  return s.length > MAX_INTERNED_LENGTH ? s : STRINGS.shared(s);
}

// The real values of redacted scalars, reachable only through the comparisons below, so that no
// tree, view or log line can carry a password.
const SECRETS = new WeakMap<YScalar, ScalarValue>();

/** True when both redacted scalars hold the same value (false when either is not redacted). */
export function sameSecret(a: YScalar, b: YScalar): boolean {
  if (!SECRETS.has(a) || !SECRETS.has(b)) return false;
  return SECRETS.get(a) === SECRETS.get(b);
}

/** True when a redacted scalar holds the empty string. */
export function secretIsEmpty(a: YScalar): boolean {
  return SECRETS.get(a) === '';
}

function isNodeLike(v: unknown): v is { range?: unknown } {
  return typeof v === 'object' && v !== null;
}

/** The tag and anchor of a node, or undefined when it has neither. */
function propsOf(n: { tag?: unknown; anchor?: unknown }): Props | undefined {
  const tag = typeof n.tag === 'string' && n.tag !== '' ? n.tag : undefined;
  const anchor = typeof n.anchor === 'string' && n.anchor !== '' ? n.anchor : undefined;
  if (tag === undefined && anchor === undefined) return undefined;
  const out: { tag?: string; anchor?: string } = {};
  if (tag !== undefined) out.tag = tag;
  if (anchor !== undefined) out.anchor = anchor;
  return out;
}

/**
 * `a` without spare capacity: an array grown by `push` keeps room for at least 16 more elements, and a
 * parse result holds one array per mapping and sequence (most with a handful of entries).
 */
function exactSize<T>(a: T[]): T[] {
  return a.length < 16 ? a.slice() : a;
}

function nullScalar(at: number): YScalar {
  return new FullScalar(null, '', at, at, 0, undefined);
}

// ---------------------------------------------------------------------------------------------
// Reading helpers
// ---------------------------------------------------------------------------------------------

function hasCollectionKey(e: YMapEntry): boolean {
  if (e instanceof Entry) return e.hasCollectionKey;
  const k = e.keyNode;
  return k?.kind === 'map' || k?.kind === 'seq';
}

/** Follows an alias to its anchored node (one step; anchors cannot name aliases). */
export function deref(node: YNode | null | undefined): YNode | undefined {
  if (!node) return undefined;
  if (node.kind === 'alias') return node.target;
  return node;
}

/** The last entry of `map` with key `key` (the one Kubernetes' JSON decoding keeps), if any. */
export function mapEntry(map: YMap | undefined, key: string): YMapEntry | undefined {
  if (!map) return undefined;
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const e = map.entries[i]!;
    if (e.key === key && !hasCollectionKey(e)) return e;
  }
  return undefined;
}

/**
 * The node at a path of keys (strings) and indexes (numbers), following aliases. Returns
 * `undefined` when a step is missing or has the wrong kind.
 */
export function nodeAt(root: YNode | null | undefined, path: readonly (string | number)[]): YNode | undefined {
  let cur = deref(root);
  for (const step of path) {
    if (!cur) return undefined;
    if (typeof step === 'number') {
      if (cur.kind !== 'seq') return undefined;
      cur = deref(cur.items[step]);
    } else {
      if (cur.kind !== 'map') return undefined;
      cur = deref(mapEntry(cur, step)?.value);
    }
  }
  return cur;
}
