/**
 * grlint's FRR-family diagnostics for one frr.conf text, as {line, code}: the shape the FRR oracle
 * (test/oracle) compares with what FRR itself rejects.
 */
import { FRR_RULES } from '../../server/src/core/rules/family-frr';
import { LineIndex } from '../../server/src/core/text/line-index';
import { lintFiles } from './lint-files';

export interface FrrFamilyDiagnostic {
  /** 1-based line number in the text. */
  readonly line: number;
  /** Catalog code, e.g. "FRR501". */
  readonly code: string;
  readonly message: string;
}

/** Lints `text` as a frr.conf with the FRR rules (FRR501-FRR506) only. */
export function frrFamilyDiagnostics(text: string): FrrFamilyDiagnostic[] {
  const r = lintFiles(new Map([['frr.conf', text]]), { rules: FRR_RULES });
  if (r.internalErrors.length > 0) throw new Error(`internal error in ${r.internalErrors.map((e) => e.code).join(', ')}`);
  const index = new LineIndex(text);
  return r.findings.map((f) => ({ line: index.positionAt(f.loc.range.start).line + 1, code: f.code, message: f.message }));
}
