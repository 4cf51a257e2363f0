// The one place where grlint's FRR rules meet the FRR oracle: for a whole frr.conf text (or the frr.conf
// text embedded in a Kubernetes YAML), every diagnostic of the FRR5xx family (FRR501-FRR506) and of
// TMR201/TMR208, as {line (1-based), code, severity, message}.
//
// The version: `frrVersion` is given to grlint through the config (`.grlint.yaml` frrVersion), which grlint
// uses for a file without a `frr version` line. A file's own `frr version X` line wins over the config, so to
// judge EVERY file as that version the hook also rewrites the value of `frr version` lines in grlint's copy
// of the text (line numbers and all other lines unchanged); the findings on the `frr version` lines
// themselves are taken from the original text.
//
// agreement.ts compares these with what vtysh -C / bgpd -C reject; see docs/lab/vtysh-oracle.md.
// test/unit/rules/frr-family-oracle.test.ts checks the FRR rules against the committed table without FRR.
import { DEFAULT_CONFIG, type GrlintConfig } from '../../server/src/core/config';
import type { Finding, Severity } from '../../server/src/core/finding';
import { lint } from '../../server/src/core/lint';
import { parseFile, type EmbeddedFrr } from '../../server/src/core/project';
import { findRule } from '../../server/src/core/rules';
import { FRR_RULES } from '../../server/src/core/rules/family-frr';
import { LineIndex } from '../../server/src/core/text/line-index';

export interface FrrFamilyDiagnostic {
  /** 1-based line number in the text. */
  readonly line: number;
  /** Catalog code, e.g. "FRR501". */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface LintFrrFamilyOptions {
  /** FRR version grlint judges the text as (default: none, as a file without `frr version`). */
  readonly frrVersion?: string;
}

/** True: lintFrrFamily runs grlint's rules. */
export const LINT_FRR_FAMILY_CONNECTED = true;

const RULES = [...FRR_RULES, ...['TMR201', 'TMR208'].map((c) => findRule(c)).filter((r) => r !== undefined)];

const FRR_VERSION_LINE = /^(\s*frr\s+version\s+)(\S.*?)(\s*)$/;

function configFor(frrVersion: string | undefined): GrlintConfig {
  return frrVersion === undefined ? DEFAULT_CONFIG : { ...DEFAULT_CONFIG, frrVersion };
}

/** The text with the value of every `frr version` line replaced by `version` (same lines, same count). */
export function withFrrVersion(text: string, version: string): { text: string; lines: Set<number> } {
  const lines = new Set<number>();
  const out = text.split('\n').map((raw, i) => {
    const cr = raw.endsWith('\r') ? '\r' : '';
    const body = cr ? raw.slice(0, -1) : raw;
    const m = FRR_VERSION_LINE.exec(body);
    if (!m || m[2] === version) return raw;
    lines.add(i + 1);
    return `${m[1]}${version}${m[3]}${cr}`;
  });
  return { text: out.join('\n'), lines };
}

function diagnosticsOf(findings: readonly Finding[], text: string): FrrFamilyDiagnostic[] {
  const index = new LineIndex(text);
  return findings.map((f) => ({ line: index.positionAt(f.loc.range.start).line + 1, code: f.code, severity: f.severity, message: f.message }));
}

function lintFrrText(text: string, frrVersion: string | undefined): FrrFamilyDiagnostic[] {
  const r = lint([parseFile({ uri: 'frr.conf', text, languageId: 'frr' })], { rules: RULES, config: configFor(frrVersion) });
  if (r.internalErrors.length > 0) throw new Error(`grlint internal error in ${r.internalErrors.map((e) => e.code).join(', ')}`);
  return diagnosticsOf(r.findings, text);
}

/** grlint's FRR-family diagnostics (and TMR201/TMR208) for a frr.conf text, judged as `options.frrVersion`. */
export function lintFrrFamily(text: string, options: LintFrrFamilyOptions = {}): FrrFamilyDiagnostic[] {
  const version = options.frrVersion;
  if (version === undefined) return lintFrrText(text, undefined);
  const rewritten = withFrrVersion(text, version);
  if (rewritten.lines.size === 0) return lintFrrText(text, version);
  const onVersionLines = lintFrrText(text, version).filter((d) => rewritten.lines.has(d.line));
  const rest = lintFrrText(rewritten.text, version).filter((d) => !rewritten.lines.has(d.line));
  return [...onVersionLines, ...rest].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}

export interface EmbeddedFrrFamily {
  /** grlint's id of the embedded text, e.g. "x.yaml#1:raw". */
  readonly id: string;
  readonly field: EmbeddedFrr['field'];
  /** 1-based line in the host YAML where the embedded text starts. */
  readonly hostLine: number;
  /** The decoded frr.conf text. */
  readonly text: string;
  /** Diagnostics on lines of `text` (1-based in `text`). */
  readonly diagnostics: readonly FrrFamilyDiagnostic[];
}

/**
 * The frr.conf texts embedded in a Kubernetes YAML (FRRConfiguration `spec.raw.rawConfig`, bgpextras
 * ConfigMap `data.extras`) with grlint's FRR-family diagnostics on them, from linting the whole YAML as
 * grlint does (so embedded text is judged as MetalLB / frr-k8s append it), judged as `options.frrVersion`.
 */
export function lintEmbeddedFrrFamily(uri: string, yamlText: string, options: LintFrrFamilyOptions = {}): EmbeddedFrrFamily[] {
  const parsed = parseFile({ uri, text: yamlText, languageId: 'yaml' });
  if (parsed.kind !== 'k8s' || parsed.embedded.length === 0) return [];
  const r = lint([parsed], { rules: RULES, config: configFor(options.frrVersion) });
  if (r.internalErrors.length > 0) throw new Error(`grlint internal error in ${r.internalErrors.map((e) => e.code).join(', ')}`);
  const host = new LineIndex(yamlText);
  return parsed.embedded.map((e) => {
    const text = e.decoded.text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    // Host range of each embedded line, to map a finding in the YAML back to a line of the text.
    const hostRanges = starts.map((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
      return e.decoded.toHostRange({ start: s, end: Math.max(s, end) });
    });
    const diagnostics: FrrFamilyDiagnostic[] = [];
    for (const f of r.findings) {
      if (f.loc.uri !== uri) continue;
      const at = f.loc.range.start;
      const i = hostRanges.findIndex((hr) => hr.start <= at && at <= hr.end);
      if (i < 0) continue;
      diagnostics.push({ line: i + 1, code: f.code, severity: f.severity, message: f.message });
    }
    return { id: e.id, field: e.field, hostLine: host.positionAt(e.decoded.toHostOffset(0)).line + 1, text, diagnostics };
  });
}
