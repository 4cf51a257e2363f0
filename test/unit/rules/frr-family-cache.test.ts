/**
 * The FRR family (FRR501-FRR506) caches line verdicts by content across lints: by the last pass over the
 * same document, and by context and command text for any document. Findings of a lint with warm caches
 * must equal those of a lint with cold ones, wherever the edit moved the lines to.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/finding';
import { lint } from '../../../server/src/core/lint';
import { parseFile } from '../../../server/src/core/project';
import { frrFamilyCacheEntries, resetFrrFamilyCaches } from '../../../server/src/core/rules/frr-lines';

const FRR_CODES = new Set(['FRR501', 'FRR502', 'FRR503', 'FRR504', 'FRR505', 'FRR506']);

/** A file with findings of every FRR code: ranges, a replacement fix, related locations, a too-new command. */
const BASE = [
  'frr version 8.1',
  'router bgp 64512',
  ' bgp graceful-restart restart-time 5000',
  ' bgp graceful-restart restart-tme 60',
  ' neighbor 192.0.2.2 remote-as 64513',
  ' neighbor 192.0.2.2 graceful-restart-helpr',
  ' neighbor 192.0.2.3 timers 3 9',
  ' neighbor 192.0.2.4 peer-group LATER',
  ' neighbor LATER peer-group',
  ' bgp graceful-restart notification',
  ' address-family ipv4 unicast',
  '  neighbor 192.0.2.2 activate',
  ' exit-address-family',
  'exit',
  'timers bgp 3 9',
  'ip prefix-list PL seq 5 permit 192.0.2.0/24',
  '',
].join('\n');

function frrFindings(uri: string, text: string): Finding[] {
  const r = lint([parseFile({ uri, text, languageId: 'frr' })]);
  return r.findings.filter((f) => FRR_CODES.has(f.code));
}

/** The findings of `text` in a process whose FRR family caches are empty. */
function cold(uri: string, text: string): Finding[] {
  resetFrrFamilyCaches();
  return frrFindings(uri, text);
}

describe('FRR family caches', () => {
  it('the fixture has findings of every FRR code, with fixes and related locations', () => {
    const found = cold('/c/frr.conf', BASE);
    assert.deepEqual(new Set(found.map((f) => f.code)), FRR_CODES);
    assert.ok(found.some((f) => f.fixes.length > 0));
    assert.ok(found.some((f) => f.related.length > 0));
  });

  /** `judged`: at most how many lines the warm lint judges again (the rest must come from the caches). */
  const edits: { what: string; edit: (t: string) => string; judged: number }[] = [
    { what: 'a line inserted above everything (every line moves)', edit: (t) => t.replace('router bgp 64512\n', 'router bgp 64512\n bgp router-id 192.0.2.1\n'), judged: 1 },
    { what: 'a line inserted at the start of the file', edit: (t) => `! a comment\n${t}`, judged: 0 },
    { what: 'a line changed in the middle', edit: (t) => t.replace('restart-tme 60', 'restart-time 60'), judged: 1 },
    { what: 'a line made longer (later lines move by characters, not lines)', edit: (t) => t.replace('remote-as 64513', 'remote-as 4200000001'), judged: 2 },
    { what: 'a line removed', edit: (t) => t.replace(' neighbor 192.0.2.3 timers 3 9\n', ''), judged: 0 },
    { what: 'the version changed (every context changes)', edit: (t) => t.replace('frr version 8.1', 'frr version 8.3'), judged: Infinity },
    { what: 'an exit inserted (later lines run in other blocks)', edit: (t) => t.replace(' neighbor 192.0.2.3 timers', 'exit\n neighbor 192.0.2.3 timers'), judged: Infinity },
  ];

  for (const { what, edit, judged } of edits) {
    it(`the same document after ${what}: warm findings equal cold ones`, () => {
      const after = edit(BASE);
      assert.notEqual(after, BASE);
      const expected = cold('/c/frr.conf', after);
      resetFrrFamilyCaches();
      frrFindings('/c/frr.conf', BASE);
      const entries = frrFamilyCacheEntries();
      assert.deepEqual(frrFindings('/c/frr.conf', after), expected);
      // The other lines were taken from the caches, not judged again (else this test would prove nothing).
      // A line judged again adds a cache entry, two for a neighbor line (its command and its target).
      assert.ok(frrFamilyCacheEntries() - entries <= 2 * judged, `${frrFamilyCacheEntries() - entries} new cache entries`);
    });

    it(`another document after ${what}: warm findings equal cold ones`, () => {
      const after = edit(BASE);
      const expected = cold('/d/frr.conf', after);
      resetFrrFamilyCaches();
      frrFindings('/c/frr.conf', BASE);
      // No pass over /d/frr.conf yet: its lines come from the content cache, moved to where they are.
      assert.deepEqual(frrFindings('/d/frr.conf', after), expected);
    });
  }

  it('alternating versions of a document, as an editor sends them, always give the cold findings', () => {
    const versions = [BASE, ...edits.map((e) => e.edit(BASE)), BASE, edits[0]!.edit(BASE)];
    const expected = versions.map((t) => cold('/c/frr.conf', t));
    resetFrrFamilyCaches();
    versions.forEach((t, i) => assert.deepEqual(frrFindings('/c/frr.conf', t), expected[i], `version ${i}`));
  });

  it('a small cache limit drops old generations and keeps the findings right', () => {
    // Each text has two lines no other has: 200 entries in all, far above what the limit lets stay.
    const texts = Array.from({ length: 100 }, (_, i) => BASE.replace('restart-time 5000', `restart-time ${5000 + i}`).replace('seq 5 ', `seq ${5 + i} `));
    const uri = (i: number): string => `/c/${i % 3}/frr.conf`;
    const expected = texts.map((t, i) => cold(uri(i), t));
    const limit = 20;
    resetFrrFamilyCaches(limit);
    texts.forEach((t, i) => {
      assert.deepEqual(frrFindings(uri(i), t), expected[i], `text ${i}`);
      // Each of the three caches holds at most the limit plus the lines of one document (trimmed between
      // documents) in its current generation.
      assert.ok(frrFamilyCacheEntries() <= 3 * (limit + t.split('\n').length), `${frrFamilyCacheEntries()} entries`);
    });
    resetFrrFamilyCaches();
  });
});
