// The one place where grlint's FRR rules meet the FRR oracle: for a whole frr.conf text, every
// diagnostic of the FRR5xx family (FRR501-FRR506) and of TMR201/TMR208, as {line (1-based), code}.
// The comparison with what FRR rejects (theirs): for each boundary case (boundaries.ts) and each corpus
// file, the lines vtysh -C rejects whose command grlint models (modelled.ts, modelledFamily) should carry an
// FRR501/FRR504/FRR505 code, and the lines only bgpd -C rejects (undefined neighbor / peer-group, hold time
// 1-2) FRR502/FRR503/TMR201; see docs/lab/vtysh-oracle.md for the measured table and the known differences
// (walk-up, version drift, bgpd's zebra-less GR artifact). test/unit/rules/frr-family-oracle.test.ts
// checks the FRR rules against the committed table without FRR installed.
import { findRule } from '../../server/src/core/rules';
import { FRR_RULES } from '../../server/src/core/rules/family-frr';
import { LineIndex } from '../../server/src/core/text/line-index';
import { lintFiles } from '../helpers/lint-files';

export interface FrrFamilyDiagnostic {
  /** 1-based line number in the text. */
  readonly line: number;
  /** Catalog code, e.g. "FRR501". */
  readonly code: string;
}

/** True: lintFrrFamily runs grlint's rules. */
export const LINT_FRR_FAMILY_CONNECTED = true;

const RULES = [...FRR_RULES, ...['TMR201', 'TMR208'].map((c) => findRule(c)).filter((r) => r !== undefined)];

/** grlint's FRR-family diagnostics (and TMR201/TMR208) for a frr.conf text. */
export function lintFrrFamily(text: string): FrrFamilyDiagnostic[] {
  const r = lintFiles(new Map([['frr.conf', text]]), { rules: RULES });
  const index = new LineIndex(text);
  return r.findings.map((f) => ({ line: index.positionAt(f.loc.range.start).line + 1, code: f.code }));
}
