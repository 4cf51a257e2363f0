/** `grlint rules` (the catalog as a table) and `grlint explain CODE` (the rule's doc page). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../core/rules/define';
import { ruleDocUrl } from '../core/rules/define';

/** The rules as an aligned text table. */
export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => [r.code, r.name, r.defaultSeverity, r.fixAvailability === 'none' ? '' : 'fix', r.summary]);
  const head = ['CODE', 'NAME', 'SEVERITY', 'FIX', 'SUMMARY'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

/** Candidate locations of docs/rules next to the bundle (server/out/cli.js) or the sources. */
function docPath(code: string): string | undefined {
  for (const base of [join(__dirname, '../../docs/rules'), join(__dirname, '../../../docs/rules')]) {
    const p = join(base, `${code}.md`);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** The rule's doc page, or its metadata and link when the page is not installed. */
export function explainText(rule: Rule): string {
  const p = docPath(rule.code);
  if (p) return readFileSync(p, 'utf8');
  return `# ${rule.code} ${rule.name}\n\n${rule.summary}\n\nSeverity: ${rule.defaultSeverity}. Documentation: ${ruleDocUrl(rule.code)}\n`;
}
