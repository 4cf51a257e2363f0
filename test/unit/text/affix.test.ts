/** commonAffixes: the common prefix and the non-overlapping common suffix of two texts, as a character loop finds them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { commonAffixes } from '../../../server/src/core/text/affix';

function naive(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a[p] === b[p]) p++;
  let s = 0;
  while (s < n - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { prefix: p, suffix: s };
}

describe('commonAffixes', () => {
  it('agrees with a character loop on random edits of long and short texts', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 40000, maxLength: 90000, unit: fc.constantFrom('a', 'b', '\n') }));
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 50 }), ins: fc.string({ maxLength: 5, unit: fc.constantFrom('a', 'b', '\n') }) });
    fc.assert(
      fc.property(text, edit, (a, e) => {
        const at = e.at % (a.length + 1);
        const b = a.slice(0, at) + e.ins + a.slice(at + e.del);
        assert.deepEqual({ ...commonAffixes(a, b) }, naive(a, b));
        assert.deepEqual({ ...commonAffixes(a, b) }, naive(a, b), 'asked again');
      }),
      { numRuns: 200 },
    );
  });

  it('handles equal, empty and repeated texts', () => {
    for (const [a, b] of [['', ''], ['', 'x'], ['abc', 'abc'], ['aaaa', 'aa'], ['abab', 'ab'], ['xay', 'xby']] as const) {
      assert.deepEqual({ ...commonAffixes(a, b) }, naive(a, b), `${a} / ${b}`);
    }
  });
});
