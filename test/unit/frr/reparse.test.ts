// reparseFrr (the language server's per-edit parse) must give exactly what parseFrr gives for the new
// text, whatever the edit, and must reuse the lines the edit did not touch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeFrr, parseFrr, reanalyzeFrr, reparseFrr } from '../../../server/src/core/frr';
import type { FrrBlock, FrrLine, FrrTree } from '../../../server/src/core/frr';
import { parseFile } from '../../../server/src/core/project';
import { lineIndexOf, reparseFile } from '../../../server/src/core/reparse';
import { LineIndex } from '../../../server/src/core/text/line-index';
import { applyEdit, corpusSample, edit, frrText, interestingChar } from './arbitraries';

const LIMIT_MS = 2500;

/** Asserts that the incremental parse of `next` from the tree of `prev` equals a fresh parse. */
function same(prevTree: FrrTree, next: string): FrrTree {
  const incremental = reparseFrr(prevTree, next);
  assert.deepStrictEqual(flat(incremental), flat(parseFrr(next)));
  return incremental;
}

/** A line as plain data (its words are made on first use, so they are read here). */
function plainLine(l: FrrLine): unknown {
  return { index: l.index, start: l.start, contentStart: l.contentStart, contentEnd: l.contentEnd, end: l.end, kind: l.kind, texts: l.texts, words: l.words };
}

/** Everything in a tree as plain data, with blocks numbered in pre-order and referred to by number. */
function flat(tree: FrrTree): unknown {
  const blocks: FrrBlock[] = [];
  const walk = (b: FrrBlock): void => {
    blocks.push(b);
    b.children.forEach(walk);
  };
  walk(tree.root);
  const no = new Map(blocks.map((b, i) => [b, i]));
  return {
    text: tree.text,
    lines: tree.lines.map(plainLine),
    errors: tree.errors,
    blockOfLine: tree.blockOfLine.map((b) => no.get(b)),
    blocks: blocks.map((b) => ({
      kind: b.kind,
      node: b.node,
      opener: b.opener?.index,
      closer: b.closer?.index,
      parent: b.parent ? no.get(b.parent) : undefined,
      children: b.children.map((c) => no.get(c)),
      lines: b.lines.map((l) => l.index),
      range: b.range,
    })),
  };
}

/** A replacement of `text.slice(at, at + length)` by `insert`. */
const splice = fc.record({ at: fc.nat(), length: fc.nat({ max: 30 }), insert: fc.string({ unit: interestingChar, maxLength: 6 }) });

function applySplice(text: string, s: { at: number; length: number; insert: string }): string {
  const at = text.length === 0 ? 0 : s.at % (text.length + 1);
  return text.slice(0, at) + s.insert + text.slice(at + s.length);
}

describe('reparseFrr', () => {
  it('equals parseFrr after any splice of FRR-like text (BOM, CR, LF, CRLF, tabs)', () => {
    fc.assert(
      fc.property(frrText, fc.array(splice, { minLength: 1, maxLength: 4 }), (text, splices) => {
        let tree = parseFrr(text);
        let cur = text;
        for (const s of splices) {
          cur = applySplice(cur, s);
          tree = same(tree, cur);
        }
      }),
      { numRuns: 1500, interruptAfterTimeLimit: LIMIT_MS },
    );
  });

  it('equals parseFrr after line and character edits of real corpus files', () => {
    const sample = corpusSample();
    assert.ok(sample.length >= 50);
    fc.assert(
      fc.property(fc.nat({ max: sample.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (i, edits) => {
        let cur = sample[i]!;
        let tree = parseFrr(cur);
        for (const e of edits) {
          cur = applyEdit(cur, e);
          tree = same(tree, cur);
        }
      }),
      { numRuns: 150, interruptAfterTimeLimit: LIMIT_MS },
    );
  });

  it('handles the edits where line boundaries move: CR then LF, BOM, empty texts, the final newline', () => {
    const cases: [string, string][] = [
      ['a\rb\n', 'a\r\nb\n'], // an LF after a lone CR joins the two terminators
      ['a\r\nb\n', 'a\rb\n'],
      ['x\n\ufeffrouter bgp 1\n', '\ufeffrouter bgp 1\n'], // a BOM that becomes the first character
      ['\ufeffrouter bgp 1\n', 'x\n\ufeffrouter bgp 1\n'],
      ['', 'router bgp 1\n'],
      ['router bgp 1\n', ''],
      ['router bgp 1\n neighbor a peer-group\n', 'router bgp 1\n neighbor a peer-group'],
      ['router bgp 1\n neighbor a peer-group', 'router bgp 1\n neighbor a peer-group\n'],
      ['router bgp 1\nexit\n', 'router bgp 1\n\nexit\n'],
      ['\n\n\n', '\n\n'],
    ];
    for (const [a, b] of cases) same(parseFrr(a), b);
  });

  it('reuses the line objects the edit did not touch, moving those after it in place', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ` neighbor 10.0.${i >> 8}.${i & 255} description node${String(i).padStart(4, '0')}`);
    const text = `router bgp 65000\n${lines.join('\n')}\nexit\n`;
    let prev = parseFrr(text);
    let [line50, line101, line150] = [prev.lines[50]!, prev.lines[101]!, prev.lines[150]!];
    const sameLength = reparseFrr(prev, text.replace('description node0100', 'description node9999'));
    assert.equal(sameLength.lines[50], line50);
    assert.notEqual(sameLength.lines[101], line101);
    assert.equal(sameLength.lines[150], line150);
    prev = parseFrr(text);
    [line50, line150] = [prev.lines[50]!, prev.lines[150]!];
    const start150 = line150.start;
    const word150 = line150.words[2]!.start;
    const inserted = '-new\n neighbor 10.9.9.9 remote-as 1';
    const longer = reparseFrr(prev, text.replace('description node0100', `description node0100${inserted}`));
    assert.equal(longer.lines[50], line50);
    // The same object, one line further down and 35 characters later, its words with it.
    assert.equal(longer.lines[151], line150);
    assert.equal(line150.index, 151);
    assert.equal(inserted.length, 35);
    assert.equal(line150.start, start150 + 35);
    assert.equal(line150.words[2]!.start, word150 + 35);
    assert.equal(reparseFrr(longer, longer.text), longer);
  });

  it('lineIndexOf a reparsed frr.conf has the line starts a LineIndex scan finds (LF, CRLF, lone CR, final newline)', () => {
    fc.assert(
      fc.property(frrText, splice, (text, s) => {
        const next = applySplice(text, s);
        const prev = parseFile({ uri: 'r/frr.conf', text });
        const parsed = reparseFile(prev, { uri: 'r/frr.conf', text: next });
        assert.equal(parsed.kind, 'frr');
        assert.deepStrictEqual(lineIndexOf(parsed).lineStarts, new LineIndex(next).lineStarts);
      }),
      { numRuns: 500, interruptAfterTimeLimit: LIMIT_MS },
    );
  });

  it('reanalyzeFrr finds a secret that an edit completes, joins or adds away from the keyword', () => {
    const base = 'router bgp 65000\n neighbor 10.0.0.1 remote-as 65001\n neighbor 10.0.0.1 password\n neighbor 10.0.0.2 remote-as 65001\nexit\n';
    const split = base.replace(' password\n', ' password\n s3cret\n');
    const cases: [string, string][] = [
      [base, base.replace(' password\n', ' password s3cret\n')], // the value typed after the keyword
      [split, split.replace(' password\n s3cret', ' password s3cret')], // the line break between them deleted
      [base, base.replace('exit\n', ' neighbor 10.0.0.2 password x\nexit\n')],
      [base, `${base}interface eth0\n ip ospf authentication-key abc\n`],
    ];
    for (const [before, after] of cases) {
      assert.notEqual(before, after);
      const prev = analyzeFrr(before);
      assert.deepStrictEqual(prev.sensitiveRanges, []);
      const view = reanalyzeFrr(prev, after);
      assert.deepStrictEqual(view.sensitiveRanges, analyzeFrr(after).sensitiveRanges);
      assert.ok(view.sensitiveRanges.length > 0, after);
    }
  });

  it('reanalyzeFrr gives the view analyzeFrr gives', () => {
    fc.assert(
      fc.property(frrText, splice, (text, s) => {
        const next = applySplice(text, s);
        assert.deepStrictEqual(reanalyzeFrr(analyzeFrr(text), next), analyzeFrr(next));
      }),
      { numRuns: 500, interruptAfterTimeLimit: LIMIT_MS },
    );
  });
});
