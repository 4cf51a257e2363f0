/**
 * The structural invariants of the frr.conf parser and its views, checked on any input: lossless
 * tokens, lines that tile the text, words that are what FRR splits, every range inside the text, and
 * block ranges that nest. Used by the property, corpus and size tests.
 */
import assert from 'node:assert/strict';
import { analyzeFrr, frrTokens, parseFrr } from '../../../server/src/core/frr';
import type { FrrBlock, FrrConfigView, FrrTree } from '../../../server/src/core/frr';

/** Parses `text`, builds its view, and asserts every invariant. Returns the view. */
export function checkFrrInvariants(text: string): FrrConfigView {
  const tree = parseFrr(text);
  checkTree(tree, text);
  const view = analyzeFrr(text);
  checkRangesIn(view, text.length);
  return view;
}

export function checkTree(tree: FrrTree, text: string): void {
  assert.equal(tree.text, text);

  // The tokens joined give back the input exactly; they are contiguous and never empty.
  const tokens = frrTokens(tree);
  let at = 0;
  for (const t of tokens) {
    assert.equal(t.start, at, 'tokens are contiguous');
    assert.ok(t.end > t.start, 'tokens are not empty');
    at = t.end;
  }
  assert.equal(at, text.length, 'tokens cover the text');
  assert.equal(tokens.map((t) => text.slice(t.start, t.end)).join(''), text);

  // Lines tile the text.
  assert.ok(tree.lines.length >= 1);
  assert.equal(tree.lines[0]!.start, 0);
  assert.equal(tree.lines[tree.lines.length - 1]!.end, text.length);
  tree.lines.forEach((line, i) => {
    assert.equal(line.index, i);
    if (i > 0) assert.equal(line.start, tree.lines[i - 1]!.end, 'lines are contiguous');
    assert.ok(line.start <= line.contentStart && line.contentStart <= line.contentEnd && line.contentEnd <= line.end);
    const body = text.slice(line.start, line.end);
    // Only the last line may lack a terminator, and a terminator only ends a line.
    const terminator = /(\r\n|\r|\n)$/.exec(body)?.[0] ?? '';
    if (i < tree.lines.length - 1) assert.ok(terminator !== '', 'only the last line may lack a terminator');
    assert.ok(!/[\r\n]/.test(body.slice(0, body.length - terminator.length)), 'no terminator inside a line');
    const content = text.slice(line.contentStart, line.contentEnd);
    if (line.kind === 'blank') assert.equal(content, '');
    if (line.kind === 'comment') assert.ok(content[0] === '!' || content[0] === '#');
    if (line.kind === 'command') {
      assert.ok(line.words.length > 0 && content[0] !== '!' && content[0] !== '#');
      assert.equal(line.words[0]!.start, line.contentStart);
      assert.equal(line.words[line.words.length - 1]!.end, line.contentEnd);
    } else {
      assert.equal(line.words.length, 0);
    }
    let prev = line.contentStart;
    assert.deepEqual(line.texts, line.words.map((w) => w.text), 'texts are the words\' texts');
    for (const w of line.words) {
      assert.ok(w.start >= prev && w.end > w.start && w.end <= line.contentEnd);
      assert.equal(w.text, text.slice(w.start, w.end));
      assert.ok(!/[ \t\r\n]/.test(w.text), 'words hold no separator');
      assert.ok(/^[ \t]*$/.test(text.slice(prev, w.start)), 'only spaces and tabs between words');
      prev = w.end;
    }
  });

  // Errors lie inside the text, in order.
  let lastError = 0;
  for (const e of tree.errors) {
    assertRange(e.range, text.length, `error ${e.code}`);
    assert.ok(e.range.start >= lastError, 'errors are sorted');
    lastError = e.range.start;
  }

  // Blocks nest, every line belongs to exactly one block, and block lines lie inside their block.
  assert.equal(tree.root.range.start, 0);
  assert.equal(tree.root.range.end, text.length);
  const owner = new Array<FrrBlock | undefined>(tree.lines.length);
  const visit = (b: FrrBlock): void => {
    assertRange(b.range, text.length, `block ${b.node}`);
    const own = [...b.lines];
    if (b.opener) {
      assert.equal(b.range.start, b.opener.start, 'a block starts at its opener');
      own.push(b.opener);
    }
    if (b.closer) {
      assert.equal(b.range.end, b.closer.end, 'a block ends at its closer');
      own.push(b.closer);
    }
    for (const l of own) {
      assert.equal(owner[l.index], undefined, `line ${l.index + 1} belongs to one block`);
      owner[l.index] = b;
      assert.equal(tree.blockOfLine[l.index], b);
      assert.ok(l.start >= b.range.start && l.end <= b.range.end, 'block lines lie inside the block');
    }
    let prevEnd = b.opener ? b.opener.end : 0;
    for (const c of b.children) {
      assert.equal(c.parent, b);
      assert.ok(c.range.start >= prevEnd, 'children are ordered and do not overlap');
      assert.ok(c.range.start >= b.range.start && c.range.end <= b.range.end, 'children nest in their parent');
      prevEnd = c.range.end;
      visit(c);
    }
  };
  visit(tree.root);
  for (let i = 0; i < owner.length; i++) assert.ok(owner[i], `line ${i + 1} has a block`);
}

function assertRange(r: { start: number; end: number }, length: number, what: string): void {
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end), `${what}: integer offsets`);
  assert.ok(0 <= r.start && r.start <= r.end && r.end <= length, `${what}: range ${r.start}-${r.end} inside 0-${length}`);
}

/** Asserts that every object with numeric `start` and `end` reachable from `value` is a range in bounds. */
export function checkRangesIn(value: unknown, length: number): number {
  const seen = new Set<object>();
  let count = 0;
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      assertRange(o as { start: number; end: number }, length, path);
      count++;
    }
    for (const [k, child] of Object.entries(o)) {
      if (k === 'text' && typeof child === 'string') continue;
      walk(child, `${path}.${k}`);
    }
  };
  walk(value, 'view');
  return count;
}
