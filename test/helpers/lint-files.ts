/** Runs the real lint pipeline over in-memory files, as the CLI does. */
import { parseConfig } from '../../server/src/core/config';
import { compareFindings } from '../../server/src/core/finding';
import type { LintResult } from '../../server/src/core/lint';
import { configFindings, lint } from '../../server/src/core/lint';
import { parseFile } from '../../server/src/core/project';
import type { Rule } from '../../server/src/core/rules/define';
import { RULES } from '../../server/src/core/rules';

export interface LintFilesOptions {
  readonly rules?: readonly Rule[];
  readonly baseTexts?: ReadonlyMap<string, string>;
}

/**
 * Lints files given by name; a `.grlint.yaml` among them is used as the config, and its errors are GRL902
 * findings on it (as the language server shows them; the CLI prints them and exits 2).
 */
export function lintFiles(files: ReadonlyMap<string, string>, opts: LintFilesOptions = {}): LintResult & { configErrors: string[] } {
  const cfgText = files.get('.grlint.yaml');
  const parsedCfg = cfgText !== undefined ? parseConfig(cfgText, RULES) : undefined;
  const parsed = [...files].filter(([n]) => n !== '.grlint.yaml').map(([uri, text]) => parseFile({ uri, text }));
  const result = lint(parsed, {
    ...(parsedCfg ? { config: parsedCfg.config } : {}),
    ...(opts.rules ? { rules: opts.rules } : {}),
    ...(opts.baseTexts ? { baseTexts: opts.baseTexts } : {}),
  });
  const wantsGrl902 = !opts.rules || opts.rules.some((r) => r.code === 'GRL902');
  const cfgFindings = parsedCfg && wantsGrl902 ? configFindings('.grlint.yaml', parsedCfg.errors) : [];
  const findings = cfgFindings.length ? [...result.findings, ...cfgFindings].sort(compareFindings) : result.findings;
  return { ...result, findings, configErrors: parsedCfg?.errors.map((e) => e.message) ?? [] };
}
