/**
 * The lint pipeline: model → rules → suppressions → severity policy → dedupe → sort. The only place
 * where severities are decided.
 */
import type { ConfigError, GrlintConfig } from './config';
import { DEFAULT_CONFIG, frrVersionForPath, routerAddressesForPath } from './config';
import type { Finding, Severity, SeveritySetting } from './finding';
import { compareFindings, renderMessage } from './finding';
import type { End, Model } from './model/types';
import type { ParsedFile } from './project';
import { buildModel } from './project';
import type { LintSettings, ReportDescriptor, Rule, RuleContext } from './rules/define';
import { RULES } from './rules';
import { findDirectives, type Directive } from './suppress';

export interface LintOptions {
  readonly config?: GrlintConfig;
  /** Maps a file uri to its path relative to the config's folder (forward slashes), for globs. */
  readonly relPath?: (uri: string) => string;
  /** Severity overrides that win over the config (CLI `--rule CODE=severity`, editor settings). */
  readonly overrides?: Readonly<Record<string, SeveritySetting>>;
  /** Texts at the git base revision, for GR113. */
  readonly baseTexts?: ReadonlyMap<string, string>;
  /** The rules to run (default: all). */
  readonly rules?: readonly Rule[];
}

export interface InternalError {
  readonly code: string;
  readonly error: unknown;
}

export interface LintResult {
  readonly findings: readonly Finding[];
  readonly model: Model;
  /** Rules that threw; their findings are missing. */
  readonly internalErrors: readonly InternalError[];
}

/** The severity a rule runs at, after the config and overrides ('off' = not run). */
export function effectiveSeverity(rule: Rule, config: GrlintConfig, overrides?: Readonly<Record<string, SeveritySetting>>): SeveritySetting {
  return overrides?.[rule.code] ?? config.rules[rule.code]?.severity ?? rule.defaultSeverity;
}

/** Lints parsed files. Never throws; a rule that throws is reported in `internalErrors`. */
export function lint(files: readonly ParsedFile[], opts: LintOptions = {}): LintResult {
  const config = opts.config ?? DEFAULT_CONFIG;
  const rel = opts.relPath ?? ((u: string) => u);
  const model = buildModel(files, {
    frrVersionFor: (uri) => frrVersionForPath(config, rel(uri)),
    ...(config.metallb.mode ? { metallbMode: config.metallb.mode } : {}),
    routerAddressesFor: (uri) => routerAddressesForPath(config, rel(uri)),
    nodes: config.topology.nodes,
  });
  const texts = new Map(files.map((f) => [f.file.uri, f.file.text]));
  const settings: LintSettings = {
    ...(config.metallb.mode ? { metallbMode: config.metallb.mode } : {}),
    namespace: config.metallb.namespace,
    ...(opts.baseTexts ? { baseTexts: opts.baseTexts } : {}),
  };
  const rules = opts.rules ?? RULES;
  const raw: Finding[] = [];
  const internalErrors: InternalError[] = [];
  const explicit = (code: string): SeveritySetting | undefined => opts.overrides?.[code] ?? config.rules[code]?.severity;

  let scope: ScopedInputs | undefined;
  for (const rule of rules) {
    if (rule.code === 'GRL901') continue; // decided below, from the suppressions
    const sev = effectiveSeverity(rule, config, opts.overrides);
    if (sev === 'off') continue;
    const options: Record<string, number | string | boolean> = {};
    for (const [k, spec] of Object.entries(rule.options ?? {})) options[k] = spec.default;
    Object.assign(options, config.rules[rule.code]?.options ?? {});
    const report = (d: ReportDescriptor): void => {
      const severity: Severity = (explicit(rule.code) as Severity | undefined) ?? d.severity ?? (sev as Severity);
      const template = rule.messages[d.messageId] ?? d.messageId;
      raw.push({
        code: rule.code,
        name: rule.name,
        severity,
        messageId: d.messageId,
        data: d.data ?? NO_DATA,
        message: renderMessage(template, d.data ?? NO_DATA),
        loc: d.loc,
        related: d.related ?? NO_RELATED,
        fixes: d.fixes ?? NO_FIXES,
      });
    };
    if (rule.reads) {
      scope ??= scopedInputs(files, model, texts);
      runScoped(rule, rule.reads, scope, options, settings, report, internalErrors);
      continue;
    }
    const ctx: RuleContext = { files, model, options, settings, textOf: (uri) => texts.get(uri), report };
    try {
      rule.check(ctx);
    } catch (error) {
      internalErrors.push({ code: rule.code, error });
    }
  }

  // Suppressions: a finding is suppressed by a directive for its code on the line where it starts.
  const directives = files.flatMap(directivesOf);
  const byUri = new Map<string, Directive[]>();
  for (const d of directives) {
    const list = byUri.get(d.uri);
    if (list) list.push(d);
    else byUri.set(d.uri, [d]);
  }
  const used = new Set<string>();
  const kept = byUri.size === 0 ? raw : raw.filter((f) => {
    const list = byUri.get(f.loc.uri);
    if (!list) return true;
    const at = Math.max(0, f.loc.range.start);
    for (const d of list) {
      if (at < d.targetOffsets.start || at >= d.targetOffsets.end) continue;
      const c = d.codes.find((x) => x.code === f.code);
      if (c) {
        used.add(`${d.uri}@${c.range.start}`);
        return false;
      }
    }
    return true;
  });

  const grl901 = rules.find((r) => r.code === 'GRL901');
  if (grl901) {
    const sev = effectiveSeverity(grl901, config, opts.overrides);
    if (sev !== 'off') {
      for (const d of directives) {
        for (const c of d.codes) {
          if (used.has(`${d.uri}@${c.range.start}`)) continue;
          const lone = d.codes.length === 1 && d.lineRange;
          kept.push({
            code: grl901.code,
            name: grl901.name,
            severity: sev as Severity,
            messageId: 'unused',
            data: { code: c.code },
            message: renderMessage(grl901.messages['unused'] ?? 'unused suppression of {code}', { code: c.code }),
            loc: { uri: d.uri, range: c.range },
            related: [],
            fixes: lone
              ? [{ title: `Remove the unused grlint-disable-next-line ${c.code}`, applicability: 'safe', edits: [{ uri: d.uri, range: d.lineRange!, newText: '' }] }]
              : [],
          });
        }
      }
    }
  }

  // Sort, then drop duplicates in place: findings with the same code, range and message compare equal,
  // so they are adjacent after the (stable) sort, and the first of them in report order is kept.
  const findings = kept.sort(compareFindings);
  let n = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (n === 0 || compareFindings(findings[n - 1]!, f) !== 0) findings[n++] = f;
  }
  findings.length = n;
  return { findings, model, internalErrors };
}

// Shared by the findings that have none (findings are immutable).
const NO_DATA: Finding['data'] = Object.freeze({});
const NO_RELATED: Finding['related'] = Object.freeze([]);
const NO_FIXES: Finding['fixes'] = Object.freeze([]);

/** What rules that declare `reads` see: the Kubernetes files, and the cluster-side ends. */
interface ScopedInputs {
  readonly files: readonly ParsedFile[];
  readonly textOf: (uri: string) => string | undefined;
  readonly clusterEnds: readonly End[];
}

function scopedInputs(files: readonly ParsedFile[], model: Model, texts: ReadonlyMap<string, string>): ScopedInputs {
  const k8s = files.filter((f) => f.kind === 'k8s');
  const uris = new Set(k8s.map((f) => f.file.uri));
  return {
    files: k8s,
    textOf: (uri) => (uris.has(uri) ? texts.get(uri) : undefined),
    clusterEnds: model.ends.filter((e) => e.side !== 'frr'),
  };
}

/**
 * The reports of each rule that declares `reads`, with the inputs they came from: the rule's options,
 * the settings, the Kubernetes files' parse results and (for `cluster`) the cluster-side ends, compared
 * by identity. Those inputs are immutable and stay the same objects while the YAML files do not change
 * (the language server keeps their parse results, and buildModel their ends), so the reports, whose
 * ranges are all in those files, are still exact. One entry per rule.
 */
const SCOPED = new WeakMap<Rule, { readonly inputs: readonly unknown[]; readonly reports: readonly ReportDescriptor[] }>();

function runScoped(
  rule: Rule,
  reads: NonNullable<Rule['reads']>,
  scope: ScopedInputs,
  options: Readonly<Record<string, number | string | boolean>>,
  settings: LintSettings,
  report: (d: ReportDescriptor) => void,
  internalErrors: InternalError[],
): void {
  const inputs: unknown[] = [reads, settings.metallbMode, settings.namespace, settings.baseTexts, ...Object.entries(options).flat(), ...scope.files];
  if (reads === 'cluster') inputs.push(...scope.clusterEnds);
  const hit = SCOPED.get(rule);
  if (hit && sameInputs(hit.inputs, inputs)) {
    for (const d of hit.reports) report(d);
    return;
  }
  const reports: ReportDescriptor[] = [];
  const ctx: RuleContext = {
    files: scope.files,
    model: restrictedModel(rule.code, reads === 'cluster' ? scope.clusterEnds : undefined),
    options,
    settings,
    textOf: scope.textOf,
    report: (d) => {
      reports.push(d);
      report(d);
    },
  };
  try {
    rule.check(ctx);
    SCOPED.set(rule, { inputs, reports });
  } catch (error) {
    internalErrors.push({ code: rule.code, error });
  }
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The model as a rule with `reads` sees it: the cluster-side ends or nothing; reading more throws. */
function restrictedModel(code: string, ends: readonly End[] | undefined): Model {
  const refuse = (what: string): never => {
    throw new Error(`${code} reads model.${what}, which its \`reads\` declaration leaves out`);
  };
  return {
    get docs() {
      return refuse('docs');
    },
    get ends() {
      return ends ?? refuse('ends');
    },
    get sessions() {
      return refuse('sessions');
    },
    get pairing() {
      return refuse('pairing');
    },
  };
}

/**
 * The suppression directives of a parsed file, found once per parse result: the language server
 * re-lints files whose parse it reuses, and finding directives scans every line of the file.
 */
const DIRECTIVES = new WeakMap<ParsedFile, ReturnType<typeof findDirectives>>();

function directivesOf(f: ParsedFile): ReturnType<typeof findDirectives> {
  let d = DIRECTIVES.get(f);
  if (!d) DIRECTIVES.set(f, (d = findDirectives(f)));
  return d;
}

/** GRL902 findings for errors in a `.grlint.yaml`. */
export function configFindings(uri: string, errors: readonly ConfigError[]): Finding[] {
  return errors.map((e) => ({
    code: 'GRL902',
    name: 'config-invalid',
    severity: 'error' as const,
    messageId: 'invalid',
    data: { detail: e.message },
    message: e.message,
    loc: { uri, range: e.range },
    related: [],
    fixes: [],
  }));
}
