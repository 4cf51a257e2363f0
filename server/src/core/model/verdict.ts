import type { End, Location, Verdict, VerdictCondition, VerdictOutcome, VerdictReason } from './types';
import { compareVersions } from './version';

/** The first FRR release that no longer sends a Cease on shutdown to GR peers (domain.md §4.5). */
export const FRR_NO_CEASE_ON_SHUTDOWN = '8.4.2';

/**
 * Decides whether `helper` keeps `restarting`'s routes while `restarting` restarts (catalog.md §2).
 * Reasons are ordered by when the loss happens: at once first, at reconnect last.
 */
export function restartVerdict(restarting: End, helper: End): Verdict {
  const reasons: VerdictReason[] = [];
  const a = restarting;
  const b = helper;
  const locOf = (e: End, o: { kind: string; loc?: Location }): Location => (o.kind !== 'default' && o.loc ? o.loc : e.decl);

  if (b.gr.mode.value === 'disable') {
    reasons.push({
      code: 'helper-disabled',
      message: `${describe(b)} disables graceful restart, so no GR capability is exchanged with ${a.speaker}`,
      loc: locOf(b, b.gr.mode.origin as { kind: string; loc?: Location }),
    });
  }
  if (a.gr.mode.value !== 'restart') {
    reasons.push({
      code: 'not-restart-mode',
      message: `${a.speaker} is in ${a.gr.mode.value} mode toward ${b.speaker}, not restart, so it asks for no routes to be kept`,
      loc: locOf(a, a.gr.mode.origin as { kind: string; loc?: Location }),
    });
  }
  const version = a.frrVersion?.value;
  if (a.gr.mode.value === 'restart' && version !== undefined && compareVersions(version, FRR_NO_CEASE_ON_SHUTDOWN) < 0) {
    reasons.push({
      code: 'frr-sends-cease',
      message: `${a.speaker} runs FRR ${version}, older than ${FRR_NO_CEASE_ON_SHUTDOWN}, which sends a Cease on shutdown`,
      loc: locOf(a, a.frrVersion!.origin as { kind: string; loc?: Location }),
    });
  }
  // The LLGR period is min(A's advertised stale-time, B's own stale-time): a helper without
  // `bgp long-lived-graceful-restart stale-time` starts none (docs/lab/measurements.md §3.3).
  const llgr = llgrPeriod(a, b);
  if (a.gr.mode.value === 'restart' && a.gr.restartTime.value === 0 && llgr === 0) {
    reasons.push({
      code: 'restart-time-zero',
      message:
        a.gr.llgrStaleTime.value === 0
          ? `${a.speaker} advertises restart-time 0 without LLGR`
          : `${a.speaker} advertises restart-time 0 and ${b.speaker} has no LLGR stale-time of its own, so no LLGR period starts`,
      loc: locOf(a, a.gr.restartTime.origin as { kind: string; loc?: Location }),
    });
  }
  if (a.gr.mode.value === 'restart' && b.gr.mode.value !== 'disable' && bfdRuns(a, b) && !b.bfd.checkControlPlaneFailure.value) {
    reasons.push({
      code: 'bfd-tears-down',
      message: `BFD runs on the session and ${describe(b)} has no bfd check-control-plane-failure, so BFD Down resets it when ${a.speaker} restarts`,
      loc: locOf(b, b.bfd.enabled.origin as { kind: string; loc?: Location }),
      condition: bfdDownCondition(a, b),
    });
  }
  if (a.gr.mode.value === 'restart' && !a.gr.preserveFwState.value) {
    reasons.push({
      code: 'no-preserve-fw-state',
      message: `${a.speaker} has no preserve-fw-state, so the F bit is 0 and ${b.speaker} flushes the stale routes when the session returns`,
      loc: locOf(a, a.gr.mode.origin as { kind: string; loc?: Location }),
    });
  }

  const restart = a.gr.restartTime.value;
  const stale = b.gr.stalepathTime.value;
  const gr = Math.min(restart, stale);
  const seconds = gr + llgr;
  const boundBy = restart === 0 ? 'llgr' : stale < restart ? 'stalepath-time' : 'restart-time';
  const kept: VerdictOutcome = { kept: true, seconds, reasons: [], boundBy };
  if (reasons.length === 0) return { restarting: a, helper: b, ...kept };
  // A conditional reason keeps the verdict on the safe side; `otherwise` is the outcome when it does not hold.
  const always = reasons.filter((r) => !r.condition);
  const otherwise: VerdictOutcome | undefined =
    always.length === reasons.length ? undefined : always.length ? { kept: false, seconds: null, reasons: always } : kept;
  return { restarting: a, helper: b, kept: false, seconds: null, reasons, ...(otherwise ? { otherwise } : {}) };
}

/**
 * BFD Down makes a helper without check-control-plane-failure send a Cease (Hard Reset) only while the session
 * is Established: it does when bfdd stops before bgpd, the node hangs or the link fails; after the TCP close
 * (bgpd stopped first, or both killed with bgpd's socket closed first) the helper is already in GR and keeps
 * the routes; a clean stop of both at the same moment is a race (docs/lab/measurements.md §3.6, FRR 8.4.4).
 */
function bfdDownCondition(a: End, b: End): VerdictCondition {
  return {
    code: 'bfd-down-while-established',
    holds: `BFD Down reaches ${b.speaker} while the session is still established (${a.speaker}'s bfdd stops before its bgpd, the node hangs or the link fails)`,
    fails: `${a.speaker}'s bgpd closes the session before BFD goes down (bgpd stopped first, or bgpd and bfdd killed with -9 together)`,
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
  return e.side === 'frr' ? `${e.label} on ${e.speaker}` : e.label;
}

/** One-line text of a verdict: "routes kept 120 s" or "routes lost: <first reason>". */
export function verdictText(v: VerdictOutcome): string {
  if (v.kept) return `routes kept ${v.seconds} s`;
  return `routes lost: ${v.reasons[0]?.message ?? 'unknown reason'}`;
}
