/**
 * The common prefix and suffix of two versions of a text: where an edit starts and ends. The frr.conf
 * parser (re-splitting only the changed lines) and the FRR rule family (reusing the verdicts of
 * unchanged lines) both need them for the same pair of texts after every edit, so the last answer is
 * kept (with its two texts: the previous version stays alive until the next pair is asked for). Pure:
 * no IO, never throws.
 */

/** Characters compared at once by commonPrefix / commonSuffix before halving at a difference. */
const CHUNK = 32768;

/**
 * The length of the longest common prefix of `a` and `b`. Compares slices (the engine compares their
 * characters in bulk) and halves the chunk where they differ, down to a character loop.
 */
export function commonPrefix(a: string, b: string): number {
  if (a === b) return a.length;
  const n = Math.min(a.length, b.length);
  let p = 0;
  let chunk = CHUNK;
  while (p < n) {
    const e = Math.min(n, p + chunk);
    if (e - p <= 16) {
      while (p < e && a.charCodeAt(p) === b.charCodeAt(p)) p++;
      if (p < e) return p;
    } else if (a.slice(p, e) === b.slice(p, e)) {
      p = e;
    } else {
      chunk = (e - p) >> 1;
    }
  }
  return p;
}

/** The length of the longest common suffix of `a` and `b` that leaves their first `skip` characters alone. */
export function commonSuffix(a: string, b: string, skip: number): number {
  const n = Math.min(a.length, b.length) - skip;
  let s = 0;
  let chunk = CHUNK;
  while (s < n) {
    const e = Math.min(n, s + chunk);
    if (e - s <= 16) {
      while (s < e && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
      if (s < e) return s;
    } else if (a.slice(a.length - e, a.length - s) === b.slice(b.length - e, b.length - s)) {
      s = e;
    } else {
      chunk = (e - s) >> 1;
    }
  }
  return Math.max(0, s);
}

/** Where two versions of a text differ: their common prefix and the common suffix after it. */
export interface Affixes {
  readonly prefix: number;
  /** Never overlaps the prefix: `prefix + suffix <= min(a.length, b.length)`. */
  readonly suffix: number;
}

let last: { readonly a: string; readonly b: string; readonly affixes: Affixes } | undefined;

/** `commonPrefix` and `commonSuffix` of `a` and `b`; the last pair asked for is answered again without comparing. */
export function commonAffixes(a: string, b: string): Affixes {
  if (last && last.a === a && last.b === b) return last.affixes;
  const prefix = commonPrefix(a, b);
  const affixes = { prefix, suffix: commonSuffix(a, b, prefix) };
  last = { a, b, affixes };
  return affixes;
}
