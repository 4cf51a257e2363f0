/**
 * Strings kept beyond the document they came from. Pure: no IO, never throws.
 */

/**
 * A copy of `s` that does not keep the string it was sliced from alive. V8 represents a slice of a long
 * string as a view into it, so a string sliced from a document would hold the whole document text;
 * concatenating flattens into a new string, and slicing that keeps only the new one.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * One shared copy of each string put in (detached from its document), for strings that repeat across
 * lines, documents and versions. Bounded: the table starts over when it holds `limit` strings, so a
 * long-running server does not keep every string it has seen. Callers choose what to share.
 */
export class StringTable {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit: number) {}

  /** The shared copy of `s` (made now if there is none). */
  shared(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings.clear();
    const own = detached(s);
    this.strings.set(own, own);
    return own;
  }

  /** True when `s` is the table's own copy. */
  owns(s: string): boolean {
    return this.strings.get(s) === s;
  }
}
