/**
 * renderMessage splits each template at its placeholders once and joins the parts; it must give what a
 * replacement of every `{name}` (unknown names kept as written) gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { renderMessage } from '../../../server/src/core/finding';

const byRegex = (template: string, data: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));

describe('renderMessage', () => {
  it('fills placeholders, keeps unknown ones and other braces', () => {
    const data = { helper: 'neighbor 192.0.2.1', n: 3, empty: '' };
    for (const t of ['{helper} runs {n} s', '{helper}{helper}', 'no placeholders', '{unknown} and {helper}', '{ helper } {h-x} {} {{n}}', '{empty}|{n}', '']) {
      assert.equal(renderMessage(t, data), byRegex(t, data), t);
    }
  });

  it('renders the same message again, and keeps rendering past the bound of kept messages', () => {
    const t = '{a} and {b} and {a}';
    for (let i = 0; i < 40000; i++) {
      const data = { a: `x${i % 20011}`, b: i % 7 };
      assert.equal(renderMessage(t, data), byRegex(t, data));
    }
    assert.equal(renderMessage(t, { a: 'x1', b: 1 }), renderMessage(t, { a: 'x1', b: 1 }));
    assert.equal(renderMessage(t, { a: 'x1', b: '1' }), 'x1 and 1 and x1');
    assert.equal(renderMessage(t, { b: 1 }), '{a} and 1 and {a}');
  });

  it('matches a regex replacement on generated templates', () => {
    const part = fc.constantFrom('{a}', '{b}', '{zz}', '{', '}', '{ a}', 'text ', '$1', '{{a}}');
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.integer());
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), value), (parts, data) => {
        const t = parts.join('');
        assert.equal(renderMessage(t, data), byRegex(t, data));
      }),
      { numRuns: 500 },
    );
  });
});
