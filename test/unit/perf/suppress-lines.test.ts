/**
 * lint finds the directives that apply to a finding by the offsets of their target line, without a line
 * index of the file. For every offset (and offsets outside the file), "in the target offsets" must be
 * "on the target line" as LineIndex counts lines (`\n`, `\r\n`, lone `\r`, no final newline).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseFile } from '../../../server/src/core/project';
import { findDirectives } from '../../../server/src/core/suppress';
import { LineIndex } from '../../../server/src/core/text/line-index';

function check(uri: string, text: string): number {
  const directives = findDirectives(parseFile({ uri, text }));
  const index = new LineIndex(text);
  for (const d of directives) {
    for (let o = -2; o <= text.length + 2; o++) {
      const onLine = index.positionAt(o).line === d.targetLine;
      const inOffsets = Math.max(0, o) >= d.targetOffsets.start && Math.max(0, o) < d.targetOffsets.end;
      assert.equal(inOffsets, onLine, `offset ${o} of ${JSON.stringify(text)}, directive for line ${d.targetLine}`);
    }
  }
  return directives.length;
}

describe('directive target offsets', () => {
  it('match the target line in hand-picked texts', () => {
    const frr = (eol: string, last: string): string =>
      ['! grlint-disable-next-line GR101', 'router bgp 1', ' ! grlint-disable-next-line GR101', ' ! grlint-disable-next-line GR102', ' neighbor x remote-as 2', '! grlint-disable-next-line GR101', last].join(eol);
    for (const eol of ['\n', '\r\n', '\r']) {
      for (const last of ['exit', '', `exit${eol}`]) assert.ok(check('/w/frr.conf', frr(eol, last)) >= 4);
    }
    // A next-line directive on the last line targets a line that does not exist.
    assert.equal(check('/w/frr.conf', 'router bgp 1\n! grlint-disable-next-line GR101'), 1);
    assert.equal(check('/w/a.yaml', 'kind: BGPPeer # grlint-disable-line MLB412\nspec: {}\n# grlint-disable-next-line MLB403\nx: 1'), 2);
  });

  it('are found in an frr.conf wherever trimStart finds a comment, and nowhere else', () => {
    // FRR reads a line led by a no-break space as a command; trimStart still finds the comment.
    for (const lead of ['', ' ', '\t', '\u00a0', '\ufeff', '\u3000 ']) {
      assert.equal(check('/w/frr.conf', `router bgp 1\n${lead}! grlint-disable-next-line GR101\n neighbor x remote-as 2\n`), 1, JSON.stringify(lead));
      assert.equal(check('/w/frr.conf', `router bgp 1\n${lead}# grlint-disable-next-line GR101\n neighbor x remote-as 2\n`), 1, JSON.stringify(lead));
    }
    assert.equal(check('/w/frr.conf', '\ufeff! grlint-disable-next-line GR101\nrouter bgp 1\n'), 1);
    // Not comments: a directive inside a command, a description, or after a word.
    for (const line of [' neighbor x description ! grlint-disable-next-line GR101', 'x ! grlint-disable-next-line GR101', 'router bgp 1 # grlint-disable-line GR101']) {
      assert.equal(check('/w/frr.conf', `router bgp 1\n${line}\n`), 0, line);
    }
  });

  it('match the target line in generated texts', () => {
    const piece = fc.constantFrom('! grlint-disable-next-line GR101', 'router bgp 1', ' neighbor x', '', 'exit');
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, eol), { maxLength: 8 }), fc.boolean(), (lines, final) => {
        const text = lines.map(([l, e], i) => l + (i < lines.length - 1 || final ? e : '')).join('');
        check('/w/frr.conf', text);
      }),
      { numRuns: 300 },
    );
  });
});
