/**
 * ESLint-style rule tester: a table of valid and invalid multi-file fixtures per rule, with exact
 * 1-based ranges, message ids and data, and the expected files after applying the fixes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Severity } from '../../server/src/core/finding';
import { applyFixPass, chooseFix } from '../../server/src/core/fix';
import type { Rule } from '../../server/src/core/rules/define';
import { LineIndex } from '../../server/src/core/text/line-index';
import { splitFixture } from './fixture';
import { lintFiles } from './lint-files';

export interface ExpectedFinding {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity?: Severity;
  /** Expected related locations as `file:line:column`. */
  readonly related?: readonly string[];
}

export interface ValidCase {
  readonly name: string;
  /** Multi-file fixture text (`#- path` markers). */
  readonly files: string;
  readonly baseTexts?: ReadonlyMap<string, string>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** Files after applying each finding's fix (safe, or also unsafe when `unsafe`); omitted files are unchanged. */
  readonly output?: Readonly<Record<string, string>>;
  readonly unsafe?: boolean;
}

/** 1-based line/column range of a finding. */
export function findingRange(f: Finding, text: string): { line: number; column: number; endLine: number; endColumn: number } {
  const idx = new LineIndex(text);
  const s = idx.positionAt(f.loc.range.start);
  const e = idx.positionAt(f.loc.range.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function relatedText(f: Finding, files: ReadonlyMap<string, string>): string[] {
  return f.related.map((r) => {
    const idx = new LineIndex(files.get(r.loc.uri) ?? '');
    const p = idx.positionAt(r.loc.range.start);
    return `${r.loc.uri}:${p.line + 1}:${p.character + 1}`;
  });
}

/** Registers node:test cases for a rule. */
export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(`${rule.code} ${rule.name}`, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const files = splitFixture(c.files);
        const r = lintFiles(files, { rules: [rule], ...(c.baseTexts ? { baseTexts: c.baseTexts } : {}) });
        assert.deepEqual(r.internalErrors, []);
        const mine = r.findings.filter((f) => f.code === rule.code);
        assert.deepEqual(
          mine.map((f) => `${f.loc.uri}: ${f.message}`),
          [],
          'expected no finding',
        );
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const files = splitFixture(c.files);
        const r = lintFiles(files, { rules: [rule], ...(c.baseTexts ? { baseTexts: c.baseTexts } : {}) });
        assert.deepEqual(r.internalErrors, []);
        const mine = r.findings.filter((f) => f.code === rule.code);
        const actual = mine.map((f) => ({
          messageId: f.messageId,
          file: f.loc.uri,
          ...findingRange(f, files.get(f.loc.uri) ?? ''),
        }));
        const expected = c.errors.map((e) => ({
          messageId: e.messageId,
          file: e.file,
          line: e.line,
          column: e.column,
          endLine: e.endLine,
          endColumn: e.endColumn,
        }));
        assert.deepEqual(actual, expected);
        c.errors.forEach((e, i) => {
          const f = mine[i]!;
          if (e.data) for (const [k, v] of Object.entries(e.data)) assert.equal(f.data[k], v, `data.${k}`);
          if (e.severity) assert.equal(f.severity, e.severity);
          if (e.related) assert.deepEqual(relatedText(f, files), e.related);
          assert.ok(!/[A-Z]/.test(f.message[0] ?? '') || /^[A-Z]{2,}|^BGPPeer|^FRRConfiguration|^BFD/.test(f.message), 'message starts lower case');
          assert.ok(!f.message.endsWith('.'), 'message has no final period');
        });
        if (c.output) {
          const fixes = mine.map((f) => chooseFix(f, c.unsafe ?? false)).filter((x) => x !== undefined);
          const res = applyFixPass(files, fixes);
          for (const [name, text] of Object.entries(c.output)) assert.equal(res.texts.get(name) ?? files.get(name), text, `fixed ${name}`);
          // After the fix, the rule no longer fires on what it fixed.
          const after = new Map(files);
          for (const [u, t] of res.texts) after.set(u, t);
          const again = lintFiles(after, { rules: [rule] }).findings.filter((f) => f.code === rule.code);
          assert.ok(again.length < mine.length, `the fix removes the finding (before ${mine.length}, after ${again.length})`);
        }
      });
    }
  });
}
