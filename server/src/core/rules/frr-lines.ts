/**
 * Shared analysis for the FRR rule family (FRR501-FRR506): every command line of a real or embedded
 * frr.conf matched against the command table in the blocks FRR would run it in, block-structure problems
 * that vtysh rejects, and the neighbor / peer-group definitions bgpd needs before a line uses them.
 * Rendered documents (MetalLB / frr-k8s templates) are never analysed. Computed once per document.
 */
import type { Fix } from '../finding';
import type { CommandMatchResult, CommandSpec, MatchOptions, WordRole } from '../frr/commands';
import { COMMAND_BLOCKS, matchCommand, matchInChain, rangeFor, sinceIn, versionNeeded } from '../frr/commands';
import { nodeAccepts, openedNode, type FrrNode } from '../frr/nodes';
import type { FrrBlock, FrrBlockKind, FrrLine } from '../frr/syntax';
import type { NeighborStatement, RouterBgpView } from '../frr/views';
import { isIpv4, isIpv6 } from '../frr/views';
import { normalizeAddress } from '../model/address';
import type { Model, ModelDoc } from '../model/types';
import { isVersion } from '../model/version';
import { redactSecrets } from '../secrets';
import type { Range } from '../text/range';
import type { RuleContext } from './define';

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

/**
 * matchInChain results by FRR version, block chain (kinds and nodes) and words. The result is plain data
 * that depends on nothing else, and the language server re-lints every line of a file after each edit of
 * it; the cache makes the lines that did not change cost a lookup. Cleared when it grows past
 * MATCH_CACHE_MAX entries (about 10 MB).
 */
const MATCH_CACHE = new Map<string, Map<string, CommandMatchResult>>();
const MATCH_CACHE_MAX = 50_000;
let matchCacheSize = 0;

/** What a match depends on besides the line: version (length-prefixed), block kinds and nodes. */
function matchContext(chain: readonly FrrBlockKind[], version: string | undefined, nodes?: readonly FrrNode[]): string {
  const v = version ?? '';
  return `${nodes ? 'k' : 'n'}${v.length}:${v}|${chain.join(',')}|${nodes ? nodes.join(',') : ''}`;
}

/**
 * `lineText` is the line's command text as written (first to last word): equal texts have equal words.
 * Two map levels, so that no key is a concatenation (flattened for hashing on every lookup).
 */
function cachedMatch(
  words: readonly string[],
  lineText: string,
  chain: readonly FrrBlockKind[],
  version: string | undefined,
  nodes?: readonly FrrNode[],
  context = matchContext(chain, version, nodes),
): CommandMatchResult {
  let lines = MATCH_CACHE.get(context);
  if (!lines) MATCH_CACHE.set(context, (lines = new Map()));
  let r = lines.get(lineText);
  if (!r) {
    const opts: MatchOptions = version !== undefined ? { version } : {};
    // knownFirstWord reads only the block nodes and the words, which are part of the key.
    r = nodes ? matchInChain(words, chain, { ...opts, knownFirstWord: () => nodes.some((n) => nodeAccepts(n, words) || openedNode(n, words) !== undefined) }) : matchInChain(words, chain, opts);
    if (matchCacheSize >= MATCH_CACHE_MAX) {
      for (const m of MATCH_CACHE.values()) m.clear();
      matchCacheSize = 0;
    }
    lines.set(lineText, r);
    matchCacheSize++;
  }
  return r;
}

/**
 * Every FRR-family finding of a document (all codes; each rule takes its own). `model` supplies, for
 * embedded text, the neighbors that MetalLB / frr-k8s render before it.
 */
export function frrFamilyFindings(doc: ModelDoc, model: Model): LineFinding[] {
  let out = CACHE.get(doc);
  if (!out) {
    out = [...lineFindings(doc), ...structureFindings(doc), ...definitionFindings(doc, doc.kind === 'embedded' ? renderedDefinitions(model) : undefined)];
    CACHE.set(doc, out);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------------
// Text helpers.

function wordsOf(line: FrrLine): string[] {
  return line.words.map((w) => w.text);
}

/** The command text of a line, with password values masked. */
function shown(line: FrrLine): string {
  return redactSecrets(wordsOf(line).join(' '));
}

function commandRange(line: FrrLine): Range {
  return { start: line.words[0]!.start, end: line.words[line.words.length - 1]!.end };
}

function wordRange(line: FrrLine, index: number): Range {
  const w = line.words[Math.min(index, line.words.length - 1)]!;
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

function lineFindings(doc: ModelDoc): LineFinding[] {
  const tree = doc.frr.tree;
  const version = docVersion(doc);
  const out: LineFinding[] = [];
  const parseErrorLines = new Set<number>();
  for (const e of tree.errors) {
    const line = tree.lines.find((l) => l.start <= e.range.start && e.range.start < Math.max(l.end, l.start + 1));
    if (line && (e.code === 'stray-closer' || e.code === 'misplaced-address-family')) parseErrorLines.add(line.index);
  }
  let afterTopLevelExit = false;
  // The block chain a line runs in depends only on the block it starts from: computed once per block.
  const chains = new Map<FrrBlock | undefined, { judged: boolean; chain: FrrBlockKind[]; nodes: FrrNode[]; key: string }>();
  const chainFrom = (block: FrrBlock, line: FrrLine): { judged: boolean; chain: FrrBlockKind[]; nodes: FrrNode[]; key: string } => {
    // An opener runs in its parent block (chainOf).
    const start = block.opener === line ? block.parent : block;
    let c = chains.get(start);
    if (!c) {
      const chainBlocks = chainOf(block, line);
      const chain = chainBlocks.map((b) => b.kind);
      const nodes = chainBlocks.map((b) => b.node);
      if (doc.kind === 'embedded' && chain.length === 1) {
        // MetalLB and frr-k8s append raw / extras text without closing their router bgp block, so a top-level
        // line of embedded text may run in router bgp as well.
        chain.unshift('router-bgp');
        nodes.unshift('bgp');
      }
      c = { judged: chainBlocks.every((b) => JUDGED.has(b.kind)), chain, nodes, key: matchContext(chain, version, nodes) };
      chains.set(start, c);
    }
    return c;
  };
  for (const line of tree.lines) {
    if (line.kind !== 'command') continue;
    const words = wordsOf(line);
    const block = tree.blockOfLine[line.index];
    if (!block) continue;
    if (block.kind === 'root' && words.length === 1 && (words[0] === 'exit' || words[0] === 'quit')) {
      // Embedded text is appended inside the rendered router bgp, so its top-level exit leaves that block.
      if (doc.kind !== 'embedded') afterTopLevelExit = true;
      continue;
    }
    if (afterTopLevelExit || parseErrorLines.has(line.index)) continue;
    if (words.length === 1 && CLOSERS.has(words[0]!)) continue;
    const { judged, chain, nodes, key } = chainFrom(block, line);
    if (!judged) continue;
    const known = (): boolean => nodes.some((n) => nodeAccepts(n, words) || openedNode(n, words) !== undefined);
    const r = cachedMatch(words, tree.text.slice(line.contentStart, line.contentEnd), chain, version, nodes, key);
    const f = judge(r, line, words, chain, version, known);
    if (f) out.push(f);
  }
  return out;
}

function judge(
  r: CommandMatchResult,
  line: FrrLine,
  words: readonly string[],
  chain: readonly FrrBlockKind[],
  version: string | undefined,
  known: () => boolean,
): LineFinding | undefined {
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
        const last = line.words[line.words.length - 1]!;
        return {
          code: 'FRR504',
          messageId: 'extra',
          data: { word, command: before },
          range: { start: line.words[r.wordIndex]!.start, end: last.end },
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
      const exitLine = tree.lines.find((l) => l.start <= e.range.start && e.range.start < l.end) ?? tree.lines.find((l) => l.words[0]?.start === e.range.start);
      if (!exitLine) continue;
      // The first line that does something: vtysh 8.x rejects it, 9.0 and later never read it. (A second
      // `exit` there makes vtysh quit, so it is not the line to point at.)
      const next = tree.lines.find((l) => l.index > exitLine.index && l.kind === 'command' && !(l.words.length === 1 && CLOSERS.has(l.words[0]!.text)));
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

function peerKey(s: NeighborStatement): { kind: 'address' | 'name'; key: string } {
  const t = s.target.value;
  if (isIpv4(t)) return { kind: 'address', key: normalizeAddress(t) ?? t };
  if (isIpv6(t) && normalizeAddress(t) !== undefined && !t.includes('%')) return { kind: 'address', key: normalizeAddress(t)! };
  return { kind: 'name', key: t };
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

function definitionFindings(doc: ModelDoc, seeds: Map<string, Seed> | undefined): LineFinding[] {
  const out: LineFinding[] = [];
  const instances = new Map<string, InstanceState>();
  const routers = [...doc.frr.routers].sort((a, b) => a.block.range.start - b.block.range.start);

  // Where each name is first defined (any position), for "defined later" hints.
  const laterDefs = new Map<string, Range>();
  for (const r of routers) {
    for (const s of r.statements) {
      if (s.kind !== 'neighbor' || s.negated) continue;
      const k = `${instanceKey(r)}|${s.target.value}`;
      if ((s.command.kind === 'remote-as' || s.command.kind === 'peer-group-define' || s.command.kind === 'interface') && !laterDefs.has(k)) {
        laterDefs.set(k, s.range);
      }
    }
  }

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
    const defined = (s: NeighborStatement): boolean => {
      const p = peerKey(s);
      return p.kind === 'address' ? inst!.peers.has(p.key) : inst!.groups.has(p.key) || inst!.interfaces.has(p.key);
    };
    const later = (name: string): { range: Range; message: string }[] => {
      const at = laterDefs.get(`${key}|${name}`);
      return at ? [{ range: at, message: `"${name}" is defined here, after its first use` }] : [];
    };
    const groupDefined = (name: string): boolean => inst!.groups.has(name);
    const reportGroup = (name: string, range: Range): void => {
      out.push({ code: 'FRR503', messageId: 'undefined', data: { group: name, instance: inst!.label }, range, related: later(name) });
    };

    const stmts = [...r.statements].sort((a, b) => a.line.start - b.line.start);
    for (const s of stmts) {
      if (s.negated) continue;
      if (s.kind === 'listen-range') {
        if (s.peerGroup && !groupDefined(s.peerGroup.value)) reportGroup(s.peerGroup.value, s.peerGroup.range);
        continue;
      }
      if (s.kind !== 'neighbor') continue;
      const p = peerKey(s);
      const c = s.command;
      // Lines with grammar errors are FRR501's / FRR504's; a definition among them still counts as one, so
      // that one typo does not cascade into errors on every later line.
      if (!validNeighborLine(s, doc)) {
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
            if (!defined(s)) out.push({ code: 'FRR502', messageId: 'undefined', data: { peer: s.target.value, instance: inst.label }, range: s.target.range, related: later(s.target.value) });
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
          if (!defined(s)) {
            out.push({ code: 'FRR502', messageId: 'undefined', data: { peer: s.target.value, instance: inst.label }, range: s.target.range, related: later(s.target.value) });
          }
      }
    }
  }
  return out;
}

/**
 * True when the line is a well-formed neighbor command: a modelled one that matches, or an unmodelled one
 * (FRR looks the neighbor up for every command). Lines with grammar errors are left to FRR501/FRR504.
 */
function validNeighborLine(s: NeighborStatement, doc: ModelDoc): boolean {
  const words = wordsOf(s.line);
  const r = cachedMatch(words, doc.frr.tree.text.slice(s.line.contentStart, s.line.contentEnd), ['router-bgp', 'address-family'], docVersion(doc));
  if (r.kind === 'match') return true;
  if (r.kind === 'near-miss') return false;
  // Unmodelled commands: skip the definition forms grlint reads itself.
  return s.command.kind === 'other' || s.command.kind === 'bfd-other';
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
