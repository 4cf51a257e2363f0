import type { End, Location, Origin, Verdict, VerdictCondition, VerdictOutcome, VerdictReason } from './types';
import { flat, TextMemo } from './texts';
import { compareVersions } from './version';

/** The first FRR release that no longer sends a Cease on shutdown to GR peers (domain.md §4.5). */
export const FRR_NO_CEASE_ON_SHUTDOWN = '8.4.2';

/**
 * Decides whether `helper` keeps `restarting`'s routes while `restarting` restarts (catalog.md §2).
 * Reasons are ordered by when the loss happens: at once first, at reconnect last.
 */
export function restartVerdict(restarting: End, helper: End): Verdict {
  // Most verdicts have no reason or one: the list grows by copying (an array grown by push keeps room for
  // 16 more), and verdicts live as long as the model.
  let reasons: readonly VerdictReason[] = NO_REASONS;
  const a = restarting;
  const b = helper;

  if (b.gr.mode.value === 'disable') {
    reasons = withReason(reasons, {
      code: 'helper-disabled',
      message: HELPER_DISABLED.get(b.label, onSpeaker(b), a.speaker),
      loc: locOf(b, b.gr.mode.origin),
    });
  }
  if (a.gr.mode.value !== 'restart') {
    reasons = withReason(reasons, {
      code: 'not-restart-mode',
      message: NOT_RESTART_MODE.get(a.speaker, a.gr.mode.value, b.speaker),
      loc: locOf(a, a.gr.mode.origin),
    });
  }
  const version = a.frrVersion?.value;
  if (a.gr.mode.value === 'restart' && version !== undefined && compareVersions(version, FRR_NO_CEASE_ON_SHUTDOWN) < 0) {
    reasons = withReason(reasons, {
      code: 'frr-sends-cease',
      message: SENDS_CEASE.get(a.speaker, version),
      loc: locOf(a, a.frrVersion!.origin),
    });
  }
  // The LLGR period is min(A's advertised stale-time, B's own stale-time): a helper without
  // `bgp long-lived-graceful-restart stale-time` starts none (docs/lab/measurements.md §3.3).
  const llgr = llgrPeriod(a, b);
  if (a.gr.mode.value === 'restart' && a.gr.restartTime.value === 0 && llgr === 0) {
    reasons = withReason(reasons, {
      code: 'restart-time-zero',
      message: a.gr.llgrStaleTime.value === 0 ? RESTART_TIME_ZERO.get(a.speaker) : RESTART_TIME_ZERO_NO_LLGR.get(a.speaker, b.speaker),
      loc: locOf(a, a.gr.restartTime.origin),
    });
  }
  if (a.gr.mode.value === 'restart' && b.gr.mode.value !== 'disable' && bfdRuns(a, b) && !b.bfd.checkControlPlaneFailure.value) {
    reasons = withReason(reasons, {
      code: 'bfd-tears-down',
      message: BFD_TEARS_DOWN.get(b.label, onSpeaker(b), a.speaker),
      loc: locOf(b, b.bfd.enabled.origin),
      condition: bfdDownCondition(a, b),
    });
  }
  if (a.gr.mode.value === 'restart' && !a.gr.preserveFwState.value) {
    reasons = withReason(reasons, {
      code: 'no-preserve-fw-state',
      message: NO_PRESERVE_FW_STATE.get(a.speaker, b.speaker),
      loc: locOf(a, a.gr.mode.origin),
    });
  }

  const restart = a.gr.restartTime.value;
  const stale = b.gr.stalepathTime.value;
  const seconds = Math.min(restart, stale) + llgr;
  const boundBy = restart === 0 ? 'llgr' : stale < restart ? 'stalepath-time' : 'restart-time';
  if (reasons.length === 0) return { restarting: a, helper: b, kept: true, seconds, reasons: NO_REASONS, boundBy };
  // A conditional reason keeps the verdict on the safe side; `otherwise` is the outcome when it does not hold.
  let conditional = 0;
  for (const r of reasons) if (r.condition) conditional++;
  if (conditional === 0) return { restarting: a, helper: b, kept: false, seconds: null, reasons };
  const otherwise: VerdictOutcome =
    conditional < reasons.length
      ? { kept: false, seconds: null, reasons: reasons.filter((r) => !r.condition) }
      : { kept: true, seconds, reasons: NO_REASONS, boundBy };
  return { restarting: a, helper: b, kept: false, seconds: null, reasons, otherwise };
}

/**
 * The reason messages, kept by the texts they are made of (see TextMemo): every lint gives every session
 * two verdicts, mostly with the reasons of the lint before.
 */
const HELPER_DISABLED = new TextMemo((label: string, on: string | typeof NOT_FRR, restarting: string) =>
  `${describeParts(label, on)} disables graceful restart, so no GR capability is exchanged with ${restarting}`,
);
const NOT_RESTART_MODE = new TextMemo(
  (restarting: string, mode: string, helper: string) => `${restarting} is in ${mode} mode toward ${helper}, not restart, so it asks for no routes to be kept`,
);
const SENDS_CEASE = new TextMemo(
  (restarting: string, version: string) => `${restarting} runs FRR ${version}, older than ${FRR_NO_CEASE_ON_SHUTDOWN}, which sends a Cease on shutdown`,
);
const RESTART_TIME_ZERO = new TextMemo((restarting: string) => `${restarting} advertises restart-time 0 without LLGR`);
const RESTART_TIME_ZERO_NO_LLGR = new TextMemo(
  (restarting: string, helper: string) => `${restarting} advertises restart-time 0 and ${helper} has no LLGR stale-time of its own, so no LLGR period starts`,
);
const BFD_TEARS_DOWN = new TextMemo(
  (label: string, on: string | typeof NOT_FRR, restarting: string) =>
    `BFD runs on the session and ${describeParts(label, on)} has no bfd check-control-plane-failure, so BFD Down resets it when ${restarting} restarts`,
);
const NO_PRESERVE_FW_STATE = new TextMemo(
  (restarting: string, helper: string) => `${restarting} has no preserve-fw-state, so the F bit is 0 and ${helper} flushes the stale routes when the session returns`,
);

/** What {@link describe} adds to an end's label: ` on <speaker>` for a router's neighbor. */
const NOT_FRR = Symbol('not an frr.conf end');

function onSpeaker(e: End): string | typeof NOT_FRR {
  return e.side === 'frr' ? e.speaker : NOT_FRR;
}

function describeParts(label: string, on: string | typeof NOT_FRR): string {
  return on === NOT_FRR ? label : `${label} on ${on}`;
}

/** `reasons` with `r` appended, in a new array of exactly that size. */
function withReason(reasons: readonly VerdictReason[], r: VerdictReason): readonly VerdictReason[] {
  return reasons.length === 0 ? [r] : [...reasons, r];
}

/** The reasons of a kept outcome (shared: verdicts are immutable). */
const NO_REASONS: readonly VerdictReason[] = Object.freeze([]);

/** Where a reason's cause is written: the origin of the value, or the end itself for a default. */
function locOf(e: End, o: Origin): Location {
  return o.kind !== 'default' ? o.loc : e.decl;
}

/**
 * The conditions of `bfd-tears-down`, by restarting speaker and helper speaker: they are text only, and a
 * project repeats a few speaker pairs on every session; the cache is emptied when it grows past a bound.
 */
const BFD_CONDITIONS = new Map<string, Map<string, VerdictCondition>>();
const BFD_CONDITIONS_BOUND = 4096;
let bfdConditionCount = 0;

function bfdDownCondition(a: End, b: End): VerdictCondition {
  let byHelper = BFD_CONDITIONS.get(a.speaker);
  let c = byHelper?.get(b.speaker);
  if (c) return c;
  if (bfdConditionCount >= BFD_CONDITIONS_BOUND) {
    BFD_CONDITIONS.clear();
    bfdConditionCount = 0;
    byHelper = undefined;
  }
  if (!byHelper) BFD_CONDITIONS.set(a.speaker, (byHelper = new Map()));
  byHelper.set(b.speaker, (c = newBfdDownCondition(a.speaker, b.speaker)));
  bfdConditionCount++;
  return c;
}

/**
 * BFD Down makes a helper without check-control-plane-failure send a Cease (Hard Reset) only while the session
 * is Established: it does when bfdd stops before bgpd, the node hangs or the link fails; after the TCP close
 * (bgpd stopped first, or both killed with bgpd's socket closed first) the helper is already in GR and keeps
 * the routes; a clean stop of both at the same moment is a race (docs/lab/measurements.md §3.6, FRR 8.4.4).
 */
function newBfdDownCondition(a: string, b: string): VerdictCondition {
  return {
    code: 'bfd-down-while-established',
    holds: flat(`BFD Down reaches ${b} while the session is still established (${a}'s bfdd stops before its bgpd, the node hangs or the link fails)`),
    fails: flat(`${a}'s bgpd closes the session before BFD goes down (bgpd stopped first, or bgpd and bfdd killed with -9 together)`),
    race: `bgpd and bfdd are stopped cleanly at the same moment (a pod stop)`,
  };
}

/** Seconds of long-lived graceful restart B grants A after the GR period: min of both ends' LLGR stale-time. */
export function llgrPeriod(a: End, b: End): number {
  return Math.min(a.gr.llgrStaleTime.value, b.gr.llgrStaleTime.value);
}

/** BFD runs on a session only when both ends configure it. */
export function bfdRuns(a: End, b: End): boolean {
  return a.bfd.enabled.value && b.bfd.enabled.value;
}

/** A short description of an end for messages: `neighbor 192.0.2.1 on tor1` or `BGPPeer "tor"`. */
export function describe(e: End): string {
  return describeParts(e.label, onSpeaker(e));
}

/** One-line text of a verdict: "routes kept 120 s" or "routes lost: <first reason>". */
export function verdictText(v: VerdictOutcome): string {
  if (v.kept) return `routes kept ${v.seconds} s`;
  return `routes lost: ${v.reasons[0]?.message ?? 'unknown reason'}`;
}
