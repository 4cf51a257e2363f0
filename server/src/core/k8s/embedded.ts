/**
 * frr.conf text embedded in a YAML scalar (`spec.raw.rawConfig`, `data.extras`): the decoded text,
 * an exact map from every offset of it to an offset of the YAML file, and the reverse for edits.
 *
 * The decoders below follow the `yaml` package's own scalar resolution (compose/resolve-block-scalar
 * and resolve-flow-scalar) step by step, recording where each decoded character came from. The
 * result is compared with the value `yaml` computed; only when they agree is the map `exact`.
 */
import { isScalar, parseAllDocuments, visit } from 'yaml';
import type { TextEdit } from '../text/edit';
import { applyEdits } from '../text/edit';
import type { Range } from '../text/range';
import { YAML_OPTIONS } from './parse';
import type { ScalarStyle, YScalar } from './types';

/** Decoded embedded text with its offset maps into the host YAML file. */
export interface EmbeddedText {
  /** The scalar's string value, as Kubernetes sees it. */
  readonly text: string;
  readonly style: ScalarStyle;
  /** The scalar's range in the host file. */
  readonly hostRange: Range;
  /**
   * True when the offset map was verified against the YAML library's decoding. When false the map
   * only clamps offsets into the scalar, and {@link toHostEdit} always returns `undefined`.
   */
  readonly exact: boolean;
  /**
   * The host offset of embedded offset `offset` (clamped into `[0, text.length]`): the position of
   * the source character that produced `text[offset]`, or, at `text.length`, the position just after
   * the source of the last character. Monotonic: a larger offset never maps to a smaller one.
   */
  toHostOffset(offset: number): number;
  /** Maps both ends of a range with {@link toHostOffset}. */
  toHostRange(range: Range): Range;
  /**
   * Turns an edit of the embedded text into an edit of the host file: newlines in a literal block
   * get the block's indentation, quotes and escapes are added in quoted scalars. Returns `undefined`
   * when the style cannot safely take the edit; a returned edit is checked by re-parsing the host
   * text, so applying it makes the scalar decode to exactly the edited embedded text.
   */
  toHostEdit(edit: TextEdit): TextEdit | undefined;
}

/**
 * Decodes a string scalar of `hostText` (a node from `parseK8sYaml` of that same text). Returns
 * `undefined` for non-string and redacted scalars. Never throws.
 */
export function decodeEmbedded(hostText: string, node: YScalar): EmbeddedText | undefined {
  if (node.redacted || typeof node.value !== 'string') return undefined;
  let decoded: Decoded | undefined;
  try {
    decoded = decode(hostText, node);
  } catch {
    decoded = undefined;
  }
  if (decoded && decoded.text === node.value && decoded.starts.length === decoded.text.length + 1) {
    return new Embedded(hostText, node, decoded, true);
  }
  // Fall back to yaml's value with a clamped map (should not happen; see the tests).
  const start = node.range.start;
  const end = node.range.end;
  const text = node.value;
  const starts: number[] = [];
  for (let i = 0; i <= text.length; i++) starts.push(Math.min(start + i, end));
  return new Embedded(hostText, node, { text, starts, contentIndent: 0, eol: '\n' }, false);
}

interface Decoded {
  readonly text: string;
  /** `starts[i]` = host offset of the source of `text[i]`; `starts[text.length]` = end of the last source. */
  readonly starts: readonly number[];
  /** Block scalars: the indentation of content lines. */
  readonly contentIndent: number;
  /** The line ending the scalar uses. */
  readonly eol: '\n' | '\r\n';
}

class Embedded implements EmbeddedText {
  readonly text: string;
  readonly style: ScalarStyle;
  readonly hostRange: Range;
  private baselineErrors: number | undefined;
  /**
   * Host edits already checked, by embedded range and new text: verifying one re-parses the whole host
   * file, and rules ask for the same edit once per finding (a raw config appended to many objects).
   */
  private readonly checked = new Map<string, TextEdit | undefined>();

  constructor(
    private readonly host: string,
    private readonly node: YScalar,
    private readonly d: Decoded,
    readonly exact: boolean,
  ) {
    this.text = d.text;
    this.style = node.style;
    this.hostRange = node.range;
  }

  toHostOffset(offset: number): number {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, this.text.length));
    return this.d.starts[o]!;
  }

  toHostRange(range: Range): Range {
    const start = this.toHostOffset(range.start);
    return { start, end: Math.max(start, this.toHostOffset(range.end)) };
  }

  toHostEdit(edit: TextEdit): TextEdit | undefined {
    if (!this.exact) return undefined;
    const len = this.text.length;
    const s = Math.max(0, Math.min(edit.range.start, len));
    const e = Math.max(s, Math.min(edit.range.end, len));
    const key = `${s}:${e}:${edit.newText}`;
    if (this.checked.has(key)) {
      const done = this.checked.get(key);
      return done && { range: { ...done.range }, newText: done.newText };
    }
    const hs = this.d.starts[s]!;
    const he = Math.max(hs, this.d.starts[e]!);
    const newText = this.encode(edit.newText, e, hs);
    let result: TextEdit | undefined;
    if (newText !== undefined) {
      const candidate: TextEdit = { range: { start: hs, end: he }, newText };
      const expected = this.text.slice(0, s) + edit.newText + this.text.slice(e);
      result = this.verify(candidate, expected) ? candidate : undefined;
    }
    this.checked.set(key, result);
    return result && { range: { ...result.range }, newText: result.newText };
  }

  // The host text for `newText` replacing the embedded text up to offset e, starting at host offset hs.
  private encode(newText: string, e: number, hs: number): string | undefined {
    switch (this.style) {
      case 'literal': {
        if (newText.includes('\r')) return undefined;
        const indent = ' '.repeat(this.d.contentIndent);
        const segs = newText.split('\n');
        let out = '';
        // An insertion at a line's start inside the indentation (an empty line, or after the last
        // line break) must supply the indentation the host line lacks.
        const lineStart = Math.max(this.host.lastIndexOf('\n', hs - 1) + 1, 0);
        const col = hs - lineStart;
        if (segs[0] !== '' && col < this.d.contentIndent && /^ *$/.test(this.host.slice(lineStart, hs))) {
          out += ' '.repeat(this.d.contentIndent - col);
        }
        out += segs[0];
        for (let i = 1; i < segs.length; i++) {
          out += this.d.eol;
          const seg = segs[i]!;
          const last = i === segs.length - 1;
          // The rest of the host line follows the last segment: it needs indentation when it is content.
          const restIsContent = last && e < this.text.length && this.text[e] !== '\n';
          if (seg !== '' || restIsContent) out += indent + seg;
        }
        return out;
      }
      case 'folded':
      case 'plain':
        return /[\r\n]/.test(newText) ? undefined : newText;
      case 'single':
        return /[\r\n]/.test(newText) ? undefined : newText.replace(/'/g, "''");
      case 'double':
        return escapeDouble(newText);
    }
  }

  private verify(edit: TextEdit, expected: string): boolean {
    const edited = applyEdits(this.host, [edit]).text;
    if (this.baselineErrors === undefined) this.baselineErrors = reparse(this.host, this.node.range.start).errors;
    const after = reparse(edited, this.node.range.start);
    return after.errors <= this.baselineErrors && after.value === expected && after.style === this.node.style;
  }
}

const STYLE_OF: Readonly<Record<string, ScalarStyle>> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

// Parses `text` and returns the error count and the scalar that starts at `start`.
function reparse(text: string, start: number): { errors: number; value?: unknown; style?: ScalarStyle } {
  try {
    const docs = parseAllDocuments(text, YAML_OPTIONS);
    let errors = 0;
    let value: unknown;
    let style: ScalarStyle | undefined;
    for (const doc of Array.isArray(docs) ? docs : []) {
      errors += doc.errors.length;
      visit(doc, {
        Scalar(_key, n) {
          if (isScalar(n) && Array.isArray(n.range) && n.range[0] === start && style === undefined) {
            value = n.value;
            style = STYLE_OF[String(n.type)];
            return visit.BREAK;
          }
          return undefined;
        },
      });
    }
    return style === undefined ? { errors } : { errors, value, style };
  } catch {
    return { errors: Number.POSITIVE_INFINITY };
  }
}

function escapeDouble(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Decoders
// ---------------------------------------------------------------------------------------------

/** Accumulates decoded characters with their host offsets. */
class Out {
  text = '';
  readonly starts: number[] = [];
  /** Host offset just after the source of the last character pushed. */
  end: number;

  constructor(start: number) {
    this.end = start;
  }

  push(s: string, at: number, end: number): void {
    for (let i = 0; i < s.length; i++) this.starts.push(at);
    this.text += s;
    this.end = end;
  }
}

function decode(host: string, node: YScalar): Decoded | undefined {
  switch (node.style) {
    case 'literal':
    case 'folded':
      return decodeBlock(host, node);
    case 'plain':
      return finish(decodeUnfold(host, node.range.start, node.range.end), '\n', 0);
    case 'single': {
      const src = host.slice(node.range.start, node.range.end);
      // yaml: unfoldLines(source.slice(1, -1)).replace(/''/g, "'").
      const inner = decodeUnfold(host, node.range.start + 1, node.range.start + Math.max(1, src.length - 1));
      const o = new Out(node.range.start + 1);
      for (let i = 0; i < inner.text.length; i++) {
        if (inner.text[i] === "'" && inner.text[i + 1] === "'") {
          o.push("'", inner.starts[i]!, (inner.starts[i + 2] ?? inner.end));
          i++;
        } else {
          o.push(inner.text[i]!, inner.starts[i]!, inner.starts[i + 1] ?? inner.end);
        }
      }
      o.end = inner.end;
      return finish(o, '\n', 0);
    }
    case 'double':
      return finish(decodeDouble(host, node.range.start, node.range.end), '\n', 0);
  }
}

function finish(o: Out, eol: '\n' | '\r\n', contentIndent: number): Decoded {
  return { text: o.text, starts: [...o.starts, o.end], contentIndent, eol };
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';

// yaml's unfoldLines over host[start, end), for plain and single-quoted scalars.
function decodeUnfold(host: string, start: number, end: number): Out {
  const o = new Out(start);
  // Split into lines: [lineStart, contentEnd (before \r?\n), next line start].
  const lines: { s: number; e: number }[] = [];
  let ls = start;
  for (let i = start; i < end; i++) {
    if (host[i] === '\n') {
      const e = i > ls && host[i - 1] === '\r' ? i - 1 : i;
      lines.push({ s: ls, e });
      ls = i + 1;
    }
  }
  if (lines.length === 0) {
    for (let i = start; i < end; i++) o.push(host[i]!, i, i + 1);
    return o;
  }
  const last = { s: ls, e: end };
  // Where a separator standing for the break after line k sits: the start of its trailing blanks.
  const trimEndOf = (l: { s: number; e: number }): number => {
    let e = l.e;
    while (e > l.s && isWs(host[e - 1])) e--;
    return e;
  };
  const brk: number[] = lines.map(trimEndOf);
  let nextBreak = 0;
  const emitSep = (sep: string, upTo: number): void => {
    for (const ch of sep) {
      const at = brk[Math.min(nextBreak, upTo)]!;
      o.push(ch, at, at);
      nextBreak++;
    }
  };
  // First line: trailing blanks trimmed.
  const first = lines[0]!;
  const firstEnd = brk[0]!;
  for (let i = first.s; i < firstEnd; i++) o.push(host[i]!, i, i + 1);
  let sep = ' ';
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k]!;
    let s = l.s;
    while (s < l.e && isWs(host[s])) s++;
    const e = Math.max(s, trimEndOf(l));
    if (s === e) {
      if (sep === '\n') emitSep('\n', k - 1);
      else sep = '\n';
    } else {
      emitSep(sep, k - 1);
      for (let i = s; i < e; i++) o.push(host[i]!, i, i + 1);
      sep = ' ';
      nextBreak = k;
    }
  }
  // Last part: leading blanks skipped, the rest kept as is.
  let s = last.s;
  while (s < last.e && isWs(host[s])) s++;
  emitSep(sep, lines.length - 1);
  for (let i = s; i < last.e; i++) o.push(host[i]!, i, i + 1);
  if (s >= last.e) o.end = Math.max(o.end, last.e);
  return o;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

// yaml's doubleQuotedValue over host[start, end) (quotes included).
function decodeDouble(host: string, start: number, end: number): Out {
  const src = host.slice(start, end);
  const o = new Out(start + 1);
  const at = (i: number): number => start + i;
  // The start of the blanks before the line break at src index i (i is the '\n').
  const wsStartBefore = (i: number): number => {
    let j = i;
    if (j > 0 && src[j - 1] === '\r') j--;
    while (j > 1 && isWs(src[j - 1])) j--;
    return at(j);
  };
  for (let i = 1; i < src.length - 1; ++i) {
    const ch = src[i]!;
    if (ch === '\r' && src[i + 1] === '\n') continue;
    if (ch === '\n') {
      // foldNewline: one break is a space, n breaks are n - 1 newlines.
      const breaks = [wsStartBefore(i)];
      let fold = '';
      let offset = i;
      let c = src[offset + 1];
      while (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (c === '\r' && src[offset + 2] !== '\n') break;
        if (c === '\n') {
          fold += '\n';
          breaks.push(wsStartBefore(offset + 1));
        }
        offset += 1;
        c = src[offset + 1];
      }
      if (!fold) fold = ' ';
      for (let k = 0; k < fold.length; k++) {
        const p = breaks[Math.min(k, breaks.length - 1)]!;
        o.push(fold[k]!, p, p);
      }
      o.end = at(offset + 1);
      i = offset;
    } else if (ch === '\\') {
      const bs = i;
      let next = src[++i];
      const cc = next === undefined ? undefined : ESCAPES[next];
      if (cc) o.push(cc, at(bs), at(i + 1));
      else if (next === '\n') {
        next = src[i + 1];
        while (next === ' ' || next === '\t') next = src[++i + 1];
        o.end = at(i + 1);
      } else if (next === '\r' && src[i + 1] === '\n') {
        next = src[++i + 1];
        while (next === ' ' || next === '\t') next = src[++i + 1];
        o.end = at(i + 1);
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const cc2 = src.substr(i + 1, length);
        const ok = cc2.length === length && /^[0-9a-fA-F]+$/.test(cc2);
        let s: string;
        try {
          s = String.fromCodePoint(ok ? parseInt(cc2, 16) : NaN);
        } catch {
          s = src.substr(i - 1, length + 2);
        }
        o.push(s, at(bs), at(Math.min(i + 1 + length, src.length)));
        i += length;
      } else {
        const raw = src.substr(i - 1, 2);
        for (let k = 0; k < raw.length; k++) o.push(raw[k]!, at(bs + k), at(bs + k + 1));
      }
    } else if (ch === ' ' || ch === '\t') {
      // Blanks before a line break are trimmed.
      const wsStart = i;
      let next = src[i + 1];
      while (next === ' ' || next === '\t') next = src[++i + 1];
      if (next !== '\n' && !(next === '\r' && src[i + 2] === '\n')) {
        for (let k = wsStart; k <= i; k++) o.push(src[k]!, at(k), at(k + 1));
      }
    } else {
      o.push(ch, at(i), at(i + 1));
    }
  }
  return o;
}

// yaml's resolveBlockScalar for `|` and `>` scalars.
function decodeBlock(host: string, node: YScalar): Decoded | undefined {
  if (!node.block) return undefined;
  const start = node.range.start;
  const sourceEnd = node.block.sourceEnd;
  // Header: mode, then indentation indicator and chomping indicator in either order.
  let h = start + 1;
  let indentInd = 0;
  let chomp = '';
  while (h < sourceEnd && !/[\s#]/.test(host[h]!)) {
    const c = host[h]!;
    if (!chomp && (c === '-' || c === '+')) chomp = c;
    else {
      const n = Number(c);
      if (!indentInd && n) indentInd = n;
    }
    h++;
  }
  const nl = host.indexOf('\n', start);
  const srcStart = nl < 0 || nl >= sourceEnd ? sourceEnd : nl + 1;
  const folded = node.style === 'folded';
  const eol: '\n' | '\r\n' = host.slice(start, sourceEnd).includes('\r\n') ? '\r\n' : '\n';

  // Lines of the source as [indent, content] with host offsets; content may end in '\r'.
  interface Line {
    readonly s: number;
    readonly indent: number;
    readonly content: string;
    /** Host offset of the line break ending the line ('\r' of CRLF), or the line's end at EOF. */
    readonly brk: number;
    /** Host offset after the line break. */
    readonly next: number;
  }
  const lines: Line[] = [];
  let ls = srcStart;
  for (;;) {
    const nlAt = host.indexOf('\n', ls);
    const le = nlAt < 0 || nlAt >= sourceEnd ? sourceEnd : nlAt;
    let ind = 0;
    while (ls + ind < le && host[ls + ind] === ' ') ind++;
    const content = host.slice(ls + ind, le);
    const brk = content.endsWith('\r') ? le - 1 : le;
    lines.push({ s: ls, indent: ind, content, brk, next: le < sourceEnd ? le + 1 : le });
    if (le >= sourceEnd) break;
    ls = le + 1;
  }
  if (srcStart >= sourceEnd) lines.length = 0;
  const o = new Out(srcStart);

  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const c = lines[i]!.content;
    if (c === '' || c === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (chomp === '+' && lines.length > 0) {
      const n = Math.max(1, lines.length - 1);
      for (let k = 0; k < n; k++) {
        const l = lines[Math.min(k, lines.length - 1)]!;
        o.push('\n', l.brk, l.next);
      }
    }
    o.end = Math.max(o.end, sourceEnd);
    // No content line to learn the indentation from: use the indicator, or two more than the parent.
    return finish(o, eol, node.block.parentIndent + (indentInd || 2));
  }
  let trimIndent = node.block.parentIndent + indentInd;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const l = lines[i]!;
    if (l.content === '' || l.content === '\r') {
      if (indentInd === 0 && l.indent > trimIndent) trimIndent = l.indent;
    } else {
      if (indentInd === 0) trimIndent = l.indent;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]!.indent > trimIndent) chompStart = i + 1;
  }
  // Indentation beyond trimIndent is content.
  const pushIndent = (l: Line, indent: number): void => {
    for (let k = trimIndent; k < indent; k++) o.push(' ', l.s + k, l.s + k + 1);
  };
  const pushContent = (l: Line, content: string): void => {
    const cs = l.s + l.indent;
    for (let k = 0; k < content.length; k++) o.push(content[k]!, cs + k, cs + k + 1);
  };
  let nextBreak = 0;
  const emitSep = (sep: string, upTo: number): void => {
    for (const ch of sep) {
      const l = lines[Math.min(nextBreak, upTo)]!;
      o.push(ch, l.brk, l.next);
      nextBreak++;
    }
  };
  for (let i = 0; i < contentStart; ++i) {
    const l = lines[i]!;
    pushIndent(l, l.indent);
    o.push('\n', l.brk, l.next);
  }
  nextBreak = contentStart;
  let sep = '';
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; ++i) {
    const l = lines[i]!;
    let indent = l.indent;
    let content = l.content;
    if (content.endsWith('\r')) content = content.slice(0, -1);
    if (content && indent < trimIndent) indent = 0;
    if (!folded) {
      emitSep(sep, i - 1);
      pushIndent(l, indent);
      pushContent(l, content);
      sep = '\n';
      nextBreak = i;
    } else if (indent > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      emitSep(sep, i - 1);
      pushIndent(l, indent);
      pushContent(l, content);
      sep = '\n';
      prevMoreIndented = true;
      nextBreak = i;
    } else if (content === '') {
      if (sep === '\n') emitSep('\n', i - 1);
      else sep = '\n';
    } else {
      emitSep(sep, i - 1);
      pushContent(l, content);
      sep = ' ';
      prevMoreIndented = false;
      nextBreak = i;
    }
  }
  switch (chomp) {
    case '-':
      break;
    case '+':
      for (let i = chompStart; i < lines.length; ++i) {
        const prev = lines[i - 1]!;
        o.push('\n', prev.brk, prev.next);
        pushIndent(lines[i]!, lines[i]!.indent);
      }
      if (!o.text.endsWith('\n')) {
        const l = lines[lines.length - 1]!;
        o.push('\n', l.brk, l.next);
      }
      break;
    default: {
      const l = lines[chompStart - 1]!;
      o.push('\n', l.brk, l.next);
    }
  }
  return finish(o, eol, trimIndent);
}
