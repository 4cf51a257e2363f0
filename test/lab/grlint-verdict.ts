// grlint's restart verdict for a lab scenario, and what it predicts the lab will measure.
// The configs are linted through the code path of `grlint sessions --format json` (parseFile + lint, then
// sessionsJson on the model), with a `.grlint.yaml` equivalent that sets GR105's restartBudgetSeconds to the
// scenario's downSeconds. No FRR and no root needed: the lab calls this before it starts any daemon.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parseFile } from '../../server/src/core/project';
import { renderReport } from '../../server/src/core/report/render';
import type { EndJson, VerdictJson } from '../../server/src/core/report/sessions';
import { sessionsJson } from '../../server/src/core/report/sessions';
import { RULES } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/text/line-index';
import type { Classification, KillStep, Outcome, ScenarioSpec } from './scenario';

/** BFD's detect time with the default timers the lab runs (receive interval 300 ms x multiplier 3). */
export const BFD_DETECT_SECONDS = 0.9;
/** Two events closer than this are a race inside the helper's event loop. */
export const SAME_TICK_SECONDS = 0.05;
/**
 * How long after the restarting router's bgpd is started its session must be back for a kept window to count
 * as "kept throughout": measured 0.1-1.7 s to Established, then about 1 s to End-of-RIB (measurements.md §2).
 */
export const RETURN_MARGIN_SECONDS = 3;
/** Tolerance of a predicted loss time against the sampled loss window (200 ms sampling, 1 s FRR timers). */
export const TIMING_TOLERANCE_SECONDS = 0.6;

/** The files of one router as grlint reads them: frr.conf text, or MetalLB YAML. */
export interface LintedFile {
  readonly name: string;
  readonly text: string;
}

export interface GrlintView {
  /** The files that were linted, by name. */
  readonly files: readonly string[];
  /** The restarting end and the helper end of the session between the two files. */
  readonly restarting: EndJson;
  readonly helper: EndJson;
  /** The verdict for the restarting end (the session's verdict in that direction). */
  readonly verdict: VerdictJson;
  /** Codes of every rule that fired, sorted, without duplicates. */
  readonly rules: readonly string[];
  /** Problems found while linting (unpaired ends, several sessions, config errors); empty when all is well. */
  readonly problems: readonly string[];
}

/**
 * Lints the restarting router's file and the helper's file as `grlint sessions` and `grlint` do, with
 * `restartBudgetSeconds: <budget>` as the `.grlint.yaml`, and returns the verdict for `restartingFile`'s end.
 */
export function grlintView(restartingFile: LintedFile, helperFile: LintedFile, budgetSeconds: number): GrlintView {
  const problems: string[] = [];
  const cfg = parseConfig(`restartBudgetSeconds: ${budgetSeconds}\n`, RULES);
  for (const e of cfg.errors) problems.push(`.grlint.yaml: ${e.message}`);
  const sources = [restartingFile, helperFile].map((f) => ({ uri: `/lab/${f.name}`, text: f.text }));
  const result = lint(sources.map((s) => parseFile(s)), { config: cfg.config });
  for (const e of result.internalErrors) problems.push(`rule ${e.code} threw: ${String(e.error)}`);
  const texts = new Map(sources.map((s) => [s.uri, s.text]));
  const data = sessionsJson(result.model, (loc) => `${basename(loc.uri)}:${new LineIndex(texts.get(loc.uri) ?? '').positionAt(loc.range.start).line + 1}`);
  const fileOf = (e: EndJson): string => e.file.replace(/:\d+$/, '');
  const between = data.sessions.filter((s) => new Set([fileOf(s.a), fileOf(s.b)]).size === 2);
  if (between.length !== 1) problems.push(`expected 1 session between ${restartingFile.name} and ${helperFile.name}, found ${between.length}`);
  for (const u of data.unpaired) problems.push(`unpaired end ${u.label} (${u.file})`);
  for (const a of data.ambiguous) problems.push(`ambiguous end ${a.end.label} (${a.end.file})`);
  const s = between[0] ?? data.sessions[0];
  const rules = [...new Set(result.findings.map((f) => f.code))].sort();
  if (!s) {
    const none = { label: '?', speaker: '?', file: '?' } as unknown as EndJson;
    const verdict = { restarting: '?', helper: '?', kept: false, seconds: null, reason: 'no session', reasonCode: null, reasons: [], boundBy: null, text: 'no session' } as VerdictJson;
    return { files: [restartingFile.name, helperFile.name], restarting: none, helper: none, verdict, rules, problems };
  }
  const aRestarts = fileOf(s.a) === restartingFile.name;
  return {
    files: [restartingFile.name, helperFile.name],
    restarting: aRestarts ? s.a : s.b,
    helper: aRestarts ? s.b : s.a,
    verdict: aRestarts ? s.verdicts[0] : s.verdicts[1],
    rules,
    problems,
  };
}

/** `grlint render FILE` in-process: the frr.conf MetalLB renders for the BGPPeer(s) of a YAML file. */
export function renderMetallb(file: LintedFile): string {
  const uri = `/lab/${file.name}`;
  const result = lint([parseFile({ uri, text: file.text })]);
  return renderReport(result.model, uri, (loc) => `${basename(loc.uri)}:${new LineIndex(file.text).positionAt(loc.range.start).line + 1}`);
}

/** The line of a lab template that stands for the `grlint render` output. */
export const RENDER_MARKER = /^!@grlint-render[ \t]+(\S+)[ \t]*$/m;

/**
 * A's frr.conf for a MetalLB scenario: the template with its `!@grlint-render FILE` line replaced by
 * `grlint render FILE`. The template holds only what the lab adds around the rendering (its comments say why).
 */
export function configFromTemplate(dir: string, template: string): { text: string; yaml: LintedFile } {
  const text = readFileSync(join(dir, template), 'utf8');
  const m = RENDER_MARKER.exec(text);
  if (!m) throw new Error(`${template}: no "!@grlint-render FILE" line`);
  if (RENDER_MARKER.exec(text.slice(m.index + m[0].length))) throw new Error(`${template}: more than one "!@grlint-render" line`);
  const yaml = { name: m[1]!, text: readFileSync(join(dir, m[1]!), 'utf8') };
  const rendered = renderMetallb(yaml);
  if (!rendered) throw new Error(`${m[1]}: grlint render found no BGPPeer`);
  return { text: text.slice(0, m.index) + rendered.replace(/\n$/, '') + text.slice(m.index + m[0].length), yaml };
}

// ---- What the verdict predicts the lab will measure ----------------------------------------------------

/** When the helper first sees the restarting router go away, from the kill steps (seconds after the first). */
export interface DetectionTimes {
  /** The TCP close (KILL or TERM of bgpd); for a frozen bgpd, the hold-timer expiry window. */
  readonly close: readonly [number, number];
  /** BFD Down on the helper, or null when BFD does not go down. */
  readonly bfdDown: number | null;
  /** True when BFD Down is caused by bgpd's own exit (zebra deregisters its BFD session): after the close. */
  readonly bfdDownAfterClose: boolean;
}

/**
 * How the lab's kill steps look from the helper, per FRR 8.4.4 as measured (measurements.md §3.5, §3.6):
 * KILL or TERM of bgpd closes TCP at once; STOP of bgpd closes nothing, the hold timer expires within
 * (hold - keepalive, hold]; TERM of bfdd sends AdminDown at once; KILL or STOP of bfdd is seen after the
 * detect time; TERM of bgpd also brings BFD down at once (zebra deregisters bgpd's BFD session), after the close.
 */
export function detectionTimes(steps: readonly KillStep[], daemons: readonly string[], holdSeconds: number, keepaliveSeconds: number): DetectionTimes {
  let close: [number, number] | undefined;
  let bfdDown: number | null = null;
  let bfdDownAfterClose = false;
  const setBfd = (t: number, afterClose: boolean): void => {
    // At the same moment, bfdd's own AdminDown does not wait for bgpd's close.
    if (bfdDown === null || t < bfdDown || (t === bfdDown && !afterClose)) {
      bfdDown = t;
      bfdDownAfterClose = afterClose;
    }
  };
  for (const st of steps) {
    const t = st.atSeconds ?? 0;
    if (st.daemons.includes('bgpd')) {
      if (st.signal === 'STOP') close ??= [t + holdSeconds - keepaliveSeconds, t + holdSeconds];
      else if (!close || t < close[0]) close = [t, t];
      if (st.signal === 'TERM' && daemons.includes('bfdd')) setBfd(t, true);
    }
    if (st.daemons.includes('bfdd')) setBfd(st.signal === 'TERM' ? t : t + BFD_DETECT_SECONDS, false);
  }
  return { close: close ?? [Infinity, Infinity], bfdDown, bfdDownAfterClose };
}

/** Whether a reason's condition holds for this kill order: 'holds', 'fails', or 'race'. */
export type ConditionState = 'holds' | 'fails' | 'race';

/** `bfd-down-while-established`: BFD Down reaches the helper while the session is still Established. */
export function bfdDownWhileEstablished(d: DetectionTimes): ConditionState {
  if (d.bfdDown === null) return 'fails';
  if (d.bfdDownAfterClose && d.bfdDown <= d.close[0]) return 'fails';
  if (d.bfdDown < d.close[0] - SAME_TICK_SECONDS) return 'holds';
  if (d.bfdDown > d.close[1] + SAME_TICK_SECONDS) return 'fails';
  return 'race';
}

/** A measured outcome the verdict predicts; lost-while-down carries the window of the loss (s after the kill). */
export type Expected =
  | { readonly outcome: 'kept' }
  | { readonly outcome: 'lost-at-once' | 'lost-at-reconnect'; readonly because: string }
  | { readonly outcome: 'lost-while-down'; readonly because: string; readonly at: readonly [number, number]; readonly seconds: number; readonly detectedAt: readonly [number, number] };

export interface Prediction {
  /** The outcomes that agree with grlint (two for a race). */
  readonly expected: readonly Expected[];
  /** The verdict as the table shows it, e.g. "kept 10 s", "lost: helper-disabled", "lost: bfd-tears-down [fails] -> kept 10 s". */
  readonly verdictText: string;
  /** Condition states of the verdict's conditional reasons, e.g. { 'bfd-down-while-established': 'fails' }. */
  readonly conditions: Readonly<Record<string, ConditionState>>;
  /** Set when the kept window ends too close to the restarting router's return to tell kept from lost. */
  readonly undecided?: string;
  /** The verdict once the conditions are decided by the kill order: kept for `seconds`, or lost. */
  readonly resolved: { readonly kept: boolean; readonly seconds: number | null };
}

/** The timing class of each verdict reason code (measurements.md §2): when the helper drops the routes. */
export const REASON_TIMING: Readonly<Record<string, 'lost-at-once' | 'lost-at-reconnect'>> = {
  'helper-disabled': 'lost-at-once',
  'not-restart-mode': 'lost-at-once',
  'restart-time-zero': 'lost-at-once',
  'bfd-tears-down': 'lost-at-once',
  'frr-sends-cease': 'lost-at-once',
  'no-preserve-fw-state': 'lost-at-reconnect',
};

/** The conditions the lab knows how to decide from its kill steps. */
const CONDITIONS: Readonly<Record<string, (d: DetectionTimes) => ConditionState>> = {
  'bfd-down-while-established': bfdDownWhileEstablished,
};

/**
 * What grlint's verdict predicts for this scenario's restart: lost at once / at reconnect for the first reason
 * whose condition (if any) holds; else kept for `seconds` from the moment the helper detects the loss, which is
 * "kept" when the session is back before the window ends and "lost-while-down" at its end otherwise.
 */
export function predict(view: GrlintView, spec: ScenarioSpec, steps: readonly KillStep[], backAt = spec.downSeconds): Prediction {
  const v = view.verdict;
  const hold = Math.min(view.restarting.timers.hold.value, view.helper.timers.hold.value);
  const keepalive = view.restarting.timers.keepaliveEffective;
  const d = detectionTimes(steps, spec.daemons, hold, keepalive);
  const conditions: Record<string, ConditionState> = {};
  const active: { code: string; state: ConditionState | 'always' }[] = [];
  for (const r of v.reasons) {
    const c = r.condition;
    if (!c) {
      active.push({ code: r.code, state: 'always' });
      continue;
    }
    const decide = CONDITIONS[c.code];
    const state: ConditionState = decide ? decide(d) : 'holds';
    conditions[c.code] = state;
    active.push({ code: r.code, state });
  }
  const lossOf = (code: string): Expected => ({ outcome: REASON_TIMING[code] ?? 'lost-at-once', because: code } as Expected);
  const first = active.find((x) => x.state === 'always' || x.state === 'holds');
  const racing = active.filter((x) => x.state === 'race');
  const tag = (x: { code: string; state: string }): string => (x.state === 'always' ? x.code : `${x.code} [${x.state}]`);
  const head = v.kept ? `kept ${v.seconds} s` : `lost: ${active.map(tag).join(', ')}`;
  if (first && (racing.length === 0 || active.indexOf(first) < active.indexOf(racing[0]!))) {
    return { expected: [lossOf(first.code)], verdictText: head, conditions, resolved: { kept: false, seconds: null } };
  }
  // No unconditional reason before the first race: the routes are kept, as `otherwise` says, unless a race is lost.
  const kept = v.kept ? { kept: true, seconds: v.seconds, boundBy: v.boundBy, reasonCode: null } : v.otherwise;
  const raceLosses = racing.map((x) => lossOf(x.code));
  if (!kept) return { expected: raceLosses, verdictText: `${head} (no otherwise verdict)`, conditions, resolved: { kept: false, seconds: null } };
  const text = v.kept ? head : `${head} -> ${kept.kept ? `kept ${kept.seconds} s` : `lost: ${kept.reasonCode}`}`;
  if (!kept.kept) {
    return { expected: [...raceLosses, lossOf(kept.reasonCode ?? 'unknown')], verdictText: text, conditions, resolved: { kept: false, seconds: null } };
  }
  const seconds = kept.seconds ?? 0;
  const end: [number, number] = [d.close[0] + seconds, d.close[1] + seconds];
  const back = backAt;
  const lostAtEnd: Expected = { outcome: 'lost-while-down', because: `window of ${seconds} s (${kept.boundBy})`, at: end, seconds, detectedAt: d.close };
  let keptOutcomes: Expected[];
  let undecided: string | undefined;
  if (end[0] >= back + RETURN_MARGIN_SECONDS) {
    keptOutcomes = [{ outcome: 'kept' }];
  } else if (end[1] < back) {
    keptOutcomes = [lostAtEnd];
  } else {
    // The window ends about when the session comes back: either outcome agrees with the verdict.
    keptOutcomes = [{ outcome: 'kept' }, lostAtEnd];
    undecided = `the ${seconds} s window ends at ${fmtRange(end)} s, within ${RETURN_MARGIN_SECONDS} s of the return at ${back} s`;
  }
  return { expected: [...raceLosses, ...keptOutcomes], verdictText: text, conditions, resolved: { kept: true, seconds }, ...(undecided ? { undecided } : {}) };
}

function fmtRange(r: readonly [number, number]): string {
  return r[0] === r[1] ? r[0].toFixed(1) : `${r[0].toFixed(1)}-${r[1].toFixed(1)}`;
}

/** One expected outcome as a short text, e.g. "lost while down at 4.0 s". */
export function expectedText(e: Expected): string {
  switch (e.outcome) {
    case 'kept':
      return 'kept';
    case 'lost-while-down':
      return `lost at ${fmtRange(e.at)} s`;
    default:
      return e.outcome.replace(/-/g, ' ');
  }
}

/**
 * Whether a measured classification agrees with one expected outcome: the same outcome class and, for a loss
 * while down, a loss window that contains the predicted time (within the tolerance) and, when the helper
 * detected the loss later than the kill (frozen router), a stale period of `seconds`.
 */
export function agreesWith(e: Expected, c: Classification, tol = TIMING_TOLERANCE_SECONDS): { ok: boolean; why: string } {
  if (c.outcome !== e.outcome) return { ok: false, why: `measured ${c.outcome}, grlint predicts ${expectedText(e)}` };
  if (e.outcome !== 'lost-while-down') return { ok: true, why: expectedText(e) };
  const lo = c.lastPresentAt;
  const hi = c.lostAt;
  if (lo === null || hi === null) return { ok: false, why: 'no loss window measured' };
  if (!(lo - tol <= e.at[1] && e.at[0] <= hi + tol)) {
    return { ok: false, why: `lost in (${lo.toFixed(2)}, ${hi.toFixed(2)}], grlint predicts ${fmtRange(e.at)} s +- ${tol}` };
  }
  if (e.detectedAt[1] > e.detectedAt[0]) {
    if (c.staleAt === null) return { ok: false, why: 'no stale period measured' };
    const stale = hi - c.staleAt;
    if (Math.abs(stale - e.seconds) > tol + 0.4) return { ok: false, why: `stale for ${stale.toFixed(2)} s, grlint predicts ${e.seconds} s` };
  }
  return { ok: true, why: `lost in (${lo.toFixed(2)}, ${hi.toFixed(2)}], predicted ${fmtRange(e.at)} s` };
}

/** Agreement with any of the expected outcomes (a race allows two). */
export function agreement(p: Prediction, c: Classification): { ok: boolean; why: string } {
  const tries = p.expected.map((e) => agreesWith(e, c));
  return tries.find((t) => t.ok) ?? { ok: false, why: tries.map((t) => t.why).join('; or ') };
}

/** Short text of a measured classification for the table. */
export function measuredText(c: Classification): string {
  switch (c.outcome) {
    case 'kept':
      return 'kept';
    case 'lost-while-down':
      return `lost in (${c.lastPresentAt?.toFixed(2)}, ${c.lostAt?.toFixed(2)}]`;
    case 'lost-at-once':
      return `lost at once (${c.lostAt?.toFixed(2)})`;
    case 'lost-at-reconnect':
      return `lost at reconnect (${c.lostAt?.toFixed(2)})`;
    default:
      return String(c.outcome as Outcome | 'unclassified');
  }
}
