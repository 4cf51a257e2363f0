/** Conversions between core findings (offsets) and LSP types (positions). */
import type { Diagnostic, DiagnosticRelatedInformation, Range as LspRange } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../core/finding';
import type { Location } from '../core/model/types';
import { ruleDocUrl } from '../core/rules/define';
import type { Range } from '../core/text/range';
import type { Snapshot } from './workspace';

export function toLspRange(snap: Snapshot | undefined, r: Range): LspRange {
  if (!snap) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: snap.index.positionAt(r.start), end: snap.index.positionAt(r.end) };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/**
 * What a diagnostic carries to the code-action handler: the finding's offsets in the text as linted.
 * With the diagnostic's own code and message and the document's uri they identify the finding
 * (vscode-eslint's approach); the code and message are not repeated here, to keep the payload small.
 */
export interface DiagnosticData {
  readonly key: string;
}

/** A stable key of a finding: code, uri, range and message. */
export function findingKey(f: Finding): string {
  return `${f.code}|${f.loc.uri}|${f.loc.range.start}:${f.loc.range.end}|${f.message}`;
}

/** The key of the finding a diagnostic of `uri` was made from (see `findingKey`). */
export function diagnosticKey(uri: string, d: Diagnostic): string {
  return `${String(d.code ?? '')}|${uri}|${(d.data as DiagnosticData | undefined)?.key ?? ''}|${d.message}`;
}

export function toDiagnostic(f: Finding, snapOf: (uri: string) => Snapshot | undefined): Diagnostic {
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri: r.loc.uri, range: toLspRange(snapOf(r.loc.uri), r.loc.range) },
    message: r.message,
  }));
  const data: DiagnosticData = { key: `${f.loc.range.start}:${f.loc.range.end}` };
  return {
    range: toLspRange(snapOf(f.loc.uri), f.loc.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUrl(f.code) },
    source: 'grlint',
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}

export function toLspLocation(loc: Location, snapOf: (uri: string) => Snapshot | undefined): { uri: string; range: LspRange } {
  return { uri: loc.uri, range: toLspRange(snapOf(loc.uri), loc.range) };
}

/**
 * True when two lists of diagnostics are equal as JSON data (what the client would receive): the same
 * length and, in order, the same plain values, arrays and objects, keys in any order. Compares without
 * serializing, so that a file whose diagnostics did not change costs no string the size of its list.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys whose value is undefined are not sent, so they do not count.
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    if (!sameJson(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}
