// HOOK, NOT YET CONNECTED: the one place where grlint's FRR rules meet the FRR oracle.
//
// Whoever wires grlint's frr.conf linter in replaces the body of lintFrrFamily so that it returns, for a
// whole frr.conf text, every diagnostic of the FRR5xx family (FRR501-FRR506) and of TMR201/TMR208, as
// {line (1-based), code}. Then flip LINT_FRR_FAMILY_CONNECTED to true. The comparison to write next
// (theirs): for each boundary case (boundaries.ts) and each corpus file, the lines vtysh -C rejects
// whose command grlint models (modelled.ts, modelledFamily) should carry an FRR501/FRR504/FRR505 code,
// and the lines only bgpd -C rejects (undefined neighbor / peer-group, hold time 1-2) FRR502/FRR503/TMR201;
// see docs/lab/vtysh-oracle.md for the measured table and the known differences (walk-up, version drift,
// bgpd's zebra-less GR artifact).

export interface FrrFamilyDiagnostic {
  /** 1-based line number in the text. */
  readonly line: number;
  /** Catalog code, e.g. "FRR501". */
  readonly code: string;
}

/** False until lintFrrFamily is connected to grlint's rules. */
export const LINT_FRR_FAMILY_CONNECTED = false;

/** grlint's FRR-family diagnostics for a frr.conf text. Stub: returns nothing until connected. */
export function lintFrrFamily(text: string): FrrFamilyDiagnostic[] {
  void text;
  return [];
}
