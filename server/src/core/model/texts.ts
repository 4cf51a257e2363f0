/**
 * Strings built from up to three values, kept by those values: the model and the rules build the same
 * texts (verdict reasons, messages) for every session on every lint, and an edit leaves most of them as
 * they were. A kept string is one object, flat once read, instead of a new concatenation per use. Values
 * are compared as Map keys (SameValueZero). Bounded: emptied when it grows past the bound.
 */
export class TextMemo<A, B = undefined, C = undefined> {
  private readonly root = new Map<A, Map<B, Map<C, string>>>();
  private size = 0;

  constructor(
    private readonly build: (a: A, b: B, c: C) => string,
    private readonly bound = 16384,
  ) {}

  get(a: A, b?: B, c?: C): string {
    if (this.size >= this.bound) {
      this.root.clear();
      this.size = 0;
    }
    let byB = this.root.get(a);
    if (!byB) this.root.set(a, (byB = new Map()));
    let byC = byB.get(b as B);
    if (!byC) byB.set(b as B, (byC = new Map()));
    let text = byC.get(c as C);
    if (text === undefined) {
      byC.set(c as C, (text = this.build(a, b as B, c as C)));
      this.size++;
    }
    return text;
  }
}
