/**
 * TextMemo keeps strings built from a few values: the same values give the same text as building it
 * again, different values never share one, and past its bound it starts over without changing results.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextMemo } from '../../../server/src/core/model/texts';

describe('TextMemo', () => {
  it('gives what the builder gives, built once per distinct values', () => {
    let built = 0;
    const memo = new TextMemo((a: string, b: number, c: string | symbol) => {
      built++;
      return `${a}|${b}|${String(c)}`;
    });
    const other = Symbol('other');
    assert.equal(memo.get('x', 1, 'y'), 'x|1|y');
    assert.equal(memo.get('x', 1, 'y'), 'x|1|y');
    assert.equal(built, 1);
    assert.equal(memo.get('x', 1, other), 'x|1|Symbol(other)');
    assert.equal(memo.get('x', 2, 'y'), 'x|2|y');
    assert.equal(memo.get(`${'x'}`, 1, 'y'), 'x|1|y');
    assert.equal(built, 3, 'equal strings are the same key');
  });

  it('starts over past its bound', () => {
    let built = 0;
    const memo = new TextMemo((a: number) => {
      built++;
      return `n${a}`;
    }, 100);
    for (let i = 0; i < 1000; i++) assert.equal(memo.get(i % 250), `n${i % 250}`);
    assert.ok(built > 250, 'entries were dropped and built again');
    assert.ok(built <= 1000);
  });
});
