// Property tests: on any input the parser and views never throw and keep every invariant of
// invariants.ts. Three sources of input: arbitrary strings, strings built from FRR-like lines
// (realistic and broken), and random edits of real configurations from the shared corpus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdit, CORPUS, corpusSample, edit, frrText, interestingChar } from './arbitraries';
import { checkFrrInvariants } from './invariants';

/** Each property stops after this long, so the file stays well under 10 s even on a slow machine. */
const LIMIT_MS = 2500;

let runs = 0;
const check = (text: string): void => {
  runs++;
  checkFrrInvariants(text);
};

describe('frr parser properties', () => {
  it('holds every invariant on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: interestingChar, maxLength: 300 }), check), { numRuns: 800, interruptAfterTimeLimit: LIMIT_MS });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 300, interruptAfterTimeLimit: LIMIT_MS });
  });

  it('holds every invariant on text built from FRR-like lines, CR/LF/CRLF, BOM and tabs', () => {
    fc.assert(fc.property(frrText, check), { numRuns: 800, interruptAfterTimeLimit: LIMIT_MS });
  });

  it('holds every invariant on random edits of real corpus files', () => {
    const sample = corpusSample();
    assert.ok(sample.length >= 50, `corpus sample from ${CORPUS}`);
    fc.assert(
      fc.property(fc.nat({ max: sample.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (i, edits) => {
        check(edits.reduce(applyEdit, sample[i]!));
      }),
      { numRuns: 600, interruptAfterTimeLimit: LIMIT_MS },
    );
  });

  it('ran at least 2,000 inputs within the time limits', () => {
    assert.ok(runs >= 2000, `${runs} runs`);
  });
});
