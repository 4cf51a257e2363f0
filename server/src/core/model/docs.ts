import type { FrrConfigView } from '../frr/views';
import type { Range } from '../text/range';
import type { Effective, Location, ModelDoc, Origin, Scope } from './types';

/** A real frr.conf file: ranges map to themselves. */
export function frrFileDoc(uri: string, text: string, frr: FrrConfigView, frrVersion: Effective<string> | undefined): ModelDoc {
  return {
    id: uri,
    uri,
    kind: 'frr',
    text,
    frr,
    frrVersion,
    resolve: (range) => ({ uri, range }),
    origin: (range, scope) => ({ kind: 'config', loc: { uri, range }, scope }),
    edit: (range, newText) => ({ uri, range, newText }),
  };
}

/** Maps offsets of an embedded text to offsets of its host file. */
export interface OffsetMap {
  toHostOffset(offset: number): number;
  toHostRange(range: Range): Range;
  /** The host edit for an edit of the embedded text, when the scalar style can take it. */
  toHostEdit?(edit: { range: Range; newText: string }): { range: Range; newText: string } | undefined;
}

/** frr.conf text embedded in a YAML scalar (`rawConfig`, `extras`). */
export function embeddedDoc(
  uri: string,
  id: string,
  text: string,
  frr: FrrConfigView,
  map: OffsetMap,
  frrVersion: Effective<string> | undefined,
): ModelDoc {
  return {
    id,
    uri,
    kind: 'embedded',
    text,
    frr,
    frrVersion,
    resolve: (range) => ({ uri, range: map.toHostRange(range) }),
    origin: (range, scope) => ({ kind: 'config', loc: { uri, range: map.toHostRange(range) }, scope }),
    edit: (range, newText) => {
      const e = map.toHostEdit?.({ range, newText });
      return e ? { uri, range: e.range, newText: e.newText } : undefined;
    },
  };
}

/** Where a piece of rendered text came from. */
export type SegmentSource =
  /** Text MetalLB / frr-k8s always writes; `anchor` is the YAML range that stands for it. */
  | { readonly kind: 'template'; readonly anchor: Range; readonly detail: string }
  /** Text derived from a CR field value at `range`. */
  | { readonly kind: 'field'; readonly range: Range; readonly detail: string }
  /** Text copied from embedded frr.conf text; `uri` is its host file when that is not the rendered object's file. */
  | { readonly kind: 'embedded'; readonly map: OffsetMap; readonly offset: number; readonly detail: string; readonly uri?: string };

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly source: SegmentSource;
}

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
  private readonly segments: Segment[] = [];
  /** Whole-line segments carrying the line's primary source (what a whole-command range resolves to). */
  private readonly lineSegments: Segment[] = [];
  readonly notes: LineNote[] = [];

  constructor(readonly uri: string) {}

  /** Appends text with the given source. Newlines inside `text` are counted for notes. */
  emit(text: string, source: SegmentSource): this {
    if (text.length === 0) return this;
    this.segments.push({ start: this.length, end: this.length + text.length, source });
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
    if (note) this.notes.push({ line: this.line, ...note });
    const start = this.length;
    for (const [t, s] of pieces) this.emit(t, s);
    this.emit('\n', primary);
    this.lineSegments.push({ start, end: this.length, source: primary });
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
    const segments = this.segments;
    const lines = this.lineSegments;
    const uri = this.uri;
    const search = (list: readonly Segment[], offset: number): Segment | undefined => {
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = list[mid]!;
        if (offset < s.start) hi = mid - 1;
        else if (offset >= s.end) lo = mid + 1;
        else return s;
      }
      return undefined;
    };
    // The smallest recorded segment that holds the whole range: a piece, else its line.
    const holder = (range: Range): Segment | undefined => {
      const piece = search(segments, range.start);
      if (piece && range.end <= piece.end) return piece;
      return search(lines, range.start) ?? piece;
    };
    const find = (offset: number): Segment | undefined => {
      let lo = 0;
      let hi = segments.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = segments[mid]!;
        if (offset < s.start) hi = mid - 1;
        else if (offset >= s.end) lo = mid + 1;
        else return s;
      }
      return segments[segments.length - 1];
    };
    const resolve = (range: Range): Location => {
      const seg = holder(range) ?? find(range.start);
      if (!seg) return { uri, range: { start: 0, end: 0 } };
      const src = seg.source;
      if (src.kind === 'template') return { uri, range: src.anchor };
      if (src.kind === 'field') return { uri, range: src.range };
      const localEnd = Math.min(range.end, seg.end);
      return {
        uri: src.uri ?? uri,
        range: src.map.toHostRange({ start: src.offset + range.start - seg.start, end: src.offset + localEnd - seg.start }),
      };
    };
    const origin = (range: Range, scope: Scope): Origin => {
      const seg = holder(range) ?? find(range.start);
      const loc = resolve(range);
      if (seg?.source.kind === 'template') return { kind: 'rendered', loc, detail: seg.source.detail };
      return { kind: 'config', loc, scope: seg?.source.kind === 'field' ? 'field' : scope };
    };
    const edit = (range: Range, newText: string): { uri: string; range: Range; newText: string } | undefined => {
      const seg = find(range.start);
      if (!seg || seg.source.kind !== 'embedded' || range.end > seg.end) return undefined;
      const src = seg.source;
      const local = { start: src.offset + range.start - seg.start, end: src.offset + range.end - seg.start };
      const e = src.map.toHostEdit?.({ range: local, newText });
      return e ? { uri: src.uri ?? uri, range: e.range, newText: e.newText } : undefined;
    };
    const notes = [...this.notes];
    return { id, uri, kind: 'rendered', text, frr, frrVersion, resolve, origin, edit, notes, ...(renderedFrom ? { renderedFrom } : {}) };
  }
}
