// StringTable: the one copy of each repeated string that the frr.conf parser and the YAML tree keep.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detached, StringTable } from '../../../server/src/core/text/strings';

describe('StringTable', () => {
  it('gives back one equal copy for equal strings, and knows its own copies', () => {
    const t = new StringTable(10);
    const doc = 'neighbor 10.0.0.1 remote-as 65001';
    const a = t.shared(doc.slice(0, 8));
    const b = t.shared(`${'neigh'}${'bor'}`);
    assert.equal(a, 'neighbor');
    assert.equal(b, a);
    assert.ok(t.owns(a));
    assert.ok(!t.owns('remote-as'));
  });

  it('starts over when full, keeping at most its limit', () => {
    const t = new StringTable(3);
    for (const s of ['a', 'b', 'c']) t.shared(s);
    assert.ok(t.owns('a') && t.owns('c'));
    t.shared('d');
    assert.ok(!t.owns('a'));
    assert.ok(t.owns('d'));
    assert.equal(t.shared('a'), 'a');
  });

  it('detached copies are equal to their source', () => {
    const long = 'x'.repeat(100) + 'route-map RM-IN permit 10';
    assert.equal(detached(long.slice(100)), 'route-map RM-IN permit 10');
  });
});
