import type { FrrParseError } from './errors';
import { commonAffixes } from '../text/affix';
import { StringTable } from '../text/strings';
import { FRR_PARSE_ERRORS } from './errors';
import { closesNode, isCloserWord, kindOfNode, nodeAccepts, openedNode } from './nodes';
import type { FrrNode } from './nodes';
import type { FrrBlock, FrrLine, FrrLineKind, FrrToken, FrrTree, FrrWord } from './syntax';

/**
 * Parses frr.conf text into lines and FRR's block model. Never throws; time is linear in the input.
 *
 * Indentation is cosmetic to FRR (`cmd_make_strvec` strips it), so it is never used for structure.
 * Only lines whose first non-blank character is `!` or `#` are comments.
 */
export function parseFrr(text: string): FrrTree {
  return buildTree(text, splitLines(text));
}

/**
 * Parses `text`, a new version of the text of `prev`, reusing what the edit did not touch: the lines
 * before the first changed character are `prev`'s own line objects, the lines after the last one are
 * `prev`'s line objects too, moved in place by the change in length and in line count (their words with
 * them), and only the lines in between are split again. The block model is then built over all lines,
 * as `parseFrr` does (it depends on every line before). The result equals `parseFrr(text)` in every field.
 *
 * `prev` is consumed: its moved lines now belong to the result, so `prev` must not be read afterwards
 * (the language server replaces a document's parse with the new one). Moving a line costs a few writes
 * instead of a new object, which keeps an edit of a long file from re-creating all the lines after it.
 * Time is linear in the input with a small constant; the language server calls this per edit.
 */
export function reparseFrr(prev: FrrTree, text: string): FrrTree {
  if (text === prev.text) return prev;
  return buildTree(text, resplitLines(prev.text, prev.lines, text));
}

/**
 * Where a command line goes when it runs in the node chain `path` (the current block's nodes, innermost
 * last): `up` levels above the current block, it closes that block, opens a child of it, or is accepted
 * there; `none` when no node of the chain accepts it.
 */
interface Walk {
  readonly path: string;
  readonly up: number;
  readonly action: 'close' | 'open' | 'accept' | 'none';
  readonly node?: FrrNode;
}

function walkUp(current: FrrBlock, path: string, w: readonly string[]): Walk {
  let up = 0;
  for (let b: FrrBlock | undefined = current; b; b = b.parent, up++) {
    if (closesNode(b.node, w)) return { path, up, action: 'close' };
    const node = openedNode(b.node, w);
    if (node) return { path, up, action: 'open', node };
    if (nodeAccepts(b.node, w)) return { path, up, action: 'accept' };
  }
  return { path, up, action: 'none' };
}

/**
 * Walks as shared objects: a walk depends on the chain of nodes, how far up and what it does there (and
 * the node it opens), and most lines of a file share a handful of them, so keeping one on every line
 * costs no object per line. Bounded like PATHS.
 */
const WALKS = new Map<string, Walk>();

function internWalk(w: Walk): Walk {
  const key = `${w.path} ${w.up} ${w.action} ${w.node ?? ''}`;
  const known = WALKS.get(key);
  if (known !== undefined) return known;
  if (WALKS.size < 10_000) WALKS.set(key, w);
  return w;
}

/** Node chains as one string each (`config>bgp>bgp-ipv4`), interned so that equal chains are one string. */
const PATHS = new Map<string, string>();

function internPath(p: string): string {
  let s = PATHS.get(p);
  if (s === undefined) {
    s = p;
    // Chains are as many as FRR's nesting of nodes allows; the bound only guards against the unexpected.
    if (PATHS.size < 10_000) PATHS.set(p, p);
  }
  return s;
}

/**
 * The block pass's state: the innermost open block and the block of each line. Methods rather than
 * closures made per parse: V8 compiles the pass's loop during the first parse, and code that calls
 * closures of one parse is thrown away when the next parse (the first edit) calls new ones.
 */
class BlockPass {
  current: FrrBlock;

  constructor(
    private readonly root: FrrBlock,
    private readonly blockOfLine: FrrBlock[],
  ) {
    this.current = root;
  }

  addTo(block: FrrBlock, line: FrrLine): void {
    block.lines.push(line);
    this.blockOfLine[line.index] = block;
    extend(block, line);
  }

  /** Closes blocks until `target` is the innermost open block (FRR leaves the inner nodes implicitly). */
  popTo(target: FrrBlock): void {
    while (this.current !== target && this.current.parent) this.current = this.current.parent;
  }

  close(block: FrrBlock, line: FrrLine): void {
    this.popTo(block);
    block.closer = line;
    this.blockOfLine[line.index] = block;
    extend(block, line);
    this.current = block.parent ?? this.root;
  }

  /** Makes `child`, whose opener is `line`, a child of `parent` and the innermost open block. */
  open(parent: FrrBlock, child: FrrBlock, line: FrrLine): void {
    this.popTo(parent);
    parent.children.push(child);
    extend(parent, line);
    this.current = child;
    this.blockOfLine[line.index] = child;
  }
}

function buildTree(text: string, lines: FrrLine[]): FrrTree {
  const errors: FrrParseError[] = [];
  const root: FrrBlock = { kind: 'root', node: 'config', children: [], lines: [], range: { start: 0, end: text.length } };
  const paths = new Map<FrrBlock, string>([[root, 'config']]);
  const blockOfLine: FrrBlock[] = new Array(lines.length);
  /** The first `exit` at the top level, after which vtysh reads no further line. */
  let topLevelExit: FrrLine | undefined;
  let commandAfterExit = false;

  // FRR reads frr.conf bytes as they are: a BOM becomes part of the first line, which FRR then rejects,
  // and a lone CR does not end a line (only `\n` does; `cmd_make_strvec` treats `\r` as a blank).
  // The lines here follow the editor's view, so both are reported.
  if (text.charCodeAt(0) === 0xfeff) {
    errors.push({
      code: 'byte-order-mark',
      message: 'the file starts with a byte order mark, which FRR reads as part of the first line',
      range: { start: 0, end: 1 },
    });
  }
  const loneCr = findLoneCr(text);
  if (loneCr >= 0) {
    errors.push({
      code: 'lone-carriage-return',
      message: 'a carriage return without a line feed ends this line, but FRR reads it and the next line as one',
      range: { start: loneCr, end: loneCr + 1 },
    });
  }

  const pass = new BlockPass(root, blockOfLine);

  for (const line of lines) {
    if (line.kind !== 'command') {
      pass.addTo(pass.current, line);
      continue;
    }
    if (topLevelExit) commandAfterExit = true;
    const w = line.texts;
    const first = w[0]!;

    // vtysh skips `end` lines when it reads frr.conf (FRR 8.4+), so `end` changes nothing.
    if (w.length === 1 && first === 'end') {
      pass.addTo(pass.current, line);
      continue;
    }
    // `exit` (or `quit`) leaves the current node. At the top level vtysh stops reading the file.
    if (w.length === 1 && (first === 'exit' || first === 'quit')) {
      if (pass.current === root) {
        topLevelExit ??= line;
        pass.addTo(root, line);
      } else {
        pass.close(pass.current, line);
      }
      continue;
    }

    // Walk up from the current node as FRR does: the innermost node that accepts the line runs it.
    // Each line keeps its last walk (a moved line takes it along; equal walks are one shared object, see
    // internWalk), so an incremental parse re-places an unchanged line in an unchanged chain of nodes
    // with a comparison, from the first edit on.
    const path = paths.get(pass.current)!;
    let d = line instanceof Line ? line.walk : undefined;
    if (d === undefined || d.path !== path) {
      d = internWalk(walkUp(pass.current, path, w));
      if (line instanceof Line) line.walk = d;
    }
    if (d.action !== 'none') {
      let b = pass.current;
      for (let i = 0; i < d.up; i++) b = b.parent!;
      if (d.action === 'close') {
        pass.close(b, line);
      } else if (d.action === 'accept') {
        pass.popTo(b);
        pass.addTo(b, line);
      } else {
        const node = d.node!;
        const child: FrrBlock = {
          kind: kindOfNode(node),
          node,
          opener: line,
          parent: b,
          children: [],
          lines: [],
          range: { start: line.start, end: line.end },
        };
        pass.open(b, child, line);
        paths.set(child, internPath(`${paths.get(b)!}>${node}`));
        if (node === 'bgp') checkRouterBgpAsn(line, errors);
      }
      continue;
    }

    // No node accepts the line: FRR rejects it and stays in the current node.
    if (w.length === 1 && isCloserWord(first)) {
      errors.push({
        code: 'stray-closer',
        message: `"${first}" with no open block that it closes`,
        range: { start: line.words[0]!.start, end: line.words[0]!.end },
      });
    } else if (first === 'address-family' || (first.length >= 3 && 'address-family'.startsWith(first))) {
      errors.push({
        code: 'misplaced-address-family',
        message: '"address-family" outside a router bgp block',
        range: { start: line.words[0]!.start, end: line.words[w.length - 1]!.end },
      });
    }
    pass.addTo(pass.current, line);
  }
  if (topLevelExit && commandAfterExit) {
    const word = topLevelExit.words[0]!;
    errors.push({
      code: 'top-level-exit',
      message: `"${word.text}" at the top level: FRR ignores every line after it`,
      range: { start: word.start, end: word.end },
    });
  }
  errors.sort((a, b) => a.range.start - b.range.start);
  root.range = { start: 0, end: text.length };
  return { text, lines, root, errors, blockOfLine };
}

/**
 * Offset of the first CR that joins two non-blank lines in FRR's reading, or -1. FRR splits the file at
 * LF only and treats CR as a blank, so a lone CR matters only when there is text on both sides of it
 * before the next LF.
 */
function findLoneCr(text: string): number {
  // Most files have no carriage return at all (indexOf is far faster than the loop).
  if (text.indexOf('\r') < 0) return -1;
  let lineHasText = false;
  let pendingCr = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineHasText = false;
      pendingCr = -1;
    } else if (c === 13) {
      if (lineHasText && pendingCr < 0 && text.charCodeAt(i + 1) !== 10) pendingCr = i;
    } else if (!isSpace(c)) {
      if (pendingCr >= 0) return pendingCr;
      lineHasText = true;
    }
  }
  return -1;
}

/**
 * Extends a block and its ancestors so that their range covers `line`. The blocks are this parse's own
 * (made by `buildTree`, read by nobody yet), so their ranges are extended in place.
 */
function extend(block: FrrBlock, line: FrrLine): void {
  for (let b: FrrBlock | undefined = block; b && b.kind !== 'root'; b = b.parent) {
    if (b.range.end < line.end) (b.range as { end: number }).end = line.end;
  }
}

const ASN_RE = /^(?:\d+|\d+\.\d+)$/;

function checkRouterBgpAsn(line: FrrLine, errors: FrrParseError[]): void {
  const asn = line.words[2];
  if (!asn) return; // `router bgp` without an AS number refers to the only instance.
  if (!ASN_RE.test(asn.text) || !isValidAsn(asn.text)) {
    errors.push({
      code: 'router-bgp-asn',
      message: `"${asn.text}" is not a valid AS number`,
      range: { start: asn.start, end: asn.end },
    });
  }
}

/** True for a plain (1-4294967295) or asdot (1-65535.0-65535) AS number. */
export function isValidAsn(text: string): boolean {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 4294967295 && text.length <= 10;
  }
  const m = /^(\d+)\.(\d+)$/.exec(text);
  if (!m) return false;
  const hi = Number(m[1]);
  const lo = Number(m[2]);
  return m[1]!.length <= 5 && m[2]!.length <= 5 && hi <= 65535 && lo <= 65535 && hi * 65536 + lo >= 1;
}

/** Parses a plain or asdot AS number to its 32-bit value, or undefined. */
export function asnValue(text: string): number | undefined {
  if (!isValidAsn(text)) return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(text);
  return m ? Number(m[1]) * 65536 + Number(m[2]) : Number(text);
}

/** Splits text into lines and words. Handles a BOM, CRLF, lone CR, tabs and a missing final newline. */
export function splitLines(text: string): FrrLine[] {
  const lines: FrrLine[] = [];
  const n = text.length;
  if (n === 0) return [emptyLine(0, 0)];
  let pos = 0;
  while (pos < n) {
    const line = readLine(text, pos, lines.length);
    lines.push(line);
    pos = line.end;
  }
  pushFinalEmptyLine(text, lines);
  return lines;
}

/**
 * The lines of `text`, given `oldLines`, the lines of `oldText` (its previous version). Equal to
 * `splitLines(text)`; the lines outside the changed region are reused (before it) or shifted (after it).
 */
function resplitLines(oldText: string, oldLines: readonly FrrLine[], text: string): FrrLine[] {
  const n = text.length;
  const m = oldText.length;
  if (n === 0 || m === 0 || oldLines.length === 0) return splitLines(text);
  // The common prefix and suffix of the two versions; they do not overlap.
  const { prefix: p, suffix: s } = commonAffixes(oldText, text);
  const delta = n - m;
  // The first line to split again: the one before the line holding the first change, because an
  // inserted LF can join a line ending in a lone CR to its terminator. Lines before it are unchanged.
  let lo = 0;
  let hi = oldLines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (oldLines[mid]!.start <= p) lo = mid;
    else hi = mid - 1;
  }
  const first = Math.max(0, lo - 1);
  // The lines split again, before the result is assembled.
  const mid: FrrLine[] = [];
  let pos = oldLines[first]!.start;
  // From a line start that lies in the common suffix on, the new text splits exactly as the old one
  // did from the matching old line start (splitting only looks forward), so those lines are moved.
  let j = first;
  while (pos < n) {
    if (pos >= n - s) {
      const old = pos - delta;
      while (j < oldLines.length && oldLines[j]!.start < old) j++;
      // Not at the first line of either text, which alone may start with a byte order mark.
      if (j < oldLines.length && oldLines[j]!.start === old && j > 0 && first + mid.length > 0) {
        const head = first + mid.length;
        const shift = head - j;
        // Pushed, as splitLines builds the lines of a first parse: arrays built alike have the same
        // elements kind in V8, so the code it optimized for the lines of the open runs on these too
        // (an array made with `new Array(n)` is holey, and reading one deoptimized that code).
        const lines = oldLines.slice(0, first);
        for (let k = 0; k < mid.length; k++) lines.push(mid[k]!);
        for (let k = j; k < oldLines.length; k++) lines.push(moved(oldLines[k]!, delta, shift));
        return lines;
      }
    }
    const line = readLine(text, pos, first + mid.length);
    mid.push(line);
    pos = line.end;
  }
  const lines = oldLines.slice(0, first);
  for (const l of mid) lines.push(l);
  pushFinalEmptyLine(text, lines);
  return lines;
}

/** `line` moved in place by `delta` characters and `shift` lines (see `reparseFrr`: the old tree is consumed). */
function moved(line: FrrLine, delta: number, shift: number): FrrLine {
  if (line instanceof Line) {
    line.moveBy(delta, shift);
    return line;
  }
  // Not made by this parser (never the case for a tree from parseFrr): an equal line at the new place.
  const offsets: number[] = [];
  for (const w of line.words) offsets.push(w.start - line.start, w.end - line.start);
  return new Line(line.index + shift, line.start + delta, line.contentStart + delta, line.contentEnd + delta, line.end + delta, line.kind, line.texts, offsets);
}

/**
 * A line of a parse result: plain data to its readers. An incremental parse moves a line that the edit
 * did not touch in place (`moveBy`), so that the next version's tree holds the same object.
 *
 * A parse result holds hundreds of thousands of lines (renderings included), so a line keeps its words
 * compactly: their texts (shared, see `intern`) and, only when they are not separated by single spaces
 * from the first non-blank character on (most lines are), the start and end of each word relative to the
 * line's start in one array of small integers. `words` makes the word objects when read (each read a new
 * array: read it once per use). Moving a line does not touch its words.
 */
class Line implements FrrLine {
  /** Where the block pass of an incremental parse placed this line last (see `buildTree`). */
  #walk: Walk | undefined;
  /** Start and end of each word, relative to `start`; SINGLE_SPACED when each word follows the last after one space. */
  readonly #offsets: readonly number[];

  constructor(
    public index: number,
    public start: number,
    public contentStart: number,
    public contentEnd: number,
    public end: number,
    readonly kind: FrrLineKind,
    readonly texts: readonly string[],
    offsets: readonly number[],
  ) {
    this.#offsets = offsets;
  }

  get walk(): Walk | undefined {
    return this.#walk;
  }

  set walk(w: Walk | undefined) {
    this.#walk = w;
  }

  get words(): readonly FrrWord[] {
    const t = this.texts;
    if (t.length === 0) return NO_WORDS;
    const words = new Array<FrrWord>(t.length);
    const o = this.#offsets;
    if (o === SINGLE_SPACED) {
      let at = this.contentStart;
      for (let k = 0; k < t.length; k++) {
        const text = t[k]!;
        words[k] = { text, start: at, end: at + text.length };
        at += text.length + 1;
      }
      return words;
    }
    const base = this.start;
    for (let k = 0; k < t.length; k++) words[k] = { text: t[k]!, start: base + o[2 * k]!, end: base + o[2 * k + 1]! };
    return words;
  }

  /** Moves the line by `delta` characters and `shift` lines (its words' offsets are relative to it). */
  moveBy(delta: number, shift: number): void {
    this.index += shift;
    if (delta === 0) return;
    this.start += delta;
    this.contentStart += delta;
    this.contentEnd += delta;
    this.end += delta;
  }
}

const NO_WORDS: readonly FrrWord[] = Object.freeze([]);
const NO_TEXTS: readonly string[] = Object.freeze([]);
const NO_OFFSETS: readonly number[] = Object.freeze([]);

/** The offsets of a line whose words are separated by single spaces (derived from the texts). */
const SINGLE_SPACED: readonly number[] = Object.freeze([]);

// V8 takes a field that no object of its shape has had written after construction for a constant, and
// the code it optimizes relies on that. The block pass writes `walk` and an incremental parse moves
// lines; the first such write throws that code away in the middle of the open or of the first edit
// (`--trace-deopt`: "dependency change", "code dependencies"). Writing those fields once here, on a
// line nothing keeps, lets V8 know them as mutable before it compiles anything.
{
  const settle = new Line(0, 0, 0, 0, 0, 'blank', NO_TEXTS, NO_OFFSETS);
  settle.moveBy(1, 1);
  settle.walk = { path: 'config', up: 0, action: 'none' };
}

/**
 * Word texts that many lines share (keywords: lower-case letters and hyphens, as FRR's commands are), one
 * string each, and the texts array of a line that is one such word (`exit`, `exit-address-family`).
 * Both are bounded; the parse result is the same whatever they hold, only its size differs.
 */
const KEYWORDS = new StringTable(16_384);
const SINGLE = new Map<string, readonly string[]>();
const SINGLE_LIMIT = 4_096;
const INTERN_MAX_LENGTH = 32;

function intern(t: string): string {
  if (t.length > INTERN_MAX_LENGTH) return t;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 45)) return t;
  }
  return KEYWORDS.shared(t);
}

function singleWord(t: string): readonly string[] {
  const known = SINGLE.get(t);
  if (known !== undefined) return known;
  if (!KEYWORDS.owns(t)) return [t];
  if (SINGLE.size >= SINGLE_LIMIT) SINGLE.clear();
  const one = Object.freeze([t]);
  SINGLE.set(t, one);
  return one;
}

function emptyLine(index: number, at: number): FrrLine {
  return new Line(index, at, at, at, at, 'blank', NO_TEXTS, NO_OFFSETS);
}

// A text ending with a terminator has a final empty line, as editors show it.
function pushFinalEmptyLine(text: string, lines: FrrLine[]): void {
  const n = text.length;
  if (n > 0 && lineEndsWithTerminator(text, n)) {
    lines.push(emptyLine(lines.length, n));
  }
}

/** The line of `text` that starts at `start` (< text.length) and has number `index`. */
function readLine(text: string, start: number, index: number): FrrLine {
  const n = text.length;
  let i = start;
  if (index === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  // Find the end of content.
  let contentEnd = i;
  while (contentEnd < n) {
    const c = text.charCodeAt(contentEnd);
    if (c === 10 || c === 13) break;
    contentEnd++;
  }
  let end = contentEnd;
  if (end < n) {
    if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end += 2;
    else end += 1;
  }
  // FRR skips leading white space (isspace), then splits on spaces and tabs only
  // (`cmd_make_strvec` in lib/command.c), so a vertical tab or form feed inside a line is part of a word.
  let contentStart = i;
  while (contentStart < contentEnd && isSpace(text.charCodeAt(contentStart))) contentStart++;
  const firstChar = text.charCodeAt(contentStart);
  const kind = contentStart === contentEnd ? 'blank' : firstChar === 0x21 /* ! */ || firstChar === 0x23 /* # */ ? 'comment' : 'command';
  if (kind !== 'command') {
    let trimmedEnd = contentEnd;
    while (trimmedEnd > contentStart && isSpace(text.charCodeAt(trimmedEnd - 1))) trimmedEnd--;
    return new Line(index, start, contentStart, trimmedEnd, end, kind, NO_TEXTS, NO_OFFSETS);
  }
  // Count the words first, so that both arrays are allocated at their exact size (a growing array
  // keeps spare capacity, and a parse result holds hundreds of thousands of these).
  let count = 0;
  let j = contentStart;
  while (j < contentEnd) {
    while (j < contentEnd && isSeparator(text.charCodeAt(j))) j++;
    if (j >= contentEnd) break;
    count++;
    while (j < contentEnd && !isSeparator(text.charCodeAt(j))) j++;
  }
  const offsets: number[] = new Array<number>(2 * count);
  let texts: string[] | readonly string[] = new Array<string>(count);
  let singleSpaced = true;
  j = contentStart;
  for (let k = 0; k < count; k++) {
    while (isSeparator(text.charCodeAt(j))) j++;
    const ws = j;
    while (j < contentEnd && !isSeparator(text.charCodeAt(j))) j++;
    (texts as string[])[k] = intern(text.slice(ws, j));
    if (k > 0 && ws !== offsets[2 * k - 1]! + start + 1) singleSpaced = false;
    offsets[2 * k] = ws - start;
    offsets[2 * k + 1] = j - start;
  }
  if (count === 1) texts = singleWord(texts[0]!);
  return new Line(index, start, contentStart, start + offsets[2 * count - 1]!, end, kind, texts, singleSpaced ? SINGLE_SPACED : offsets);
}

function lineEndsWithTerminator(text: string, n: number): boolean {
  const c = text.charCodeAt(n - 1);
  return c === 10 || c === 13;
}

/** White space that FRR skips before a command (C `isspace` without the line terminators). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** Word separators inside a command line. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 9;
}

/** The lexical tokens of a tree, in order; their texts joined give back the input exactly. */
export function frrTokens(tree: FrrTree): FrrToken[] {
  const out: FrrToken[] = [];
  const { text } = tree;
  for (const line of tree.lines) {
    let p = line.start;
    if (line.index === 0 && text.charCodeAt(0) === 0xfeff) {
      out.push({ kind: 'bom', start: 0, end: 1 });
      p = 1;
    }
    // Content region [p, rawContentEnd).
    let rawEnd = line.end;
    while (rawEnd > p && (text.charCodeAt(rawEnd - 1) === 10 || text.charCodeAt(rawEnd - 1) === 13)) rawEnd--;
    if (line.kind === 'comment') {
      if (line.contentStart > p) out.push({ kind: 'whitespace', start: p, end: line.contentStart });
      out.push({ kind: 'comment', start: line.contentStart, end: rawEnd });
    } else {
      let q = p;
      for (const w of line.words) {
        if (w.start > q) out.push({ kind: 'whitespace', start: q, end: w.start });
        out.push({ kind: 'word', start: w.start, end: w.end });
        q = w.end;
      }
      if (rawEnd > q) out.push({ kind: 'whitespace', start: q, end: rawEnd });
    }
    if (line.end > rawEnd) out.push({ kind: 'newline', start: rawEnd, end: line.end });
  }
  return out;
}

export { FRR_PARSE_ERRORS };
