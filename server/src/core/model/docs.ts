import type { FrrConfigView } from '../frr/views';
import type { Range } from '../text/range';
import type { Effective, Location, ModelDoc, Origin, Scope } from './types';

// The documents are classes, not object literals with arrow functions: a document is made anew for each
// version of its file, and V8 throws away code that inlined the functions of one version's document when
// the next version's are called (the first edit after a file is opened).

/** A real frr.conf file: ranges map to themselves. */
class FrrFileDoc implements ModelDoc {
  readonly kind = 'frr';
  readonly id: string;

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly frr: FrrConfigView,
    readonly frrVersion: Effective<string> | undefined,
  ) {
    this.id = uri;
  }

  resolve(range: Range): Location {
    return { uri: this.uri, range };
  }

  origin(range: Range, scope: Scope): Origin {
    return { kind: 'config', loc: { uri: this.uri, range }, scope };
  }

  edit(range: Range, newText: string): { uri: string; range: Range; newText: string } {
    return { uri: this.uri, range, newText };
  }
}

export function frrFileDoc(uri: string, text: string, frr: FrrConfigView, frrVersion: Effective<string> | undefined): ModelDoc {
  return new FrrFileDoc(uri, text, frr, frrVersion);
}

/** Maps offsets of an embedded text to offsets of its host file. */
export interface OffsetMap {
  toHostOffset(offset: number): number;
  toHostRange(range: Range): Range;
  /** The host edit for an edit of the embedded text, when the scalar style can take it. */
  toHostEdit?(edit: { range: Range; newText: string }): { range: Range; newText: string } | undefined;
}

/** frr.conf text embedded in a YAML scalar (`rawConfig`, `extras`). */
class EmbeddedDoc implements ModelDoc {
  readonly kind = 'embedded';

  constructor(
    readonly uri: string,
    readonly id: string,
    readonly text: string,
    readonly frr: FrrConfigView,
    private readonly map: OffsetMap,
    readonly frrVersion: Effective<string> | undefined,
  ) {}

  resolve(range: Range): Location {
    return { uri: this.uri, range: this.map.toHostRange(range) };
  }

  origin(range: Range, scope: Scope): Origin {
    return { kind: 'config', loc: { uri: this.uri, range: this.map.toHostRange(range) }, scope };
  }

  edit(range: Range, newText: string): { uri: string; range: Range; newText: string } | undefined {
    const e = this.map.toHostEdit?.({ range, newText });
    return e ? { uri: this.uri, range: e.range, newText: e.newText } : undefined;
  }
}

export function embeddedDoc(
  uri: string,
  id: string,
  text: string,
  frr: FrrConfigView,
  map: OffsetMap,
  frrVersion: Effective<string> | undefined,
): ModelDoc {
  return new EmbeddedDoc(uri, id, text, frr, map, frrVersion);
}

/** Where a piece of rendered text came from. */
export type SegmentSource =
  /** Text MetalLB / frr-k8s always writes; `anchor` is the YAML range that stands for it. */
  | { readonly kind: 'template'; readonly anchor: Range; readonly detail: string }
  /** Text derived from a CR field value at `range`. */
  | { readonly kind: 'field'; readonly range: Range; readonly detail: string }
  /** Text copied from embedded frr.conf text; `uri` is its host file when that is not the rendered object's file. */
  | { readonly kind: 'embedded'; readonly map: OffsetMap; readonly offset: number; readonly detail: string; readonly uri?: string };

/** A note attached to a rendered line, for `grlint render`. */
export interface LineNote {
  readonly line: number;
  readonly detail: string;
  readonly loc: Location;
}

/** Builds rendered frr.conf text while recording where every character came from. */
export class RenderBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private line = 0;
  /**
   * The pieces: piece i starts at `pieceStarts[i]` and ends where the next one starts (the last one at the
   * end of the text), since pieces are appended one after another and empty ones are not recorded. Its
   * source is `sources[pieceSources[i]]`.
   */
  private readonly pieceStarts: number[] = [];
  private readonly pieceSources: number[] = [];
  /** Whole-line segments carrying the line's primary source (what a whole-command range resolves to). */
  private readonly lineStarts: number[] = [];
  private readonly lineEnds: number[] = [];
  private readonly lineSources: number[] = [];
  /** Each source once (by identity), in order of first use. */
  private readonly sources: SegmentSource[] = [];
  private readonly sourceIndex = new Map<SegmentSource, number>();
  readonly notes: LineNote[] = [];

  constructor(readonly uri: string) {}

  /** The 0-based line the next text starts on. */
  get lineNumber(): number {
    return this.line;
  }

  private indexOf(source: SegmentSource): number {
    let i = this.sourceIndex.get(source);
    if (i === undefined) {
      i = this.sources.length;
      this.sources.push(source);
      this.sourceIndex.set(source, i);
    }
    return i;
  }

  /** Appends text with the given source. Newlines inside `text` are counted for notes. */
  emit(text: string, source: SegmentSource): this {
    if (text.length === 0) return this;
    this.pieceStarts.push(this.length);
    this.pieceSources.push(this.indexOf(source));
    this.parts.push(text);
    this.length += text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.line++;
    return this;
  }

  /**
   * Appends one line built from pieces, then a newline. A range that covers more than one piece (a whole
   * command) resolves to `primary`; a range inside one piece resolves to that piece's source.
   */
  lineOf(pieces: readonly (readonly [string, SegmentSource])[], primary: SegmentSource, note?: { detail: string; loc: Location }): this {
    if (note) this.notes.push({ line: this.line, detail: note.detail, loc: note.loc });
    const start = this.length;
    for (const [t, s] of pieces) this.emit(t, s);
    this.emit('\n', primary);
    this.lineStarts.push(start);
    this.lineEnds.push(this.length);
    this.lineSources.push(this.indexOf(primary));
    return this;
  }

  get text(): string {
    return this.parts.join('');
  }

  /** A model document over the rendered text: `text` equals `this.text` (a string the caller shares), `frr` is its parse. */
  toDoc(
    id: string,
    text: string,
    frr: FrrConfigView,
    frrVersion: Effective<string> | undefined,
    renderedFrom?: { kind: string; name: string | undefined; loc: Location },
  ): ModelDoc {
    const n = this.pieceStarts.length;
    const m = this.lineStarts.length;
    // Offsets and source indexes are at most the text's length (a piece is at least one character).
    const packed = this.length <= 0xffff ? new Uint16Array(2 * n + 3 * m) : new Int32Array(2 * n + 3 * m);
    packed.set(this.pieceStarts, 0);
    packed.set(this.pieceSources, n);
    packed.set(this.lineStarts, 2 * n);
    packed.set(this.lineEnds, 2 * n + m);
    packed.set(this.lineSources, 2 * n + 2 * m);
    // Copies of exactly their length (the lists grew as they were built).
    return new RenderedDoc(id, this.uri, text, frr, frrVersion, packed, n, m, this.sources.slice(), this.notes.slice(), renderedFrom);
  }
}

/** No segment: `RenderedDoc.holder` and `find` found none. */
const NONE = -1;

/**
 * A rendering: its text, and where every piece of it came from, packed into one typed array (a rendering
 * has tens of pieces, and a fabric thousands of renderings): the piece starts, their source indexes,
 * then the line starts, ends and source indexes. A segment is named by a number: piece `i` as `i`, line
 * `j` as `-2 - j`, none as NONE. Locations and origins of template and field sources do not depend on the
 * range asked for; they are made once per source, on first use.
 */
class RenderedDoc implements ModelDoc {
  readonly kind = 'rendered' as const;
  declare readonly renderedFrom?: { readonly kind: string; readonly name: string | undefined; readonly loc: Location };
  /** Locations (at 2i) and origins (at 2i + 1) of the template and field sources, by source index. */
  private kept: (Location | Origin | undefined)[] | undefined;

  constructor(
    readonly id: string,
    readonly uri: string,
    readonly text: string,
    readonly frr: FrrConfigView,
    readonly frrVersion: Effective<string> | undefined,
    private readonly packed: Uint16Array | Int32Array,
    private readonly pieces: number,
    private readonly lineCount: number,
    private readonly sources: readonly SegmentSource[],
    readonly notes: readonly LineNote[],
    renderedFrom?: { kind: string; name: string | undefined; loc: Location },
  ) {
    if (renderedFrom) this.renderedFrom = renderedFrom;
  }

  private start(seg: number): number {
    return seg >= 0 ? this.packed[seg]! : this.packed[2 * this.pieces + (-2 - seg)]!;
  }

  private end(seg: number): number {
    if (seg >= 0) return seg + 1 < this.pieces ? this.packed[seg + 1]! : this.text.length;
    return this.packed[2 * this.pieces + this.lineCount + (-2 - seg)]!;
  }

  private sourceIndexOf(seg: number): number {
    return seg >= 0 ? this.packed[this.pieces + seg]! : this.packed[2 * this.pieces + 2 * this.lineCount + (-2 - seg)]!;
  }

  /** The piece that holds `offset`, else NONE. */
  private pieceAt(offset: number): number {
    if (this.pieces === 0 || offset < 0 || offset >= this.text.length) return NONE;
    const p = this.packed;
    let lo = 0;
    let hi = this.pieces - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The line segment that holds `offset`, else NONE. */
  private lineAt(offset: number): number {
    const p = this.packed;
    const starts = 2 * this.pieces;
    const ends = starts + this.lineCount;
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < p[starts + mid]!) hi = mid - 1;
      else if (offset >= p[ends + mid]!) lo = mid + 1;
      else return -2 - mid;
    }
    return NONE;
  }

  /** The smallest recorded segment that holds the whole range: a piece, else its line. */
  private holder(range: Range): number {
    const piece = this.pieceAt(range.start);
    if (piece !== NONE && range.end <= this.end(piece)) return piece;
    const line = this.lineAt(range.start);
    return line !== NONE ? line : piece;
  }

  /** The piece that holds `offset`, else the last piece. */
  private find(offset: number): number {
    const piece = this.pieceAt(offset);
    return piece !== NONE ? piece : this.pieces - 1;
  }

  /** The segment `resolve` and `origin` read for a range. */
  private segmentFor(range: Range): number {
    const seg = this.holder(range);
    return seg !== NONE ? seg : this.find(range.start);
  }

  private keptAt(i: number): Location | Origin | undefined {
    return this.kept?.[i];
  }

  private keep<T extends Location | Origin>(i: number, value: T): T {
    (this.kept ??= new Array<Location | Origin | undefined>(2 * this.sources.length))[i] = value;
    return value;
  }

  resolve(range: Range): Location {
    const seg = this.segmentFor(range);
    if (seg === NONE) return { uri: this.uri, range: { start: 0, end: 0 } };
    const i = this.sourceIndexOf(seg);
    const src = this.sources[i]!;
    if (src.kind !== 'embedded') {
      const kept = this.keptAt(2 * i) as Location | undefined;
      return kept ?? this.keep(2 * i, { uri: this.uri, range: src.kind === 'template' ? src.anchor : src.range });
    }
    const start = this.start(seg);
    const localEnd = Math.min(range.end, this.end(seg));
    return {
      uri: src.uri ?? this.uri,
      range: src.map.toHostRange({ start: src.offset + range.start - start, end: src.offset + localEnd - start }),
    };
  }

  origin(range: Range, scope: Scope): Origin {
    const seg = this.segmentFor(range);
    if (seg === NONE) return { kind: 'config', loc: this.resolve(range), scope };
    const i = this.sourceIndexOf(seg);
    const src = this.sources[i]!;
    if (src.kind === 'embedded') return { kind: 'config', loc: this.resolve(range), scope };
    const kept = this.keptAt(2 * i + 1) as Origin | undefined;
    if (kept) return kept;
    const loc = this.resolve(range);
    return this.keep(2 * i + 1, src.kind === 'template' ? { kind: 'rendered', loc, detail: src.detail } : { kind: 'config', loc, scope: 'field' });
  }

  edit(range: Range, newText: string): { uri: string; range: Range; newText: string } | undefined {
    const seg = this.find(range.start);
    if (seg === NONE) return undefined;
    const src = this.sources[this.sourceIndexOf(seg)]!;
    if (src.kind !== 'embedded' || range.end > this.end(seg)) return undefined;
    const start = this.start(seg);
    const local = { start: src.offset + range.start - start, end: src.offset + range.end - start };
    const e = src.map.toHostEdit?.({ range: local, newText });
    return e ? { uri: src.uri ?? this.uri, range: e.range, newText: e.newText } : undefined;
  }
}
