/**
 * Bounded content caches for the FRR rule family (frr-lines.ts). The language server re-lints every line
 * of a file after each edit of it, and the lines it reads are new objects with shifted offsets; a line's
 * verdict depends only on its text and its context (FRR version, block chain). Two caches serve that:
 *
 * - `ContentCache`: context -> text -> value, for any line seen before anywhere (hashes the text).
 * - `RecentPasses`: per document, what the last pass saw, so that a line in the text before or after
 *   the edited region is found by its position instead (no hashing: the engine compares the old and new
 *   texts chunk by chunk), after checking that its text and context are equal.
 *
 * Pure: no IO, never throws.
 */

import { detached } from '../text/strings';

/**
 * A bounded two-level cache (context -> text -> value) of results that depend on nothing but the two
 * keys. Two levels, so that no lookup builds a concatenated key. Entries live in two generations: a
 * lookup that misses the current generation takes the entry over from the previous one, and `trim()`
 * (called before a pass over a document, never during one) drops the previous generation once the
 * current one holds more than `limit` entries. Memory stays below about two limits plus one document's
 * lines, however long the server runs, while the lines it keeps re-reading stay cached.
 */
export class ContentCache<V> {
  private current = new Map<string, Map<string, V>>();
  private previous = new Map<string, Map<string, V>>();
  /** Entries of the current generation. */
  entries = 0;

  constructor(public limit: number) {}

  /** Drops the previous generation when the current one is full. Invalidates every shelf. */
  trim(): void {
    if (this.entries <= this.limit) return;
    this.previous = this.current;
    this.current = new Map();
    this.entries = 0;
  }

  clear(limit: number): void {
    this.current = new Map();
    this.previous = new Map();
    this.entries = 0;
    this.limit = limit;
  }

  /** The entries of one context, valid until the next `trim()`. */
  shelf(context: string): Shelf<V> {
    let current = this.current.get(context);
    if (!current) this.current.set(context, (current = new Map()));
    return new Shelf(this, current, this.previous.get(context));
  }
}

/** The entries of one context of a ContentCache, both generations. */
export class Shelf<V> {
  constructor(
    private readonly cache: ContentCache<V>,
    private readonly current: Map<string, V>,
    private readonly previous: Map<string, V> | undefined,
  ) {}

  get(text: string): V | undefined {
    const v = this.current.get(text);
    if (v !== undefined || this.previous === undefined) return v;
    const old = this.previous.get(text);
    if (old !== undefined) this.set(text, old);
    return old;
  }

  /** Stores `value` under a copy of `text` (see `detached`); `value` must not hold document strings either. */
  set(text: string, value: V): void {
    this.current.set(detached(text), value);
    this.cache.entries++;
  }
}

/**
 * A bounded store of the last pass over each document, by document id: the `limit` most recently
 * stored ones, whose texts hold at most `maxChars` characters together (the newest is always kept).
 */
export class RecentPasses<P extends { readonly text: string }> {
  private readonly passes = new Map<string, P>();
  private chars = 0;

  constructor(
    private readonly limit: number,
    private readonly maxChars: number,
  ) {}

  get(id: string): P | undefined {
    return this.passes.get(id);
  }

  set(id: string, pass: P): void {
    this.delete(id);
    this.passes.set(id, pass);
    this.chars += pass.text.length;
    for (const [oldest] of this.passes) {
      if (this.passes.size <= 1 || (this.passes.size <= this.limit && this.chars <= this.maxChars)) break;
      this.delete(oldest);
    }
  }

  clear(): void {
    this.passes.clear();
    this.chars = 0;
  }

  private delete(id: string): void {
    const old = this.passes.get(id);
    if (!old) return;
    this.passes.delete(id);
    this.chars -= old.text.length;
  }
}
