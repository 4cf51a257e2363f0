/**
 * Docs cannot drift: every docs/rules/<CODE>.md Example is linted with all rules and its Output block
 * compared with the CLI's text output; its Fixed example must not trigger the rule. `UPDATE_DOCS=1`
 * rewrites the Output blocks. Also meta-tests on the registry.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { formatText } from '../../server/src/cli/format-text';
import { RULES } from '../../server/src/core/rules';
import { lintFiles } from '../helpers/lint-files';

const ROOT = resolve(__dirname, '../..');
const DOCS = join(ROOT, 'docs/rules');
const RULE_SRC = join(ROOT, 'server/src/core/rules');
const RULE_TESTS = join(ROOT, 'test/unit/rules');
const UPDATE = process.env.UPDATE_DOCS === '1';

interface Block {
  lang: string;
  file?: string;
  /** ```yaml file=NAME base: the file's text at the git base revision (GR113), not a workspace file. */
  base?: boolean;
  body: string;
  start: number;
  end: number;
}

/** Fenced blocks of a markdown section (between `## title` and the next `## `). */
function section(md: string, title: string): { text: string; offset: number } | undefined {
  const re = new RegExp(`^## ${title}\\s*$`, 'm');
  const m = re.exec(md);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const next = /^## /m.exec(md.slice(start));
  return { text: md.slice(start, next ? start + next.index : md.length), offset: start };
}

function blocks(text: string, offset: number): Block[] {
  const out: Block[] = [];
  const re = /^```(\w+)([^\n]*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const file = /file=(\S+)/.exec(m[2]!)?.[1];
    const base = /(^|\s)base(\s|$)/.test(m[2]!);
    const bodyStart = offset + m.index + m[0].indexOf('\n') + 1;
    out.push({ lang: m[1]!, ...(file ? { file } : {}), ...(base ? { base } : {}), body: m[3]!, start: bodyStart, end: bodyStart + m[3]!.length });
  }
  return out;
}

function filesOf(bs: Block[]): Map<string, string> {
  return new Map(bs.filter((b) => b.file && !b.base).map((b) => [b.file!, b.body]));
}

/** Texts at the git base revision, from ```yaml file=NAME base blocks; undefined when there are none. */
function baseTextsOf(bs: Block[]): Map<string, string> | undefined {
  const base = bs.filter((b) => b.file && b.base);
  return base.length > 0 ? new Map(base.map((b) => [b.file!, b.body])) : undefined;
}

function render(files: Map<string, string>, baseTexts?: Map<string, string>): string {
  const r = lintFiles(files, baseTexts ? { baseTexts } : {});
  assert.deepEqual(r.internalErrors, []);
  return formatText(r.findings, { displayPath: (u) => u, textOf: (u) => files.get(u), color: false });
}

describe('rule docs', () => {
  for (const rule of RULES) {
    it(`${rule.code} has a doc page whose example output is current`, () => {
      const path = join(DOCS, `${rule.code}.md`);
      assert.ok(existsSync(path), `missing ${path}`);
      let md = readFileSync(path, 'utf8');
      assert.ok(md.startsWith(`# ${rule.code} ${rule.name}\n`), 'title is "# CODE name"');
      for (const s of ['What it checks', 'Why it matters', 'Example', 'Fix safety', 'Options', 'References']) {
        assert.ok(section(md, s), `section "## ${s}"`);
      }
      const ex = section(md, 'Example')!;
      const bs = blocks(ex.text, ex.offset);
      const files = filesOf(bs);
      assert.ok(files.size > 0, 'the example has files (```frr file=NAME / ```yaml file=NAME)');
      const out = bs.find((b) => b.lang === 'text');
      assert.ok(out, 'the example has an ```text output block');
      const actual = render(files, baseTextsOf(bs));
      assert.match(actual, new RegExp(`\\[${rule.code} `), `the example triggers ${rule.code}`);
      if (UPDATE && actual !== out.body) {
        md = md.slice(0, out.start) + actual + md.slice(out.end);
        writeFileSync(path, md);
      } else assert.equal(out.body, actual, `output block of ${rule.code}.md (UPDATE_DOCS=1 to rewrite)`);

      const fixed = section(md, 'Fixed example');
      if (fixed) {
        const fb = blocks(fixed.text, fixed.offset);
        const ff = filesOf(fb);
        const fbase = baseTextsOf(fb);
        const r = lintFiles(ff, fbase ? { baseTexts: fbase } : {});
        assert.deepEqual(r.findings.filter((f) => f.code === rule.code).map((f) => f.message), [], 'fixed example is clean of the rule');
      }
    });
  }
});

describe('rule registry', () => {
  it('codes are unique and well formed', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const c of codes) assert.match(c, /^(GR1|TMR2|BFD3|MLB4|FRR5|GRL9)\d\d$/);
  });
  it('names are kebab-case and name the problem', () => {
    for (const r of RULES) {
      assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.doesNotMatch(r.name, /^(prefer|use|avoid|ensure)-/);
    }
  });
  it('every rule lives in a file named after it and has a test file', async () => {
    for (const r of RULES) {
      assert.ok(existsSync(join(RULE_SRC, `${r.name}.ts`)), `server/src/core/rules/${r.name}.ts`);
      const mod = (await import(join(RULE_SRC, `${r.name}.ts`))) as { default?: { code?: string } };
      assert.equal(mod.default?.code, r.code, `${r.name}.ts exports ${r.code} as default`);
      if (r.code !== 'GRL902') assert.ok(existsSync(join(RULE_TESTS, `${r.name}.test.ts`)), `test/unit/rules/${r.name}.test.ts`);
    }
  });
  it('every doc page belongs to a rule', () => {
    const codes = new Set(RULES.map((r) => r.code));
    for (const f of readdirSync(DOCS).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      assert.ok(codes.has(f.replace(/\.md$/, '')), `${f} has no rule`);
    }
  });
  it('message templates are one line, lower case and without a final period', () => {
    for (const r of RULES) {
      for (const [id, m] of Object.entries(r.messages)) {
        assert.ok(!m.includes('\n'), `${r.code}.${id}`);
        assert.ok(!m.trimEnd().endsWith('.'), `${r.code}.${id} ends with a period`);
      }
    }
  });
});
