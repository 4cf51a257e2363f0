/**
 * Maps offsets to 0-based line/character positions and back.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as LSP defines them.
 */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 code-unit column. */
  readonly character: number;
}

export class LineIndex {
  /** Offset where each line starts; `lineStarts[0] === 0`. */
  readonly lineStarts: readonly number[];

  constructor(
    readonly text: string,
    /** The line starts, when the caller has them already (they must be what this constructor finds). */
    lineStarts?: readonly number[],
  ) {
    this.lineStarts = lineStarts ?? lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`, clamped into the document. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  /** The offset of a position, clamped to its line's content (the line terminator excluded). */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line]!;
    return Math.min(start + Math.max(0, pos.character), this.lineContentEnd(pos.line));
  }

  /** Offset just past the last character of `line` before its terminator. */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a line without its terminator. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line]!, this.lineContentEnd(line));
  }
}

/**
 * The offset where each line of `text` starts. A function of its own, so that code V8 compiles for its
 * loop in the middle of a long text ends with the loop (compiled inside the constructor, it ended
 * with a store the loop had not reached yet, and was thrown away at the end of every later call).
 */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
