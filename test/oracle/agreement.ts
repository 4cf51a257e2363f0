// The live agreement between FRR 8.4.4 and grlint's FRR rule family, line by line.
//
// Inputs: every frr.conf text of the shared corpus (all `*.conf` under corpus/frr, the MetalLB and frr-k8s
// `*.golden` frr.conf files, the frr.conf text embedded in the corpus YAML `spec.raw.rawConfig` /
// `data.extras`) and the boundary snippets of boundaries.ts. Each text goes through `vtysh -C` (grammar)
// and through grlint's FRR family judged as FRR 8.4.4 (grlint-hook.ts), and every modelled line is compared:
//
//   * a modelled line vtysh rejects must carry FRR501, FRR504, FRR505 or FRR506 (any severity);
//   * a modelled line vtysh accepts must carry no FRR5xx finding at error severity.
//
// A line is modelled when modelled.ts names its family (`modelledFamily`), when vtysh rejects it in a BFD
// node (bfd peer / profile lines), or when grlint gives it an FRR501/FRR504/FRR505/FRR506 finding (grlint
// judged it, so it is compared too). Lines after a vtysh early quit (a second top-level `exit`) are unread,
// neither accepted nor rejected; the quit line is found by re-running vtysh on prefixes of the text.
//
// FRR502/FRR503 (and TMR201) are semantic: vtysh accepts those lines and only bgpd -C refuses them. They are
// compared with `bgpd -C` on the boundary snippets and on a fixed sample of corpus files (compareBgpd).
//
// Disagreements that are documented version differences (documented-differences.ts) are allowed; every
// other one fails, and so does a documented difference that no longer occurs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { boundaryCases } from './boundaries';
import { corpusFiles } from './corpus-scan';
import { DOCUMENTED_DIFFERENCES, type DocumentedDifference } from './documented-differences';
import { lintEmbeddedFrrFamily, lintFrrFamily, type FrrFamilyDiagnostic } from './grlint-hook';
import { modelledFamily, routerBgpLines } from './modelled';
import { bgpdCheck, mapPool, vtyshCheck, vtyshCheckBatched, type BgpdResult, type VtyshResult } from './vtysh';

export const ORACLE_FRR_VERSION = '8.4.4';
export const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

export type TextSet = 'boundary snippets' | 'frr topotests' | 'metallb golden' | 'frr-k8s golden' | 'embedded in YAML';

export interface OracleText {
  readonly set: TextSet;
  /** Corpus-relative path, `path#id` for embedded text, `boundary:<id>` for a snippet. */
  readonly name: string;
  readonly text: string;
  /** grlint's FRR-family diagnostics of `text`, judged as FRR 8.4.4. */
  readonly diagnostics: () => readonly FrrFamilyDiagnostic[];
  /** Lines shown in reports are `line + lineOffset` (embedded text: its place in the YAML). */
  readonly lineOffset: number;
}

/** Codes that, on a line vtysh rejects, count as grlint reporting it. */
export const GRAMMAR_CODES: ReadonlySet<string> = new Set(['FRR501', 'FRR504', 'FRR505', 'FRR506']);
export const FRR_CODES: ReadonlySet<string> = new Set(['FRR501', 'FRR502', 'FRR503', 'FRR504', 'FRR505', 'FRR506']);
/** Codes compared with bgpd -C instead. */
export const SEMANTIC_CODES: ReadonlySet<string> = new Set(['FRR502', 'FRR503', 'TMR201']);
const BFD_NODES = new Set(['BFD_NODE', 'BFD_PEER_NODE', 'BFD_PROFILE_NODE']);

// ------------------------------------------------------------------------------------------------------------
// Inputs.

function walk(dir: string, accept: (name: string) => boolean, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, accept, out);
    else if (accept(name)) out.push(p);
  }
}

/** The corpus YAML / JSON files (MetalLB, frr-k8s) that may embed frr.conf text. */
export function corpusYamlFiles(): string[] {
  const out: string[] = [];
  const frrConfGoldens = new Set(corpusFiles().map((f) => f.path));
  for (const top of ['metallb', 'frr-k8s']) {
    walk(join(CORPUS, top), (n) => /\.(ya?ml|json|golden)$/.test(n), out);
  }
  return out.filter((p) => !frrConfGoldens.has(p));
}

/** Every frr.conf text of the corpus, with grlint's diagnostics (computed on demand). */
export function corpusTexts(): OracleText[] {
  const out: OracleText[] = [];
  for (const f of corpusFiles()) {
    const text = readFileSync(f.path, 'utf8');
    out.push({ set: f.set, name: relative(CORPUS, f.path), text, lineOffset: 0, diagnostics: () => lintFrrFamily(text, { frrVersion: ORACLE_FRR_VERSION }) });
  }
  for (const path of corpusYamlFiles()) {
    const yaml = readFileSync(path, 'utf8');
    if (!/rawConfig|extras/.test(yaml)) continue;
    const rel = relative(CORPUS, path);
    for (const e of lintEmbeddedFrrFamily(rel, yaml, { frrVersion: ORACLE_FRR_VERSION })) {
      out.push({ set: 'embedded in YAML', name: `${rel}#${e.id.split('#').pop()}`, text: e.text, lineOffset: e.hostLine - 1, diagnostics: () => e.diagnostics });
    }
  }
  return out;
}

/** The boundary snippets as oracle texts. */
export function boundaryTexts(): OracleText[] {
  return boundaryCases().map((c) => ({
    set: 'boundary snippets' as const,
    name: `boundary:${c.id}`,
    text: c.text,
    lineOffset: 0,
    diagnostics: () => lintFrrFamily(c.text, { frrVersion: ORACLE_FRR_VERSION }),
  }));
}

// ------------------------------------------------------------------------------------------------------------
// vtysh -C against grlint, line by line.

export function textLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export type VtyshVerdict = 'accepted' | 'rejected' | 'unread';

export interface LineComparison {
  readonly set: TextSet;
  readonly name: string;
  /** 1-based line in the checked text. */
  readonly line: number;
  /** Line to show (place in the host file for embedded text). */
  readonly shownLine: number;
  readonly text: string;
  /** modelled.ts family, "bfd" for a line rejected in a BFD node, or "judged by grlint". */
  readonly family: string;
  readonly vtysh: VtyshVerdict;
  /** "% Unknown command[BGP_NODE]" for a rejected line. */
  readonly vtyshMessage: string;
  /** grlint's FRR5xx findings on the line, e.g. ["FRR501 error"]. */
  readonly codes: readonly string[];
  readonly agree: boolean;
  /** For a disagreement: which way. */
  readonly direction?: 'missed rejection' | 'false positive';
  /** grlint warnings on a line vtysh accepts (allowed; listed for the report). */
  readonly acceptedWarnings: readonly string[];
}

/**
 * Compares one text: `v` is vtysh's result, `unreadFrom` the first line vtysh never read (Infinity when it
 * read everything). Pure.
 */
export function compareVtysh(t: Pick<OracleText, 'set' | 'name' | 'text' | 'lineOffset'>, v: VtyshResult, diagnostics: readonly FrrFamilyDiagnostic[], unreadFrom: number): LineComparison[] {
  const out: LineComparison[] = [];
  const lines = textLines(t.text);
  const rejections = new Map(v.rejections.map((r) => [r.line, r]));
  const byLine = new Map<number, FrrFamilyDiagnostic[]>();
  for (const d of diagnostics) {
    if (!FRR_CODES.has(d.code)) continue;
    const list = byLine.get(d.line) ?? [];
    list.push(d);
    byLine.set(d.line, list);
  }
  lines.forEach((text, i) => {
    const line = i + 1;
    const r = rejections.get(line);
    const diags = byLine.get(line) ?? [];
    const family =
      modelledFamily(text) ??
      (r !== undefined && BFD_NODES.has(r.nodeName) ? 'bfd' : undefined) ??
      (diags.some((d) => GRAMMAR_CODES.has(d.code)) ? 'judged by grlint' : undefined);
    if (family === undefined) return;
    const vtysh: VtyshVerdict = line >= unreadFrom ? 'unread' : r !== undefined ? 'rejected' : 'accepted';
    const codes = diags.map((d) => `${d.code} ${d.severity}`);
    let agree = true;
    let direction: LineComparison['direction'];
    if (vtysh === 'rejected' && !diags.some((d) => GRAMMAR_CODES.has(d.code))) {
      agree = false;
      direction = 'missed rejection';
    } else if (vtysh === 'accepted' && diags.some((d) => d.severity === 'error')) {
      agree = false;
      direction = 'false positive';
    }
    out.push({
      set: t.set,
      name: t.name,
      line,
      shownLine: line + t.lineOffset,
      text,
      family,
      vtysh,
      vtyshMessage: r ? `${r.message}[${r.nodeName}]` : '',
      codes,
      agree,
      ...(direction ? { direction } : {}),
      acceptedWarnings: vtysh === 'accepted' ? diags.filter((d) => d.severity !== 'error').map((d) => `${d.code} ${d.severity}`) : [],
    });
  });
  return out;
}

/**
 * The first line vtysh never read, or Infinity. When vtysh quit early (`complete: false`), the quit is at an
 * `exit` / `quit` line; the first one after which a prefix of the text is already incomplete is found by
 * bisection over those lines (each probe is one vtysh run).
 */
export async function unreadFrom(text: string, v: VtyshResult, check: (text: string) => Promise<VtyshResult> = vtyshCheck): Promise<number> {
  if (v.complete !== false) return Infinity;
  const lines = textLines(text);
  const candidates = lines.map((l, i) => (/^\s*(exit|quit)\s*$/.test(l) ? i + 1 : 0)).filter((n) => n > 0);
  let lo = 0;
  let hi = candidates.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = candidates[mid]!;
    const r = await check(`${lines.slice(0, at).join('\n')}\n`);
    if (r.complete === false) {
      found = at;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (found !== undefined) return found + 1;
  // Not at an exit line (should not happen): everything after the last reported line is unread.
  return Math.max(0, ...v.rejections.map((r) => r.line)) + 1;
}

// ------------------------------------------------------------------------------------------------------------
// bgpd -C against FRR502 / FRR503 / TMR201.

/** bgpd's messages for a neighbor or peer-group that is not defined (bgpd/bgp_vty.c). */
export const BGPD_UNDEFINED = /Specify remote-as or peer-group commands first|Configure the peer-group first|Create the peer-group or interface first/;
const BGPD_HOLD = /hold time value must be either 0 or greater than 3/;

export type SemanticKind = 'undefined neighbor / peer-group (FRR502/FRR503)' | 'hold time 1-2 (TMR201)';

export interface SemanticComparison {
  readonly set: TextSet;
  readonly name: string;
  readonly line: number;
  readonly text: string;
  readonly kind: SemanticKind;
  /** bgpd's "% ..." output for the line ("" when it accepted the line silently). */
  readonly bgpdMessage: string;
  readonly bgpdRejects: boolean;
  /** bgpd refused the line for this kind's reason. */
  readonly bgpdSays: boolean;
  readonly codes: readonly string[];
  /**
   * 'cascade': bgpd refused the line because an earlier line it depends on was refused (its `router bgp`, or
   * every definition of its neighbor / peer-group); not compared.
   */
  readonly verdict: 'agree' | 'disagree' | 'cascade';
  readonly direction?: 'missed rejection' | 'false positive';
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compares bgpd's semantic refusals with FRR502/FRR503 and TMR201 on the lines of `router bgp` blocks that
 * vtysh accepted. A refusal whose neighbor / peer-group definition (or `router bgp` line) FRR itself refused
 * is a cascade, not compared. Returns only lines where bgpd or grlint say something, plus `checked`, the
 * number of lines looked at. Pure.
 */
export function compareBgpd(
  t: Pick<OracleText, 'set' | 'name' | 'text'>,
  v: VtyshResult,
  b: BgpdResult,
  diagnostics: readonly FrrFamilyDiagnostic[],
  unread: number,
): { checked: number; lines: SemanticComparison[] } {
  const lines = textLines(t.text);
  const inBgp = routerBgpLines(t.text);
  const vtyshRejected = new Set(v.rejections.map((r) => r.line));
  const bgpdRejected = new Map(b.rejections.map((r) => [r.line, r]));
  const frrRefused = (l: number) => vtyshRejected.has(l) || bgpdRejected.has(l);
  const out: SemanticComparison[] = [];
  let checked = 0;
  for (const line of [...inBgp].sort((a, c) => a - c)) {
    const text = lines[line - 1] ?? '';
    if (line >= unread || vtyshRejected.has(line) || /^\s*(router bgp\b|!|$)/.test(text)) continue;
    checked++;
    const rej = bgpdRejected.get(line);
    const msg = rej ? rej.messages.join(' / ') : (b.notes.find((n) => n.line === line)?.messages ?? []).join(' / ');
    const here = diagnostics.filter((d) => d.line === line);
    const kinds: [SemanticKind, boolean, FrrFamilyDiagnostic[]][] = [
      ['undefined neighbor / peer-group (FRR502/FRR503)', rej !== undefined && BGPD_UNDEFINED.test(msg), here.filter((d) => d.code === 'FRR502' || d.code === 'FRR503')],
      ['hold time 1-2 (TMR201)', rej !== undefined && (BGPD_HOLD.test(msg) || (msg === '% Invalid value' && /\btimers\s+\d+\s+\d+\s*$/.test(text))), here.filter((d) => d.code === 'TMR201')],
    ];
    for (const [kind, bgpdSays, grlint] of kinds) {
      if (!bgpdSays && grlint.length === 0) continue;
      const codes = grlint.map((d) => `${d.code} ${d.severity}`);
      let verdict: SemanticComparison['verdict'] = bgpdSays === (grlint.length > 0) ? 'agree' : 'disagree';
      if (verdict === 'disagree' && rej !== undefined && routerRefused(line, lines, frrRefused)) verdict = 'cascade';
      if (verdict === 'disagree' && bgpdSays && kind.startsWith('undefined') && definitionRefused(line, text, lines, frrRefused)) verdict = 'cascade';
      out.push({
        set: t.set,
        name: t.name,
        line,
        text,
        kind,
        bgpdMessage: msg,
        bgpdRejects: rej !== undefined,
        bgpdSays,
        codes,
        verdict,
        ...(verdict === 'disagree' ? { direction: bgpdSays ? ('missed rejection' as const) : ('false positive' as const) } : {}),
      });
    }
  }
  return { checked, lines: out };
}

/** True when FRR refused the `router bgp` line of the block the line is in (bgpd then refuses every line of it). */
function routerRefused(line: number, lines: readonly string[], refused: (l: number) => boolean): boolean {
  for (let i = line - 1; i >= 1; i--) {
    if (/^router bgp\b/.test((lines[i - 1] ?? '').trim())) return refused(i);
  }
  return false;
}

/** True when every definition (remote-as, peer-group, interface) of the line's neighbor or peer-group was refused by FRR. */
function definitionRefused(line: number, text: string, lines: readonly string[], refused: (l: number) => boolean): boolean {
  const w = text.trim().split(/\s+/);
  const names = [w[1] ?? ''];
  const pg = w.indexOf('peer-group');
  if (pg > 0 && w[pg + 1]) names.push(w[pg + 1]!);
  return names.some((name) => {
    const def = new RegExp(`^\\s*neighbor\\s+${escapeRe(name)}\\s+(remote-as|peer-group|interface)\\b`);
    const defs = lines.map((l, i) => (def.test(l) ? i + 1 : 0)).filter((n) => n > 0 && n !== line);
    return defs.length > 0 && defs.every((d) => refused(d));
  });
}

// ------------------------------------------------------------------------------------------------------------
// The run and its report.

export interface Disagreement {
  readonly tool: 'vtysh' | 'bgpd';
  readonly set: TextSet;
  readonly name: string;
  readonly line: number;
  readonly text: string;
  readonly direction: 'missed rejection' | 'false positive';
  readonly message: string;
  readonly codes: readonly string[];
  /** The documented difference that explains it, if any. */
  readonly documented?: string;
}

export interface SetStats {
  files: number;
  linesChecked: number;
  agree: number;
  disagree: number;
  rejectedFlagged: number;
  acceptedClean: number;
  unread: number;
  incompleteFiles: number;
}

export interface AgreementReport {
  readonly frrVersion: string;
  readonly sets: Readonly<Record<string, SetStats>>;
  readonly total: SetStats;
  readonly byFamily: Readonly<Record<string, { checked: number; rejected: number; disagree: number }>>;
  readonly disagreements: readonly Disagreement[];
  /** grlint warnings on lines vtysh accepts, by code (allowed). */
  readonly acceptedWarnings: Readonly<Record<string, number>>;
  readonly acceptedWarningExamples: readonly string[];
  readonly bgpd: {
    readonly files: number;
    readonly sets: Readonly<Record<string, number>>;
    readonly linesChecked: number;
    readonly unattributedFiles: number;
    readonly byKind: Readonly<Record<string, { agree: number; disagree: number; cascade: number; bgpdRejects: number; grlintReports: number }>>;
  };
  /** Documented differences and how many disagreements each explains. */
  readonly documented: readonly { readonly id: string; readonly count: number }[];
  /** Corpus YAML / JSON files scanned for embedded frr.conf text, and how many had some. */
  readonly yaml: { readonly scanned: number; readonly withText: number };
  /** Texts whose batched vtysh result differs from a single run (must be empty). */
  readonly batchMismatches: readonly string[];
  readonly batchChecked: number;
  readonly seconds: { readonly vtysh: number; readonly grlint: number; readonly bgpd: number; readonly total: number };
}

function emptyStats(): SetStats {
  return { files: 0, linesChecked: 0, agree: 0, disagree: 0, rejectedFlagged: 0, acceptedClean: 0, unread: 0, incompleteFiles: 0 };
}

/**
 * Texts that go through bgpd -C too: every boundary snippet and golden with `router bgp`, every 5th topotest file
 * with one, and every text where grlint reports FRR502, FRR503 or TMR201 (so that each such finding meets bgpd).
 */
export function bgpdSample(texts: readonly OracleText[], semanticFinding: (t: OracleText) => boolean = () => false): Set<string> {
  const out = new Set<string>();
  let topotest = 0;
  for (const t of texts) {
    if (t.set === 'embedded in YAML' || !/^\s*router bgp\b/m.test(t.text)) continue;
    if (t.set === 'boundary snippets' || t.set === 'metallb golden' || t.set === 'frr-k8s golden') out.add(t.name);
    else if (topotest++ % 5 === 0 || semanticFinding(t)) out.add(t.name);
  }
  return out;
}

export function explain(d: Omit<Disagreement, 'documented'>, list: readonly DocumentedDifference[] = DOCUMENTED_DIFFERENCES): string | undefined {
  return list.find((x) => x.tool === d.tool && x.direction === d.direction && x.text.test(d.text) && (x.file === undefined || x.file.test(d.name)))?.id;
}

/** Texts also checked alone, to prove the batch runner equal to single runs: every early quit and every 40th text. */
export function batchCheckSample(texts: readonly OracleText[], results: readonly VtyshResult[]): number[] {
  return texts.map((_, i) => i).filter((i) => i % 40 === 0 || results[i]!.complete === false);
}

function comparable(r: VtyshResult): unknown {
  return { complete: r.complete, rejections: r.rejections.map((x) => [x.line, x.node, x.kind, x.text]) };
}

export interface RunOptions {
  readonly concurrency?: number;
  readonly texts?: readonly OracleText[];
  readonly bgpd?: boolean;
  readonly log?: (line: string) => void;
}

/** Runs vtysh (and bgpd on the sample) over the texts and compares with grlint. */
export async function runAgreement(opts: RunOptions = {}): Promise<AgreementReport> {
  const t0 = Date.now();
  const log = opts.log ?? (() => undefined);
  const concurrency = opts.concurrency ?? 2;
  const texts = opts.texts ?? [...boundaryTexts(), ...corpusTexts()];
  log(`${texts.length} texts; vtysh -C at concurrency ${concurrency}`);

  const results = await vtyshCheckBatched(texts.map((t) => t.text), concurrency);
  // The batch runner must give what vtysh gives for each text alone: checked on a fixed sample.
  const sampleIdx = batchCheckSample(texts, results);
  const alone = await mapPool(sampleIdx, concurrency, (i) => vtyshCheck(texts[i]!.text));
  const batchMismatches = sampleIdx.filter((i, k) => !isDeepStrictEqual(comparable(results[i]!), comparable(alone[k]!))).map((i) => texts[i]!.name);
  const unread = await mapPool(texts, concurrency, (t, i) => unreadFrom(t.text, results[i]!));
  const tVtysh = Date.now();
  log(`vtysh -C done in ${((tVtysh - t0) / 1000).toFixed(1)} s (${sampleIdx.length} texts also checked alone)`);
  const checked = texts.map((t, i) => ({ t, v: results[i]!, diagnostics: t.diagnostics(), unread: unread[i]! }));
  const tGrlint = Date.now();
  log(`grlint done in ${((tGrlint - tVtysh) / 1000).toFixed(1)} s`);

  const sets: Record<string, SetStats> = {};
  const total = emptyStats();
  const byFamily: Record<string, { checked: number; rejected: number; disagree: number }> = {};
  const disagreements: Disagreement[] = [];
  const acceptedWarnings: Record<string, number> = {};
  const acceptedWarningExamples: string[] = [];
  for (const { t, v, diagnostics, unread } of checked) {
    const s = (sets[t.set] ??= emptyStats());
    s.files++;
    total.files++;
    if (v.complete === false) {
      s.incompleteFiles++;
      total.incompleteFiles++;
    }
    for (const c of compareVtysh(t, v, diagnostics, unread)) {
      if (c.vtysh === 'unread') {
        s.unread++;
        total.unread++;
        continue;
      }
      for (const x of [s, total]) {
        x.linesChecked++;
        if (c.agree) x.agree++;
        else x.disagree++;
        if (c.agree && c.vtysh === 'rejected') x.rejectedFlagged++;
        if (c.agree && c.vtysh === 'accepted') x.acceptedClean++;
      }
      const f = (byFamily[c.family] ??= { checked: 0, rejected: 0, disagree: 0 });
      f.checked++;
      if (c.vtysh === 'rejected') f.rejected++;
      if (!c.agree) f.disagree++;
      for (const w of c.acceptedWarnings) {
        acceptedWarnings[w] = (acceptedWarnings[w] ?? 0) + 1;
        if (acceptedWarningExamples.length < 10) acceptedWarningExamples.push(`${c.name}:${c.shownLine} \`${c.text.trim()}\` ${w}`);
      }
      if (!c.agree) {
        const d = { tool: 'vtysh' as const, set: c.set, name: c.name, line: c.shownLine, text: c.text, direction: c.direction!, message: c.vtyshMessage || 'accepted', codes: c.codes };
        const documented = explain(d);
        disagreements.push({ ...d, ...(documented ? { documented } : {}) });
      }
    }
  }

  // bgpd -C on the boundary snippets and the corpus sample.
  const semantic = new Set(checked.filter((x) => x.diagnostics.some((d) => SEMANTIC_CODES.has(d.code))).map((x) => x.t.name));
  const sample = bgpdSample(texts, (t) => semantic.has(t.name));
  const bgpdTexts = checked.filter((x) => sample.has(x.t.name));
  const bgpdSets: Record<string, number> = {};
  const byKind: Record<string, { agree: number; disagree: number; cascade: number; bgpdRejects: number; grlintReports: number }> = {};
  let bgpdLines = 0;
  let unattributedFiles = 0;
  if (opts.bgpd !== false) {
    log(`bgpd -C on ${bgpdTexts.length} texts (two runs each)`);
    // bgpdCheck runs its two bgpd processes in parallel, so one text at a time keeps `concurrency` processes.
    const results = await mapPool(bgpdTexts, Math.max(1, Math.floor(concurrency / 2)), async (x) => ({ ...x, b: await bgpdCheck(x.t.text) }));
    for (const { t, v, b, diagnostics, unread } of results) {
      bgpdSets[t.set] = (bgpdSets[t.set] ?? 0) + 1;
      if (!b.attributed) {
        unattributedFiles++;
        continue;
      }
      const r = compareBgpd(t, v, b, diagnostics, unread);
      bgpdLines += r.checked;
      for (const c of r.lines) {
        const k = (byKind[c.kind] ??= { agree: 0, disagree: 0, cascade: 0, bgpdRejects: 0, grlintReports: 0 });
        k[c.verdict]++;
        if (c.codes.length > 0) k.grlintReports++;
        if (c.bgpdSays) k.bgpdRejects++;
        if (c.verdict === 'disagree') {
          const d = { tool: 'bgpd' as const, set: c.set, name: c.name, line: c.line, text: c.text, direction: c.direction!, message: c.bgpdMessage || (c.bgpdRejects ? 'rejected' : 'accepted'), codes: c.codes };
          const documented = explain(d);
          disagreements.push({ ...d, ...(documented ? { documented } : {}) });
        }
      }
    }
  }
  const tEnd = Date.now();
  return {
    frrVersion: ORACLE_FRR_VERSION,
    sets,
    total,
    byFamily,
    disagreements,
    acceptedWarnings,
    acceptedWarningExamples,
    bgpd: { files: bgpdTexts.length, sets: bgpdSets, linesChecked: bgpdLines, unattributedFiles, byKind },
    documented: DOCUMENTED_DIFFERENCES.map((x) => ({ id: x.id, count: disagreements.filter((d) => d.documented === x.id).length })),
    yaml: { scanned: opts.texts ? 0 : corpusYamlFiles().length, withText: new Set(texts.filter((t) => t.set === 'embedded in YAML').map((t) => t.name.split('#')[0])).size },
    batchMismatches,
    batchChecked: sampleIdx.length,
    seconds: { vtysh: (tVtysh - t0) / 1000, grlint: (tGrlint - tVtysh) / 1000, bgpd: (tEnd - tGrlint) / 1000, total: (tEnd - t0) / 1000 },
  };
}

/** The agreement table and the disagreement examples, as markdown. */
export function formatReport(r: AgreementReport): string {
  const out: string[] = [];
  out.push(`FRR ${r.frrVersion} vtysh -C vs grlint FRR501-FRR506 (judged as FRR ${r.frrVersion})`, '');
  out.push('| Set | Texts | Modelled lines checked | Agree | Disagree | rejected+flagged | accepted+clean | unread (early quit) |');
  out.push('|---|---|---|---|---|---|---|---|');
  const row = (name: string, s: SetStats) =>
    `| ${name} | ${s.files} | ${s.linesChecked} | ${s.agree} | ${s.disagree} | ${s.rejectedFlagged} | ${s.acceptedClean} | ${s.unread}${s.incompleteFiles ? ` (${s.incompleteFiles} files)` : ''} |`;
  for (const [name, s] of Object.entries(r.sets)) out.push(row(name, s));
  out.push(row('**total**', r.total));
  out.push(`(texts = files; "embedded in YAML" = frr.conf texts in ${r.yaml.withText} of the ${r.yaml.scanned} corpus YAML/JSON files)`, '');
  out.push('| Family | Lines checked | vtysh rejected | Disagree |', '|---|---|---|---|');
  for (const [f, s] of Object.entries(r.byFamily).sort((a, b) => b[1].checked - a[1].checked)) out.push(`| ${f} | ${s.checked} | ${s.rejected} | ${s.disagree} |`);
  out.push('');
  for (const dir of ['missed rejection', 'false positive'] as const) {
    for (const tool of ['vtysh', 'bgpd'] as const) {
      const all = r.disagreements.filter((d) => d.direction === dir && d.tool === tool);
      const undocumented = all.filter((d) => !d.documented);
      out.push(`${tool} disagreements, ${dir === 'missed rejection' ? `${tool} rejects, grlint silent` : `${tool} accepts, grlint ${tool === 'vtysh' ? 'error' : 'reports'}`}: ${all.length} (${undocumented.length} undocumented)`);
      for (const d of [...undocumented, ...all.filter((x) => x.documented)].slice(0, 10)) {
        out.push(`  ${d.name}:${d.line}  \`${d.text.trim()}\`  ${tool}: ${d.message}  grlint: ${d.codes.join(', ') || '-'}${d.documented ? `  [documented: ${d.documented}]` : ''}`);
      }
    }
  }
  out.push('');
  out.push(`grlint warnings on lines vtysh accepts (allowed): ${Object.entries(r.acceptedWarnings).map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}`);
  for (const e of r.acceptedWarningExamples) out.push(`  ${e}`);
  out.push('');
  out.push(`bgpd -C vs grlint FRR502/FRR503 and TMR201: ${r.bgpd.files} texts (${Object.entries(r.bgpd.sets).map(([k, n]) => `${k} ${n}`).join(', ')}), ${r.bgpd.linesChecked} router bgp lines vtysh accepted, ${r.bgpd.unattributedFiles} texts with bgpd output not attributable`);
  out.push('| Semantic check | bgpd refuses | grlint reports | Agree | Disagree | Cascade (not compared) |', '|---|---|---|---|---|---|');
  for (const [k, s] of Object.entries(r.bgpd.byKind)) out.push(`| ${k} | ${s.bgpdRejects} | ${s.grlintReports} | ${s.agree} | ${s.disagree} | ${s.cascade} |`);
  out.push('');
  out.push('Documented differences (documented-differences.ts):');
  for (const d of r.documented) out.push(`  ${d.id}: ${d.count} line(s)`);
  out.push('');
  out.push(`vtysh batches: ${r.batchChecked} texts also checked alone, ${r.batchMismatches.length} differ${r.batchMismatches.length ? `: ${r.batchMismatches.slice(0, 10).join(', ')}` : ''}`);
  out.push(`Time: vtysh ${r.seconds.vtysh.toFixed(1)} s, grlint ${r.seconds.grlint.toFixed(1)} s, bgpd ${r.seconds.bgpd.toFixed(1)} s, total ${r.seconds.total.toFixed(1)} s`);
  return out.join('\n');
}
