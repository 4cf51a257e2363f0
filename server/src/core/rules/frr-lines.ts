/**
 * Shared analysis for the FRR rule family (FRR501-FRR506): every command line of a real or embedded
 * frr.conf matched against the command table in the blocks FRR would run it in, block-structure problems
 * that vtysh rejects, and the neighbor / peer-group definitions bgpd needs before a line uses them.
 * Rendered documents (MetalLB / frr-k8s templates) are never analysed. Computed once per document; the
 * verdicts of lines are cached by their text and context across documents and edits (see Caches below).
 */
import type { Fix } from '../finding';
import type { CommandMatchResult, CommandSpec, MatchOptions, WordRole } from '../frr/commands';
import { COMMAND_BLOCKS, matchCommand, matchInChain, rangeFor, sinceIn, versionNeeded } from '../frr/commands';
import { nodeAccepts, openedNode, type FrrNode } from '../frr/nodes';
import type { FrrBlock, FrrBlockKind, FrrLine, FrrTree } from '../frr/syntax';
import type { NeighborStatement, RouterBgpView } from '../frr/views';
import { isIpv4, isIpv6 } from '../frr/views';
import { normalizeAddress } from '../model/address';
import type { Model, ModelDoc } from '../model/types';
import { isVersion } from '../model/version';
import { redactSecrets } from '../secrets';
import type { Range } from '../text/range';
import type { RuleContext } from './define';
import { commonAffixes } from '../text/affix';
import { detached } from '../text/strings';
import { ContentCache, RecentPasses, type Shelf } from './frr-line-cache';

/** A finding of the FRR family in document coordinates (rules resolve it to the real file). */
export interface LineFinding {
  readonly code: 'FRR501' | 'FRR502' | 'FRR503' | 'FRR504' | 'FRR505' | 'FRR506';
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /** A safe replacement of `range` (FRR504). */
  readonly replacement?: { readonly title: string; readonly range: Range; readonly newText: string };
}

/** Block kinds whose commands grlint knows well enough to judge a line in them. */
const JUDGED: ReadonlySet<FrrBlockKind> = new Set<FrrBlockKind>(['root', 'router-bgp', 'address-family', 'vni', 'interface', 'bfd', 'bfd-peer', 'bfd-profile']);

const CLOSERS = new Set(['exit', 'quit', 'end', 'exit-address-family', 'exit-vrf', 'exit-vni', 'exit-link-params', 'exit-vnc', 'exit-vrf-policy']);
const LONGEST_CLOSER = Math.max(...[...CLOSERS].map((c) => c.length));

/** The documents the FRR family looks at: real frr.conf files and embedded raw/extras text. */
export function frrFamilyDocs(model: Model): ModelDoc[] {
  return model.docs.filter((d) => d.kind === 'frr' || d.kind === 'embedded');
}

/** The FRR version of a document when it is a usable version string. */
export function docVersion(doc: ModelDoc): string | undefined {
  const v = doc.frrVersion?.value;
  return v !== undefined && isVersion(v) ? v.trim() : undefined;
}

const CACHE = new WeakMap<ModelDoc, LineFinding[]>();

// ------------------------------------------------------------------------------------------------------------
// Caches (frr-line-cache.ts). The language server re-lints every line of a file after each edit of it.

/** Entries per generation of each content cache (an entry is about a line of text and a small result). */
const CACHE_LIMIT = 50_000;

/**
 * The finding of a command line (null: none), by line context key, then by the line's command text (from
 * its first to its last word). The finding's offsets are relative to the first word (`rebase` places it),
 * and its strings are detached from the document. Safe because `judge` reads nothing else: the words and
 * their offsets within the command text, the context's block chain and nodes, and the version (in the key).
 */
const LINE_CACHE = new ContentCache<LineFinding | null>(CACHE_LIMIT);

/**
 * The last pass over each document, by document id (see Pass): what the next pass can reuse without
 * hashing line texts.
 */
const PASSES = new RecentPasses<PassRecord>(64, 64 * 1024 * 1024);

/** What a pass over a document recorded, by line index. Offsets fit an Int32Array (texts under 2 GiB). */
interface PassRecord {
  readonly text: string;
  readonly lineCount: number;
  readonly version: string | undefined;
  /** The command range (first word to last) of every line the pass recorded something for. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The id of the context a judged line was judged in; 0 for the other lines. */
  readonly contextIds: Int32Array;
  /** The findings of the judged lines that have one, relative to `starts` (as in LINE_CACHE). */
  readonly findings: Map<number, LineFinding>;
  /** How matchInChain judged a neighbor line (NEIGHBOR_KINDS index + 1); 0 for the other lines. */
  readonly neighborKinds: Uint8Array;
}

const NEIGHBOR_KINDS: readonly CommandMatchResult['kind'][] = ['match', 'near-miss', 'none'];

/**
 * One pass over a document: records what it finds (`record`, stored in PASSES by `finish`), and finds
 * the lines of the last pass that the edit since then left alone. The text before the first changed
 * character is the same in both versions, and so is the text after the last one, moved by the change in
 * length; a line whose command range lies in that text, where the old line with the same index (before
 * the change) or the same index moved by the change in line count (after it) had that same range, has
 * the same command text: the same words at the same relative offsets. Its old verdicts stand when their
 * context (block chain, FRR version) is also the same, which the callers check.
 */
class Pass {
  readonly record: PassRecord;
  /** The record of the last pass over the document, if there was one. */
  readonly old: PassRecord | undefined;
  private readonly prefix: number;
  private readonly suffixStart: number;
  private readonly shift: number;
  private readonly lineShift: number;

  constructor(private readonly doc: ModelDoc) {
    const text = doc.frr.tree.text;
    const n = doc.frr.tree.lines.length;
    const prev = PASSES.get(doc.id);
    this.old = prev;
    const affixes = prev ? commonAffixes(prev.text, text) : undefined;
    this.prefix = affixes ? affixes.prefix : 0;
    this.suffixStart = affixes ? text.length - affixes.suffix : text.length;
    this.shift = prev ? text.length - prev.text.length : 0;
    this.lineShift = prev ? n - prev.lineCount : 0;
    this.record = {
      text,
      lineCount: n,
      version: docVersion(doc),
      starts: new Int32Array(n),
      ends: new Int32Array(n),
      contextIds: new Int32Array(n),
      findings: new Map(),
      neighborKinds: new Uint8Array(n),
    };
  }

  /** The index in the old record of the line whose command text is at [from, to) now, or -1. */
  oldLine(index: number, from: number, to: number): number {
    const prev = this.old;
    if (!prev) return -1;
    let j: number;
    let by: number;
    if (to <= this.prefix) {
      j = index;
      by = 0;
    } else if (from >= this.suffixStart) {
      j = index - this.lineShift;
      by = this.shift;
    } else return -1;
    // A recorded range is never empty, so an unrecorded line (0, 0) never matches.
    return j >= 0 && j < prev.lineCount && prev.starts[j] === from - by && prev.ends[j] === to - by ? j : -1;
  }

  /** How matchInChain judged the old neighbor line `j` under this pass's version, if it did. */
  oldNeighborKind(j: number): CommandMatchResult['kind'] | undefined {
    const prev = this.old!;
    const k = prev.neighborKinds[j]!;
    return k !== 0 && prev.version === this.record.version ? NEIGHBOR_KINDS[k - 1] : undefined;
  }

  setRange(index: number, from: number, to: number): void {
    this.record.starts[index] = from;
    this.record.ends[index] = to;
  }

  finish(): void {
    PASSES.set(this.doc.id, this.record);
  }
}

/**
 * Line contexts by key, so that passes compare contexts by id. Few: one per block chain and version.
 * Ids are never reused, so an id from before a clear matches no context after it.
 */
const CONTEXTS = new Map<string, LineContext>();
const CONTEXTS_LIMIT = 10_000;
let lastContextId = 0;

/** How matchInChain judges a neighbor line in router bgp / address-family, by FRR version, then by command text. */
const NEIGHBOR_LINE_CACHE = new ContentCache<CommandMatchResult['kind']>(CACHE_LIMIT);

/** peerKey by neighbor target text (one context). Depends on the text only. */
const PEER_KEY_CACHE = new ContentCache<PeerKey>(CACHE_LIMIT);

/**
 * Test hook: empties the FRR family's caches and sets the content caches' limit per generation, so that a
 * test can compare a lint with warm caches against a cold one, or make the caches rotate often.
 */
export function resetFrrFamilyCaches(limit = CACHE_LIMIT): void {
  LINE_CACHE.clear(limit);
  PASSES.clear();
  CONTEXTS.clear();
  NEIGHBOR_LINE_CACHE.clear(limit);
  PEER_KEY_CACHE.clear(limit);
}

/** Test hook: the entries in the current generations of the content caches. */
export function frrFamilyCacheEntries(): number {
  return LINE_CACHE.entries + NEIGHBOR_LINE_CACHE.entries + PEER_KEY_CACHE.entries;
}

/** What a line's verdict depends on besides its text: the blocks it runs in and the FRR version. */
interface LineContext {
  /** Unique among the contexts of the process (see CONTEXTS); never 0. */
  readonly id: number;
  /** Version (length-prefixed), block kinds and nodes: the LINE_CACHE context key. */
  readonly key: string;
  /** Block kinds, innermost first. */
  readonly chain: readonly FrrBlockKind[];
  /** The blocks' CLI nodes, innermost first. */
  readonly nodes: readonly FrrNode[];
  readonly version: string | undefined;
}

/** The interned context of `chain` / `nodes` under `version`. */
function lineContext(chain: readonly FrrBlockKind[], nodes: readonly FrrNode[], version: string | undefined): LineContext {
  const v = version ?? '';
  const key = `${v.length}:${v}|${chain.join(',')}|${nodes.join(',')}`;
  let c = CONTEXTS.get(key);
  if (!c) {
    if (CONTEXTS.size >= CONTEXTS_LIMIT) CONTEXTS.clear();
    const k = detached(key);
    c = { id: ++lastContextId, key: k, chain, nodes, version: version === undefined ? undefined : detached(version) };
    CONTEXTS.set(k, c);
  }
  return c;
}

/**
 * The text of a command line, from its first to its last word: equal texts have equal words at equal
 * offsets from the line's `contentStart` (the first word's start).
 */
function commandText(text: string, line: FrrLine): string {
  return line.texts.length === 1 ? line.texts[0]! : text.slice(line.contentStart, line.contentEnd);
}

function shifted(r: Range, by: number): Range {
  return { start: r.start + by, end: r.end + by };
}

/** `f` with every range moved by `by` (line findings have no related locations). */
function rebase(f: LineFinding, by: number): LineFinding {
  const range = shifted(f.range, by);
  return f.replacement ? { ...f, range, replacement: { ...f.replacement, range: shifted(f.replacement.range, by) } } : { ...f, range };
}

/** `f` relative to `base`, with its strings detached from the document (for LINE_CACHE). */
function cacheable(f: LineFinding, base: number): LineFinding {
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.data)) data[k] = typeof v === 'string' ? detached(v) : v;
  const r = rebase({ ...f, data }, -base);
  return r.replacement ? { ...r, replacement: { ...r.replacement, title: detached(r.replacement.title), newText: detached(r.replacement.newText) } } : r;
}

/**
 * Every FRR-family finding of a document (all codes; each rule takes its own). `model` supplies, for
 * embedded text, the neighbors that MetalLB / frr-k8s render before it.
 */
export function frrFamilyFindings(doc: ModelDoc, model: Model): LineFinding[] {
  let out = CACHE.get(doc);
  if (!out) {
    const pass = new Pass(doc);
    out = [...lineFindings(doc, pass), ...structureFindings(doc), ...definitionFindings(doc, doc.kind === 'embedded' ? renderedDefinitions(model) : undefined, pass)];
    pass.finish();
    CACHE.set(doc, out);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------
// Text helpers.

/** The command text of a line, with password values masked. */
function shown(line: FrrLine): string {
  return redactSecrets(line.texts.join(' '));
}

// `line.words` makes the word objects on every read (see FrrLine), so it is read once.
function commandRange(line: FrrLine): Range {
  const w = line.words;
  return { start: w[0]!.start, end: w[w.length - 1]!.end };
}

function wordRange(line: FrrLine, index: number): Range {
  const words = line.words;
  const w = words[Math.min(index, words.length - 1)]!;
  return { start: w.start, end: w.end };
}

/** The kinds of the blocks a line runs in, innermost first (an opener runs in its parent). */
function chainOf(block: FrrBlock, line: FrrLine): FrrBlock[] {
  const chain: FrrBlock[] = [];
  let b: FrrBlock | undefined = block.opener === line ? block.parent : block;
  for (; b; b = b.parent) chain.push(b);
  return chain;
}

function where(kind: FrrBlockKind): string {
  switch (kind) {
    case 'root':
      return 'at the top level';
    case 'router-bgp':
      return 'in a router bgp block';
    case 'address-family':
      return 'in an address-family block';
    case 'interface':
      return 'in an interface block';
    case 'bfd':
      return 'in the bfd block';
    case 'bfd-peer':
      return 'in a bfd peer block';
    case 'bfd-profile':
      return 'in a bfd profile block';
    default:
      return `in a ${kind} block`;
  }
}

/** How a value argument is named in messages: `bgp graceful-restart restart-time`, `timers bgp hold`. */
function valueLabel(spec: CommandSpec, arg: string): string {
  switch (arg) {
    case 'seconds':
    case 'ms':
    case 'ttl':
    case 'multiplier':
      return spec.title;
    case 'asn':
      return `${spec.title} AS number`;
    case 'prefix':
    case 'peerprefix':
      return `${spec.title} prefix`;
    default:
      return `${spec.title} ${arg}`;
  }
}

function expectedValue(placeholders: readonly string[]): string {
  const p = placeholders[0] ?? '';
  if (/^\(\d+-\d+\)$/.test(p)) return `a number ${p.slice(1, -1)}`;
  switch (p) {
    case 'A.B.C.D/M':
      return 'an IPv4 prefix (A.B.C.D/M)';
    case 'X:X::X:X/M':
      return 'an IPv6 prefix (X:X::X:X/M)';
    case 'A.B.C.D':
      return 'an IPv4 address';
    case 'X:X::X:X':
      return 'an IPv6 address';
    case 'ASNUM':
      return 'an AS number';
    default:
      return p || 'a valid value';
  }
}

// ------------------------------------------------------------------------------------------------------------
// Line by line: FRR501, FRR504, FRR505 (misplaced), FRR506.

/**
 * FRR501, FRR504, FRR505 (misplaced) and FRR506 of every command line. Which lines are judged depends on
 * the document (lines after a top-level exit, lines with parse errors); a judged line's finding comes
 * from the last pass over the document (`pass`) or from LINE_CACHE when they have it, moved to where
 * the line is now.
 */
function lineFindings(doc: ModelDoc, pass: Pass): LineFinding[] {
  const tree = doc.frr.tree;
  const text = tree.text;
  const lines = tree.lines;
  const version = docVersion(doc);
  const out: LineFinding[] = [];
  const parseErrorLines = linesWithParseErrors(tree);
  // The records read and written for every line, as locals: the loop runs for every line of the file,
  // also before the engine optimizes it (the first edits after the server starts).
  const { contextIds, starts, ends, findings } = pass.record;
  const old = pass.old;
  LINE_CACHE.trim();

  // The context of a line depends only on the block it starts from: found once per block (null: a chain
  // with a block grlint does not judge). LINE_CACHE shelves are taken on the first miss of a context.
  const contexts = new Map<FrrBlock | undefined, LineContext | null>();
  const contextOf = (start: FrrBlock | undefined, block: FrrBlock, line: FrrLine): LineContext | null => {
    let c = contexts.get(start);
    if (c === undefined) {
      const chainBlocks = chainOf(block, line);
      const chain = chainBlocks.map((b) => b.kind);
      const nodes = chainBlocks.map((b) => b.node);
      if (doc.kind === 'embedded' && chain.length === 1) {
        // MetalLB and frr-k8s append raw / extras text without closing their router bgp block, so a top-level
        // line of embedded text may run in router bgp as well.
        chain.unshift('router-bgp');
        nodes.unshift('bgp');
      }
      c = chainBlocks.every((b) => JUDGED.has(b.kind)) ? lineContext(chain, nodes, version) : null;
      contexts.set(start, c);
    }
    return c;
  };
  const shelves = new Map<LineContext, Shelf<LineFinding | null>>();
  const shelfOf = (c: LineContext): Shelf<LineFinding | null> => {
    let shelf = shelves.get(c);
    if (!shelf) shelves.set(c, (shelf = LINE_CACHE.shelf(c.key)));
    return shelf;
  };

  let afterTopLevelExit = false;
  let lastStart: FrrBlock | undefined | null = null; // null: no line yet
  let context: LineContext | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'command') continue;
    const block = tree.blockOfLine[i];
    if (!block) continue;
    // Only a one-word line can be a closer (the length test spares reading the words of the others).
    const only = line.contentEnd - line.contentStart <= LONGEST_CLOSER && line.texts.length === 1 ? line.texts[0] : undefined;
    if (block.kind === 'root' && (only === 'exit' || only === 'quit')) {
      // Embedded text is appended inside the rendered router bgp, so its top-level exit leaves that block.
      if (doc.kind !== 'embedded') afterTopLevelExit = true;
      continue;
    }
    if (afterTopLevelExit || parseErrorLines?.has(i)) continue;
    if (only !== undefined && CLOSERS.has(only)) continue;
    // An opener runs in its parent block (chainOf).
    const start = block.opener === line ? block.parent : block;
    if (start !== lastStart) {
      lastStart = start;
      context = contextOf(start, block, line);
    }
    if (context === null) continue;

    // The command text: from the first word to the last (line.words is not read: a line moved by an
    // incremental parse makes its word objects on first use).
    const from = line.contentStart;
    const to = line.contentEnd;
    // The old line's finding (null: none) if it was judged in the same context, else LINE_CACHE's.
    const j = pass.oldLine(i, from, to);
    let f: LineFinding | null | undefined;
    if (j >= 0 && old!.contextIds[j] === context.id) f = old!.findings.size === 0 ? null : (old!.findings.get(j) ?? null);
    if (f === undefined) {
      const shelf = shelfOf(context);
      const key = commandText(text, line);
      f = shelf.get(key);
      if (f === undefined) {
        const found = judge(line, line.texts, context);
        f = found ? cacheable(found, from) : null;
        shelf.set(key, f);
      }
    }
    starts[i] = from;
    ends[i] = to;
    contextIds[i] = context.id;
    if (f !== null) {
      findings.set(i, f);
      out.push(rebase(f, from));
    }
  }
  return out;
}

/** Indexes of the lines with a stray closer or a misplaced address-family (left to structureFindings). */
function linesWithParseErrors(tree: FrrTree): Set<number> | undefined {
  let out: Set<number> | undefined;
  for (const e of tree.errors) {
    if (e.code !== 'stray-closer' && e.code !== 'misplaced-address-family') continue;
    const line = lineAt(tree.lines, e.range.start);
    if (line) (out ??= new Set()).add(line.index);
  }
  return out;
}

/** The first line holding `offset` (an empty line holds its start), by binary search over the ordered lines. */
function lineAt(lines: readonly FrrLine[], offset: number): FrrLine | undefined {
  const holds = (l: FrrLine): boolean => l.start <= offset && offset < Math.max(l.end, l.start + 1);
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  let i = lo;
  while (i > 0 && holds(lines[i - 1]!)) i--;
  return lines[i] && holds(lines[i]!) ? lines[i] : undefined;
}

/** The finding of a command line run in `context`, in document offsets. Reads nothing but its arguments. */
function judge(line: FrrLine, words: readonly string[], context: LineContext): LineFinding | undefined {
  const { chain, nodes, version } = context;
  // Whether some FRR command of the line's blocks starts with its words (the nodes, not the table, know it).
  const known = (): boolean => nodes.some((n) => nodeAccepts(n, words) || openedNode(n, words) !== undefined);
  const opts: MatchOptions = version !== undefined ? { version } : {};
  const r = matchInChain(words, chain, { ...opts, knownFirstWord: known });
  if (r.kind === 'match') {
    const need = versionNeeded(r, version);
    if (need === undefined || version === undefined) return undefined;
    const topLevel = r.block === 'root' && r.spec.blocks.includes('router-bgp') && sinceIn(r.spec, 'router-bgp') !== need;
    const kwIndex = tooNewKeywordIndex(r.spec, r.roles, need);
    return {
      code: 'FRR506',
      messageId: topLevel ? 'tooNewTopLevel' : 'tooNew',
      data: { command: shown(line), since: need, version },
      range: kwIndex !== undefined ? wordRange(line, kwIndex) : commandRange(line),
    };
  }
  if (r.kind === 'near-miss') {
    const before = redactSecrets(words.slice(0, r.wordIndex).join(' '));
    // A word after `password` is (part of) a secret: never show it.
    const secret = words.slice(0, r.wordIndex).some((w, i) => i > 0 && w.length >= 2 && 'password'.startsWith(w));
    const word = secret ? '********' : words[r.wordIndex] ?? '';
    switch (r.problem) {
      case 'out-of-range': {
        const what = valueLabel(r.spec, r.arg ?? '');
        if (r.validSince !== undefined && version !== undefined) {
          return { code: 'FRR506', messageId: 'valueTooNew', data: { what, value: word, since: r.validSince, version }, range: wordRange(line, r.wordIndex) };
        }
        const range = r.range ?? rangeFor(r.spec, r.arg ?? '', version);
        return {
          code: 'FRR501',
          messageId: version !== undefined ? 'outOfRangeForVersion' : 'outOfRange',
          data: { what, value: word, min: range?.min ?? '', max: range?.max ?? '', ...(version !== undefined ? { version } : {}) },
          range: wordRange(line, r.wordIndex),
        };
      }
      case 'invalid-value':
        return {
          code: 'FRR501',
          messageId: 'invalid',
          data: { what: valueLabel(r.spec, r.arg ?? ''), value: r.spec.sensitive?.includes(r.arg ?? '') ? '***' : word, expected: expectedValue(r.expected) },
          range: wordRange(line, r.wordIndex),
        };
      case 'unknown-keyword': {
        if (r.suggestion !== undefined) {
          const wr = wordRange(line, r.wordIndex);
          return {
            code: 'FRR504',
            messageId: r.wordIndex === (r.negated ? 1 : 0) ? 'unknownCommand' : 'unknownKeyword',
            data: { word, before, suggestion: r.suggestion },
            range: wr,
            replacement: { title: `Replace "${word}" with "${r.suggestion}"`, range: wr, newText: r.suggestion },
          };
        }
        return {
          code: 'FRR504',
          messageId: 'unexpected',
          data: { word, before, expected: r.expected.map((e) => `"${e}"`).join(', ') },
          range: wordRange(line, r.wordIndex),
        };
      }
      case 'ambiguous':
        return {
          code: 'FRR504',
          messageId: 'ambiguous',
          data: { word, candidates: (r.candidates ?? []).map((c) => `"${c}"`).join(', ') },
          range: wordRange(line, r.wordIndex),
        };
      case 'incomplete':
        return {
          code: 'FRR504',
          messageId: 'incomplete',
          data: { command: shown(line), expected: r.expected.join(' or ') },
          range: commandRange(line),
        };
      case 'extra': {
        const words = line.words;
        return {
          code: 'FRR504',
          messageId: 'extra',
          data: { word, command: before },
          range: { start: words[r.wordIndex]!.start, end: words[words.length - 1]!.end },
        };
      }
    }
  }
  // No command of the line's blocks: a modelled command written in the wrong block is rejected by FRR.
  if (known()) return undefined;
  const first = words[words[0] === 'no' ? 1 : 0];
  if (first === undefined || first === 'address-family') return undefined;
  for (const kind of COMMAND_BLOCKS) {
    if (chain.includes(kind)) continue;
    const m = matchCommand(words, kind, version !== undefined ? { version } : {});
    if (m.kind === 'match' && !m.partial) {
      const home = m.spec.blocks.filter((b) => b !== 'root' || !m.spec.blocks.includes('router-bgp'))[0] ?? kind;
      return { code: 'FRR505', messageId: 'misplaced', data: { command: shown(line), where: where(chain[0]!), expected: where(home) }, range: commandRange(line) };
    }
  }
  return undefined;
}

/** The index of the keyword that makes a match too new (`auto` of `remote-as auto`), if it is not the whole command. */
function tooNewKeywordIndex(spec: CommandSpec, roles: readonly WordRole[], need: string): number | undefined {
  if (spec.since === need) return undefined;
  const m = /([a-z][\w.+-]*)@([\d.]+)/g;
  for (let x = m.exec(spec.syntax); x; x = m.exec(spec.syntax)) {
    if (x[2] !== need) continue;
    const i = roles.findIndex((r) => r.kind === 'keyword' && r.keyword === x![1]);
    if (i >= 0) return i;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------------------
// Block structure: FRR505 from the parser (which walks up from a block as vtysh does).

function structureFindings(doc: ModelDoc): LineFinding[] {
  const tree = doc.frr.tree;
  const out: LineFinding[] = [];
  for (const e of tree.errors) {
    if (e.code === 'stray-closer') {
      out.push({ code: 'FRR505', messageId: 'strayCloser', data: { word: tree.text.slice(e.range.start, e.range.end) }, range: e.range });
    } else if (e.code === 'misplaced-address-family') {
      out.push({ code: 'FRR505', messageId: 'misplacedAddressFamily', data: { command: tree.text.slice(e.range.start, e.range.end) }, range: e.range });
    } else if (e.code === 'top-level-exit' && doc.kind !== 'embedded') {
      const exitLine = tree.lines.find((l) => l.start <= e.range.start && e.range.start < l.end) ?? tree.lines.find((l) => l.kind === 'command' && l.contentStart === e.range.start);
      if (!exitLine) continue;
      // The first line that does something: vtysh 8.x rejects it, 9.0 and later never read it. (A second
      // `exit` there makes vtysh quit, so it is not the line to point at.)
      const next = tree.lines.find((l) => l.index > exitLine.index && l.kind === 'command' && !(l.texts.length === 1 && CLOSERS.has(l.texts[0]!)));
      if (!next) continue;
      out.push({
        code: 'FRR505',
        messageId: 'afterExit',
        data: { command: shown(next), line: exitLine.index + 1 },
        range: commandRange(next),
        related: [{ range: e.range, message: 'the top-level "exit" that ends the configuration' }],
      });
    } else if ((e.code === 'byte-order-mark' || e.code === 'lone-carriage-return') && doc.kind !== 'embedded') {
      // Both change what FRR reads: the BOM becomes part of the first command, a lone CR joins two lines.
      out.push({ code: 'FRR505', messageId: e.code === 'byte-order-mark' ? 'byteOrderMark' : 'loneCarriageReturn', data: {}, range: e.range });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------
// Definitions: FRR502 (neighbor not defined) and FRR503 (peer-group not defined).

/** The instance key of a router block: FRR merges blocks with the same AS and VRF (or view). */
function instanceKey(r: RouterBgpView): string {
  if (r.view) return `view:${r.view.value}`;
  return `vrf:${r.vrf?.value ?? ''}`;
}

function instanceLabel(r: RouterBgpView): string {
  const asn = r.asnText?.value ?? '';
  return `${asn}${r.vrf ? ` vrf ${r.vrf.value}` : ''}${r.view ? ` view ${r.view.value}` : ''}`.trim();
}

/** How bgpd looks a neighbor target up: an address in canonical form, or a name. */
interface PeerKey {
  readonly kind: 'address' | 'name';
  readonly key: string;
}

function peerKey(s: NeighborStatement): PeerKey {
  const t = s.target.value;
  if (isIpv4(t)) return { kind: 'address', key: normalizeAddress(t) ?? t };
  if (isIpv6(t) && normalizeAddress(t) !== undefined && !t.includes('%')) return { kind: 'address', key: normalizeAddress(t)! };
  return { kind: 'name', key: t };
}

/** peerKey through PEER_KEY_CACHE (`shelf`): it depends on the target text only. */
function cachedPeerKey(s: NeighborStatement, shelf: Shelf<PeerKey>): PeerKey {
  let p = shelf.get(s.target.value);
  if (!p) {
    const fresh = peerKey(s);
    p = { kind: fresh.kind, key: detached(fresh.key) };
    shelf.set(s.target.value, p);
  }
  return p;
}

/** `items` ordered by `at`, as a stable sort orders them; `items` itself when it is in order already (the usual case). */
function sortedBy<T>(items: readonly T[], at: (x: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) {
    if (at(items[i - 1]!) > at(items[i]!)) return [...items].sort((a, b) => at(a) - at(b));
  }
  return items;
}

interface InstanceState {
  readonly asn: string | undefined;
  readonly label: string;
  readonly peers: Set<string>;
  readonly groups: Set<string>;
  readonly interfaces: Set<string>;
}

interface Seed {
  readonly peers: Set<string>;
  readonly groups: Set<string>;
  readonly interfaces: Set<string>;
}

// Per model: every embedded document reads the same definitions (definitionFindings copies them).
const RENDERED_DEFINITIONS = new WeakMap<Model, Map<string, Seed>>();

/** Neighbors, peer-groups and interface neighbors defined by every rendered document, by instance key. */
function renderedDefinitions(model: Model): Map<string, Seed> {
  let seeds = RENDERED_DEFINITIONS.get(model);
  if (!seeds) RENDERED_DEFINITIONS.set(model, (seeds = collectRenderedDefinitions(model)));
  return seeds;
}

function collectRenderedDefinitions(model: Model): Map<string, Seed> {
  const seeds = new Map<string, Seed>();
  for (const d of model.docs) {
    if (d.kind !== 'rendered') continue;
    for (const r of d.frr.routers) {
      const key = instanceKey(r);
      let seed = seeds.get(key);
      if (!seed) seeds.set(key, (seed = { peers: new Set(), groups: new Set(), interfaces: new Set() }));
      for (const s of r.statements) {
        if (s.kind !== 'neighbor' || s.negated) continue;
        const p = peerKey(s);
        if (s.command.kind === 'remote-as' && s.command.interface) seed.interfaces.add(s.target.value);
        else if (s.command.kind === 'interface' && p.kind === 'name') seed.interfaces.add(s.target.value);
        else if (s.command.kind === 'peer-group-define') seed.groups.add(s.target.value);
        else if ((s.command.kind === 'remote-as' || s.command.kind === 'peer-group') && p.kind === 'address') seed.peers.add(p.key);
      }
    }
  }
  return seeds;
}

function definitionFindings(doc: ModelDoc, seeds: Map<string, Seed> | undefined, pass: Pass): LineFinding[] {
  const out: LineFinding[] = [];
  const instances = new Map<string, InstanceState>();
  const routers = sortedBy(doc.frr.routers, (r) => r.block.range.start);
  // Where each name is first defined (any position), for "defined later" hints: read when there is a finding.
  let laterDefs: Map<string, Range> | undefined;
  NEIGHBOR_LINE_CACHE.trim();
  PEER_KEY_CACHE.trim();
  const peerKeys = PEER_KEY_CACHE.shelf('');
  const valid = neighborLineValidity(doc, pass);

  for (const r of routers) {
    const key = instanceKey(r);
    let inst = instances.get(key);
    const asn = r.asnText?.value;
    if (!inst) {
      const seed = seeds?.get(key);
      // `router bgp` without an AS number enters an existing instance only.
      if (asn === undefined && !seed) continue;
      inst = { asn, label: instanceLabel(r), peers: new Set(seed?.peers), groups: new Set(seed?.groups), interfaces: new Set(seed?.interfaces) };
      instances.set(key, inst);
    } else if (asn !== undefined && inst.asn !== undefined && asn !== inst.asn) {
      // bgpd refuses a second AS in the same VRF ("BGP is already running"): the block's lines fail anyway.
      continue;
    }
    if (r.asnText && !r.asn) continue; // an AS number FRR rejects: the block does not open
    const defined = (p: PeerKey): boolean => {
      return p.kind === 'address' ? inst!.peers.has(p.key) : inst!.groups.has(p.key) || inst!.interfaces.has(p.key);
    };
    const later = (name: string): { range: Range; message: string }[] => {
      laterDefs ??= firstDefinitions(routers);
      const at = laterDefs.get(`${key}|${name}`);
      return at ? [{ range: at, message: `"${name}" is defined here, after its first use` }] : [];
    };
    const groupDefined = (name: string): boolean => inst!.groups.has(name);
    const reportGroup = (name: string, range: Range): void => {
      out.push({ code: 'FRR503', messageId: 'undefined', data: { group: name, instance: inst!.label }, range, related: later(name) });
    };

    for (const s of sortedBy(r.statements, (x) => x.line.start)) {
      if (s.negated) continue;
      if (s.kind === 'listen-range') {
        if (s.peerGroup && !groupDefined(s.peerGroup.value)) reportGroup(s.peerGroup.value, s.peerGroup.range);
        continue;
      }
      if (s.kind !== 'neighbor') continue;
      const p = cachedPeerKey(s, peerKeys);
      const c = s.command;
      // Lines with grammar errors are FRR501's / FRR504's; a definition among them still counts as one, so
      // that one typo does not cascade into errors on every later line.
      if (!valid(s)) {
        if (c.kind === 'remote-as' && (c.interface || p.kind === 'name')) inst.interfaces.add(s.target.value);
        else if (c.kind === 'remote-as') inst.peers.add(p.key);
        else if (c.kind === 'peer-group-define') inst.groups.add(s.target.value);
        continue;
      }
      switch (c.kind) {
        case 'remote-as': {
          if (c.interface) {
            inst.interfaces.add(s.target.value);
          } else if (p.kind === 'address') {
            inst.peers.add(p.key);
          } else if (!inst.groups.has(p.key) && !inst.interfaces.has(p.key)) {
            out.push({ code: 'FRR502', messageId: 'notAName', data: { peer: s.target.value, instance: inst.label }, range: s.target.range, related: later(s.target.value) });
          }
          break;
        }
        case 'interface': {
          if (p.kind === 'address') {
            if (!defined(p)) out.push({ code: 'FRR502', messageId: 'undefined', data: { peer: s.target.value, instance: inst.label }, range: s.target.range, related: later(s.target.value) });
            break;
          }
          if (c.peerGroup && !groupDefined(c.peerGroup.value)) {
            reportGroup(c.peerGroup.value, c.peerGroup.range);
            break;
          }
          inst.interfaces.add(s.target.value);
          break;
        }
        case 'peer-group-define':
          inst.groups.add(s.target.value);
          break;
        case 'peer-group': {
          if (p.kind === 'name' && !inst.interfaces.has(p.key)) {
            out.push({ code: 'FRR502', messageId: 'notAName', data: { peer: s.target.value, instance: inst.label }, range: s.target.range, related: later(s.target.value) });
            break;
          }
          if (!c.group) break;
          if (!groupDefined(c.group.value)) {
            reportGroup(c.group.value, c.group.range);
            break;
          }
          if (p.kind === 'address') inst.peers.add(p.key);
          break;
        }
        default:
          if (!defined(p)) {
            out.push({ code: 'FRR502', messageId: 'undefined', data: { peer: s.target.value, instance: inst.label }, range: s.target.range, related: later(s.target.value) });
          }
      }
    }
  }
  return out;
}

/** Where each name is first defined in each instance (any position), by `instance key|name`. */
function firstDefinitions(routers: readonly RouterBgpView[]): Map<string, Range> {
  const defs = new Map<string, Range>();
  for (const r of routers) {
    for (const s of r.statements) {
      if (s.kind !== 'neighbor' || s.negated) continue;
      const k = `${instanceKey(r)}|${s.target.value}`;
      if ((s.command.kind === 'remote-as' || s.command.kind === 'peer-group-define' || s.command.kind === 'interface') && !defs.has(k)) {
        defs.set(k, s.range);
      }
    }
  }
  return defs;
}

/**
 * A test of neighbor lines: true when the line is a well-formed neighbor command, a modelled one that
 * matches or an unmodelled one (FRR looks the neighbor up for every command). Lines with grammar errors are
 * left to FRR501/FRR504. How matchInChain judges a line depends on its command text and the version only:
 * it comes from the last pass (`pass`) or NEIGHBOR_LINE_CACHE when they have it.
 */
function neighborLineValidity(doc: ModelDoc, pass: Pass): (s: NeighborStatement) => boolean {
  const text = doc.frr.tree.text;
  const version = pass.record.version;
  const opts: MatchOptions = version !== undefined ? { version } : {};
  // The version is the context of a neighbor line ('' is no version string: isVersion).
  let shelf: Shelf<CommandMatchResult['kind']> | undefined;
  return (s) => {
    const line = s.line;
    const from = line.contentStart;
    const to = line.contentEnd;
    const j = pass.oldLine(line.index, from, to);
    let kind = j >= 0 ? pass.oldNeighborKind(j) : undefined;
    if (kind === undefined) {
      shelf ??= NEIGHBOR_LINE_CACHE.shelf(version ?? '');
      const key = commandText(text, line);
      kind = shelf.get(key);
      if (kind === undefined) {
        kind = matchInChain(line.texts, ['router-bgp', 'address-family'], opts).kind;
        shelf.set(key, kind);
      }
    }
    pass.setRange(line.index, from, to);
    pass.record.neighborKinds[line.index] = NEIGHBOR_KINDS.indexOf(kind) + 1;
    if (kind === 'match') return true;
    if (kind === 'near-miss') return false;
    // Unmodelled commands: skip the definition forms grlint reads itself.
    return s.command.kind === 'other' || s.command.kind === 'bfd-other';
  };
}

/** Reports the findings of one FRR-family code over every real and embedded frr.conf of the project. */
export function reportFrrFamily(ctx: RuleContext, code: LineFinding['code']): void {
  for (const doc of frrFamilyDocs(ctx.model)) {
    for (const f of frrFamilyFindings(doc, ctx.model)) {
      if (f.code !== code) continue;
      const fixes: Fix[] = [];
      if (f.replacement) {
        const e = doc.edit(f.replacement.range, f.replacement.newText);
        if (e) fixes.push({ title: f.replacement.title, applicability: 'safe', edits: [e] });
      }
      ctx.report({
        messageId: f.messageId,
        data: f.data,
        loc: doc.resolve(f.range),
        related: (f.related ?? []).map((r) => ({ loc: doc.resolve(r.range), message: r.message })),
        fixes,
      });
    }
  }
}
