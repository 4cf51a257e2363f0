import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEmbedded, type EmbeddedText } from '../../../server/src/core/k8s/embedded';
import { parseK8sYaml } from '../../../server/src/core/k8s/parse';
import type { TextVal } from '../../../server/src/core/k8s/types';
import { applyEdits } from '../../../server/src/core/text/edit';
import { LineIndex } from '../../../server/src/core/text/line-index';

/** An FRRConfiguration whose `spec.raw.rawConfig` is written as `value` (already indented for column 4). */
function rawConfigDoc(value: string): string {
  return ['apiVersion: frrk8s.metallb.io/v1beta1', 'kind: FRRConfiguration', 'metadata:', '  name: x', 'spec:', '  raw:', `    rawConfig: ${value}`, 'status: {}', ''].join('\n');
}

/** The bgpextras ConfigMap whose `data.extras` is written as `value` (already indented for column 2). */
function extrasDoc(value: string): string {
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bgpextras', 'data:', `  extras: ${value}`, ''].join('\n');
}

function embeddedVal(text: string): TextVal | undefined {
  const obj = parseK8sYaml(text).objects[0];
  if (obj?.kind === 'FRRConfiguration') return obj.spec.raw?.value.rawConfig;
  if (obj?.kind === 'ConfigMap') return obj.extras;
  return undefined;
}

function embedded(text: string): EmbeddedText {
  const v = embeddedVal(text);
  assert.ok(v, 'the document has an embedded text');
  const e = decodeEmbedded(text, v.node);
  assert.ok(e, 'the scalar decodes');
  return e;
}

/** 1-based line and column of the host position of embedded offset `offset`. */
function hostLineCol(text: string, e: EmbeddedText, offset: number): [number, number] {
  const p = new LineIndex(text).positionAt(e.toHostOffset(offset));
  return [p.line + 1, p.character + 1];
}

describe('decodeEmbedded: positions', () => {
  const cases: ReadonlyArray<{ name: string; doc: string; find: string; line: number; column: number; text: string }> = [
    {
      name: 'literal block',
      doc: rawConfigDoc('|\n      router bgp 64512\n       neighbor 10.0.0.1 remote-as 64513\n'),
      find: 'neighbor',
      line: 9,
      column: 8,
      text: 'router bgp 64512\n neighbor 10.0.0.1 remote-as 64513\n',
    },
    {
      name: 'literal block with strip chomping and an indentation indicator',
      doc: rawConfigDoc('|2-\n        router bgp 1\n       bgp x\n'),
      find: 'bgp x',
      line: 9,
      column: 8,
      text: '  router bgp 1\n bgp x',
    },
    {
      name: 'literal block with keep chomping and CRLF line ends',
      doc: rawConfigDoc('|+\n      a\n      neighbor b\n').replace(/\n/g, '\r\n'),
      find: 'neighbor',
      line: 9,
      column: 7,
      text: 'a\nneighbor b\n\n',
    },
    {
      name: 'folded block',
      doc: rawConfigDoc('>\n      router bgp 1\n      neighbor x\n\n      end\n'),
      find: 'neighbor',
      line: 9,
      column: 7,
      text: 'router bgp 1 neighbor x\nend\n',
    },
    {
      name: 'folded block with strip chomping',
      doc: extrasDoc('>-\n    one\n      two\n    three\n'),
      find: 'three',
      line: 9,
      column: 5,
      text: 'one\n  two\nthree',
    },
    {
      name: 'plain scalar over several lines',
      doc: extrasDoc('router bgp 1\n    neighbor x\n\n    end'),
      find: 'end',
      line: 9,
      column: 5,
      text: 'router bgp 1 neighbor x\nend',
    },
    {
      name: 'single-quoted scalar with an escaped quote',
      doc: extrasDoc("'it''s\n    here'"),
      find: 'here',
      line: 7,
      column: 5,
      text: "it's here",
    },
    {
      name: 'double-quoted scalar with escapes',
      doc: extrasDoc('"router bgp 1\\n neighbor \\"x\\"\\tend"'),
      find: 'end',
      line: 6,
      column: 43,
      text: 'router bgp 1\n neighbor "x"\tend',
    },
    {
      name: 'double-quoted scalar with an escaped line break',
      doc: extrasDoc('"router bgp 1\\n\\\n    neighbor x"'),
      find: 'neighbor',
      line: 7,
      column: 5,
      text: 'router bgp 1\nneighbor x',
    },
  ];
  for (const c of cases) {
    it(`maps an offset of a ${c.name} to its line and column in the YAML file`, () => {
      const e = embedded(c.doc);
      assert.equal(e.exact, true);
      assert.equal(e.text, c.text);
      const offset = e.text.indexOf(c.find);
      assert.ok(offset >= 0);
      assert.deepEqual(hostLineCol(c.doc, e, offset), [c.line, c.column]);
      // The host text at that position is the embedded text itself.
      const host = e.toHostOffset(offset);
      assert.equal(c.doc.slice(host, host + c.find.length), c.find);
      assert.deepEqual(e.toHostRange({ start: offset, end: offset + c.find.length }), { start: host, end: host + c.find.length });
    });
  }

  it('maps the end of the text after the last line break of a clipped literal', () => {
    const doc = rawConfigDoc('|\n      a\n      b\n');
    const e = embedded(doc);
    assert.deepEqual(hostLineCol(doc, e, e.text.length), [10, 1]);
  });

  it('returns undefined for a redacted or non-string scalar', () => {
    const doc = ['apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'spec:', '  password: secret', '  myASN: 1', ''].join('\n');
    const obj = parseK8sYaml(doc).objects[0];
    assert.ok(obj?.kind === 'BGPPeer');
    const pw = obj.spec.node?.entries.find((x) => x.key === 'password')?.value;
    assert.ok(pw?.kind === 'scalar' && pw.redacted);
    assert.equal(decodeEmbedded(doc, pw), undefined);
    const asn = obj.spec.node?.entries.find((x) => x.key === 'myASN')?.value;
    assert.ok(asn?.kind === 'scalar');
    assert.equal(decodeEmbedded(doc, asn), undefined);
  });
});

function applyAndDecode(doc: string, e: EmbeddedText, start: number, end: number, newText: string): { ok: boolean; got?: string; expected: string } {
  const expected = e.text.slice(0, start) + newText + e.text.slice(end);
  const hostEdit = e.toHostEdit({ range: { start, end }, newText });
  if (!hostEdit) return { ok: false, expected };
  const edited = applyEdits(doc, [hostEdit]).text;
  const v = embeddedVal(edited);
  return v ? { ok: true, got: v.value, expected } : { ok: true, expected };
}

describe('decodeEmbedded: edits', () => {
  it('inserts a line into a literal block with the block indentation', () => {
    const doc = rawConfigDoc('|\n      router bgp 64512\n       neighbor 10.0.0.1 remote-as 64513\nstatus: {}\n'.replace('\nstatus: {}\n', '\n'));
    const e = embedded(doc);
    const at = e.text.indexOf(' neighbor');
    const edit = e.toHostEdit({ range: { start: at, end: at }, newText: ' bgp graceful-restart preserve-fw-state\n' });
    assert.ok(edit);
    const edited = applyEdits(doc, [edit]).text;
    assert.match(edited, /\n {7}bgp graceful-restart preserve-fw-state\n {7}neighbor/);
    assert.equal(embeddedVal(edited)?.value, 'router bgp 64512\n bgp graceful-restart preserve-fw-state\n neighbor 10.0.0.1 remote-as 64513\n');
  });

  it('appends a line after the last line of a clipped literal block', () => {
    const doc = rawConfigDoc('|\n      router bgp 1\n');
    const e = embedded(doc);
    const r = applyAndDecode(doc, e, e.text.length, e.text.length, ' neighbor x remote-as 2\n');
    assert.deepEqual(r, { ok: true, got: 'router bgp 1\n neighbor x remote-as 2\n', expected: 'router bgp 1\n neighbor x remote-as 2\n' });
  });

  it('escapes quotes, backslashes and newlines in a double-quoted scalar', () => {
    const doc = extrasDoc('"a b"');
    const e = embedded(doc);
    const r = applyAndDecode(doc, e, 1, 1, 'q"\n\\\t');
    assert.equal(r.got, r.expected);
  });

  it('doubles quotes in a single-quoted scalar and refuses a newline there', () => {
    const doc = extrasDoc("'a b'");
    const e = embedded(doc);
    assert.equal(applyAndDecode(doc, e, 1, 1, "it's").got, "ait's b");
    assert.equal(e.toHostEdit({ range: { start: 1, end: 1 }, newText: 'x\ny' }), undefined);
  });

  it('refuses an edit that would change the structure of a plain scalar', () => {
    const doc = extrasDoc('router bgp 1');
    const e = embedded(doc);
    assert.equal(e.toHostEdit({ range: { start: 6, end: 6 }, newText: ': x' }), undefined);
    assert.equal(e.toHostEdit({ range: { start: 0, end: 0 }, newText: '- ' }), undefined);
    assert.equal(e.toHostEdit({ range: { start: 6, end: 6 }, newText: 'x\ny' }), undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: arbitrary scalars of every style, arbitrary edits.
// ---------------------------------------------------------------------------------------------

const word = fc.stringMatching(/^[a-z0-9][a-z0-9.:/-]{0,8}$/);
const lineText = fc.array(word, { minLength: 0, maxLength: 4 }).map((ws) => ws.join(' '));

type Style = 'literal' | 'folded' | 'plain' | 'single' | 'double';

interface Sample {
  readonly doc: string;
  readonly style: Style;
}

/** YAML source for a scalar of `style` at mapping indentation `parent`, from raw content lines. */
function scalarSource(style: Style, lines: readonly string[], parent: number, extra: readonly number[], header: string): string {
  const ind = ' '.repeat(parent + 2);
  switch (style) {
    case 'literal':
    case 'folded': {
      const mode = style === 'literal' ? '|' : '>';
      const body = lines.map((l, i) => (l === '' ? '' : ind + ' '.repeat(i === 0 ? 0 : extra[i] ?? 0) + l)).join('\n');
      return `${mode}${header}\n${body}\n`;
    }
    case 'plain': {
      const ls = lines.map((l) => l.trim()).filter((l, i) => i > 0 || l !== '');
      if (ls.length === 0 || ls[0] === '') return 'x\n';
      return ls.map((l, i) => (i === 0 ? l : l === '' ? '' : ind + l)).join('\n') + '\n';
    }
    case 'single':
      return "'" + lines.map((l, i) => (i === 0 ? l : ind + l).replace(/o/g, "''")).join('\n') + "'\n";
    case 'double':
      return '"' + lines.map((l, i) => (i === 0 ? l : ind + l).replace(/x/g, '\\"').replace(/q/g, '\\t').replace(/z/g, '\\u00e9')).join(i2(lines)) + '"\n';
  }
}
// Double-quoted lines are joined by plain line breaks or by escaped ones.
function i2(lines: readonly string[]): string {
  return lines.length % 2 === 0 ? '\\\n' : '\n';
}

const sampleArb: fc.Arbitrary<Sample> = fc
  .record({
    style: fc.constantFrom<Style>('literal', 'folded', 'plain', 'single', 'double'),
    lines: fc.array(lineText, { minLength: 1, maxLength: 6 }),
    extra: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }),
    header: fc.constantFrom('', '-', '+'),
    host: fc.constantFrom('raw', 'extras'),
    crlf: fc.boolean(),
    trailer: fc.boolean(),
  })
  .map(({ style, lines, extra, header, host, crlf, trailer }) => {
    const first = lines[0] === '' && (style === 'literal' || style === 'folded') ? ['a', ...lines.slice(1)] : lines;
    let doc: string;
    if (host === 'raw') {
      doc = rawConfigDoc(scalarSource(style, first, 4, extra, header).replace(/\n$/, ''));
    } else {
      doc = extrasDoc(scalarSource(style, first, 2, extra, header).replace(/\n$/, ''));
      if (!trailer) doc = doc.replace(/\n$/, '');
    }
    if (crlf) doc = doc.replace(/\n/g, '\r\n');
    return { doc, style };
  });

const editText = fc.array(fc.constantFrom('a', 'b', ' ', '\n', "'", '"', '\\', '#', ':', '\t', 'neighbor 1.2.3.4', '\u00e9'), { maxLength: 6 }).map((a) => a.join(''));

describe('decodeEmbedded: properties', () => {
  it('decodes every generated scalar exactly, with a monotonic map inside the file', () => {
    fc.assert(
      fc.property(sampleArb, ({ doc }) => {
        const v = embeddedVal(doc);
        fc.pre(v !== undefined && parseK8sYaml(doc).errors.length === 0);
        const e = decodeEmbedded(doc, v!.node)!;
        assert.equal(e.exact, true);
        assert.equal(e.text, v!.value);
        let prev = -1;
        for (let i = 0; i <= e.text.length; i++) {
          const h = e.toHostOffset(i);
          assert.ok(h >= prev && h >= 0 && h <= doc.length, `offset ${i} maps to ${h}`);
          prev = h;
          const c = e.text[i];
          // A character that is not a line separator sits at its own position (or at its escape).
          if (c !== undefined && c !== '\n' && c !== ' ' && c !== "'") {
            assert.ok(doc[h] === c || doc[h] === '\\', `text[${i}] ${JSON.stringify(c)} at ${h} is ${JSON.stringify(doc[h])}`);
          }
        }
      }),
      { numRuns: 1500, seed: 42 },
    );
  });

  it('host edits decode to the edited embedded text', () => {
    const taken: Record<string, number> = {};
    const refused: Record<string, number> = {};
    fc.assert(
      fc.property(sampleArb, fc.nat(), fc.nat(), editText, ({ doc, style }, a, b, newText) => {
        const v = embeddedVal(doc);
        fc.pre(v !== undefined && parseK8sYaml(doc).errors.length === 0);
        const e = decodeEmbedded(doc, v!.node)!;
        const n = e.text.length + 1;
        const start = Math.min(a % n, b % n);
        const end = Math.max(a % n, b % n);
        const r = applyAndDecode(doc, e, start, end, newText);
        if (!r.ok) {
          refused[style] = (refused[style] ?? 0) + 1;
          return;
        }
        taken[style] = (taken[style] ?? 0) + 1;
        assert.equal(r.got, r.expected);
      }),
      { numRuns: 2000, seed: 7 },
    );
    // The property must not hold vacuously: most edits are representable in every style.
    for (const style of ['literal', 'folded', 'plain', 'single', 'double']) {
      const t = taken[style] ?? 0;
      const total = t + (refused[style] ?? 0);
      assert.ok(total > 100 && t / total > 0.3, `${style}: ${t} of ${total} edits taken`);
    }
  });

  it('always takes a whole-line insertion into a literal block', () => {
    fc.assert(
      fc.property(sampleArb, fc.nat(), fc.array(word, { minLength: 1, maxLength: 3 }), ({ doc, style }, k, ws) => {
        fc.pre(style === 'literal');
        const v = embeddedVal(doc);
        fc.pre(v !== undefined && parseK8sYaml(doc).errors.length === 0);
        const e = decodeEmbedded(doc, v!.node)!;
        // Line starts of the embedded text, excluding a final empty line in a stripped block.
        const starts = [0];
        for (let i = 0; i < e.text.length; i++) if (e.text[i] === '\n' && i + 1 < e.text.length) starts.push(i + 1);
        const at = starts[k % starts.length]!;
        const r = applyAndDecode(doc, e, at, at, ws.join(' ') + '\n');
        assert.equal(r.ok, true, `insertion at ${at} refused in ${JSON.stringify(doc)}`);
        assert.equal(r.got, r.expected);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
