import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseK8sYaml } from '../../../server/src/core/k8s/parse';
import type { BGPPeerView, LabelSelectorView } from '../../../server/src/core/k8s/types';
import { goParseIP, selectionsOverlap, type KnownNode } from '../../../server/src/core/rules/mlb-common';

describe('goParseIP (Go net.ParseIP)', () => {
  const accepted = ['192.0.2.1', '0.0.0.0', '255.255.255.255', '2001:db8::1', '::', '::ffff:192.0.2.1', 'FE80::1'];
  const rejected = ['', '192.0.2', '192.0.2.256', '192.0.2.01', '0x7f.0.0.1', '127.1', '2001:db8::1%eth0', '2001:db8::g', '::ffff:192.0.2.01', '192.0.2.1/32', ' 192.0.2.1'];
  for (const a of accepted) it(`accepts ${a}`, () => assert.equal(goParseIP(a), true));
  for (const r of rejected) it(`rejects ${JSON.stringify(r)}`, () => assert.equal(goParseIP(r), false));
});

/** The nodeSelectors of a BGPPeer whose spec is `yaml` (indented two spaces). */
function selectors(yaml: string): readonly LabelSelectorView[] {
  const text = `apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: p\nspec:\n  myASN: 1\n  nodeSelectors:\n${yaml}\n`;
  const o = parseK8sYaml(text).objects[0] as BGPPeerView;
  return o.spec.nodeSelectors?.value ?? [];
}

const sel = {
  all: [] as readonly LabelSelectorView[],
  rack1: selectors('  - matchLabels:\n      rack: "1"'),
  rack2: selectors('  - matchLabels:\n      rack: "2"'),
  zoneEast: selectors('  - matchLabels:\n      zone: east'),
  rack1or2: selectors('  - matchLabels:\n      rack: "1"\n  - matchLabels:\n      rack: "2"'),
  rackIn12: selectors('  - matchExpressions:\n    - {key: rack, operator: In, values: ["1", "2"]}'),
  rackNotIn12: selectors('  - matchExpressions:\n    - {key: rack, operator: NotIn, values: ["1", "2"]}'),
  rackExists: selectors('  - matchExpressions:\n    - {key: rack, operator: Exists}'),
  rackAbsent: selectors('  - matchExpressions:\n    - {key: rack, operator: DoesNotExist}'),
  empty: selectors('  - {}'),
};

describe('selectionsOverlap without Node objects: overlap unless provably disjoint', () => {
  const cases: [keyof typeof sel, keyof typeof sel, boolean][] = [
    ['all', 'rack1', true],
    ['rack1', 'rack1', true],
    ['rack1', 'rack2', false],
    ['rack1', 'zoneEast', true],
    ['rack1or2', 'rack2', true],
    ['rackIn12', 'rack2', true],
    ['rackIn12', 'rackNotIn12', false],
    ['rackNotIn12', 'rack1', false],
    ['rackNotIn12', 'rackAbsent', true],
    ['rackExists', 'rackAbsent', false],
    ['rack1', 'rackAbsent', false],
    ['empty', 'rack2', true],
  ];
  for (const [a, b, want] of cases) {
    it(`${a} and ${b}: ${want ? 'overlap' : 'disjoint'}`, () => {
      assert.equal(selectionsOverlap(sel[a], sel[b], []).overlap, want);
      assert.equal(selectionsOverlap(sel[b], sel[a], []).overlap, want, 'symmetric');
    });
  }
});

describe('selectionsOverlap with Node objects: the actual node sets', () => {
  const nodes: KnownNode[] = [
    { name: 'a', labels: { 'kubernetes.io/hostname': 'a', rack: '1', zone: 'east' } },
    { name: 'b', labels: { 'kubernetes.io/hostname': 'b', rack: '2', zone: 'west' } },
  ];
  it('different labels that select the same node overlap, and the node is named', () => {
    assert.deepEqual(selectionsOverlap(sel.rack1, sel.zoneEast, nodes), { overlap: true, shared: ['a'] });
  });
  it('labels no node has in common do not overlap', () => {
    assert.deepEqual(selectionsOverlap(sel.rack2, sel.zoneEast, nodes), { overlap: false, shared: [] });
  });
  it('an empty selection selects every node', () => {
    assert.deepEqual(selectionsOverlap(sel.all, sel.rack1or2, nodes), { overlap: true, shared: ['a', 'b'] });
  });
});
