/**
 * `text` as one sequential string. V8 keeps a string built with `+` or a template literal as a tree of
 * its parts (32 bytes a node) until something reads it whole; a string the model keeps (an id, a label,
 * a message) costs less as one flat copy, which a JSON round trip makes. Short strings are always flat.
 */
export function flat(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Strings built from up to three values, kept by those values: the model and the rules build the same
 * texts (verdict reasons, messages) for every session on every lint, and an edit leaves most of them as
 * they were. A kept string is one flat object (see `flat`) instead of a new concatenation per use. Values
 * are compared as Map keys (SameValueZero). Bounded: emptied when it grows past the bound.
 */
export class TextMemo<A, B = undefined, C = undefined> {
  private readonly root = new Map<A, Map<B, Map<C, string>>>();
  /** Strings built from one value (no `b`, no `c`): kept in one map, not two nested maps of one entry each. */
  private readonly single = new Map<A, string>();
  private size = 0;

  constructor(
    private readonly build: (a: A, b: B, c: C) => string,
    private readonly bound = 16384,
  ) {}

  get(a: A, b?: B, c?: C): string {
    if (this.size >= this.bound) {
      this.root.clear();
      this.single.clear();
      this.size = 0;
    }
    if (b === undefined && c === undefined) {
      let text = this.single.get(a);
      if (text === undefined) {
        this.single.set(a, (text = flat(this.build(a, b as B, c as C))));
        this.size++;
      }
      return text;
    }
    let byB = this.root.get(a);
    if (!byB) this.root.set(a, (byB = new Map()));
    let byC = byB.get(b as B);
    if (!byC) byB.set(b as B, (byC = new Map()));
    let text = byC.get(c as C);
    if (text === undefined) {
      byC.set(c as C, (text = flat(this.build(a, b as B, c as C))));
      this.size++;
    }
    return text;
  }
}
