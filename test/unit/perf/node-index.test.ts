/** The label index of nodes selects exactly what filtering every node with selectorMatches selects. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { LabelSelectorView } from '../../../server/src/core/k8s/types';
import { NodeIndex, selectorMatches, type LabeledNode } from '../../../server/src/core/model/node-index';
import { overlapCandidates, selectionsOverlap, type KnownNode } from '../../../server/src/core/rules/mlb-common';

const R = { start: 0, end: 0 };
const val = <T>(value: T) => ({ value, range: R });
const KEYS = ['rack', 'zone', 'kubernetes.io/hostname', 'role', '__proto__', 'constructor'];
const VALUES = ['a', 'b', 'c', 'n1', 'n2', ''];
const OPS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Bogus'];

const labels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 4 });
const nodeArb = fc.array(fc.tuple(fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5', 'n6'), labels), { maxLength: 8 }).map((xs) => {
  // Labels built as the model builds them: assigned one by one onto a plain object.
  return xs.map(([name, ls]): LabeledNode => {
    const l: Record<string, string> = { 'kubernetes.io/hostname': name };
    for (const [k, v] of Object.entries(ls)) l[k] = v;
    return { name, labels: l };
  });
});
const selectorArb: fc.Arbitrary<LabelSelectorView> = fc
  .record({
    matchLabels: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { maxLength: 2 }),
    matchExpressions: fc.array(
      fc.record({ key: fc.option(fc.constantFrom(...KEYS), { nil: undefined }), op: fc.constantFrom(...OPS), values: fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }) }),
      { maxLength: 2 },
    ),
  })
  .map(
    (s) =>
      ({
        range: R,
        node: { kind: 'map', entries: [], range: R, flow: false },
        matchLabels: s.matchLabels.map(([key, value]) => ({ key, value, range: R, keyRange: R })),
        matchExpressions: s.matchExpressions.map((e) => ({
          range: R,
          ...(e.key !== undefined ? { key: val(e.key) } : {}),
          operator: val(e.op),
          values: val(e.values.map((v) => val(v))),
        })),
      }) as LabelSelectorView,
  );

describe('NodeIndex', () => {
  it('matching(sel) equals filtering every node with selectorMatches, in node order', () => {
    fc.assert(
      fc.property(nodeArb, fc.array(selectorArb, { minLength: 1, maxLength: 4 }), (nodes, sels) => {
        const index = new NodeIndex(nodes);
        for (const s of sels) {
          assert.deepEqual(index.matching(s), nodes.filter((n) => selectorMatches(s, n.labels)));
          // Cached: the same answer the second time.
          assert.deepEqual(index.matching(s), nodes.filter((n) => selectorMatches(s, n.labels)));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('select(list) ORs the selectors; an empty list or all-empty selectors select every node', () => {
    fc.assert(
      fc.property(nodeArb, fc.array(fc.option(selectorArb, { nil: undefined }), { maxLength: 3 }), (nodes, sels) => {
        const real = sels.filter((s): s is LabelSelectorView => !!s);
        const empty = (s: LabelSelectorView): boolean => s.matchLabels.length === 0 && s.matchExpressions.length === 0;
        const expected = real.length === 0 || real.every(empty) ? nodes : nodes.filter((n) => real.some((s) => selectorMatches(s, n.labels)));
        assert.deepEqual(new NodeIndex(nodes).select(sels), expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('overlapCandidates', () => {
  it('lists, ascending, exactly the earlier selections that overlap (every earlier one without nodes)', () => {
    fc.assert(
      fc.property(nodeArb, fc.array(fc.array(selectorArb, { maxLength: 2 }), { maxLength: 6 }), (nodes, selections) => {
        const known = nodes as KnownNode[];
        const candidates = overlapCandidates(selections, known);
        for (let j = 0; j < selections.length; j++) {
          const got = candidates(j);
          if (known.length === 0) {
            assert.deepEqual(got, Array.from({ length: j }, (_, i) => i));
            continue;
          }
          // Naively: the node names each selection selects, intersected.
          const names = (sel: readonly LabelSelectorView[]): Set<string> => {
            const all = sel.length === 0 || sel.some((s) => s.matchLabels.length === 0 && s.matchExpressions.length === 0);
            return new Set(known.filter((n) => all || sel.some((s) => selectorMatches(s, n.labels))).map((n) => n.name));
          };
          const expected: number[] = [];
          for (let i = 0; i < j; i++) {
            const a = names(selections[i]!);
            const shared = [...names(selections[j]!)].filter((n) => a.has(n)).sort();
            if (shared.length > 0) expected.push(i);
            assert.deepEqual(selectionsOverlap(selections[i]!, selections[j]!, known), { overlap: shared.length > 0, shared });
          }
          assert.deepEqual(got, expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
