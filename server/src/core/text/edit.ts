import type { Range } from './range';

/** Replace `range` of a document with `newText`. Offsets refer to the text before any edit. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Result of applying a set of edits to one text. */
export interface ApplyResult {
  readonly text: string;
  /** Edits that were left out because they overlapped an earlier one (in offset order). */
  readonly skipped: readonly TextEdit[];
}

/**
 * Applies non-overlapping edits to `text`. Edits are sorted by offset; an edit that overlaps one
 * already taken is skipped and returned in `skipped`. Two inserts at the same offset are both kept,
 * in the order given. Never throws: out-of-range offsets are clamped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const indexed = edits.map((e, i) => ({ e, i }));
  indexed.sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i);
  const skipped: TextEdit[] = [];
  const parts: string[] = [];
  let cursor = 0;
  for (const { e } of indexed) {
    const start = Math.max(0, Math.min(e.range.start, text.length));
    const end = Math.max(start, Math.min(e.range.end, text.length));
    if (start < cursor) {
      skipped.push(e);
      continue;
    }
    parts.push(text.slice(cursor, start), e.newText);
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), skipped };
}
