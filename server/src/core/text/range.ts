/**
 * Half-open ranges of UTF-16 code-unit offsets into one document's text.
 *
 * Invariant: `0 <= start <= end <= text.length` for every range that the core hands out.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Returns the range `[start, end)`. */
export function rangeOf(start: number, end: number): Range {
  return { start, end };
}

/** True when `offset` lies inside `r` (an empty range contains its start). */
export function containsOffset(r: Range, offset: number): boolean {
  return r.start === r.end ? offset === r.start : offset >= r.start && offset < r.end;
}

/** True when the two ranges share at least one offset, or when an empty range sits inside the other. */
export function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start < b.end;
  if (b.start === b.end) return b.start >= a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Clamps a range into `[0, length]`, keeping `start <= end`. */
export function clampRange(r: Range, length: number): Range {
  const start = Math.max(0, Math.min(r.start, length));
  const end = Math.max(start, Math.min(r.end, length));
  return { start, end };
}

/** Orders ranges by start, then by end. */
export function compareRanges(a: Range, b: Range): number {
  return a.start - b.start || a.end - b.end;
}
