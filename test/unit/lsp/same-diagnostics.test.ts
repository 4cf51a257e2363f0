// sameDiagnostics decides whether the server publishes a file's diagnostics again: it must say "same"
// exactly when the client would receive the same JSON data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver';
import { sameDiagnostics } from '../../../server/src/lsp/convert';

const pos = fc.record({ line: fc.nat({ max: 3 }), character: fc.nat({ max: 3 }) });
const loc = fc.record({ uri: fc.constantFrom('file:///a', 'file:///b'), range: fc.record({ start: pos, end: pos }) });
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    range: fc.record({ start: pos, end: pos }),
    severity: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
    code: fc.constantFrom('GR101', 'BFD301'),
    codeDescription: fc.record({ href: fc.constantFrom('https://x/GR101', 'https://x/BFD301') }),
    source: fc.constant('grlint'),
    message: fc.constantFrom('a', 'b', ''),
    relatedInformation: fc.array(fc.record({ location: loc, message: fc.constantFrom('x', 'y') }), { maxLength: 2 }),
    data: fc.record({ key: fc.constantFrom('1:2', '1:3') }),
  },
  { requiredKeys: ['range', 'severity', 'code', 'source', 'message'] },
);

// A copy with one field of one diagnostic possibly changed, built from the same generator.
const pair = fc.tuple(fc.array(diagnostic, { maxLength: 4 }), fc.array(diagnostic, { maxLength: 4 }), fc.nat(), fc.boolean()).map(([a, other, i, mutate]) => {
  const b: Diagnostic[] = structuredClone(a);
  if (mutate && a.length > 0 && other.length > 0) {
    const k = i % a.length;
    const keys = Object.keys(other[0]!) as (keyof Diagnostic)[];
    const key = keys[i % keys.length]!;
    (b[k] as unknown as Record<string, unknown>)[key] = structuredClone(other[0]![key]);
  }
  return [a, b] as const;
});

describe('sameDiagnostics', () => {
  it('agrees with comparing the JSON the client receives', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        assert.equal(sameDiagnostics(a, b), JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores key order and keys whose value is undefined, as JSON does', () => {
    const a: Diagnostic = { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, message: 'm', source: 'grlint' };
    const b = { source: 'grlint', message: 'm', range: { end: { character: 2, line: 0 }, start: { character: 1, line: 0 } }, code: undefined } as Diagnostic;
    assert.equal(sameDiagnostics([a], [b]), true);
    assert.equal(sameDiagnostics([a], [{ ...b, code: 'GR101' }]), false);
    assert.equal(sameDiagnostics([a], [a, a]), false);
    assert.equal(sameDiagnostics([{ ...a, relatedInformation: [] }], [a]), false);
  });
});
