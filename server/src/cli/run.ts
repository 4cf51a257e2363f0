/**
 * The `grlint` command: argv → read files → lint (or a subcommand) → print → exit code.
 * Exit codes: 0 clean, 1 findings at error (or warnings over --max-warnings), 2 usage or config error,
 * 3 internal error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { GrlintConfig } from '../core/config';
import { DEFAULT_CONFIG, parseConfig } from '../core/config';
import type { Finding, SeveritySetting } from '../core/finding';
import { applyFixPass, chooseFix } from '../core/fix';
import { configFindings, lint, type LintResult } from '../core/lint';
import type { ParsedFile } from '../core/project';
import { parseFile } from '../core/project';
import { renderReport } from '../core/report/render';
import { redactSecrets } from '../core/secrets';
import { sessionsJson, sessionsText, type Where } from '../core/report/sessions';
import { findRule, RULES } from '../core/rules';
import { LineIndex } from '../core/text/line-index';
import { commonDir, discoverFiles, findConfig, gitBaseTexts, writeAtomic } from '../io/files';
import { formatGithub, formatJson, formatSarif } from './format-machine';
import { formatText } from './format-text';
import { explainText, rulesTable } from './rules-text';
import pkg from '../../../package.json';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(s: string): void; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): void };
  readStdin(): Promise<string>;
  /** Starts the language server on stdio (only `grlint lsp --stdio`). */
  startLsp?(): void;
}

export const VERSION: string = pkg.version;

const USAGE = `Usage: grlint [options] [paths...]      lint frr.conf and MetalLB / frr-k8s YAML (default: .)
       grlint sessions [--format text|json] [paths...]
       grlint render FILE                   the frr.conf MetalLB / frr-k8s render from FILE's CRs
       grlint rules                         the rule catalog
       grlint explain CODE                  a rule's documentation
       grlint lsp --stdio                   the language server

Options:
  --format text|json|sarif|github   output format (default text)
  --fix                             apply safe fixes
  --unsafe-fixes                    also apply unsafe fixes (with --fix), or show them as applicable
  --diff                            print the fixes as a diff instead of writing them
  --max-warnings N                  exit 1 when there are more than N warnings
  --rule CODE=off|info|warning|error  override a rule's severity (repeatable)
  --config FILE                     use this .grlint.yaml instead of searching upward
  --base REV                        git revision for GR113 (default HEAD)
  --stdin-filename NAME             name of the text read from stdin (path "-")
  --color / --no-color              force or disable colour (default: on a TTY, off with NO_COLOR)
  -h, --help, -v, --version
`;

class UsageError extends Error {}

/** Runs the CLI; resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runInner(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`grlint: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`grlint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}

interface Options {
  format: string;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  maxWarnings: number | undefined;
  rules: Record<string, SeveritySetting>;
  config: string | undefined;
  base: string | undefined;
  stdinFilename: string | undefined;
  color: boolean | undefined;
  stdio: boolean;
  paths: string[];
}

function parseOptions(argv: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        diff: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        base: { type: 'string' },
        'stdin-filename': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        stdio: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  if (v.help) throw Object.assign(new Error('help'), { help: true });
  if (v.version) throw Object.assign(new Error('version'), { version: true });
  const rules: Record<string, SeveritySetting> = {};
  for (const r of v.rule ?? []) {
    const m = /^([A-Za-z]+\d+|[a-z0-9-]+)=(off|info|warning|error)$/.exec(r);
    if (!m) throw new UsageError(`--rule takes CODE=off|info|warning|error, not "${r}"`);
    const rule = findRule(m[1]!);
    if (!rule) throw new UsageError(`unknown rule "${m[1]}" in --rule`);
    rules[rule.code] = m[2] as SeveritySetting;
  }
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError('--max-warnings takes a whole number');
    maxWarnings = Number(v['max-warnings']);
  }
  const format = v.format ?? 'text';
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json, sarif, github)`);
  return {
    format,
    fix: !!v.fix,
    unsafeFixes: !!v['unsafe-fixes'],
    diff: !!v.diff,
    maxWarnings,
    rules,
    config: v.config,
    base: v.base,
    stdinFilename: v['stdin-filename'],
    color: v['no-color'] ? false : v.color,
    stdio: !!v.stdio,
    paths: parsed.positionals,
  };
}

async function runInner(argv: readonly string[], io: CliIo): Promise<number> {
  const sub = argv[0];
  const rest = sub === 'sessions' || sub === 'render' || sub === 'rules' || sub === 'explain' || sub === 'lsp' || sub === 'check' ? argv.slice(1) : argv;
  let opts: Options;
  try {
    opts = parseOptions(rest);
  } catch (e) {
    if ((e as { help?: boolean }).help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if ((e as { version?: boolean }).version) {
      io.stdout.write(`grlint ${VERSION}\n`);
      return 0;
    }
    throw e;
  }

  switch (sub) {
    case 'rules':
      io.stdout.write(rulesTable(RULES));
      return 0;
    case 'explain': {
      const code = opts.paths[0];
      if (!code) throw new UsageError('explain needs a rule code, e.g. grlint explain GR101');
      const rule = findRule(code);
      if (!rule) {
        io.stderr.write(`grlint: unknown rule "${code}"\n`);
        return 2;
      }
      io.stdout.write(explainText(rule));
      return 0;
    }
    case 'lsp':
      if (!io.startLsp) throw new UsageError('lsp is not available here');
      io.startLsp();
      return -1; // keep running; the server ends the process
    default:
      break;
  }

  // Inputs.
  const paths = opts.paths.length ? opts.paths : sub === 'render' ? [] : ['.'];
  if (sub === 'render' && paths.length !== 1) throw new UsageError('render takes exactly one file');
  const stdinIndex = paths.indexOf('-');
  const { files, missing } = discoverFiles(paths.filter((p) => p !== '-'), io.cwd);
  for (const m of missing) io.stderr.write(`grlint: ${m}: no such file or folder\n`);
  if (missing.length) return 2;
  const sources: { uri: string; text: string }[] = files.map((f) => ({ uri: f, text: readText(f) }));
  if (stdinIndex >= 0) {
    const name = resolve(io.cwd, opts.stdinFilename ?? 'stdin.yaml');
    sources.push({ uri: name, text: await io.readStdin() });
  }

  // Config.
  const cfgPath = opts.config ? resolve(io.cwd, opts.config) : findConfig(sources.length ? commonDir(sources.map((s) => s.uri)) : io.cwd);
  let config: GrlintConfig = DEFAULT_CONFIG;
  const cfgBase = cfgPath ? dirname(cfgPath) : io.cwd;
  if (cfgPath) {
    if (!existsSync(cfgPath)) {
      io.stderr.write(`grlint: config file ${opts.config} not found\n`);
      return 2;
    }
    const text = readText(cfgPath);
    const parsedCfg = parseConfig(text, RULES);
    if (parsedCfg.errors.length) {
      const shown = displayPathFn(io.cwd);
      const cf = configFindings(cfgPath, parsedCfg.errors);
      io.stderr.write(formatText(cf, { displayPath: shown, textOf: () => text, color: false }));
      io.stderr.write(`grlint: invalid configuration in ${shown(cfgPath)} [GRL902 config-invalid]\n`);
      return 2;
    }
    config = parsedCfg.config;
  }

  const display = displayPathFn(io.cwd);
  const where: Where = (loc) => `${display(loc.uri)}:${new LineIndex(textOf(loc.uri)).positionAt(loc.range.start).line + 1}`;
  const texts = new Map(sources.map((s) => [s.uri, s.text]));
  function textOf(uri: string): string {
    return texts.get(uri) ?? '';
  }
  const relPath = (uri: string): string => relative(cfgBase, uri).split(sep).join('/');

  const baseTexts = sub === 'sessions' || sub === 'render' ? undefined : gitBaseTexts(sources.filter((s) => /metallb\.io/.test(s.text)).map((s) => s.uri), opts.base ?? 'HEAD');
  const lintAll = (srcs: readonly { uri: string; text: string }[]): { result: LintResult; parsed: ParsedFile[] } => {
    const parsed = srcs.map((s) => parseFile(s));
    const result = lint(parsed, { config, relPath, overrides: opts.rules, ...(baseTexts ? { baseTexts } : {}) });
    return { result, parsed };
  };

  if (sub === 'sessions') {
    const { result } = lintAll(sources);
    io.stdout.write(opts.format === 'json' ? JSON.stringify(sessionsJson(result.model, where), null, 2) + '\n' : sessionsText(result.model, where));
    return 0;
  }
  if (sub === 'render') {
    const { result } = lintAll(sources);
    const out = renderReport(result.model, sources[0]!.uri, where);
    if (!out) {
      io.stderr.write(`grlint: ${display(sources[0]!.uri)} has no BGPPeer or FRRConfiguration\n`);
      return 1;
    }
    io.stdout.write(out);
    return 0;
  }

  // Lint, with fixes applied over repeated passes.
  let { result } = lintAll(sources);
  const original = new Map(texts);
  let fixedCount = 0;
  if (opts.fix || opts.diff) {
    for (let pass = 0; pass < 10; pass++) {
      const fixes = result.findings.map((f) => chooseFix(f, opts.unsafeFixes)).filter((x) => x !== undefined);
      if (fixes.length === 0) break;
      const res = applyFixPass(texts, fixes);
      if (res.texts.size === 0) break;
      fixedCount += res.applied.length;
      for (const [u, t] of res.texts) texts.set(u, t);
      result = lintAll([...texts].map(([uri, text]) => ({ uri, text }))).result;
    }
    const changed = [...texts].filter(([u, t]) => original.get(u) !== t);
    if (opts.diff) {
      for (const [u, t] of changed) io.stdout.write(unifiedDiff(display(u), original.get(u)!, t));
      return changed.length ? 1 : 0;
    }
    for (const [u, t] of changed) {
      if (stdinIndex >= 0 && u === sources[sources.length - 1]!.uri) {
        io.stdout.write(t);
        continue;
      }
      // Never overwrite a file that changed on disk since it was read.
      if (readText(u) !== original.get(u)) {
        io.stderr.write(`grlint: ${display(u)} changed on disk while grlint ran; not written\n`);
        continue;
      }
      writeAtomic(u, t);
    }
    if (fixedCount && opts.format === 'text') io.stderr.write(`Fixed ${fixedCount} problem${fixedCount === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`);
  }

  const findings = result.findings;
  const color = opts.color ?? (!!io.stdout.isTTY && io.env.NO_COLOR === undefined);
  const fmt = { displayPath: display, textOf, version: VERSION };
  const out =
    opts.format === 'json'
      ? formatJson(findings, fmt, sources.length)
      : opts.format === 'sarif'
        ? formatSarif(findings, RULES, fmt)
        : opts.format === 'github'
          ? formatGithub(findings, fmt)
          : formatText(findings, { ...fmt, color, fixing: opts.fix });
  if (!(opts.fix && stdinIndex >= 0)) io.stdout.write(out);
  for (const ie of result.internalErrors) {
    io.stderr.write(`grlint: internal error in ${ie.code}: ${ie.error instanceof Error ? (ie.error.stack ?? ie.error.message) : String(ie.error)}\n`);
  }
  if (result.internalErrors.length) return 3;
  return exitCode(findings, opts.maxWarnings);
}

/** 1 when there are errors or more warnings than allowed, else 0. */
export function exitCode(findings: readonly Finding[], maxWarnings: number | undefined): number {
  if (findings.some((f) => f.severity === 'error')) return 1;
  if (maxWarnings !== undefined && findings.filter((f) => f.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function displayPathFn(cwd: string): (uri: string) => string {
  return (uri) => {
    const r = relative(cwd, uri);
    return (r && !r.startsWith('..') ? r : uri).split(sep).join('/');
  };
}

/** A minimal unified diff of two texts (whole-file hunk context of 3 lines). */
export function unifiedDiff(name: string, a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  // Longest common subsequence by dynamic programming over lines (files here are small).
  const n = x.length;
  const m = y.length;
  if (n * m > 4_000_000) return `--- a/${name}\n+++ b/${name}\n(file too large for a diff)\n`;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const ops: { t: ' ' | '-' | '+'; s: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      ops.push({ t: ' ', s: x[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || dp[i]![j + 1]! >= dp[i + 1]![j]!)) ops.push({ t: '+', s: y[j++]! });
    else ops.push({ t: '-', s: x[i++]! });
  }
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.t === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - 3);
    let end = k;
    while (end < ops.length && (ops[end]!.t !== ' ' || ops.slice(end, end + 7).some((o) => o.t !== ' '))) end++;
    end = Math.min(ops.length, end + 3);
    const aStart = ops.slice(0, start).filter((o) => o.t !== '+').length + 1;
    const bStart = ops.slice(0, start).filter((o) => o.t !== '-').length + 1;
    const hunk = ops.slice(start, end);
    out.push(`@@ -${aStart},${hunk.filter((o) => o.t !== '+').length} +${bStart},${hunk.filter((o) => o.t !== '-').length} @@`);
    for (const o of hunk) out.push(o.t + redactSecrets(o.s));
    k = end;
  }
  return out.join('\n') + '\n';
}
