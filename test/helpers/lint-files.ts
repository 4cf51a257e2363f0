/** Runs the real lint pipeline over in-memory files, as the CLI does. */
import { parseConfig } from '../../server/src/core/config';
import type { LintResult } from '../../server/src/core/lint';
import { lint } from '../../server/src/core/lint';
import { parseFile } from '../../server/src/core/project';
import type { Rule } from '../../server/src/core/rules/define';
import { RULES } from '../../server/src/core/rules';

export interface LintFilesOptions {
  readonly rules?: readonly Rule[];
  readonly baseTexts?: ReadonlyMap<string, string>;
}

/** Lints files given by name; a `.grlint.yaml` among them is used as the config. */
export function lintFiles(files: ReadonlyMap<string, string>, opts: LintFilesOptions = {}): LintResult & { configErrors: string[] } {
  const cfgText = files.get('.grlint.yaml');
  const parsedCfg = cfgText !== undefined ? parseConfig(cfgText, RULES) : undefined;
  const parsed = [...files].filter(([n]) => n !== '.grlint.yaml').map(([uri, text]) => parseFile({ uri, text }));
  const result = lint(parsed, {
    ...(parsedCfg ? { config: parsedCfg.config } : {}),
    ...(opts.rules ? { rules: opts.rules } : {}),
    ...(opts.baseTexts ? { baseTexts: opts.baseTexts } : {}),
  });
  return { ...result, configErrors: parsedCfg?.errors.map((e) => e.message) ?? [] };
}
