// Measures FRR's acceptance of every boundary case and (re)writes the expectation table.
//   cd /work/main && npx tsx test/oracle/measure.ts            -> prints the markdown table
//   cd /work/main && npx tsx test/oracle/measure.ts --write    -> also rewrites expected-frr-<version>.json
// Run it only when FRR changes on purpose; oracle.test.ts compares live FRR with the committed table.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundaryCases, type BoundaryCase } from './boundaries';
import { bgpdCheck, bgpdVersion, mapPool, vtyshCheck, vtyshVersion, type BgpdResult, type VtyshResult } from './vtysh';

export interface VtyshExpectation {
  readonly accepted: boolean;
  /** Message of the line under test when rejected ("% Unknown command", ...). */
  readonly message?: string;
  readonly node?: number;
  /** Other lines of the snippet that vtysh rejected. */
  readonly otherRejected: readonly number[];
  /** False when vtysh quit before the end of the snippet (lines after that point were never checked). */
  readonly complete: boolean;
}

export interface BgpdExpectation {
  readonly accepted: boolean;
  /** "% ..." output of the line under test (rejected or not). */
  readonly messages: readonly string[];
  readonly otherRejected: readonly number[];
}

export interface Expectation {
  readonly command: string;
  /** null only in a live measurement that skipped the tool. */
  readonly vtysh: VtyshExpectation | null;
  readonly bgpd: BgpdExpectation | null;
}

export interface ExpectationTable {
  readonly frrVersion: string;
  readonly cases: Readonly<Record<string, Expectation>>;
}

export function expectationPath(version: string): string {
  return join(__dirname, `expected-frr-${version}.json`);
}

export function vtyshExpectation(c: BoundaryCase, r: VtyshResult): VtyshExpectation {
  const own = r.rejections.find((x) => x.line === c.line);
  const otherRejected = r.rejections.filter((x) => x.line !== c.line).map((x) => x.line);
  const complete = r.complete !== false;
  if (own === undefined) return { accepted: true, otherRejected, complete };
  return { accepted: false, message: own.message, node: own.node, otherRejected, complete };
}

export function bgpdExpectation(c: BoundaryCase, r: BgpdResult): BgpdExpectation {
  const own = r.rejections.find((x) => x.line === c.line);
  const note = r.notes.find((x) => x.line === c.line);
  const otherRejected = r.rejections.filter((x) => x.line !== c.line).map((x) => x.line);
  return { accepted: own === undefined, messages: own?.messages ?? note?.messages ?? [], otherRejected };
}

export async function measure(cases: readonly BoundaryCase[], tools: { vtysh: boolean; bgpd: boolean }): Promise<Record<string, Expectation>> {
  const out: Record<string, Expectation> = {};
  const results = await mapPool(cases, 2, async (c) => {
    const v = tools.vtysh ? await vtyshCheck(c.text) : undefined;
    const b = tools.bgpd ? await bgpdCheck(c.text) : undefined;
    return { c, v, b };
  });
  for (const { c, v, b } of results) {
    out[c.id] = {
      command: c.command,
      vtysh: v === undefined ? null : vtyshExpectation(c, v),
      bgpd: b === undefined ? null : bgpdExpectation(c, b),
    };
  }
  return out;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function markdownTable(cases: readonly BoundaryCase[], table: Record<string, Expectation>): string {
  const rows = ['| id | placement | line under test | vtysh -C | vtysh message | bgpd -C | bgpd message | rules |', '|---|---|---|---|---|---|---|---|'];
  for (const c of cases) {
    const e = table[c.id];
    if (e === undefined) continue;
    const v = e.vtysh === null ? 'n/a' : e.vtysh.accepted ? 'yes' : 'no';
    const vm = e.vtysh === null || e.vtysh.accepted ? '' : `${e.vtysh.message ?? ''}[${e.vtysh.node ?? ''}]`;
    let vOther = e.vtysh?.otherRejected.length ? ` (also rejects line ${e.vtysh.otherRejected.join(', ')})` : '';
    if (e.vtysh !== null && !e.vtysh.complete) vOther += ' (vtysh quit early: the line was never checked)';
    let b = 'n/a';
    let bm = '';
    if (e.bgpd !== null) {
      b = c.daemon === 'bgpd' || c.daemon === 'lib' ? (e.bgpd.accepted ? 'yes' : 'no') : `${e.bgpd.accepted ? 'yes' : 'no'} (${c.daemon} line)`;
      bm = e.bgpd.messages.join(' / ');
      if (e.bgpd.otherRejected.length) bm += ` (also rejects line ${e.bgpd.otherRejected.join(', ')})`;
    }
    rows.push(`| ${cell(c.id)} | ${c.placement} | \`${cell(c.command)}\` | ${v} | ${cell(vm + vOther)} | ${b} | ${cell(bm)} | ${c.rules.join(' ')} |`);
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  const v = vtyshVersion();
  if (v === undefined) {
    console.error('vtysh is not installed');
    process.exit(1);
  }
  const withBgpd = bgpdVersion() !== undefined;
  const cases = boundaryCases();
  const t0 = Date.now();
  const table = await measure(cases, { vtysh: true, bgpd: withBgpd });
  console.error(`measured ${cases.length} cases with vtysh ${v}${withBgpd ? ' and bgpd' : ''} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(markdownTable(cases, table));
  if (process.argv.includes('--write')) {
    const file: ExpectationTable = { frrVersion: v, cases: table };
    writeFileSync(expectationPath(v), `${JSON.stringify(file, null, 1)}\n`);
    console.error(`wrote ${expectationPath(v)}`);
  }
}

if (require.main === module) void main();
