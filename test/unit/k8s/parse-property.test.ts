import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { decodeEmbedded } from '../../../server/src/core/k8s/embedded';
import { parseK8sYaml } from '../../../server/src/core/k8s/parse';
import type { K8sParseResult } from '../../../server/src/core/k8s/types';
import { eachRange, k8sCorpusFiles } from './corpus';

/** Checks the invariants every result must satisfy for `text`. */
function checkResult(text: string, r: K8sParseResult): void {
  eachRange(r, (x) => {
    assert.ok(Number.isInteger(x.start) && Number.isInteger(x.end), 'integer offsets');
    assert.ok(0 <= x.start && x.start <= x.end && x.end <= text.length, `range ${x.start}-${x.end} outside 0-${text.length}`);
  });
  for (const o of r.objects) {
    const tv = o.kind === 'FRRConfiguration' ? o.spec.raw?.value.rawConfig : o.kind === 'ConfigMap' ? o.extras : undefined;
    if (!tv) continue;
    const e = decodeEmbedded(text, tv.node);
    assert.ok(e);
    for (let i = 0; i <= e.text.length; i++) {
      const h = e.toHostOffset(i);
      assert.ok(h >= 0 && h <= text.length);
    }
    e.toHostEdit({ range: { start: 0, end: Math.min(1, e.text.length) }, newText: 'x\n' });
  }
}

const TOKENS = [
  'apiVersion: metallb.io/v1beta2\n',
  'apiVersion: frrk8s.metallb.io/v1beta1\n',
  'kind: BGPPeer\n',
  'kind: FRRConfiguration\n',
  'kind: ConfigMap\nmetadata: {name: bgpextras}\ndata:\n  extras: ',
  'spec:\n',
  '  raw:\n    rawConfig: ',
  '  myASN: ',
  '  password: ',
  '  nodeSelectors:\n  - matchLabels: {a: b}\n',
  '  bgp:\n    routers:\n    - asn: 1\n      neighbors:\n      - address: ',
  'kind: List\nitems:\n- ',
  '---\n',
  '...\n',
  '- ',
  ': ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '\\',
  '|',
  '|2-',
  '>+',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '? ',
  '#',
  '%YAML 1.2\n',
  '<<: ',
  'yes',
  '0x1F',
  '1.5s',
  '\u00e9',
  '\ud83d\ude00',
  '\ud800',
  '\ufeff',
  'x',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((a) => a.join(''));

const CORPUS_TEXTS = k8sCorpusFiles()
  .filter((f) => /configsamples|config\/samples|frrk8s\/testdata|configmaptocrs/.test(f))
  .map((f) => readFileSync(f, 'utf8'));

type Mutation = { at: number; del: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 20 }),
  insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 5 })),
});

function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    t = t.slice(0, at) + m.insert + t.slice(at + m.del);
  }
  return t;
}

describe('parseK8sYaml: properties', () => {
  it('never throws and keeps every range inside the text, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        checkResult(text, parseK8sYaml(text));
      }),
      { numRuns: 1000, seed: 1 },
    );
  });

  it('never throws and keeps every range inside the text, for YAML-like token soup', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        checkResult(text, parseK8sYaml(text));
      }),
      { numRuns: 2000, seed: 2 },
    );
  });

  it('never throws and keeps every range inside the text, for mutated corpus files', () => {
    assert.ok(CORPUS_TEXTS.length > 50);
    fc.assert(
      fc.property(fc.constantFrom(...CORPUS_TEXTS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => {
        const t = mutate(text, ms);
        checkResult(t, parseK8sYaml(t));
      }),
      { numRuns: 1500, seed: 3 },
    );
  });
});

