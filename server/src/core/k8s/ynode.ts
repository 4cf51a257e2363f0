/**
 * Builds the generic {@link YNode} tree from the `yaml` package's document nodes, and small helpers
 * to read it. The tree is plain data with half-open offset ranges into the parsed text.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Range } from '../text/range';
import type { K8sParseError } from './types';
import type { ScalarStyle, ScalarValue, YAlias, YMap, YMapEntry, YNode, YScalar, YSeq } from './types';

/** Collections nested deeper than this are cut off (Kubernetes objects nest about 15 levels). */
export const MAX_DEPTH = 200;

/** Mapping keys whose values are secrets and never stored. */
const SECRET_KEYS: ReadonlySet<string> = new Set(['password']);

const STYLE_OF: Readonly<Record<string, ScalarStyle>> = {
  [Scalar.PLAIN]: 'plain',
  [Scalar.QUOTE_SINGLE]: 'single',
  [Scalar.QUOTE_DOUBLE]: 'double',
  [Scalar.BLOCK_LITERAL]: 'literal',
  [Scalar.BLOCK_FOLDED]: 'folded',
};

/** Converts one document's contents. Duplicate keys and cut-off nesting are added to `errors`. */
export function buildTree(text: string, contents: unknown, errors: K8sParseError[]): YNode | null {
  if (contents === null || contents === undefined) return null;
  const b = new TreeBuilder(text, errors);
  return b.node(contents, 0, false, 0);
}

class TreeBuilder {
  private readonly anchors = new Map<string, YNode>();
  private tooDeepReported = false;

  constructor(
    private readonly text: string,
    private readonly errors: K8sParseError[],
  ) {}

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
      const target = this.anchors.get(name);
      const a: YAlias = target ? { kind: 'alias', name, range, target } : { kind: 'alias', name, range };
      return a;
    }
    if (isMap(n) || isSeq(n)) {
      const range = this.rangeOf(n, fallback);
      const props = propsOf(n);
      if (depth >= MAX_DEPTH) {
        if (!this.tooDeepReported) {
          this.tooDeepReported = true;
          this.errors.push({ code: 'yaml-too-deep', message: `collections nested deeper than ${MAX_DEPTH} levels are not read`, range, severity: 'warning' });
        }
        return isMap(n)
          ? { kind: 'map', entries: [], range, flow: !!n.flow, truncated: true, ...props }
          : { kind: 'seq', items: [], range, flow: !!n.flow, truncated: true, ...props };
      }
      if (isMap(n)) return this.map(n.items, !!n.flow, range, props, depth, redact);
      const items: YNode[] = [];
      for (const it of n.items) {
        if (isPair(it)) {
          // `[a: 1]`: a single-pair mapping inside a flow sequence.
          const e = this.entry(it, depth + 1, redact, range.start);
          items.push({ kind: 'map', entries: [e], range: e.range, flow: true });
        } else {
          items.push(this.node(it, depth + 1, redact, range.start));
        }
      }
      const end = !n.flow && items.length > 0 ? Math.max(range.start, items[items.length - 1]!.range.end) : range.end;
      const s: YSeq = { kind: 'seq', items: exactSize(items), range: { start: range.start, end }, flow: !!n.flow, ...props };
      return s;
    }
    // A null node or something unexpected: an empty null scalar.
    return nullScalar(fallback);
  }

  private map(pairs: readonly unknown[], flow: boolean, range: Range, props: { tag?: string; anchor?: string }, depth: number, redact: boolean): YMap {
    const entries: YMapEntry[] = [];
    const seen = new Set<string>();
    for (const p of pairs) {
      if (!isPair(p)) continue;
      const e = this.entry(p, depth + 1, redact, range.start);
      if (e.keyNode?.kind === 'scalar') {
        if (seen.has(e.key)) {
          this.errors.push({ code: 'yaml-duplicate-key', message: `duplicate key "${e.key}"`, range: e.keyRange, severity: 'error' });
        }
        seen.add(e.key);
      }
      entries.push(e);
    }
    // A block mapping's range from `yaml` runs to the next line; end it at its last value instead.
    const end = !flow && entries.length > 0 ? Math.max(range.start, entries[entries.length - 1]!.range.end) : range.end;
    return { kind: 'map', entries: exactSize(entries), range: { start: range.start, end }, flow, ...props };
  }

  private entry(p: { key: unknown; value: unknown }, depth: number, redact: boolean, fallback: number): YMapEntry {
    // Keys are never secret; only values under a secret key are redacted.
    const keyNode = p.key === null || p.key === undefined ? null : this.node(p.key, depth, false, fallback);
    let keyRange: Range;
    let key = '';
    if (keyNode) {
      keyRange = keyNode.range;
      if (keyNode.kind === 'scalar') {
        key = typeof keyNode.value === 'string' ? keyNode.value : this.text.slice(keyRange.start, keyRange.end);
      }
    } else {
      const at = isNodeLike(p.value) ? this.rangeOf(p.value, fallback).start : fallback;
      keyRange = { start: at, end: at };
    }
    const secret = redact || SECRET_KEYS.has(key);
    const value = p.value === null || p.value === undefined ? nullScalar(keyRange.end) : this.node(p.value, depth, secret, keyRange.end);
    return { key, keyNode, keyRange, value, range: { start: keyRange.start, end: Math.max(keyRange.end, value.range.end) } };
  }

  private scalar(n: Scalar, redact: boolean, fallback: number): YScalar {
    const raw = this.rangeOf(n, fallback);
    const style = STYLE_OF[String(n.type)] ?? 'plain';
    let range = raw;
    let block: YScalar['block'];
    if (style === 'literal' || style === 'folded') {
      // End the range after the last content character; trailing line breaks belong to the layout.
      let end = raw.end;
      while (end > raw.start + 1 && /[\s]/.test(this.text[end - 1]!)) end--;
      range = { start: raw.start, end };
      const tok = n.srcToken as { type?: unknown; indent?: unknown } | undefined;
      if (tok && tok.type === 'block-scalar' && typeof tok.indent === 'number') {
        block = { parentIndent: tok.indent, sourceEnd: raw.end };
      }
    }
    const source = this.text.slice(range.start, range.end);
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
      const r: YScalar = { kind: 'scalar', value: placeholder, source: '', style, range, redacted: true, ...props, ...(block ? { block } : {}) };
      SECRETS.set(r, value);
      return r;
    }
    return { kind: 'scalar', value, source, style, range, ...props, ...(block ? { block } : {}) };
  }
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

function propsOf(n: { tag?: unknown; anchor?: unknown }): { tag?: string; anchor?: string } {
  const out: { tag?: string; anchor?: string } = {};
  if (typeof n.tag === 'string' && n.tag !== '') out.tag = n.tag;
  if (typeof n.anchor === 'string' && n.anchor !== '') out.anchor = n.anchor;
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
  return { kind: 'scalar', value: null, source: '', style: 'plain', range: { start: at, end: at } };
}

// ---------------------------------------------------------------------------------------------
// Reading helpers
// ---------------------------------------------------------------------------------------------

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
    if (e.key === key && e.keyNode?.kind !== 'map' && e.keyNode?.kind !== 'seq') return e;
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
